//! claimlens-wasm-api: the engine as a JavaScript API, for the app's batch worker and
//! for any other web page or worker.
//!
//! Design:
//! - **Strings in, JSON out.** [`annotate`] takes the text and an optional article
//!   date and returns the native document JSON (`claimlens_core::formats::native`),
//!   the same bytes the app exports, so a caller needs no bindings beyond strings.
//! - **One wasm.** The app links this crate, so its exports are part of the app's
//!   own `claimlens-app-*.js` / `_bg.wasm`: the batch worker and other pages load
//!   the file the page already has, and the engine is transferred once (a second
//!   wasm of the engine alone would cost about as much again against the size
//!   budget). The app's start function renders nothing where there is no window.
//! - **Core only.** No web-sys, no Yew here: the API is the engine, nothing else.
//! - **Errors are thrown.** A bad date becomes a JavaScript `Error` whose message
//!   says what to fix; text is never refused (empty text gives an empty document).

#![deny(missing_docs)]

use claimlens_core::calendar::CalendarDate;
use claimlens_core::formats::native::to_json;
use wasm_bindgen::prelude::*;

/// The id a document gets when the caller names none.
pub const DEFAULT_ID: &str = "document";

/// The version of this API, e.g. `0.1.0`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Annotates `text` and returns the document JSON. `dct` is the article's date as
/// `YYYY-MM-DD`, or empty to infer it from the text.
///
/// # Errors
/// `dct` is neither empty nor a valid date.
#[wasm_bindgen]
pub fn annotate(text: &str, dct: &str) -> Result<String, JsError> {
    annotate_document(DEFAULT_ID, text, dct)
}

/// Like [`annotate`], with the document's `id` (it names the document in the JSON
/// and in exports).
///
/// # Errors
/// `dct` is neither empty nor a valid date.
#[wasm_bindgen(js_name = annotateDocument)]
pub fn annotate_document(id: &str, text: &str, dct: &str) -> Result<String, JsError> {
    let dct = read_dct(dct).map_err(|e| JsError::new(&e))?;
    Ok(annotate_json(id, text, dct))
}

/// The document JSON for `text` (the part of [`annotate_document`] that needs no
/// JavaScript, so it is tested natively).
pub fn annotate_json(id: &str, text: &str, dct: Option<CalendarDate>) -> String {
    to_json(&claimlens_core::annotate(id, text, dct))
}

/// Reads the optional date: empty (or blank) means "infer it".
///
/// # Errors
/// A message naming the bad value and the expected form.
pub fn read_dct(dct: &str) -> Result<Option<CalendarDate>, String> {
    let dct = dct.trim();
    if dct.is_empty() {
        return Ok(None);
    }
    dct.parse::<CalendarDate>()
        .map(Some)
        .map_err(|e| format!("dct {dct:?}: {e}; give YYYY-MM-DD or an empty string"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_json_is_the_native_document() {
        let json = annotate_json("a", "Baku said on Monday that Yerevan lied.", None);
        let doc = claimlens_core::formats::native::from_json(&json).expect("native JSON");
        assert_eq!(doc.id, "a");
        assert_eq!(doc.text, "Baku said on Monday that Yerevan lied.");
    }

    #[test]
    fn a_date_is_optional_but_checked() {
        assert_eq!(read_dct(" "), Ok(None));
        assert_eq!(read_dct("2020-09-27"), Ok(CalendarDate::new(2020, 9, 27)));
        let e = read_dct("27/09/2020").expect_err("not ISO");
        assert!(e.contains("27/09/2020") && e.contains("YYYY-MM-DD"), "{e}");
    }

    #[test]
    fn odd_text_gives_a_document() {
        for text in ["", "\u{0}\u{0}", "\"\"\"\"", "\u{FFFD}\u{200F}ש"] {
            let json = annotate_json(DEFAULT_ID, text, None);
            assert!(json.contains("\"text\""), "{json}");
        }
    }
}

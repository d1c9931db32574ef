//! claimlens-wasm-api: the engine as a JavaScript API, for the app's batch worker and
//! for any other web page or worker.
//!
//! Design:
//! - **Strings in, JSON out.** [`annotate`] takes the text and an optional article
//!   date and returns the native document JSON (`claimlens_core::formats::native`),
//!   the same bytes the app exports, so a caller needs no bindings beyond strings.
//!   [`annotate_for_page`] (`annotateForPage`) is for a page that keeps the text it
//!   sent: only the annotations come back, as compact hand-over bytes
//!   (`claimlens_core::formats::handover`), which the app's batch worker uses.
//! - **One wasm.** The app links this crate, so its exports are part of the app's
//!   own `claimlens-app-*.js` / `_bg.wasm`: the batch worker and other pages load
//!   the file the page already has, and the engine is transferred once (a second
//!   wasm of the engine alone would cost about as much again against the size
//!   budget). The app's start function renders nothing where there is no window.
//! - **Core only.** No web-sys, no Yew here: the API is the engine, nothing else.
//! - **Errors are thrown.** A bad date becomes a JavaScript `Error` whose message
//!   says what to fix. Any text is annotated (empty text gives an empty document)
//!   except a string that is not valid UTF-16: half of a surrogate pair alone (a
//!   JavaScript string cut inside an emoji). wasm-bindgen's string conversion would
//!   silently put U+FFFD in its place, and the document's `text` would then differ
//!   from the caller's; instead the call throws, naming the UTF-16 offset, and the
//!   caller decides (`text.toWellFormed()` makes that same replacement explicitly,
//!   keeping every UTF-16 offset where it was).

#![deny(missing_docs)]

use claimlens_core::calendar::CalendarDate;
use claimlens_core::formats::handover;
use claimlens_core::formats::native::to_json;
use js_sys::JsString;
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
/// `dct` is neither empty nor a valid date, or `text` holds a lone surrogate.
#[wasm_bindgen]
pub fn annotate(text: &JsString, dct: &str) -> Result<String, JsError> {
    annotate_document(DEFAULT_ID, text, dct)
}

/// Like [`annotate`], with the document's `id` (it names the document in the JSON
/// and in exports).
///
/// # Errors
/// `dct` is neither empty nor a valid date, or `text` holds a lone surrogate.
#[wasm_bindgen(js_name = annotateDocument)]
pub fn annotate_document(id: &str, text: &JsString, dct: &str) -> Result<String, JsError> {
    let dct = read_dct(dct).map_err(|e| JsError::new(&e))?;
    let text = read_text(text)?;
    Ok(annotate_json(id, &text, dct))
}

/// Like [`annotate_document`], for the page that sent the text and keeps it: the
/// annotations, the date and the next id as hand-over bytes
/// (`claimlens_core::formats::handover`), without the text. The batch worker answers
/// the app with these: a few megabytes where the document JSON of 10 MB of text is
/// about 60, and read on the page in milliseconds.
///
/// # Errors
/// As [`annotate_document`], or a text of 4 GiB or more.
#[wasm_bindgen(js_name = annotateForPage)]
pub fn annotate_for_page(id: &str, text: &JsString, dct: &str) -> Result<Vec<u8>, JsError> {
    let dct = read_dct(dct).map_err(|e| JsError::new(&e))?;
    let text = read_text(text)?;
    handover::encode(&claimlens_core::annotate(id, &text, dct))
        .ok_or_else(|| JsError::new("text: 4 GiB or more; split it into smaller documents"))
}

/// The caller's text as Rust holds it.
///
/// # Errors
/// The text holds a lone surrogate (the message names its index).
fn read_text(text: &JsString) -> Result<String, JsError> {
    // The conversion puts U+FFFD for each lone surrogate; only where it did is the
    // original consulted, so valid text costs one scan.
    let converted = String::from(text);
    let unit_at = |i: usize| u32::try_from(i).map_or(0, |i| text.char_code_at(i) as u16);
    match first_lone_surrogate(&converted, unit_at) {
        Some(lone) => Err(JsError::new(&lone.to_string())),
        None => Ok(converted),
    }
}

/// Half of a surrogate pair found alone in the caller's string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoneSurrogate {
    /// Its offset in UTF-16 code units (JavaScript string indices).
    pub at: usize,
    /// The code unit (`0xD800..=0xDFFF`).
    pub unit: u16,
}

impl std::fmt::Display for LoneSurrogate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "text: the UTF-16 code unit 0x{:04X} at index {} is half of a surrogate pair without its other half \
             (a string cut inside an emoji?), so the text is not valid Unicode; repair the text, or pass \
             text.toWellFormed() to annotate it with U+FFFD in its place (every index stays where it was)",
            self.unit, self.at
        )
    }
}

/// The first lone surrogate of the caller's string, given its lossy conversion
/// `converted` (each lone surrogate became one U+FFFD, which is one UTF-16 unit too,
/// so indices agree) and `unit_at`, the caller's code unit at an index.
pub fn first_lone_surrogate(
    converted: &str,
    unit_at: impl Fn(usize) -> u16,
) -> Option<LoneSurrogate> {
    if !converted.contains('\u{FFFD}') {
        return None;
    }
    let mut at = 0;
    for c in converted.chars() {
        if c == '\u{FFFD}' {
            let unit = unit_at(at);
            if (0xD800..0xE000).contains(&unit) {
                return Some(LoneSurrogate { at, unit });
            }
        }
        at += c.len_utf16();
    }
    None
}

/// The document JSON for `text` (the part of [`annotate_document`] that needs no
/// JavaScript, so it is tested natively): the bytes of `native::to_json`.
///
/// `to_json` and its parts are `#[inline]`, so they are compiled in this crate, with
/// this crate's speed opt-level (see the root Cargo.toml), while the app's own copy
/// stays size-tuned.
pub fn annotate_json(id: &str, text: &str, dct: Option<CalendarDate>) -> String {
    to_json(&claimlens_core::annotate(id, text, dct))
}

/// Reads the optional date: empty (or blank) means "infer it".
///
/// # Errors
/// A message naming the bad value and the expected form.
pub fn read_dct(dct: &str) -> Result<Option<CalendarDate>, String> {
    CalendarDate::parse_optional(dct).map_err(|e| {
        format!(
            "dct {:?}: {e}; give YYYY-MM-DD or an empty string",
            dct.trim()
        )
    })
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
    fn the_json_is_byte_for_byte_what_the_app_exports() {
        let text = "On 3 May 2024, Maria Lopez said \"the talks failed\" (café, 😀).";
        let json = annotate_json("a", text, None);
        let doc = claimlens_core::annotate("a", text, None);
        assert_eq!(json, to_json(&doc));
        let wire = claimlens_core::formats::native::to_wire(&doc);
        assert_eq!(json, serde_json::to_string(&wire).expect("serialises"));
    }

    #[test]
    fn a_date_is_optional_but_checked() {
        assert_eq!(read_dct(" "), Ok(None));
        assert_eq!(read_dct("2020-09-27"), Ok(CalendarDate::new(2020, 9, 27)));
        let e = read_dct("27/09/2020").expect_err("not ISO");
        assert!(e.contains("27/09/2020") && e.contains("YYYY-MM-DD"), "{e}");
    }

    /// The lossy conversion wasm-bindgen makes, and the original's code units.
    fn from_js(units: &[u16]) -> (String, impl Fn(usize) -> u16 + '_) {
        (String::from_utf16_lossy(units), move |i| units[i])
    }

    #[test]
    fn a_lone_surrogate_is_found_at_its_javascript_index() {
        let mut units: Vec<u16> = "😀 Baku \u{FFFD} said".encode_utf16().collect();
        let genuine = units.len();
        units.extend([0x20, 0xD83D, 0x21]);
        let (converted, unit_at) = from_js(&units);
        let lone = first_lone_surrogate(&converted, unit_at).expect("found");
        assert_eq!(
            lone,
            LoneSurrogate {
                at: genuine + 1,
                unit: 0xD83D
            }
        );
        let message = lone.to_string();
        assert!(message.contains("0xD83D at index 15"), "{message}");
        assert!(message.contains("toWellFormed()"), "{message}");
        let trailing: Vec<u16> = vec![0xDE00, 0x41];
        let (converted, unit_at) = from_js(&trailing);
        assert_eq!(
            first_lone_surrogate(&converted, unit_at),
            Some(LoneSurrogate {
                at: 0,
                unit: 0xDE00
            })
        );
    }

    #[test]
    fn valid_text_and_a_genuine_replacement_character_pass() {
        for text in ["", "😀 Baku", "\u{FFFD} is a character too"] {
            let units: Vec<u16> = text.encode_utf16().collect();
            let (converted, unit_at) = from_js(&units);
            assert_eq!(first_lone_surrogate(&converted, unit_at), None, "{text}");
        }
    }

    #[test]
    fn odd_text_gives_a_document() {
        for text in ["", "\u{0}\u{0}", "\"\"\"\"", "\u{FFFD}\u{200F}ש"] {
            let json = annotate_json(DEFAULT_ID, text, None);
            assert!(json.contains("\"text\""), "{json}");
        }
    }
}

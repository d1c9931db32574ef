//! Saving a file from the page: a Blob behind an object URL, clicked through a
//! temporary `<a download>`. Nothing leaves the machine; the URL is revoked once the
//! browser has had time to start the download.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long the object URL stays valid after the click, in milliseconds.
const REVOKE_AFTER_MS: i32 = 60_000;

/// Offers `contents` (text or bytes) as a download named `file_name` with the given MIME type.
///
/// # Errors
/// The browser refused one of the steps (no window, Blob or URL support); the value is
/// the browser's own error.
pub fn save(file_name: &str, mime: &str, contents: impl AsRef<[u8]>) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window
        .document()
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let parts = Array::of1(&Uint8Array::from(contents.as_ref()));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let revoke = Closure::once_into_js(move || {
        // Best effort: a URL that outlives the page is freed with it anyway.
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(
        revoke.unchecked_ref(),
        REVOKE_AFTER_MS,
    )?;
    Ok(())
}

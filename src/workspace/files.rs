//! Reading picked or dropped files: every file's bytes, then one callback with all of
//! them, so an import is a single action (and a bad file cannot leave half of one).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{File, FileList};
use yew::Callback;

use super::PickedFile;

/// The files of a `FileList` (picker or drop).
pub fn list(files: Option<FileList>) -> Vec<File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads every file and emits them all, in order; a file the browser cannot read is
/// given as empty, which the import reports as an empty file.
pub fn read_all(files: Vec<File>, done: Callback<Vec<PickedFile>>) {
    if files.is_empty() {
        return;
    }
    spawn_local(async move {
        let mut out = Vec::with_capacity(files.len());
        for f in files {
            let bytes = match JsFuture::from(f.array_buffer()).await {
                Ok(buf) => buf
                    .dyn_into::<js_sys::ArrayBuffer>()
                    .map(|b| js_sys::Uint8Array::new(&b).to_vec())
                    .unwrap_or_default(),
                Err(_) => Vec::new(),
            };
            out.push(PickedFile {
                name: f.name(),
                bytes,
            });
        }
        done.emit(out);
    });
}

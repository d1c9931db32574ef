//! The exchange panel's browser calls: reading picked files and the batch worker
//! (downloads go through `crate::download`).

use std::cell::RefCell;

use claimlens_core::formats::InputFile;
use js_sys::Uint8Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlLinkElement, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use super::protocol::{Engine, FromWorker, ToWorker};

/// The worker script, relative to the page (so a sub-path works).
pub const WORKER_URL: &str = "./batch-worker.js";
/// The app's own glue and wasm, from the preload links Trunk writes into the page;
/// `None` when they are missing (the worker then reads them from `index.html`).
pub fn engine() -> Option<Engine> {
    let document = web_sys::window()?.document()?;
    let href = |selector: &str| -> Option<String> {
        let link: HtmlLinkElement = document.query_selector(selector).ok()??.dyn_into().ok()?;
        Some(link.href())
    };
    Some(Engine {
        glue: href("link[rel=modulepreload][href$='.js']")?,
        wasm: href("link[rel=preload][href$='_bg.wasm']")?,
    })
}

/// Reads every file of a file input.
///
/// # Errors
/// A file the browser could not read, named.
pub async fn read_files(files: Option<web_sys::FileList>) -> Result<Vec<InputFile>, String> {
    let Some(files) = files else {
        return Ok(Vec::new());
    };
    let mut read = Vec::with_capacity(files.length() as usize);
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let name = file.name();
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|e| format!("{name}: the browser could not read the file ({e:?})"))?;
        read.push(InputFile {
            name,
            bytes: Uint8Array::new(&buffer).to_vec(),
        });
    }
    Ok(read)
}

/// The batch worker, stopped when dropped.
pub struct BatchWorker {
    worker: Worker,
    // Kept alive as long as the worker may call it.
    _onmessage: Closure<dyn FnMut(MessageEvent)>,
    _onerror: Closure<dyn FnMut(web_sys::Event)>,
    last_error: RefCell<Option<String>>,
}

impl BatchWorker {
    /// Starts the worker; its messages go to `onmessage`, a failure to load it to
    /// `onproblem`.
    ///
    /// # Errors
    /// The browser refused to start the worker.
    pub fn start(
        onmessage: Callback<FromWorker>,
        onproblem: Callback<String>,
    ) -> Result<Self, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(WORKER_URL, &options)?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            if let Some(message) = e.data().as_string().as_deref().and_then(FromWorker::parse) {
                onmessage.emit(message);
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            onproblem.emit(
                "The annotation worker could not start; reload the page and try again.".into(),
            );
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(BatchWorker {
            worker,
            _onmessage: on_message,
            _onerror: on_error,
            last_error: RefCell::new(None),
        })
    }

    /// Sends a message; a refusal is kept for [`BatchWorker::take_error`].
    pub fn send(&self, message: &ToWorker<'_>) {
        if let Err(e) = self
            .worker
            .post_message(&JsValue::from_str(&message.to_json()))
        {
            *self.last_error.borrow_mut() = Some(format!("{e:?}"));
        }
    }

    /// The last error of [`BatchWorker::send`], if any.
    pub fn take_error(&self) -> Option<String> {
        self.last_error.borrow_mut().take()
    }
}

impl Drop for BatchWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

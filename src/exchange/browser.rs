//! The exchange panel's browser calls: reading picked files and the batch worker
//! (downloads go through `crate::download`).

use std::cell::RefCell;

use claimlens_core::formats::InputFile;
use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlLinkElement, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use super::protocol::{Engine, FromWorker, NotUnderstood, Payload, ToWorker};

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
        let on_message = {
            let onproblem = onproblem.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
                match read_message(&e.data()) {
                    Ok(message) => onmessage.emit(message),
                    Err(e @ NotUnderstood::OtherProtocol(_)) => onproblem.emit(e.to_string()),
                    Err(NotUnderstood::Other) => {}
                }
            })
        };
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
        if let Err(e) = to_js(message).and_then(|m| self.worker.post_message(&m)) {
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

/// The message as an object: its JSON header, parsed, with each document's text set
/// as a string of its own (copied to the worker as it is, never escaped).
fn to_js(message: &ToWorker<'_>) -> Result<JsValue, JsValue> {
    let object = js_sys::JSON::parse(&message.header_json())?;
    let texts = message.texts();
    if !texts.is_empty() {
        let documents = Reflect::get(&object, &JsValue::from_str("documents"))?;
        let key = JsValue::from_str("text");
        for (i, text) in (0u32..).zip(texts) {
            let document = Reflect::get_u32(&documents, i)?;
            Reflect::set(&document, &key, &JsValue::from_str(text))?;
        }
    }
    Ok(object)
}

/// A worker message: its document (`document` or `annotations`) taken off first, so
/// only the small fields go through JSON.
fn read_message(data: &JsValue) -> Result<FromWorker, NotUnderstood> {
    let Some(object) = data.dyn_ref::<js_sys::Object>() else {
        // A string is how version 1 spoke.
        return match data.as_string() {
            Some(json) => FromWorker::parse(&json),
            None => Err(NotUnderstood::Other),
        };
    };
    let take = |name: &str| -> Option<JsValue> {
        let key = JsValue::from_str(name);
        let value = Reflect::get(object, &key)
            .ok()
            .filter(|v| !v.is_undefined())?;
        let _ = Reflect::delete_property(object, &key);
        Some(value)
    };
    let payload = if let Some(bytes) = take("annotations") {
        bytes
            .dyn_ref::<Uint8Array>()
            .map_or(Payload::Missing, |b| Payload::Annotations(b.to_vec()))
    } else if let Some(json) = take("document") {
        json.as_string().map_or(Payload::Missing, Payload::Document)
    } else {
        Payload::Missing
    };
    let header = js_sys::JSON::stringify(object)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or(NotUnderstood::Other)?;
    let mut message = FromWorker::parse(&header)?;
    if let FromWorker::Progress { payload: p, .. } = &mut message {
        *p = payload;
    }
    Ok(message)
}

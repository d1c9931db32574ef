//! Annotating a pasted article without freezing the page. A short article is
//! annotated in place (the reducer's `CreateFromPaste`: instant, no worker to start);
//! a long one goes to the batch worker (`crates/wasm-api/js/batch-worker.js`, through
//! [`BatchWorker`]), so the page keeps answering while a megabyte is annotated, and
//! the finished document comes back as `AddAnnotated`. Should the worker fail or not
//! start, the article is annotated in place after all: slower, never lost.

use std::cell::RefCell;
use std::rc::Rc;

use claimlens_core::ingest::limit::check_length;
use yew::prelude::*;

use super::{now, WorkspaceAction, WorkspaceState};
use crate::exchange::browser::{engine, BatchWorker};
use crate::exchange::protocol::{BatchInput, FromWorker, Reply, ToWorker};
use crate::state::{read_dct, PASTED_ID};

/// Articles longer than this (bytes) are annotated in the worker: past it, annotating
/// in place would hold the page for more than a frame or two.
pub const IN_PLACE_LIMIT: usize = 32 * 1024;

/// The article the worker has in hand.
struct Pending {
    batch: u32,
    text: String,
    dct: String,
}

/// The worker (started on first use), the batch counter and the pending article.
#[derive(Default)]
struct Client {
    worker: Option<BatchWorker>,
    batches: u32,
    pending: Option<Pending>,
}

/// What the page shows while the worker annotates: `true` from the request until the
/// document is added (or annotated in place after a failure).
pub type Busy = UseStateHandle<bool>;

/// What the paste area calls: `annotate` with the text and the `YYYY-MM-DD` or empty
/// date (the article is annotated and added to the library, in place or in the worker
/// by its length), and `warm` once the text box holds a long text, so the worker and
/// its engine load while the user is still choosing a date.
#[derive(Clone, PartialEq)]
pub struct PasteAnnotation {
    /// Annotate a pasted article and add it to the library.
    pub annotate: Callback<(String, String)>,
    /// Start the worker ahead of a long article (does nothing once it runs).
    pub warm: Callback<()>,
}

/// The paste area's callbacks over the library; `None` without a library.
///
/// ```ignore
/// let busy = use_state(|| false);
/// let paste = use_paste_annotation(Some(library.dispatcher()), busy.clone());
/// paste.inspect(|p| p.annotate.emit((text, dct)));
/// ```
#[hook]
pub fn use_paste_annotation(
    library: Option<UseReducerDispatcher<WorkspaceState>>,
    busy: Busy,
) -> Option<PasteAnnotation> {
    let client = use_mut_ref(Client::default);
    let library = library?;
    let warm = {
        let (client, library, busy) = (client.clone(), library.clone(), busy.clone());
        Callback::from(move |()| {
            if client.borrow().worker.is_none() && start(&client, &library, &busy) {
                // An empty batch: the worker loads the engine and finishes at once.
                if let Some(worker) = client.borrow().worker.as_ref() {
                    worker.send(&ToWorker::Batch {
                        batch: 0,
                        documents: Vec::new(),
                        reply: Reply::Annotations,
                        engine: engine(),
                    });
                }
            }
        })
    };
    let annotate = Callback::from(move |(text, dct): (String, String)| {
        let in_place = |text: String, dct: String| {
            library.dispatch(WorkspaceAction::CreateFromPaste {
                text,
                dct,
                now: now(),
            });
        };
        // Empty or too long text and bad dates are the reducer's to refuse, at once.
        if text.len() <= IN_PLACE_LIMIT
            || text.trim().is_empty()
            || read_dct(&dct).is_err()
            || check_length(text.len()).is_err()
        {
            return in_place(text, dct);
        }
        match send(&client, &library, &busy, text, dct) {
            Ok(()) => busy.set(true),
            Err((text, dct)) => in_place(text, dct),
        }
    });
    Some(PasteAnnotation { annotate, warm })
}

/// Starts the worker; false when the browser refuses.
fn start(
    client: &Rc<RefCell<Client>>,
    library: &UseReducerDispatcher<WorkspaceState>,
    busy: &Busy,
) -> bool {
    let on_message = {
        let (client, library, busy) = (client.clone(), library.clone(), busy.clone());
        Callback::from(move |m: FromWorker| answer(&client, &library, &busy, m))
    };
    let on_problem = {
        let (client, library, busy) = (client.clone(), library.clone(), busy.clone());
        Callback::from(move |_: String| {
            // The worker is gone: annotate here, and start a new one next time.
            let pending = {
                let mut c = client.borrow_mut();
                c.worker = None;
                c.pending.take()
            };
            fall_back(&library, &busy, pending);
        })
    };
    match BatchWorker::start(on_message, on_problem) {
        Ok(worker) => {
            client.borrow_mut().worker = Some(worker);
            true
        }
        Err(_) => false,
    }
}

/// Sends the article to the worker (starting it if needed); gives the article back
/// when the browser refuses.
fn send(
    client: &Rc<RefCell<Client>>,
    library: &UseReducerDispatcher<WorkspaceState>,
    busy: &Busy,
    text: String,
    dct: String,
) -> Result<(), (String, String)> {
    if client.borrow().worker.is_none() && !start(client, library, busy) {
        return Err((text, dct));
    }
    let mut c = client.borrow_mut();
    c.batches += 1;
    let batch = c.batches;
    let sent = c.worker.as_ref().map(|worker| {
        worker.send(&ToWorker::Batch {
            batch,
            documents: vec![BatchInput {
                id: PASTED_ID,
                text: &text,
                dct: dct.trim().to_string(),
            }],
            // The page keeps the text: only what the engine added comes back.
            reply: Reply::Annotations,
            engine: engine(),
        });
        worker.take_error().is_none()
    });
    if sent != Some(true) {
        return Err((text, dct));
    }
    c.pending = Some(Pending { batch, text, dct });
    Ok(())
}

/// Handles one worker message: the annotated article is added; a failure annotates
/// it in place. Messages about an earlier paste are ignored.
fn answer(
    client: &Rc<RefCell<Client>>,
    library: &UseReducerDispatcher<WorkspaceState>,
    busy: &Busy,
    message: FromWorker,
) {
    let current = client.borrow().pending.as_ref().map(|p| p.batch);
    match message {
        FromWorker::Progress { batch, payload, .. } if Some(batch) == current => {
            let Some(Pending { text, dct, .. }) = client.borrow_mut().pending.take() else {
                return;
            };
            let (library, busy) = (library.clone(), busy.clone());
            // Reading the worker's annotations and showing the document are each a
            // piece of work of their own: each gets a task, so key presses are
            // handled between.
            wasm_bindgen_futures::spawn_local(async move {
                next_task().await;
                match payload.into_document(PASTED_ID, text) {
                    Ok(document) => {
                        next_task().await;
                        library.dispatch(WorkspaceAction::AddAnnotated {
                            document,
                            now: now(),
                        });
                        busy.set(false);
                    }
                    Err((_, text)) => {
                        fall_back(&library, &busy, Some(Pending { batch, text, dct }))
                    }
                }
            });
        }
        FromWorker::Failed { batch, .. } if batch.is_none() || batch == current => {
            let pending = client.borrow_mut().pending.take();
            fall_back(library, busy, pending);
        }
        _ => {}
    }
}

/// Resolves in a task of its own (a zero-delay timer), letting the page handle input
/// and paint in between.
async fn next_task() {
    let timer = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .ok()
        });
        if queued.is_none() {
            // No timer to wait for: go on at once.
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(timer).await;
}

/// Annotates the pending article in place.
fn fall_back(
    library: &UseReducerDispatcher<WorkspaceState>,
    busy: &Busy,
    pending: Option<Pending>,
) {
    if let Some(Pending { text, dct, .. }) = pending {
        library.dispatch(WorkspaceAction::CreateFromPaste {
            text,
            dct,
            now: now(),
        });
    }
    busy.set(false);
}

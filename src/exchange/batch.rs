//! Batch annotation of the library in the worker: which documents go (those the
//! library lists, so a search narrows the batch; by default only those without any
//! annotation, optionally every one), the progress, Cancel, and "Undo the batch".
//!
//! Results land in the library by `library::merge_suggestions` (every annotation a
//! person made or decided is kept; see that module). The page must stay responsive
//! while hundreds of results arrive, so a worker message costs little on the main
//! thread: it updates the count, and its document waits in a buffer that is handed
//! to the library at most every [`LAND_EVERY_MS`], as one action (one re-render of
//! the list, one round of IndexedDB writes).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use claimlens_core::library::Library;
use claimlens_core::model::Document;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::batch_bar::BatchBar;
use super::browser::{self, BatchWorker};
use super::collection::{BatchProgress, Collection, CollectionAction};
use super::protocol::{BatchInput, FromWorker, Reply, ToWorker};
use crate::workspace::{now, WorkspaceAction, WorkspaceHandle};

/// The longest a result waits before it lands in the library.
pub const LAND_EVERY_MS: i32 = 250;

/// Props of [`LibraryBatch`].
#[derive(Properties, PartialEq)]
pub struct LibraryBatchProps {
    /// The current or last batch.
    pub progress: Option<BatchProgress>,
    /// The exchange panel's reducer, which counts the batch.
    pub dispatch: UseReducerDispatcher<Collection>,
}

/// The worker, the batch number, the texts sent (the worker answers with the
/// annotations only) and the results waiting to land.
#[derive(Default)]
struct Runner {
    worker: Option<BatchWorker>,
    batch: u32,
    sent: HashMap<String, String>,
    waiting: Vec<Document>,
    timer: Option<i32>,
}

type RunnerRef = Rc<RefCell<Runner>>;

/// The documents a batch would annotate: those the library lists (the search's hits
/// when searching), without any annotation unless `all`.
pub fn to_annotate<'l>(library: &'l Library, query: &str, all: bool) -> Vec<&'l Document> {
    let listed: Vec<&'l Document> = if query.trim().is_empty() {
        library.entries().iter().map(|e| e.document()).collect()
    } else {
        let hits = library.search(query);
        library
            .entries()
            .iter()
            .filter(|e| hits.iter().any(|h| h.id == e.id()))
            .map(|e| e.document())
            .collect()
    };
    listed
        .into_iter()
        .filter(|d| all || d.annotations.is_empty())
        .collect()
}

/// "Annotate all", the progress bar, Cancel, and Undo of the last batch.
#[function_component]
pub fn LibraryBatch(props: &LibraryBatchProps) -> Html {
    let Some(ws) = use_context::<WorkspaceHandle>() else {
        return html! {};
    };
    let runner = use_mut_ref(Runner::default);
    let again = use_state_eq(|| false);
    let waiting = to_annotate(&ws.library, &ws.query, *again).len();
    let running = props.progress.is_some_and(|p| p.running);

    let onstart = {
        let (ws, runner, dispatch, again) = (
            ws.clone(),
            runner.clone(),
            props.dispatch.clone(),
            again.clone(),
        );
        Callback::from(move |()| {
            let docs = to_annotate(&ws.library, &ws.query, *again);
            if docs.is_empty() {
                return;
            }
            if let Err(problem) = ensure_worker(&runner, &dispatch, &ws) {
                dispatch.dispatch(CollectionAction::Refuse(problem));
                return;
            }
            let batch = {
                let mut r = runner.borrow_mut();
                r.batch += 1;
                r.waiting.clear();
                r.sent = docs
                    .iter()
                    .map(|d| (d.id.clone(), d.text.clone()))
                    .collect();
                r.batch
            };
            ws.dispatch(WorkspaceAction::BatchStarted);
            dispatch.dispatch(CollectionAction::BatchStarted {
                batch,
                total: docs.len(),
            });
            let r = runner.borrow();
            if let Some(w) = r.worker.as_ref() {
                w.send(&ToWorker::Batch {
                    batch,
                    documents: docs.iter().map(|d| BatchInput::of(d)).collect(),
                    reply: Reply::Annotations,
                    engine: browser::engine(),
                });
                if let Some(e) = w.take_error() {
                    dispatch.dispatch(CollectionAction::Refuse(format!(
                        "The batch could not be sent to the worker ({e})."
                    )));
                }
            }
        })
    };
    let oncancel = {
        let runner = runner.clone();
        Callback::from(move |()| {
            let r = runner.borrow();
            if let Some(w) = r.worker.as_ref() {
                w.send(&ToWorker::Cancel { batch: r.batch });
            }
        })
    };
    let onagain = {
        let again = again.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            again.set(input.checked());
        })
    };
    let onundo = {
        let ws = ws.clone();
        Callback::from(move |_: MouseEvent| ws.dispatch(WorkspaceAction::UndoBatch { now: now() }))
    };
    let changed = ws.batch_undo.len();
    html! {
        <div class="library-batch">
            <BatchBar {waiting} progress={props.progress} {onstart} {oncancel} />
            <label class="hint">
                <input type="checkbox" data-testid="batch-again" checked={*again} onchange={onagain} disabled={running} />
                { " also documents already annotated (keeps every annotation made or decided by hand)" }
            </label>
            if changed > 0 && !running {
                <p class="hint" data-testid="batch-changed">
                    { format!("The last batch changed {changed} document{}. ", if changed == 1 { "" } else { "s" }) }
                    <button type="button" data-testid="batch-undo" onclick={onundo}>{ "Undo the batch" }</button>
                </p>
            }
        </div>
    }
}

/// Starts the worker on first use.
fn ensure_worker(
    runner: &RunnerRef,
    dispatch: &UseReducerDispatcher<Collection>,
    ws: &WorkspaceHandle,
) -> Result<(), String> {
    if runner.borrow().worker.is_some() {
        return Ok(());
    }
    let on_message = {
        let (runner, dispatch, ws) = (Rc::downgrade(runner), dispatch.clone(), ws.dispatcher());
        Callback::from(move |m: FromWorker| {
            let Some(runner) = runner.upgrade() else {
                return;
            };
            received(&runner, &dispatch, &ws, m);
        })
    };
    let on_problem = {
        let dispatch = dispatch.clone();
        Callback::from(move |p: String| dispatch.dispatch(CollectionAction::Refuse(p)))
    };
    let started = BatchWorker::start(on_message, on_problem)
        .map_err(|e| format!("The browser refused to start the annotation worker ({e:?})."))?;
    runner.borrow_mut().worker = Some(started);
    Ok(())
}

/// One worker message: the count now, the document when it lands.
fn received(
    runner: &RunnerRef,
    dispatch: &UseReducerDispatcher<Collection>,
    ws: &UseReducerDispatcher<crate::workspace::WorkspaceState>,
    message: FromWorker,
) {
    let current = runner.borrow().batch;
    match message {
        FromWorker::Ready { .. } => {}
        FromWorker::Progress {
            batch,
            done,
            id,
            payload,
            ..
        } if batch == current => {
            let text = runner.borrow_mut().sent.remove(&id).unwrap_or_default();
            match payload.into_document(&id, text) {
                Ok(document) => {
                    runner.borrow_mut().waiting.push(document);
                    land_soon(runner, ws);
                    dispatch.dispatch(CollectionAction::BatchDocument { batch, done });
                }
                Err((e, _)) => dispatch.dispatch(CollectionAction::BatchFailed {
                    batch,
                    done,
                    message: format!("{id}: the worker's document could not be read: {e}"),
                }),
            }
        }
        FromWorker::Failed {
            batch: Some(batch),
            done,
            id,
            message,
        } => dispatch.dispatch(CollectionAction::BatchFailed {
            batch,
            done,
            message: format!("{id}: {message}"),
        }),
        FromWorker::Failed {
            batch: None,
            message,
            ..
        } => dispatch.dispatch(CollectionAction::Refuse(format!(
            "The annotation engine could not load: {message}"
        ))),
        FromWorker::Finished {
            batch,
            done,
            cancelled,
        } => {
            if batch == current {
                land(runner, ws);
            }
            dispatch.dispatch(CollectionAction::BatchFinished {
                batch,
                done,
                cancelled,
            });
        }
        FromWorker::Progress { .. } => {}
    }
}

/// Lands the waiting results within [`LAND_EVERY_MS`].
fn land_soon(runner: &RunnerRef, ws: &UseReducerDispatcher<crate::workspace::WorkspaceState>) {
    if runner.borrow().timer.is_some() {
        return;
    }
    let (weak, ws2) = (Rc::downgrade(runner), ws.clone());
    let tick = Closure::once_into_js(move || {
        if let Some(runner) = weak.upgrade() {
            land(&runner, &ws2);
        }
    });
    let timer = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(tick.unchecked_ref(), LAND_EVERY_MS)
            .ok()
    });
    runner.borrow_mut().timer = timer;
}

/// Hands every waiting result to the library, as one action.
fn land(runner: &RunnerRef, ws: &UseReducerDispatcher<crate::workspace::WorkspaceState>) {
    let documents = {
        let mut r = runner.borrow_mut();
        if let (Some(t), Some(w)) = (r.timer.take(), web_sys::window()) {
            w.clear_timeout_with_handle(t);
        }
        std::mem::take(&mut r.waiting)
    };
    if !documents.is_empty() {
        ws.dispatch(WorkspaceAction::BatchResults {
            documents,
            now: now(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_takes_the_listed_documents_not_yet_annotated() {
        let mut lib = Library::new();
        let a = lib.create_from_text("Talks in Geneva\nThe ministry said no.", None, None, 1);
        let b = lib.create_from_text("Floods in Paris\nThe mayor said yes.", None, None, 2);
        let annotated = claimlens_core::annotate(&b, lib.get(&b).map_or("", |e| e.text()), None);
        lib.update_document(&b, annotated, 3).expect("update");
        let ids = |docs: Vec<&Document>| docs.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(to_annotate(&lib, "", false)), std::slice::from_ref(&a));
        assert_eq!(ids(to_annotate(&lib, "", true)), [a.clone(), b.clone()]);
        assert_eq!(ids(to_annotate(&lib, "paris", true)), [b]);
        assert!(to_annotate(&lib, "paris", false).is_empty());
    }
}

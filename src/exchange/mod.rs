//! The exchange panel: documents in and out of the app, and many at once.
//! - import of annotation files (native, brat, doccano, Label Studio, W3C) with the
//!   core's notices, and of plain articles to annotate ([`claimlens_core::ingest`]);
//! - "Annotate all" in the batch worker ([`browser::BatchWorker`], protocol in
//!   [`protocol`]) with progress and Cancel, the page staying responsive;
//! - the export menu (every format, one file or one `.zip`, [`exports`]);
//! - the agreement view ([`agreement_view`]).
//!
//! Its state is [`collection::Collection`], a reducer of its own, so the panel plugs
//! into the page with one element and no change to the app state.

pub mod agreement_view;
pub mod batch_bar;
pub mod browser;
pub mod collection;
pub mod export_menu;
pub mod exports;
pub mod protocol;

use std::cell::RefCell;
use std::rc::Rc;

use claimlens_core::formats::native::from_json;
use claimlens_core::formats::{import, ExportOptions, InputFile};
use claimlens_core::ingest::ingest;
use claimlens_core::model::Document;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use agreement_view::AgreementView;
use batch_bar::BatchBar;
use browser::{read_files, BatchWorker};
use collection::{Collection, CollectionAction, LISTED};
use export_menu::{ExportChoice, ExportMenu, Scope};
use protocol::{BatchInput, FromWorker, ToWorker};

/// Props of [`ExchangePanel`].
#[derive(Properties, PartialEq)]
pub struct ExchangePanelProps {
    /// The article annotated on the page, if any (the "current document").
    #[prop_or_default]
    pub current: Option<Rc<Document>>,
}

/// Imports, batch annotation, exports and agreement.
#[function_component]
pub fn ExchangePanel(props: &ExchangePanelProps) -> Html {
    let collection = use_reducer(Collection::default);
    let worker = use_mut_ref(|| None::<BatchWorker>);
    let batches = use_mut_ref(|| 0u32);

    let onarticles = {
        let dispatch = collection.dispatcher();
        let held = collection.documents.len();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (files, dispatch) = (input.files(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match read_files(files).await {
                    Ok(files) => articles(&files, held),
                    Err(e) => CollectionAction::Refuse(e),
                });
                input.set_value("");
            });
        })
    };
    let onimport = {
        let dispatch = collection.dispatcher();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (files, dispatch) = (input.files(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(match read_files(files).await {
                    Ok(files) => annotations(&files),
                    Err(e) => CollectionAction::Refuse(e),
                });
                input.set_value("");
            });
        })
    };
    let onstart = {
        let (collection, worker, batches) = (collection.clone(), worker.clone(), batches.clone());
        Callback::from(move |()| {
            let docs = collection.to_annotate();
            if docs.is_empty() || collection.batch_running() {
                return;
            }
            let dispatch = collection.dispatcher();
            if let Err(problem) = ensure_worker(&worker, &dispatch) {
                dispatch.dispatch(CollectionAction::Refuse(problem));
                return;
            }
            let batch = {
                let mut n = batches.borrow_mut();
                *n += 1;
                *n
            };
            dispatch.dispatch(CollectionAction::BatchStarted {
                batch,
                total: docs.len(),
            });
            if let Some(w) = worker.borrow().as_ref() {
                w.send(&ToWorker::Batch {
                    batch,
                    documents: docs.iter().map(|d| BatchInput::of(d)).collect(),
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
        let (worker, batches) = (worker.clone(), batches.clone());
        Callback::from(move |()| {
            if let Some(w) = worker.borrow().as_ref() {
                w.send(&ToWorker::Cancel {
                    batch: *batches.borrow(),
                });
            }
        })
    };
    let onexport = {
        let (collection, current) = (collection.clone(), props.current.clone());
        Callback::from(move |choice: ExportChoice| {
            let docs = chosen(choice.scope, current.as_deref(), &collection.documents);
            let options = ExportOptions {
                unit: choice.unit,
                ..ExportOptions::default()
            };
            let saved = exports::download(&docs, choice.format, &options).and_then(|d| {
                crate::download::save(&d.name, d.mime, &d.bytes)
                    .map_err(|e| format!("The browser refused the download ({e:?})."))
            });
            if let Err(problem) = saved {
                collection.dispatch(CollectionAction::Refuse(problem));
            }
        })
    };

    let docs = &collection.documents;
    html! {
        <section class="exchange" aria-labelledby="exchange-title" data-testid="exchange">
            <h2 id="exchange-title">{ "Documents, export and agreement" }</h2>
            <div class="exchange-pick">
                <label>{ "Add articles (.txt, .md, .html, .jsonl) " }
                    <input type="file" multiple=true data-testid="add-articles"
                        accept=".txt,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson" onchange={onarticles} />
                </label>
                <label>{ "Import annotations (native, brat, doccano, Label Studio, W3C) " }
                    <input type="file" multiple=true data-testid="import-annotations"
                        accept=".json,.jsonl,.ann,.txt,.conf,.jsonld,.zip" onchange={onimport} />
                </label>
            </div>
            if let Some(problem) = &collection.problem {
                <p class="problem" role="alert" data-testid="exchange-problem">{ problem.clone() }</p>
            }
            if !collection.notices.is_empty() {
                <ul class="notices" data-testid="import-notices">
                    { for collection.notices.iter().map(|n| html! { <li data-testid="import-notice">{ n.clone() }</li> }) }
                </ul>
            }
            <p data-testid="collection-count">{ format!("{} document(s) held", docs.len()) }</p>
            <ul class="collection" data-testid="collection">
                { for docs.iter().take(LISTED).map(|d| html! {
                    <li data-testid="collection-doc" data-id={d.id.clone()}>
                        { format!("{}: {} annotation(s)", d.id, d.annotations.len()) }
                    </li>
                }) }
                if docs.len() > LISTED {
                    <li class="more">{ format!("and {} more", docs.len() - LISTED) }</li>
                }
            </ul>
            <BatchBar waiting={collection.to_annotate().len()} progress={collection.batch} {onstart} {oncancel} />
            <ExportMenu {onexport} />
            <AgreementView />
        </section>
    }
}

/// Starts the worker on first use.
fn ensure_worker(
    worker: &Rc<RefCell<Option<BatchWorker>>>,
    dispatch: &UseReducerDispatcher<Collection>,
) -> Result<(), String> {
    if worker.borrow().is_some() {
        return Ok(());
    }
    let on_message = {
        let dispatch = dispatch.clone();
        Callback::from(move |m: FromWorker| {
            if let Some(action) = from_worker(m) {
                dispatch.dispatch(action);
            }
        })
    };
    let on_problem = {
        let dispatch = dispatch.clone();
        Callback::from(move |p: String| dispatch.dispatch(CollectionAction::Refuse(p)))
    };
    let started = BatchWorker::start(on_message, on_problem)
        .map_err(|e| format!("The browser refused to start the annotation worker ({e:?})."))?;
    *worker.borrow_mut() = Some(started);
    Ok(())
}

/// The collection's change for a worker message.
pub fn from_worker(message: FromWorker) -> Option<CollectionAction> {
    match message {
        FromWorker::Ready { .. } => None,
        FromWorker::Progress {
            batch,
            done,
            document,
            ..
        } => Some(match from_json(&document) {
            Ok(document) => CollectionAction::BatchDocument {
                batch,
                done,
                document,
            },
            Err(e) => CollectionAction::BatchFailed {
                batch,
                done,
                message: format!("The worker's document could not be read: {e}"),
            },
        }),
        FromWorker::Failed {
            batch: Some(batch),
            done,
            id,
            message,
        } => Some(CollectionAction::BatchFailed {
            batch,
            done,
            message: format!("{id}: {message}"),
        }),
        FromWorker::Failed {
            batch: None,
            message,
            ..
        } => Some(CollectionAction::Refuse(format!(
            "The annotation engine could not load: {message}"
        ))),
        FromWorker::Finished {
            batch,
            done,
            cancelled,
        } => Some(CollectionAction::BatchFinished {
            batch,
            done,
            cancelled,
        }),
    }
}

/// The documents an export covers: the current article, or it and every held one
/// (a held document with the article's id stands for it).
pub fn chosen(scope: Scope, current: Option<&Document>, held: &[Rc<Document>]) -> Vec<Document> {
    let mut docs: Vec<Document> = current.into_iter().cloned().collect();
    if scope == Scope::All {
        docs.retain(|c| held.iter().all(|h| h.id != c.id));
        docs.extend(held.iter().map(|d| (**d).clone()));
    }
    docs
}

/// Articles from plain files: all or nothing, ids made for those without one.
pub fn articles(files: &[InputFile], held: usize) -> CollectionAction {
    let mut documents = Vec::new();
    let mut notices = Vec::new();
    for f in files {
        match ingest(&f.name, &f.bytes) {
            Ok(read) => {
                notices.extend(read.notices.iter().map(ToString::to_string));
                documents.extend(read.documents.into_iter().map(|d| d.document));
            }
            Err(e) => return CollectionAction::Refuse(e.to_string()),
        }
    }
    for (n, d) in documents.iter_mut().enumerate() {
        if d.id.is_empty() {
            d.id = format!("article-{}", held + n + 1);
        }
    }
    CollectionAction::Add { documents, notices }
}

/// Annotated documents from exports of any importable format: all or nothing.
pub fn annotations(files: &[InputFile]) -> CollectionAction {
    match import(files, None) {
        Ok(imported) => CollectionAction::Add {
            documents: imported.documents,
            notices: imported.notices.iter().map(ToString::to_string).collect(),
        },
        Err(e) => CollectionAction::Refuse(format!("Nothing was imported. {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, text: &str) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn articles_get_ids_and_a_bad_file_refuses_all() {
        let added = articles(
            &[file(
                "a.jsonl",
                "{\"id\":\"x\",\"text\":\"Baku said no.\"}\n{\"text\":\"Paris agreed.\"}\n",
            )],
            3,
        );
        let CollectionAction::Add { documents, .. } = added else {
            panic!("added: {added:?}")
        };
        let ids: Vec<_> = documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids[0], "x");
        assert!(!ids[1].is_empty());
        let refused = articles(&[file("a.txt", "Fine."), file("b.txt", "")], 0);
        assert!(matches!(refused, CollectionAction::Refuse(_)));
    }

    #[test]
    fn a_malformed_annotation_file_is_refused_with_the_core_message() {
        let action = annotations(&[file("broken.json", "{\"id\": ")]);
        let CollectionAction::Refuse(message) = action else {
            panic!("refused")
        };
        assert!(message.contains("broken.json"), "{message}");
    }

    #[test]
    fn all_documents_put_the_current_one_first_once() {
        let current = claimlens_core::annotate("a", "Baku said no.", None);
        let held = vec![Rc::new(Document::new("b", "x", None))];
        assert_eq!(chosen(Scope::Current, Some(&current), &held).len(), 1);
        let all = chosen(Scope::All, Some(&current), &held);
        assert_eq!(
            all.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        let held = vec![Rc::new(current.clone())];
        assert_eq!(chosen(Scope::All, Some(&current), &held).len(), 1);
    }
}

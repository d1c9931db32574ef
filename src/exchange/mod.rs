//! The exchange panel: documents in and out of the library, and many at once.
//! - import of annotation files (native, brat, doccano, Label Studio, W3C) with the
//!   core's notices, and of plain articles to annotate ([`claimlens_core::ingest`]):
//!   both add to the library;
//! - "Annotate all" over the library's listed documents in the batch worker
//!   ([`batch::LibraryBatch`], protocol in [`protocol`]) with progress and Cancel;
//! - the export menu (every format, one file or one `.zip`, [`exports`]);
//! - the agreement view ([`agreement_view`]).
//!
//! Its own state is [`collection::Collection`] (notices, problem, batch progress); the
//! documents are the library's.

pub mod agreement_view;
pub mod batch;
pub mod batch_bar;
pub mod browser;
pub mod collection;
pub mod export_menu;
pub mod exports;
pub mod protocol;

use std::rc::Rc;

use claimlens_core::formats::{import, ExportOptions, InputFile};
use claimlens_core::model::Document;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::workspace::{now, PickedFile, WorkspaceAction, WorkspaceHandle};
use agreement_view::AgreementView;
use batch::LibraryBatch;
use browser::read_files;
use collection::{Collection, CollectionAction};
use export_menu::{ExportChoice, ExportMenu, Scope};

/// Props of [`ExchangePanel`].
#[derive(Properties)]
pub struct ExchangePanelProps {
    /// The article annotated on the page, if any (the "current document").
    #[prop_or_default]
    pub current: Option<Rc<Document>>,
}

/// Compares the document by its `Rc`: every edit makes a new one, and comparing two
/// versions' annotations on each edit would cost more than the panel's re-render.
impl PartialEq for ExchangePanelProps {
    fn eq(&self, other: &Self) -> bool {
        match (&self.current, &other.current) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

/// Imports, batch annotation, exports and agreement.
#[function_component]
pub fn ExchangePanel(props: &ExchangePanelProps) -> Html {
    let collection = use_reducer(Collection::default);
    let ws = use_context::<WorkspaceHandle>();

    let onarticles = {
        let (dispatch, ws) = (collection.dispatcher(), ws.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (files, dispatch, ws) = (input.files(), dispatch.clone(), ws.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match read_files(files).await {
                    Ok(files) => {
                        let files = files
                            .into_iter()
                            .map(|f| PickedFile {
                                name: f.name,
                                bytes: f.bytes,
                            })
                            .collect();
                        if let Some(ws) = ws {
                            ws.dispatch(WorkspaceAction::Import { files, now: now() });
                        }
                        dispatch.dispatch(CollectionAction::Imported {
                            notices: Vec::new(),
                        });
                    }
                    Err(e) => dispatch.dispatch(CollectionAction::Refuse(e)),
                }
                input.set_value("");
            });
        })
    };
    let onimport = {
        let (dispatch, ws) = (collection.dispatcher(), ws.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let (files, dispatch, ws) = (input.files(), dispatch.clone(), ws.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let read = read_files(files)
                    .await
                    .and_then(|files| annotations(&files));
                match read {
                    Ok((documents, notices)) => {
                        if let Some(ws) = ws {
                            ws.dispatch(WorkspaceAction::AddDocuments {
                                documents,
                                notices: Vec::new(),
                                now: now(),
                            });
                        }
                        dispatch.dispatch(CollectionAction::Imported { notices });
                    }
                    Err(e) => dispatch.dispatch(CollectionAction::Refuse(e)),
                }
                input.set_value("");
            });
        })
    };
    let onexport = {
        let (collection, current, ws) = (collection.clone(), props.current.clone(), ws.clone());
        Callback::from(move |choice: ExportChoice| {
            let held: Vec<Document> = ws
                .as_ref()
                .map(|ws| {
                    ws.library
                        .entries()
                        .iter()
                        .map(|e| e.document().clone())
                        .collect()
                })
                .unwrap_or_default();
            let docs = chosen(choice.scope, current.as_deref(), &held);
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

    let held = ws.as_ref().map_or(0, |ws| ws.library.len());
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
                <ul class="notices" data-testid="exchange-notices">
                    { for collection.notices.iter().map(|n| html! { <li data-testid="import-notice">{ n.clone() }</li> }) }
                </ul>
            }
            <p data-testid="collection-count">{ format!("{held} document(s) in the library") }</p>
            <LibraryBatch progress={collection.batch} dispatch={collection.dispatcher()} />
            <ExportMenu {onexport} />
            <AgreementView />
        </section>
    }
}

/// The documents an export covers: the current article, or it and every held one
/// (a held document with the article's id stands for it).
pub fn chosen(scope: Scope, current: Option<&Document>, held: &[Document]) -> Vec<Document> {
    let mut docs: Vec<Document> = current.into_iter().cloned().collect();
    if scope == Scope::All {
        docs.retain(|c| held.iter().all(|h| h.id != c.id));
        docs.extend(held.iter().cloned());
    }
    docs
}

/// Annotated documents from exports of any importable format, with the notices of
/// their import: all or nothing.
///
/// # Errors
/// The first file that does not import, with the core's message.
pub fn annotations(files: &[InputFile]) -> Result<(Vec<Document>, Vec<String>), String> {
    match import(files, None) {
        Ok(imported) => Ok((
            imported.documents,
            imported.notices.iter().map(ToString::to_string).collect(),
        )),
        Err(e) => Err(format!("Nothing was imported. {e}")),
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
    fn a_malformed_annotation_file_is_refused_with_the_core_message() {
        let Err(message) = annotations(&[file("broken.json", "{\"id\": ")]) else {
            panic!("refused")
        };
        assert!(message.contains("broken.json"), "{message}");
    }

    #[test]
    fn all_documents_put_the_current_one_first_once() {
        let current = claimlens_core::annotate("a", "Baku said no.", None);
        let held = vec![Document::new("b", "x", None)];
        assert_eq!(chosen(Scope::Current, Some(&current), &held).len(), 1);
        let all = chosen(Scope::All, Some(&current), &held);
        assert_eq!(
            all.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        let held = vec![current.clone()];
        assert_eq!(chosen(Scope::All, Some(&current), &held).len(), 1);
    }
}

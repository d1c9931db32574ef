//! The library sidebar: status counts, search, import (file picker and drop zone),
//! the import report, undo of a deletion, and the list of documents with status and
//! suggestions left (clicking one opens it), or the trash with restore and delete
//! for good.

use std::collections::HashMap;

use std::rc::Rc;

use claimlens_core::library::{Hit, Library};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{files, now, PickedFile, WorkspaceAction, WorkspaceHandle, WorkspaceState};

/// What the file picker accepts (the importer reads more, by extension).
const ACCEPT: &str = ".txt,.text,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson";

/// The sidebar; reads and changes the workspace in context.
#[function_component]
pub fn LibrarySidebar() -> Html {
    let Some(ws) = use_context::<WorkspaceHandle>() else {
        return html! {};
    };
    let dragging = use_state(|| false);
    let trash_open = use_state_eq(|| false);
    let onfiles = {
        let ws = ws.clone();
        Callback::from(move |files: Vec<PickedFile>| {
            ws.dispatch(WorkspaceAction::Import { files, now: now() });
        })
    };
    let onpick = {
        let onfiles = onfiles.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            files::read_all(files::list(input.files()), onfiles.clone());
            // Picking the same file again must fire `change` again.
            input.set_value("");
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            // Without this the browser opens the dropped file instead.
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let list = e.data_transfer().and_then(|d| d.files());
            files::read_all(files::list(list), onfiles.clone());
        })
    };
    let onsearch = {
        let ws = ws.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            ws.dispatch(WorkspaceAction::Search(input.value()));
        })
    };
    let dismiss = {
        let ws = ws.clone();
        Callback::from(move |_: MouseEvent| ws.dispatch(WorkspaceAction::Dismiss))
    };
    let counts = ws.library.status_counts();
    let undo = ws.deleted.as_ref().and_then(|id| {
        let title = ws.library.trash().iter().find(|e| e.id() == id)?.title().to_string();
        let restore = {
            let (ws, id) = (ws.clone(), id.clone());
            Callback::from(move |_: MouseEvent| ws.dispatch(WorkspaceAction::Restore(id.clone())))
        };
        Some(html! {
            <p class="notice" data-testid="undo-delete">
                { format!("Deleted “{title}”. ") }
                <button type="button" data-testid="undo-delete-button" onclick={restore}>{ "Undo" }</button>
            </p>
        })
    });
    let trash = ws.library.trash();
    let ontrash = {
        let trash_open = trash_open.clone();
        Callback::from(move |_: MouseEvent| trash_open.set(!*trash_open))
    };
    let trashed = trash.iter().rev().map(|e| {
        let id = e.id().to_string();
        let restore = {
            let (ws, id) = (ws.clone(), id.clone());
            Callback::from(move |_: MouseEvent| ws.dispatch(WorkspaceAction::Restore(id.clone())))
        };
        let purge = {
            let (ws, id) = (ws.clone(), id.clone());
            Callback::from(move |_: MouseEvent| ws.dispatch(WorkspaceAction::Purge(id.clone())))
        };
        html! {
            <li class="doc trashed" data-testid="trash-item" key={id.clone()} data-id={id}>
                <span class="doc-title" data-testid="trash-title">{ e.title().to_string() }</span>
                <button type="button" data-testid="trash-restore" onclick={restore}>{ "Restore" }</button>
                <button type="button" class="danger" data-testid="trash-purge" onclick={purge}>{ "Delete forever" }</button>
            </li>
        }
    });
    html! {
        <aside class="library" data-testid="library" data-loaded={ws.loaded.to_string()} aria-label="Documents">
            <h2>{ "Documents" }</h2>
            <p class="hint" data-testid="status-counts">
                { format!("{} to do · {} in progress · {} done", counts.to_do, counts.in_progress, counts.done) }
            </p>
            <input type="search" placeholder="Search documents" aria-label="Search documents" data-testid="library-search" value={ws.query.clone()} oninput={onsearch} />
            <div class={classes!("dropzone", dragging.then_some("dragging"))} data-testid="drop-zone" {ondragover} {ondragleave} {ondrop}>
                <p>{ "Drop .txt, .md, .html, .json or .jsonl files here, or " }</p>
                <label class="button">
                    { "choose files" }
                    <input type="file" multiple=true accept={ACCEPT} data-testid="file-picker" onchange={onpick} />
                </label>
            </div>
            if !ws.notices.is_empty() || !ws.problems.is_empty() {
                <div class="import-report">
                    <ul data-testid="import-notices">
                        { for ws.notices.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                    </ul>
                    if !ws.problems.is_empty() {
                        <ul class="problem" role="alert" data-testid="import-problems">
                            { for ws.problems.iter().map(|n| html! { <li>{ n.clone() }</li> }) }
                        </ul>
                    }
                    <button type="button" data-testid="dismiss-report" onclick={dismiss}>{ "Dismiss" }</button>
                </div>
            }
            { for undo }
            <button type="button" class="trash-toggle" data-testid="trash-toggle" aria-pressed={trash_open.to_string()} onclick={ontrash}>
                { if *trash_open { "Back to the documents".to_string() } else { format!("Trash ({})", trash.len()) } }
            </button>
            if *trash_open {
                <ul class="doc-list trash" data-testid="trash-list" aria-label="Trash">
                    { for trashed }
                </ul>
                if trash.is_empty() {
                    <p class="hint" data-testid="trash-empty">{ "The trash is empty." }</p>
                }
            } else {
                <DocumentList library={ws.library.clone()} current={ws.current.clone()}
                    query={ws.query.clone()} dispatch={ws.dispatcher()} />
            }
        </aside>
    }
}

/// Props of [`DocumentList`]: compared cheaply (the library's entries are shared), so
/// the list re-renders only when the library, the open document or the search change,
/// not on every storage report.
#[derive(Properties, PartialEq)]
struct DocumentListProps {
    library: Rc<Library>,
    current: Option<String>,
    query: String,
    dispatch: UseReducerDispatcher<WorkspaceState>,
}

/// The documents (or the search's hits) with status and suggestions left.
#[function_component]
fn DocumentList(props: &DocumentListProps) -> Html {
    let searching = !props.query.trim().is_empty();
    let hits: HashMap<String, Hit> = if searching {
        props
            .library
            .search(&props.query)
            .into_iter()
            .map(|h| (h.id.clone(), h))
            .collect()
    } else {
        HashMap::new()
    };
    let items = props.library.entries().iter().filter(|e| !searching || hits.contains_key(e.id())).map(|e| {
        let id = e.id().to_string();
        let open = {
            let (dispatch, id) = (props.dispatch.clone(), id.clone());
            Callback::from(move |_: MouseEvent| dispatch.dispatch(WorkspaceAction::Open(id.clone())))
        };
        let left = e.open_suggestions().total();
        let current = props.current.as_deref() == Some(e.id());
        let snippet = hits.get(e.id()).map(|h| h.snippet.clone()).filter(|s| !s.is_empty());
        html! {
            <li class={classes!("doc", current.then_some("current"))} data-testid="document-item" data-id={id.clone()} key={id.clone()}>
                <button type="button" class="doc-open" data-testid="document-open" aria-current={current.then_some("true")} onclick={open}>
                    { e.title().to_string() }
                </button>
                <span class={classes!("doc-status", e.status().label().replace(' ', "-"))} data-testid="document-status">{ e.status().label() }</span>
                <span class="hint" data-testid="suggestions-left">{ format!("{left} left") }</span>
                if let Some(s) = snippet { <p class="hint snippet">{ s }</p> }
            </li>
        }
    });
    html! {
        <ul class="doc-list" data-testid="document-list">
            { for items }
        </ul>
    }
}

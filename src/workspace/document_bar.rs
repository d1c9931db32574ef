//! The open document's bar: title (rename), status, creation date (changing it
//! re-normalises date values), delete, and before annotation the clean-up of page
//! furniture (each proposal can be unticked; undo until the first annotation).

use std::collections::BTreeSet;

use claimlens_core::cleanup;
use claimlens_core::library::DocStatus;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{now, WorkspaceAction, WorkspaceHandle};
use crate::components::AppHandle;

const STATUSES: [DocStatus; 3] = [DocStatus::ToDo, DocStatus::InProgress, DocStatus::Done];

/// The bar over the open document; nothing when no document is open.
#[function_component]
pub fn DocumentBar() -> Html {
    let ws = use_context::<WorkspaceHandle>();
    let app = use_context::<AppHandle>();
    // The bar re-renders on every edit (the entry's stamp changes): it borrows the
    // entry from the workspace state rather than copying its document.
    let entry = ws.as_ref().and_then(|ws| ws.current_entry());
    let annotated = entry.is_some_and(|e| !e.document().annotations.is_empty());
    // Proposals only matter (and are only computed, and the text only copied for the
    // memo) before annotation.
    let text = entry
        .filter(|_| !annotated)
        .map(|e| e.text().to_string())
        .unwrap_or_default();
    let proposals = use_memo((text, annotated), |(text, annotated)| {
        if *annotated {
            Vec::new()
        } else {
            cleanup::find(text)
        }
    });
    let unticked = use_state(BTreeSet::<usize>::new);
    // What is typed in the title and date boxes until it is committed: the workspace
    // re-renders this bar whenever anything lands (a write, a batch result, another
    // tab), and a box bound to the stored value would lose the typing each time.
    let title_draft = use_state_eq(|| None::<String>);
    let dct_draft = use_state_eq(|| None::<String>);
    {
        let (title_draft, dct_draft) = (title_draft.clone(), dct_draft.clone());
        let open = entry.map(|e| e.id().to_string());
        use_effect_with(open, move |_| {
            title_draft.set(None);
            dct_draft.set(None);
        });
    }
    let (Some(ws), Some(e)) = (ws.clone(), entry) else {
        return html! {};
    };
    let id = e.id().to_string();
    let dispatch = {
        let ws = ws.clone();
        move |a: WorkspaceAction| ws.dispatch(a)
    };
    let ontitle = draft(&title_draft);
    let onrename = {
        let (d, id, title_draft) = (dispatch.clone(), id.clone(), title_draft.clone());
        Callback::from(move |ev: Event| {
            let input: HtmlInputElement = ev.target_unchecked_into();
            title_draft.set(None);
            d(WorkspaceAction::Rename {
                id: id.clone(),
                title: input.value(),
                now: now(),
            });
        })
    };
    let onstatus = {
        let (d, id) = (dispatch.clone(), id.clone());
        Callback::from(move |ev: Event| {
            let select: HtmlSelectElement = ev.target_unchecked_into();
            let status = STATUSES.into_iter().find(|s| s.label() == select.value());
            if let Some(status) = status {
                d(WorkspaceAction::SetStatus {
                    id: id.clone(),
                    status,
                    now: now(),
                });
            }
        })
    };
    let ondct_typed = draft(&dct_draft);
    let ondct = {
        let (d, id, dct_draft) = (dispatch.clone(), id.clone(), dct_draft.clone());
        Callback::from(move |ev: Event| {
            let input: HtmlInputElement = ev.target_unchecked_into();
            dct_draft.set(None);
            d(WorkspaceAction::SetDct {
                id: id.clone(),
                dct: input.value(),
                now: now(),
            });
        })
    };
    let ondelete = {
        let (d, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            d(WorkspaceAction::Delete {
                id: id.clone(),
                now: now(),
            })
        })
    };
    let onsuggest = {
        let (d, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            d(WorkspaceAction::Suggest {
                id: id.clone(),
                now: now(),
            })
        })
    };
    let onclean = {
        let (d, id, proposals, unticked) = (
            dispatch.clone(),
            id.clone(),
            proposals.clone(),
            unticked.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let removals = proposals
                .iter()
                .enumerate()
                .filter(|(i, _)| !unticked.contains(i))
                .map(|(_, r)| r.clone())
                .collect();
            unticked.set(BTreeSet::new());
            d(WorkspaceAction::Clean {
                id: id.clone(),
                removals,
                now: now(),
            });
        })
    };
    let onundoclean = {
        let (d, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            d(WorkspaceAction::UndoClean {
                id: id.clone(),
                now: now(),
            })
        })
    };
    let can_undo_clean = !annotated && ws.cleanups.contains_key(&id);
    let rows = proposals.iter().enumerate().map(|(i, r)| {
        let toggle = {
            let unticked = unticked.clone();
            Callback::from(move |_: Event| {
                let mut next = (*unticked).clone();
                if !next.remove(&i) {
                    next.insert(i);
                }
                unticked.set(next);
            })
        };
        html! {
            <li data-testid="cleanup-proposal">
                <label>
                    <input type="checkbox" checked={!unticked.contains(&i)} onchange={toggle} />
                    <code>{ r.removed.trim().to_string() }</code>
                    <span class="hint">{ format!(" ({})", r.reason) }</span>
                </label>
            </li>
        }
    });
    let dct = (*dct_draft)
        .clone()
        .unwrap_or_else(|| e.dct().map(|d| d.to_string()).unwrap_or_default());
    let title = (*title_draft)
        .clone()
        .unwrap_or_else(|| e.title().to_string());
    // The editor keeps the open document's counts edit by edit; counting the entry's
    // annotations is only for a document the editor does not show.
    let left = match app
        .as_ref()
        .filter(|a| a.document.as_ref().is_some_and(|d| d.id == id))
    {
        Some(a) => a.editor.counts.total(),
        None => e.open_suggestions().total(),
    };
    html! {
        <div class="document-bar" data-testid="document-bar">
            <label>{ "Title " }
                <input class="title" data-testid="title-input" value={title} oninput={ontitle} onchange={onrename} />
            </label>
            <label>{ "Status " }
                <select data-testid="status-select" onchange={onstatus}>
                    { for STATUSES.iter().map(|s| html! {
                        <option value={s.label()} selected={*s == e.status()}>{ s.label() }</option>
                    }) }
                </select>
            </label>
            <label>{ "Article date " }
                <input type="date" data-testid="document-dct" value={dct} oninput={ondct_typed} onchange={ondct} />
            </label>
            <span class="hint" data-testid="document-left">{ format!("{left} suggestions left") }</span>
            <button type="button" data-testid="delete-document" onclick={ondelete}>{ "Delete" }</button>
            if !annotated {
                <button type="button" class="primary" data-testid="suggest-button" onclick={onsuggest}>{ "Annotate" }</button>
            }
            if !proposals.is_empty() {
                <details class="cleanup" data-testid="cleanup">
                    <summary>{ format!("Clean up: {} pieces of page furniture found", proposals.len()) }</summary>
                    <ul>{ for rows }</ul>
                    <button type="button" data-testid="cleanup-apply" onclick={onclean}>{ "Remove the ticked lines" }</button>
                </details>
            }
            if can_undo_clean {
                <button type="button" data-testid="cleanup-undo" onclick={onundoclean}>{ "Undo clean-up" }</button>
            }
        </div>
    }
}

/// Keeps what is typed in a box as its draft.
fn draft(state: &UseStateHandle<Option<String>>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |ev: InputEvent| {
        let input: HtmlInputElement = ev.target_unchecked_into();
        state.set(Some(input.value()));
    })
}

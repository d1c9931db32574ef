//! Live checks: annotations that are probably incomplete or doubled, each a button
//! that jumps to it.

use std::rc::Rc;

use claimlens_core::model::{AnnotationId, Document};
use claimlens_core::review::check;
use yew::prelude::*;

use crate::editor::Revisions;

/// Props of [`ChecksPanel`].
#[derive(Properties, PartialEq)]
pub struct ChecksPanelProps {
    /// The document.
    pub document: Rc<Document>,
    /// The layers' revisions: the list is recomputed when one changes.
    pub revision: Revisions,
    /// Called with the flagged annotation.
    pub onjump: Callback<AnnotationId>,
}

/// The list of issues.
#[function_component]
pub fn ChecksPanel(props: &ChecksPanelProps) -> Html {
    let issues = {
        let doc = props.document.clone();
        use_memo(props.revision, move |_| check(&doc))
    };
    if issues.is_empty() {
        return html! { <p class="empty" data-testid="checks-empty">{ "No problems found." }</p> };
    }
    html! {
        <ul class="panel-list" data-testid="checks-panel" aria-label="Checks">
            { for issues.iter().map(|issue| {
                let id = issue.id;
                let onclick = props.onjump.reform(move |_: MouseEvent| id);
                html! {
                    <li>
                        <button type="button" class="row-button" data-testid="check-row"
                            data-ann={id.0.to_string()} {onclick}>
                            { issue.message.clone() }
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}

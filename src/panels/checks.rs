//! Live checks: annotations that are probably incomplete or doubled, each a button
//! that jumps to it. The editor keeps the list current (`review::recheck`).

use std::rc::Rc;

use claimlens_core::model::AnnotationId;
use claimlens_core::review::Issue;
use yew::prelude::*;

/// Props of [`ChecksPanel`].
#[derive(Properties, PartialEq)]
pub struct ChecksPanelProps {
    /// The issues, as the editor keeps them current edit by edit.
    pub issues: Rc<Vec<Issue>>,
    /// Called with the flagged annotation.
    pub onjump: Callback<AnnotationId>,
}

/// The list of issues.
#[function_component]
pub fn ChecksPanel(props: &ChecksPanelProps) -> Html {
    let issues = &props.issues;
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

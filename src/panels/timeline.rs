//! The timeline: dates in time order, unresolved ones flagged with the reason; a click
//! jumps to the date in the text.

use std::rc::Rc;

use claimlens_core::model::{AnnotationId, Document};
use claimlens_core::views::timeline;
use yew::prelude::*;

/// Props of [`TimelinePanel`].
#[derive(Properties, PartialEq)]
pub struct TimelinePanelProps {
    /// The document.
    pub document: Rc<Document>,
    /// The dates' revision: the entries are recomputed when it changes.
    pub revision: u32,
    /// Called with the date to jump to.
    pub onjump: Callback<AnnotationId>,
}

/// The ordered dates.
#[function_component]
pub fn TimelinePanel(props: &TimelinePanelProps) -> Html {
    let entries = {
        let doc = props.document.clone();
        use_memo(props.revision, move |_| timeline(&doc))
    };
    if entries.is_empty() {
        return html! { <p class="empty">{ "No dates yet." }</p> };
    }
    html! {
        <ol class="panel-list" data-testid="timeline-panel" aria-label="Timeline">
            { for entries.iter().map(|e| {
                let id = e.id;
                let onclick = props.onjump.reform(move |_: MouseEvent| id);
                let value = e.value.clone().unwrap_or_else(|| "no value".into());
                html! {
                    <li>
                        <button type="button" class="row-button" data-testid="timeline-row"
                            data-unresolved={e.unresolved.is_some().to_string()} {onclick}>
                            <span class="row-main">{ value }</span>
                            <span class="row-meta">{ format!("“{}”", e.text) }</span>
                            if let Some(why) = e.unresolved {
                                <span class="flag" data-testid="timeline-unresolved">{ format!("⚠ {}", why.message()) }</span>
                            }
                        </button>
                    </li>
                }
            }) }
        </ol>
    }
}

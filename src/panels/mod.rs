//! The reader's views of one article, beside the text: actors, timeline, claims table
//! and live checks. Each is presentational: it takes the document and emits the id
//! of the annotation to jump to. One tab is shown at a time, so only its rows are
//! computed after an edit, and only when the edit touched a layer they show (each
//! memoises on the editor's per-layer [`Revisions`]).

mod actors;
mod checks;
mod claims;
mod help;
mod timeline;

pub use actors::{ActorsPanel, ActorsPanelProps};
pub use checks::{ChecksPanel, ChecksPanelProps};
pub use claims::{ClaimsPanel, ClaimsPanelProps};
pub use help::{HelpOverlay, HelpOverlayProps};
pub use timeline::{TimelinePanel, TimelinePanelProps};

use std::rc::Rc;

use claimlens_core::model::{AnnotationId, Document};
use claimlens_core::review::Issue;
use yew::prelude::*;

use crate::editor::Revisions;

/// The tabs, in order: id, label.
const TABS: [(&str, &str); 4] = [
    ("actors", "Actors"),
    ("timeline", "Timeline"),
    ("claims", "Claims"),
    ("checks", "Checks"),
];

/// Props of [`ReaderPanels`].
#[derive(Properties, PartialEq)]
pub struct ReaderPanelsProps {
    /// The document.
    pub document: Rc<Document>,
    /// Its layers' revisions: each view recomputes its rows only when they change.
    pub revisions: Revisions,
    /// The focused annotation (the actors panel steps on from it).
    pub focused: Option<AnnotationId>,
    /// What the live checks flag (their number is shown on the tab).
    pub issues: Rc<Vec<Issue>>,
    /// Called with the annotation to jump to.
    pub onjump: Callback<AnnotationId>,
}

/// A tab list over the four views.
#[function_component]
pub fn ReaderPanels(props: &ReaderPanelsProps) -> Html {
    let tab = use_state(|| "actors");
    let buttons = TABS.iter().map(|&(id, label)| {
        let selected = *tab == id;
        let onclick = {
            let tab = tab.clone();
            Callback::from(move |_: MouseEvent| tab.set(id))
        };
        let label = if id == "checks" {
            format!("{label} ({})", props.issues.len())
        } else {
            label.to_string()
        };
        html! {
            <button type="button" role="tab" id={format!("tab-{id}")} data-testid={format!("tab-{id}")}
                aria-selected={selected.to_string()} aria-controls={format!("panel-{id}")}
                class={classes!("tab", selected.then_some("tab-on"))} {onclick}>{ label }</button>
        }
    });
    let (doc, onjump, r) = (
        props.document.clone(),
        props.onjump.clone(),
        props.revisions,
    );
    let body = match *tab {
        "timeline" => html! { <TimelinePanel document={doc} revision={r.dates} {onjump} /> },
        "claims" => {
            html! { <ClaimsPanel document={doc} revision={(r.claims, r.dates)} {onjump} /> }
        }
        "checks" => html! { <ChecksPanel issues={props.issues.clone()} {onjump} /> },
        _ => {
            html! { <ActorsPanel document={doc} revision={r.actors} focused={props.focused} {onjump} /> }
        }
    };
    html! {
        <section class="reader-panels" aria-label="Reader views" data-testid="reader-panels">
            <div role="tablist" aria-label="Views of the article" class="tabs">{ for buttons }</div>
            <div role="tabpanel" id={format!("panel-{}", *tab)} aria-labelledby={format!("tab-{}", *tab)}
                class="tab-panel" data-testid={format!("panel-{}", *tab)}>
                { body }
            </div>
        </section>
    }
}

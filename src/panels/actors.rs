//! The actors panel: each entity with its kind and mention count; a click focuses its
//! next mention, so repeated clicks step through them.

use std::rc::Rc;

use claimlens_core::edit::Kind;
use claimlens_core::model::{AnnotationId, Document};
use claimlens_core::views::actors_panel;
use yew::prelude::*;

/// Props of [`ActorsPanel`].
#[derive(Properties, PartialEq)]
pub struct ActorsPanelProps {
    /// The document.
    pub document: Rc<Document>,
    /// The actors' revision: the rows are recomputed when it changes.
    pub revision: u32,
    /// The focused annotation.
    pub focused: Option<AnnotationId>,
    /// Called with the mention to jump to.
    pub onjump: Callback<AnnotationId>,
}

/// The entity list.
#[function_component]
pub fn ActorsPanel(props: &ActorsPanelProps) -> Html {
    let rows = {
        let doc = props.document.clone();
        use_memo(props.revision, move |_| actors_panel(&doc))
    };
    if rows.is_empty() {
        return html! { <p class="empty">{ "No actors yet." }</p> };
    }
    html! {
        <ul class="panel-list" data-testid="actors-panel" aria-label="Actors">
            { for rows.iter().map(|row| {
                let next = row.next_mention(props.focused);
                let onclick = {
                    let onjump = props.onjump.clone();
                    Callback::from(move |_: MouseEvent| if let Some(id) = next { onjump.emit(id) })
                };
                let n = row.mentions.len();
                html! {
                    <li>
                        <button type="button" class="row-button" data-testid="actor-row"
                            data-entity={row.entity.clone()} {onclick}>
                            <span class="row-main">{ row.entity.clone() }</span>
                            <span class="row-meta">{ Kind::Actor(row.kind).name() }</span>
                            <span class="row-count" data-testid="actor-mentions">{ n }</span>
                            <span class="visually-hidden">{ if n == 1 { " mention" } else { " mentions" } }</span>
                        </button>
                    </li>
                }
            }) }
        </ul>
    }
}

//! The attribute panel of the focused annotation: layer, kind, review decision, and the
//! layer's attributes (a date's TimeML value, an actor's entity with rename, merge and
//! split, a claim's source, cue and stance). Every control emits a core `Edit`; the
//! core validates it, and a TimeML value is also checked as it is typed.

use std::rc::Rc;

use claimlens_core::edit::fragments::pieces;
use claimlens_core::edit::snap::{snap, Snap};
use claimlens_core::edit::{Edit, Kind, Pick};
use claimlens_core::model::{Annotation, AnnotationId, Attrs, Document, Layer, Stance, Status};
use claimlens_core::text::ByteSpan;
use claimlens_core::timeml;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::dom;
use super::EditorAction;

/// How far from a claim (in bytes, either side) its source menu looks for actors.
const SOURCE_REACH: usize = 600;

/// Props of [`AttributePanel`].
#[derive(Properties, PartialEq)]
pub struct AttributePanelProps {
    /// The document.
    pub document: Rc<Document>,
    /// The focused annotation.
    pub id: AnnotationId,
    /// The blocks the article is drawn in, to read the text selection for "use
    /// selection".
    pub blocks: Rc<[ByteSpan]>,
    /// The focused piece of a claim's content (`None`: the whole claim).
    #[prop_or_default]
    pub fragment: Option<usize>,
    /// The document's entities, most mentioned first (`views::actors_panel`), for an
    /// actor to merge into: the editor keeps them between edits of other layers, as
    /// counting them walks every annotation.
    #[prop_or_default]
    pub entities: Rc<[String]>,
    /// Where every change goes.
    pub ondispatch: Callback<EditorAction>,
}

/// The text selection in the article, snapped to words.
fn selected_span(doc: &Document, blocks: &[ByteSpan]) -> Option<ByteSpan> {
    let (a, b) = dom::selection(blocks, &doc.text)?;
    snap(&doc.text, a, b, Snap::Words)
}

fn select_value(e: &Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn quoted(doc: &Document, span: Option<ByteSpan>) -> String {
    span.and_then(|s| s.slice(&doc.text))
        .map_or_else(|| "none".into(), |t| format!("“{t}”"))
}

/// The panel; keyed by annotation id by its parent, so typed values reset on a move.
#[function_component]
pub fn AttributePanel(props: &AttributePanelProps) -> Html {
    let Some(a) = props.document.get(props.id) else {
        return html! {};
    };
    let edit = {
        let d = props.ondispatch.clone();
        Callback::from(move |e: Edit| d.emit(EditorAction::Edit(e)))
    };
    let id = a.id;
    let layer = a.layer();
    let kind = Kind::of(&a.attrs);
    let on_layer = edit.reform(move |e: Event| {
        let name = select_value(&e);
        let layer = Layer::ALL
            .into_iter()
            .find(|l| l.name() == name)
            .unwrap_or(layer);
        Edit::SetLayer { id, layer }
    });
    let on_kind = edit.reform(move |e: Event| Edit::SetKind {
        id,
        kind: Kind::from_name(layer, &select_value(&e)).unwrap_or(kind),
    });
    let button = |label: &'static str, testid: &'static str, e: Edit| {
        let onclick = edit.reform(move |_: MouseEvent| e.clone());
        html! { <button type="button" data-testid={testid} {onclick}>{ label }</button> }
    };
    let text = a.span.slice(&props.document.text).unwrap_or_default();
    let status = a.status.name();
    html! {
        <section class="attributes" data-testid="attribute-panel" aria-labelledby="attr-title">
            <h3 id="attr-title">{ format!("{} · {}", layer.name(), kind.name()) }</h3>
            <p class="attr-quote" data-testid="attr-text">{ format!("“{text}”") }</p>
            <p class="attr-status">{ "Status: " }<strong data-testid="attr-status">{ status }</strong></p>
            <div class="attr-row">
                <label for="attr-layer">{ "Layer" }</label>
                <select id="attr-layer" data-testid="attr-layer" class="attr-first" onchange={on_layer}>
                    { for Layer::ALL.iter().map(|l| html! {
                        <option value={l.name()} selected={*l == layer}>{ l.name() }</option>
                    }) }
                </select>
                <label for="attr-kind">{ "Kind" }</label>
                <select id="attr-kind" data-testid="attr-kind" onchange={on_kind}>
                    { for Kind::of_layer(layer).map(|k| html! {
                        <option value={k.name()} selected={k == kind}>{ k.name() }</option>
                    }) }
                </select>
            </div>
            <div class="attr-row">
                { button("Accept (y)", "attr-accept", Edit::Accept(id)) }
                { button("Reject (n)", "attr-reject", Edit::Reject(id)) }
                { button("Delete", "attr-delete", Edit::Delete(id)) }
            </div>
            { match &a.attrs {
                Attrs::Date(x) => html! {
                    <DateValue key={id.0} {id} value={x.value.clone().unwrap_or_default()} onedit={edit.clone()} />
                },
                Attrs::Actor(x) => html! {
                    <EntityEditor key={id.0} {id} entity={x.entity.clone()}
                        entities={props.entities.clone()} onedit={edit.clone()} />
                },
                Attrs::Claim(x) => claim_fields(props, a, x.source, x.cue, x.stance, &edit),
            } }
        </section>
    }
}

fn claim_fields(
    props: &AttributePanelProps,
    a: &Annotation,
    source: Option<ByteSpan>,
    cue: Option<ByteSpan>,
    stance: Option<claimlens_core::model::Stance>,
    edit: &Callback<Edit>,
) -> Html {
    let doc = &props.document;
    let id = a.id;
    // Sources lie near their claims: offering the mentions around it keeps the list
    // short on a long article; a farther source can be picked by selecting it.
    let (lo, hi) = (
        a.span.start().0.saturating_sub(SOURCE_REACH),
        a.span.end().0.saturating_add(SOURCE_REACH),
    );
    let mentions: Vec<&Annotation> = doc
        .layer(Layer::Actor)
        .filter(|m| m.status != Status::Rejected)
        .filter(|m| Some(m.span) == source || (m.span.end().0 > lo && m.span.start().0 < hi))
        .collect();
    let current = mentions
        .iter()
        .find(|m| Some(m.span) == source)
        .map(|m| m.id);
    let on_source = edit.reform(move |e: Event| Edit::SetSource {
        id,
        source: select_value(&e)
            .parse::<u32>()
            .ok()
            .map(|m| Pick::Mention(AnnotationId(m))),
    });
    let from_selection = |source: bool| {
        let (doc, blocks, edit) = (doc.clone(), props.blocks.clone(), edit.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(span) = selected_span(&doc, &blocks) {
                let pick = Some(Pick::Span(span));
                edit.emit(if source {
                    Edit::SetSource { id, source: pick }
                } else {
                    Edit::SetCue { id, cue: pick }
                });
            }
        })
    };
    // Keeps the article's selection when the button is pressed with the mouse.
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let clear_cue = edit.reform(move |_: MouseEvent| Edit::SetCue { id, cue: None });
    let on_stance = edit.reform(move |e: Event| Edit::SetStance {
        id,
        stance: Stance::ALL
            .into_iter()
            .find(|s| s.name() == select_value(&e)),
    });
    html! {
        <>
            { fragments(props, a, edit) }
            <div class="attr-row">
                <label for="attr-source">{ "Source" }</label>
                <select id="attr-source" data-testid="attr-source" onchange={on_source}>
                    <option value="" selected={current.is_none()}>
                        { if source.is_some() && current.is_none() { format!("{} (selected text)", quoted(doc, source)) } else { "none".into() } }
                    </option>
                    { for mentions.iter().map(|m| {
                        let entity = match &m.attrs { Attrs::Actor(x) => x.entity.as_str(), _ => "" };
                        html! {
                            <option value={m.id.0.to_string()} selected={Some(m.id) == current}>
                                { format!("{entity}: {}", quoted(doc, Some(m.span))) }
                            </option>
                        }
                    }) }
                </select>
                <button type="button" data-testid="attr-source-selection"
                    onmousedown={keep_selection.clone()} onclick={from_selection(true)}>{ "Use selection as source" }</button>
            </div>
            <div class="attr-row">
                <span>{ "Cue: " }<strong data-testid="attr-cue">{ quoted(doc, cue) }</strong></span>
                <button type="button" data-testid="attr-cue-selection"
                    onmousedown={keep_selection} onclick={from_selection(false)}>{ "Use selection as cue" }</button>
                <button type="button" data-testid="attr-cue-clear" onclick={clear_cue}>{ "Clear cue" }</button>
            </div>
            <div class="attr-row">
                <label for="attr-stance">{ "Stance" }</label>
                <select id="attr-stance" data-testid="attr-stance" onchange={on_stance}>
                    <option value="" selected={stance.is_none()}>{ "unknown" }</option>
                    { for Stance::ALL.iter().map(|s| html! {
                        <option value={s.name()} selected={Some(*s) == stance}>{ s.name() }</option>
                    }) }
                </select>
            </div>
        </>
    }
}

/// The pieces of a claim's content (a quote split by its attribution), the focused
/// one marked; `]` / `[` focus them, the arrows then move the focused one's
/// boundaries, `+` adds the selection, `-` removes the focused one.
fn fragments(props: &AttributePanelProps, a: &Annotation, edit: &Callback<Edit>) -> Html {
    let doc = &props.document;
    let id = a.id;
    let all = pieces(a);
    let add = {
        let (doc, blocks, edit) = (doc.clone(), props.blocks.clone(), edit.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(span) = selected_span(&doc, &blocks) {
                edit.emit(Edit::AddFragment { id, span });
            }
        })
    };
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let focused = props.fragment.filter(|&i| i < all.len() && all.len() > 1);
    html! {
        <div class="attr-fragments" data-testid="attr-fragments">
            <p id="attr-fragments-title">
                { format!("Content: {} fragment{}", all.len(), if all.len() == 1 { "" } else { "s" }) }
                { " ([ ] focus one, arrows move it, + adds the selection, - removes it)" }
            </p>
            <ol aria-labelledby="attr-fragments-title" aria-live="polite">
                { for all.iter().enumerate().map(|(i, f)| {
                    let on = focused == Some(i);
                    let remove = edit.reform(move |_: MouseEvent| Edit::RemoveFragment { id, index: i });
                    html! {
                        <li data-testid="attr-fragment" data-focused={on.to_string()}
                            class={classes!(on.then_some("fragment-on"))} aria-current={on.then_some("true")}>
                            <span data-testid="attr-fragment-text">{ quoted(doc, Some(*f)) }</span>
                            if all.len() > 1 {
                                <button type="button" data-testid="attr-fragment-remove" onclick={remove}
                                    aria-label={format!("Remove fragment {}", i + 1)}>{ "Remove" }</button>
                            }
                        </li>
                    }
                }) }
            </ol>
            <button type="button" data-testid="attr-fragment-add" onmousedown={keep_selection} onclick={add}>
                { "Add selection as a fragment (+)" }
            </button>
        </div>
    }
}

/// Puts `value` in the text field once, and again only when `value` itself changes:
/// the field is uncontrolled, so re-rendering (an inline error appearing) never
/// overwrites what the user is typing.
#[hook]
fn use_initial_value(field: &NodeRef, value: &str) {
    let field = field.clone();
    use_effect_with(value.to_string(), move |value| {
        if let Some(input) = field.cast::<HtmlInputElement>() {
            input.set_value(value);
        }
    });
}

/// Props of [`DateValue`].
#[derive(Properties, PartialEq)]
pub struct DateValueProps {
    /// The date annotation.
    pub id: AnnotationId,
    /// Its current value (empty: none).
    pub value: String,
    /// Where the edit goes.
    pub onedit: Callback<Edit>,
}

/// A date's TimeML value, checked as it is typed; the error is shown beside the field.
#[function_component]
pub fn DateValue(props: &DateValueProps) -> Html {
    let input = use_node_ref();
    let error = use_state(|| None::<String>);
    use_initial_value(&input, &props.value);
    let check = |v: &str| match v.trim() {
        "" => Ok(None),
        v => timeml::parse(v).map(Some).map_err(|e| e.to_string()),
    };
    let oninput = {
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            error.set(check(&v).err());
        })
    };
    let onsubmit = {
        let (input, error, onedit, id) =
            (input.clone(), error.clone(), props.onedit.clone(), props.id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let v = input
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match check(&v) {
                Ok(value) => {
                    error.set(None);
                    onedit.emit(Edit::SetDateValue { id, value });
                }
                Err(message) => error.set(Some(message)),
            }
        })
    };
    html! {
        <form class="attr-row" data-testid="attr-value-form" {onsubmit}>
            <label for="attr-value">{ "TimeML value" }</label>
            <input id="attr-value" ref={input} data-testid="attr-value"
                aria-invalid={error.is_some().to_string()} aria-describedby="attr-value-error"
                placeholder="2020-09-27, P6W, PAST_REF" {oninput} />
            <button type="submit" data-testid="attr-value-save">{ "Set value" }</button>
            <p id="attr-value-error" class="attr-error" role="status" data-testid="attr-value-error">
                { (*error).clone().unwrap_or_default() }
            </p>
        </form>
    }
}

/// Props of [`EntityEditor`].
#[derive(Properties, PartialEq)]
pub struct EntityEditorProps {
    /// The actor mention.
    pub id: AnnotationId,
    /// Its entity.
    pub entity: String,
    /// The document's entities (the others are offered to merge into).
    pub entities: Rc<[String]>,
    /// Where the edit goes.
    pub onedit: Callback<Edit>,
}

/// An actor's entity: rename it everywhere, move this mention, split it off, or merge
/// the entity into another one.
#[function_component]
pub fn EntityEditor(props: &EntityEditorProps) -> Html {
    let name = use_node_ref();
    let merge = use_node_ref();
    use_initial_value(&name, &props.entity);
    let typed = {
        let name = name.clone();
        move || {
            name.cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default()
        }
    };
    let (id, entity) = (props.id, props.entity.clone());
    let rename = {
        let (typed, entity) = (typed.clone(), entity.clone());
        props
            .onedit
            .reform(move |_: MouseEvent| Edit::RenameEntity {
                from: entity.clone(),
                to: typed(),
            })
    };
    let set = {
        let typed = typed.clone();
        props.onedit.reform(move |_: MouseEvent| Edit::SetEntity {
            id,
            entity: typed(),
        })
    };
    let split = {
        let entity = entity.clone();
        props.onedit.reform(move |_: MouseEvent| {
            let t = typed();
            Edit::SplitMention {
                id,
                entity: (!t.trim().is_empty() && t != entity).then_some(t),
            }
        })
    };
    let others: Vec<String> = props
        .entities
        .iter()
        .filter(|e| **e != entity)
        .cloned()
        .collect();
    let on_merge = {
        let (merge, entity) = (merge.clone(), entity.clone());
        props.onedit.reform(move |_: MouseEvent| Edit::MergeEntity {
            from: entity.clone(),
            into: merge
                .cast::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default(),
        })
    };
    html! {
        <>
            <div class="attr-row">
                <label for="attr-entity">{ "Entity" }</label>
                <input id="attr-entity" ref={name} data-testid="attr-entity" />
            </div>
            <div class="attr-row">
                <button type="button" data-testid="attr-rename" onclick={rename}>{ "Rename entity" }</button>
                <button type="button" data-testid="attr-set-entity" onclick={set}>{ "Move this mention" }</button>
                <button type="button" data-testid="attr-split" onclick={split}>{ "Split off" }</button>
            </div>
            if !others.is_empty() {
                <div class="attr-row">
                    <label for="attr-merge-into">{ "Merge into" }</label>
                    <select id="attr-merge-into" ref={merge} data-testid="attr-merge-into">
                        { for others.iter().map(|o| html! { <option value={o.clone()}>{ o.clone() }</option> }) }
                    </select>
                    <button type="button" data-testid="attr-merge" onclick={on_merge}>{ "Merge" }</button>
                </div>
            }
        </>
    }
}

//! The review bar: open suggestions per layer, the layer filter, bulk accept/reject
//! (of the filtered layer, or of the selection), next suggestion, undo and redo.

use claimlens_core::command::Action as Command;
use claimlens_core::edit::{Decision, Edit};
use claimlens_core::keymap::Command as Key;
use claimlens_core::model::Layer;
use claimlens_core::review::SuggestionCounts;
use claimlens_core::text::ByteSpan;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::EditorAction;

/// Props of [`ReviewBar`].
#[derive(Properties, PartialEq)]
pub struct ReviewBarProps {
    /// Open suggestions per layer.
    pub counts: SuggestionCounts,
    /// The layer filter.
    pub filter: Option<Layer>,
    /// There is something to undo / redo.
    pub can_undo: bool,
    /// There is something to redo.
    pub can_redo: bool,
    /// Reads the article's selection (raw bytes) when a bulk button is pressed.
    pub selection: Callback<(), Option<ByteSpan>>,
    /// Where every request goes.
    pub ondispatch: Callback<EditorAction>,
    /// Asks for a shortcut's command to be resolved and run (next suggestion, help).
    pub onkey: Callback<Key>,
}

/// The bar above the article.
#[function_component]
pub fn ReviewBar(props: &ReviewBarProps) -> Html {
    let d = props.ondispatch.clone();
    let on_filter = d.reform(|e: Event| {
        let v = e.target_unchecked_into::<HtmlSelectElement>().value();
        EditorAction::Run(Command::SetFilter(
            Layer::ALL.into_iter().find(|l| l.name() == v),
        ))
    });
    let bulk = |decision: Decision, in_selection: bool| {
        let (d, filter, selection) = (d.clone(), props.filter, props.selection.clone());
        Callback::from(move |_: MouseEvent| {
            let within = if in_selection {
                match selection.emit(()) {
                    Some(s) => Some(s),
                    None => return,
                }
            } else {
                None
            };
            d.emit(EditorAction::Edit(Edit::ReviewAll {
                decision,
                layer: if in_selection { None } else { filter },
                within,
            }));
        })
    };
    let scope = props
        .filter
        .map_or("all layers".to_string(), |l| l.plural().to_string());
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let key = |k: Key| props.onkey.reform(move |_: MouseEvent| k);
    let run = |c: Command| d.reform(move |_: MouseEvent| EditorAction::Run(c.clone()));
    html! {
        <div class="review-bar" role="toolbar" aria-label="Review" data-testid="review-bar">
            <p class="open-counts" data-testid="open-counts" aria-live="polite">
                { "Open suggestions: " }
                { for Layer::ALL.iter().map(|&l| html! {
                    <span class="open-count" data-testid={format!("open-{}", l.name())}>
                        { format!("{} {}", props.counts.get(l), l.plural()) }
                    </span>
                }) }
                <strong data-testid="open-total">{ format!("{} in all", props.counts.total()) }</strong>
            </p>
            <div class="bar-row">
                <label for="layer-filter">{ "Show" }</label>
                <select id="layer-filter" data-testid="layer-filter" onchange={on_filter}>
                    <option value="" selected={props.filter.is_none()}>{ "all layers" }</option>
                    { for Layer::ALL.iter().map(|l| html! {
                        <option value={l.name()} selected={props.filter == Some(*l)}>{ l.plural() }</option>
                    }) }
                </select>
                <button type="button" data-testid="next-suggestion" onclick={key(Key::NextSuggestion)}>{ "Next suggestion (s)" }</button>
                <button type="button" data-testid="accept-all" onclick={bulk(Decision::Accept, false)}>{ format!("Accept all: {scope}") }</button>
                <button type="button" data-testid="reject-all" onclick={bulk(Decision::Reject, false)}>{ format!("Reject all: {scope}") }</button>
                <button type="button" data-testid="accept-selection" onmousedown={keep_selection.clone()} onclick={bulk(Decision::Accept, true)}>{ "Accept in selection" }</button>
                <button type="button" data-testid="reject-selection" onmousedown={keep_selection} onclick={bulk(Decision::Reject, true)}>{ "Reject in selection" }</button>
                <button type="button" data-testid="undo" disabled={!props.can_undo} onclick={run(Command::Undo)}>{ "Undo" }</button>
                <button type="button" data-testid="redo" disabled={!props.can_redo} onclick={run(Command::Redo)}>{ "Redo" }</button>
                <button type="button" data-testid="help-button" onclick={key(Key::Help)}>{ "Shortcuts (?)" }</button>
            </div>
        </div>
    }
}

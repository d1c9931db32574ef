//! The shortcuts overlay (`?`): the core's keymap, grouped as in its data file, so the
//! help never disagrees with the keys. A modal dialog: focus moves into it, Tab and
//! Shift+Tab cycle inside it, Escape (the editor's key) closes it, and focus goes
//! back to where it was.

use claimlens_core::keymap::keymap;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// What can take focus inside the dialog.
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex=\"-1\"])";

/// Props of [`HelpOverlay`].
#[derive(Properties, PartialEq)]
pub struct HelpOverlayProps {
    /// Called when the user closes it.
    pub onclose: Callback<()>,
}

/// The focusable elements inside `dialog`, in tab order (document order: nothing in
/// the dialog sets a positive tabindex).
fn focusables(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Keeps Tab inside the dialog: from the last element to the first, and back.
fn trap_tab(e: &KeyboardEvent, dialog: &NodeRef) {
    if e.key() != "Tab" {
        return;
    }
    let Some(dialog) = dialog.cast::<Element>() else {
        return;
    };
    let items = focusables(&dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        e.prevent_default();
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = |el: &HtmlElement| active.as_ref() == Some(el.as_ref());
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    let target = match (e.shift_key(), inside) {
        (true, true) if at(first) => Some(last),
        (false, true) if at(last) => Some(first),
        (true, false) => Some(last),
        (false, false) => Some(first),
        _ => None,
    };
    if let Some(t) = target {
        e.prevent_default();
        // A refused focus leaves it where it was, still inside.
        let _ = t.focus();
    }
}

/// A modal dialog listing every shortcut.
#[function_component]
pub fn HelpOverlay(props: &HelpOverlayProps) -> Html {
    let close = use_node_ref();
    let dialog = use_node_ref();
    {
        let close = close.clone();
        use_effect_with((), move |()| {
            // Where focus was, to give it back when the dialog closes.
            let before = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            if let Some(b) = close.cast::<HtmlElement>() {
                let _ = b.focus();
            }
            move || {
                if let Some(el) = before.filter(|el| el.is_connected()) {
                    let _ = el.focus();
                }
            }
        });
    }
    let mut groups: Vec<&str> = Vec::new();
    for b in keymap().bindings() {
        if !groups.contains(&b.group.as_str()) {
            groups.push(&b.group);
        }
    }
    let onclick = props.onclose.reform(|_: MouseEvent| ());
    let onkeydown = {
        let dialog = dialog.clone();
        Callback::from(move |e: KeyboardEvent| trap_tab(&e, &dialog))
    };
    html! {
        <div class="overlay" data-testid="help-overlay">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title"
                data-testid="help-dialog" ref={dialog} {onkeydown}>
                <div class="dialog-head">
                    <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                    <button type="button" ref={close} data-testid="help-close" {onclick}>{ "Close (Esc)" }</button>
                </div>
                // Focusable so the keyboard can scroll the list.
                <div class="help-list" tabindex="0" role="region" aria-label="All shortcuts"
                    data-testid="help-list">
                    { for groups.iter().map(|g| html! {
                        <section class="help-group">
                            <h3>{ *g }</h3>
                            <dl>
                                { for keymap().bindings().iter().filter(|b| b.group == *g).map(|b| html! {
                                    <div class="help-row" data-testid="help-row">
                                        <dt><kbd>{ b.chord.to_string() }</kbd></dt>
                                        <dd>{ b.description.clone() }</dd>
                                    </div>
                                }) }
                            </dl>
                        </section>
                    }) }
                </div>
            </div>
        </div>
    }
}

//! The shortcuts overlay (`?`): the core's keymap, grouped as in its data file, so the
//! help never disagrees with the keys.

use claimlens_core::keymap::keymap;
use yew::prelude::*;

/// Props of [`HelpOverlay`].
#[derive(Properties, PartialEq)]
pub struct HelpOverlayProps {
    /// Called when the user closes it.
    pub onclose: Callback<()>,
}

/// A modal dialog listing every shortcut.
#[function_component]
pub fn HelpOverlay(props: &HelpOverlayProps) -> Html {
    let close = use_node_ref();
    {
        let close = close.clone();
        use_effect_with((), move |()| {
            if let Some(b) = close.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
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
    html! {
        <div class="overlay" data-testid="help-overlay">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <div class="dialog-head">
                    <h2 id="help-title">{ "Keyboard shortcuts" }</h2>
                    <button type="button" ref={close} data-testid="help-close" {onclick}>{ "Close (Esc)" }</button>
                </div>
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
    }
}

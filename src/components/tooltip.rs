//! The tooltip of the highlight under the pointer or in focus: layer, kind and
//! attributes. Placed through the CSS object model, because the page's
//! Content-Security-Policy forbids inline `style` attributes.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::describe::Details;

/// Props of [`Tooltip`].
#[derive(Properties, PartialEq)]
pub struct TooltipProps {
    /// What to show.
    pub details: Details,
    /// Offset from the top of the positioned container, in CSS pixels.
    pub top: i32,
    /// Offset from the left of the positioned container, in CSS pixels.
    pub left: i32,
}

/// A box of attribute rows below the highlight it describes.
#[function_component]
pub fn Tooltip(props: &TooltipProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with((props.top, props.left), move |&(top, left)| {
            if let Some(el) = node.cast::<HtmlElement>() {
                let style = el.style();
                // Failing to move the box leaves it readable where it is.
                let _ = style.set_property("top", &format!("{top}px"));
                let _ = style.set_property("left", &format!("{left}px"));
            }
        });
    }
    let d = &props.details;
    html! {
        <div ref={node} class="tooltip" role="tooltip" id="annotation-tooltip"
            data-testid="tooltip" data-tooltip="">
            <p class="tip-head">
                <strong class={classes!("tip-layer", format!("tip-{}", d.layer))}>{ d.layer }</strong>
                { " · " }{ d.kind }
            </p>
            <dl>
                { for d.rows.iter().map(|(name, value)| html! {
                    <>
                        <dt>{ *name }</dt>
                        <dd>{ value.clone() }</dd>
                    </>
                }) }
            </dl>
        </div>
    }
}

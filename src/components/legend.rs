//! The legend: each layer's highlight style, what it marks, and how many were found.
//! The style is named in words too, so colour is never the only cue. Hovering or
//! focusing an entry shows the layer's definition from the guidelines (core `legend`).

use claimlens_core::legend::layer_definition;
use claimlens_core::model::Layer;
use yew::prelude::*;

use super::layer_class;

/// Props of [`Legend`].
#[derive(Properties, PartialEq)]
pub struct LegendProps {
    /// Annotation counts in [`Layer::ALL`] order.
    pub counts: [usize; 3],
}

fn describe(layer: Layer) -> (&'static str, &'static str) {
    match layer {
        Layer::Actor => (
            "Actors",
            "people, organisations, governments, armed groups (solid underline)",
        ),
        Layer::Date => ("Dates", "dates, times, durations (boxed)"),
        Layer::Claim => (
            "Claims",
            "what a source asserts, denies or accuses (shaded, underlined)",
        ),
    }
}

/// A list of the three layers with a sample of each style.
#[function_component]
pub fn Legend(props: &LegendProps) -> Html {
    html! {
        <ul class="legend" data-testid="legend" aria-label="Legend">
            { for Layer::ALL.iter().zip(props.counts).map(|(&layer, count)| {
                let (name, what) = describe(layer);
                html! {
                    // Focusable, so the definition also shows from the keyboard.
                    <li data-testid={format!("legend-{}", layer.name())} tabindex="0"
                        aria-describedby={format!("legend-def-{}", layer.name())}>
                        <span class={classes!("hl", layer_class(layer), "swatch")} aria-hidden="true">{ name }</span>
                        <span class="legend-what">{ what }</span>
                        <span class="legend-count" data-testid={format!("count-{}", layer.name())}>{ count }</span>
                        <span class="legend-definition" role="tooltip" id={format!("legend-def-{}", layer.name())}
                            data-testid={format!("legend-definition-{}", layer.name())}>
                            { layer_definition(layer) }
                        </span>
                    </li>
                }
            }) }
            <li class="legend-note" data-testid="legend-status">{ "Dashed: a suggestion to review · solid: accepted · struck through: rejected" }</li>
        </ul>
    }
}

//! The legend: each layer's highlight style, what it marks, and how many were found.
//! The style is named in words too, so colour is never the only cue.

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
            "what a source asserts, denies or accuses (shaded, dotted underline)",
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
                    <li data-testid={format!("legend-{}", layer.name())}>
                        <span class={classes!("hl", layer_class(layer), "swatch")} aria-hidden="true">{ name }</span>
                        <span class="legend-what">{ what }</span>
                        <span class="legend-count" data-testid={format!("count-{}", layer.name())}>{ count }</span>
                    </li>
                }
            }) }
        </ul>
    }
}

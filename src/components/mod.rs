//! The view: presentational components (`*Props` with data and `on*` callbacks) and
//! the one container, [`App`], that owns the reducer and provides it as context.

mod app;
mod article;
mod export_button;
mod legend;
mod paragraph;
mod paste_area;
mod tooltip;

pub use app::{App, AppHandle};
pub use article::{ArticleView, ArticleViewProps};
pub use export_button::{ExportButton, ExportButtonProps};
pub use legend::{Legend, LegendProps};
pub use paragraph::{Paragraph, ParagraphProps};
pub use paste_area::{AnnotateRequest, PasteArea, PasteAreaProps};
pub use tooltip::{Tooltip, TooltipProps};

use claimlens_core::model::Layer;

/// The CSS class that gives a layer its colour and line style (see `styles/app.css`).
pub fn layer_class(layer: Layer) -> &'static str {
    match layer {
        Layer::Actor => "hl-actor",
        Layer::Date => "hl-date",
        Layer::Claim => "hl-claim",
    }
}

//! Short definitions of each layer and kind for the legend's hover, paraphrasing the
//! annotation guidelines; the text is data in `data/editor/legend.txt`.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::edit::Kind;
use crate::model::{DateKind, Layer};

static LEGEND: &str = data_list!(include_str!("../data/editor/legend.txt"));

fn definitions() -> &'static HashMap<&'static str, &'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        crate::data::entries(LEGEND)
            .filter_map(|line| line.split_once('|'))
            .map(|(name, text)| (name.trim(), text.trim()))
            .collect()
    })
}

/// What a layer covers, in two or three sentences.
///
/// # Example
/// ```
/// use claimlens_core::legend::layer_definition;
/// use claimlens_core::model::Layer;
/// assert!(layer_definition(Layer::Claim).contains("source"));
/// ```
pub fn layer_definition(layer: Layer) -> &'static str {
    definitions().get(layer.name()).copied().unwrap_or("")
}

/// What a kind covers, in one sentence.
pub fn kind_definition(kind: Kind) -> &'static str {
    // The date kind `date` shares its name with the layer.
    let key = match kind {
        Kind::Date(DateKind::Date) => "date.date",
        k => k.name(),
    };
    definitions().get(key).copied().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_legend_reads_as_the_file() {
        let file = include_str!("../data/editor/legend.txt");
        assert!(LEGEND.len() < file.len());
        assert!(crate::data::entries(LEGEND).eq(crate::data::entries(file)));
    }

    #[test]
    fn every_layer_and_kind_is_defined() {
        for layer in Layer::ALL {
            assert!(layer_definition(layer).len() > 40, "{layer:?}");
        }
        for kind in Kind::ALL {
            assert!(kind_definition(kind).len() > 15, "{kind:?}");
        }
        assert_ne!(
            layer_definition(Layer::Date),
            kind_definition(Kind::Date(DateKind::Date))
        );
    }
}

//! Words for an annotation: the accessible name of a highlight and the rows of its
//! tooltip (layer, kind and the layer's attributes), in the annotator's terms.

use claimlens_core::model::{Annotation, Attrs, Document, Origin, Stance};
use claimlens_core::text::ByteSpan;

/// What a tooltip shows for one annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// Layer name (`actor`, `date`, `claim`).
    pub layer: &'static str,
    /// Kind name (`organisation`, `date`, `direct`, …).
    pub kind: &'static str,
    /// Attribute rows: name and value.
    pub rows: Vec<(&'static str, String)>,
}

/// The tooltip content of `a`, an annotation of `doc`.
pub fn details(doc: &Document, a: &Annotation) -> Details {
    let quote = |s: Option<ByteSpan>| match s.and_then(|s| s.slice(&doc.text)) {
        Some(t) => format!("“{t}”"),
        None => "none found".into(),
    };
    let mut rows = Vec::new();
    match &a.attrs {
        Attrs::Actor(x) => rows.push(("entity", x.entity.clone())),
        Attrs::Date(x) => rows.push((
            "value",
            x.value.clone().unwrap_or_else(|| "not resolved".into()),
        )),
        Attrs::Claim(x) => {
            rows.push(("source", quote(x.source)));
            if let Some(entity) = &x.source_entity {
                rows.push(("source entity", entity.clone()));
            }
            rows.push(("cue", quote(x.cue)));
            rows.push(("stance", x.stance.map_or("unknown", Stance::name).into()));
            if !x.fragments.is_empty() {
                rows.push(("pieces", x.fragments.len().to_string()));
            }
        }
    }
    rows.push(("status", provenance(a)));
    Details {
        layer: a.layer().name(),
        kind: a.attrs.kind_name(),
        rows,
    }
}

/// The accessible name of a highlight: layer, kind and the main attribute.
pub fn label(doc: &Document, a: &Annotation) -> String {
    let main = match &a.attrs {
        Attrs::Actor(x) => format!("entity {}", x.entity),
        Attrs::Date(x) => match &x.value {
            Some(v) => format!("value {v}"),
            None => "value not resolved".into(),
        },
        Attrs::Claim(x) => match x.source.and_then(|s| s.slice(&doc.text)) {
            Some(source) => format!(
                "source {source}, {}",
                x.stance.map_or("stance unknown", Stance::name)
            ),
            None => "source not found".into(),
        },
    };
    format!(
        "{} ({}), {main}, {}",
        a.layer().name(),
        a.attrs.kind_name(),
        provenance(a)
    )
}

/// Status and origin in words; "automatic" reads better to a person than the
/// file name `auto`.
fn provenance(a: &Annotation) -> String {
    let origin = match a.origin {
        Origin::Auto => "automatic",
        Origin::Manual => a.origin.name(),
    };
    format!("{} ({origin})", a.status.name())
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimlens_core::model::{ClaimAttrs, ClaimKind, DateAttrs, DateKind, Status};

    fn at(text: &str, s: &str) -> ByteSpan {
        let i = text.find(s).unwrap();
        ByteSpan::from_raw(i, i + s.len()).unwrap()
    }

    #[test]
    fn a_claim_names_its_source_cue_and_stance() {
        let text = "Baku denied that it fired.";
        let mut doc = Document::new("t", text, None);
        doc.add(
            at(text, "it fired"),
            Attrs::Claim(ClaimAttrs {
                kind: ClaimKind::Indirect,
                source: Some(at(text, "Baku")),
                cue: Some(at(text, "denied")),
                fragments: vec![],
                stance: Some(Stance::Deny),
                source_entity: Some("Azerbaijan".into()),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        let a = &doc.annotations[0];
        let d = details(&doc, a);
        assert_eq!((d.layer, d.kind), ("claim", "indirect"));
        assert!(d.rows.contains(&("source", "“Baku”".into())));
        assert!(d.rows.contains(&("cue", "“denied”".into())));
        assert!(d.rows.contains(&("stance", "deny".into())));
        assert!(d.rows.contains(&("source entity", "Azerbaijan".into())));
        assert_eq!(
            label(&doc, a),
            "claim (indirect), source Baku, deny, suggested (automatic)"
        );
    }

    #[test]
    fn an_unresolved_date_says_so() {
        let text = "later";
        let mut doc = Document::new("t", text, None);
        doc.add(
            at(text, "later"),
            Attrs::Date(DateAttrs {
                kind: DateKind::Date,
                value: None,
            }),
            Origin::Manual,
            Status::Accepted,
        );
        let d = details(&doc, &doc.annotations[0]);
        assert_eq!(d.rows[0], ("value", "not resolved".into()));
        assert_eq!(d.rows[1], ("status", "accepted (manual)".into()));
    }
}

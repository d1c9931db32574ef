//! The attributes a new annotation starts with, from its span and layer: what an
//! annotator would most often type anyway, so creating or relabelling is one key.

use crate::model::{
    ActorAttrs, ActorKind, Attrs, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Document, Layer,
    Status,
};
use crate::text::ByteSpan;
use crate::{actors, dates, timeml};

/// Default attributes for `span` on `layer`:
/// - actor: the entity and kind of another mention with the same text, else what the
///   actor extractor says about the text alone, else a person named by the text;
/// - date: the kind and value the date extractor gives the text (anchored on the
///   document date), else a plain date without a value;
/// - claim: direct when a quotation mark touches the span, else indirect.
pub(super) fn attrs(doc: &Document, span: ByteSpan, layer: Layer) -> Attrs {
    let raw = span.slice(&doc.text).unwrap_or("");
    match layer {
        Layer::Actor => Attrs::Actor(actor(doc, raw)),
        Layer::Date => Attrs::Date(date(doc, raw)),
        Layer::Claim => Attrs::Claim(ClaimAttrs {
            kind: if quoted(&doc.text, span) {
                ClaimKind::Direct
            } else {
                ClaimKind::Indirect
            },
            source: None,
            cue: None,
            fragments: Vec::new(),
            stance: None,
            source_entity: None,
        }),
    }
}

/// A mention's text as an entity name: white space runs (line breaks too) become one
/// space, ends trimmed.
pub(crate) fn entity_name(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn actor(doc: &Document, raw: &str) -> ActorAttrs {
    let name = entity_name(raw);
    let same_text = doc.layer(Layer::Actor).find(|a| {
        a.status != Status::Rejected
            && a.span
                .slice(&doc.text)
                .is_some_and(|t| entity_name(t) == name)
    });
    if let Some(Attrs::Actor(found)) = same_text.map(|a| &a.attrs) {
        return found.clone();
    }
    let whole = actors::extract(raw)
        .into_iter()
        .find(|m| m.span.range() == (0..raw.len()));
    match whole {
        Some(m) => ActorAttrs {
            kind: m.kind,
            entity: if m.entity.trim().is_empty() {
                name
            } else {
                m.entity
            },
        },
        None => ActorAttrs {
            kind: ActorKind::Person,
            entity: name,
        },
    }
}

fn date(doc: &Document, raw: &str) -> DateAttrs {
    let whole = dates::extract(raw, doc.dct)
        .into_iter()
        .find(|m| m.span.range() == (0..raw.len()));
    match whole {
        Some(m) => DateAttrs {
            kind: m.kind,
            value: m.value.and_then(|v| timeml::parse(&v).ok()),
        },
        None => DateAttrs {
            kind: DateKind::Date,
            value: None,
        },
    }
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// True when a quotation mark sits right before or right after the span.
fn quoted(text: &str, span: ByteSpan) -> bool {
    let before = text
        .get(..span.start().0)
        .and_then(|s| s.chars().next_back());
    let after = text.get(span.end().0..).and_then(|s| s.chars().next());
    before.is_some_and(is_quote) || after.is_some_and(is_quote)
}

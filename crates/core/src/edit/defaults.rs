//! The attributes a new annotation starts with, from its span and layer: what an
//! annotator would most often type anyway, so creating or relabelling is one key.

use crate::model::{
    ActorAttrs, ActorKind, Attrs, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Document, Layer,
    Status,
};
use crate::text::ByteSpan;
use crate::{actors, dates, timeml};

use super::grapheme;

/// Default attributes for `span` on `layer`:
/// - actor: the entity and kind of another mention with the same text, else what the
///   actor extractor finds on exactly that span reading its line, else a person named
///   by the text;
/// - date: the kind and value the date extractor gives exactly that span reading its
///   line (anchored on the document date), else a plain date without a value;
/// - claim: direct when a quotation mark touches the span, else indirect.
pub(super) fn attrs(doc: &Document, span: ByteSpan, layer: Layer) -> Attrs {
    match layer {
        Layer::Actor => Attrs::Actor(actor(doc, span)),
        Layer::Date => Attrs::Date(date(doc, span)),
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

/// The line around `span` (a paragraph, in news text) and where it starts: the
/// extractors read a mention better in its context ("the UN said" rather than "UN").
/// A text with no line breaks is read at most [`REACH`] bytes either side.
fn context(text: &str, span: ByteSpan) -> (usize, &str) {
    // Rounded to whole characters: a hand-built document may hold any offsets.
    let (a, b) = (
        grapheme::floor(text, span.start().0),
        grapheme::ceil(text, span.end().0),
    );
    let mut lo = a.saturating_sub(REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (b + REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let start = text[lo..a].rfind('\n').map_or(lo, |i| lo + i + 1);
    let end = text[b..hi].find('\n').map_or(hi, |i| b + i);
    (start, &text[start..end])
}

/// How far the context of a new annotation reaches without a line break.
const REACH: usize = 2_000;

/// The extractor's finding whose span is exactly `span`, reading it in its line, else
/// reading the span alone (the line may hold a longer expression around it, as
/// "Sunday, 27 September" around "Sunday").
fn found<T>(
    text: &str,
    span: ByteSpan,
    extract: impl Fn(&str) -> Vec<T>,
    span_of: impl Fn(&T) -> ByteSpan,
) -> Option<T> {
    let (start, line) = context(text, span);
    let wanted = (span.start().0 - start)..(span.end().0 - start);
    let in_line = extract(line)
        .into_iter()
        .find(|m| span_of(m).range() == wanted);
    in_line.or_else(|| {
        let alone = span.slice(text).unwrap_or("");
        extract(alone)
            .into_iter()
            .find(|m| span_of(m).range() == (0..alone.len()))
    })
}

fn actor(doc: &Document, span: ByteSpan) -> ActorAttrs {
    let raw = span.slice(&doc.text).unwrap_or("");
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
    let whole = found(&doc.text, span, actors::extract, |m| m.span);
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

fn date(doc: &Document, span: ByteSpan) -> DateAttrs {
    let whole = found(
        &doc.text,
        span,
        |line| dates::extract(line, doc.dct),
        |m| m.span,
    );
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

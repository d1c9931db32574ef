//! Changing a document's creation date (`dct`): relative dates (`Monday`, `last
//! year`, `two days ago`) are re-normalised against the new date, while values a
//! person chose stay as they are.
//!
//! # Which values follow the new date
//! A date annotation's value is the machine's when it equals what the date extractor
//! gives its exact span under the *old* dct: in the text's context (what
//! [`crate::annotate()`] suggested), or, for a span the extractor does not find there,
//! from the span's text alone (what the editor fills in when someone marks a date by
//! hand). Such values, whatever the annotation's origin or status, are replaced by
//! the extractor's value under the new dct. Any other value was typed by a person and
//! is kept. (A typed value that happens to equal the machine's is indistinguishable
//! from it and follows the date too; that is what the person would want anyway.)
//! Kinds, spans, statuses and every other layer are untouched.
//!
//! # Undo
//! [`value_changes`] gives the same changes as an editor [`Patch`]: set the new dct,
//! then record the patch in the document's [`crate::edit::History`], so one undo step
//! brings the old values back (the dct itself is the caller's to restore).

use std::collections::HashMap;

use crate::calendar::CalendarDate;
use crate::dates;
use crate::edit::{Change, Patch};
use crate::model::{Annotation, AnnotationId, Attrs, Document, Layer};
use crate::timeml;

/// `doc` with `new_dct` as its creation date and its machine date values
/// re-normalised against it (see the module docs for which values follow).
///
/// # Example
/// ```
/// use claimlens_core::{annotate, redate::redate};
/// let doc = annotate("d", "Talks failed on Monday.", "2021-05-05".parse().ok());
/// let moved = redate(&doc, "2021-05-12".parse().ok());
/// let value = |d: &claimlens_core::model::Document| match &d.annotations.iter()
///     .find(|a| a.layer() == claimlens_core::model::Layer::Date).unwrap().attrs {
///     claimlens_core::model::Attrs::Date(x) => x.value.clone(),
///     _ => None,
/// };
/// assert_eq!(value(&doc).as_deref(), Some("2021-05-03"));
/// assert_eq!(value(&moved).as_deref(), Some("2021-05-10"));
/// ```
pub fn redate(doc: &Document, new_dct: Option<CalendarDate>) -> Document {
    let mut out = doc.clone();
    out.dct = new_dct;
    let mut changed: HashMap<AnnotationId, Annotation> = changes(doc, new_dct)
        .into_iter()
        .filter_map(|c| Some((c.id, c.after?)))
        .collect();
    for slot in &mut out.annotations {
        if let Some(after) = changed.remove(&slot.id) {
            *slot = after;
        }
    }
    out
}

/// The value changes [`redate`] makes, as one editor step. Apply it with
/// `History::record(&mut doc, patch)` after setting `doc.dct = new_dct`.
pub fn value_changes(doc: &Document, new_dct: Option<CalendarDate>) -> Patch {
    Patch::new(changes(doc, new_dct), (doc.next_id, doc.next_id))
}

/// Values by exact span (start, end) from the extractor over the whole text.
fn in_context(text: &str, dct: Option<CalendarDate>) -> HashMap<(usize, usize), Option<String>> {
    dates::extract(text, dct)
        .into_iter()
        .map(|m| ((m.span.start().0, m.span.end().0), m.value))
        .collect()
}

/// The value the extractor gives a span's text read alone, as the editor's default
/// for a hand-made date does; `None` when the extractor does not take the whole text.
fn alone(raw: &str, dct: Option<CalendarDate>) -> Option<Option<String>> {
    dates::extract(raw, dct)
        .into_iter()
        .find(|m| m.span.range() == (0..raw.len()))
        .map(|m| m.value.and_then(|v| timeml::parse(&v).ok()))
}

fn changes(doc: &Document, new_dct: Option<CalendarDate>) -> Vec<Change> {
    if doc.layer(Layer::Date).next().is_none() || doc.dct == new_dct {
        return Vec::new();
    }
    let (old_ctx, new_ctx) = (
        in_context(&doc.text, doc.dct),
        in_context(&doc.text, new_dct),
    );
    let mut out = Vec::new();
    for a in doc.layer(Layer::Date) {
        let Attrs::Date(attrs) = &a.attrs else {
            continue;
        };
        let key = (a.span.start().0, a.span.end().0);
        let new_value = match (old_ctx.get(&key), new_ctx.get(&key)) {
            (Some(old), Some(new)) if *old == attrs.value => new.clone(),
            _ => {
                let raw = a.span.slice(&doc.text).unwrap_or_default();
                match (alone(raw, doc.dct), alone(raw, new_dct)) {
                    (Some(old), Some(new)) if old == attrs.value => new,
                    _ => continue,
                }
            }
        };
        if new_value == attrs.value {
            continue;
        }
        let mut after = a.clone();
        if let Attrs::Date(d) = &mut after.attrs {
            d.value = new_value;
        }
        out.push(Change {
            id: a.id,
            before: Some(a.clone()),
            after: Some(after),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{DateAttrs, DateKind, Origin, Status};
    use crate::text::ByteSpan;

    fn day(s: &str) -> Option<CalendarDate> {
        s.parse().ok()
    }

    fn value(doc: &Document, id: AnnotationId) -> Option<String> {
        match doc.get(id).map(|a| &a.attrs) {
            Some(Attrs::Date(d)) => d.value.clone(),
            _ => None,
        }
    }

    fn date_ids(doc: &Document) -> Vec<AnnotationId> {
        doc.layer(Layer::Date).map(|a| a.id).collect()
    }

    #[test]
    fn machine_values_follow_typed_values_stay() {
        let text = "On Monday the talks failed. They resume on 3 June 2021.";
        let mut doc = crate::annotate("d", text, day("2021-05-05"));
        let ids = date_ids(&doc);
        assert_eq!(ids.len(), 2, "{:?}", doc.annotations);
        assert_eq!(value(&doc, ids[0]).as_deref(), Some("2021-05-03"));
        // Accepting keeps a machine value a machine value; a typed one is kept.
        doc.annotations
            .iter_mut()
            .for_each(|a| a.status = Status::Accepted);
        let moved = redate(&doc, day("2021-05-12"));
        assert_eq!(moved.dct, day("2021-05-12"));
        assert_eq!(value(&moved, ids[0]).as_deref(), Some("2021-05-10"));
        assert_eq!(value(&moved, ids[1]).as_deref(), Some("2021-06-03"));

        let typed = doc.annotations.iter_mut().find(|a| a.id == ids[0]).unwrap();
        if let Attrs::Date(d) = &mut typed.attrs {
            d.value = Some("2021-04-26".into());
        }
        let moved = redate(&doc, day("2021-05-12"));
        assert_eq!(value(&moved, ids[0]).as_deref(), Some("2021-04-26"));
    }

    #[test]
    fn hand_made_dates_use_the_span_alone() {
        // A hand-made date whose value is the editor's default follows the new date.
        let text = "Talks on Friday.";
        let mut doc = Document::new("d", text, day("2021-05-05"));
        let span = ByteSpan::from_raw(9, 15).unwrap();
        let friday = |v: &str| {
            Attrs::Date(DateAttrs {
                kind: DateKind::Date,
                value: Some(v.into()),
            })
        };
        let alone_value = alone("Friday", day("2021-05-05")).flatten().unwrap();
        doc.annotations.push(Annotation {
            id: AnnotationId(1),
            span,
            attrs: friday(&alone_value),
            origin: Origin::Manual,
            status: Status::Accepted,
        });
        doc.next_id = 2;
        let moved = redate(&doc, day("2021-06-01"));
        assert_ne!(value(&moved, AnnotationId(1)), Some(alone_value.clone()));
        assert!(value(&moved, AnnotationId(1))
            .unwrap()
            .starts_with("2021-0"));
        // A hand-made span no extractor reading gives: its value is a person's, kept.
        doc.annotations[0].span = ByteSpan::from_raw(0, 15).unwrap();
        let moved = redate(&doc, day("2021-06-01"));
        assert_eq!(value(&moved, AnnotationId(1)), Some(alone_value));
    }

    #[test]
    fn no_dct_then_a_dct_resolves_relative_dates() {
        let doc = crate::annotate("d", "Talks failed yesterday.", None);
        let id = date_ids(&doc)[0];
        let moved = redate(&doc, day("2021-05-05"));
        assert_eq!(value(&moved, id).as_deref(), Some("2021-05-04"));
        // Unchanged dct or no dates: nothing to do.
        assert_eq!(value_changes(&moved, day("2021-05-05")).changes().len(), 0);
        let plain = Document::new("p", "No dates.", None);
        assert_eq!(redate(&plain, day("2021-05-05")).dct, day("2021-05-05"));
    }

    #[test]
    fn the_patch_is_one_undo_step() {
        let mut doc = crate::annotate("d", "Talks failed yesterday.", day("2021-05-05"));
        let id = date_ids(&doc)[0];
        let patch = value_changes(&doc, day("2021-05-10"));
        doc.dct = day("2021-05-10");
        let mut history = History::new();
        history.record(&mut doc, patch).unwrap();
        assert_eq!(value(&doc, id).as_deref(), Some("2021-05-09"));
        history.undo(&mut doc).unwrap();
        assert_eq!(value(&doc, id).as_deref(), Some("2021-05-04"));
    }
}

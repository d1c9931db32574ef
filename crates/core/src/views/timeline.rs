//! The timeline: dates ordered by their normalised value; those that cannot be placed
//! on a calendar follow, flagged with the reason.

use crate::model::{AnnotationId, Attrs, DateKind, Document, Layer, Status};
use crate::text::ByteSpan;
use crate::timeml::{self, TimePoint};

/// Why a date has no place on the timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unresolved {
    /// It has no value yet.
    NoValue,
    /// Its value is not TimeML.
    InvalidValue,
    /// Its value is a duration or a reference (`P6W`, `PAST_REF`), not a point in time.
    NotAPoint,
    /// Its year is unknown (`XXXX-06-22`).
    YearUnknown,
}

impl Unresolved {
    /// A short explanation for a tooltip.
    pub fn message(self) -> &'static str {
        match self {
            Unresolved::NoValue => "no value yet: type one",
            Unresolved::InvalidValue => "the value is not TimeML: correct it",
            Unresolved::NotAPoint => "a duration or a vague reference, not a point in time",
            Unresolved::YearUnknown => "the year is unknown",
        }
    }
}

/// One date on the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The date annotation (click jumps to it).
    pub id: AnnotationId,
    /// Where it is in the text.
    pub span: ByteSpan,
    /// Its text.
    pub text: String,
    /// Date, time, duration or set.
    pub kind: DateKind,
    /// Its TimeML value.
    pub value: Option<String>,
    /// Where it sits in time, when it can be placed.
    pub place: Option<TimePoint>,
    /// Why it cannot be placed, when it cannot.
    pub unresolved: Option<Unresolved>,
}

/// The dates of `doc`: placed ones in time order (then text order), then unresolved
/// ones in text order.
///
/// # Example
/// ```
/// use claimlens_core::model::{Attrs, DateAttrs, DateKind, Document, Origin, Status};
/// use claimlens_core::text::ByteSpan;
/// use claimlens_core::views::{timeline, Unresolved};
/// let mut doc = Document::new("d", "Sunday, 1994, soon", None);
/// let mut add = |a, b, v: Option<&str>| doc.add(ByteSpan::from_raw(a, b).unwrap(),
///     Attrs::Date(DateAttrs { kind: DateKind::Date, value: v.map(String::from) }),
///     Origin::Auto, Status::Suggested);
/// add(0, 6, Some("2020-09-27"));
/// add(8, 12, Some("1994"));
/// add(14, 18, None);
/// let t: Vec<_> = timeline(&doc).into_iter().map(|e| (e.text, e.unresolved)).collect();
/// assert_eq!(t[0].0, "1994");
/// assert_eq!(t[2], ("soon".to_string(), Some(Unresolved::NoValue)));
/// ```
pub fn timeline(doc: &Document) -> Vec<TimelineEntry> {
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    for a in doc.layer(Layer::Date) {
        let Attrs::Date(d) = &a.attrs else { continue };
        if a.status == Status::Rejected {
            continue;
        }
        let (place, unresolved) = locate(d.value.as_deref());
        let entry = TimelineEntry {
            id: a.id,
            span: a.span,
            text: a.span.slice(&doc.text).unwrap_or("").to_string(),
            kind: d.kind,
            value: d.value.clone(),
            place,
            unresolved,
        };
        if place.is_some() {
            placed.push(entry);
        } else {
            unplaced.push(entry);
        }
    }
    crate::order::sort_by_key(&mut placed, |e| (e.place, e.span.start()));
    placed.extend(unplaced);
    placed
}

/// Where a value sits, or why it cannot be placed.
fn locate(value: Option<&str>) -> (Option<TimePoint>, Option<Unresolved>) {
    let Some(v) = value else {
        return (None, Some(Unresolved::NoValue));
    };
    if !timeml::is_valid(v) {
        return (None, Some(Unresolved::InvalidValue));
    }
    match timeml::place(v) {
        Some(p) => (Some(p), None),
        None if is_duration_or_reference(v) => (None, Some(Unresolved::NotAPoint)),
        None => (None, Some(Unresolved::YearUnknown)),
    }
}

fn is_duration_or_reference(v: &str) -> bool {
    let v = v.trim().to_ascii_uppercase();
    v.starts_with('P') || v.ends_with("_REF")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateAttrs, Origin};

    #[test]
    fn orders_by_value_and_flags_the_rest() {
        let text = "a b c d e f g h";
        let mut doc = Document::new("d", text, None);
        let values = [
            Some("2020-09-27T18:50"),
            None,
            Some("2020-09-27"),
            Some("P6W"),
            Some("XXXX-06-22"),
            Some("199"),
            Some("FUTURE_REF"),
            Some("bogus"),
        ];
        for (i, v) in values.iter().enumerate() {
            doc.add(
                ByteSpan::from_raw(2 * i, 2 * i + 1).unwrap(),
                Attrs::Date(DateAttrs {
                    kind: DateKind::Date,
                    value: v.map(str::to_string),
                }),
                Origin::Auto,
                Status::Suggested,
            );
        }
        let t = timeline(&doc);
        let order: Vec<(&str, Option<Unresolved>)> =
            t.iter().map(|e| (e.text.as_str(), e.unresolved)).collect();
        assert_eq!(
            order,
            [
                ("f", None),
                ("c", None),
                ("a", None),
                ("b", Some(Unresolved::NoValue)),
                ("d", Some(Unresolved::NotAPoint)),
                ("e", Some(Unresolved::YearUnknown)),
                ("g", Some(Unresolved::NotAPoint)),
                ("h", Some(Unresolved::InvalidValue)),
            ]
        );
    }
}

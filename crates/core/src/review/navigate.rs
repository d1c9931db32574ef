//! Moving the focus: next and previous annotation (Tab, `j`/`k`), next open
//! suggestion, the annotations stacked at one place (stepped through one by one), and
//! how many suggestions are still open per layer.
//!
//! Order is the document's canonical order (start, end, layer, id), so overlapping
//! annotations that start together are still visited one after another. Stepping
//! wraps around at either end of the document, like Tab in a form; a step returns
//! `None` only when nothing matches at all.

use crate::edit::Patch;
use crate::model::{Annotation, AnnotationId, Document, Layer, Status};
use crate::text::ByteOffset;

/// Where a step starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The focused annotation.
    Annotation(AnnotationId),
    /// A caret position (nothing focused).
    Offset(ByteOffset),
}

/// The next annotation after `from` (optionally only on `layer`), wrapping around.
///
/// # Example
/// ```
/// use claimlens_core::model::{Attrs, DateAttrs, DateKind, Document, Origin, Status};
/// use claimlens_core::review::{next, previous, Anchor};
/// use claimlens_core::text::{ByteOffset, ByteSpan};
/// let mut doc = Document::new("d", "Monday and Tuesday", None);
/// let date = Attrs::Date(DateAttrs { kind: DateKind::Date, value: None });
/// let mon = doc.add(ByteSpan::from_raw(0, 6).unwrap(), date.clone(), Origin::Auto, Status::Suggested);
/// let tue = doc.add(ByteSpan::from_raw(11, 18).unwrap(), date, Origin::Auto, Status::Suggested);
/// assert_eq!(next(&doc, Anchor::Offset(ByteOffset(3)), None), Some(tue));
/// assert_eq!(next(&doc, Anchor::Annotation(tue), None), Some(mon)); // wraps
/// assert_eq!(previous(&doc, Anchor::Annotation(tue), None), Some(mon));
/// ```
pub fn next(doc: &Document, from: Anchor, layer: Option<Layer>) -> Option<AnnotationId> {
    step(doc, from, true, |a| on_layer(a, layer))
}

/// The previous annotation before `from` (optionally only on `layer`), wrapping around.
pub fn previous(doc: &Document, from: Anchor, layer: Option<Layer>) -> Option<AnnotationId> {
    step(doc, from, false, |a| on_layer(a, layer))
}

/// The next open suggestion after `from` (optionally only on `layer`), wrapping around.
pub fn next_suggestion(doc: &Document, from: Anchor, layer: Option<Layer>) -> Option<AnnotationId> {
    step(doc, from, true, |a| open(a) && on_layer(a, layer))
}

/// The previous open suggestion before `from`, wrapping around.
pub fn previous_suggestion(
    doc: &Document,
    from: Anchor,
    layer: Option<Layer>,
) -> Option<AnnotationId> {
    step(doc, from, false, |a| open(a) && on_layer(a, layer))
}

/// Every annotation covering the character at `at`, in canonical order (outermost
/// first when they start together).
pub fn overlapping(doc: &Document, at: ByteOffset) -> Vec<AnnotationId> {
    doc.annotations
        .iter()
        .filter(|a| a.span.start() <= at && at < a.span.end())
        .map(|a| a.id)
        .collect()
}

/// The next of the annotations covering `at` after `current` (the first when
/// `current` is not one of them), wrapping around: one key steps through a stack of
/// overlapping highlights.
pub fn next_overlapping(
    doc: &Document,
    at: ByteOffset,
    current: Option<AnnotationId>,
) -> Option<AnnotationId> {
    let here = overlapping(doc, at);
    let i = current.and_then(|c| here.iter().position(|&id| id == c));
    match i {
        Some(i) => here.get((i + 1) % here.len()).copied(),
        None => here.first().copied(),
    }
}

/// Open suggestions per layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SuggestionCounts {
    /// Open actor suggestions.
    pub actor: usize,
    /// Open date suggestions.
    pub date: usize,
    /// Open claim suggestions.
    pub claim: usize,
}

impl SuggestionCounts {
    /// The count of one layer.
    pub fn get(&self, layer: Layer) -> usize {
        match layer {
            Layer::Actor => self.actor,
            Layer::Date => self.date,
            Layer::Claim => self.claim,
        }
    }
    /// All layers together.
    pub fn total(&self) -> usize {
        self.actor + self.date + self.claim
    }

    /// The counts after `patch`, from the counts before it: only the annotations it
    /// changed are looked at.
    pub fn after(self, patch: &Patch) -> SuggestionCounts {
        let mut out = self;
        for c in patch.changes() {
            for (a, up) in [(&c.before, false), (&c.after, true)] {
                let Some(a) = a.as_ref().filter(|a| open(a)) else {
                    continue;
                };
                let slot = match a.layer() {
                    Layer::Actor => &mut out.actor,
                    Layer::Date => &mut out.date,
                    Layer::Claim => &mut out.claim,
                };
                *slot = if up {
                    slot.saturating_add(1)
                } else {
                    slot.saturating_sub(1)
                };
            }
        }
        out
    }
}

/// How many suggestions are still open on each layer.
pub fn open_suggestions(doc: &Document) -> SuggestionCounts {
    let mut counts = SuggestionCounts::default();
    for a in doc.annotations.iter().filter(|a| open(a)) {
        match a.layer() {
            Layer::Actor => counts.actor += 1,
            Layer::Date => counts.date += 1,
            Layer::Claim => counts.claim += 1,
        }
    }
    counts
}

fn open(a: &Annotation) -> bool {
    a.status == Status::Suggested
}

fn on_layer(a: &Annotation, layer: Option<Layer>) -> bool {
    layer.is_none_or(|l| a.layer() == l)
}

/// Walks from `from` one way around the document to the first annotation `keep`
/// accepts, never returning the anchor itself unless it is the only match.
fn step(
    doc: &Document,
    from: Anchor,
    forward: bool,
    keep: impl Fn(&Annotation) -> bool,
) -> Option<AnnotationId> {
    let list = &doc.annotations;
    let n = list.len();
    if n == 0 {
        return None;
    }
    // `first` is the index the walk starts at; it wraps around over all n entries.
    let first = match from {
        Anchor::Annotation(id) => match list.iter().position(|a| a.id == id) {
            Some(i) if forward => i + 1,
            Some(i) => i + n - 1,
            None => {
                if forward {
                    0
                } else {
                    n - 1
                }
            }
        },
        Anchor::Offset(at) => {
            let i = list.partition_point(|a| a.span.start() < at);
            if forward {
                i
            } else {
                i + n - 1
            }
        }
    };
    (0..n)
        .map(|k| {
            if forward {
                (first + k) % n
            } else {
                (first + n - k % n) % n
            }
        })
        .map(|i| &list[i])
        .find(|a| keep(a))
        .map(|a| a.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::span_of;

    #[test]
    fn counts_follow_a_patch_without_a_recount() {
        use crate::edit::{apply, Decision, Edit};
        let mut d = crate::annotate("d", "Baku said on Sunday that Yerevan lied.", None);
        let mut counts = open_suggestions(&d);
        let first = d.annotations[0].id;
        for edit in [
            Edit::Accept(first),
            Edit::SetLayer {
                id: first,
                layer: Layer::Claim,
            },
            Edit::Delete(first),
            Edit::ReviewAll {
                decision: Decision::Reject,
                layer: None,
                within: None,
            },
        ] {
            let patch = apply(&d, &edit).unwrap();
            patch.apply_to(&mut d).unwrap();
            counts = counts.after(&patch);
            assert_eq!(counts, open_suggestions(&d), "after {edit:?}");
        }
        assert_eq!(counts.total(), 0);
    }
    use crate::model::{ActorAttrs, ActorKind, Attrs, DateAttrs, DateKind, Origin};

    /// "Prime Minister Nikol Pashinyan said on Monday": actor 1 "Nikol Pashinyan",
    /// actor 2 "Prime Minister Nikol Pashinyan" (overlapping), date 3 "Monday"
    /// (accepted), actor 4 "Pashinyan".
    fn doc() -> Document {
        let text = "Prime Minister Nikol Pashinyan said on Monday";
        let mut doc = Document::new("d", text, None);
        let span = |s: &str| span_of(text, s);
        let person = Attrs::Actor(ActorAttrs {
            kind: ActorKind::Person,
            entity: "Nikol Pashinyan".into(),
        });
        let s = Status::Suggested;
        doc.add(span("Nikol Pashinyan"), person.clone(), Origin::Auto, s);
        doc.add(
            span("Prime Minister Nikol Pashinyan"),
            person.clone(),
            Origin::Auto,
            s,
        );
        doc.add(
            span("Monday"),
            Attrs::Date(DateAttrs {
                kind: DateKind::Date,
                value: None,
            }),
            Origin::Auto,
            Status::Accepted,
        );
        doc.add(span("Pashinyan"), person, Origin::Auto, s);
        doc
    }

    fn id(n: u32) -> AnnotationId {
        AnnotationId(n)
    }

    #[test]
    fn steps_in_document_order_and_wraps() {
        let d = doc();
        // Canonical order: 2 (starts at 0), 1, 4, 3.
        let mut seen = vec![];
        let mut at = Anchor::Offset(ByteOffset(0));
        for _ in 0..5 {
            let n = next(&d, at, None).unwrap();
            seen.push(n.0);
            at = Anchor::Annotation(n);
        }
        assert_eq!(seen, [2, 1, 4, 3, 2]);
        let mut back = vec![];
        for _ in 0..5 {
            let p = previous(&d, at, None).unwrap();
            back.push(p.0);
            at = Anchor::Annotation(p);
        }
        assert_eq!(back, [3, 4, 1, 2, 3]);
        assert_eq!(
            previous(&d, Anchor::Offset(ByteOffset(16)), None),
            Some(id(1))
        );
        assert_eq!(
            next(&d, Anchor::Annotation(id(1)), Some(Layer::Date)),
            Some(id(3))
        );
        assert_eq!(
            next(&d, Anchor::Annotation(id(3)), Some(Layer::Date)),
            Some(id(3)),
            "the only match is itself"
        );
        assert_eq!(next(&d, Anchor::Annotation(id(99)), None), Some(id(2)));
        assert_eq!(next(&Document::new("e", "", None), at, None), None);
    }

    #[test]
    fn suggestions_and_counts() {
        let d = doc();
        assert_eq!(
            next_suggestion(&d, Anchor::Annotation(id(4)), None),
            Some(id(2)),
            "skips the accepted date and wraps"
        );
        assert_eq!(
            previous_suggestion(&d, Anchor::Annotation(id(2)), None),
            Some(id(4))
        );
        assert_eq!(
            next_suggestion(&d, Anchor::Offset(ByteOffset(0)), Some(Layer::Date)),
            None
        );
        let counts = open_suggestions(&d);
        assert_eq!(
            (counts.get(Layer::Actor), counts.date, counts.total()),
            (3, 0, 3)
        );
    }

    #[test]
    fn overlapping_annotations_one_by_one() {
        let d = doc();
        let at = ByteOffset(d.text.find("Pashinyan").unwrap() + 2);
        assert_eq!(overlapping(&d, at), [id(2), id(1), id(4)]);
        assert_eq!(next_overlapping(&d, at, None), Some(id(2)));
        assert_eq!(next_overlapping(&d, at, Some(id(2))), Some(id(1)));
        assert_eq!(next_overlapping(&d, at, Some(id(4))), Some(id(2)));
        assert_eq!(next_overlapping(&d, ByteOffset(999), None), None);
    }
}

//! Finding the annotations that touch a stretch of text without walking all of
//! them: drawing a few paragraphs of a 10 MB article must not look at 200,000
//! annotations. A document keeps its annotations in text order (by start), so those
//! that start before a stretch ends are a prefix; of those, the ones that may still
//! reach into it follow the last place where every annotation so far had ended:
//! [`reach`] keeps, for each annotation, the furthest end of it and all before it.

use std::ops::Range;

use crate::model::Annotation;
use crate::text::ByteSpan;

/// For annotations in document order: the furthest end (in bytes) reached by each
/// and every one before it.
pub fn reach(annotations: &[Annotation]) -> Vec<usize> {
    annotations
        .iter()
        .scan(0, |furthest, a| {
            *furthest = (*furthest).max(a.span.end().0);
            Some(*furthest)
        })
        .collect()
}

/// The indices of `annotations` (in document order, `reach` from [`reach`] over
/// them) among which lie all that overlap `span` or touch it at an edge (the caller
/// still checks each one).
pub fn candidates(annotations: &[Annotation], reach: &[usize], span: ByteSpan) -> Range<usize> {
    let (start, end) = (span.start().0, span.end().0);
    let first = reach.partition_point(|&r| r < start);
    let last = annotations.partition_point(|a| a.span.start().0 <= end);
    first..last.max(first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, Attrs, Document, Origin, Status};

    fn doc(spans: &[(usize, usize)]) -> Document {
        let mut doc = Document::new("t", "x".repeat(100), None);
        for &(a, b) in spans {
            doc.add(
                ByteSpan::from_raw(a, b).unwrap(),
                Attrs::Actor(ActorAttrs {
                    kind: ActorKind::Person,
                    entity: "e".into(),
                }),
                Origin::Auto,
                Status::Suggested,
            );
        }
        doc
    }

    #[test]
    fn every_overlapping_annotation_is_among_the_candidates() {
        let d = doc(&[(0, 5), (2, 60), (10, 12), (20, 25), (30, 31), (70, 80)]);
        let r = reach(&d.annotations);
        assert_eq!(r, [5, 60, 60, 60, 60, 80]);
        for (a, b) in [
            (0, 1),
            (13, 19),
            (26, 29),
            (61, 69),
            (75, 100),
            (90, 95),
            (12, 12),
        ] {
            let span = ByteSpan::from_raw(a, b).unwrap();
            let range = candidates(&d.annotations, &r, span);
            for (i, ann) in d.annotations.iter().enumerate() {
                let touches = ann.span.start().0 <= b && ann.span.end().0 >= a;
                assert!(
                    !touches || range.contains(&i),
                    "{a}..{b}: annotation {i} missed"
                );
            }
        }
        let narrow = candidates(&d.annotations, &r, ByteSpan::from_raw(90, 95).unwrap());
        assert!(narrow.is_empty(), "nothing reaches past 80");
        assert!(candidates(&[], &[], ByteSpan::from_raw(0, 1).unwrap()).is_empty());
    }
}

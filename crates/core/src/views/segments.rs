//! The highlight segments of a document: [`crate::segments`] cuts a stretch of text
//! at every boundary; this module feeds it a document's annotations together with
//! their claims' sources and cues, so each piece knows which annotation covers it and
//! in which role. Rendering paragraph by paragraph, [`touched_paragraphs`] says which
//! ones an edit changed.

use crate::edit::Patch;
use crate::model::{AnnotationId, Attrs, Document, Layer};
use crate::segments::segments as cut;
use crate::text::ByteSpan;

/// What part of an annotation a mark shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The annotation itself (for a claim, its content).
    Body,
    /// A claim's source.
    Source,
    /// A claim's cue.
    Cue,
}

/// One annotation's presence on a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mark {
    /// The annotation.
    pub id: AnnotationId,
    /// Which of its parts covers the segment.
    pub role: Role,
}

/// A piece of text with the marks covering all of it (none for plain text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Where it is.
    pub span: ByteSpan,
    /// The marks covering it, outermost first (earlier start, then longer).
    pub marks: Vec<Mark>,
}

/// The segments of `range` (clamped to the text): consecutive, covering all of it,
/// each with the marks of every annotation (optionally only on `layer`) whose span,
/// source or cue covers it. Rejected annotations are included, for the UI to grey out.
///
/// # Example
/// ```
/// use claimlens_core::model::{ActorAttrs, ActorKind, Attrs, Document, Origin, Status};
/// use claimlens_core::text::ByteSpan;
/// use claimlens_core::views::segments::segments;
/// let mut doc = Document::new("d", "PM Nikol Pashinyan said", None);
/// let actor = Attrs::Actor(ActorAttrs { kind: ActorKind::Person, entity: "Nikol Pashinyan".into() });
/// doc.add(ByteSpan::from_raw(0, 18).unwrap(), actor.clone(), Origin::Auto, Status::Suggested);
/// doc.add(ByteSpan::from_raw(3, 18).unwrap(), actor, Origin::Auto, Status::Suggested);
/// let whole = ByteSpan::from_raw(0, doc.text.len()).unwrap();
/// let counts: Vec<usize> = segments(&doc, whole, None).iter().map(|s| s.marks.len()).collect();
/// assert_eq!(counts, [1, 2, 0]); // "PM ", "Nikol Pashinyan", " said"
/// ```
pub fn segments(doc: &Document, range: ByteSpan, layer: Option<Layer>) -> Vec<Segment> {
    let len = doc.text.len();
    let Ok(range) = ByteSpan::from_raw(range.start().0.min(len), range.end().0.min(len)) else {
        return Vec::new();
    };
    let mut spans: Vec<ByteSpan> = Vec::new();
    let mut marks: Vec<Mark> = Vec::new();
    for a in &doc.annotations {
        if layer.is_some_and(|l| a.layer() != l) {
            continue;
        }
        let (source, cue) = match &a.attrs {
            Attrs::Claim(c) => (c.source, c.cue),
            _ => (None, None),
        };
        // A claim's source may lie in this range while its content does not.
        for (s, role) in [
            (Some(a.span), Role::Body),
            (source, Role::Source),
            (cue, Role::Cue),
        ] {
            if let Some(s) = s.filter(|s| s.overlaps(&range)) {
                spans.push(s);
                marks.push(Mark { id: a.id, role });
            }
        }
    }
    cut(range, &spans)
        .into_iter()
        .map(|s| Segment {
            span: s.span,
            marks: s
                .covering
                .iter()
                .filter_map(|&i| marks.get(i).copied())
                .collect(),
        })
        .collect()
}

/// The indices of the paragraphs (spans in text order, as from
/// [`crate::text::paragraphs`]) that a patch touches, so only those re-render.
pub fn touched_paragraphs(paragraphs: &[ByteSpan], patch: &Patch) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for t in patch.touched() {
        let first = paragraphs.partition_point(|p| p.end() <= t.start());
        for (i, p) in paragraphs.iter().enumerate().skip(first) {
            // An empty span at a paragraph's edge still belongs to it.
            if p.start() > t.end() || (p.start() == t.end() && !t.is_empty()) {
                break;
            }
            out.push(i);
        }
    }
    crate::order::sort(&mut out);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};
    use crate::model::{ActorAttrs, ActorKind, ClaimKind, Origin, Status};
    use crate::test_support::{claim_attrs, span_of};
    use crate::text::paragraphs;

    const TEXT: &str = "Aliyev said we will win.\nArmenia denied it.";

    fn span(s: &str) -> ByteSpan {
        span_of(TEXT, s)
    }

    fn doc() -> Document {
        let mut doc = Document::new("d", TEXT, None);
        doc.add(
            span("Aliyev"),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Person,
                entity: "Ilham Aliyev".into(),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        doc.add(
            span("we will win"),
            Attrs::Claim(claim_attrs(
                ClaimKind::Indirect,
                Some(span("Aliyev")),
                Some(span("said")),
            )),
            Origin::Auto,
            Status::Suggested,
        );
        doc.add(
            span("will"),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Person,
                entity: "Will".into(),
            }),
            Origin::Auto,
            Status::Rejected,
        );
        doc
    }

    fn show(segs: &[Segment]) -> Vec<(&str, Vec<(u32, Role)>)> {
        segs.iter()
            .map(|s| {
                (
                    &TEXT[s.span.range()],
                    s.marks.iter().map(|m| (m.id.0, m.role)).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn nested_and_role_marks() {
        let d = doc();
        let first_line = span("Aliyev said we will win.");
        assert_eq!(
            show(&segments(&d, first_line, None)),
            [
                ("Aliyev", vec![(1, Role::Body), (2, Role::Source)]),
                (" ", vec![]),
                ("said", vec![(2, Role::Cue)]),
                (" ", vec![]),
                ("we ", vec![(2, Role::Body)]),
                ("will", vec![(2, Role::Body), (3, Role::Body)]),
                (" win", vec![(2, Role::Body)]),
                (".", vec![]),
            ]
        );
        // Only the first word: the claim's source shows though its content is elsewhere.
        assert_eq!(
            show(&segments(&d, span("Aliyev"), None)),
            [("Aliyev", vec![(1, Role::Body), (2, Role::Source)])]
        );
        let actors_only = segments(&d, first_line, Some(Layer::Actor));
        assert_eq!(actors_only.len(), 4);
        let empty = ByteSpan::from_raw(3, 3).unwrap();
        assert!(segments(&d, empty, None).is_empty());
        let past = ByteSpan::from_raw(0, 999).unwrap();
        let all = segments(&d, past, None);
        assert_eq!(all.last().map(|s| s.span.end().0), Some(TEXT.len()));
    }

    #[test]
    fn only_touched_paragraphs_rerender() {
        let d = doc();
        let paras = paragraphs(TEXT);
        let p = apply(&d, &Edit::Accept(crate::model::AnnotationId(1))).unwrap();
        assert_eq!(touched_paragraphs(&paras, &p), [0]);
        let p = apply(
            &d,
            &Edit::SetSpan {
                id: crate::model::AnnotationId(1),
                span: span("Armenia"),
            },
        )
        .unwrap();
        assert_eq!(touched_paragraphs(&paras, &p), [0, 1]);
    }
}

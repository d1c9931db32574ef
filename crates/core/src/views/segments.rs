//! Cutting a stretch of text into highlight segments: maximal pieces covered by the
//! same set of marks (annotations, and claims' sources and cues), so overlapping and
//! nested annotations render as plain nested markup without any span arithmetic in
//! the UI. Rendering paragraph by paragraph, [`touched_paragraphs`] says which ones an
//! edit changed.

use crate::edit::Patch;
use crate::model::{AnnotationId, Attrs, Document, Layer};
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
    /// The marks covering it, outermost first (longer spans before shorter).
    pub marks: Vec<Mark>,
}

/// The segments of `range` (clamped to the text): consecutive, covering all of it,
/// each with the marks of every annotation (optionally only on `layer`) whose span,
/// source or cue covers it.
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
    let (lo, hi) = (
        range.start().0.min(doc.text.len()),
        range.end().0.min(doc.text.len()),
    );
    let mut pieces: Vec<(usize, usize, Mark)> = Vec::new();
    let mut take = |span: ByteSpan, mark: Mark| {
        let (a, b) = (span.start().0.max(lo), span.end().0.min(hi));
        if a < b {
            pieces.push((a, b, mark));
        }
    };
    for a in &doc.annotations {
        if layer.is_some_and(|l| a.layer() != l) {
            continue;
        }
        take(
            a.span,
            Mark {
                id: a.id,
                role: Role::Body,
            },
        );
        if let Attrs::Claim(c) = &a.attrs {
            if let Some(s) = c.source {
                take(
                    s,
                    Mark {
                        id: a.id,
                        role: Role::Source,
                    },
                );
            }
            if let Some(s) = c.cue {
                take(
                    s,
                    Mark {
                        id: a.id,
                        role: Role::Cue,
                    },
                );
            }
        }
    }
    // Outermost first: by start, then longest.
    pieces.sort_by_key(|&(a, b, m)| (a, std::cmp::Reverse(b), m.id));
    let mut cuts: Vec<usize> = pieces.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    cuts.extend([lo, hi]);
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    let mut active: Vec<(usize, usize, Mark)> = Vec::new();
    let mut next = 0;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&(_, end, _)| end > a);
        while next < pieces.len() && pieces[next].0 <= a {
            active.push(pieces[next]);
            next += 1;
        }
        let mut marks: Vec<(usize, usize, Mark)> = active.clone();
        marks.sort_by_key(|&(s, e, m)| (s, std::cmp::Reverse(e), m.id));
        if let Ok(span) = ByteSpan::from_raw(a, b) {
            out.push(Segment {
                span,
                marks: marks.into_iter().map(|p| p.2).collect(),
            });
        }
    }
    out
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
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Edit};
    use crate::model::{ActorAttrs, ActorKind, ClaimAttrs, ClaimKind, Origin, Status};
    use crate::text::paragraphs;

    const TEXT: &str = "Aliyev said we will win.\nArmenia denied it.";

    fn span(s: &str) -> ByteSpan {
        let i = TEXT.find(s).unwrap();
        ByteSpan::from_raw(i, i + s.len()).unwrap()
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
            Attrs::Claim(ClaimAttrs {
                kind: ClaimKind::Indirect,
                source: Some(span("Aliyev")),
                cue: Some(span("said")),
                fragments: vec![],
                stance: None,
                source_entity: None,
            }),
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

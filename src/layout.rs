//! Layout: a document cut into paragraphs, each with the marks (annotation pieces) that
//! fall inside it. Pure data, so a paragraph's props compare equal, and it is not
//! re-rendered, unless its own text or spans change.

use std::ops::Range;
use std::rc::Rc;

use claimlens_core::model::{Annotation, Document, Layer, Status};
use claimlens_core::text::{paragraphs, ByteSpan};

use crate::describe;

/// One annotation's piece inside one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// The annotation's id.
    pub id: u32,
    /// The piece, in bytes from the paragraph's start.
    pub span: ByteSpan,
    /// Actor, date or claim.
    pub layer: Layer,
    /// Review status (suggestions are styled apart by the editor).
    pub status: Status,
    /// True in the paragraph where the annotation begins: that piece is the one that
    /// takes keyboard focus and carries the accessible name.
    pub starts_here: bool,
    /// Accessible name: layer, kind, text and the main attribute.
    pub label: Rc<str>,
}

/// A paragraph and its marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphView {
    /// Where the paragraph starts in the document, in bytes.
    pub start: usize,
    /// The paragraph's text.
    pub text: Rc<str>,
    /// Marks in document order (the order of `Document::annotations`).
    pub marks: Rc<[Mark]>,
    /// True when this is a later block of a paragraph too long to draw in one piece
    /// (`claimlens_core::views::blocks`): it continues the one before, with no gap.
    pub continues: bool,
}

/// True when block `i` of `blocks` continues the paragraph of the block before it
/// (no line break between them).
pub fn continues(text: &str, blocks: &[ByteSpan], i: usize) -> bool {
    let (Some(prev), Some(this)) = (i.checked_sub(1).and_then(|j| blocks.get(j)), blocks.get(i))
    else {
        return false;
    };
    text.get(prev.end().0..this.start().0)
        .is_some_and(|gap| !gap.contains('\n'))
}

/// Cuts `doc` into paragraphs (non-blank lines) and hands each annotation's pieces to
/// the paragraphs it touches. Cost: one pass over the annotations, a binary search each.
pub fn paragraph_views(doc: &Document) -> Vec<ParagraphView> {
    block_views(doc, &paragraphs(&doc.text))
}

/// The views of `blocks` (paragraphs, or pieces of long ones, in text order), as
/// [`paragraph_views`] makes them for whole paragraphs.
pub fn block_views(doc: &Document, paras: &[ByteSpan]) -> Vec<ParagraphView> {
    range_views(doc, paras, 0..paras.len(), &doc.annotations)
}

/// The views of blocks `range` of `blocks`, from `annotations` (in document order):
/// every annotation touching those blocks must be among them (`views::candidates`
/// finds them without walking the whole document).
pub fn range_views(
    doc: &Document,
    blocks: &[ByteSpan],
    range: Range<usize>,
    annotations: &[Annotation],
) -> Vec<ParagraphView> {
    let paras = blocks.get(range.clone()).unwrap_or_default();
    let mut marks: Vec<Vec<Mark>> = vec![Vec::new(); paras.len()];
    for a in annotations {
        let (a_start, a_end) = (a.span.start().0, a.span.end().0);
        // The first paragraph ending after the annotation starts.
        let first = paras.partition_point(|p| p.end().0 <= a_start);
        if paras.get(first).is_none_or(|p| p.start().0 >= a_end) {
            continue;
        }
        let label: Rc<str> = describe::label(doc, a).into();
        for (i, p) in paras.iter().enumerate().skip(first) {
            let (p_start, p_end) = (p.start().0, p.end().0);
            if p_start >= a_end {
                break;
            }
            let (lo, hi) = (a_start.max(p_start), a_end.min(p_end));
            let Ok(span) = ByteSpan::from_raw(lo - p_start, hi - p_start) else {
                continue;
            };
            if span.is_empty() {
                continue;
            }
            marks[i].push(Mark {
                id: a.id.0,
                span,
                layer: a.layer(),
                status: a.status,
                starts_here: a_start >= p_start,
                label: label.clone(),
            });
        }
    }
    paras
        .iter()
        .zip(marks)
        .zip(range)
        .map(|((p, marks), i)| ParagraphView {
            start: p.start().0,
            text: p.slice(&doc.text).unwrap_or_default().into(),
            marks: marks.into(),
            continues: continues(&doc.text, blocks, i),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimlens_core::model::{ActorAttrs, ActorKind, Attrs, ClaimAttrs, ClaimKind, Origin};

    fn at(text: &str, s: &str) -> ByteSpan {
        let i = text.find(s).unwrap();
        ByteSpan::from_raw(i, i + s.len()).unwrap()
    }

    fn doc() -> Document {
        let text = "Baku said it.\n\nYerevan replied\nthat all was calm.";
        let mut doc = Document::new("t", text, None);
        doc.add(
            at(text, "Yerevan"),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Country,
                entity: "Armenia".into(),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        doc.add(
            at(text, "Yerevan replied\nthat all"),
            Attrs::Claim(ClaimAttrs {
                kind: ClaimKind::Indirect,
                source: None,
                cue: None,
                fragments: vec![],
                stance: None,
                source_entity: None,
            }),
            Origin::Auto,
            Status::Suggested,
        );
        doc
    }

    #[test]
    fn paragraphs_are_lines_with_their_own_marks() {
        let views = paragraph_views(&doc());
        let texts: Vec<&str> = views.iter().map(|v| &*v.text).collect();
        assert_eq!(
            texts,
            ["Baku said it.", "Yerevan replied", "that all was calm."]
        );
        assert!(views[0].marks.is_empty());
        assert_eq!(views[1].marks.len(), 2);
    }

    #[test]
    fn an_annotation_across_lines_is_split_and_only_its_first_piece_leads() {
        let views = paragraph_views(&doc());
        let claim_tail = &views[2].marks[0];
        assert_eq!(claim_tail.layer, Layer::Claim);
        assert_eq!(claim_tail.span.range(), 0..8);
        assert!(!claim_tail.starts_here);
        assert!(views[1].marks.iter().all(|m| m.starts_here));
    }

    #[test]
    fn the_views_of_some_blocks_are_those_of_the_whole_document() {
        let d = doc();
        let blocks = paragraphs(&d.text);
        let all = block_views(&d, &blocks);
        let reach = claimlens_core::views::reach(&d.annotations);
        for from in 0..blocks.len() {
            for to in from..=blocks.len() {
                let span = ByteSpan::from_raw(
                    blocks.get(from).map_or(d.text.len(), |b| b.start().0),
                    blocks
                        .get(to.saturating_sub(1))
                        .map_or(0, |b| b.end().0)
                        .max(blocks.get(from).map_or(d.text.len(), |b| b.start().0)),
                )
                .unwrap();
                let near = claimlens_core::views::candidates(&d.annotations, &reach, span);
                let some = range_views(&d, &blocks, from..to, &d.annotations[near]);
                assert_eq!(some, all[from..to], "blocks {from}..{to}");
            }
        }
    }

    #[test]
    fn unchanged_paragraphs_compare_equal_after_an_edit_elsewhere() {
        let before = paragraph_views(&doc());
        let mut edited = doc();
        edited.annotations.retain(|a| a.layer() != Layer::Claim);
        let after = paragraph_views(&edited);
        assert_eq!(before[0], after[0]);
        assert_ne!(before[1], after[1]);
    }
}

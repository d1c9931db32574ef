//! Paragraph views kept current edit by edit: the core says which blocks (paragraphs,
//! or pieces of a long one: `views::blocks`) a patch touches
//! (`views::touched_paragraphs`); only their views are rebuilt, the others keep their
//! `Rc`, so their components compare equal and are not re-rendered.

use std::rc::Rc;

use claimlens_core::edit::Patch;
use claimlens_core::model::Document;
use claimlens_core::text::ByteSpan;
use claimlens_core::views::touched_paragraphs;

use crate::describe;
use crate::layout::{block_views, continues, Mark, ParagraphView};

/// The view of block `i` of `blocks`: its text and the pieces of the annotations
/// inside it, built as `layout::block_views` builds them for the whole document.
pub fn paragraph_view(doc: &Document, blocks: &[ByteSpan], i: usize) -> ParagraphView {
    let (p_start, p_end) = blocks
        .get(i)
        .map_or((0, 0), |para| (para.start().0, para.end().0));
    let marks: Vec<Mark> = doc
        .annotations
        .iter()
        .filter_map(|a| {
            let (lo, hi) = (a.span.start().0.max(p_start), a.span.end().0.min(p_end));
            let span = ByteSpan::from_raw(lo.checked_sub(p_start)?, hi.checked_sub(p_start)?)
                .ok()
                .filter(|s| !s.is_empty())?;
            Some(Mark {
                id: a.id.0,
                span,
                layer: a.layer(),
                status: a.status,
                starts_here: a.span.start().0 >= p_start,
                label: describe::label(doc, a).into(),
            })
        })
        .collect();
    ParagraphView {
        start: p_start,
        text: doc.text.get(p_start..p_end).unwrap_or_default().into(),
        marks: marks.into(),
        continues: continues(&doc.text, blocks, i),
    }
}

/// The views after `patch` was applied to `doc`: touched paragraphs rebuilt, the rest
/// shared. When most paragraphs are touched (a bulk review), one pass rebuilds all.
pub fn refresh(
    doc: &Document,
    paragraphs: &[ByteSpan],
    views: &[Rc<ParagraphView>],
    patch: &Patch,
) -> Rc<[Rc<ParagraphView>]> {
    let touched = touched_paragraphs(paragraphs, patch);
    if views.len() != paragraphs.len() || touched.len() * 4 > paragraphs.len().max(8) {
        return block_views(doc, paragraphs)
            .into_iter()
            .zip(views.iter().map(Some).chain(std::iter::repeat(None)))
            .map(|(fresh, old)| match old {
                Some(old) if **old == fresh => old.clone(),
                _ => Rc::new(fresh),
            })
            .collect();
    }
    let mut out: Vec<Rc<ParagraphView>> = views.to_vec();
    for i in touched {
        if let Some(slot) = out.get_mut(i) {
            *slot = Rc::new(paragraph_view(doc, paragraphs, i));
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimlens_core::edit::{apply, Edit};
    use claimlens_core::model::{ActorAttrs, ActorKind, Attrs, Origin, Status};
    use claimlens_core::text::paragraphs;

    #[test]
    fn one_paragraph_view_matches_the_whole_document_layout() {
        let text = "Baku said no.\nYerevan agreed\nwith Baku.";
        let mut doc = Document::new("t", text, None);
        doc.add(
            ByteSpan::from_raw(14, 38).unwrap(),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Country,
                entity: "x".into(),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        let all = crate::layout::paragraph_views(&doc);
        let paras = paragraphs(text);
        for (i, view) in all.iter().enumerate() {
            assert_eq!(&paragraph_view(&doc, &paras, i), view);
        }
        let patch = apply(&doc, &Edit::Accept(doc.annotations[0].id)).unwrap();
        let views: Vec<Rc<ParagraphView>> = all.into_iter().map(Rc::new).collect();
        patch.apply_to(&mut doc).unwrap();
        let after = refresh(&doc, &paragraphs(text), &views, &patch);
        assert!(Rc::ptr_eq(&after[0], &views[0]));
        assert_eq!(after[1].marks[0].status, Status::Accepted);
    }
}

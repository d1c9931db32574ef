//! A claim's content fragments: a quote split by its attribution ("“We will win,”
//! Aliyev said, “and soon.”") is one claim with two pieces of content. Add a piece
//! (from a selection), remove one, move one's boundaries.
//!
//! Kept true after every edit here: the pieces are in text order and never overlap;
//! the claim's span is their hull; a claim with one piece of content keeps no list
//! (its span is the content), as the extractor and the file formats write it.

use crate::model::{Annotation, AnnotationId, Attrs, Layer};
use crate::text::ByteSpan;

use super::ops::{check_span, correct, expect, moved};
use super::{Direction, Draft, EditError, Side, Step};

/// The pieces of a claim's content: its fragments, or its span when it has none.
pub fn pieces(claim: &Annotation) -> Vec<ByteSpan> {
    match &claim.attrs {
        Attrs::Claim(c) if !c.fragments.is_empty() => c.fragments.clone(),
        _ => vec![claim.span],
    }
}

/// Gives claim `a` the content `pieces` (sorted here), after checking they do not
/// overlap.
fn store(
    draft: &mut Draft<'_>,
    mut a: Annotation,
    mut pieces: Vec<ByteSpan>,
) -> Result<(), EditError> {
    crate::order::sort(&mut pieces);
    pieces.dedup();
    for (i, w) in pieces.windows(2).enumerate() {
        if w[0].end() > w[1].start() {
            return Err(EditError::FragmentsOverlap {
                id: a.id.0,
                first: i + 1,
            });
        }
    }
    let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
        return Err(EditError::LastFragment(a.id.0));
    };
    a.span = ByteSpan::from_raw(first.start().0, last.end().0).map_err(|_| EditError::EmptySpan)?;
    if let Attrs::Claim(c) = &mut a.attrs {
        c.fragments = if pieces.len() > 1 { pieces } else { Vec::new() };
    }
    correct(draft, a);
    Ok(())
}

/// The claim `id`, checked to be one.
fn claim(draft: &Draft<'_>, id: AnnotationId) -> Result<Annotation, EditError> {
    let a = draft.get(id)?;
    expect(&a, Layer::Claim)?;
    Ok(a)
}

/// Piece `index` of claim `id`'s content `all`, or the error naming how many there are.
fn piece(all: &[ByteSpan], id: AnnotationId, index: usize) -> Result<ByteSpan, EditError> {
    all.get(index).copied().ok_or(EditError::NoFragment {
        id: id.0,
        index: index + 1,
        count: all.len(),
    })
}

pub(super) fn add(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    span: ByteSpan,
) -> Result<(), EditError> {
    check_span(draft.text(), span)?;
    let a = claim(draft, id)?;
    let mut all = pieces(&a);
    all.push(span);
    store(draft, a, all)
}

pub(super) fn remove(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    index: usize,
) -> Result<(), EditError> {
    let a = claim(draft, id)?;
    let mut all = pieces(&a);
    if all.len() < 2 {
        return Err(EditError::LastFragment(id.0));
    }
    piece(&all, id, index)?;
    all.remove(index);
    store(draft, a, all)
}

pub(super) fn move_boundary(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    index: usize,
    side: Side,
    step: Step,
    direction: Direction,
) -> Result<(), EditError> {
    let a = claim(draft, id)?;
    let mut all = pieces(&a);
    all[index] = moved(
        draft.text(),
        id,
        piece(&all, id, index)?,
        side,
        step,
        direction,
        "the fragment would be empty (press - to remove it instead)",
    )?;
    store(draft, a, all)
}

#[cfg(test)]
mod tests {
    use super::super::{apply, Edit, History};
    use super::*;
    use crate::model::{ClaimKind, Document, Origin, Status};
    use crate::test_support::{claim_attrs, span_of};

    const TEXT: &str = "“We will win,” Aliyev said, “and soon.” Baku agreed.";

    fn span(s: &str) -> ByteSpan {
        span_of(TEXT, s)
    }

    fn doc() -> Document {
        let mut doc = Document::new("d", TEXT, None);
        doc.add(
            span("We will win"),
            Attrs::Claim(claim_attrs(
                ClaimKind::Direct,
                Some(span("Aliyev")),
                Some(span("said")),
            )),
            Origin::Auto,
            Status::Suggested,
        );
        doc
    }

    fn texts(doc: &Document) -> Vec<&str> {
        pieces(&doc.annotations[0])
            .iter()
            .map(|p| p.slice(TEXT).unwrap())
            .collect()
    }

    #[test]
    fn add_move_and_remove_fragments_with_undo() {
        let mut d = doc();
        let id = d.annotations[0].id;
        let mut h = History::new();
        let add = Edit::AddFragment {
            id,
            span: span("and soon"),
        };
        h.apply(&mut d, &add).unwrap();
        assert_eq!(texts(&d), ["We will win", "and soon"]);
        assert_eq!(
            d.annotations[0].span.slice(TEXT),
            Some("We will win,” Aliyev said, “and soon")
        );
        assert_eq!(d.annotations[0].status, Status::Accepted);
        let shrink = Edit::MoveFragment {
            id,
            index: 1,
            side: Side::End,
            step: Step::Word,
            direction: Direction::Backward,
        };
        h.apply(&mut d, &shrink).unwrap();
        assert_eq!(texts(&d), ["We will win", "and"]);
        h.apply(&mut d, &Edit::RemoveFragment { id, index: 0 })
            .unwrap();
        assert_eq!(texts(&d), ["and"]);
        if let Attrs::Claim(c) = &d.annotations[0].attrs {
            assert!(c.fragments.is_empty(), "one piece keeps no list");
        }
        for _ in 0..3 {
            h.undo(&mut d).unwrap();
        }
        assert_eq!(d.annotations, doc().annotations);
    }

    #[test]
    fn overlaps_the_last_piece_and_other_layers_are_refused() {
        let d = doc();
        let id = d.annotations[0].id;
        let overlap = apply(
            &d,
            &Edit::AddFragment {
                id,
                span: span("win"),
            },
        );
        assert!(matches!(overlap, Err(EditError::FragmentsOverlap { .. })));
        let last = apply(&d, &Edit::RemoveFragment { id, index: 0 });
        assert_eq!(last, Err(EditError::LastFragment(id.0)));
        let grow_into = Edit::Batch(vec![
            Edit::AddFragment {
                id,
                span: span("Aliyev"),
            },
            Edit::MoveFragment {
                id,
                index: 0,
                side: Side::End,
                step: Step::Word,
                direction: Direction::Forward,
            },
        ]);
        assert!(apply(&d, &grow_into).is_err());
        let missing = apply(&d, &Edit::RemoveFragment { id, index: 5 });
        assert!(missing.is_err());
        let mut with_actor = doc();
        let actor = with_actor.add(
            span("Baku"),
            Attrs::Actor(crate::model::ActorAttrs {
                kind: crate::model::ActorKind::Country,
                entity: "Baku".into(),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        let wrong = apply(
            &with_actor,
            &Edit::AddFragment {
                id: actor,
                span: span("agreed"),
            },
        );
        assert!(matches!(wrong, Err(EditError::WrongLayer { .. })));
    }
}

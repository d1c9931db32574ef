//! The edits on single annotations: review, create, delete, relabel, reshape, and
//! the date and claim attributes. Entity edits live in `entities`.

use crate::model::{Annotation, AnnotationId, Attrs, Layer, Origin, Stance, Status};
use crate::text::ByteSpan;
use crate::timeml;

use super::defaults::{self, entity_name};
use super::snap::{self, MoveLimit};
use super::{grapheme, Decision, Direction, Draft, EditError, Kind, Pick, Side, Step};

/// Checks that `span` fits the text, on cluster boundaries, and covers more than
/// white space.
pub(super) fn check_span(text: &str, span: ByteSpan) -> Result<(), EditError> {
    let (a, b) = (span.start().0, span.end().0);
    if b > text.len() {
        return Err(EditError::SpanPastEnd {
            start: a,
            end: b,
            len: text.len(),
        });
    }
    for at in [a, b] {
        if !grapheme::is_boundary(text, at) {
            return Err(EditError::SplitsCharacter(at));
        }
    }
    if text[a..b].trim().is_empty() {
        return Err(EditError::EmptySpan);
    }
    Ok(())
}

/// Fails unless `a` is on `layer`.
pub(super) fn expect(a: &Annotation, layer: Layer) -> Result<(), EditError> {
    if a.layer() == layer {
        Ok(())
    } else {
        Err(EditError::WrongLayer {
            id: a.id.0,
            expected: layer.name(),
            found: a.layer().name(),
        })
    }
}

/// Records a correction of `a`: corrections are decisions, so it becomes accepted.
pub(super) fn correct(draft: &mut Draft<'_>, mut a: Annotation) {
    a.status = Status::Accepted;
    draft.put(a);
}

pub(super) fn decide(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    decision: Decision,
) -> Result<(), EditError> {
    let mut a = draft.get(id)?;
    a.status = status(decision);
    draft.put(a);
    Ok(())
}

fn status(decision: Decision) -> Status {
    match decision {
        Decision::Accept => Status::Accepted,
        Decision::Reject => Status::Rejected,
    }
}

pub(super) fn review_all(
    draft: &mut Draft<'_>,
    decision: Decision,
    layer: Option<Layer>,
    within: Option<ByteSpan>,
) {
    let doc = draft.doc();
    for a in &doc.annotations {
        let open = a.status == Status::Suggested;
        let on_layer = layer.is_none_or(|l| a.layer() == l);
        let inside = within.is_none_or(|w| w.contains(&a.span));
        if open && on_layer && inside {
            let mut after = a.clone();
            after.status = status(decision);
            draft.replace(a, after);
        }
    }
}

pub(super) fn create(
    draft: &mut Draft<'_>,
    span: ByteSpan,
    layer: Layer,
    kind: Option<Kind>,
) -> Result<(), EditError> {
    // A kind of another layer decides the layer: the person picked it explicitly.
    let layer = kind.map_or(layer, Kind::layer);
    check_span(draft.text(), span)?;
    let existing = draft
        .doc()
        .annotations
        .iter()
        .find(|a| a.span == span && a.layer() == layer);
    if let Some(e) = existing {
        if e.status == Status::Accepted {
            return Err(EditError::Duplicate {
                id: e.id.0,
                layer: layer.name(),
            });
        }
        let mut a = e.clone();
        if let Some(k) = kind {
            set_kind_attrs(&mut a.attrs, k);
        }
        correct(draft, a);
        return Ok(());
    }
    let mut attrs = defaults::attrs(draft.doc(), span, layer);
    if let Some(k) = kind {
        set_kind_attrs(&mut attrs, k);
    }
    draft.create(span, attrs, Origin::Manual, Status::Accepted)?;
    Ok(())
}

pub(super) fn delete(draft: &mut Draft<'_>, id: AnnotationId) -> Result<(), EditError> {
    draft.get(id)?;
    draft.remove(id);
    Ok(())
}

pub(super) fn set_layer(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    layer: Layer,
) -> Result<(), EditError> {
    let mut a = draft.get(id)?;
    if a.layer() == layer {
        return Ok(());
    }
    a.attrs = defaults::attrs(draft.doc(), a.span, layer);
    correct(draft, a);
    Ok(())
}

pub(super) fn set_kind(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    kind: Kind,
) -> Result<(), EditError> {
    let mut a = draft.get(id)?;
    if a.layer() != kind.layer() {
        a.attrs = defaults::attrs(draft.doc(), a.span, kind.layer());
    }
    set_kind_attrs(&mut a.attrs, kind);
    correct(draft, a);
    Ok(())
}

/// Sets the kind when it belongs to the attributes' layer.
fn set_kind_attrs(attrs: &mut Attrs, kind: Kind) {
    match (attrs, kind) {
        (Attrs::Actor(a), Kind::Actor(k)) => a.kind = k,
        (Attrs::Date(d), Kind::Date(k)) => d.kind = k,
        (Attrs::Claim(c), Kind::Claim(k)) => c.kind = k,
        _ => {}
    }
}

pub(super) fn move_boundary(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    side: Side,
    step: Step,
    direction: Direction,
) -> Result<(), EditError> {
    let a = draft.get(id)?;
    let span = moved(
        draft.text(),
        id,
        a.span,
        side,
        step,
        direction,
        "the annotation would be empty (press Delete to remove it instead)",
    )?;
    reshape(draft, a, span);
    Ok(())
}

/// `span` (annotation `id`'s, or one fragment of it) with one boundary moved, checked
/// to fit the text; `would_empty` is the reason given when the move would empty it.
pub(super) fn moved(
    text: &str,
    id: AnnotationId,
    span: ByteSpan,
    side: Side,
    step: Step,
    direction: Direction,
    would_empty: &'static str,
) -> Result<ByteSpan, EditError> {
    let moved = snap::move_boundary(text, span, side, step, direction).map_err(|limit| {
        EditError::CannotMove {
            id: id.0,
            side: match side {
                Side::Start => "start",
                Side::End => "end",
            },
            reason: match limit {
                MoveLimit::TextEdge => "it is already at the edge of the text",
                MoveLimit::WouldEmpty => would_empty,
            },
        }
    })?;
    check_span(text, moved)?;
    Ok(moved)
}

pub(super) fn set_span(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    span: ByteSpan,
) -> Result<(), EditError> {
    check_span(draft.text(), span)?;
    let a = draft.get(id)?;
    reshape(draft, a, span);
    Ok(())
}

/// Gives `a` a new span and keeps what depends on it consistent: an actor whose entity
/// was its own text (and no other mention's) is renamed to the new text; a claim's
/// fragments are clipped to the new span; claims whose source was this actor's span
/// follow it.
fn reshape(draft: &mut Draft<'_>, mut a: Annotation, span: ByteSpan) {
    let old = a.span;
    let text = draft.text();
    let old_text = entity_name(old.slice(text).unwrap_or(""));
    a.span = span;
    match &mut a.attrs {
        Attrs::Actor(actor) => {
            let shared = draft.doc().layer(Layer::Actor).any(|o| {
                o.id != a.id && matches!(&o.attrs, Attrs::Actor(x) if x.entity == actor.entity)
            });
            if actor.entity == old_text && !shared {
                actor.entity = entity_name(span.slice(text).unwrap_or(""));
            }
        }
        Attrs::Claim(claim) => claim.fragments = clip(&claim.fragments, span),
        Attrs::Date(_) => {}
    }
    let is_actor = a.layer() == Layer::Actor;
    let id = a.id;
    correct(draft, a);
    if is_actor {
        let followers: Vec<AnnotationId> = draft
            .doc()
            .layer(Layer::Claim)
            .filter(|c| matches!(&c.attrs, Attrs::Claim(x) if x.source == Some(old)))
            .map(|c| c.id)
            .filter(|&c| c != id)
            .collect();
        for cid in followers {
            if let Ok(mut c) = draft.get(cid) {
                if let Attrs::Claim(x) = &mut c.attrs {
                    x.source = Some(span);
                }
                draft.put(c);
            }
        }
    }
}

/// Fragments cut to `span`, the first starting and the last ending with it, so the
/// hull stays the span; empty when nothing of them is left.
fn clip(fragments: &[ByteSpan], span: ByteSpan) -> Vec<ByteSpan> {
    let mut out: Vec<(usize, usize)> = fragments
        .iter()
        .map(|f| (f.start().0.max(span.start().0), f.end().0.min(span.end().0)))
        .filter(|(a, b)| a < b)
        .collect();
    if let Some(first) = out.first_mut() {
        first.0 = span.start().0;
    }
    if let Some(last) = out.last_mut() {
        last.1 = span.end().0;
    }
    if out.len() < 2 {
        return Vec::new();
    }
    out.into_iter()
        .filter_map(|(a, b)| ByteSpan::from_raw(a, b).ok())
        .collect()
}

pub(super) fn set_value(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    value: Option<&str>,
) -> Result<(), EditError> {
    let mut a = draft.get(id)?;
    expect(&a, Layer::Date)?;
    let value = match value.map(str::trim).filter(|v| !v.is_empty()) {
        Some(v) => Some(timeml::parse(v)?),
        None => None,
    };
    if let Attrs::Date(d) = &mut a.attrs {
        d.value = value;
    }
    correct(draft, a);
    Ok(())
}

/// The span a pick names, and the entity of the actor mention it names (or whose span
/// it is exactly), if any.
fn resolve(
    draft: &Draft<'_>,
    pick: Pick,
    actor_only: bool,
) -> Result<(ByteSpan, Option<String>), EditError> {
    match pick {
        Pick::Span(span) => {
            check_span(draft.text(), span)?;
            let entity = draft
                .doc()
                .layer(Layer::Actor)
                .find_map(|a| match &a.attrs {
                    Attrs::Actor(x) if a.span == span && a.status != Status::Rejected => {
                        Some(x.entity.clone())
                    }
                    _ => None,
                });
            Ok((span, entity))
        }
        Pick::Mention(mid) => {
            let m = draft.get(mid)?;
            if actor_only {
                expect(&m, Layer::Actor)?;
            }
            let entity = match &m.attrs {
                Attrs::Actor(x) => Some(x.entity.clone()),
                _ => None,
            };
            Ok((m.span, entity))
        }
    }
}

pub(super) fn set_source(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    source: Option<Pick>,
) -> Result<(), EditError> {
    let mut a = draft.get(id)?;
    expect(&a, Layer::Claim)?;
    let (span, entity) = match source {
        Some(p) => {
            let (s, e) = resolve(draft, p, true)?;
            (Some(s), e)
        }
        None => (None, None),
    };
    if let Attrs::Claim(c) = &mut a.attrs {
        c.source = span;
        c.source_entity = entity;
    }
    correct(draft, a);
    Ok(())
}

pub(super) fn set_cue(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    cue: Option<Pick>,
) -> Result<(), EditError> {
    let mut a = draft.get(id)?;
    expect(&a, Layer::Claim)?;
    let span = cue
        .map(|p| resolve(draft, p, false))
        .transpose()?
        .map(|r| r.0);
    if let Attrs::Claim(c) = &mut a.attrs {
        c.cue = span;
    }
    correct(draft, a);
    Ok(())
}

pub(super) fn set_stance(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    stance: Option<Stance>,
) -> Result<(), EditError> {
    let mut a = draft.get(id)?;
    expect(&a, Layer::Claim)?;
    if let Attrs::Claim(c) = &mut a.attrs {
        c.stance = stance;
    }
    correct(draft, a);
    Ok(())
}

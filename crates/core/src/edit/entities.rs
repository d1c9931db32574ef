//! Entity edits: one canonical name shared by every mention of an actor. Renaming,
//! merging and splitting keep claims consistent: a claim's `source_entity` follows
//! the entity of its source.
//!
//! Renaming and merging change a shared name, not a mention's extent, so they leave
//! each mention's review status as it was; setting or splitting one mention is a
//! correction of that mention and accepts it.

use std::collections::HashMap;

use crate::model::{ActorKind, AnnotationId, Attrs, Layer};
use crate::text::ByteSpan;

use super::defaults::entity_name;
use super::ops::{correct, expect};
use super::{Draft, EditError};

/// Every entity name with the kinds of its mentions, counted.
fn entities(draft: &Draft<'_>) -> HashMap<String, HashMap<ActorKind, usize>> {
    let mut out: HashMap<String, HashMap<ActorKind, usize>> = HashMap::new();
    for a in draft.doc().layer(Layer::Actor) {
        if let Attrs::Actor(x) = &a.attrs {
            *out.entry(x.entity.clone())
                .or_default()
                .entry(x.kind)
                .or_default() += 1;
        }
    }
    out
}

fn checked_name(name: &str) -> Result<String, EditError> {
    let name = entity_name(name);
    if name.is_empty() {
        Err(EditError::EmptyEntity)
    } else {
        Ok(name)
    }
}

pub(super) fn set(draft: &mut Draft<'_>, id: AnnotationId, entity: &str) -> Result<(), EditError> {
    let name = checked_name(entity)?;
    rename_mention(draft, id, name)
}

/// Gives one mention a new entity and moves claims sourced at that mention along.
fn rename_mention(draft: &mut Draft<'_>, id: AnnotationId, name: String) -> Result<(), EditError> {
    let mut a = draft.get(id)?;
    expect(&a, Layer::Actor)?;
    let span = a.span;
    let old = match &mut a.attrs {
        Attrs::Actor(x) => std::mem::replace(&mut x.entity, name.clone()),
        _ => return Ok(()),
    };
    correct(draft, a);
    retarget_claims(
        draft,
        |source, entity| source == Some(span) && entity == Some(old.as_str()),
        &name,
    );
    Ok(())
}

/// Sets `source_entity` to `name` on every claim `matches` selects (by its source span
/// and current source entity).
fn retarget_claims(
    draft: &mut Draft<'_>,
    matches: impl Fn(Option<ByteSpan>, Option<&str>) -> bool,
    name: &str,
) {
    let claims: Vec<AnnotationId> = draft.doc().layer(Layer::Claim).map(|c| c.id).collect();
    for cid in claims {
        let Ok(mut c) = draft.get(cid) else { continue };
        if let Attrs::Claim(x) = &mut c.attrs {
            if matches(x.source, x.source_entity.as_deref()) {
                x.source_entity = Some(name.to_string());
                draft.put(c);
            }
        }
    }
}

pub(super) fn rename(draft: &mut Draft<'_>, from: &str, to: &str) -> Result<(), EditError> {
    let to = checked_name(to)?;
    if !entities(draft).contains_key(from) {
        return Err(EditError::UnknownEntity(from.to_string()));
    }
    relabel(draft, from, &to, None);
    Ok(())
}

pub(super) fn merge(draft: &mut Draft<'_>, from: &str, into: &str) -> Result<(), EditError> {
    let all = entities(draft);
    if from == into {
        return Err(EditError::SameEntity(from.to_string()));
    }
    for name in [from, into] {
        if !all.contains_key(name) {
            return Err(EditError::UnknownEntity(name.to_string()));
        }
    }
    // The surviving entity keeps its most frequent kind.
    let kind = all.get(into).and_then(|kinds| {
        kinds
            .iter()
            .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k as u8)))
            .map(|(k, _)| *k)
    });
    relabel(draft, from, into, kind);
    Ok(())
}

/// Renames entity `from` to `to` on every mention (setting `kind` when given) and on
/// every claim sourced at it.
fn relabel(draft: &mut Draft<'_>, from: &str, to: &str, kind: Option<ActorKind>) {
    let doc = draft.doc();
    for a in doc.layer(Layer::Actor) {
        if let Attrs::Actor(x) = &a.attrs {
            if x.entity == from {
                let mut after = a.clone();
                if let Attrs::Actor(y) = &mut after.attrs {
                    y.entity = to.to_string();
                    y.kind = kind.unwrap_or(y.kind);
                }
                draft.replace(a, after);
            }
        }
    }
    retarget_claims(draft, |_, entity| entity == Some(from), to);
}

pub(super) fn split(
    draft: &mut Draft<'_>,
    id: AnnotationId,
    entity: Option<&str>,
) -> Result<(), EditError> {
    let a = draft.get(id)?;
    expect(&a, Layer::Actor)?;
    let all = entities(draft);
    let name = match entity {
        Some(n) => {
            let n = checked_name(n)?;
            if all.contains_key(&n) {
                return Err(EditError::EntityExists(n));
            }
            n
        }
        None => {
            let base = entity_name(a.span.slice(draft.text()).unwrap_or(""));
            let base = if base.is_empty() {
                "entity".to_string()
            } else {
                base
            };
            let mut name = base.clone();
            let mut n = 2;
            while all.contains_key(&name) {
                name = format!("{base} ({n})");
                n += 1;
            }
            name
        }
    };
    rename_mention(draft, id, name)
}

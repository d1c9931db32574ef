//! A patch: what one edit changed, as the annotations before and after, so that it can
//! be applied, inverted and stored without the edit that made it.
//!
//! Patches are checked when applied: every annotation a patch replaces must still be
//! in the document exactly as the patch remembers it. A history replayed against a
//! document that changed behind its back is refused with the annotation named, never
//! applied half-way.
//!
//! Serialised patches count offsets in UTF-8 bytes of the document text (the
//! engine's unit, key `unit: "byte"`), so they stay small and need no text to read;
//! they are only meaningful next to the exact text they were made on.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::kind::Kind;
use crate::model::{
    ActorAttrs, ActorKind, Annotation, AnnotationId, Attrs, ClaimAttrs, ClaimKind, DateAttrs,
    DateKind, Document, Layer, Origin, Stance, Status,
};
use crate::text::ByteSpan;

/// Up to this many changes, a patch finds its annotations by comparing ids.
const SMALL: usize = 8;

/// One annotation's change: absent before means created, absent after means deleted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The annotation changed.
    pub id: AnnotationId,
    /// As it was (`None`: it did not exist).
    pub before: Option<Annotation>,
    /// As it is now (`None`: it was deleted).
    pub after: Option<Annotation>,
}

/// What an edit did to a document: the annotations it replaced, removed or added, and
/// the document's next id before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "PatchRecord", try_from = "PatchRecord")]
pub struct Patch {
    changes: Vec<Change>,
    next_id: (u32, u32),
}

/// Why a patch does not fit a document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PatchError {
    /// The annotation is not in the state the patch expects.
    #[error(
        "annotation #{0} changed since this step was recorded; the history no longer \
         matches the document (reload the document or clear its history)"
    )]
    Conflict(u32),
    /// An annotation of the patch does not fit the text.
    #[error(
        "annotation #{0} of the recorded step does not fit the text (past its end or \
         inside a character); the history belongs to another text"
    )]
    Span(u32),
}

impl Patch {
    /// A patch from its changes; ids are expected to be distinct (use [`super::apply`]
    /// to make patches).
    pub(crate) fn new(changes: Vec<Change>, next_id: (u32, u32)) -> Self {
        Patch { changes, next_id }
    }

    /// Each changed annotation, before and after.
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// The document's next id before and after the patch.
    pub fn next_id(&self) -> (u32, u32) {
        self.next_id
    }

    /// True when applying the patch changes nothing (e.g. accepting an accepted
    /// annotation); a history does not record such steps.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.next_id.0 == self.next_id.1
    }

    /// The patch that undoes this one.
    pub fn inverse(&self) -> Patch {
        Patch {
            changes: self
                .changes
                .iter()
                .map(|c| Change {
                    id: c.id,
                    before: c.after.clone(),
                    after: c.before.clone(),
                })
                .collect(),
            next_id: (self.next_id.1, self.next_id.0),
        }
    }

    /// Annotations as they are after the patch (created or changed).
    pub fn added(&self) -> impl Iterator<Item = &Annotation> {
        self.changes.iter().filter_map(|c| c.after.as_ref())
    }

    /// Annotations as they were before the patch (deleted or changed).
    pub fn removed(&self) -> impl Iterator<Item = &Annotation> {
        self.changes.iter().filter_map(|c| c.before.as_ref())
    }

    /// The annotation a UI should focus after applying the patch: the first one it
    /// creates or changes (`None` when it only deletes).
    pub fn focus(&self) -> Option<AnnotationId> {
        self.added().next().map(|a| a.id)
    }

    /// Every span the patch touches, before and after (annotation spans and claim
    /// sources, cues and fragments), so a UI re-renders only the paragraphs they meet.
    pub fn touched(&self) -> Vec<ByteSpan> {
        let mut out = Vec::new();
        for a in self.removed().chain(self.added()) {
            out.push(a.span);
            if let Attrs::Claim(c) = &a.attrs {
                out.extend(c.source.iter().chain(c.cue.iter()).copied());
                out.extend(c.fragments.iter().copied());
            }
        }
        crate::order::sort(&mut out);
        out.dedup();
        out
    }

    /// Applies the patch to `doc`, after checking that it fits.
    ///
    /// # Errors
    /// [`PatchError`] when an annotation the patch replaces is not as recorded, an
    /// annotation it creates exists already, or a new annotation does not fit the
    /// text; `doc` is then unchanged.
    pub fn apply_to(&self, doc: &mut Document) -> Result<(), PatchError> {
        // Most patches change one annotation: comparing ids beats hashing them.
        let by_id: HashMap<AnnotationId, &Change> = if self.changes.len() > SMALL {
            self.changes.iter().map(|c| (c.id, c)).collect()
        } else {
            HashMap::new()
        };
        let change_of = |id: AnnotationId| -> Option<&Change> {
            if self.changes.len() > SMALL {
                by_id.get(&id).copied()
            } else {
                self.changes.iter().find(|c| c.id == id)
            }
        };
        let mut matched = 0;
        for a in &doc.annotations {
            if let Some(c) = change_of(a.id) {
                if c.before.as_ref() != Some(a) {
                    return Err(PatchError::Conflict(a.id.0));
                }
                matched += 1;
            }
        }
        let expected = self.changes.iter().filter(|c| c.before.is_some()).count();
        if matched != expected {
            let missing = self
                .changes
                .iter()
                .find(|c| c.before.is_some() && doc.get(c.id).is_none())
                .map_or(0, |c| c.id.0);
            return Err(PatchError::Conflict(missing));
        }
        for a in self.added() {
            if !fits(&doc.text, a) {
                return Err(PatchError::Span(a.id.0));
            }
        }
        doc.annotations.retain(|a| change_of(a.id).is_none());
        doc.annotations.extend(self.added().cloned());
        // The recorded next id, but never one already in use: a document read back
        // from a file recomputes its next id from the ids it holds, which may be lower
        // than when the step was recorded.
        let in_use = doc.annotations.iter().map(|a| a.id.0).max();
        doc.next_id = in_use.map_or(self.next_id.1, |m| self.next_id.1.max(m.saturating_add(1)));
        doc.sort();
        Ok(())
    }
}

/// True when every span of `a` lies inside `text` on character boundaries. (Cluster
/// boundaries are checked where a person gives a span; an extractor's suggestion that
/// ends inside a cluster must still be accepted or rejected.)
fn fits(text: &str, a: &Annotation) -> bool {
    let ok = |s: &ByteSpan| {
        s.end().0 <= text.len()
            && text.is_char_boundary(s.start().0)
            && text.is_char_boundary(s.end().0)
    };
    ok(&a.span)
        && match &a.attrs {
            Attrs::Claim(c) => c
                .source
                .iter()
                .chain(c.cue.iter())
                .chain(c.fragments.iter())
                .all(ok),
            _ => true,
        }
}

/// A patch as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct PatchRecord {
    unit: String,
    next_id: (u32, u32),
    changes: Vec<ChangeRecord>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ChangeRecord {
    id: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    before: Option<AnnotationRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    after: Option<AnnotationRecord>,
}

/// An annotation as stored in a patch: byte offsets, layer as a tag.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "AnnotationIn")]
struct AnnotationRecord {
    id: u32,
    start: usize,
    end: usize,
    origin: Origin,
    status: Status,
    #[serde(flatten)]
    attrs: AttrsRecord,
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "layer", rename_all = "lowercase")]
enum AttrsRecord {
    Actor {
        kind: ActorKind,
        entity: String,
    },
    Date {
        kind: DateKind,
        #[serde(default)]
        value: Option<String>,
    },
    Claim {
        kind: ClaimKind,
        #[serde(default)]
        source: Option<(usize, usize)>,
        #[serde(default)]
        cue: Option<(usize, usize)>,
        #[serde(default)]
        fragments: Vec<(usize, usize)>,
        #[serde(default)]
        stance: Option<Stance>,
        #[serde(default)]
        source_entity: Option<String>,
    },
}

/// [`AnnotationRecord`] as read: every layer's keys side by side, checked against the
/// `layer` afterwards. Reading the flattened, tagged form directly would buffer every
/// key of every annotation first (serde's `flatten` and internal tags), code that
/// costs the web app about 4 KB gzipped.
///
/// Not the same shape as the native format's `FlatAnnotation` (`formats/native.rs`):
/// this one reads byte offsets as `[start, end]` pairs with no text to check them
/// against, names its `layer` in a key, and requires id, origin and status.
#[derive(Deserialize)]
struct AnnotationIn {
    id: u32,
    start: usize,
    end: usize,
    origin: Origin,
    status: Status,
    layer: Layer,
    kind: String,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    source: Option<(usize, usize)>,
    #[serde(default)]
    cue: Option<(usize, usize)>,
    #[serde(default)]
    fragments: Vec<(usize, usize)>,
    #[serde(default)]
    stance: Option<Stance>,
    #[serde(default)]
    source_entity: Option<String>,
}

impl TryFrom<AnnotationIn> for AnnotationRecord {
    type Error = String;
    fn try_from(a: AnnotationIn) -> Result<Self, String> {
        let attrs = match Kind::from_name(a.layer, &a.kind) {
            Some(Kind::Actor(kind)) => AttrsRecord::Actor {
                kind,
                entity: a.entity.ok_or("missing field `entity`")?,
            },
            Some(Kind::Date(kind)) => AttrsRecord::Date {
                kind,
                value: a.value,
            },
            Some(Kind::Claim(kind)) => AttrsRecord::Claim {
                kind,
                source: a.source,
                cue: a.cue,
                fragments: a.fragments,
                stance: a.stance,
                source_entity: a.source_entity,
            },
            None => return Err(format!("unknown {} kind `{}`", a.layer.name(), a.kind)),
        };
        Ok(AnnotationRecord {
            id: a.id,
            start: a.start,
            end: a.end,
            origin: a.origin,
            status: a.status,
            attrs,
        })
    }
}

fn pair(s: ByteSpan) -> (usize, usize) {
    (s.start().0, s.end().0)
}

fn unpair((a, b): (usize, usize)) -> Result<ByteSpan, String> {
    ByteSpan::from_raw(a, b).map_err(|e| format!("stored patch: {e}"))
}

impl From<&Annotation> for AnnotationRecord {
    fn from(a: &Annotation) -> Self {
        let attrs = match &a.attrs {
            Attrs::Actor(x) => AttrsRecord::Actor {
                kind: x.kind,
                entity: x.entity.clone(),
            },
            Attrs::Date(x) => AttrsRecord::Date {
                kind: x.kind,
                value: x.value.clone(),
            },
            Attrs::Claim(x) => AttrsRecord::Claim {
                kind: x.kind,
                source: x.source.map(pair),
                cue: x.cue.map(pair),
                fragments: x.fragments.iter().copied().map(pair).collect(),
                stance: x.stance,
                source_entity: x.source_entity.clone(),
            },
        };
        AnnotationRecord {
            id: a.id.0,
            start: a.span.start().0,
            end: a.span.end().0,
            origin: a.origin,
            status: a.status,
            attrs,
        }
    }
}

impl TryFrom<AnnotationRecord> for Annotation {
    type Error = String;
    fn try_from(r: AnnotationRecord) -> Result<Self, String> {
        let attrs = match r.attrs {
            AttrsRecord::Actor { kind, entity } => Attrs::Actor(ActorAttrs { kind, entity }),
            AttrsRecord::Date { kind, value } => Attrs::Date(DateAttrs { kind, value }),
            AttrsRecord::Claim {
                kind,
                source,
                cue,
                fragments,
                stance,
                source_entity,
            } => Attrs::Claim(ClaimAttrs {
                kind,
                source: source.map(unpair).transpose()?,
                cue: cue.map(unpair).transpose()?,
                fragments: fragments
                    .into_iter()
                    .map(unpair)
                    .collect::<Result<_, _>>()?,
                stance,
                source_entity,
            }),
        };
        Ok(Annotation {
            id: AnnotationId(r.id),
            span: unpair((r.start, r.end))?,
            attrs,
            origin: r.origin,
            status: r.status,
        })
    }
}

impl From<Patch> for PatchRecord {
    fn from(p: Patch) -> Self {
        PatchRecord {
            unit: "byte".into(),
            next_id: p.next_id,
            changes: p
                .changes
                .iter()
                .map(|c| ChangeRecord {
                    id: c.id.0,
                    before: c.before.as_ref().map(AnnotationRecord::from),
                    after: c.after.as_ref().map(AnnotationRecord::from),
                })
                .collect(),
        }
    }
}

impl TryFrom<PatchRecord> for Patch {
    type Error = String;
    fn try_from(r: PatchRecord) -> Result<Self, String> {
        if r.unit != "byte" {
            return Err(format!(
                "stored patch counts offsets in `{}`; only `byte` is read",
                r.unit
            ));
        }
        let mut changes = Vec::with_capacity(r.changes.len());
        for c in r.changes {
            let read = |a: Option<AnnotationRecord>| a.map(Annotation::try_from).transpose();
            let change = Change {
                id: AnnotationId(c.id),
                before: read(c.before)?,
                after: read(c.after)?,
            };
            let ids_agree = change
                .before
                .iter()
                .chain(change.after.iter())
                .all(|a| a.id == change.id);
            if !ids_agree {
                return Err(format!(
                    "stored patch: change #{} holds an annotation with another id",
                    c.id
                ));
            }
            changes.push(change);
        }
        Ok(Patch {
            changes,
            next_id: r.next_id,
        })
    }
}

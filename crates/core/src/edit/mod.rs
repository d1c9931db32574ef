//! The correction editor's behaviour, as pure functions: every change a person makes to
//! a document's annotations is an [`Edit`]; [`apply`] turns it into a [`Patch`] without
//! touching the document; a [`History`] applies patches and undoes and redoes them.
//! The UI only dispatches edits, so every behaviour here is tested natively.
//!
//! Choices the editor makes for the person:
//! - A correction is a decision: every edit that changes an annotation's layer, kind,
//!   span or attributes also marks it accepted (its origin stays as it was, so exports
//!   still tell a corrected suggestion from a hand-made annotation).
//! - Creating an annotation makes it manual and accepted. Creating one exactly where a
//!   suggestion of the same layer already is accepts that suggestion instead of
//!   doubling it.
//! - Bulk review ([`Edit::ReviewAll`]) only touches open suggestions, never an earlier
//!   decision, and is one undo step.
//! - Spans must lie on grapheme cluster boundaries; use [`snap::snap`] on a raw
//!   selection first.
//!
//! # Example
//! ```
//! use claimlens_core::edit::{apply, Edit, History};
//! use claimlens_core::edit::snap::{snap, Snap};
//! use claimlens_core::model::{Document, Layer};
//!
//! let mut doc = Document::new("d", "Baku said on Sunday the talks failed.", None);
//! let mut history = History::new();
//! // A rough selection "aku sa" snaps to "Baku said"; press `a`.
//! let span = snap(&doc.text, 1, 7, Snap::Words).unwrap();
//! let patch = apply(&doc, &Edit::Create { span, layer: Layer::Actor, kind: None }).unwrap();
//! assert_eq!(patch.added().count(), 1); // `doc` itself is unchanged until applied
//! history.apply(&mut doc, &Edit::Create { span, layer: Layer::Actor, kind: None }).unwrap();
//! assert_eq!(doc.annotations.len(), 1);
//! history.undo(&mut doc).unwrap();
//! assert!(doc.annotations.is_empty());
//! history.redo(&mut doc).unwrap();
//! assert_eq!(doc.annotations.len(), 1);
//! ```

mod defaults;
mod entities;
pub mod fragments;
pub mod grapheme;
mod history;
mod kind;
mod ops;
mod patch;
pub mod snap;

use std::collections::HashMap;

use thiserror::Error;

use crate::model::{Annotation, AnnotationId, Attrs, Document, Layer, Origin, Stance, Status};
use crate::text::ByteSpan;
use crate::timeml::TimexError;

pub use history::{History, DEFAULT_LIMIT};
pub use kind::Kind;
pub use patch::{Change, Patch, PatchError};
pub use snap::{Direction, Side, Snap, Step};

/// Accept or reject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Keep the suggestion: it counts as labelled.
    Accept,
    /// Refuse it: it stays in the document, marked rejected, so it does not come back.
    Reject,
}

/// A span picked for a claim's source or cue: selected text, or an existing mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// A span of text (snap it first).
    Span(ByteSpan),
    /// The span of an existing annotation (for a source, an actor mention, whose entity
    /// then becomes the claim's `source_entity`).
    Mention(AnnotationId),
}

/// One change a person makes; see [`apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Accept one annotation (`y`).
    Accept(AnnotationId),
    /// Reject one annotation (`n`).
    Reject(AnnotationId),
    /// Accept or reject every open suggestion, optionally only of one layer and/or only
    /// those lying wholly within a span (a selection). One undo step.
    ReviewAll {
        /// Accept or reject.
        decision: Decision,
        /// Only this layer (`None`: all layers).
        layer: Option<Layer>,
        /// Only suggestions inside this span (`None`: the whole document).
        within: Option<ByteSpan>,
    },
    /// Create a manual, accepted annotation on a span, with the layer's default
    /// attributes (an actor's entity is its text; a date's value is worked out where
    /// the date extractor can; a claim quoted in the text is direct).
    Create {
        /// Where (snap the selection first).
        span: ByteSpan,
        /// Which layer.
        layer: Layer,
        /// Which kind (`None`: the layer's likely kind); a kind of another layer
        /// decides the layer.
        kind: Option<Kind>,
    },
    /// Remove an annotation altogether.
    Delete(AnnotationId),
    /// Move an annotation to another layer; attributes are converted (an actor's
    /// entity defaults to its text, a date's value is worked out where possible).
    SetLayer {
        /// Which annotation.
        id: AnnotationId,
        /// The new layer.
        layer: Layer,
    },
    /// Change the kind; a kind of another layer also changes the layer.
    SetKind {
        /// Which annotation.
        id: AnnotationId,
        /// The new kind.
        kind: Kind,
    },
    /// Move the start or end by one character or word (Shift/Alt + arrows).
    MoveBoundary {
        /// Which annotation.
        id: AnnotationId,
        /// Which end.
        side: Side,
        /// By a character or a word.
        step: Step,
        /// Which way.
        direction: Direction,
    },
    /// Give an annotation a new span.
    SetSpan {
        /// Which annotation.
        id: AnnotationId,
        /// The new span.
        span: ByteSpan,
    },
    /// Set a date's TimeML value (validated; `None` or blank clears it).
    SetDateValue {
        /// Which date.
        id: AnnotationId,
        /// The value as typed.
        value: Option<String>,
    },
    /// Set one actor mention's entity (the other mentions keep theirs).
    SetEntity {
        /// Which mention.
        id: AnnotationId,
        /// The entity name (an existing one moves the mention to it).
        entity: String,
    },
    /// Rename an entity on every mention (and on claims whose source it is).
    RenameEntity {
        /// The current name.
        from: String,
        /// The new name.
        to: String,
    },
    /// Merge one entity into another: its mentions take the other's name and kind.
    MergeEntity {
        /// The entity that disappears.
        from: String,
        /// The entity that stays.
        into: String,
    },
    /// Split one mention off its entity into a new entity.
    SplitMention {
        /// Which mention.
        id: AnnotationId,
        /// The new entity's name (`None`: the mention's text, made unique).
        entity: Option<String>,
    },
    /// Set or clear a claim's source.
    SetSource {
        /// Which claim.
        id: AnnotationId,
        /// The source (`None` clears it).
        source: Option<Pick>,
    },
    /// Set or clear a claim's cue.
    SetCue {
        /// Which claim.
        id: AnnotationId,
        /// The cue (`None` clears it).
        cue: Option<Pick>,
    },
    /// Add a piece of content to a claim (a quote split by its attribution); the
    /// claim's span grows to cover all its pieces.
    AddFragment {
        /// Which claim.
        id: AnnotationId,
        /// The new piece (snap the selection first); it may not overlap another.
        span: ByteSpan,
    },
    /// Remove one piece of a claim's content (never the last one).
    RemoveFragment {
        /// Which claim.
        id: AnnotationId,
        /// Which piece, from 0 in text order (see [`fragments::pieces`]).
        index: usize,
    },
    /// Move a boundary of one piece of a claim's content by a character or a word.
    MoveFragment {
        /// Which claim.
        id: AnnotationId,
        /// Which piece, from 0 in text order.
        index: usize,
        /// Which end.
        side: Side,
        /// By a character or a word.
        step: Step,
        /// Which way.
        direction: Direction,
    },
    /// Set or clear a claim's stance.
    SetStance {
        /// Which claim.
        id: AnnotationId,
        /// The stance (`None` clears it).
        stance: Option<Stance>,
    },
    /// Several edits as one undo step, applied in order; all or nothing.
    Batch(Vec<Edit>),
}

/// Why an edit cannot be made. Messages say what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// The id names no annotation.
    #[error("there is no annotation #{0} (it may have been deleted or undone): focus another one")]
    UnknownAnnotation(u32),
    /// The edit needs another layer.
    #[error(
        "annotation #{id} is on the {found} layer; this edit needs one on the {expected} layer"
    )]
    WrongLayer {
        /// The annotation.
        id: u32,
        /// The layer the edit needs.
        expected: &'static str,
        /// Its layer.
        found: &'static str,
    },
    /// The span ends past the text.
    #[error("the span {start}..{end} ends past the end of the text ({len} bytes)")]
    SpanPastEnd {
        /// Start byte.
        start: usize,
        /// End byte.
        end: usize,
        /// Text length.
        len: usize,
    },
    /// A span edge splits a character or a cluster.
    #[error(
        "offset {0} falls inside a character (an accented letter, an emoji or a flag): \
         snap the selection first"
    )]
    SplitsCharacter(usize),
    /// Nothing to annotate.
    #[error("the span is empty or only white space: select some text first")]
    EmptySpan,
    /// A date value that TimeML does not allow.
    #[error(transparent)]
    InvalidValue(#[from] TimexError),
    /// An entity needs a name.
    #[error("an entity name cannot be empty: type a name")]
    EmptyEntity,
    /// No actor has this entity.
    #[error("no actor mention has the entity `{0}`: check the name in the actors panel")]
    UnknownEntity(String),
    /// Merging an entity into itself.
    #[error("`{0}` cannot be merged into itself: pick another entity")]
    SameEntity(String),
    /// A split would reuse an existing entity.
    #[error(
        "an entity called `{0}` exists already: set the mention's entity to move it there, \
         or pick a new name"
    )]
    EntityExists(String),
    /// The same layer already covers the span.
    #[error("annotation #{id} already marks this span on the {layer} layer")]
    Duplicate {
        /// The existing annotation.
        id: u32,
        /// Its layer.
        layer: &'static str,
    },
    /// A boundary cannot move further.
    #[error("the {side} of annotation #{id} cannot move: {reason}")]
    CannotMove {
        /// The annotation.
        id: u32,
        /// `start` or `end`.
        side: &'static str,
        /// Why.
        reason: &'static str,
    },
    /// Two pieces of a claim's content would overlap.
    #[error(
        "fragments {first} and {next} of claim #{id} would overlap: move a boundary or \
         pick text outside the claim's other fragments",
        next = first + 1
    )]
    FragmentsOverlap {
        /// The claim.
        id: u32,
        /// The first of the two pieces, from 1.
        first: usize,
    },
    /// Removing the only piece of a claim's content.
    #[error("claim #{0} has one piece of content left: delete the claim instead")]
    LastFragment(u32),
    /// No piece with this number.
    #[error(
        "claim #{id} has {count} fragment(s), not a fragment {index}: focus another with [ or ]"
    )]
    NoFragment {
        /// The claim.
        id: u32,
        /// The piece asked for, from 1.
        index: usize,
        /// How many it has.
        count: usize,
    },
    /// Ids are exhausted (a document with four billion annotations).
    #[error("the document has run out of annotation ids: export it and start a new one")]
    OutOfIds,
    /// One edit of a batch failed; none was applied.
    #[error("step {} of the batch: {source} (nothing was changed)", index + 1)]
    InBatch {
        /// Position in the batch, from 0.
        index: usize,
        /// What went wrong there.
        source: Box<EditError>,
    },
    /// The computed patch did not fit (only when the document changed meanwhile).
    #[error(transparent)]
    Patch(#[from] PatchError),
}

/// Works out what `edit` would change in `doc`, without changing it.
///
/// The returned [`Patch`] is applied with [`Patch::apply_to`] (or through a
/// [`History`], which also records it). An edit that changes nothing (accepting an
/// accepted annotation) gives an empty patch.
///
/// # Errors
/// [`EditError`] when the edit names an unknown annotation, a span that does not fit
/// the text, an invalid TimeML value, an empty name, and the like. Never panics.
///
/// # Example
/// ```
/// use claimlens_core::edit::{apply, Edit, EditError};
/// use claimlens_core::model::{AnnotationId, Document};
/// let doc = Document::new("d", "text", None);
/// let err = apply(&doc, &Edit::Accept(AnnotationId(7))).unwrap_err();
/// assert_eq!(err, EditError::UnknownAnnotation(7));
/// ```
pub fn apply(doc: &Document, edit: &Edit) -> Result<Patch, EditError> {
    let mut draft = Draft::new(doc);
    match edit {
        Edit::Accept(id) => ops::decide(&mut draft, *id, Decision::Accept)?,
        Edit::Reject(id) => ops::decide(&mut draft, *id, Decision::Reject)?,
        Edit::ReviewAll {
            decision,
            layer,
            within,
        } => ops::review_all(&mut draft, *decision, *layer, *within),
        Edit::Create { span, layer, kind } => ops::create(&mut draft, *span, *layer, *kind)?,
        Edit::Delete(id) => ops::delete(&mut draft, *id)?,
        Edit::SetLayer { id, layer } => ops::set_layer(&mut draft, *id, *layer)?,
        Edit::SetKind { id, kind } => ops::set_kind(&mut draft, *id, *kind)?,
        Edit::MoveBoundary {
            id,
            side,
            step,
            direction,
        } => ops::move_boundary(&mut draft, *id, *side, *step, *direction)?,
        Edit::SetSpan { id, span } => ops::set_span(&mut draft, *id, *span)?,
        Edit::SetDateValue { id, value } => ops::set_value(&mut draft, *id, value.as_deref())?,
        Edit::SetEntity { id, entity } => entities::set(&mut draft, *id, entity)?,
        Edit::RenameEntity { from, to } => entities::rename(&mut draft, from, to)?,
        Edit::MergeEntity { from, into } => entities::merge(&mut draft, from, into)?,
        Edit::SplitMention { id, entity } => entities::split(&mut draft, *id, entity.as_deref())?,
        Edit::SetSource { id, source } => ops::set_source(&mut draft, *id, *source)?,
        Edit::SetCue { id, cue } => ops::set_cue(&mut draft, *id, *cue)?,
        Edit::SetStance { id, stance } => ops::set_stance(&mut draft, *id, *stance)?,
        Edit::AddFragment { id, span } => fragments::add(&mut draft, *id, *span)?,
        Edit::RemoveFragment { id, index } => fragments::remove(&mut draft, *id, *index)?,
        Edit::MoveFragment {
            id,
            index,
            side,
            step,
            direction,
        } => fragments::move_boundary(&mut draft, *id, *index, *side, *step, *direction)?,
        Edit::Batch(edits) => return batch(doc, edits),
    }
    Ok(draft.finish())
}

/// Applies `edit` to a copy of `doc` and returns the new document: the
/// `apply(document, edit) -> document` form, for callers that keep documents
/// immutable.
///
/// # Errors
/// As [`apply`].
pub fn applied(doc: &Document, edit: &Edit) -> Result<Document, EditError> {
    let patch = apply(doc, edit)?;
    let mut out = doc.clone();
    patch.apply_to(&mut out)?;
    Ok(out)
}

/// Applies the edits of a batch one after another on a scratch copy, then folds their
/// patches into one.
fn batch(doc: &Document, edits: &[Edit]) -> Result<Patch, EditError> {
    let mut scratch: Option<Document> = None;
    let mut changes: Vec<Change> = Vec::new();
    let mut index: HashMap<AnnotationId, usize> = HashMap::new();
    let first_id = doc.next_id;
    for (i, edit) in edits.iter().enumerate() {
        let current = scratch.as_ref().unwrap_or(doc);
        let wrap = |e: EditError| EditError::InBatch {
            index: i,
            source: Box::new(e),
        };
        let patch = apply(current, edit).map_err(wrap)?;
        if patch.is_empty() {
            continue;
        }
        let work = scratch.get_or_insert_with(|| doc.clone());
        patch
            .apply_to(work)
            .map_err(|e| wrap(EditError::Patch(e)))?;
        for c in patch.changes() {
            match index.get(&c.id) {
                Some(&at) => changes[at].after.clone_from(&c.after),
                None => {
                    index.insert(c.id, changes.len());
                    changes.push(c.clone());
                }
            }
        }
    }
    changes.retain(|c| c.before != c.after);
    let last_id = scratch.as_ref().map_or(first_id, |d| d.next_id);
    Ok(Patch::new(changes, (first_id, last_id)))
}

/// The changes an edit is making, read against the document as it was plus the
/// changes so far.
pub(crate) struct Draft<'d> {
    doc: &'d Document,
    changes: Vec<Change>,
    index: HashMap<AnnotationId, usize>,
    next_id: u32,
}

impl<'d> Draft<'d> {
    fn new(doc: &'d Document) -> Self {
        Draft {
            doc,
            changes: Vec::new(),
            index: HashMap::new(),
            next_id: doc.next_id,
        }
    }

    /// The document's text.
    pub(crate) fn text(&self) -> &'d str {
        &self.doc.text
    }

    /// The document as it was before this edit.
    pub(crate) fn doc(&self) -> &'d Document {
        self.doc
    }

    /// The annotation as this edit currently sees it.
    pub(crate) fn get(&self, id: AnnotationId) -> Result<Annotation, EditError> {
        match self.index.get(&id) {
            Some(&i) => self.changes[i].after.clone(),
            None => self.doc.get(id).cloned(),
        }
        .ok_or(EditError::UnknownAnnotation(id.0))
    }

    /// Records `after` as the new state of its annotation.
    pub(crate) fn put(&mut self, after: Annotation) {
        self.record(after.id, Some(after));
    }

    /// Records `after` as the new state of `before`, an annotation read from
    /// [`Draft::doc`] (saves looking it up again in bulk edits).
    pub(crate) fn replace(&mut self, before: &Annotation, after: Annotation) {
        if self.index.contains_key(&before.id) {
            self.put(after);
        } else {
            self.index.insert(before.id, self.changes.len());
            self.changes.push(Change {
                id: before.id,
                before: Some(before.clone()),
                after: Some(after),
            });
        }
    }

    /// Records the deletion of an annotation.
    pub(crate) fn remove(&mut self, id: AnnotationId) {
        self.record(id, None);
    }

    /// Adds a new annotation with a fresh id.
    pub(crate) fn create(
        &mut self,
        span: ByteSpan,
        attrs: Attrs,
        origin: Origin,
        status: Status,
    ) -> Result<AnnotationId, EditError> {
        // A hand-built document may hand out an id in use: skip it.
        while self.doc.get(AnnotationId(self.next_id)).is_some()
            || self.index.contains_key(&AnnotationId(self.next_id))
        {
            self.next_id = self.next_id.checked_add(1).ok_or(EditError::OutOfIds)?;
        }
        let id = AnnotationId(self.next_id);
        self.next_id = self.next_id.checked_add(1).ok_or(EditError::OutOfIds)?;
        self.put(Annotation {
            id,
            span,
            attrs,
            origin,
            status,
        });
        Ok(id)
    }

    fn record(&mut self, id: AnnotationId, after: Option<Annotation>) {
        match self.index.get(&id) {
            Some(&i) => self.changes[i].after = after,
            None => {
                let before = self.doc.get(id).cloned();
                self.index.insert(id, self.changes.len());
                self.changes.push(Change { id, before, after });
            }
        }
    }

    fn finish(mut self) -> Patch {
        self.changes.retain(|c| c.before != c.after);
        Patch::new(self.changes, (self.doc.next_id, self.next_id))
    }
}

#[cfg(test)]
mod tests;

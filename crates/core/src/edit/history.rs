//! Undo and redo: two stacks of patches. A new edit clears the redo stack; a batch or
//! a bulk review is one patch, hence one step. The history serialises with serde
//! (offsets in bytes of the document text) so that it survives a reload next to its
//! document.
//!
//! Steps are shared (`Arc`), so copying a history (an editor keeps the old one until
//! the new state is committed) costs a pointer per step, not a copy of every
//! annotation a step remembers.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::Document;

use super::{apply, Edit, EditError, Patch, PatchError};

/// How many steps a history keeps before dropping the oldest.
pub const DEFAULT_LIMIT: usize = 10_000;

/// The undo and redo stacks of one document.
///
/// # Example
/// ```
/// use claimlens_core::edit::{Edit, History};
/// use claimlens_core::model::{Document, Layer};
/// use claimlens_core::text::ByteSpan;
///
/// let mut doc = Document::new("d", "Baku said no.", None);
/// let mut history = History::new();
/// let span = ByteSpan::from_raw(0, 4).unwrap();
/// history.apply(&mut doc, &Edit::Create { span, layer: Layer::Actor, kind: None }).unwrap();
/// assert!(history.can_undo() && !history.can_redo());
///
/// // Store it beside the document, read it back after a reload.
/// let json = serde_json::to_string(&history).unwrap();
/// let mut restored: History = serde_json::from_str(&json).unwrap();
/// restored.undo(&mut doc).unwrap();
/// assert!(doc.annotations.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    #[serde(default, with = "shared")]
    undo: Vec<Arc<Patch>>,
    #[serde(default, with = "shared")]
    redo: Vec<Arc<Patch>>,
    #[serde(default = "default_limit")]
    limit: usize,
}

fn default_limit() -> usize {
    DEFAULT_LIMIT
}

/// Shared steps stored as plain patches (the stored form does not change).
mod shared {
    use super::*;

    pub(super) fn serialize<S: Serializer>(steps: &[Arc<Patch>], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(steps.iter().map(|p| &**p))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<Arc<Patch>>, D::Error> {
        Ok(Vec::<Patch>::deserialize(d)?
            .into_iter()
            .map(Arc::new)
            .collect())
    }
}

impl Default for History {
    fn default() -> Self {
        History::new()
    }
}

impl History {
    /// An empty history keeping up to [`DEFAULT_LIMIT`] steps.
    pub fn new() -> Self {
        History::with_limit(DEFAULT_LIMIT)
    }

    /// An empty history keeping up to `limit` steps (at least one).
    pub fn with_limit(limit: usize) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Applies `edit` to `doc` and records it as one step. Returns the patch applied
    /// (use [`Patch::touched`] to re-render and [`Patch::focus`] to move the focus).
    /// An edit that changes nothing is not recorded and leaves the redo stack alone.
    ///
    /// # Errors
    /// As [`apply`]; `doc` and the history are then unchanged.
    pub fn apply(&mut self, doc: &mut Document, edit: &Edit) -> Result<Patch, EditError> {
        let patch = apply(doc, edit)?;
        self.record(doc, patch.clone())?;
        Ok(patch)
    }

    /// Applies a patch computed elsewhere (by [`apply`]) and records it.
    ///
    /// # Errors
    /// [`PatchError`] when the patch does not fit `doc`; nothing changes then.
    pub fn record(&mut self, doc: &mut Document, patch: Patch) -> Result<(), PatchError> {
        if patch.is_empty() {
            return Ok(());
        }
        patch.apply_to(doc)?;
        self.undo.push(Arc::new(patch));
        self.redo.clear();
        if self.undo.len() > self.limit {
            let excess = self.undo.len() - self.limit;
            self.undo.drain(..excess);
        }
        Ok(())
    }

    /// Undoes the last step; returns the patch applied to `doc` (the inverse of the
    /// step), or `None` when there is nothing to undo.
    ///
    /// # Errors
    /// [`PatchError`] when the document no longer matches the step; the step stays on
    /// the stack and `doc` is unchanged.
    pub fn undo(&mut self, doc: &mut Document) -> Result<Option<Patch>, PatchError> {
        let Some(step) = self.undo.pop() else {
            return Ok(None);
        };
        let inverse = step.inverse();
        if let Err(e) = inverse.apply_to(doc) {
            self.undo.push(step);
            return Err(e);
        }
        self.redo.push(step);
        Ok(Some(inverse))
    }

    /// Redoes the last undone step; returns the patch applied, or `None` when there is
    /// nothing to redo.
    ///
    /// # Errors
    /// As [`History::undo`].
    pub fn redo(&mut self, doc: &mut Document) -> Result<Option<Patch>, PatchError> {
        let Some(step) = self.redo.pop() else {
            return Ok(None);
        };
        if let Err(e) = step.apply_to(doc) {
            self.redo.push(step);
            return Err(e);
        }
        let applied = (*step).clone();
        self.undo.push(step);
        Ok(Some(applied))
    }

    /// True when there is a step to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many steps can be undone.
    pub fn len(&self) -> usize {
        self.undo.len()
    }

    /// True when nothing can be undone.
    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }

    /// How many steps can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Forgets every step (e.g. after the text itself changed).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

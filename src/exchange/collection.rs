//! The documents the exchange panel holds (imported files and added articles), the
//! notices of the last import, and the batch in progress. A reducer over pure core
//! functions, so every transition is tested natively.
//!
//! An import is all or nothing: a refused file sets [`Collection::problem`] and
//! leaves the documents exactly as they were.

use std::rc::Rc;

use claimlens_core::model::Document;
use yew::Reducible;

/// How many documents the list shows; the rest are counted, so a batch of hundreds
/// re-renders cheaply on every progress message.
pub const LISTED: usize = 50;

/// A batch of automatic annotation running (or just ended) in the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchProgress {
    /// The batch's number, so late messages of an older batch are ignored.
    pub batch: u32,
    /// Documents annotated (or failed) so far.
    pub done: usize,
    /// Documents in the batch.
    pub total: usize,
    /// Documents the engine refused.
    pub failed: usize,
    /// True until the worker says the batch is over.
    pub running: bool,
    /// True when the batch ended before its last document.
    pub cancelled: bool,
}

/// The panel's state.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Collection {
    /// Documents, in the order they came.
    pub documents: Vec<Rc<Document>>,
    /// What the last import changed or skipped (unit conversions, skipped lines).
    pub notices: Vec<String>,
    /// Why the last import or batch could not be done.
    pub problem: Option<String>,
    /// The current or last batch.
    pub batch: Option<BatchProgress>,
}

/// What changes the collection.
#[derive(Debug, Clone, PartialEq)]
pub enum CollectionAction {
    /// Documents read from files, with the notices of their import. A document whose
    /// id is already held replaces it.
    Add {
        /// The documents.
        documents: Vec<Document>,
        /// What the import did, for the user.
        notices: Vec<String>,
    },
    /// An import was refused; nothing changes but the message.
    Refuse(String),
    /// A batch of `total` documents went to the worker.
    BatchStarted {
        /// The batch's number.
        batch: u32,
        /// How many documents.
        total: usize,
    },
    /// The worker annotated one document (`done` of them so far).
    BatchDocument {
        /// The batch's number.
        batch: u32,
        /// Documents finished.
        done: usize,
        /// The annotated document, replacing the one with its id.
        document: Document,
    },
    /// The worker could not annotate one document.
    BatchFailed {
        /// The batch's number.
        batch: u32,
        /// Documents finished.
        done: usize,
        /// Why, with the document's id.
        message: String,
    },
    /// The worker ended the batch.
    BatchFinished {
        /// The batch's number.
        batch: u32,
        /// Documents finished.
        done: usize,
        /// True when cancelled before the end.
        cancelled: bool,
    },
}

impl Reducible for Collection {
    type Action = CollectionAction;

    fn reduce(self: Rc<Self>, action: CollectionAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CollectionAction::Add { documents, notices } => {
                for doc in documents {
                    next.put(doc);
                }
                next.notices = notices;
                next.problem = None;
            }
            CollectionAction::Refuse(problem) => {
                next.notices.clear();
                next.problem = Some(problem);
            }
            CollectionAction::BatchStarted { batch, total } => {
                next.problem = None;
                next.batch = Some(BatchProgress {
                    batch,
                    done: 0,
                    total,
                    failed: 0,
                    running: true,
                    cancelled: false,
                });
            }
            CollectionAction::BatchDocument {
                batch,
                done,
                document,
            } => {
                if !next.advance(batch, done) {
                    return self;
                }
                next.put(document);
            }
            CollectionAction::BatchFailed {
                batch,
                done,
                message,
            } => {
                if !next.advance(batch, done) {
                    return self;
                }
                if let Some(p) = next.batch.as_mut() {
                    p.failed += 1;
                }
                next.problem = Some(message);
            }
            CollectionAction::BatchFinished {
                batch,
                done,
                cancelled,
            } => {
                if !next.advance(batch, done) {
                    return self;
                }
                if let Some(p) = next.batch.as_mut() {
                    p.running = false;
                    p.cancelled = cancelled;
                }
            }
        }
        Rc::new(next)
    }
}

impl Collection {
    /// The documents a batch annotates: those without any annotation yet, so a batch
    /// never overwrites a decision or an imported annotation.
    pub fn to_annotate(&self) -> Vec<Rc<Document>> {
        self.documents
            .iter()
            .filter(|d| d.annotations.is_empty())
            .cloned()
            .collect()
    }

    /// True while a batch runs.
    pub fn batch_running(&self) -> bool {
        self.batch.is_some_and(|b| b.running)
    }

    fn put(&mut self, doc: Document) {
        match self.documents.iter_mut().find(|d| d.id == doc.id) {
            Some(held) => *held = Rc::new(doc),
            None => self.documents.push(Rc::new(doc)),
        }
    }

    /// Moves the current batch to `done`; false for a message of another batch.
    fn advance(&mut self, batch: u32, done: usize) -> bool {
        match self.batch.as_mut() {
            Some(p) if p.batch == batch => {
                p.done = done.min(p.total);
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document::new(id, text, None)
    }

    fn run(state: &Rc<Collection>, action: CollectionAction) -> Rc<Collection> {
        state.clone().reduce(action)
    }

    fn with_two() -> Rc<Collection> {
        run(
            &Rc::new(Collection::default()),
            CollectionAction::Add {
                documents: vec![doc("a", "Baku said no."), doc("b", "Yerevan denied it.")],
                notices: vec!["offsets were UTF-16, converted".into()],
            },
        )
    }

    #[test]
    fn a_refused_import_changes_nothing_but_the_message() {
        let before = with_two();
        let after = run(
            &before,
            CollectionAction::Refuse("bad.json: not JSON".into()),
        );
        assert_eq!(after.documents, before.documents);
        assert_eq!(after.problem.as_deref(), Some("bad.json: not JSON"));
    }

    #[test]
    fn a_batch_replaces_documents_by_id_and_counts() {
        let s = run(
            &with_two(),
            CollectionAction::BatchStarted { batch: 1, total: 2 },
        );
        assert_eq!(s.to_annotate().len(), 2);
        let annotated = claimlens_core::annotate("a", "Baku said no.", None);
        let s = run(
            &s,
            CollectionAction::BatchDocument {
                batch: 1,
                done: 1,
                document: annotated.clone(),
            },
        );
        assert_eq!(s.documents.len(), 2);
        assert_eq!(*s.documents[0], annotated);
        assert_eq!(s.batch.map(|b| (b.done, b.running)), Some((1, true)));
        let s = run(
            &s,
            CollectionAction::BatchFinished {
                batch: 1,
                done: 1,
                cancelled: true,
            },
        );
        let b = s.batch.expect("batch");
        assert!(!b.running && b.cancelled);
    }

    #[test]
    fn messages_of_an_older_batch_are_ignored() {
        let s = run(
            &with_two(),
            CollectionAction::BatchStarted { batch: 2, total: 2 },
        );
        let after = run(
            &s,
            CollectionAction::BatchDocument {
                batch: 1,
                done: 1,
                document: doc("c", "x"),
            },
        );
        assert!(Rc::ptr_eq(&s, &after));
    }
}

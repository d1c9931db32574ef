//! What the exchange panel reports: the notices of the last import, its problem, and
//! the progress of a batch of automatic annotation. The documents themselves live in
//! the library (`crate::workspace`): imports add to it and batches annotate it. A
//! reducer, so every transition is tested natively.
//!
//! An import is all or nothing: a refused file sets [`Collection::problem`] and adds
//! nothing to the library.

use std::rc::Rc;

use yew::Reducible;

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
    /// Files were read and their documents went to the library.
    Imported {
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
            CollectionAction::Imported { notices } => {
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
            CollectionAction::BatchDocument { batch, done } => {
                if !next.advance(batch, done) {
                    return self;
                }
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
    /// True while a batch runs.
    pub fn batch_running(&self) -> bool {
        self.batch.is_some_and(|b| b.running)
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

    fn run(state: &Rc<Collection>, action: CollectionAction) -> Rc<Collection> {
        state.clone().reduce(action)
    }

    #[test]
    fn a_refused_import_changes_nothing_but_the_message() {
        let before = run(
            &Rc::new(Collection::default()),
            CollectionAction::Imported {
                notices: vec!["offsets were UTF-16, converted".into()],
            },
        );
        let after = run(
            &before,
            CollectionAction::Refuse("bad.json: not JSON".into()),
        );
        assert!(after.notices.is_empty());
        assert_eq!(after.problem.as_deref(), Some("bad.json: not JSON"));
    }

    #[test]
    fn a_batch_counts_and_ends() {
        let s = run(
            &Rc::new(Collection::default()),
            CollectionAction::BatchStarted { batch: 1, total: 2 },
        );
        let s = run(&s, CollectionAction::BatchDocument { batch: 1, done: 1 });
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
            &Rc::new(Collection::default()),
            CollectionAction::BatchStarted { batch: 2, total: 2 },
        );
        let after = run(&s, CollectionAction::BatchDocument { batch: 1, done: 1 });
        assert!(Rc::ptr_eq(&s, &after));
    }
}

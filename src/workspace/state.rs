//! The workspace state: the document library, which document is open, the import
//! report, undoable deletions and clean-ups, and what the storage layer said. The
//! reducer only calls pure core functions (`library`, `ingest`, `cleanup`, `redate`,
//! `annotate`), so every transition is tested natively; time stamps come in with the
//! actions.

use std::collections::BTreeMap;
use std::rc::Rc;

use claimlens_core::cleanup::{self, Removal};
use claimlens_core::edit::History;
use claimlens_core::ingest::limit::check_length;
use claimlens_core::ingest::{ingest, Level};
use claimlens_core::library::{DocStatus, Entry, Library, Stamp};
use claimlens_core::model::Document;
use yew::Reducible;

use crate::state::read_dct;

/// One file picked or dropped: its name and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickedFile {
    /// The file name (its extension decides how it is read).
    pub name: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// A document as it was before a batch changed it, with its undo history.
pub type Before = (Document, Option<Rc<History>>);

/// What the storage layer last reported.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StorageReport {
    /// Why the last write failed; `None` once a write succeeds again.
    pub failure: Option<String>,
    /// A document another tab changed: its id and the message to show.
    pub conflict: Option<(String, String)>,
    /// Bytes used and available, from `navigator.storage.estimate()`.
    pub usage: Option<(f64, f64)>,
    /// Whether the browser granted persistent storage.
    pub persisted: Option<bool>,
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: bool,
}

/// Everything the library sidebar and the document bar show.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct WorkspaceState {
    /// The documents and the trash.
    pub library: Rc<Library>,
    /// The open document's id.
    pub current: Option<String>,
    /// The search box's text.
    pub query: String,
    /// What the last import did (info lines).
    pub notices: Vec<String>,
    /// What went wrong in the last action (bad files, bad dates, refused changes).
    pub problems: Vec<String>,
    /// The last deleted document, offered for undo.
    pub deleted: Option<String>,
    /// Clean-up removals that can still be undone, per document id.
    pub cleanups: Rc<BTreeMap<String, Vec<Removal>>>,
    /// The editor's undo history per document id (kept while another is open).
    pub histories: Rc<BTreeMap<String, Rc<History>>>,
    /// True once stored documents were read (nothing is written before).
    pub loaded: bool,
    /// The storage layer's last word.
    pub storage: StorageReport,
    /// The documents the last batch changed, as they were before (with their undo
    /// histories), for "Undo the batch"; kept in memory for this visit.
    pub batch_undo: Rc<BTreeMap<String, Rc<Before>>>,
}

impl WorkspaceState {
    /// The open document's entry, if any.
    pub fn current_entry(&self) -> Option<&Entry> {
        self.current.as_deref().and_then(|id| self.library.get(id))
    }
}

/// What the user (or the storage layer) can do to the workspace.
#[derive(Debug, Clone, PartialEq)]
pub enum WorkspaceAction {
    /// Stored documents were read at start-up.
    Loaded {
        /// Every stored entry, live and trashed.
        entries: Vec<Entry>,
        /// Undoable clean-ups stored beside them.
        cleanups: Vec<(String, Vec<Removal>)>,
        /// Undo histories stored beside them.
        histories: Vec<(String, History)>,
        /// Records that could not be read, with why.
        problems: Vec<String>,
    },
    /// Add pasted text as a new document, annotate it and open it.
    CreateFromPaste {
        /// The text as pasted.
        text: String,
        /// `YYYY-MM-DD` or empty (inferred).
        dct: String,
        /// Now.
        now: Stamp,
    },
    /// Add a pasted article the batch worker annotated (`workspace::paste`), and open it.
    AddAnnotated {
        /// The annotated article.
        document: Document,
        /// Now.
        now: Stamp,
    },
    /// Documents read by the exchange panel (annotated exports of any format): added
    /// to the library, ids numbered where taken.
    AddDocuments {
        /// The documents.
        documents: Vec<Document>,
        /// What their import did, for the user.
        notices: Vec<String>,
        /// Now.
        now: Stamp,
    },
    /// A batch of automatic annotation starts: its results can be undone together.
    BatchStarted,
    /// Results of the batch worker: each lands in its library document by
    /// `library::merge_suggestions` (nothing a person made or decided is lost).
    BatchResults {
        /// The documents as the worker annotated them.
        documents: Vec<Document>,
        /// Now.
        now: Stamp,
    },
    /// Puts every document the last batch changed back as it was.
    UndoBatch {
        /// Now.
        now: Stamp,
    },
    /// Import files; a bad file is reported and adds nothing.
    Import {
        /// The files, in the order given.
        files: Vec<PickedFile>,
        /// Now.
        now: Stamp,
    },
    /// Open a document.
    Open(String),
    /// Rename a document.
    Rename {
        /// Which.
        id: String,
        /// The new title.
        title: String,
        /// Now.
        now: Stamp,
    },
    /// Set a document's status by hand.
    SetStatus {
        /// Which.
        id: String,
        /// The status.
        status: DocStatus,
        /// Now.
        now: Stamp,
    },
    /// Move a document to the trash.
    Delete {
        /// Which.
        id: String,
        /// Now.
        now: Stamp,
    },
    /// Bring a document back from the trash.
    Restore(String),
    /// Delete a document in the trash for good (its stored record goes too).
    Purge(String),
    /// Filter the list.
    Search(String),
    /// Change a document's creation date; date values follow it.
    SetDct {
        /// Which.
        id: String,
        /// `YYYY-MM-DD`, or empty for none.
        dct: String,
        /// Now.
        now: Stamp,
    },
    /// Run the automatic annotator over a document.
    Suggest {
        /// Which.
        id: String,
        /// Now.
        now: Stamp,
    },
    /// Remove the ticked page furniture from an unannotated document.
    Clean {
        /// Which.
        id: String,
        /// The removals to apply (from `cleanup::find` on its text).
        removals: Vec<Removal>,
        /// Now.
        now: Stamp,
    },
    /// Put the removed furniture back.
    UndoClean {
        /// Which.
        id: String,
        /// Now.
        now: Stamp,
    },
    /// The editor changed the open document (or only its undo history).
    DocumentEdited {
        /// Which document.
        id: String,
        /// The document after the edit; `None` when only the history changed (the
        /// provider knows which without comparing whole documents).
        document: Option<Document>,
        /// The editor's history after the edit.
        history: Rc<History>,
        /// Now.
        now: Stamp,
    },
    /// Another tab wrote this entry: take its version.
    Replace(Entry),
    /// Keep this tab's version of a conflicting document as a new document.
    KeepCopy {
        /// Which.
        id: String,
        /// Now.
        now: Stamp,
    },
    /// Hide the import report and problems.
    Dismiss,
    /// A write failed (`Some`) or succeeded again (`None`).
    WriteFailed(Option<String>),
    /// Another tab changed a document this tab also changed.
    Conflict {
        /// Which.
        id: String,
        /// What to tell the user.
        message: String,
    },
    /// Storage usage and quota in bytes.
    Usage(f64, f64),
    /// Whether persistent storage was granted.
    Persisted(bool),
    /// A new version of the app is ready.
    UpdateReady,
}

impl Reducible for WorkspaceState {
    type Action = WorkspaceAction;

    fn reduce(self: Rc<Self>, action: WorkspaceAction) -> Rc<Self> {
        let mut s = (*self).clone();
        apply(&mut s, action);
        Rc::new(s)
    }
}

/// Applies one action (the reducer's body, on a copy of the state).
fn apply(s: &mut WorkspaceState, action: WorkspaceAction) {
    use WorkspaceAction as A;
    match action {
        A::Loaded {
            entries,
            cleanups,
            histories,
            problems,
        } => {
            // Anything made before the store answered is kept beside what was stored.
            let fresh = all_entries(&s.library);
            let (library, _renumbered) = Library::from_entries(entries.into_iter().chain(fresh));
            s.current = s.current.take().or_else(|| {
                library
                    .entries()
                    .iter()
                    .max_by_key(|e| e.modified())
                    .map(|e| e.id().to_string())
            });
            s.library = Rc::new(library);
            s.cleanups = Rc::new(cleanups.into_iter().collect());
            s.histories = Rc::new(
                histories
                    .into_iter()
                    .map(|(id, h)| (id, Rc::new(h)))
                    .collect(),
            );
            s.problems = problems;
            s.loaded = true;
        }
        A::CreateFromPaste { text, dct, now } => {
            s.problems.clear();
            if text.trim().is_empty() {
                s.problems
                    .push("Paste an article into the text box first.".into());
                return;
            }
            if let Err(too_long) = check_length(text.len()) {
                return s.problems.push(format!("Not added: {too_long}."));
            }
            let dct = match read_dct(&dct) {
                Ok(d) => d,
                Err(p) => return s.problems.push(p),
            };
            // Pasted articles keep the app's pasted id (numbered when taken), so
            // exports are named as before the library existed.
            let doc = claimlens_core::annotate(crate::state::PASTED_ID, &text, dct);
            add_pasted(s, doc, now);
        }
        A::AddAnnotated { document, now } => {
            s.problems.clear();
            add_pasted(s, document, now);
        }
        A::Import { files, now } => import(s, files, now),
        A::AddDocuments {
            documents,
            notices,
            now,
        } => {
            s.problems.clear();
            let lib = Rc::make_mut(&mut s.library);
            let added = documents
                .into_iter()
                .map(|d| {
                    let title = claimlens_core::library::title_from_text(&d.text);
                    let title = if d.id.trim().is_empty() {
                        title
                    } else {
                        d.id.clone()
                    };
                    lib.add_document(d, &title, now)
                })
                .count();
            s.notices = notices;
            s.notices.push(format!(
                "Added {added} document{} to the library.",
                if added == 1 { "" } else { "s" }
            ));
        }
        A::BatchStarted => s.batch_undo = Rc::default(),
        A::BatchResults { documents, now } => batch_results(s, documents, now),
        A::UndoBatch { now } => {
            let undo = std::mem::take(&mut s.batch_undo);
            for (id, before) in undo.iter() {
                let (doc, history) = &**before;
                let r = Rc::make_mut(&mut s.library).update_document(id, doc.clone(), now);
                if r.is_ok() {
                    let histories = Rc::make_mut(&mut s.histories);
                    match history {
                        Some(h) => histories.insert(id.clone(), h.clone()),
                        None => histories.remove(id),
                    };
                }
            }
        }
        A::Open(id) => {
            if s.library.get(&id).is_some() {
                s.current = Some(id);
            }
        }
        A::Rename { id, title, now } => {
            let r = Rc::make_mut(&mut s.library).rename(&id, &title, now);
            note(&mut s.problems, r);
        }
        A::SetStatus { id, status, now } => {
            let r = Rc::make_mut(&mut s.library).set_status(&id, status, now);
            note(&mut s.problems, r);
        }
        A::Delete { id, now } => {
            let r = Rc::make_mut(&mut s.library).delete(&id, now);
            if r.is_ok() {
                s.deleted = Some(id.clone());
                if s.current.as_deref() == Some(id.as_str()) {
                    s.current = None;
                }
            }
            note(&mut s.problems, r);
        }
        A::Restore(id) => {
            let r = Rc::make_mut(&mut s.library).restore(&id);
            if r.is_ok() {
                s.deleted = None;
                s.current = Some(id);
            }
            note(&mut s.problems, r);
        }
        A::Purge(id) => {
            let r = Rc::make_mut(&mut s.library).purge(&id);
            if r.is_ok() {
                forget_history(s, &id);
                if s.cleanups.contains_key(&id) {
                    Rc::make_mut(&mut s.cleanups).remove(&id);
                }
                if s.deleted.as_deref() == Some(id.as_str()) {
                    s.deleted = None;
                }
            }
            note(&mut s.problems, r);
        }
        A::Search(q) => s.query = q,
        A::SetDct { id, dct, now } => {
            let Some(e) = s.library.get(&id) else { return };
            match read_dct(&dct) {
                Ok(d) => {
                    let doc = claimlens_core::redate::redate(e.document(), d);
                    let r = Rc::make_mut(&mut s.library).update_document(&id, doc, now);
                    forget_history(s, &id);
                    note(&mut s.problems, r);
                }
                Err(p) => s.problems.push(p),
            }
        }
        A::Suggest { id, now } => {
            let Some(e) = s.library.get(&id) else { return };
            let mut doc = Document::new(e.id(), e.text(), e.dct());
            claimlens_core::annotate::suggest(&mut doc);
            let r = Rc::make_mut(&mut s.library).update_document(&id, doc, now);
            // Offsets now refer to the cleaned text for good.
            Rc::make_mut(&mut s.cleanups).remove(&id);
            forget_history(s, &id);
            note(&mut s.problems, r);
        }
        A::Clean { id, removals, now } => clean(s, &id, removals, now),
        A::UndoClean { id, now } => {
            let Some(e) = s.library.get(&id) else { return };
            let Some(removals) = s.cleanups.get(&id) else {
                return;
            };
            if !e.document().annotations.is_empty() {
                return s.problems.push(
                    cleanup::CleanupError::Annotated(e.document().annotations.len()).to_string(),
                );
            }
            match cleanup::restore(e.text(), removals) {
                Ok(text) => {
                    let doc = Document::new(e.id(), text, e.dct());
                    let r = Rc::make_mut(&mut s.library).update_document(&id, doc, now);
                    Rc::make_mut(&mut s.cleanups).remove(&id);
                    note(&mut s.problems, r);
                }
                Err(err) => s.problems.push(err.to_string()),
            }
        }
        A::DocumentEdited {
            id,
            document,
            history,
            now,
        } => {
            if s.library.get(&id).is_none() {
                return;
            }
            let known = s
                .histories
                .get(&id)
                .is_some_and(|h| Rc::ptr_eq(h, &history));
            if !known {
                Rc::make_mut(&mut s.histories).insert(id.clone(), history);
            }
            if let Some(document) = document {
                let r = Rc::make_mut(&mut s.library).update_document(&id, document, now);
                note(&mut s.problems, r);
            }
        }
        A::Replace(entry) => {
            let id = entry.id().to_string();
            let others = all_entries(&s.library)
                .into_iter()
                .filter(|e| e.id() != id)
                .chain(std::iter::once(entry));
            s.library = Rc::new(Library::from_entries(others).0);
            forget_history(s, &id);
            if s.storage.conflict.as_ref().is_some_and(|(c, _)| *c == id) {
                s.storage.conflict = None;
            }
        }
        A::KeepCopy { id, now } => {
            let Some(e) = s.library.get(&id) else { return };
            let mut doc = e.document().clone();
            doc.id = format!("{id}-copy");
            let title = format!("{} (copy)", e.title());
            let copy = Rc::make_mut(&mut s.library).add_document(doc, &title, now);
            s.current = Some(copy);
        }
        A::Dismiss => {
            s.notices.clear();
            s.problems.clear();
            s.deleted = None;
        }
        A::WriteFailed(failure) => s.storage.failure = failure,
        A::Conflict { id, message } => s.storage.conflict = Some((id, message)),
        A::Usage(used, quota) => s.storage.usage = Some((used, quota)),
        A::Persisted(granted) => s.storage.persisted = Some(granted),
        A::UpdateReady => s.storage.update_ready = true,
    }
}

/// A change made outside the editor: the editor's patches no longer fit the document.
/// Adds an annotated pasted article, titled by its first line, and opens it.
fn add_pasted(s: &mut WorkspaceState, doc: Document, now: Stamp) {
    let title = claimlens_core::library::title_from_text(&doc.text);
    let id = Rc::make_mut(&mut s.library).add_document(doc, &title, now);
    s.current = Some(id);
}

fn forget_history(s: &mut WorkspaceState, id: &str) {
    if s.histories.contains_key(id) {
        Rc::make_mut(&mut s.histories).remove(id);
    }
}

/// Every entry, live and trashed (to rebuild a library).
fn all_entries(lib: &Library) -> Vec<Entry> {
    lib.entries()
        .iter()
        .chain(lib.trash())
        .map(|e| (**e).clone())
        .collect()
}

/// Keeps a refused change's message for the user.
fn note<T, E: std::fmt::Display>(problems: &mut Vec<String>, r: Result<T, E>) {
    if let Err(e) = r {
        problems.push(e.to_string());
    }
}

/// Lands the worker's documents; the first version of each changed document (and its
/// undo history, whose steps no longer fit) is kept for "Undo the batch".
fn batch_results(s: &mut WorkspaceState, documents: Vec<Document>, now: Stamp) {
    for fresh in documents {
        let history = s.histories.get(&fresh.id).cloned();
        match Rc::make_mut(&mut s.library).apply_suggestions(&fresh, now) {
            Ok(Some(before)) => {
                Rc::make_mut(&mut s.batch_undo)
                    .entry(fresh.id.clone())
                    .or_insert_with(|| Rc::new((before, history)));
                // Offsets now refer to the cleaned text for good.
                if s.cleanups.contains_key(&fresh.id) {
                    Rc::make_mut(&mut s.cleanups).remove(&fresh.id);
                }
                forget_history(s, &fresh.id);
            }
            Ok(None) => {}
            Err(e) => s.problems.push(e.to_string()),
        }
    }
}

/// Reads every file first; only what read is added, so a bad file changes nothing.
fn import(s: &mut WorkspaceState, files: Vec<PickedFile>, now: Stamp) {
    s.notices.clear();
    s.problems.clear();
    let mut added = 0;
    let lib = Rc::make_mut(&mut s.library);
    for f in &files {
        match ingest(&f.name, &f.bytes) {
            Ok(read) => {
                for n in read.notices.iter().filter(|n| n.level == Level::Warning) {
                    s.problems.push(n.to_string());
                }
                added += lib.add_ingested(read.documents, now).len();
            }
            Err(e) => s.problems.push(e.to_string()),
        }
    }
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    s.notices.push(format!(
        "Imported {} from {}.",
        plural(added, "document"),
        plural(files.len(), "file")
    ));
}

fn clean(s: &mut WorkspaceState, id: &str, removals: Vec<Removal>, now: Stamp) {
    let Some(e) = s.library.get(id) else { return };
    let n = e.document().annotations.len();
    if n > 0 {
        return s
            .problems
            .push(cleanup::CleanupError::Annotated(n).to_string());
    }
    if removals.is_empty() {
        return;
    }
    // Undo restores from one list of removals; a second clean-up would need two.
    if s.cleanups.contains_key(id) {
        return s
            .problems
            .push("Undo the earlier clean-up of this document first, then clean it again.".into());
    }
    match cleanup::apply(e.text(), &removals) {
        Ok(text) => {
            let doc = Document::new(id, text, e.dct());
            let r = Rc::make_mut(&mut s.library).update_document(id, doc, now);
            if r.is_ok() {
                Rc::make_mut(&mut s.cleanups).insert(id.to_string(), removals);
            }
            note(&mut s.problems, r);
        }
        Err(err) => s.problems.push(err.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: WorkspaceState, a: WorkspaceAction) -> WorkspaceState {
        (*Rc::new(s).reduce(a)).clone()
    }

    /// The article [`pasted`] pastes.
    const PASTED: &str = "Talks fail\n\nThe ministry said on Monday that talks failed.";

    /// A workspace with one article pasted (dated 2021-05-03) and open.
    fn pasted() -> WorkspaceState {
        run(
            WorkspaceState::default(),
            WorkspaceAction::CreateFromPaste {
                text: PASTED.into(),
                dct: "2021-05-03".into(),
                now: 1,
            },
        )
    }

    fn file(name: &str, text: &[u8]) -> PickedFile {
        PickedFile {
            name: name.into(),
            bytes: text.to_vec(),
        }
    }

    #[test]
    fn pasting_adds_an_annotated_document_and_opens_it() {
        let s = pasted();
        let e = s.current_entry().expect("open");
        assert_eq!(e.title(), "Talks fail");
        assert!(!e.document().annotations.is_empty());
    }

    #[test]
    fn an_edit_lands_its_document_and_a_history_step_only_its_history() {
        let s = pasted();
        let id = s.current.clone().expect("open");
        let history = Rc::new(History::default());
        let only_history = run(
            s.clone(),
            WorkspaceAction::DocumentEdited {
                id: id.clone(),
                document: None,
                history: history.clone(),
                now: 2,
            },
        );
        let e = only_history.current_entry().expect("open");
        assert_eq!(e.modified(), 1, "the document is left alone");
        assert!(Rc::ptr_eq(&only_history.histories[&id], &history));
        let mut edited = e.document().clone();
        edited.annotations.pop();
        let after = run(
            only_history,
            WorkspaceAction::DocumentEdited {
                id: id.clone(),
                document: Some(edited.clone()),
                history,
                now: 3,
            },
        );
        let e = after.current_entry().expect("open");
        assert_eq!(e.document(), &edited);
        assert_eq!(e.modified(), 3);
    }

    #[test]
    fn an_article_annotated_in_the_worker_is_added_like_a_pasted_one() {
        let dct = claimlens_core::calendar::CalendarDate::new(2021, 5, 3);
        let by_paste = pasted();
        let document = claimlens_core::annotate(crate::state::PASTED_ID, PASTED, dct);
        let added = run(
            WorkspaceState::default(),
            WorkspaceAction::AddAnnotated { document, now: 1 },
        );
        assert_eq!(added.current, by_paste.current);
        assert_eq!(added.current_entry(), by_paste.current_entry());
    }

    #[test]
    fn a_text_too_long_for_one_document_is_refused_and_what_was_open_stays() {
        let before = run(
            WorkspaceState::default(),
            WorkspaceAction::CreateFromPaste {
                text: "Talks fail\n\nThe ministry said so.".into(),
                dct: String::new(),
                now: 1,
            },
        );
        let long = "word ".repeat(claimlens_core::ingest::limit::MAX_TEXT_BYTES / 5 + 1);
        let after = run(
            before.clone(),
            WorkspaceAction::CreateFromPaste {
                text: long,
                dct: String::new(),
                now: 2,
            },
        );
        assert_eq!(after.library, before.library);
        assert_eq!(after.current, before.current);
        let problem = after.problems.join(" ");
        assert!(
            problem.starts_with("Not added: the text is 12.1 MB"),
            "{problem}"
        );
        assert!(problem.contains("split it"), "{problem}");
    }

    #[test]
    fn a_bad_file_adds_nothing_and_says_why() {
        let s = run(
            WorkspaceState::default(),
            WorkspaceAction::Import {
                files: vec![
                    file("a.txt", b"First story\nText."),
                    file("b.txt", b""),
                    file("c.md", b"Second story\nMore."),
                ],
                now: 5,
            },
        );
        assert_eq!(s.library.len(), 2);
        assert_eq!(s.problems.len(), 1, "{:?}", s.problems);
        assert!(s.problems[0].contains("b.txt"));
        assert_eq!(s.notices, ["Imported 2 documents from 3 files."]);
    }

    /// A workspace whose one document was just deleted, and that document's id.
    fn one_deleted() -> (WorkspaceState, String) {
        let s = run(
            WorkspaceState::default(),
            WorkspaceAction::Import {
                files: vec![file("a.txt", b"Story\nText.")],
                now: 1,
            },
        );
        let id = s.library.entries()[0].id().to_string();
        let s = run(
            s,
            WorkspaceAction::Delete {
                id: id.clone(),
                now: 2,
            },
        );
        (s, id)
    }

    #[test]
    fn delete_then_restore_gives_the_document_back() {
        let (s, id) = one_deleted();
        assert!(s.library.is_empty());
        assert_eq!(s.deleted.as_deref(), Some(id.as_str()));
        let s = run(s, WorkspaceAction::Restore(id.clone()));
        assert!(s.library.get(&id).is_some());
    }

    #[test]
    fn a_document_deleted_for_good_leaves_the_trash() {
        let (s, id) = one_deleted();
        assert_eq!(s.library.trash().len(), 1);
        let s = run(s, WorkspaceAction::Purge(id.clone()));
        assert!(s.library.trash().is_empty() && s.deleted.is_none());
        let s = run(s, WorkspaceAction::Restore(id));
        assert_eq!(s.problems.len(), 1, "nothing to restore");
    }

    #[test]
    fn clean_up_is_undone_exactly() {
        let text = "Story\nShare this article\nThe ministry said no.\n";
        let s = run(
            WorkspaceState::default(),
            WorkspaceAction::Import {
                files: vec![file("a.txt", text.as_bytes())],
                now: 1,
            },
        );
        let id = s.library.entries()[0].id().to_string();
        let removals = cleanup::find(text);
        assert!(!removals.is_empty());
        let s = run(
            s,
            WorkspaceAction::Clean {
                id: id.clone(),
                removals,
                now: 2,
            },
        );
        assert_ne!(s.library.get(&id).map(Entry::text), Some(text));
        let s = run(
            s,
            WorkspaceAction::UndoClean {
                id: id.clone(),
                now: 3,
            },
        );
        assert_eq!(s.library.get(&id).map(Entry::text), Some(text));
    }

    #[test]
    fn a_new_dct_renormalises_and_a_bad_one_is_refused() {
        let s = run(
            WorkspaceState::default(),
            WorkspaceAction::CreateFromPaste {
                text: "Talks\n\nThe ministry said on Monday that talks failed.".into(),
                dct: "2021-05-05".into(),
                now: 1,
            },
        );
        let id = s.current.clone().expect("open");
        let s = run(
            s,
            WorkspaceAction::SetDct {
                id: id.clone(),
                dct: "2021-05-12".into(),
                now: 2,
            },
        );
        let dct = s.library.get(&id).and_then(Entry::dct);
        assert_eq!(dct.map(|d| d.to_string()).as_deref(), Some("2021-05-12"));
        let s = run(
            s,
            WorkspaceAction::SetDct {
                id,
                dct: "12/05/2021".into(),
                now: 3,
            },
        );
        assert_eq!(s.problems.len(), 1);
    }

    #[test]
    fn loading_reopens_the_last_changed_document() {
        let mut lib = Library::new();
        let a = lib.create_from_text("A\nx", None, None, 1);
        let b = lib.create_from_text("B\nx", None, None, 2);
        lib.rename(&a, "A2", 9).expect("rename");
        let entries: Vec<Entry> = lib.entries().iter().map(|e| (**e).clone()).collect();
        let s = run(
            WorkspaceState::default(),
            WorkspaceAction::Loaded {
                entries,
                cleanups: vec![],
                histories: vec![],
                problems: vec![],
            },
        );
        assert!(s.loaded);
        assert_eq!(s.current.as_deref(), Some(a.as_str()));
        assert!(s.library.get(&b).is_some());
    }
}

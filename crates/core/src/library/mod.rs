//! The document library as pure data: every document of a workspace with its title,
//! review status and time stamps, a trash that gives deleted documents back, and
//! search. The IndexedDB layer persists each [`Entry`] as one [`crate::store::Record`];
//! the UI lists, renames, deletes and restores through [`Library`] methods and never
//! edits entries itself, so the rules below hold everywhere:
//!
//! - an entry's id is unique across the library *and* its trash, never changes, and is
//!   also its document's `id` (exports carry it);
//! - titles are unique (case-insensitively) among live entries; a clash gets ` (2)`;
//! - time stamps are numbers the caller gives (milliseconds since 1970 from
//!   `Date.now()` in the app), so everything here is deterministic and testable;
//! - open-suggestion counts are always computed from the document, never stored.
//!
//! # Example
//! ```
//! use claimlens_core::library::{DocStatus, Library};
//!
//! let mut lib = Library::new();
//! let id = lib.create_from_text("Talks fail\n\nThe ministry said on 3 May 2021 ...", None, None, 1000);
//! assert_eq!(lib.get(&id).unwrap().title(), "Talks fail");
//! assert_eq!(lib.get(&id).unwrap().status(), DocStatus::ToDo);
//! lib.delete(&id, 2000).unwrap();
//! assert!(lib.get(&id).is_none());
//! lib.restore(&id).unwrap();
//! assert_eq!(lib.search("MINISTRY")[0].id, id);
//! ```

mod batch;
mod names;
mod search;

use std::collections::HashSet;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::calendar::CalendarDate;
use crate::ingest::IngestedDoc;
use crate::model::{Document, Origin, Status};
use crate::review::{open_suggestions, SuggestionCounts};

pub use batch::{merge_suggestions, Merge};
pub use names::{slug, title_from_file, title_from_text, unique_id, unique_title, TITLE_CHARS};

/// A time stamp given by the caller: milliseconds since 1970-01-01 UTC.
pub type Stamp = u64;

/// Where a document stands in the annotator's work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// Nothing reviewed yet.
    #[default]
    ToDo,
    /// Some suggestion decided or some annotation made by hand.
    InProgress,
    /// Marked done by the annotator.
    Done,
}

impl DocStatus {
    /// The status a document's annotations imply: in progress once anything was
    /// decided or made by hand, else to do. Only a person marks a document done.
    pub fn derive(doc: &Document) -> DocStatus {
        let touched = doc
            .annotations
            .iter()
            .any(|a| a.origin == Origin::Manual || a.status != Status::Suggested);
        if touched {
            DocStatus::InProgress
        } else {
            DocStatus::ToDo
        }
    }

    /// Its label in the UI: `to do`, `in progress`, `done`.
    pub fn label(self) -> &'static str {
        match self {
            DocStatus::ToDo => "to do",
            DocStatus::InProgress => "in progress",
            DocStatus::Done => "done",
        }
    }
}

/// The library's facts about one document beside the document itself; this is what
/// [`crate::store::Record`] persists next to the document JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryMeta {
    /// Title shown in the list.
    pub title: String,
    /// Review status.
    pub status: DocStatus,
    /// When it entered the library.
    pub created: Stamp,
    /// When it, its title or its status last changed.
    pub modified: Stamp,
    /// When it went to the trash; `None` for a live entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Stamp>,
}

/// One document of the library. Read-only outside this module: change it through
/// [`Library`], which keeps ids and titles unique.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    doc: Document,
    meta: EntryMeta,
}

impl Entry {
    /// Builds an entry from stored parts (see [`crate::store::Record::into_parts`]).
    /// [`Library::from_entries`] checks uniqueness when the library is rebuilt.
    pub fn from_parts(doc: Document, meta: EntryMeta) -> Entry {
        Entry { doc, meta }
    }
    /// Its id (also the document's id).
    pub fn id(&self) -> &str {
        &self.doc.id
    }
    /// Its title.
    pub fn title(&self) -> &str {
        &self.meta.title
    }
    /// The document.
    pub fn document(&self) -> &Document {
        &self.doc
    }
    /// The text.
    pub fn text(&self) -> &str {
        &self.doc.text
    }
    /// The document creation time.
    pub fn dct(&self) -> Option<CalendarDate> {
        self.doc.dct
    }
    /// Review status.
    pub fn status(&self) -> DocStatus {
        self.meta.status
    }
    /// Creation stamp.
    pub fn created(&self) -> Stamp {
        self.meta.created
    }
    /// Last-change stamp.
    pub fn modified(&self) -> Stamp {
        self.meta.modified
    }
    /// Title, status, stamps and trash state, as stored.
    pub fn meta(&self) -> &EntryMeta {
        &self.meta
    }
    /// Suggestions still open per layer, counted now from the document.
    pub fn open_suggestions(&self) -> SuggestionCounts {
        open_suggestions(&self.doc)
    }
}

/// A search result: which entry, whether its title matched, and a snippet of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The entry's id.
    pub id: String,
    /// True when a query word is in the title (such hits come first).
    pub in_title: bool,
    /// Text around the first query word found in the text (empty when only the title
    /// matched), white space collapsed, `…` where cut.
    pub snippet: String,
    /// Where that word lies in `snippet` (bytes), for highlighting.
    pub mark: Range<usize>,
}

/// Document counts per status, for the library's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StatusCounts {
    /// To do.
    pub to_do: usize,
    /// In progress.
    pub in_progress: usize,
    /// Done.
    pub done: usize,
}

/// Why a library operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LibraryError {
    /// No live entry has this id.
    #[error(
        "there is no document `{0}` in the library (it may have been deleted): refresh the list"
    )]
    NotFound(String),
    /// No entry in the trash has this id.
    #[error("document `{0}` is not in the trash: it was restored or emptied already")]
    NotInTrash(String),
    /// A title with no visible character.
    #[error("a title needs at least one visible character")]
    EmptyTitle,
    /// A batch result for a text the document no longer has.
    #[error(
        "document `{0}` changed while it was being annotated (a clean-up?): annotate it again"
    )]
    TextChanged(String),
    /// A document handed back under another id.
    #[error("the document's id `{found}` differs from the entry `{expected}`: update the entry the document came from")]
    IdMismatch {
        /// The entry's id.
        expected: String,
        /// The document's id.
        found: String,
    },
}

/// The documents of a workspace and its trash.
///
/// Entries are shared (`Arc`): a copy of the library (the app keeps one per state)
/// copies pointers, a change copies only the entry it changes, and comparing two
/// versions skips every entry they share.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Library {
    entries: Vec<Arc<Entry>>,
    trash: Vec<Arc<Entry>>,
}

impl Library {
    /// An empty library.
    pub fn new() -> Self {
        Library::default()
    }

    /// Rebuilds a library from stored entries (live and trashed, by their
    /// `meta.deleted`) in any order (IndexedDB returns them by key): they are put back
    /// in creation order, ties by id. Ids found twice are renumbered and titles made
    /// unique, so a damaged store still loads; the renumbered ids are returned so the
    /// caller can rewrite those records.
    pub fn from_entries(stored: impl IntoIterator<Item = Entry>) -> (Library, Vec<String>) {
        let mut stored: Vec<Entry> = stored.into_iter().collect();
        crate::order::sort_by(&mut stored, |a, b| {
            (a.meta.created, a.id()).cmp(&(b.meta.created, b.id()))
        });
        let mut lib = Library::new();
        let mut renumbered = Vec::new();
        for mut e in stored {
            let taken = lib.taken_ids();
            if taken.contains(&e.doc.id) {
                e.doc.id = unique_id(&e.doc.id, &taken);
                renumbered.push(e.doc.id.clone());
            }
            if e.meta.deleted.is_some() {
                lib.trash.push(Arc::new(e));
            } else {
                e.meta.title = unique_title(&e.meta.title, &lib.taken_titles(None));
                lib.entries.push(Arc::new(e));
            }
        }
        (lib, renumbered)
    }

    /// Live entries, oldest first.
    pub fn entries(&self) -> &[Arc<Entry>] {
        &self.entries
    }
    /// Entries in the trash, most recently deleted last.
    pub fn trash(&self) -> &[Arc<Entry>] {
        &self.trash
    }
    /// The live entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id() == id).map(|e| &**e)
    }
    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// True when there is no live entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds pasted text as a new document and returns its id. The title is `title`
    /// or the text's first line; without a `dct` the article's own date is inferred
    /// from the text where possible ([`crate::dates::infer_dct`]). The document has
    /// no annotations yet: annotate it (in the worker) and hand it back with
    /// [`Library::update_document`]. The text is kept exactly as given.
    pub fn create_from_text(
        &mut self,
        text: &str,
        title: Option<&str>,
        dct: Option<CalendarDate>,
        now: Stamp,
    ) -> String {
        let title = title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map_or_else(|| title_from_text(text), str::to_string);
        let dct = dct.or_else(|| crate::dates::infer_dct(text));
        let doc = Document::new(slug(&title), text, dct);
        self.add_document(doc, &title, now)
    }

    /// Adds a document (imported, possibly annotated) under `title` and returns its
    /// id: the document's own id when free (else numbered `-2`, `-3`, … and the
    /// document's id changed to match), or one made from the title when it has none.
    /// The title is numbered ` (2)` when taken; the status follows the annotations.
    pub fn add_document(&mut self, mut doc: Document, title: &str, now: Stamp) -> String {
        let title = match title.trim() {
            "" => "Untitled",
            t => t,
        };
        let base = if doc.id.trim().is_empty() {
            slug(title)
        } else {
            doc.id.clone()
        };
        doc.id = unique_id(&base, &self.taken_ids());
        let meta = EntryMeta {
            title: unique_title(title, &self.taken_titles(None)),
            status: DocStatus::derive(&doc),
            created: now,
            modified: now,
            deleted: None,
        };
        let id = doc.id.clone();
        self.entries.push(Arc::new(Entry { doc, meta }));
        id
    }

    /// Adds every document an import read ([`crate::ingest::ingest`]) under its title,
    /// in order, and returns their ids (numbered where names clash).
    pub fn add_ingested(
        &mut self,
        documents: impl IntoIterator<Item = IngestedDoc>,
        now: Stamp,
    ) -> Vec<String> {
        documents
            .into_iter()
            .map(|d| self.add_document(d.document, &d.title, now))
            .collect()
    }

    /// Renames an entry; returns the title given, numbered when another entry has it.
    ///
    /// # Errors
    /// Unknown id, or a title with no visible character.
    pub fn rename(&mut self, id: &str, title: &str, now: Stamp) -> Result<String, LibraryError> {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return Err(LibraryError::EmptyTitle);
        }
        let title = unique_title(&title, &self.taken_titles(Some(id)));
        let e = self.entry_mut(id)?;
        e.meta.title = title.clone();
        e.meta.modified = now;
        Ok(title)
    }

    /// Sets the status by hand (marking done, or reopening).
    ///
    /// # Errors
    /// Unknown id.
    pub fn set_status(
        &mut self,
        id: &str,
        status: DocStatus,
        now: Stamp,
    ) -> Result<(), LibraryError> {
        let e = self.entry_mut(id)?;
        e.meta.status = status;
        e.meta.modified = now;
        Ok(())
    }

    /// Replaces an entry's document after an edit, an annotation run or a dct change.
    /// The status follows the annotations ([`DocStatus::derive`]) except that a
    /// document marked done stays done until someone reopens it.
    ///
    /// # Errors
    /// Unknown id, or a document whose id is not the entry's.
    pub fn update_document(
        &mut self,
        id: &str,
        doc: Document,
        now: Stamp,
    ) -> Result<(), LibraryError> {
        if doc.id != id {
            return Err(LibraryError::IdMismatch {
                expected: id.to_string(),
                found: doc.id,
            });
        }
        let e = self.entry_mut(id)?;
        if e.meta.status != DocStatus::Done {
            e.meta.status = DocStatus::derive(&doc);
        }
        e.doc = doc;
        e.meta.modified = now;
        Ok(())
    }

    /// Lands a batch run's result (`fresh`: the document annotated again, under its
    /// id) by [`merge_suggestions`]; returns the document as it was when it changed,
    /// `None` when the run found nothing new.
    ///
    /// # Errors
    /// Unknown id (deleted meanwhile), or a text that changed since the run started.
    pub fn apply_suggestions(
        &mut self,
        fresh: &Document,
        now: Stamp,
    ) -> Result<Option<Document>, LibraryError> {
        let e = self.entry_mut(&fresh.id)?;
        match merge_suggestions(&e.doc, fresh) {
            Merge::Unchanged => Ok(None),
            Merge::TextChanged => Err(LibraryError::TextChanged(fresh.id.clone())),
            Merge::Changed(doc) => {
                let before = e.doc.clone();
                self.update_document(&fresh.id, doc, now)?;
                Ok(Some(before))
            }
        }
    }

    /// Moves an entry to the trash (undo with [`Library::restore`]).
    ///
    /// # Errors
    /// Unknown id.
    pub fn delete(&mut self, id: &str, now: Stamp) -> Result<(), LibraryError> {
        let i = self.index(id)?;
        let mut e = self.entries.remove(i);
        Arc::make_mut(&mut e).meta.deleted = Some(now);
        self.trash.push(e);
        Ok(())
    }

    /// Brings an entry back from the trash, at the end of the list, with its title
    /// numbered if another entry took it meanwhile; returns its title.
    ///
    /// # Errors
    /// The id is not in the trash.
    pub fn restore(&mut self, id: &str) -> Result<String, LibraryError> {
        let i = self
            .trash
            .iter()
            .position(|e| e.id() == id)
            .ok_or_else(|| LibraryError::NotInTrash(id.to_string()))?;
        let mut e = self.trash.remove(i);
        let title = unique_title(&e.meta.title, &self.taken_titles(None));
        let restored = Arc::make_mut(&mut e);
        restored.meta.deleted = None;
        restored.meta.title = title.clone();
        self.entries.push(e);
        Ok(title)
    }

    /// Deletes an entry from the trash for good and returns it (the caller removes
    /// its record from storage).
    ///
    /// # Errors
    /// The id is not in the trash.
    pub fn purge(&mut self, id: &str) -> Result<Entry, LibraryError> {
        let i = self
            .trash
            .iter()
            .position(|e| e.id() == id)
            .ok_or_else(|| LibraryError::NotInTrash(id.to_string()))?;
        Ok(Arc::unwrap_or_clone(self.trash.remove(i)))
    }

    /// Live entries whose title or text holds every word of `query`
    /// (case-insensitive), title matches first, otherwise in library order. A blank
    /// query finds nothing (show the whole list instead).
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words = search::query_words(query);
        if words.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = self
            .entries
            .iter()
            .filter_map(|e| {
                let mut in_title = false;
                let mut first_text: Option<Range<usize>> = None;
                for w in &words {
                    let t = search::find(e.title(), w).is_some();
                    let x = search::find(e.text(), w);
                    if !t && x.is_none() {
                        return None;
                    }
                    in_title |= t;
                    if first_text.is_none() {
                        first_text = x;
                    }
                }
                let (snippet, mark) = first_text
                    .map(|r| search::snippet(e.text(), r))
                    .unwrap_or_default();
                Some(Hit {
                    id: e.id().to_string(),
                    in_title,
                    snippet,
                    mark,
                })
            })
            .collect();
        crate::order::sort_by_key(&mut hits, |h| !h.in_title);
        hits
    }

    /// How many live documents have each status.
    pub fn status_counts(&self) -> StatusCounts {
        let mut c = StatusCounts::default();
        for e in &self.entries {
            match e.meta.status {
                DocStatus::ToDo => c.to_do += 1,
                DocStatus::InProgress => c.in_progress += 1,
                DocStatus::Done => c.done += 1,
            }
        }
        c
    }

    fn index(&self, id: &str) -> Result<usize, LibraryError> {
        self.entries
            .iter()
            .position(|e| e.id() == id)
            .ok_or_else(|| LibraryError::NotFound(id.to_string()))
    }

    fn entry_mut(&mut self, id: &str) -> Result<&mut Entry, LibraryError> {
        let i = self.index(id)?;
        Ok(Arc::make_mut(&mut self.entries[i]))
    }

    /// Ids of live and trashed entries: a restored entry must find its id free.
    fn taken_ids(&self) -> HashSet<String> {
        self.entries
            .iter()
            .chain(&self.trash)
            .map(|e| e.id().to_string())
            .collect()
    }

    fn taken_titles(&self, except: Option<&str>) -> HashSet<String> {
        self.entries
            .iter()
            .filter(|e| Some(e.id()) != except)
            .map(|e| e.title().to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, Attrs};
    use crate::text::ByteSpan;

    fn lib3() -> (Library, Vec<String>) {
        let mut lib = Library::new();
        let ids = [
            "Alpha news\nThe Ministry said no.",
            "Beta\nNothing here.",
            "Gamma\nministry again",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| lib.create_from_text(t, None, None, i as u64))
        .collect();
        (lib, ids)
    }

    #[test]
    fn create_rename_and_unique_titles() {
        let (mut lib, ids) = lib3();
        assert_eq!(ids, ["alpha-news", "beta", "gamma"]);
        assert_eq!(
            lib.rename(&ids[1], "  Alpha   news ", 9),
            Ok("Alpha news (2)".into())
        );
        assert_eq!(lib.get(&ids[1]).unwrap().modified(), 9);
        assert_eq!(lib.rename(&ids[1], " \n", 9), Err(LibraryError::EmptyTitle));
        assert!(matches!(
            lib.rename("nope", "x", 9),
            Err(LibraryError::NotFound(_))
        ));
        // Renaming to its own title is not a clash.
        assert_eq!(
            lib.rename(&ids[0], "Alpha news", 10),
            Ok("Alpha news".into())
        );
        let again = lib.create_from_text("Beta\nother", None, None, 11);
        assert_eq!(again, "beta-2");
        // "Beta" was renamed away, so the title is free again; the id is not.
        assert_eq!(lib.get(&again).unwrap().title(), "Beta");
        assert_eq!(lib.get(&again).unwrap().document().id, "beta-2");
    }

    #[test]
    fn dct_is_inferred_from_pasted_text() {
        let mut lib = Library::new();
        let id = lib.create_from_text("Talks\n3 May 2021\nThe ministry said.", None, None, 0);
        assert_eq!(
            lib.get(&id).unwrap().dct().map(|d| d.to_string()),
            Some("2021-05-03".into())
        );
    }

    #[test]
    fn delete_is_undone_by_restore_and_ids_stay_reserved() {
        let (mut lib, ids) = lib3();
        lib.delete(&ids[1], 50).unwrap();
        assert_eq!(lib.len(), 2);
        assert_eq!(lib.trash()[0].meta().deleted, Some(50));
        // A new "Beta" may take the title but not the id of the trashed one.
        let other = lib.create_from_text("Beta\nx", None, None, 51);
        assert_eq!(other, "beta-2");
        assert_eq!(lib.get(&other).unwrap().title(), "Beta");
        assert_eq!(lib.restore(&ids[1]), Ok("Beta (2)".into()));
        assert_eq!(lib.get(&ids[1]).unwrap().meta().deleted, None);
        assert!(matches!(
            lib.restore(&ids[1]),
            Err(LibraryError::NotInTrash(_))
        ));
        lib.delete(&ids[0], 60).unwrap();
        assert_eq!(lib.purge(&ids[0]).unwrap().id(), ids[0]);
        assert!(lib.trash().is_empty());
    }

    #[test]
    fn search_over_titles_and_texts() {
        let (lib, ids) = lib3();
        let hits = lib.search("MINISTRY");
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].id, ids[0]);
        assert_eq!(&hits[0].snippet[hits[0].mark.clone()], "Ministry");
        let hits = lib.search("gamma ministry");
        assert_eq!(hits.len(), 1);
        assert!(hits[0].in_title);
        assert_eq!(lib.search("beta")[0].id, ids[1]);
        assert!(lib.search("  ").is_empty());
        assert!(lib.search("absent").is_empty());
    }

    #[test]
    fn status_follows_annotations_until_done() {
        let (mut lib, ids) = lib3();
        let mut doc = lib.get(&ids[0]).unwrap().document().clone();
        let span = ByteSpan::from_raw(15, 23).unwrap();
        let actor = Attrs::Actor(ActorAttrs {
            kind: ActorKind::Organisation,
            entity: "Ministry".into(),
        });
        doc.add(span, actor, Origin::Auto, Status::Suggested);
        lib.update_document(&ids[0], doc.clone(), 5).unwrap();
        let e = lib.get(&ids[0]).unwrap();
        assert_eq!(
            (e.status(), e.open_suggestions().actor),
            (DocStatus::ToDo, 1)
        );
        doc.annotations[0].status = Status::Accepted;
        lib.update_document(&ids[0], doc.clone(), 6).unwrap();
        assert_eq!(lib.get(&ids[0]).unwrap().status(), DocStatus::InProgress);
        lib.set_status(&ids[0], DocStatus::Done, 7).unwrap();
        lib.update_document(&ids[0], doc.clone(), 8).unwrap();
        assert_eq!(lib.get(&ids[0]).unwrap().status(), DocStatus::Done);
        let c = lib.status_counts();
        assert_eq!((c.to_do, c.in_progress, c.done), (2, 0, 1));
        doc.id = "other".into();
        assert!(matches!(
            lib.update_document(&ids[0], doc, 9),
            Err(LibraryError::IdMismatch { .. })
        ));
    }

    #[test]
    fn many_files_with_one_name_import_side_by_side() {
        let mut lib = Library::new();
        let mut ids = Vec::new();
        for _ in 0..3 {
            let got = crate::ingest::ingest("in/article.txt", b"Body.").unwrap();
            ids.extend(lib.add_ingested(got.documents, 1));
        }
        let batch = crate::ingest::ingest(
            "b.jsonl",
            b"{\"id\":\"x\",\"text\":\"a\"}\n{\"id\":\"x\",\"text\":\"b\"}",
        )
        .unwrap();
        ids.extend(lib.add_ingested(batch.documents, 2));
        assert_eq!(ids, ["article", "article-2", "article-3", "x", "x-2"]);
        let titles: Vec<&str> = lib.entries().iter().map(|e| e.title()).collect();
        assert_eq!(
            titles,
            ["article", "article (2)", "article (3)", "x", "x (2)"]
        );
    }

    #[test]
    fn rebuilding_from_a_damaged_store_renumbers() {
        let (lib, _) = lib3();
        let mut stored: Vec<Entry> = lib.entries().iter().map(|e| (**e).clone()).collect();
        stored.push(stored[0].clone());
        stored.reverse();
        let (rebuilt, renumbered) = Library::from_entries(stored);
        assert_eq!(renumbered, ["alpha-news-2"]);
        let titles: Vec<&str> = rebuilt.entries().iter().map(|e| e.title()).collect();
        assert_eq!(titles, ["Alpha news", "Alpha news (2)", "Beta", "Gamma"]);
    }
}

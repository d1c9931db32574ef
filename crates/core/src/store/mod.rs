//! The persisted workspace schema: what the IndexedDB layer writes for one document,
//! how older stored data is upgraded, and the rule that keeps two tabs from silently
//! overwriting each other.
//!
//! # One record per document
//! A [`Record`] (key: the entry id) holds the document as native document JSON
//! ([`crate::formats::native`], so a record is also an export), the library's facts
//! about it ([`EntryMeta`]: title, status, stamps, trash state), the edit history as
//! an opaque JSON value (the app stores `serde_json::to_value(&History)` there), the
//! clean-up removals that can still be undone, the schema version and a revision
//! counter.
//!
//! # Versions
//! [`SCHEMA_VERSION`] is written; [`upgrade`] reads every older version:
//! - v0: a bare native document (what early builds, and exports, hold); it becomes a
//!   record with revision 0, its id as title (or its first line), no history, and
//!   stamps 0 (unknown);
//! - v1: the current record.
//!
//! # Two tabs
//! Every write carries the revision the writer last read (its *base*). Before writing,
//! the IndexedDB code reads the stored revision in the same transaction and asks
//! [`merge_check`]: a write goes ahead only when nobody wrote since the base; otherwise
//! the tab shows a conflict (reload the other tab's version, or keep its own as a copy)
//! instead of overwriting.
//!
//! # Leaving the page
//! IndexedDB may not finish a write started while the page unloads, so the app also
//! keeps the unwritten records in synchronous storage ([`Stashed`]) and takes them at
//! the next start when [`stash_applies`]: storage still holds the revision they were
//! based on, or exactly the write that was under way when the page went away (it
//! landed, but the page never heard back).
//!
//! # Example
//! ```
//! use claimlens_core::library::Library;
//! use claimlens_core::store::{merge_check, upgrade, Record, WriteCheck};
//!
//! let mut lib = Library::new();
//! let id = lib.create_from_text("Talks fail\nBody.", None, None, 5);
//! let record = Record::new(lib.get(&id).unwrap(), None, 1);
//! let stored = serde_json::to_value(&record).unwrap();
//! // … after a reload:
//! let loaded = upgrade(stored).unwrap();
//! assert_eq!(loaded.rev, 1);
//! let (entry, _history, _cleanup) = loaded.into_parts().unwrap();
//! assert_eq!(entry.title(), "Talks fail");
//! // Another tab wrote revision 2 meanwhile: this tab (base 1) must not overwrite it.
//! assert!(matches!(merge_check(Some(2), 1), WriteCheck::Conflict { .. }));
//! ```

mod record_json;

pub use record_json::RecordJson;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::cleanup::Removal;
use crate::formats::native::{self, ReadError, WireDocument};
use crate::library::{title_from_text, DocStatus, Entry, EntryMeta};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// One stored document: what the IndexedDB layer writes under the entry's id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Schema version ([`SCHEMA_VERSION`] when written by this build).
    pub schema: u32,
    /// Revision: 1 for the first write, one more for each write after.
    pub rev: u64,
    /// The document as native document JSON.
    pub document: WireDocument,
    /// The library's facts about it.
    pub meta: EntryMeta,
    /// The edit history, as the editor serialises it; `None` when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<Value>,
    /// Clean-up removals that can still be undone ([`crate::cleanup::restore`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cleanup: Vec<Removal>,
}

/// Why stored data could not be loaded.
#[derive(Debug, Error)]
pub enum StoreError {
    /// Written by a newer claimlens.
    #[error("this document was stored by a newer claimlens (schema {0}, this one reads up to {SCHEMA_VERSION}): reload the page to update the app")]
    TooNew(u32),
    /// Neither a record nor a document.
    #[error("stored data is neither a claimlens record nor a document: {0}")]
    Unknown(String),
    /// The record's shape is wrong.
    #[error("stored record is damaged: {0}")]
    Json(#[from] serde_json::Error),
    /// The document inside does not read (a span past the text, a bad dct).
    #[error("stored document does not read: {0}")]
    Document(#[from] ReadError),
}

impl Record {
    /// A record of `entry` at revision `rev` (use [`merge_check`]'s `next_rev`), with
    /// the editor's history if any and no clean-up removals.
    pub fn new(entry: &Entry, history: Option<Value>, rev: u64) -> Record {
        Record {
            schema: SCHEMA_VERSION,
            rev,
            document: native::to_wire(entry.document()),
            meta: entry.meta().clone(),
            history,
            cleanup: Vec::new(),
        }
    }

    /// The key to store it under: the entry's (and document's) id.
    pub fn key(&self) -> &str {
        &self.document.id
    }

    /// The entry, history and clean-up removals inside.
    ///
    /// # Errors
    /// A document that does not read.
    pub fn into_parts(self) -> Result<(Entry, Option<Value>, Vec<Removal>), StoreError> {
        let doc = native::from_wire(self.document)?;
        Ok((
            Entry::from_parts(doc, self.meta),
            self.history,
            self.cleanup,
        ))
    }
}

/// Reads stored data of any known schema version as a current [`Record`].
///
/// # Errors
/// A newer schema, data that is neither a record nor a document, or a damaged record.
/// The document's spans are checked only by [`Record::into_parts`].
pub fn upgrade(value: Value) -> Result<Record, StoreError> {
    load(&value.to_string())
}

/// The keys of stored data that tell its version, read without the rest (which
/// [`load`] then reads straight from the text into its type: going through a
/// `serde_json::Value` would compile every stored type's reader twice, once for
/// text and once for values, about 6 KB more gzipped wasm).
#[derive(Default, Deserialize)]
struct Head {
    /// `schema`, whatever its value (`null` included).
    #[serde(default, deserialize_with = "present_value")]
    schema: Option<Value>,
    /// Whether there is a `text` key (`null` included).
    #[serde(default, deserialize_with = "present")]
    text: bool,
}

fn present_value<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    serde::de::IgnoredAny::deserialize(d).map(|_| true)
}

/// Reads stored JSON text of any known version: v0 (a bare document) is upgraded,
/// the current schema read as it is.
///
/// # Errors
/// A newer schema, data that is neither a record nor a document, a damaged record,
/// or text that is not JSON.
pub fn load(json: &str) -> Result<Record, StoreError> {
    let head: Head = if json.trim_start().starts_with('{') {
        serde_json::from_str(json)?
    } else {
        // Not an object: valid JSON is neither a record nor a document.
        serde_json::from_str::<serde::de::IgnoredAny>(json)?;
        Head::default()
    };
    let schema = match head.schema {
        Some(v) => v
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| StoreError::Unknown(format!("schema {v} is not a version number")))?,
        None if head.text => 0,
        None => {
            return Err(StoreError::Unknown(
                "it has neither `schema` nor `text`".into(),
            ))
        }
    };
    match schema {
        0 => from_v0(serde_json::from_str(json)?),
        SCHEMA_VERSION => Ok(serde_json::from_str(json)?),
        n => Err(StoreError::TooNew(n)),
    }
}

/// v0: a bare native document.
fn from_v0(document: WireDocument) -> Result<Record, StoreError> {
    let doc = native::from_wire(document.clone())?;
    let title = if document.id.trim().is_empty() {
        title_from_text(&document.text)
    } else {
        document.id.clone()
    };
    Ok(Record {
        schema: SCHEMA_VERSION,
        rev: 0,
        meta: EntryMeta {
            title,
            status: DocStatus::derive(&doc),
            created: 0,
            modified: 0,
            deleted: None,
        },
        document,
        history: None,
        cleanup: Vec::new(),
    })
}

/// What a write may do, given the stored revision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteCheck {
    /// Nobody wrote since this tab read: write with this revision.
    Write {
        /// The revision to write (base + 1).
        next_rev: u64,
    },
    /// Someone else wrote (or deleted the record) since this tab read it: do not
    /// write; show the conflict.
    Conflict {
        /// The revision in storage (`None`: the record was deleted).
        stored_rev: Option<u64>,
        /// The revision this tab based its change on.
        base_rev: u64,
    },
}

impl WriteCheck {
    /// The message to show for a conflict (`None` for a write).
    pub fn message(&self) -> Option<String> {
        match *self {
            WriteCheck::Write { .. } => None,
            WriteCheck::Conflict { stored_rev: None, .. } => Some(
                "this document was deleted in another tab: keep this tab's version as a copy, or close it".into(),
            ),
            WriteCheck::Conflict { stored_rev: Some(s), base_rev } => Some(format!(
                "this document was changed in another tab (stored revision {s}, this tab has {base_rev}): \
                 load the other tab's version, or keep this tab's version as a copy"
            )),
        }
    }
}

/// Whether a write based on revision `my_base_rev` may replace what is stored
/// (`stored_rev`; `None` when no record exists). A new document is written with base
/// 0. Pure logic: the IndexedDB code reads `stored_rev` and writes in one
/// read-write transaction, so no other tab can write in between.
pub fn merge_check(stored_rev: Option<u64>, my_base_rev: u64) -> WriteCheck {
    let clean = match stored_rev {
        None => my_base_rev == 0,
        Some(s) => s == my_base_rev,
    };
    if clean {
        WriteCheck::Write {
            next_rev: my_base_rev.saturating_add(1),
        }
    } else {
        WriteCheck::Conflict {
            stored_rev,
            base_rev: my_base_rev,
        }
    }
}

/// A record kept in synchronous storage when the page went away before IndexedDB
/// confirmed it. Its `record.rev` is the revision it was based on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stashed {
    /// The unwritten record (`rev` = its base revision).
    pub record: Record,
    /// The write of an earlier state of this record that was under way when the page
    /// went away; it may have landed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
}

/// A write under way: the revision it stores and a fingerprint of what it stores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The revision the write stores (its base + 1).
    pub rev: u64,
    /// [`fingerprint`] of the record it stores.
    pub fingerprint: u64,
}

impl Pending {
    /// The write of `record` (whatever its `rev`) as revision `rev`.
    pub fn of(record: &Record, rev: u64) -> Pending {
        Pending {
            rev,
            fingerprint: fingerprint(record),
        }
    }
}

/// A fingerprint of a record's contents (not its revision): FNV-1a over its JSON, so
/// it is the same in every build and after a round trip through storage.
pub fn fingerprint(record: &Record) -> u64 {
    let contents = (
        &record.document,
        &record.meta,
        &record.history,
        &record.cleanup,
    );
    // Plain data: serialisation cannot fail, and an empty string still fingerprints.
    let json = serde_json::to_vec(&contents).unwrap_or_default();
    json.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Whether a stashed record may replace what storage holds (`stored`; `None` when
/// there is no record): storage still holds its base revision, or holds exactly the
/// write that was under way when the page went away. Anything else (another tab wrote,
/// the document was deleted elsewhere) means storage wins.
pub fn stash_applies(stored: Option<&Record>, stashed: &Stashed) -> bool {
    let base = stashed.record.rev;
    match stored {
        None => base == 0,
        Some(s) if s.rev == base => true,
        Some(s) => stashed
            .pending
            .is_some_and(|p| p.rev == s.rev && p.fingerprint == fingerprint(s)),
    }
}

/// Reads a stash written by [`Stashed`] lists, or by older builds (a plain list of
/// records, of any schema version); entries that do not read are skipped.
pub fn read_stash(json: &str) -> Vec<Stashed> {
    let Ok(values) = serde_json::from_str::<Vec<Value>>(json) else {
        return Vec::new();
    };
    values
        .into_iter()
        .filter_map(|v| {
            let Some(record) = v.get("record") else {
                return Some(Stashed {
                    record: upgrade(v).ok()?,
                    pending: None,
                });
            };
            let pending = match v.get("pending") {
                None | Some(Value::Null) => None,
                Some(p) => Some(Pending::deserialize(p).ok()?),
            };
            // A stash written by an older build holds a record of its schema: it is
            // upgraded like any stored record (dropping it would lose the edit it
            // saved), keeping its `rev`, the base the stash is judged against.
            let mut current = load(&record.to_string()).ok()?;
            if let Some(rev) = record.get("rev").and_then(Value::as_u64) {
                current.rev = rev;
            }
            Some(Stashed {
                record: current,
                pending,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::model::Status;

    const V0: &str = include_str!("fixtures/v0.json");

    #[test]
    fn v0_document_upgrades_to_a_record() {
        let record = load(V0).unwrap();
        assert_eq!((record.schema, record.rev), (SCHEMA_VERSION, 0));
        assert_eq!(
            (record.key(), record.meta.title.as_str()),
            ("geneva-talks", "geneva-talks")
        );
        assert_eq!(
            record.meta.status,
            DocStatus::InProgress,
            "an accepted actor"
        );
        let (entry, history, cleanup) = record.clone().into_parts().unwrap();
        assert_eq!(entry.id(), "geneva-talks");
        assert_eq!(entry.document().annotations.len(), 2);
        assert_eq!(entry.document().annotations[1].status, Status::Suggested);
        assert!(history.is_none() && cleanup.is_empty());
        // Written back, it is a v1 record that loads unchanged.
        let again = upgrade(serde_json::to_value(&record).unwrap()).unwrap();
        assert_eq!(again, record);
    }

    #[test]
    fn records_round_trip_with_history() {
        let mut lib = Library::new();
        let id = lib.create_from_text("Talks\n\nBody", None, None, 7);
        lib.delete(&id, 9).unwrap();
        let entry = &lib.trash()[0];
        let history = serde_json::json!({"undo": [], "redo": []});
        let record = Record::new(entry, Some(history.clone()), 3);
        let json = serde_json::to_string(&record).unwrap();
        let loaded = load(&json).unwrap();
        let (back, h, _) = loaded.into_parts().unwrap();
        assert_eq!(&back, &**entry);
        assert_eq!(back.meta().deleted, Some(9));
        assert_eq!(h, Some(history));
    }

    #[test]
    fn unknown_and_newer_data_are_refused() {
        assert!(matches!(
            upgrade(serde_json::json!({"schema": 99})),
            Err(StoreError::TooNew(99))
        ));
        assert!(matches!(
            upgrade(serde_json::json!({"x": 1})),
            Err(StoreError::Unknown(_))
        ));
        assert!(matches!(
            upgrade(serde_json::json!({"schema": "one"})),
            Err(StoreError::Unknown(_))
        ));
        assert!(matches!(
            upgrade(serde_json::json!({"schema": 1})),
            Err(StoreError::Json(_))
        ));
        assert!(matches!(load("{"), Err(StoreError::Json(_))));
        // Read from text as from a value: a key with `null` is there, a non-object is
        // neither a record nor a document, and text that is not JSON says so.
        assert!(
            matches!(load(r#"{"schema": null}"#), Err(StoreError::Unknown(m)) if m.contains("null"))
        );
        assert!(matches!(
            load(r#"{"text": null}"#),
            Err(StoreError::Json(_))
        ));
        assert!(matches!(load(" [1, 2]"), Err(StoreError::Unknown(_))));
        assert!(matches!(load("5 x"), Err(StoreError::Json(_))));
        let bad_span = r#"{"text":"ab","actors":[{"start":0,"end":5}]}"#;
        assert!(matches!(load(bad_span), Err(StoreError::Document(_))));
    }

    #[test]
    fn two_tabs_never_overwrite_each_other() {
        // Tab A and tab B both read revision 4.
        let a = merge_check(Some(4), 4);
        assert_eq!(a, WriteCheck::Write { next_rev: 5 });
        // A wrote 5; B, still based on 4, must not overwrite.
        let b = merge_check(Some(5), 4);
        assert_eq!(
            b,
            WriteCheck::Conflict {
                stored_rev: Some(5),
                base_rev: 4
            }
        );
        assert!(b.message().unwrap().contains("changed in another tab"));
        // New documents, and documents deleted elsewhere.
        assert_eq!(merge_check(None, 0), WriteCheck::Write { next_rev: 1 });
        assert!(merge_check(None, 3)
            .message()
            .unwrap()
            .contains("deleted in another tab"));
        // A store rolled back behind this tab is a conflict too, never a silent write.
        assert!(matches!(
            merge_check(Some(2), 3),
            WriteCheck::Conflict { .. }
        ));
        assert_eq!(
            merge_check(Some(u64::MAX), u64::MAX),
            WriteCheck::Write { next_rev: u64::MAX }
        );
    }

    fn record(title: &str, rev: u64) -> Record {
        let mut lib = Library::new();
        let id = lib.create_from_text("Talks\n\nThe ministry said no.", None, None, 7);
        lib.rename(&id, title, 8).unwrap();
        Record::new(lib.get(&id).unwrap(), None, rev)
    }

    #[test]
    fn a_stash_applies_while_storage_holds_its_base() {
        let stashed = Stashed {
            record: record("Second", 4),
            pending: None,
        };
        assert!(stash_applies(Some(&record("First", 4)), &stashed));
        // Another tab wrote since: storage wins.
        assert!(!stash_applies(Some(&record("Other tab", 5)), &stashed));
        // Never written, or deleted elsewhere.
        let new = Stashed {
            record: record("New", 0),
            pending: None,
        };
        assert!(stash_applies(None, &new));
        assert!(!stash_applies(None, &stashed));
    }

    #[test]
    fn a_stash_applies_over_the_write_that_was_under_way() {
        // The page wrote "First" (base 4 -> 5) and, before IndexedDB answered, the
        // title became "Second" and the page went away. "First" landed.
        let in_flight = record("First", 5);
        let stashed = Stashed {
            record: record("Second", 4),
            pending: Some(Pending::of(&in_flight, 5)),
        };
        // Storage read back after a reload: a JSON round trip.
        let stored = load(&serde_json::to_string(&in_flight).unwrap()).unwrap();
        assert_eq!(fingerprint(&stored), fingerprint(&in_flight));
        assert!(
            stash_applies(Some(&stored), &stashed),
            "the newer edit wins"
        );
        // It did not land: storage still holds the base.
        assert!(stash_applies(Some(&record("Base", 4)), &stashed));
        // Another tab's revision 5 is not the write under way: storage wins.
        assert!(!stash_applies(Some(&record("Other tab", 5)), &stashed));
    }

    #[test]
    fn stashes_of_either_shape_read_back() {
        let stashed = Stashed {
            record: record("Second", 4),
            pending: Some(Pending {
                rev: 5,
                fingerprint: 9,
            }),
        };
        let json = serde_json::to_string(&[&stashed]).unwrap();
        assert_eq!(read_stash(&json), std::slice::from_ref(&stashed));
        // Older builds stashed bare records.
        let old = serde_json::to_string(&[&stashed.record]).unwrap();
        let read = read_stash(&old);
        assert_eq!((read.len(), read[0].pending), (1, None));
        assert_eq!(read[0].record, stashed.record);
        assert!(read_stash("not json").is_empty());
        assert!(read_stash("[{\"x\": 1}]").is_empty());
        // A stash whose record is of an older schema is upgraded, not dropped.
        let older = read_stash(&format!("[{{\"record\": {V0}, \"pending\": null}}]"));
        assert_eq!(older.len(), 1);
        assert_eq!(older[0].record.schema, SCHEMA_VERSION);
    }
}

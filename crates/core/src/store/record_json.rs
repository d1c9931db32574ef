//! A stored record's JSON written a piece at a time. The record of a 10 MB document
//! is about 60 MB of JSON (the text, and every annotation with its quoted text and
//! offsets in two units); built as a [`Record`] and serialised in one go it held the
//! page's only thread for most of a second after every edit. [`RecordJson`] writes
//! the same bytes as `serde_json::to_vec(&Record::new(..))`, a few megabytes per call,
//! so the app can write one piece per task and handle key presses in between.

use std::sync::Arc;

use serde_json::Value;

use super::{StoreError, SCHEMA_VERSION};
use crate::cleanup::Removal;
use crate::formats::json_write::JsonOut;
use crate::formats::native::DocumentJson;
use crate::library::Entry;

/// A record's JSON being written: [`RecordJson::write`] a piece at a time, then
/// [`RecordJson::into_bytes`].
pub struct RecordJson {
    entry: Arc<Entry>,
    document: DocumentJson,
    out: JsonOut,
    /// What follows the document: its meta, history and clean-up removals, and the
    /// closing brace.
    tail: String,
    done: bool,
}

impl RecordJson {
    /// The JSON of the record [`Record::new`] makes of `entry` at revision `rev`, with
    /// `history` and `cleanup`, before any of it is written.
    ///
    /// # Errors
    /// The meta, history or removals do not serialise (not expected of values made by
    /// this crate).
    pub fn new(
        entry: Arc<Entry>,
        history: Option<&Value>,
        cleanup: &[Removal],
        rev: u64,
    ) -> Result<RecordJson, StoreError> {
        let mut tail = format!(",\"meta\":{}", serde_json::to_string(entry.meta())?);
        if let Some(h) = history {
            tail.push_str(",\"history\":");
            tail.push_str(&serde_json::to_string(h)?);
        }
        if !cleanup.is_empty() {
            tail.push_str(",\"cleanup\":");
            tail.push_str(&serde_json::to_string(cleanup)?);
        }
        tail.push('}');
        let doc = entry.document();
        let mut out = JsonOut::with_capacity(doc.text.len() + 320 * doc.annotations.len());
        out.raw("{\"schema\":");
        out.number(SCHEMA_VERSION as usize);
        out.raw(",\"rev\":");
        // A revision past `usize` (never reached) is written as the largest one.
        out.number(usize::try_from(rev).unwrap_or(usize::MAX));
        out.raw(",\"document\":");
        Ok(RecordJson {
            document: DocumentJson::new(doc),
            entry,
            out,
            tail,
            done: false,
        })
    }

    /// The key the record is stored under (the entry's id).
    pub fn key(&self) -> &str {
        self.entry.id()
    }

    /// Writes on by at least `budget` bytes (or to the end); true once all is written.
    pub fn write(&mut self, budget: usize) -> bool {
        if !self.done
            && self
                .document
                .write(self.entry.document(), &mut self.out, budget)
        {
            self.out.raw(&self.tail);
            self.done = true;
        }
        self.done
    }

    /// The record's JSON, written to the end first if need be.
    pub fn into_bytes(mut self) -> Vec<u8> {
        self.write(usize::MAX);
        self.out.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::store::Record;

    fn entry(text: &str) -> Arc<Entry> {
        let mut lib = Library::new();
        let doc = crate::annotate(
            "doc-1",
            text,
            crate::calendar::CalendarDate::new(2024, 3, 1),
        );
        let id = lib.add_document(doc, "A title", 7);
        Arc::new(lib.get(&id).cloned().expect("added"))
    }

    fn pieces(mut json: RecordJson, budget: usize) -> (Vec<u8>, usize) {
        let mut calls = 1;
        while !json.write(budget) {
            calls += 1;
        }
        (json.into_bytes(), calls)
    }

    #[test]
    fn the_pieces_make_the_bytes_serde_writes() {
        let text = "Baku said on Monday that \"talks\" would resume.\n\nArmenia's \
                    foreign minister denied it 😀 on 2 March.\r\nThe UN said so."
            .repeat(20);
        let e = entry(&text);
        assert!(!e.document().annotations.is_empty());
        let history = serde_json::json!({"undo": [1, 2], "redo": []});
        let removal = Removal {
            start: 0,
            end: 4,
            reason: "a link".into(),
            removed: "http".into(),
        };
        for (h, rev, cleanup) in [(None, 1, vec![]), (Some(&history), 12, vec![removal])] {
            let mut record = Record::new(&e, h.cloned(), rev);
            record.cleanup = cleanup.clone();
            let whole = serde_json::to_vec(&record).expect("serialises");
            for budget in [0, 1, 7, 100, 4096, usize::MAX] {
                let json = RecordJson::new(e.clone(), h, &cleanup, rev).expect("serialises");
                assert_eq!(json.key(), "doc-1");
                let (bytes, calls) = pieces(json, budget);
                assert!(bytes == whole, "budget {budget}: the same bytes");
                if budget == 100 {
                    assert!(calls > 20, "written in pieces ({calls})");
                }
            }
        }
    }

    #[test]
    fn a_record_written_in_pieces_loads_back() {
        let e = entry("");
        let json = RecordJson::new(e.clone(), None, &[], 3).expect("serialises");
        let (bytes, _) = pieces(json, 5);
        let record =
            super::super::load(std::str::from_utf8(&bytes).expect("utf-8")).expect("loads");
        assert_eq!(record.rev, 3);
        let (back, _, _) = record.into_parts().expect("reads");
        assert_eq!(&back, &*e);
    }
}

//! The messages between the page and the batch worker
//! (`crates/wasm-api/js/batch-worker.js`), as JSON strings: typed here so the page
//! never reads a field by name.

use claimlens_core::model::Document;
use serde::{Deserialize, Serialize};

/// One document for the worker to annotate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BatchInput<'d> {
    /// The document's id (kept in the result).
    pub id: &'d str,
    /// Its text.
    pub text: &'d str,
    /// Its date as `YYYY-MM-DD`, or empty to infer it.
    pub dct: String,
}

impl<'d> BatchInput<'d> {
    /// The worker's input for `doc`.
    pub fn of(doc: &'d Document) -> Self {
        BatchInput {
            id: &doc.id,
            text: &doc.text,
            dct: doc.dct.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// Where the worker finds the engine: the app's own wasm-bindgen glue and wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Engine {
    /// URL of `claimlens-app-<hash>.js`.
    pub glue: String,
    /// URL of `claimlens-app-<hash>_bg.wasm`.
    pub wasm: String,
}

/// What the page asks of the worker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum ToWorker<'d> {
    /// Annotate these documents, replacing any batch running.
    Batch {
        /// The batch's number.
        batch: u32,
        /// The documents.
        documents: Vec<BatchInput<'d>>,
        /// The engine's files (the worker looks them up itself when absent).
        #[serde(skip_serializing_if = "Option::is_none")]
        engine: Option<Engine>,
    },
    /// Stop the batch after the document in hand.
    Cancel {
        /// The batch's number.
        batch: u32,
    },
}

impl ToWorker<'_> {
    /// The message as the worker reads it.
    pub fn to_json(&self) -> String {
        // Plain strings and numbers only: serialisation cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// What the worker tells the page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum FromWorker {
    /// The engine is loaded.
    Ready {
        /// The API's version.
        version: String,
    },
    /// One document annotated.
    Progress {
        /// The batch's number.
        batch: u32,
        /// Documents finished.
        done: usize,
        /// Documents in the batch.
        total: usize,
        /// The document JSON (native format).
        document: String,
    },
    /// One document (or the engine itself, with no batch) failed.
    Failed {
        /// The batch's number, if any.
        batch: Option<u32>,
        /// Documents finished.
        done: usize,
        /// The document's id.
        id: String,
        /// Why.
        message: String,
    },
    /// The batch ended.
    Finished {
        /// The batch's number.
        batch: u32,
        /// Documents finished.
        done: usize,
        /// True when it stopped before the end.
        cancelled: bool,
    },
}

impl FromWorker {
    /// Reads a message from the worker; `None` for anything else.
    pub fn parse(json: &str) -> Option<FromWorker> {
        serde_json::from_str(json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_names_its_documents_and_dates() {
        let doc = Document::new("a", "Baku said \"no\".", "2020-09-27".parse().ok());
        let json = ToWorker::Batch {
            batch: 3,
            documents: vec![BatchInput::of(&doc)],
            engine: None,
        }
        .to_json();
        assert_eq!(
            json,
            r#"{"type":"batch","batch":3,"documents":[{"id":"a","text":"Baku said \"no\".","dct":"2020-09-27"}]}"#
        );
    }

    #[test]
    fn worker_messages_are_read_and_others_ignored() {
        let m = FromWorker::parse(
            r#"{"type":"finished","batch":1,"done":4,"total":9,"cancelled":true}"#,
        );
        assert_eq!(
            m,
            Some(FromWorker::Finished {
                batch: 1,
                done: 4,
                cancelled: true
            })
        );
        let f = FromWorker::parse(
            r#"{"type":"failed","batch":null,"done":0,"total":0,"id":"","message":"no wasm"}"#,
        );
        assert!(matches!(f, Some(FromWorker::Failed { batch: None, .. })));
        assert_eq!(FromWorker::parse("{\"type\":\"other\"}"), None);
        assert_eq!(FromWorker::parse("not json"), None);
    }
}

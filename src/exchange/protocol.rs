//! The messages between the page and the batch worker
//! (`crates/wasm-api/js/batch-worker.js`), protocol version [`PROTOCOL`]: typed here
//! so the page never reads a field by name.
//!
//! A message is a plain JavaScript object (the browser copies it to the other thread
//! as it is). Its small fields are typed here and travel through a short JSON header;
//! the big ones never go through JSON: each document's `text` is set on the object
//! as a string of its own ([`BatchInput::text`]), and the answer's document comes as a
//! string field `document` (native JSON) or, when the page asks for
//! [`Reply::Annotations`], as hand-over bytes (`claimlens_core::formats::handover`)
//! in a transferred buffer, `annotations`. So 10 MB of text is copied, never escaped
//! and unescaped, and the page reads back only what the engine added.

use claimlens_core::formats::handover::{self, Handover, HandoverError};
use claimlens_core::formats::native::{from_json, ReadError};
use claimlens_core::model::Document;
use serde::{Deserialize, Serialize};

/// The version of the messages; both sides refuse any other.
pub const PROTOCOL: u32 = 2;

/// One document for the worker to annotate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BatchInput<'d> {
    /// The document's id (kept in the result).
    pub id: &'d str,
    /// Its text: not in the JSON header, set on the message as a string of its own.
    #[serde(skip)]
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

/// What the worker answers with each document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reply {
    /// The native document JSON, text included (for pages that keep nothing).
    Document,
    /// Hand-over bytes without the text: for the page that sent it and keeps it.
    Annotations,
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
        /// The form of the answers.
        reply: Reply,
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

/// A message with its protocol version.
#[derive(Serialize)]
struct Outgoing<'m, 'd> {
    protocol: u32,
    #[serde(flatten)]
    message: &'m ToWorker<'d>,
}

impl ToWorker<'_> {
    /// The message's JSON header: everything but the documents' texts.
    pub fn header_json(&self) -> String {
        // Plain strings and numbers only: serialisation cannot fail.
        serde_json::to_string(&Outgoing {
            protocol: PROTOCOL,
            message: self,
        })
        .unwrap_or_default()
    }

    /// The texts to set on the header's documents, in order.
    pub fn texts(&self) -> Vec<&str> {
        match self {
            ToWorker::Batch { documents, .. } => documents.iter().map(|d| d.text).collect(),
            ToWorker::Cancel { .. } => Vec::new(),
        }
    }
}

/// The document that came with a `progress` message, as it came.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Payload {
    /// None came.
    #[default]
    Missing,
    /// The native document JSON.
    Document(String),
    /// Hand-over bytes.
    Annotations(Vec<u8>),
}

/// Why a worker's document could not be read.
#[derive(Debug)]
pub enum PayloadError {
    /// The message carried no document.
    Missing,
    /// The native JSON was refused.
    Document(ReadError),
    /// The hand-over bytes were refused.
    Annotations(HandoverError),
    /// A document JSON of another document.
    OtherDocument {
        /// The id sent.
        sent: String,
        /// The id received.
        got: String,
    },
}

impl std::fmt::Display for PayloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PayloadError::Missing => f.write_str("the worker's message carried no document"),
            PayloadError::Document(e) => e.fmt(f),
            PayloadError::Annotations(e) => e.fmt(f),
            PayloadError::OtherDocument { sent, got } => {
                write!(f, "the worker answered with document {got:?} for {sent:?}")
            }
        }
    }
}

impl Payload {
    /// The document `id` of `text` (the text sent to the worker), annotated.
    ///
    /// # Errors
    /// No document came, or it does not fit the text; `text` is given back with the
    /// error so the caller can still annotate it some other way.
    pub fn into_document(self, id: &str, text: String) -> Result<Document, (PayloadError, String)> {
        match self {
            Payload::Missing => Err((PayloadError::Missing, text)),
            Payload::Annotations(bytes) => match handover::decode(&bytes, &text) {
                Ok(read) => Ok(Handover::into_document(read, id.to_string(), text)),
                Err(e) => Err((PayloadError::Annotations(e), text)),
            },
            Payload::Document(json) => match from_json(&json) {
                Ok(doc) if doc.id == id && doc.text == text => Ok(doc),
                Ok(doc) => Err((
                    PayloadError::OtherDocument {
                        sent: id.to_string(),
                        got: doc.id,
                    },
                    text,
                )),
                Err(e) => Err((PayloadError::Document(e), text)),
            },
        }
    }
}

/// What the worker tells the page (read by [`FromWorker::parse`]).
#[derive(Debug, Clone, PartialEq, Eq)]
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
        /// The document's id.
        id: String,
        /// The document (outside the JSON header: set by the reader).
        payload: Payload,
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

/// A worker message the page does not take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotUnderstood {
    /// A worker of another version (a stale copy still cached): nothing it says can
    /// be trusted, so the page stops using it. `None` is version 1, which had none.
    OtherProtocol(Option<u32>),
    /// Not a message of this protocol at all (ignored).
    Other,
}

impl std::fmt::Display for NotUnderstood {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotUnderstood::OtherProtocol(v) => write!(
                f,
                "The annotation worker speaks protocol {}, this page {PROTOCOL} (an old copy \
                 still cached?): reload the page.",
                v.unwrap_or(1)
            ),
            NotUnderstood::Other => f.write_str("not a worker message"),
        }
    }
}

/// A message header as read: every type's keys side by side, matched to the `type`
/// afterwards. (A `#[serde(tag = "type")]` enum would buffer every key of every
/// message first, code that costs the web app a few KB.)
#[derive(Deserialize)]
struct Incoming {
    #[serde(rename = "type")]
    kind: String,
    version: Option<String>,
    batch: Option<u32>,
    done: Option<usize>,
    total: Option<usize>,
    id: Option<String>,
    message: Option<String>,
    cancelled: Option<bool>,
}

impl Incoming {
    /// The message, when its type is known and it has that type's keys.
    fn message(self) -> Option<FromWorker> {
        Some(match self.kind.as_str() {
            "ready" => FromWorker::Ready {
                version: self.version?,
            },
            "progress" => FromWorker::Progress {
                batch: self.batch?,
                done: self.done?,
                total: self.total?,
                id: self.id?,
                payload: Payload::Missing,
            },
            "failed" => FromWorker::Failed {
                batch: self.batch,
                done: self.done?,
                id: self.id?,
                message: self.message?,
            },
            "finished" => FromWorker::Finished {
                batch: self.batch?,
                done: self.done?,
                cancelled: self.cancelled?,
            },
            _ => return None,
        })
    }
}

/// Just the version, read first.
#[derive(Deserialize)]
struct Version {
    protocol: Option<u32>,
}

impl FromWorker {
    /// Reads a message's JSON header (its fields but the document).
    ///
    /// # Errors
    /// A message of another protocol version, or no message of this one.
    pub fn parse(json: &str) -> Result<FromWorker, NotUnderstood> {
        match serde_json::from_str::<Version>(json) {
            Ok(Version {
                protocol: Some(PROTOCOL),
            }) => serde_json::from_str::<Incoming>(json)
                .ok()
                .and_then(Incoming::message)
                .ok_or(NotUnderstood::Other),
            Ok(Version { protocol }) => Err(NotUnderstood::OtherProtocol(protocol)),
            Err(_) => Err(NotUnderstood::Other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_batch_header_names_its_documents_and_dates_but_not_their_texts() {
        let doc = Document::new("a", "Baku said \"no\".", "2020-09-27".parse().ok());
        let message = ToWorker::Batch {
            batch: 3,
            documents: vec![BatchInput::of(&doc)],
            reply: Reply::Annotations,
            engine: None,
        };
        assert_eq!(
            message.header_json(),
            r#"{"protocol":2,"type":"batch","batch":3,"documents":[{"id":"a","dct":"2020-09-27"}],"reply":"annotations"}"#
        );
        assert_eq!(message.texts(), ["Baku said \"no\"."]);
        let cancel = ToWorker::Cancel { batch: 3 };
        assert_eq!(
            cancel.header_json(),
            r#"{"protocol":2,"type":"cancel","batch":3}"#
        );
        assert!(cancel.texts().is_empty());
    }

    #[test]
    fn worker_messages_are_read_others_ignored_and_other_versions_named() {
        let m = FromWorker::parse(
            r#"{"protocol":2,"type":"finished","batch":1,"done":4,"total":9,"cancelled":true}"#,
        );
        assert_eq!(
            m,
            Ok(FromWorker::Finished {
                batch: 1,
                done: 4,
                cancelled: true
            })
        );
        let f = FromWorker::parse(
            r#"{"protocol":2,"type":"failed","batch":null,"done":0,"total":0,"id":"","message":"no wasm"}"#,
        );
        assert!(matches!(f, Ok(FromWorker::Failed { batch: None, .. })));
        let p = FromWorker::parse(
            r#"{"protocol":2,"type":"progress","batch":1,"done":1,"total":1,"id":"a"}"#,
        );
        assert!(matches!(
            p,
            Ok(FromWorker::Progress {
                payload: Payload::Missing,
                ..
            })
        ));
        assert_eq!(
            FromWorker::parse(r#"{"protocol":2,"type":"other"}"#),
            Err(NotUnderstood::Other)
        );
        assert_eq!(FromWorker::parse("not json"), Err(NotUnderstood::Other));
        // A known type without one of its keys is no message either.
        assert_eq!(
            FromWorker::parse(r#"{"protocol":2,"type":"progress","batch":1,"done":1,"id":"a"}"#),
            Err(NotUnderstood::Other)
        );
        let old = FromWorker::parse(r#"{"type":"ready","version":"0.1.0"}"#);
        assert_eq!(old, Err(NotUnderstood::OtherProtocol(None)));
        let message = old.expect_err("old").to_string();
        assert!(message.contains("protocol 1, this page 2") && message.contains("reload"));
        assert_eq!(
            FromWorker::parse(r#"{"protocol":3,"type":"ready","version":"9"}"#),
            Err(NotUnderstood::OtherProtocol(Some(3)))
        );
    }

    #[test]
    fn either_payload_gives_the_annotated_document_of_the_text_sent() {
        let text = "Maria Lopez said on Monday that Yerevan lied.";
        let doc = claimlens_core::annotate("a", text, None);
        let bytes = handover::encode(&doc).expect("encodes");
        let read = Payload::Annotations(bytes.clone()).into_document("a", text.into());
        assert_eq!(read.ok().as_ref(), Some(&doc));
        let json = claimlens_core::formats::native::to_json(&doc);
        let read = Payload::Document(json.clone()).into_document("a", text.into());
        assert_eq!(read.ok().as_ref(), Some(&doc));
        let (e, back) = Payload::Document(json)
            .into_document("b", text.into())
            .expect_err("another id");
        assert!(matches!(e, PayloadError::OtherDocument { .. }) && back == text);
        let (_, back) = Payload::Annotations(bytes)
            .into_document("a", "short".into())
            .expect_err("spans out of the text");
        assert_eq!(back, "short");
        assert!(matches!(
            Payload::Missing.into_document("a", text.into()),
            Err((PayloadError::Missing, _))
        ));
    }
}

//! "Who claimed what, when": one row per claim with its source, stance, cue,
//! content and date, shared by the CSV export and the HTML report.
//!
//! A claim's date is the date mention of its own sentence nearest before it (a live
//! blog's `18:50 GMT - X says Y` header, "on Sunday"), else the first one after it
//! in the sentence, else the document's date.

use crate::model::{Annotation, Attrs, Document, Layer, Status};
use crate::text::{sentences, ByteSpan, OffsetMap};

use super::labels;
use super::{exported, ExportOptions};

/// One claim, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// The claim's annotation id.
    pub id: u32,
    /// `suggested` or `accepted`.
    pub status: &'static str,
    /// The source as written (`he`, `the ministry`).
    pub source: String,
    /// The actor the source refers to, when known.
    pub source_entity: String,
    /// `assert`, `deny`, ... or empty.
    pub stance: &'static str,
    /// The cue as written.
    pub cue: String,
    /// The content (pieces joined by ` … `).
    pub content: String,
    /// The date: its normalised value when known, else its text, else the document date.
    pub date: String,
    /// The date as written in the text (empty when it is the document date).
    pub date_text: String,
    /// Code-point offsets of the content.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
}

/// The rows of one document, in text order.
pub fn rows(doc: &Document, options: &ExportOptions) -> Vec<ClaimRow> {
    let text = doc.text.as_str();
    let map = OffsetMap::new(text);
    let slice = |s: ByteSpan| s.slice(text).unwrap_or("").to_string();
    let anns: Vec<&Annotation> = exported(doc, options).collect();
    let dates: Vec<&Annotation> = anns
        .iter()
        .copied()
        .filter(|a| a.layer() == Layer::Date)
        .collect();
    let sents = sentences(text);
    let mut out = Vec::new();
    for a in &anns {
        let Attrs::Claim(c) = &a.attrs else { continue };
        let at = a.span.start();
        let sentence = sents
            .get(sents.partition_point(|s| s.end() <= at))
            .filter(|s| s.start() <= at)
            .copied()
            .unwrap_or(a.span);
        let first = dates.partition_point(|d| d.span.start() < sentence.start());
        let in_sentence = dates[first..]
            .iter()
            .take_while(|d| d.span.end() <= sentence.end());
        let mut before = None;
        let mut after = None;
        for d in in_sentence {
            if d.span.start() <= at {
                before = Some(*d);
            } else if after.is_none() {
                after = Some(*d);
            }
        }
        let (date, date_text) = match before.or(after) {
            Some(d) => {
                let written = slice(d.span);
                let value = match &d.attrs {
                    Attrs::Date(x) => x.value.clone(),
                    _ => None,
                };
                (value.unwrap_or_else(|| written.clone()), written)
            }
            None => (
                doc.dct.map(|d| d.to_string()).unwrap_or_default(),
                String::new(),
            ),
        };
        let content = if c.fragments.is_empty() {
            slice(a.span)
        } else {
            c.fragments
                .iter()
                .map(|f| slice(*f))
                .collect::<Vec<_>>()
                .join(" … ")
        };
        let chars = map
            .to_chars(a.span)
            .map_or((0, 0), |s| (s.start().0, s.end().0));
        out.push(ClaimRow {
            id: a.id.0,
            status: if a.status == Status::Suggested {
                "suggested"
            } else {
                "accepted"
            },
            source: c.source.map(slice).unwrap_or_default(),
            source_entity: c.source_entity.clone().unwrap_or_default(),
            stance: c.stance.map_or("", labels::stance_name),
            cue: c.cue.map(slice).unwrap_or_default(),
            content,
            date,
            date_text,
            start: chars.0,
            end: chars.1,
        });
    }
    out
}

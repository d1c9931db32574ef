//! spaCy/Prodigy JSONL: per document `text`, `tokens` (`text`, `start`, `end`, `id`,
//! `ws`), `spans` (`start`, `end`, `token_start`, `token_end` inclusive, `label`)
//! and `relations` (claim to source/cue), offsets in code points.
//!
//! The tokens rebuild the text exactly (`Doc(vocab, words, spaces)` gives back the
//! same string): runs of white space other than one plain space become tokens of
//! their own, and tokens are cut at every span boundary, so `Doc.char_span` finds
//! every span in strict alignment. Each span says whether it is an open suggestion
//! (`status`), which Prodigy ignores.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::{json, Value};

use crate::model::{Attrs, Document, Status};
use crate::text::{ByteSpan, OffsetMap};

use super::labels;
use super::segments::{boundaries, cut_tokens};
use super::{exported, ExportOptions};

/// A token of the export: its bytes and whether one plain space follows it.
struct SpacyToken {
    span: ByteSpan,
    ws: bool,
}

/// Writes `docs` as spaCy/Prodigy JSONL.
pub fn export(docs: &[Document], options: &ExportOptions) -> String {
    let mut out = String::new();
    for doc in docs {
        out.push_str(&export_one(doc, options));
        out.push('\n');
    }
    out
}

/// Tokens covering the whole text: words cut at `cuts`, and white space runs.
fn tokens(text: &str, cuts: &[usize]) -> Vec<SpacyToken> {
    let words = cut_tokens(text, cuts);
    let is_cut = |o: usize| cuts.binary_search(&o).is_ok();
    let mut out: Vec<SpacyToken> = Vec::with_capacity(words.len() + 1);
    let mut at = 0;
    let gap = |out: &mut Vec<SpacyToken>, from: usize, to: usize| {
        if from == to {
            return;
        }
        // One plain space after a word is the previous token's `ws`, unless a span
        // starts or ends at either side of it (then it must be a token to align).
        let single = &text[from..to] == " " && !is_cut(from) && !is_cut(to);
        if let (true, Some(last)) = (single, out.last_mut()) {
            last.ws = true;
            return;
        }
        let mut a = from;
        let inside = &cuts[cuts.partition_point(|&c| c <= from)..cuts.partition_point(|&c| c < to)];
        for &c in inside {
            out.extend(
                ByteSpan::from_raw(a, c)
                    .ok()
                    .map(|span| SpacyToken { span, ws: false }),
            );
            a = c;
        }
        out.extend(
            ByteSpan::from_raw(a, to)
                .ok()
                .map(|span| SpacyToken { span, ws: false }),
        );
    };
    for w in words {
        gap(&mut out, at, w.start().0);
        out.push(SpacyToken { span: w, ws: false });
        at = w.end().0;
    }
    gap(&mut out, at, text.len());
    out
}

fn export_one(doc: &Document, options: &ExportOptions) -> String {
    let map = OffsetMap::new(&doc.text);
    let chars = |o: usize| {
        map.byte_to_char(crate::text::ByteOffset(o))
            .map_or(0, |c| c.0)
    };
    let anns: Vec<_> = exported(doc, options).collect();
    let mut all_spans: Vec<ByteSpan> = Vec::new();
    for a in &anns {
        all_spans.push(a.span);
        if let Attrs::Claim(c) = &a.attrs {
            all_spans.extend(c.source);
            all_spans.extend(c.cue);
        }
    }
    let mut cuts = boundaries(&all_spans);
    crate::order::sort(&mut cuts);
    cuts.dedup();
    let toks = tokens(&doc.text, &cuts);
    let first_at: HashMap<usize, usize> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.span.start().0, i))
        .collect();
    let last_at: HashMap<usize, usize> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.span.end().0, i))
        .collect();
    let span_json = |span: ByteSpan, label: &str, status: Status| -> Value {
        let (ts, te) = if span.is_empty() {
            (None, None)
        } else {
            (first_at.get(&span.start().0), last_at.get(&span.end().0))
        };
        json!({
            "start": chars(span.start().0),
            "end": chars(span.end().0),
            "token_start": ts,
            "token_end": te,
            "label": label,
            "status": status.name(),
        })
    };
    let mut spans = Vec::new();
    let mut relations = Vec::new();
    let mut roles: HashSet<(ByteSpan, &str)> = HashSet::new();
    for a in &anns {
        let own = span_json(a.span, labels::label_of(&a.attrs), a.status);
        if let Attrs::Claim(c) = &a.attrs {
            for (role, span, label) in [
                (labels::REL_SOURCE, c.source, labels::SOURCE),
                (labels::REL_CUE, c.cue, labels::CUE),
            ] {
                let Some(span) = span else { continue };
                let child = span_json(span, label, a.status);
                if roles.insert((span, label)) {
                    spans.push(child.clone());
                }
                relations.push(json!({
                    "head": own["token_end"], "child": child["token_end"],
                    "head_span": own, "child_span": child, "label": role,
                }));
            }
        }
        spans.push(own);
    }
    let tokens: Vec<TokenOut<'_>> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| TokenOut {
            text: &doc.text[t.span.range()],
            start: chars(t.span.start().0),
            end: chars(t.span.end().0),
            id: i,
            ws: t.ws,
        })
        .collect();
    let mut meta = json!({"id": doc.id});
    if let Some(d) = doc.dct {
        meta["dct"] = json!(d.to_string());
    }
    let task = Task {
        text: &doc.text,
        tokens,
        spans,
        relations,
        meta,
    };
    serde_json::to_string(&task).unwrap_or_default()
}

/// One task line; plain structs because tokens are most of the file.
#[derive(Serialize)]
struct Task<'t> {
    text: &'t str,
    tokens: Vec<TokenOut<'t>>,
    spans: Vec<Value>,
    relations: Vec<Value>,
    meta: Value,
}

/// A token as written.
#[derive(Serialize)]
struct TokenOut<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_rebuild_the_text() {
        let text = "  Baku  said\r\n \"no\" 👩\u{200d}👧 ok ";
        let toks = tokens(text, &[]);
        let rebuilt: String = toks
            .iter()
            .map(|t| format!("{}{}", &text[t.span.range()], if t.ws { " " } else { "" }))
            .collect();
        assert_eq!(rebuilt, text);
        assert!(toks.iter().all(|t| !t.span.is_empty()));
    }

    #[test]
    fn a_space_at_a_span_edge_is_its_own_token() {
        let text = "Baku said";
        // A span "Baku " ends after the space.
        let toks = tokens(text, &[0, 5]);
        let words: Vec<&str> = toks.iter().map(|t| &text[t.span.range()]).collect();
        assert_eq!(words, ["Baku", " ", "said"]);
    }
}

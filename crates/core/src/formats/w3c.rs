//! W3C Web Annotation JSON-LD: one `AnnotationCollection` per document.
//!
//! Every span is an `Annotation` whose target carries a `TextQuoteSelector` (exact,
//! prefix, suffix) and a `TextPositionSelector` (code points); a claim in pieces has
//! one target per piece. Bodies are `TextualBody`s: the label (`tagging`), an actor's
//! entity (`identifying`), a date's value (`describing`), a claim's stance
//! (`classifying`). A claim's source and cue are annotations of their own, tied to
//! the claim by `linking` annotations (target: the claim, body: the part, plus a
//! `tagging` body `source` or `cue`). Web Annotation has no place for the text
//! itself or for review status, so the collection carries the text under
//! `cl:document` and each annotation its `cl:status`/`cl:origin` (`cl:` is
//! `urn:claimlens:`), which other tools ignore.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::model::{Attrs, Document, Origin, Stance, Status};
use crate::text::{ByteSpan, OffsetMap};

use super::draft::{finish_json_records, Draft, DraftAttrs, DraftItem};
use super::import::{ImportError, Notice, Place};
use super::labels::{self, Label};
use super::units::RawSpan;
use super::{exported, ExportOptions};

/// Code points of context kept in `prefix` and `suffix`.
const CONTEXT: usize = 32;

/// The IRI of a document: `urn:claimlens:doc:` and its percent-encoded id.
pub fn document_iri(id: &str) -> String {
    let mut out = String::from("urn:claimlens:doc:");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Writes one document's annotation collection.
pub fn export(doc: &Document, options: &ExportOptions) -> String {
    let map = OffsetMap::new(&doc.text);
    let iri = document_iri(&doc.id);
    let text = doc.text.as_str();
    let target = |span: ByteSpan| -> Value {
        let (s, e) = map
            .to_chars(span)
            .map_or((0, 0), |c| (c.start().0, c.end().0));
        let before = &text[..span.start().0];
        let after = &text[span.end().0..];
        // Walk at most CONTEXT characters from the span, never the whole text.
        let cut = before
            .char_indices()
            .rev()
            .take(CONTEXT)
            .last()
            .map_or(before.len(), |(i, _)| i);
        let prefix = &before[cut..];
        let suffix: String = after.chars().take(CONTEXT).collect();
        json!({
            "source": iri,
            "selector": [
                {"type": "TextQuoteSelector", "exact": span.slice(text).unwrap_or(""), "prefix": prefix, "suffix": suffix},
                {"type": "TextPositionSelector", "start": s, "end": e}
            ]
        })
    };
    let body = |purpose: &str, value: &str| json!({"type": "TextualBody", "purpose": purpose, "value": value});
    let provenance = |v: &mut Value, status: Status, origin: Origin| {
        v["cl:status"] = json!(status.name());
        v["cl:origin"] = json!(origin.name());
    };
    let mut items = Vec::new();
    let mut links = Vec::new();
    let mut parts: HashMap<(ByteSpan, &str), String> = HashMap::new();
    for a in exported(doc, options) {
        let id = format!("{iri}#a{}", a.id.0);
        let mut bodies = vec![body("tagging", labels::label_of(&a.attrs))];
        let mut targets = vec![target(a.span)];
        match &a.attrs {
            Attrs::Actor(x) => bodies.push(body("identifying", &x.entity)),
            Attrs::Date(x) => {
                if let Some(v) = &x.value {
                    bodies.push(body("describing", v));
                }
            }
            Attrs::Claim(c) => {
                if let Some(s) = c.stance {
                    bodies.push(body("classifying", s.name()));
                }
                if !c.fragments.is_empty() {
                    targets = c.fragments.iter().map(|f| target(*f)).collect();
                }
                for (role, span, label) in [
                    (labels::REL_SOURCE, c.source, labels::SOURCE),
                    (labels::REL_CUE, c.cue, labels::CUE),
                ] {
                    let Some(span) = span else { continue };
                    let n = parts.len() + 1;
                    let part = parts.entry((span, label)).or_insert_with(|| {
                        let pid = format!("{iri}#{role}{n}");
                        let mut bodies = vec![body("tagging", label)];
                        if let (true, Some(e)) = (label == labels::SOURCE, &c.source_entity) {
                            bodies.push(body("identifying", e));
                        }
                        let mut v = json!({"id": pid, "type": "Annotation", "motivation": "tagging", "body": bodies, "target": target(span)});
                        provenance(&mut v, a.status, a.origin);
                        items.push(v);
                        pid
                    });
                    let mut link = json!({
                        "id": format!("{id}-{role}"),
                        "type": "Annotation",
                        "motivation": "linking",
                        "body": [{"id": part.clone()}, body("tagging", role)],
                        "target": id,
                    });
                    provenance(&mut link, a.status, a.origin);
                    links.push(link);
                }
            }
        }
        let target = if targets.len() == 1 {
            targets.swap_remove(0)
        } else {
            Value::Array(targets)
        };
        let mut v = json!({"id": id, "type": "Annotation", "motivation": "tagging", "body": bodies, "target": target});
        provenance(&mut v, a.status, a.origin);
        items.push(v);
    }
    items.extend(links);
    let mut document = json!({"id": iri, "cl:id": doc.id, "cl:text": doc.text});
    if let Some(d) = doc.dct {
        document["cl:dct"] = json!(d.to_string());
    }
    let v = json!({
        "@context": ["http://www.w3.org/ns/anno.jsonld", {"cl": "urn:claimlens:"}],
        "id": format!("{iri}/annotations"),
        "type": "AnnotationCollection",
        "label": format!("claimlens annotations of {}", doc.id),
        "total": items.len(),
        "cl:document": document,
        "first": {"type": "AnnotationPage", "items": items},
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
    s.push('\n');
    s
}

/// Reads one annotation collection (or a list of them) written by [`export`].
///
/// # Errors
/// Not JSON, no document text, an annotation without a position selector, an
/// unknown label, a link to a missing annotation, or a span that fits the text in no
/// unit; each with its JSON path.
pub fn import(
    text: &str,
    file: &str,
    stem: &str,
) -> Result<(Vec<Document>, Vec<Notice>), ImportError> {
    finish_json_records(
        text,
        file,
        "a W3C annotation collection or a list of them",
        |c, path, _, _| read_collection(c, path, file, stem),
    )
}

fn str_at<'v>(v: &'v Value, key: &str) -> Option<&'v str> {
    v.get(key).and_then(Value::as_str)
}

/// `body` as a list (a single body may be written bare).
fn list(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(x) => vec![x],
        None => Vec::new(),
    }
}

fn read_collection(c: &Value, path: &str, file: &str, stem: &str) -> Result<Draft, ImportError> {
    let err = |p: String, msg: String| ImportError::new(file, Place::path(p), msg);
    let document = c
        .get("cl:document")
        .or_else(|| c.get("urn:claimlens:document"));
    let text = document
        .and_then(|d| str_at(d, "cl:text"))
        .ok_or_else(|| err(format!("{path}.cl:document"), "no document text: Web Annotations point at a text they do not hold; claimlens writes it under `cl:document.cl:text`".into()))?;
    let id = document
        .and_then(|d| str_at(d, "cl:id"))
        .unwrap_or(stem)
        .to_string();
    let mut draft = Draft::new(id, text);
    draft.dct = document
        .and_then(|d| str_at(d, "cl:dct"))
        .and_then(|s| s.parse().ok());
    let (items, ipath) = match c.get("first").and_then(|f| f.get("items")) {
        Some(i) => (i, format!("{path}.first.items")),
        None => (
            c.get("items").unwrap_or(&Value::Null),
            format!("{path}.items"),
        ),
    };
    let items = items.as_array().map(Vec::as_slice).unwrap_or_default();
    struct Found {
        at: String,
        label: Label,
        span: usize,
        bodies: HashMap<String, String>,
        status: Status,
        origin: Origin,
        source: Option<usize>,
        cue: Option<usize>,
        linked: bool,
    }
    let mut found: Vec<Found> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, a) in items.iter().enumerate() {
        let p = format!("{ipath}[{i}]");
        if str_at(a, "motivation") == Some("linking") {
            continue;
        }
        let mut bodies = HashMap::new();
        for b in list(a.get("body")) {
            if let (Some(purpose), Some(value)) = (str_at(b, "purpose"), str_at(b, "value")) {
                bodies.insert(purpose.to_string(), value.to_string());
            }
        }
        let name = bodies.get("tagging").cloned().unwrap_or_default();
        let label = labels::parse(&name).ok_or_else(|| {
            err(
                p.clone(),
                format!("no known label in a `tagging` body (found {name:?})"),
            )
        })?;
        let mut pieces = Vec::new();
        let mut quotes = Vec::new();
        for (k, t) in list(a.get("target")).into_iter().enumerate() {
            let selectors = list(t.get("selector"));
            let position = selectors
                .iter()
                .find(|s| str_at(s, "type") == Some("TextPositionSelector"));
            let num = |k: &str| {
                position
                    .and_then(|s| s.get(k))
                    .and_then(Value::as_u64)
                    .and_then(|x| usize::try_from(x).ok())
            };
            let (Some(s), Some(e)) = (num("start"), num("end")) else {
                return Err(err(
                    format!("{p}.target[{k}]"),
                    "a target needs a TextPositionSelector with `start` and `end`".into(),
                ));
            };
            pieces.push((s, e));
            quotes.push(
                selectors
                    .iter()
                    .find(|s| str_at(s, "type") == Some("TextQuoteSelector"))
                    .and_then(|s| str_at(s, "exact")),
            );
        }
        if pieces.is_empty() {
            return Err(err(p, "an annotation needs a target".into()));
        }
        let quote = quotes
            .iter()
            .copied()
            .collect::<Option<Vec<&str>>>()
            .map(|q| q.join(" "));
        let span = draft.span(RawSpan {
            pieces,
            quote,
            place: Place::path(p.clone()),
        });
        if let Some(id) = str_at(a, "id") {
            by_id.insert(id, found.len());
        }
        found.push(Found {
            at: p,
            label,
            span,
            bodies,
            status: if str_at(a, "cl:status") == Some(Status::Suggested.name()) {
                Status::Suggested
            } else {
                Status::Accepted
            },
            origin: if str_at(a, "cl:origin") == Some(Origin::Auto.name()) {
                Origin::Auto
            } else {
                Origin::Manual
            },
            source: None,
            cue: None,
            linked: false,
        });
    }
    for (i, a) in items.iter().enumerate() {
        if str_at(a, "motivation") != Some("linking") {
            continue;
        }
        let p = format!("{ipath}[{i}]");
        let target = a
            .get("target")
            .and_then(|t| t.as_str().or_else(|| str_at(t, "id")));
        let bodies = list(a.get("body"));
        let part = bodies
            .iter()
            .find_map(|b| b.as_str().or_else(|| str_at(b, "id")));
        let role = bodies
            .iter()
            .find(|b| str_at(b, "purpose") == Some("tagging"))
            .and_then(|b| str_at(b, "value"))
            .unwrap_or("");
        let (Some(&claim), Some(&part)) = (
            target.and_then(|t| by_id.get(t)),
            part.and_then(|b| by_id.get(b)),
        ) else {
            return Err(err(
                p,
                "a linking annotation must target a claim and have the linked annotation as body"
                    .into(),
            ));
        };
        if !matches!(found[claim].label, Label::Claim(_)) {
            return Err(err(p, "a linking annotation must target a claim".into()));
        }
        match (role, found[part].label) {
            (labels::REL_SOURCE | "", Label::Source) => found[claim].source = Some(part),
            (labels::REL_CUE | "", Label::Cue) => found[claim].cue = Some(part),
            _ => {
                return Err(err(
                    p,
                    format!(
                    "link {role:?} must join a claim to a SOURCE (source) or CUE (cue) annotation"
                ),
                ))
            }
        }
        found[part].linked = true;
    }
    for f in &found {
        let body = |k: &str| f.bodies.get(k).cloned();
        let attrs = match f.label {
            Label::Actor(kind) => DraftAttrs::Actor {
                kind,
                entity: body("identifying"),
            },
            Label::Date(kind) => DraftAttrs::Date {
                kind,
                value: body("describing"),
            },
            Label::Claim(kind) => DraftAttrs::Claim {
                kind,
                source: f.source.map(|s| found[s].span),
                cue: f.cue.map(|c| found[c].span),
                stance: match body("classifying") {
                    None => None,
                    Some(s) => Some(
                        Stance::parse(&s)
                            .ok_or_else(|| err(f.at.clone(), format!("unknown stance {s:?}")))?,
                    ),
                },
                source_entity: f
                    .source
                    .and_then(|s| found[s].bodies.get("identifying").cloned()),
            },
            Label::Source | Label::Cue if f.linked => continue,
            Label::Source | Label::Cue => {
                return Err(err(
                    f.at.clone(),
                    "a SOURCE or CUE annotation must be linked to a claim".into(),
                ))
            }
        };
        draft.items.push(DraftItem {
            span: f.span,
            attrs,
            origin: f.origin,
            status: f.status,
        });
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimKind;
    use crate::test_support::{claim_attrs, span_of};

    #[test]
    fn spans_carry_quote_and_position_selectors_and_claims_link_their_parts() {
        let text = "😀 Baku said no.";
        let at = |s: &str| span_of(text, s);
        let mut doc = Document::new("d 1", text, None);
        doc.add(
            at("no"),
            Attrs::Claim(claim_attrs(ClaimKind::Indirect, Some(at("Baku")), None)),
            Origin::Auto,
            Status::Accepted,
        );
        let v: Value = serde_json::from_str(&export(&doc, &ExportOptions::default())).unwrap();
        assert_eq!(v["type"], "AnnotationCollection");
        let items = v["first"]["items"].as_array().unwrap();
        let source = &items[0];
        assert_eq!(source["target"]["source"], "urn:claimlens:doc:d%201");
        assert_eq!(
            source["target"]["selector"],
            json!([
                {"type": "TextQuoteSelector", "exact": "Baku", "prefix": "😀 ", "suffix": " said no."},
                {"type": "TextPositionSelector", "start": 2, "end": 6}
            ])
        );
        let link = items.iter().find(|i| i["motivation"] == "linking").unwrap();
        assert_eq!(link["target"], items[1]["id"]);
        assert_eq!(link["body"][0]["id"], source["id"]);
    }
}

//! doccano sequence-labelling JSONL: one document a line with `text`, `entities`
//! (`id`, `label`, `start_offset`, `end_offset`) and `relations` (`from_id`, `to_id`,
//! `type`).
//!
//! doccano has no attributes and no quoted text: kinds are labels ([`super::labels`]),
//! a claim's source and cue are `SOURCE`/`CUE` entities linked by `source`/`cue`
//! relations, and the ids of open suggestions are listed under `suggested` (doccano
//! keeps unknown keys as metadata). Offsets are code points (what doccano's Python
//! back end counts) unless UTF-16 is asked for; `offset_unit` names the unit. On
//! import, with no text to check against, the unit is decided by word boundaries
//! ([`super::units`]); the older `label: [[start, end, "LABEL"]]` form is read too.

use std::collections::{HashMap, HashSet};

use serde_json::{json, Value};

use crate::model::{Attrs, Document, Origin, Status};
use crate::text::{ByteSpan, OffsetMap};

use super::draft::{finish, Draft, DraftAttrs, DraftItem};
use super::import::{jsonl_lines, parse_json, ImportError, Notice, Place};
use super::labels::{self, Label};
use super::units::{CountUnit, RawSpan};
use super::{exported, ExportOptions, OffsetUnit};

/// Writes `docs` as doccano JSONL.
pub fn export(docs: &[Document], options: &ExportOptions) -> String {
    let mut out = String::new();
    for doc in docs {
        out.push_str(&export_one(doc, options).to_string());
        out.push('\n');
    }
    out
}

fn export_one(doc: &Document, options: &ExportOptions) -> Value {
    let map = OffsetMap::new(&doc.text);
    let offsets = |s: ByteSpan| -> (usize, usize) {
        let r = match options.unit {
            OffsetUnit::CodePoint => map.to_chars(s).map(|c| (c.start().0, c.end().0)),
            OffsetUnit::Utf16 => map.to_utf16(s).map(|c| (c.start().0, c.end().0)),
        };
        r.unwrap_or((0, 0))
    };
    let mut entities = Vec::new();
    let mut relations = Vec::new();
    let mut suggested = Vec::new();
    // A claim's source or cue is one entity however many claims share it.
    let mut roles: HashMap<(ByteSpan, &str), u32> = HashMap::new();
    let mut next = 1u32;
    let mut entity = |span: ByteSpan, label: &'static str, entities: &mut Vec<Value>| -> u32 {
        let id = next;
        next += 1;
        let (s, e) = offsets(span);
        entities.push(json!({"id": id, "label": label, "start_offset": s, "end_offset": e}));
        id
    };
    for a in exported(doc, options) {
        let id = entity(a.span, labels::label_of(&a.attrs), &mut entities);
        if a.status == Status::Suggested {
            suggested.push(id);
        }
        if let Attrs::Claim(c) = &a.attrs {
            for (role, span, label) in [
                (labels::REL_SOURCE, c.source, labels::SOURCE),
                (labels::REL_CUE, c.cue, labels::CUE),
            ] {
                if let Some(span) = span {
                    let to = match roles.get(&(span, label)) {
                        Some(&to) => to,
                        None => {
                            let to = entity(span, label, &mut entities);
                            roles.insert((span, label), to);
                            to
                        }
                    };
                    relations.push(json!({"id": relations.len() + 1, "from_id": id, "to_id": to, "type": role}));
                }
            }
        }
    }
    let unit = match options.unit {
        OffsetUnit::CodePoint => "codepoint",
        OffsetUnit::Utf16 => "utf16",
    };
    let mut v = json!({
        "id": doc.id,
        "text": doc.text,
        "entities": entities,
        "relations": relations,
        "suggested": suggested,
        "offset_unit": unit,
    });
    if let Some(d) = doc.dct {
        v["dct"] = json!(d.to_string());
    }
    v
}

/// Reads doccano JSONL (or one JSON object).
///
/// # Errors
/// A line that is not a doccano record, an unknown label, a relation to a missing
/// entity, or a span that fits the text in no unit; each with its line and path.
pub fn import(
    text: &str,
    file: &str,
    stem: &str,
) -> Result<(Vec<Document>, Vec<Notice>), ImportError> {
    let mut docs = Vec::new();
    let mut notices = Vec::new();
    for (n, line) in jsonl_lines(text) {
        let v = parse_json(line, file, Some(n))?;
        let draft = read_record(&v, file, n, stem)?;
        let (doc, notice) = finish(draft, file)?;
        docs.push(doc);
        notices.extend(notice);
    }
    Ok((docs, notices))
}

fn read_record(v: &Value, file: &str, n: usize, stem: &str) -> Result<Draft, ImportError> {
    let err = |path: String, msg: String| ImportError::new(file, Place::at(Some(n), path), msg);
    let text = v
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| err("$.text".into(), "no `text` string".into()))?;
    let id = match v.get("id") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(x)) => x.to_string(),
        _ => format!("{stem}-{n}"),
    };
    let mut draft = Draft::new(id, text);
    draft.dct = v
        .get("dct")
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok());
    match v.get("offset_unit").and_then(Value::as_str) {
        Some("utf16") => draft.declared = CountUnit::Utf16,
        Some("codepoint") => {}
        Some(other) => {
            return Err(err(
                "$.offset_unit".into(),
                format!("unknown offset unit {other:?}; expected codepoint or utf16"),
            ))
        }
        None => {}
    }
    draft.unit_named = v.get("offset_unit").is_some();
    let suggested: HashSet<String> = v
        .get("suggested")
        .and_then(Value::as_array)
        .map(|a| a.iter().map(Value::to_string).collect())
        .unwrap_or_default();
    // (entity id, span index, label) in file order.
    let mut ents: Vec<(Value, usize, Label, String)> = Vec::new();
    if let Some(list) = v.get("entities").and_then(Value::as_array) {
        for (i, e) in list.iter().enumerate() {
            let path = format!("$.entities[{i}]");
            let num = |k: &str| {
                e.get(k)
                    .and_then(Value::as_u64)
                    .and_then(|x| usize::try_from(x).ok())
            };
            let (Some(s), Some(end), Some(label)) = (
                num("start_offset"),
                num("end_offset"),
                e.get("label").and_then(Value::as_str),
            ) else {
                return Err(err(
                    path,
                    "an entity needs `start_offset`, `end_offset` and `label`".into(),
                ));
            };
            let parsed = labels::parse(label)
                .ok_or_else(|| err(path.clone(), format!("unknown label {label:?}")))?;
            let span = draft.span(RawSpan::new(s, end, None, Place::at(Some(n), path)));
            ents.push((
                e.get("id").cloned().unwrap_or(Value::Null),
                span,
                parsed,
                label.into(),
            ));
        }
    } else if let Some(list) = v.get("label").and_then(Value::as_array) {
        for (i, e) in list.iter().enumerate() {
            let path = format!("$.label[{i}]");
            let triple = e.as_array().filter(|a| a.len() == 3);
            let (Some(s), Some(end), Some(label)) = (
                triple
                    .and_then(|a| a[0].as_u64())
                    .and_then(|x| usize::try_from(x).ok()),
                triple
                    .and_then(|a| a[1].as_u64())
                    .and_then(|x| usize::try_from(x).ok()),
                triple.and_then(|a| a[2].as_str()),
            ) else {
                return Err(err(path, "a label is [start, end, \"LABEL\"]".into()));
            };
            let parsed = labels::parse(label)
                .ok_or_else(|| err(path.clone(), format!("unknown label {label:?}")))?;
            let span = draft.span(RawSpan::new(s, end, None, Place::at(Some(n), path)));
            ents.push((Value::Null, span, parsed, label.into()));
        }
    }
    let by_id: HashMap<String, usize> = ents
        .iter()
        .enumerate()
        .filter(|(_, e)| !e.0.is_null())
        .map(|(i, e)| (e.0.to_string(), i))
        .collect();
    let mut links: HashMap<usize, (Option<usize>, Option<usize>)> = HashMap::new();
    let mut linked = vec![false; ents.len()];
    if let Some(list) = v.get("relations").and_then(Value::as_array) {
        for (i, r) in list.iter().enumerate() {
            let path = format!("$.relations[{i}]");
            let find = |k: &str| by_id.get(&r.get(k)?.to_string()).copied();
            let (Some(from), Some(to)) = (find("from_id"), find("to_id")) else {
                return Err(err(
                    path,
                    "`from_id` or `to_id` names no entity of this record".into(),
                ));
            };
            let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
            let entry = links.entry(from).or_default();
            match (kind.to_ascii_lowercase().as_str(), ents[to].2) {
                ("source", Label::Source) => entry.0 = Some(ents[to].1),
                ("cue", Label::Cue) => entry.1 = Some(ents[to].1),
                _ => {
                    return Err(err(
                        path,
                        format!("relation {kind:?} to a {} entity: expected `source` to SOURCE or `cue` to CUE", ents[to].3),
                    ))
                }
            }
            linked[to] = true;
        }
    }
    for (i, (eid, span, label, _)) in ents.iter().enumerate() {
        let status = if !eid.is_null() && suggested.contains(&eid.to_string()) {
            Status::Suggested
        } else {
            Status::Accepted
        };
        let origin = if status == Status::Suggested {
            Origin::Auto
        } else {
            Origin::Manual
        };
        let attrs = match *label {
            Label::Actor(kind) => DraftAttrs::Actor { kind, entity: None },
            Label::Date(kind) => DraftAttrs::Date { kind, value: None },
            Label::Claim(kind) => {
                let (source, cue) = links.get(&i).copied().unwrap_or_default();
                DraftAttrs::Claim {
                    kind,
                    source,
                    cue,
                    stance: None,
                    source_entity: None,
                }
            }
            Label::Source | Label::Cue if linked[i] => continue,
            Label::Source | Label::Cue => {
                return Err(err(
                    format!("$.entities[{i}]"),
                    "a SOURCE or CUE entity must be linked to a claim by a relation".into(),
                ))
            }
        };
        draft.items.push(DraftItem {
            span: *span,
            attrs,
            origin,
            status,
        });
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_older_label_form_reads_too() {
        let line = r#"{"text":"Baku said no.","label":[[0,4,"GPE"],[10,12,"CLAIM"]]}"#;
        let (docs, notices) = import(line, "old.jsonl", "old").unwrap();
        assert!(notices.is_empty());
        assert_eq!(docs[0].id, "old-1");
        assert_eq!(docs[0].annotations.len(), 2);
        let err = import(r#"{"text":"x","label":[[0,1]]}"#, "old.jsonl", "old").unwrap_err();
        assert_eq!(
            err.to_string(),
            "old.jsonl:1: $.label[0]: a label is [start, end, \"LABEL\"]"
        );
    }

    #[test]
    fn relations_must_name_entities_of_the_record() {
        let line = r#"{"text":"Baku said no.","entities":[{"id":1,"label":"CLAIM","start_offset":10,"end_offset":12}],"relations":[{"from_id":1,"to_id":9,"type":"source"}]}"#;
        let err = import(line, "r.jsonl", "r").unwrap_err();
        assert!(
            err.to_string().starts_with("r.jsonl:1: $.relations[0]:"),
            "{err}"
        );
    }
}

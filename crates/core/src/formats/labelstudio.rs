//! Label Studio tasks JSON: a list of tasks with `data.text`; accepted and manual
//! annotations under `annotations`, open suggestions under `predictions`.
//!
//! Each span is a `labels` result (`value.start/end/text/labels`, code points as
//! Label Studio's back end counts them since it stopped counting UTF-16); a date's
//! value and an actor's entity are per-region `textarea` results and a claim's
//! stance a per-region `choices` result sharing the region's id; a claim's source
//! and cue are `SOURCE`/`CUE` regions linked by `relation` results labelled
//! `source`/`cue`. Older exports counted UTF-16 units: import detects that from
//! the quoted `text` of every region.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::model::{Attrs, Document, Origin, Stance, Status};
use crate::text::{ByteSpan, OffsetMap};

use super::draft::{finish_json_records, Draft, DraftAttrs, DraftItem};
use super::import::{ImportError, Notice, Place};
use super::labels::{self, Label};
use super::units::RawSpan;
use super::{exported, ExportOptions};

/// The labelling configuration matching the export, for a new Label Studio project.
pub fn label_config() -> String {
    let labels: String = labels::ALL
        .iter()
        .map(|l| format!("    <Label value=\"{l}\"/>\n"))
        .collect();
    let stances: String = Stance::ALL
        .iter()
        .map(|s| format!("    <Choice value=\"{}\"/>\n", s.name()))
        .collect();
    format!(
        "<View>\n  <Relations>\n    <Relation value=\"source\"/>\n    <Relation value=\"cue\"/>\n  </Relations>\n\
         \x20 <Labels name=\"label\" toName=\"text\">\n{labels}  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n\
         \x20 <TextArea name=\"value\" toName=\"text\" perRegion=\"true\"/>\n\
         \x20 <TextArea name=\"entity\" toName=\"text\" perRegion=\"true\"/>\n\
         \x20 <Choices name=\"stance\" toName=\"text\" perRegion=\"true\">\n{stances}  </Choices>\n</View>\n"
    )
}

/// Writes `docs` as one Label Studio tasks file.
pub fn export(docs: &[Document], options: &ExportOptions) -> String {
    let tasks: Vec<Value> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| export_task(i + 1, d, options))
        .collect();
    let mut s = serde_json::to_string_pretty(&Value::Array(tasks)).unwrap_or_default();
    s.push('\n');
    s
}

fn export_task(n: usize, doc: &Document, options: &ExportOptions) -> Value {
    let map = OffsetMap::new(&doc.text);
    let mut accepted = Results::default();
    let mut suggested = Results::default();
    for a in exported(doc, options) {
        let results = if a.status == Status::Suggested {
            &mut suggested
        } else {
            &mut accepted
        };
        let origin = if a.origin == Origin::Manual {
            "manual"
        } else {
            "prediction"
        };
        let id = format!("a{}", a.id.0);
        results.region(&map, &id, a.span, labels::label_of(&a.attrs), origin);
        match &a.attrs {
            Attrs::Actor(x) => results.per_region(
                &map,
                &id,
                a.span,
                "entity",
                "textarea",
                json!({"text": [x.entity]}),
            ),
            Attrs::Date(x) => {
                if let Some(v) = &x.value {
                    results.per_region(
                        &map,
                        &id,
                        a.span,
                        "value",
                        "textarea",
                        json!({"text": [v]}),
                    );
                }
            }
            Attrs::Claim(c) => {
                if let Some(s) = c.stance {
                    results.per_region(
                        &map,
                        &id,
                        a.span,
                        "stance",
                        "choices",
                        json!({"choices": [s.name()]}),
                    );
                }
                for (role, span, label) in [
                    (labels::REL_SOURCE, c.source, labels::SOURCE),
                    (labels::REL_CUE, c.cue, labels::CUE),
                ] {
                    let Some(span) = span else { continue };
                    let (to, new) = results.role(&map, span, label, origin);
                    if let (true, Some(e)) = (new && label == labels::SOURCE, &c.source_entity) {
                        results.per_region(
                            &map,
                            &to,
                            span,
                            "entity",
                            "textarea",
                            json!({"text": [e]}),
                        );
                    }
                    results.items.push(json!({
                        "type": "relation", "from_id": id, "to_id": to,
                        "direction": "right", "labels": [role]
                    }));
                }
            }
        }
    }
    let mut data = json!({"text": doc.text, "id": doc.id});
    if let Some(d) = doc.dct {
        data["dct"] = json!(d.to_string());
    }
    let mut task = json!({"id": n, "data": data, "annotations": [], "predictions": []});
    if !accepted.items.is_empty() {
        task["annotations"] = json!([{"result": accepted.items, "ground_truth": false}]);
    }
    if !suggested.items.is_empty() {
        task["predictions"] = json!([{"model_version": "claimlens", "result": suggested.items}]);
    }
    task
}

/// The result list of one annotation or prediction.
#[derive(Default)]
struct Results {
    items: Vec<Value>,
    roles: HashMap<(ByteSpan, &'static str), String>,
}

impl Results {
    fn value(map: &OffsetMap<'_>, span: ByteSpan) -> Value {
        let c = map
            .to_chars(span)
            .map_or((0, 0), |c| (c.start().0, c.end().0));
        json!({"start": c.0, "end": c.1, "text": span.slice(map.text()).unwrap_or("")})
    }

    fn region(&mut self, map: &OffsetMap<'_>, id: &str, span: ByteSpan, label: &str, origin: &str) {
        let mut value = Self::value(map, span);
        value["labels"] = json!([label]);
        self.items.push(json!({
            "id": id, "from_name": "label", "to_name": "text", "type": "labels",
            "origin": origin, "value": value
        }));
    }

    fn per_region(
        &mut self,
        map: &OffsetMap<'_>,
        id: &str,
        span: ByteSpan,
        from: &str,
        ty: &str,
        extra: Value,
    ) {
        let mut value = Self::value(map, span);
        if let (Some(v), Some(e)) = (value.as_object_mut(), extra.as_object()) {
            v.remove("text");
            v.extend(e.clone());
        }
        self.items.push(json!({
            "id": id, "from_name": from, "to_name": "text", "type": ty, "value": value
        }));
    }

    /// The region of a source or cue span, made on first use (`true` when new).
    fn role(
        &mut self,
        map: &OffsetMap<'_>,
        span: ByteSpan,
        label: &'static str,
        origin: &str,
    ) -> (String, bool) {
        if let Some(id) = self.roles.get(&(span, label)) {
            return (id.clone(), false);
        }
        let id = format!("{}{}", label.to_ascii_lowercase(), self.roles.len() + 1);
        self.region(map, &id, span, label, origin);
        self.roles.insert((span, label), id.clone());
        (id, true)
    }
}

/// Reads a Label Studio tasks file (a list of tasks, or one task).
///
/// # Errors
/// Not JSON, a task without `data.text`, an unknown label or result type, a
/// relation to a missing region, or a span that fits the text in no unit; each with
/// its JSON path.
pub fn import(
    text: &str,
    file: &str,
    stem: &str,
) -> Result<(Vec<Document>, Vec<Notice>), ImportError> {
    finish_json_records(
        text,
        file,
        "a list of Label Studio tasks",
        |task, path, n, notices| read_task(task, path, file, &format!("{stem}-{}", n + 1), notices),
    )
}

fn read_task(
    task: &Value,
    path: &str,
    file: &str,
    fallback_id: &str,
    notices: &mut Vec<Notice>,
) -> Result<Draft, ImportError> {
    let err = |p: String, msg: String| ImportError::new(file, Place::path(p), msg);
    let data = task.get("data");
    let text = data
        .and_then(|d| d.get("text"))
        .and_then(Value::as_str)
        .ok_or_else(|| {
            err(
                format!("{path}.data.text"),
                "a task needs a `data.text` string".into(),
            )
        })?;
    let id = match (data.and_then(|d| d.get("id")), task.get("id")) {
        (Some(Value::String(s)), _) => s.clone(),
        (Some(Value::Number(x)), _) | (None, Some(Value::Number(x))) => x.to_string(),
        _ => fallback_id.to_string(),
    };
    let mut draft = Draft::new(id, text);
    draft.dct = data
        .and_then(|d| d.get("dct"))
        .and_then(Value::as_str)
        .and_then(|s| s.parse().ok());
    let mut lists: Vec<(String, &Value, Status)> = Vec::new();
    for (key, status) in [
        ("annotations", Status::Accepted),
        ("predictions", Status::Suggested),
    ] {
        let Some(all) = task.get(key).and_then(Value::as_array) else {
            continue;
        };
        let live: Vec<(usize, &Value)> = all
            .iter()
            .enumerate()
            .filter(|(_, a)| a.get("was_cancelled").and_then(Value::as_bool) != Some(true))
            .collect();
        if let Some((i, first)) = live.first() {
            if live.len() > 1 {
                notices.push(Notice {
                    file: file.to_string(),
                    document: draft.id.clone(),
                    message: format!(
                        "{path}.{key} holds {} versions; the first ({path}.{key}[{i}]) was read",
                        live.len()
                    ),
                });
            }
            let result = first.get("result").unwrap_or(&Value::Null);
            lists.push((format!("{path}.{key}[{i}].result"), result, status));
        }
    }
    for (rpath, result, status) in lists {
        read_result(&mut draft, result, &rpath, status, file)?;
    }
    Ok(draft)
}

fn read_result(
    draft: &mut Draft,
    result: &Value,
    path: &str,
    status: Status,
    file: &str,
) -> Result<(), ImportError> {
    let err = |p: String, msg: String| ImportError::new(file, Place::path(p), msg);
    let items = result.as_array().map(Vec::as_slice).unwrap_or_default();
    // Region id -> (item index, span index, label, origin, attributes).
    struct Region {
        at: usize,
        span: usize,
        label: Label,
        origin: Origin,
        entity: Option<String>,
        value: Option<String>,
        stance: Option<String>,
        source: Option<usize>,
        cue: Option<usize>,
        linked: bool,
    }
    let mut regions: Vec<Region> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let id_of = |item: &Value| match item.get("id") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        if item.get("type").and_then(Value::as_str) != Some("labels") {
            continue;
        }
        let value = item.get("value").unwrap_or(&Value::Null);
        let num = |k: &str| {
            value
                .get(k)
                .and_then(Value::as_u64)
                .and_then(|x| usize::try_from(x).ok())
        };
        let (Some(start), Some(end)) = (num("start"), num("end")) else {
            return Err(err(
                p,
                "a labels result needs `value.start` and `value.end`".into(),
            ));
        };
        let Some(name) = value
            .get("labels")
            .and_then(Value::as_array)
            .and_then(|l| l.first())
            .and_then(Value::as_str)
        else {
            return Err(err(p, "a labels result needs `value.labels`".into()));
        };
        let label =
            labels::parse(name).ok_or_else(|| err(p.clone(), format!("unknown label {name:?}")))?;
        let quote = value
            .get("text")
            .and_then(Value::as_str)
            .map(str::to_string);
        let span = draft.span(RawSpan::new(start, end, quote, Place::path(p.clone())));
        let origin = match item.get("origin").and_then(Value::as_str) {
            Some("manual") => Origin::Manual,
            Some(_) => Origin::Auto,
            None if status == Status::Accepted => Origin::Manual,
            None => Origin::Auto,
        };
        if let Some(id) = id_of(item) {
            by_id.insert(id, regions.len());
        }
        regions.push(Region {
            at: i,
            span,
            label,
            origin,
            entity: None,
            value: None,
            stance: None,
            source: None,
            cue: None,
            linked: false,
        });
    }
    for (i, item) in items.iter().enumerate() {
        let p = format!("{path}[{i}]");
        let ty = item.get("type").and_then(Value::as_str).unwrap_or("");
        let region = |key: &str| -> Result<usize, ImportError> {
            let id = match item.get(key) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            by_id.get(&id).copied().ok_or_else(|| {
                err(
                    p.clone(),
                    format!("`{key}` {id:?} names no labelled region of this result"),
                )
            })
        };
        let first_text = |k: &str| {
            item.get("value")
                .and_then(|v| v.get(k))
                .and_then(Value::as_array)
                .and_then(|a| a.first())
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        match ty {
            "labels" => {}
            "textarea" => {
                let r = region("id")?;
                let t = first_text("text");
                match item.get("from_name").and_then(Value::as_str) {
                    Some("entity") => regions[r].entity = t,
                    _ => regions[r].value = t,
                }
            }
            "choices" => {
                let r = region("id")?;
                regions[r].stance = first_text("choices");
            }
            "relation" => {
                let (from, to) = (region("from_id")?, region("to_id")?);
                let role = item
                    .get("labels")
                    .and_then(Value::as_array)
                    .and_then(|l| l.first())
                    .and_then(Value::as_str)
                    .unwrap_or("");
                match (role.to_ascii_lowercase().as_str(), regions[to].label) {
                    ("source" | "", Label::Source) => regions[from].source = Some(to),
                    ("cue" | "", Label::Cue) => regions[from].cue = Some(to),
                    _ => {
                        return Err(err(p, format!("relation {role:?} must link a claim to a SOURCE (source) or CUE (cue) region")))
                    }
                }
                if !matches!(regions[from].label, Label::Claim(_)) {
                    return Err(err(
                        p,
                        "a source or cue relation starts at a claim region".into(),
                    ));
                }
                regions[to].linked = true;
            }
            other => {
                return Err(err(
                    p,
                    format!("result type {other:?} is not part of the claimlens scheme"),
                ))
            }
        }
    }
    for r in &regions {
        let attrs = match r.label {
            Label::Actor(kind) => DraftAttrs::Actor {
                kind,
                entity: r.entity.clone(),
            },
            Label::Date(kind) => DraftAttrs::Date {
                kind,
                value: r.value.clone(),
            },
            Label::Claim(kind) => DraftAttrs::Claim {
                kind,
                source: r.source.map(|s| regions[s].span),
                cue: r.cue.map(|c| regions[c].span),
                stance: match r.stance.as_deref() {
                    None => None,
                    Some(s) => Some(Stance::parse(s).ok_or_else(|| {
                        err(format!("{path}[{}]", r.at), format!("unknown stance {s:?}"))
                    })?),
                },
                source_entity: r.source.and_then(|s| regions[s].entity.clone()),
            },
            Label::Source | Label::Cue if r.linked => continue,
            Label::Source | Label::Cue => {
                return Err(err(
                    format!("{path}[{}]", r.at),
                    "a SOURCE or CUE region must be linked to a claim by a relation".into(),
                ))
            }
        };
        draft.items.push(DraftItem {
            span: r.span,
            attrs,
            origin: r.origin,
            status,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, ClaimAttrs, ClaimKind, Stance};
    use crate::test_support::{claim_attrs, span_of};

    fn sample() -> Document {
        let text = "😀 Baku said no.";
        let at = |s: &str| span_of(text, s);
        let mut doc = Document::new("d", text, None);
        doc.add(
            at("Baku"),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Country,
                entity: "Azerbaijan".into(),
            }),
            Origin::Manual,
            Status::Accepted,
        );
        doc.add(
            at("no"),
            Attrs::Claim(ClaimAttrs {
                stance: Some(Stance::Deny),
                source_entity: Some("Azerbaijan".into()),
                ..claim_attrs(ClaimKind::Indirect, Some(at("Baku")), Some(at("said")))
            }),
            Origin::Auto,
            Status::Suggested,
        );
        doc
    }

    #[test]
    fn accepted_go_to_annotations_and_suggestions_to_predictions() {
        let v: Value =
            serde_json::from_str(&export(&[sample()], &ExportOptions::default())).unwrap();
        let task = &v[0];
        assert_eq!(task["data"]["text"], "😀 Baku said no.");
        let accepted = task["annotations"][0]["result"].as_array().unwrap();
        assert_eq!(
            accepted[0]["value"],
            json!({"start": 2, "end": 6, "text": "Baku", "labels": ["COUNTRY"]})
        );
        let predicted = task["predictions"][0]["result"].as_array().unwrap();
        let relation = predicted.iter().find(|r| r["type"] == "relation").unwrap();
        assert_eq!(relation["labels"], json!(["source"]));
        assert!(predicted
            .iter()
            .any(|r| r["type"] == "choices" && r["value"]["choices"] == json!(["deny"])));
    }

    #[test]
    fn the_label_config_names_every_label() {
        let config = label_config();
        for l in labels::ALL {
            assert!(config.contains(&format!("<Label value=\"{l}\"/>")), "{l}");
        }
        assert!(config.contains("<Relation value=\"cue\"/>"));
    }
}

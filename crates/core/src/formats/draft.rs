//! A document as an importer has read it, before its spans are checked: raw offsets
//! in the file's unit, annotations pointing at them. [`finish`] checks every span
//! (detecting the unit) and builds the [`Document`], or names the span that fails.

use crate::calendar::CalendarDate;
use crate::model::{
    ActorAttrs, ActorKind, Annotation, AnnotationId, Attrs, ClaimAttrs, ClaimKind, DateAttrs,
    DateKind, Document, Origin, Stance, Status,
};
use crate::text::ByteSpan;

use super::import::{parse_json, ImportError, Notice, Place};
use super::units::{self, CountUnit, QuoteMatch, RawSpan};

/// Layer attributes with spans as indices into [`Draft::spans`].
#[derive(Debug, Clone)]
pub(crate) enum DraftAttrs {
    Actor {
        kind: ActorKind,
        entity: Option<String>,
    },
    Date {
        kind: DateKind,
        value: Option<String>,
    },
    Claim {
        kind: ClaimKind,
        source: Option<usize>,
        cue: Option<usize>,
        stance: Option<Stance>,
        source_entity: Option<String>,
    },
}

/// One annotation read from a file; `span` indexes [`Draft::spans`] (a span of
/// several pieces becomes a claim's fragments).
#[derive(Debug, Clone)]
pub(crate) struct DraftItem {
    pub span: usize,
    pub attrs: DraftAttrs,
    pub origin: Origin,
    pub status: Status,
}

/// A document read from a file, spans not yet checked.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub id: String,
    pub text: String,
    pub dct: Option<CalendarDate>,
    pub spans: Vec<RawSpan>,
    pub items: Vec<DraftItem>,
    pub declared: CountUnit,
    /// The file names its unit itself (claimlens's own exports): trust it.
    pub unit_named: bool,
    pub matches: QuoteMatch,
}

impl Draft {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Draft {
            id: id.into(),
            text: text.into(),
            dct: None,
            spans: Vec::new(),
            items: Vec::new(),
            declared: CountUnit::CodePoint,
            unit_named: false,
            matches: units::exact,
        }
    }

    /// Adds a span and returns its index.
    pub fn span(&mut self, span: RawSpan) -> usize {
        self.spans.push(span);
        self.spans.len() - 1
    }
}

/// Reads a JSON file holding one record (an object) or a list of them, as Label
/// Studio tasks and W3C annotation collections come: `read` turns each record into
/// a draft, given its JSON path and its 0-based position (and may add notices),
/// then each draft is finished. `expected` says what the file should hold, for the
/// error when it is neither an object nor a list.
pub(crate) fn finish_json_records(
    text: &str,
    file: &str,
    expected: &str,
    mut read: impl FnMut(
        &serde_json::Value,
        &str,
        usize,
        &mut Vec<Notice>,
    ) -> Result<Draft, ImportError>,
) -> Result<(Vec<Document>, Vec<Notice>), ImportError> {
    let v = parse_json(text, file, None)?;
    let records: Vec<(String, &serde_json::Value)> = match &v {
        serde_json::Value::Array(list) => list
            .iter()
            .enumerate()
            .map(|(i, r)| (format!("$[{i}]"), r))
            .collect(),
        serde_json::Value::Object(_) => vec![("$".to_string(), &v)],
        _ => {
            return Err(ImportError::new(
                file,
                Place::whole(),
                format!("expected {expected}"),
            ))
        }
    };
    let mut docs = Vec::new();
    let mut notices = Vec::new();
    for (n, (path, record)) in records.into_iter().enumerate() {
        let draft = read(record, &path, n, &mut notices)?;
        let (doc, notice) = finish(draft, file)?;
        docs.push(doc);
        notices.extend(notice);
    }
    Ok((docs, notices))
}

/// Checks every span of `draft` and builds the document; a notice says so when the
/// offsets were counted in another unit than the file declares.
pub(crate) fn finish(draft: Draft, file: &str) -> Result<(Document, Option<Notice>), ImportError> {
    let resolved = if draft.unit_named {
        units::check(&draft.text, &draft.spans, draft.declared, draft.matches)
    } else {
        units::resolve(&draft.text, &draft.spans, draft.declared, draft.matches)
    }
    .map_err(|m| ImportError::new(file, m.place, m.problem))?;
    let notice = (resolved.unit != draft.declared).then(|| Notice {
        file: file.to_string(),
        document: draft.id.clone(),
        message: format!(
            "offsets were counted in {}, not {}; converted ({} spans checked against their text)",
            resolved.unit.describe(),
            draft.declared.describe(),
            draft.spans.len()
        ),
    });
    let pieces = resolved.spans;
    let hull = |i: usize| -> Option<ByteSpan> {
        let p = pieces.get(i)?;
        let first = *p.first()?;
        Some(p.iter().fold(first, |h, s| h.hull(s)))
    };
    let mut doc = Document::new(draft.id, draft.text, draft.dct);
    for item in draft.items {
        let Some(span) = hull(item.span) else {
            continue;
        };
        let covered = span.slice(&doc.text).unwrap_or("").to_string();
        let attrs = match item.attrs {
            DraftAttrs::Actor { kind, entity } => Attrs::Actor(ActorAttrs {
                kind,
                entity: entity.unwrap_or(covered),
            }),
            DraftAttrs::Date { kind, value } => Attrs::Date(DateAttrs { kind, value }),
            DraftAttrs::Claim {
                kind,
                source,
                cue,
                stance,
                source_entity,
            } => {
                let own = &pieces[item.span];
                Attrs::Claim(ClaimAttrs {
                    kind,
                    source: source.and_then(hull),
                    cue: cue.and_then(hull),
                    fragments: if own.len() > 1 {
                        own.clone()
                    } else {
                        Vec::new()
                    },
                    stance,
                    source_entity,
                })
            }
        };
        // Pushed in file order and sorted once: `Document::add` re-sorts every time.
        doc.annotations.push(Annotation {
            id: AnnotationId(doc.next_id),
            span,
            attrs,
            origin: item.origin,
            status: item.status,
        });
        doc.next_id += 1;
    }
    doc.sort();
    Ok((doc, notice))
}

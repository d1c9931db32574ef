//! Native document JSON: the gold format of the annotation guidelines (code-point
//! offsets, keys `id`, `text`, `dct`, `actors`, `dates`, `claims`) plus what claimlens
//! needs to be lossless: a format `version`, the `offset_unit`, UTF-16 offsets for the
//! DOM, annotation ids and provenance.
//!
//! Reading checks every span against the text, so a file whose offsets were counted
//! in another unit is refused with the place named, never silently shifted.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::import::{jsonl_lines, ImportError, Notice, Place};
use super::json_escapes::{find_lone_surrogate, LoneSurrogate};
use super::json_write::JsonOut;
use super::labels;
use super::offset_tally::OffsetTally;
use super::units::{self, CountUnit, RawSpan};
use crate::calendar::CalendarDate;
use crate::model::{
    ActorAttrs, Annotation, AnnotationId, Attrs, ClaimAttrs, DateAttrs, Document, Layer, Origin,
    Stance, Status,
};
use crate::text::{ByteSpan, CharOffset, CharSpan, OffsetError, OffsetMap, Span};

/// The version written by this build; older versions are read and upgraded.
pub const VERSION: u32 = 1;

/// A span as written: code points, the quoted text, and UTF-16 offsets.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct WireSpan {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// The covered text, for checking.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The same span in UTF-16 code units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub utf16: Option<Utf16Wire>,
}

/// UTF-16 offsets of a span.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub struct Utf16Wire {
    /// Start, in UTF-16 code units.
    pub start: usize,
    /// End, in UTF-16 code units.
    pub end: usize,
}

/// One annotation as written; layer-specific keys are optional.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(from = "FlatAnnotation")]
pub struct WireAnnotation {
    /// Annotation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u32>,
    /// The span itself (flattened: `start`, `end`, `text`, `utf16`).
    #[serde(flatten)]
    pub span: WireSpan,
    /// Kind name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Actor: canonical entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// Date: TimeML value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// Claim: source span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<WireSpan>,
    /// Claim: cue span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<WireSpan>,
    /// Claim: content pieces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fragments: Vec<WireSpan>,
    /// Claim: stance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
    /// Claim: the actor entity of the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_entity: Option<String>,
    /// Who made it.
    #[serde(default)]
    pub origin: Origin,
    /// Review status.
    #[serde(default)]
    pub status: Status,
}

/// [`WireAnnotation`] as read: the same keys with the span's spelled out. Reading the
/// `#[serde(flatten)]` span directly would buffer every key of every annotation first,
/// code that costs the web app about 4 KB gzipped; writing keeps the flatten.
///
/// Not the same shape as the stored patch's `AnnotationIn` (`edit/patch.rs`): this
/// one reads code-point spans as objects (quoted text, UTF-16 offsets), takes its
/// layer from the list it stands in, and lets every key but the span default.
#[derive(Deserialize)]
struct FlatAnnotation {
    #[serde(default)]
    id: Option<u32>,
    start: usize,
    end: usize,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    utf16: Option<Utf16Wire>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    source: Option<WireSpan>,
    #[serde(default)]
    cue: Option<WireSpan>,
    #[serde(default)]
    fragments: Vec<WireSpan>,
    #[serde(default)]
    stance: Option<Stance>,
    #[serde(default)]
    source_entity: Option<String>,
    #[serde(default)]
    origin: Origin,
    #[serde(default)]
    status: Status,
}

impl From<FlatAnnotation> for WireAnnotation {
    fn from(f: FlatAnnotation) -> Self {
        WireAnnotation {
            id: f.id,
            span: WireSpan {
                start: f.start,
                end: f.end,
                text: f.text,
                utf16: f.utf16,
            },
            kind: f.kind,
            entity: f.entity,
            value: f.value,
            source: f.source,
            cue: f.cue,
            fragments: f.fragments,
            stance: f.stance,
            source_entity: f.source_entity,
            origin: f.origin,
            status: f.status,
        }
    }
}

/// A document as written.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct WireDocument {
    /// Format version.
    #[serde(default = "default_version")]
    pub version: u32,
    /// Unit of `start`/`end` everywhere in the file.
    #[serde(default = "default_unit")]
    pub offset_unit: String,
    /// Document id.
    #[serde(default)]
    pub id: String,
    /// Document creation time, `YYYY-MM-DD`.
    #[serde(default)]
    pub dct: Option<String>,
    /// The exact text.
    pub text: String,
    /// Actor mentions.
    #[serde(default)]
    pub actors: Vec<WireAnnotation>,
    /// Date mentions.
    #[serde(default)]
    pub dates: Vec<WireAnnotation>,
    /// Claims.
    #[serde(default)]
    pub claims: Vec<WireAnnotation>,
}

fn default_version() -> u32 {
    VERSION
}
fn default_unit() -> String {
    "codepoint".into()
}

/// Why a document file could not be read.
#[derive(Debug, Error)]
pub enum ReadError {
    /// Not JSON, or not a document object.
    #[error("not a claimlens document: {0}")]
    Json(#[from] serde_json::Error),
    /// A `\uXXXX` escape of half a surrogate pair: no Rust string can hold it.
    #[error("not valid Unicode text: {0}")]
    LoneSurrogate(LoneSurrogate),
    /// Written by a newer claimlens.
    #[error("document format version {0} is newer than this claimlens reads ({VERSION})")]
    TooNew(u32),
    /// Offsets counted in a unit other than code points.
    #[error("offsets are in `{0}`; only `codepoint` is read here")]
    Unit(String),
    /// A span does not fit the text.
    #[error("{layer}[{index}]: {problem}")]
    Span {
        /// Which list.
        layer: &'static str,
        /// Position in the list.
        index: usize,
        /// What is wrong.
        problem: String,
    },
    /// The `dct` is not a date.
    #[error("dct: {0}")]
    Dct(#[from] crate::calendar::BadDate),
}

/// Writes `doc` as a JSON value.
pub fn to_wire(doc: &Document) -> WireDocument {
    let map = OffsetMap::new(&doc.text);
    let mut wire = WireDocument {
        version: VERSION,
        offset_unit: default_unit(),
        id: doc.id.clone(),
        dct: doc.dct.map(|d| d.to_string()),
        text: doc.text.clone(),
        actors: Vec::new(),
        dates: Vec::new(),
        claims: Vec::new(),
    };
    for a in &doc.annotations {
        let mut w = WireAnnotation {
            id: Some(a.id.0),
            span: wire_span(&map, a.span),
            kind: Some(a.attrs.kind_name().to_string()),
            entity: None,
            value: None,
            source: None,
            cue: None,
            fragments: Vec::new(),
            stance: None,
            source_entity: None,
            origin: a.origin,
            status: a.status,
        };
        let list = match &a.attrs {
            Attrs::Actor(x) => {
                w.entity = Some(x.entity.clone());
                &mut wire.actors
            }
            Attrs::Date(x) => {
                w.value.clone_from(&x.value);
                &mut wire.dates
            }
            Attrs::Claim(x) => {
                w.source = x.source.map(|s| wire_span(&map, s));
                w.cue = x.cue.map(|s| wire_span(&map, s));
                w.fragments = x.fragments.iter().map(|&s| wire_span(&map, s)).collect();
                w.stance = x.stance;
                w.source_entity.clone_from(&x.source_entity);
                &mut wire.claims
            }
        };
        list.push(w);
    }
    wire
}

/// A byte span written in code points with its text and UTF-16 offsets.
///
/// # Panics
/// If `span` does not lie on character boundaries of the map's text: the model
/// guarantees it does.
pub fn wire_span(map: &OffsetMap<'_>, span: ByteSpan) -> WireSpan {
    let chars = map
        .to_chars(span)
        .expect("model spans lie on char boundaries");
    let utf16 = map
        .to_utf16(span)
        .expect("model spans lie on char boundaries");
    WireSpan {
        start: chars.start().0,
        end: chars.end().0,
        text: span.slice(map.text()).map(str::to_string),
        utf16: Some(Utf16Wire {
            start: utf16.start().0,
            end: utf16.end().0,
        }),
    }
}

/// Serialises `doc` to one line of JSON: the bytes serde_json writes for
/// [`to_wire`]'s value, written straight from the document (no wire copy of the text
/// and spans, offsets counted from per-block tallies).
///
/// `#[inline]`, like its parts, so that a caller crate compiles it at its own opt-level
/// (the JavaScript API speed-tuned, the app size-tuned).
///
/// # Panics
/// If a span does not lie on character boundaries of the text: the model guarantees
/// it does.
#[inline]
pub fn to_json(doc: &Document) -> String {
    // The text, and per annotation its keys, offsets and quoted text.
    let mut out = JsonOut::with_capacity(doc.text.len() + 128 + 320 * doc.annotations.len());
    DocumentJson::new(doc).write(doc, &mut out, usize::MAX);
    out.finish()
}

/// The layers in the order the JSON lists them, each with the text that opens it.
const LAYER_KEYS: [(&str, Layer); 3] = [
    (",\"actors\":[", Layer::Actor),
    ("],\"dates\":[", Layer::Date),
    ("],\"claims\":[", Layer::Claim),
];

/// Where a document's JSON being written in pieces stands ([`to_json`] writes it in
/// one): a 10 MB document's 60 MB of JSON in one go held the page for most of a
/// second, a few megabytes a piece leave it free in between.
pub(crate) struct DocumentJson {
    stage: Stage,
    /// The text's code-point and UTF-16 counts ([`OffsetTally`]), kept between pieces.
    counts: Vec<(usize, usize)>,
}

/// The next thing to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    /// The keys before the text.
    Head,
    /// The text from this byte on (its opening quote written).
    Text(usize),
    /// Layer `layer` of [`LAYER_KEYS`] from annotation `at` on; `opened` once its key
    /// is written, `first` while none of its annotations is.
    Layer {
        layer: usize,
        at: usize,
        opened: bool,
        first: bool,
    },
    /// All written.
    Done,
}

impl DocumentJson {
    /// A writer at the start of `doc`'s JSON.
    #[inline]
    pub(crate) fn new(doc: &Document) -> DocumentJson {
        DocumentJson {
            stage: Stage::Head,
            counts: OffsetTally::new(&doc.text).into_counts(),
        }
    }

    /// Writes on into `out` until it grew by at least `budget` bytes (between two
    /// annotations, or at a character of the text) or `doc` is written; true once it
    /// is. Give it the same document every time.
    #[inline]
    pub(crate) fn write(&mut self, doc: &Document, out: &mut JsonOut, budget: usize) -> bool {
        let tally = OffsetTally::with_counts(&doc.text, std::mem::take(&mut self.counts));
        let until = out.len().saturating_add(budget);
        loop {
            self.stage = match self.stage {
                Stage::Head => {
                    out.raw("{\"version\":");
                    out.number(VERSION as usize);
                    out.raw(",\"offset_unit\":\"codepoint\",\"id\":");
                    out.string(&doc.id);
                    out.raw(",\"dct\":");
                    match doc.dct {
                        Some(d) => out.string(&d.to_string()),
                        None => out.raw("null"),
                    }
                    out.raw(",\"text\":\"");
                    Stage::Text(0)
                }
                Stage::Text(from) => {
                    let room = until.saturating_sub(out.len()).max(1);
                    let mut to = from.saturating_add(room).min(doc.text.len());
                    while !doc.text.is_char_boundary(to) {
                        to += 1;
                    }
                    out.string_body(doc.text.get(from..to).unwrap_or_default());
                    if to < doc.text.len() {
                        Stage::Text(to)
                    } else {
                        out.raw("\"");
                        Stage::Layer {
                            layer: 0,
                            at: 0,
                            opened: false,
                            first: true,
                        }
                    }
                }
                Stage::Layer {
                    layer,
                    mut at,
                    opened,
                    mut first,
                } => match LAYER_KEYS.get(layer) {
                    None => {
                        out.raw("]}");
                        Stage::Done
                    }
                    Some(&(key, wanted)) => {
                        if !opened {
                            out.raw(key);
                        }
                        // At least one annotation a call, whatever the budget.
                        while let Some(a) = doc.annotations.get(at) {
                            at += 1;
                            if a.attrs.layer() == wanted {
                                if !first {
                                    out.raw(",");
                                }
                                first = false;
                                write_annotation(out, &tally, &doc.text, a);
                                if out.len() >= until {
                                    break;
                                }
                            }
                        }
                        if at < doc.annotations.len() {
                            Stage::Layer {
                                layer,
                                at,
                                opened: true,
                                first,
                            }
                        } else {
                            Stage::Layer {
                                layer: layer + 1,
                                at: 0,
                                opened: false,
                                first: true,
                            }
                        }
                    }
                },
                Stage::Done => Stage::Done,
            };
            if self.stage == Stage::Done || out.len() >= until {
                break;
            }
        }
        self.counts = tally.into_counts();
        self.stage == Stage::Done
    }
}

/// One annotation, keys in [`WireAnnotation`]'s order.
#[inline]
fn write_annotation(out: &mut JsonOut, tally: &OffsetTally<'_>, text: &str, a: &Annotation) {
    out.raw("{\"id\":");
    out.number(a.id.0 as usize);
    out.raw(",");
    write_span_keys(out, tally, text, a.span);
    out.raw(",\"kind\":");
    out.string(a.attrs.kind_name());
    let optional = |out: &mut JsonOut, key: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.raw(key);
            out.string(v);
        }
    };
    match &a.attrs {
        Attrs::Actor(x) => optional(out, ",\"entity\":", Some(&x.entity)),
        Attrs::Date(x) => optional(out, ",\"value\":", x.value.as_deref()),
        Attrs::Claim(x) => {
            for (key, span) in [(",\"source\":{", x.source), (",\"cue\":{", x.cue)] {
                if let Some(s) = span {
                    out.raw(key);
                    write_span_keys(out, tally, text, s);
                    out.raw("}");
                }
            }
            if !x.fragments.is_empty() {
                out.raw(",\"fragments\":[");
                for (k, &f) in x.fragments.iter().enumerate() {
                    out.raw(if k == 0 { "{" } else { ",{" });
                    write_span_keys(out, tally, text, f);
                    out.raw("}");
                }
                out.raw("]");
            }
            optional(out, ",\"stance\":", x.stance.map(Stance::name));
            optional(out, ",\"source_entity\":", x.source_entity.as_deref());
        }
    }
    out.raw(",\"origin\":");
    out.string(a.origin.name());
    out.raw(",\"status\":");
    out.string(a.status.name());
    out.raw("}");
}

/// The keys of a [`WireSpan`] (`start`, `end`, `text`, `utf16`), without braces.
#[inline]
fn write_span_keys(out: &mut JsonOut, tally: &OffsetTally<'_>, text: &str, span: ByteSpan) {
    let (Some((start, start16)), Some((end, end16)), Some(quoted)) = (
        tally.at(span.start().0),
        tally.at(span.end().0),
        span.slice(text),
    ) else {
        panic!("model spans lie on char boundaries");
    };
    out.raw("\"start\":");
    out.number(start);
    out.raw(",\"end\":");
    out.number(end);
    out.raw(",\"text\":");
    out.string(quoted);
    out.raw(",\"utf16\":{\"start\":");
    out.number(start16);
    out.raw(",\"end\":");
    out.number(end16);
    out.raw("}");
}

/// Serialises documents as JSON Lines: one document a line.
pub fn to_jsonl(docs: &[Document]) -> String {
    let mut out = String::new();
    for doc in docs {
        out.push_str(&to_json(doc));
        out.push('\n');
    }
    out
}

/// Reads a native file: one document (JSON, possibly pretty-printed) or one document
/// a line (JSON Lines; a file whose first line is a whole object).
///
/// Files in the gold format written by other tools may count offsets in UTF-16
/// units or bytes: when every span's quoted `text` fits in another unit (or the file
/// names `utf16` or `byte` as its `offset_unit`), the spans are converted and a
/// notice says so.
///
/// # Errors
/// The first document that cannot be read, with its line and JSON path.
pub fn import(text: &str, file: &str) -> Result<(Vec<Document>, Vec<Notice>), ImportError> {
    let mut lines = jsonl_lines(text).peekable();
    let first_is_whole = lines
        .peek()
        .is_some_and(|(_, l)| serde_json::from_str::<serde_json::Value>(l).is_ok());
    let mut notices = Vec::new();
    let mut read = |json: &str, line: Option<usize>| -> Result<Document, ImportError> {
        let mut wire = parse(json).map_err(|e| {
            // In JSON Lines, the escape's line is the file's line.
            let e = match (e, line) {
                (ReadError::LoneSurrogate(lone), Some(n)) => {
                    ReadError::LoneSurrogate(LoneSurrogate { line: n, ..lone })
                }
                (e, _) => e,
            };
            let at = match &e {
                ReadError::LoneSurrogate(lone) => lone.line,
                ReadError::Json(j) => j.line(),
                _ => 1,
            };
            ImportError::new(file, Place::line(line.unwrap_or(at)), e.to_string())
        })?;
        // A date in another shape (`03-02-2009`) is ambiguous: drop it, say so,
        // and keep the document and its spans.
        let dct = wire.dct.as_deref().map(str::trim).filter(|d| !d.is_empty());
        if let Some(Err(e)) = dct.map(str::parse::<CalendarDate>) {
            notices.push(Notice {
                file: file.to_string(),
                document: wire.id.clone(),
                message: format!("dct: {e}; read without a document date"),
            });
            wire.dct = None;
        }
        if let Some(unit) = to_code_points(&mut wire, file, line)? {
            notices.push(Notice {
                file: file.to_string(),
                document: wire.id.clone(),
                message: format!(
                    "offsets were counted in {}, not code points; converted (every span checked against its text)",
                    unit.describe()
                ),
            });
        }
        from_wire(wire).map_err(|e| placed(e, file, line))
    };
    let docs = if first_is_whole {
        lines
            .map(|(n, line)| read(line, Some(n)))
            .collect::<Result<Vec<_>, _>>()?
    } else {
        vec![read(text, None)?]
    };
    Ok((docs, notices))
}

/// Rewrites the spans of `wire` in code points when they were counted in another
/// unit: the one the file names, or the one every quoted text fits. Returns the unit
/// found when the file did not name it. Leaves the spans alone when nothing fits, so
/// that [`from_wire`] reports the first misfit with its place.
fn to_code_points(
    wire: &mut WireDocument,
    file: &str,
    line: Option<usize>,
) -> Result<Option<CountUnit>, ImportError> {
    let declared = match wire.offset_unit.as_str() {
        "codepoint" => CountUnit::CodePoint,
        "utf16" => CountUnit::Utf16,
        "byte" => CountUnit::Byte,
        _ => return Ok(None),
    };
    let text = std::mem::take(&mut wire.text);
    let mut spans: Vec<&mut WireSpan> = Vec::new();
    let mut paths = Vec::new();
    for (layer, list) in [
        ("actors", &mut wire.actors),
        ("dates", &mut wire.dates),
        ("claims", &mut wire.claims),
    ] {
        for (i, a) in list.iter_mut().enumerate() {
            paths.push(format!("$.{layer}[{i}]"));
            spans.push(&mut a.span);
            if let Some(s) = a.source.as_mut() {
                paths.push(format!("$.{layer}[{i}].source"));
                spans.push(s);
            }
            if let Some(s) = a.cue.as_mut() {
                paths.push(format!("$.{layer}[{i}].cue"));
                spans.push(s);
            }
            for (k, f) in a.fragments.iter_mut().enumerate() {
                paths.push(format!("$.{layer}[{i}].fragments[{k}]"));
                spans.push(f);
            }
        }
    }
    let raw: Vec<RawSpan> = spans
        .iter()
        .zip(paths)
        .map(|(s, p)| RawSpan::new(s.start, s.end, s.text.clone(), Place::at(line, p)))
        .collect();
    let result = match units::resolve(&text, &raw, declared, units::exact) {
        Ok(r) if r.unit == CountUnit::CodePoint => Ok(None),
        Ok(r) => {
            let map = OffsetMap::new(&text);
            for (s, pieces) in spans.into_iter().zip(&r.spans) {
                let chars = pieces.first().and_then(|b| map.to_chars(*b).ok());
                if let Some(c) = chars {
                    s.start = c.start().0;
                    s.end = c.end().0;
                }
            }
            wire.offset_unit = "codepoint".into();
            Ok((r.unit != declared).then_some(r.unit))
        }
        Err(_) if declared == CountUnit::CodePoint => Ok(None),
        Err(m) => Err(ImportError::new(file, m.place, m.problem)),
    };
    wire.text = text;
    result
}

fn placed(e: ReadError, file: &str, line: Option<usize>) -> ImportError {
    let place = match &e {
        ReadError::Span { layer, index, .. } => Place::at(line, format!("$.{layer}[{index}]")),
        ReadError::Json(j) => Place::line(line.unwrap_or(j.line())),
        _ => Place { line, path: None },
    };
    let message = match e {
        ReadError::Span { problem, .. } => problem,
        other => other.to_string(),
    };
    ImportError::new(file, place, message)
}

/// Reads a document from JSON text.
///
/// # Errors
/// Malformed JSON, an unknown version or unit, a bad `dct`, or a span that does not fit
/// the text (the error names the layer and index).
pub fn from_json(json: &str) -> Result<Document, ReadError> {
    from_wire(parse(json)?)
}

/// Parses the wire form; a refusal caused by a lone surrogate escape says so.
fn parse(json: &str) -> Result<WireDocument, ReadError> {
    serde_json::from_str(json).map_err(|e| match find_lone_surrogate(json) {
        Some(lone) => ReadError::LoneSurrogate(lone),
        None => ReadError::Json(e),
    })
}

/// Reads a document from its wire form.
///
/// # Errors
/// As [`from_json`].
pub fn from_wire(wire: WireDocument) -> Result<Document, ReadError> {
    if wire.version > VERSION {
        return Err(ReadError::TooNew(wire.version));
    }
    if wire.offset_unit != "codepoint" {
        return Err(ReadError::Unit(wire.offset_unit));
    }
    let dct = match wire.dct.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(s.parse::<CalendarDate>()?),
    };
    let mut doc = Document::new(wire.id, wire.text, dct);
    let map = OffsetMap::new(&doc.text);
    let mut out = Vec::new();
    for (layer, list) in [
        ("actors", &wire.actors),
        ("dates", &wire.dates),
        ("claims", &wire.claims),
    ] {
        for (index, w) in list.iter().enumerate() {
            let err = |problem: String| ReadError::Span {
                layer,
                index,
                problem,
            };
            let span = read_span(&map, &w.span).map_err(err)?;
            let attrs = read_attrs(layer, &map, w).map_err(err)?;
            out.push((w.id, span, attrs, w.origin, w.status));
        }
    }
    let max_id = out.iter().filter_map(|o| o.0).max().unwrap_or(0);
    doc.next_id = max_id + 1;
    let mut seen = std::collections::HashSet::new();
    for (id, span, attrs, origin, status) in out {
        let id = match id.filter(|i| seen.insert(*i)) {
            Some(i) => AnnotationId(i),
            None => {
                doc.next_id += 1;
                AnnotationId(doc.next_id - 1)
            }
        };
        seen.insert(id.0);
        doc.annotations.push(Annotation {
            id,
            span,
            attrs,
            origin,
            status,
        });
    }
    doc.sort();
    Ok(doc)
}

/// Checks a written span against the text and converts it to bytes. Its `utf16`
/// offsets, when written, must be the same span counted in UTF-16 units: the app
/// places highlights by them, so a file whose two counts disagree is refused rather
/// than trusted in one unit and wrong in the other.
///
/// # Errors
/// A message naming the problem: out of range, reversed, quoted text that differs, or
/// `utf16` offsets that are not the code-point span's.
pub fn read_span(map: &OffsetMap<'_>, w: &WireSpan) -> Result<ByteSpan, String> {
    let chars: CharSpan = Span::new(CharOffset(w.start), CharOffset(w.end))
        .map_err(|e: OffsetError| e.to_string())?;
    let bytes = map.chars_to_bytes(chars).map_err(|e| e.to_string())?;
    if let Some(quoted) = &w.text {
        let actual = bytes.slice(map.text()).unwrap_or("");
        if actual != quoted {
            return Err(format!(
                "span {}..{} covers {actual:?} but the file quotes {quoted:?}",
                w.start, w.end
            ));
        }
    }
    if let Some(written) = w.utf16 {
        let utf16 = map.to_utf16(bytes).map_err(|e| e.to_string())?;
        let (start, end) = (utf16.start().0, utf16.end().0);
        if (written.start, written.end) != (start, end) {
            return Err(format!(
                "span {}..{} (code points) is {start}..{end} in UTF-16 units, but the file's `utf16` says {}..{}; \
                 the two counts disagree (was the text changed after the offsets were written?): \
                 correct `utf16`, or delete it and the code-point offsets are used",
                w.start, w.end, written.start, written.end
            ));
        }
    }
    Ok(bytes)
}

fn read_attrs(layer: &str, map: &OffsetMap<'_>, w: &WireAnnotation) -> Result<Attrs, String> {
    let kind = w.kind.as_deref().unwrap_or("");
    let unknown = || format!("unknown {layer} kind {kind:?}");
    Ok(match layer {
        "actors" => Attrs::Actor(ActorAttrs {
            kind: labels::actor_kind(kind).ok_or_else(unknown)?,
            entity: w
                .entity
                .clone()
                .or_else(|| w.span.text.clone())
                .unwrap_or_default(),
        }),
        "dates" => Attrs::Date(DateAttrs {
            kind: labels::date_kind(kind).ok_or_else(unknown)?,
            value: w.value.clone(),
        }),
        _ => {
            let role = |s: &Option<WireSpan>, name: &str| {
                s.as_ref()
                    .map(|s| read_span(map, s).map_err(|e| format!("{name}: {e}")))
                    .transpose()
            };
            Attrs::Claim(ClaimAttrs {
                kind: labels::claim_kind(kind).ok_or_else(unknown)?,
                source: role(&w.source, "source")?,
                cue: role(&w.cue, "cue")?,
                fragments: w
                    .fragments
                    .iter()
                    .map(|f| read_span(map, f).map_err(|e| format!("fragment: {e}")))
                    .collect::<Result<_, _>>()?,
                stance: w.stance,
                source_entity: w.source_entity.clone(),
            })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorKind, ClaimKind, DateKind};
    use crate::test_support::{claim_attrs, span_of};

    fn sample() -> Document {
        let text = "Armenia 🇦🇲 said\r\n\"we will win\" on Sunday.";
        let mut doc = Document::new("t1", text, CalendarDate::new(2020, 9, 27));
        let at = |s: &str| span_of(text, s);
        doc.add(
            at("Armenia"),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Country,
                entity: "Armenia".into(),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        doc.add(
            at("Sunday"),
            Attrs::Date(DateAttrs {
                kind: DateKind::Date,
                value: Some("2020-09-27".into()),
            }),
            Origin::Manual,
            Status::Accepted,
        );
        doc.add(
            at("we will win"),
            Attrs::Claim(ClaimAttrs {
                stance: Some(Stance::Assert),
                source_entity: Some("Armenia".into()),
                ..claim_attrs(ClaimKind::Direct, Some(at("Armenia")), Some(at("said")))
            }),
            Origin::Auto,
            Status::Rejected,
        );
        doc
    }

    #[test]
    fn round_trip_is_lossless() {
        let doc = sample();
        let json = to_json(&doc);
        assert_eq!(from_json(&json).unwrap(), doc);
    }

    #[test]
    fn the_writer_writes_what_serde_writes_for_the_wire_value() {
        let serde = |doc: &Document| serde_json::to_string(&to_wire(doc)).unwrap();
        let mut doc = sample();
        assert_eq!(to_json(&doc), serde(&doc));
        // Every optional key, escapes in every string, a span at the very end.
        doc.id = "t\"1\\\u{1}".into();
        doc.dct = None;
        let end = doc.text.len();
        doc.add(
            ByteSpan::from_raw(end - 7, end).unwrap(),
            Attrs::Claim(ClaimAttrs {
                kind: ClaimKind::Indirect,
                source: None,
                cue: None,
                fragments: vec![
                    ByteSpan::from_raw(0, 7).unwrap(),
                    ByteSpan::from_raw(end - 7, end).unwrap(),
                ],
                stance: None,
                source_entity: None,
            }),
            Origin::Manual,
            Status::Accepted,
        );
        doc.add(
            ByteSpan::from_raw(8, 16).unwrap(),
            Attrs::Date(DateAttrs {
                kind: DateKind::Set,
                value: None,
            }),
            Origin::Auto,
            Status::Suggested,
        );
        assert_eq!(to_json(&doc), serde(&doc));
        let long = format!("{}\u{7}\t", "Baku said «no» 😀 \"yes\".\n".repeat(30));
        let doc = crate::annotate("x", &long, CalendarDate::new(2020, 9, 27));
        assert!(doc.annotations.len() > 10);
        assert_eq!(to_json(&doc), serde(&doc));
        let empty = Document::new("", "", None);
        assert_eq!(to_json(&empty), serde(&empty));
    }

    #[test]
    fn offsets_are_code_points_with_utf16_beside() {
        let wire = to_wire(&sample());
        let claim = &wire.claims[0];
        // "Armenia 🇦🇲 said\r\n\"" is 18 code points; the flag is 4 UTF-16 units.
        assert_eq!((claim.span.start, claim.span.end), (18, 29));
        assert_eq!(claim.span.utf16, Some(Utf16Wire { start: 20, end: 31 }));
        assert_eq!(claim.span.text.as_deref(), Some("we will win"));
        assert_eq!(wire.offset_unit, "codepoint");
    }

    #[test]
    fn gold_files_read_without_extras() {
        let gold = r#"{"id":"g","text":"Baku said no.","actors":[{"start":0,"end":4,"text":"Baku","kind":"country","entity":"Azerbaijan"}],"dates":[],"claims":[]}"#;
        let doc = from_json(gold).unwrap();
        assert_eq!(doc.annotations.len(), 1);
        assert_eq!(doc.annotations[0].span.range(), 0..4);
    }

    #[test]
    fn mismatched_spans_are_refused_with_their_place() {
        let bad = r#"{"text":"Baku said no.","actors":[{"start":1,"end":5,"text":"Baku"}]}"#;
        let err = from_json(bad).unwrap_err().to_string();
        assert!(err.starts_with("actors[0]:"), "{err}");
        let past = r#"{"text":"Baku","dates":[{"start":1,"end":50}]}"#;
        assert!(from_json(past)
            .unwrap_err()
            .to_string()
            .contains("past the end"));
        assert!(from_json("{").is_err());
        assert!(from_json(r#"{"text":"x","version":99}"#).is_err());
    }

    #[test]
    fn jsonl_and_pretty_files_import_with_places() {
        let doc = sample();
        let two = to_jsonl(&[doc.clone(), doc.clone()]);
        assert_eq!(
            import(&two, "f.jsonl").unwrap().0,
            vec![doc.clone(), doc.clone()]
        );
        let pretty = serde_json::to_string_pretty(&to_wire(&doc)).unwrap();
        assert_eq!(import(&pretty, "f.json").unwrap().0, vec![doc]);
        let bad = format!(
            "{}{}",
            two, r#"{"text":"Baku","actors":[{"start":1,"end":2,"text":"B"}]}"#
        );
        let err = import(&bad, "f.jsonl").unwrap_err().to_string();
        assert!(
            err.starts_with("f.jsonl:3: $.actors[0]: span 1..2"),
            "{err}"
        );
        let err = import("{\n \"text\": 3\n}", "f.json")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("f.json:2:"), "{err}");
    }

    #[test]
    fn gold_files_in_other_units_are_converted_with_a_notice() {
        // "Baku" after an emoji: UTF-16 3..7, bytes 5..9, code points 2..6.
        let utf16 = r#"{"id":"u","text":"😀 Baku","actors":[{"start":3,"end":7,"text":"Baku"}]}"#;
        let (docs, notices) = import(utf16, "u.json").unwrap();
        assert_eq!(docs[0].annotations[0].span.range(), 5..9);
        assert!(notices[0].message.contains("UTF-16"), "{notices:?}");
        let named =
            r#"{"id":"b","offset_unit":"byte","text":"😀 Baku","actors":[{"start":5,"end":9}]}"#;
        let (docs, notices) = import(named, "b.json").unwrap();
        assert_eq!(docs[0].annotations[0].span.range(), 5..9);
        assert!(notices.is_empty(), "the file said so itself");
        let wrong =
            r#"{"id":"w","offset_unit":"utf16","text":"😀 Baku","actors":[{"start":9,"end":11}]}"#;
        let err = import(wrong, "w.json").unwrap_err().to_string();
        assert!(
            err.starts_with("w.json:1: $.actors[0]: span 9..11"),
            "{err}"
        );
    }

    #[test]
    fn utf16_offsets_that_disagree_with_the_code_points_are_refused() {
        // "Baku" after an emoji: code points 2..6, UTF-16 units 3..7.
        let right =
            r#"{"text":"😀 Baku","actors":[{"start":2,"end":6,"utf16":{"start":3,"end":7}}]}"#;
        assert_eq!(from_json(right).unwrap().annotations[0].span.range(), 5..9);
        // Counted as if the emoji were one unit: the code points alone would be read,
        // the DOM highlight would be one unit off.
        let off =
            r#"{"text":"😀 Baku","actors":[{"start":2,"end":6,"utf16":{"start":2,"end":6}}]}"#;
        let err = from_json(off).unwrap_err().to_string();
        assert!(err.starts_with("actors[0]: span 2..6 (code points) is 3..7 in UTF-16 units, but the file's `utf16` says 2..6"), "{err}");
        // Claim parts are checked too, and the import names the file and path.
        let part = r#"{"text":"😀 Baku said so.","claims":[{"start":2,"end":15,"cue":{"start":7,"end":11,"utf16":{"start":7,"end":11}}}]}"#;
        let err = import(part, "c.json").unwrap_err().to_string();
        assert!(
            err.starts_with("c.json:1: $.claims[0]: cue: span 7..11 (code points) is 8..12"),
            "{err}"
        );
        // Reversed or past the end in UTF-16 only: refused the same way.
        let past = r#"{"text":"ab","actors":[{"start":0,"end":1,"utf16":{"start":0,"end":9}}]}"#;
        assert!(from_json(past)
            .unwrap_err()
            .to_string()
            .contains("says 0..9"));
        // Without `utf16`, nothing to check.
        let none = r#"{"text":"😀 Baku","actors":[{"start":2,"end":6}]}"#;
        assert!(from_json(none).is_ok());
    }

    #[test]
    fn a_lone_surrogate_escape_is_named_with_its_place() {
        let err = from_json(r#"{"text":"Baku \ud83d said"}"#).unwrap_err();
        assert!(matches!(err, ReadError::LoneSurrogate(_)), "{err:?}");
        let message = err.to_string();
        assert!(
            message.starts_with(
                "not valid Unicode text: line 1, column 15: the escape \\ud83d is the first half"
            ),
            "{message}"
        );
        let file = format!("{}\n{}\n", to_json(&sample()), r#"{"text":"x \udc00"}"#);
        let err = import(&file, "batch.jsonl").unwrap_err().to_string();
        assert!(err.starts_with("batch.jsonl:2: not valid Unicode text: line 2, column 12: the escape \\udc00 is the second half"), "{err}");
        let pretty = "{\n  \"text\": \"\\ud800\"\n}";
        let err = import(pretty, "p.json").unwrap_err().to_string();
        assert!(
            err.starts_with("p.json:2: not valid Unicode text: line 2, column 12"),
            "{err}"
        );
        // Other JSON errors keep serde's words.
        assert!(matches!(from_json("{"), Err(ReadError::Json(_))));
    }
}

//! The hand-over: a document's annotations as compact bytes, without its text, for
//! the batch worker to give them to the page that sent the text.
//!
//! Why not the native JSON: for 10 MB of text that JSON is about 60 MB (the text, the
//! quoted text of every span, offsets in two units), and reading it back held the
//! page's only thread for seconds. The page already has the text, so the worker hands
//! over only what the engine added, in byte offsets: a few megabytes, read in a few
//! milliseconds, every span still checked against the text. This is a wire format
//! between two halves of one build, never stored or exported: files keep the native
//! JSON ([`super::native`]).
//!
//! Layout (integers little-endian; `u32` offsets, so texts up to 4 GiB):
//! `b"CLH"`, format [`VERSION`] (u8); `next_id` (u32); dct: u8 0 (none) or 1 then
//! year (i32), month (u8), day (u8); the string table: count (u32), then each string
//! as length (u32) and UTF-8 bytes; the annotations: count (u32), then each as id,
//! start, end (u32), layer and kind (u8: layer × 16 + the kind's place in this
//! module's lists), origin (u8), status (u8),
//! then by layer: actor: entity (string index); date: value (string index, or
//! [`NONE`]); claim: stance (u8: 0 none, else 1 + its place in `Stance::ALL`), source
//! and cue (u8 0, or 1 then start, end), fragment count (u32) and each start, end,
//! source entity (string index, or [`NONE`]).

use std::collections::HashMap;

use thiserror::Error;

use crate::calendar::CalendarDate;
use crate::model::{
    ActorAttrs, ActorKind, Annotation, AnnotationId, Attrs, ClaimAttrs, ClaimKind, DateAttrs,
    DateKind, Document, Origin, Stance, Status,
};
use crate::text::{ByteOffset, ByteSpan, Span};

/// The format version this build writes and reads.
pub const VERSION: u8 = 1;

/// The string index meaning "no string".
pub const NONE: u32 = u32::MAX;

const MAGIC: &[u8; 3] = b"CLH";

// The kinds by their number in the bytes (their place here).
const ACTOR_KINDS: [ActorKind; 4] = [
    ActorKind::Person,
    ActorKind::Organisation,
    ActorKind::Country,
    ActorKind::Group,
];
const DATE_KINDS: [DateKind; 4] = [
    DateKind::Date,
    DateKind::Time,
    DateKind::Duration,
    DateKind::Set,
];
const CLAIM_KINDS: [ClaimKind; 2] = [ClaimKind::Direct, ClaimKind::Indirect];

/// Why hand-over bytes could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum HandoverError {
    /// Not hand-over bytes, or written by another version of the worker.
    #[error(
        "the worker's answer is not claimlens hand-over version {VERSION} (a worker of another \
         version still running? reload the page)"
    )]
    Version,
    /// The bytes end early.
    #[error("the worker's answer ends early, at byte {0}")]
    Truncated(usize),
    /// A value no field takes.
    #[error("the worker's answer has {what} {value} at byte {at}")]
    Value {
        /// The field.
        what: &'static str,
        /// The value read.
        value: u32,
        /// Where.
        at: usize,
    },
    /// A span that does not fit the page's text.
    #[error(
        "the worker's annotation {id} spans bytes {start}..{end}, which do not fit the text \
         ({len} bytes): was the text changed after it was sent?"
    )]
    Span {
        /// The annotation's id.
        id: u32,
        /// Its start.
        start: u32,
        /// Its end.
        end: u32,
        /// The text's length in bytes.
        len: usize,
    },
}

/// The hand-over bytes of `doc`'s annotations, dct and next id (not its id or text).
///
/// # Errors
/// None in practice: `None` only when the text is 4 GiB or longer.
pub fn encode(doc: &Document) -> Option<Vec<u8>> {
    u32::try_from(doc.text.len()).ok()?;
    let mut strings = Strings::default();
    let mut body = Vec::with_capacity(doc.annotations.len() * 24);
    for a in &doc.annotations {
        put_u32(&mut body, a.id.0);
        put_span(&mut body, a.span);
        let (layer, kind) = tag(&a.attrs);
        body.push(layer * 16 + kind);
        body.push(match a.origin {
            Origin::Auto => 0,
            Origin::Manual => 1,
        });
        body.push(match a.status {
            Status::Suggested => 0,
            Status::Accepted => 1,
            Status::Rejected => 2,
        });
        match &a.attrs {
            Attrs::Actor(x) => put_u32(&mut body, strings.index(&x.entity)),
            Attrs::Date(x) => put_u32(&mut body, strings.optional(x.value.as_deref())),
            Attrs::Claim(x) => {
                body.push(
                    x.stance
                        .and_then(|s| Stance::ALL.iter().position(|&t| t == s))
                        .map_or(0, |i| i as u8 + 1),
                );
                put_optional_span(&mut body, x.source);
                put_optional_span(&mut body, x.cue);
                put_u32(&mut body, x.fragments.len() as u32);
                for &f in &x.fragments {
                    put_span(&mut body, f);
                }
                put_u32(&mut body, strings.optional(x.source_entity.as_deref()));
            }
        }
    }
    let mut out = Vec::with_capacity(body.len() + strings.bytes.len() + 32);
    out.extend_from_slice(MAGIC);
    out.push(VERSION);
    put_u32(&mut out, doc.next_id);
    match doc.dct {
        None => out.push(0),
        Some(d) => {
            out.push(1);
            out.extend_from_slice(&d.year().to_le_bytes());
            out.push(d.month());
            out.push(d.day());
        }
    }
    put_u32(&mut out, strings.count);
    out.extend_from_slice(&strings.bytes);
    put_u32(&mut out, doc.annotations.len() as u32);
    out.extend_from_slice(&body);
    Some(out)
}

/// What the engine added to a text: read from hand-over bytes, joined to the text by
/// [`Handover::into_document`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    /// The document's date (given, or inferred by the engine).
    pub dct: Option<CalendarDate>,
    /// The annotations, every span checked against the text.
    pub annotations: Vec<Annotation>,
    /// The next id to hand out.
    pub next_id: u32,
}

impl Handover {
    /// The document `id` of `text` (the text `bytes` were read against).
    pub fn into_document(self, id: String, text: String) -> Document {
        let mut doc = Document::new(id, text, self.dct);
        doc.annotations = self.annotations;
        doc.next_id = self.next_id;
        doc.sort();
        doc
    }
}

/// Reads the annotations, dct and next id of `bytes`, checking every span against
/// `text` (so the text is still the caller's to keep when they do not fit).
///
/// # Errors
/// Bytes of another version, cut short, with a value no field takes, or a span that
/// is out of the text or cuts a character.
pub fn decode(bytes: &[u8], text: &str) -> Result<Handover, HandoverError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(3)? != MAGIC || r.u8()? != VERSION {
        return Err(HandoverError::Version);
    }
    let next_id = r.u32()?;
    let dct = match r.u8()? {
        0 => None,
        1 => {
            let at = r.at;
            let year = i32::from_le_bytes(r.array()?);
            let (month, day) = (r.u8()?, r.u8()?);
            Some(
                CalendarDate::new(year, month, day).ok_or(HandoverError::Value {
                    what: "the date month/day",
                    value: u32::from(month) * 100 + u32::from(day),
                    at,
                })?,
            )
        }
        v => return Err(r.bad("the dct flag", u32::from(v))),
    };
    // Every string takes at least its 4-byte length: a count beyond that is a lie,
    // refused before anything is allocated for it.
    let count = r.count(4)?;
    let mut strings = Vec::with_capacity(count);
    for _ in 0..count {
        let at = r.at;
        let len = r.u32()? as usize;
        let s = std::str::from_utf8(r.take(len)?).map_err(|_| HandoverError::Value {
            what: "a string that is not UTF-8, of length",
            value: len as u32,
            at,
        })?;
        strings.push(s);
    }
    let count = r.count(15)?;
    let mut annotations = Vec::with_capacity(count);
    for _ in 0..count {
        let id = r.u32()?;
        let span = r.span(text, id)?;
        let tag_at = r.at;
        let tag = r.u8()?;
        let origin = match r.u8()? {
            0 => Origin::Auto,
            1 => Origin::Manual,
            v => return Err(r.bad("the origin", u32::from(v))),
        };
        let status = match r.u8()? {
            0 => Status::Suggested,
            1 => Status::Accepted,
            2 => Status::Rejected,
            v => return Err(r.bad("the status", u32::from(v))),
        };
        let bad_tag = HandoverError::Value {
            what: "the layer and kind",
            value: u32::from(tag),
            at: tag_at,
        };
        let string = |r: &mut Reader<'_>, i: u32| -> Result<Option<String>, HandoverError> {
            match i {
                NONE => Ok(None),
                i => strings
                    .get(i as usize)
                    .map(|s| Some((*s).to_owned()))
                    .ok_or_else(|| r.bad("the string index", i)),
            }
        };
        let attrs = match (tag / 16, tag % 16) {
            (0, kind) => {
                let i = r.u32()?;
                Attrs::Actor(ActorAttrs {
                    kind: *ACTOR_KINDS.get(usize::from(kind)).ok_or(bad_tag)?,
                    entity: string(&mut r, i)?.ok_or_else(|| r.bad("the entity index", i))?,
                })
            }
            (1, kind) => {
                let kind = *DATE_KINDS.get(usize::from(kind)).ok_or(bad_tag)?;
                let i = r.u32()?;
                Attrs::Date(DateAttrs {
                    kind,
                    value: string(&mut r, i)?,
                })
            }
            (2, kind) => {
                let kind = *CLAIM_KINDS.get(usize::from(kind)).ok_or(bad_tag)?;
                let stance = match r.u8()? {
                    0 => None,
                    v => Some(
                        *Stance::ALL
                            .get(usize::from(v) - 1)
                            .ok_or_else(|| r.bad("the stance", u32::from(v)))?,
                    ),
                };
                let source = r.optional_span(text, id)?;
                let cue = r.optional_span(text, id)?;
                let n = r.count(8)?;
                let mut fragments = Vec::with_capacity(n);
                for _ in 0..n {
                    fragments.push(r.span(text, id)?);
                }
                let i = r.u32()?;
                Attrs::Claim(ClaimAttrs {
                    kind,
                    source,
                    cue,
                    fragments,
                    stance,
                    source_entity: string(&mut r, i)?,
                })
            }
            _ => return Err(bad_tag),
        };
        if id >= next_id {
            return Err(r.bad("an annotation id at or past the next id", id));
        }
        annotations.push(Annotation {
            id: AnnotationId(id),
            span,
            attrs,
            origin,
            status,
        });
    }
    if r.at != bytes.len() {
        return Err(r.bad("bytes left over: the first", u32::from(bytes[r.at])));
    }
    Ok(Handover {
        dct,
        annotations,
        next_id,
    })
}

/// The layer number and the kind's place in [`ACTOR_KINDS`], [`DATE_KINDS`] or
/// [`CLAIM_KINDS`] (the model has no such lists: these numbers are the format's own).
fn tag(attrs: &Attrs) -> (u8, u8) {
    let place = |found: Option<usize>| found.map_or(0, |i| i as u8);
    match attrs {
        Attrs::Actor(a) => (0, place(ACTOR_KINDS.iter().position(|&k| k == a.kind))),
        Attrs::Date(d) => (1, place(DATE_KINDS.iter().position(|&k| k == d.kind))),
        Attrs::Claim(c) => (2, place(CLAIM_KINDS.iter().position(|&k| k == c.kind))),
    }
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

// The caller checked that the text (and so every span in it) fits in u32.
fn put_span(out: &mut Vec<u8>, span: ByteSpan) {
    put_u32(out, span.start().0 as u32);
    put_u32(out, span.end().0 as u32);
}

fn put_optional_span(out: &mut Vec<u8>, span: Option<ByteSpan>) {
    match span {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            put_span(out, s);
        }
    }
}

/// The string table: each distinct string once (an entity recurs in every mention).
#[derive(Default)]
struct Strings<'d> {
    seen: HashMap<&'d str, u32>,
    count: u32,
    bytes: Vec<u8>,
}

impl<'d> Strings<'d> {
    fn index(&mut self, s: &'d str) -> u32 {
        if let Some(&i) = self.seen.get(s) {
            return i;
        }
        let i = self.count;
        self.count += 1;
        self.seen.insert(s, i);
        put_u32(&mut self.bytes, s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
        i
    }

    fn optional(&mut self, s: Option<&'d str>) -> u32 {
        s.map_or(NONE, |s| self.index(s))
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl<'b> Reader<'b> {
    fn take(&mut self, n: usize) -> Result<&'b [u8], HandoverError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(HandoverError::Truncated(self.bytes.len()))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], HandoverError> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn u8(&mut self) -> Result<u8, HandoverError> {
        Ok(self.take(1)?[0])
    }

    fn u32(&mut self) -> Result<u32, HandoverError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    /// A count of items each at least `min` bytes long, checked against what is left.
    fn count(&mut self, min: usize) -> Result<usize, HandoverError> {
        let at = self.at;
        let n = self.u32()?;
        if (n as usize).saturating_mul(min) > self.bytes.len() - self.at {
            return Err(HandoverError::Value {
                what: "a count larger than the bytes left:",
                value: n,
                at,
            });
        }
        Ok(n as usize)
    }

    fn bad(&self, what: &'static str, value: u32) -> HandoverError {
        HandoverError::Value {
            what,
            value,
            at: self.at,
        }
    }

    /// A span checked against `text`: in order, in range, on character boundaries.
    fn span(&mut self, text: &str, id: u32) -> Result<ByteSpan, HandoverError> {
        let (start, end) = (self.u32()?, self.u32()?);
        let fits = |o: u32| text.is_char_boundary(o as usize);
        let bad = HandoverError::Span {
            id,
            start,
            end,
            len: text.len(),
        };
        if !(fits(start) && fits(end)) {
            return Err(bad);
        }
        Span::new(ByteOffset(start as usize), ByteOffset(end as usize)).map_err(|_| bad)
    }

    fn optional_span(&mut self, text: &str, id: u32) -> Result<Option<ByteSpan>, HandoverError> {
        match self.u8()? {
            0 => Ok(None),
            1 => self.span(text, id).map(Some),
            v => Err(self.bad("the span flag", u32::from(v))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "On 3 May 2024, Maria Lopez (café 😀) said \"the talks failed\", \
                        the ministry denied it on Monday.";

    fn annotated() -> Document {
        crate::annotate("a", TEXT, None)
    }

    fn round_trip(doc: &Document) -> Document {
        let bytes = encode(doc).expect("encodes");
        decode(&bytes, &doc.text)
            .expect("decodes")
            .into_document(doc.id.clone(), doc.text.clone())
    }

    #[test]
    fn the_engine_s_document_comes_back_whole() {
        let doc = annotated();
        assert!(doc
            .annotations
            .iter()
            .any(|a| a.layer() == crate::model::Layer::Claim));
        assert_eq!(round_trip(&doc), doc);
    }

    #[test]
    fn every_attribute_and_decision_survives() {
        let mut doc = Document::new("b", TEXT, "2024-05-03".parse().ok());
        let span = |s: usize, e: usize| Span::new(ByteOffset(s), ByteOffset(e)).expect("span");
        doc.annotations = vec![
            Annotation {
                id: AnnotationId(4),
                span: span(15, 26),
                attrs: Attrs::Actor(ActorAttrs {
                    kind: ActorKind::Group,
                    entity: "Maria Lopez".into(),
                }),
                origin: Origin::Manual,
                status: Status::Rejected,
            },
            Annotation {
                id: AnnotationId(2),
                span: span(15, 26),
                attrs: Attrs::Date(DateAttrs {
                    kind: DateKind::Set,
                    value: None,
                }),
                origin: Origin::Auto,
                status: Status::Accepted,
            },
            Annotation {
                id: AnnotationId(9),
                span: span(28, 33),
                attrs: Attrs::Claim(ClaimAttrs {
                    kind: ClaimKind::Indirect,
                    source: Some(span(15, 26)),
                    cue: None,
                    fragments: vec![span(28, 30), span(31, 33)],
                    stance: Some(Stance::Report),
                    source_entity: Some("Maria Lopez".into()),
                }),
                origin: Origin::Auto,
                status: Status::Suggested,
            },
        ];
        doc.next_id = 10;
        doc.sort();
        assert_eq!(round_trip(&doc), doc);
        let empty = Document::new("c", "", None);
        assert_eq!(round_trip(&empty), empty);
    }

    #[test]
    fn a_span_that_does_not_fit_the_text_is_refused() {
        let doc = annotated();
        let bytes = encode(&doc).expect("encodes");
        let shorter = TEXT[..20].to_string();
        assert!(matches!(
            decode(&bytes, &shorter),
            Err(HandoverError::Span { .. })
        ));
        // Two letters before the emoji: a span that was the emoji now cuts it.
        let moved = TEXT.replace('😀', "ab😀");
        let mut doc = Document::new("m", TEXT, None);
        let at = TEXT.find('😀').expect("emoji");
        doc.annotations.push(Annotation {
            id: AnnotationId(1),
            span: Span::new(ByteOffset(at), ByteOffset(at + 4)).expect("span"),
            attrs: Attrs::Actor(ActorAttrs {
                kind: ActorKind::Person,
                entity: "x".into(),
            }),
            origin: Origin::Manual,
            status: Status::Accepted,
        });
        doc.next_id = 2;
        let bytes = encode(&doc).expect("encodes");
        let e = decode(&bytes, &moved).expect_err("cut character");
        assert!(e.to_string().contains("was the text changed"), "{e}");
    }

    #[test]
    fn damaged_or_foreign_bytes_are_refused_without_panic() {
        let bytes = encode(&annotated()).expect("encodes");
        assert_eq!(decode(b"{\"id\":1}", TEXT), Err(HandoverError::Version));
        assert!(decode(b"", TEXT).is_err());
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut], TEXT).is_err(), "{cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer, TEXT).is_err());
        for i in 4..bytes.len() {
            for v in [0u8, 0x7f, 0xff] {
                let mut changed = bytes.clone();
                changed[i] = v;
                // Anything may come back (or an error), but never a panic.
                let _ = decode(&changed, TEXT);
            }
        }
        // Magic, version, next id and "no dct", then a string count no bytes follow.
        let plain = encode(&Document::new("a", TEXT, None)).expect("encodes");
        let mut huge_count = plain[..9].to_vec();
        huge_count.extend_from_slice(&u32::MAX.to_le_bytes());
        assert!(matches!(
            decode(&huge_count, TEXT),
            Err(HandoverError::Value { .. })
        ));
    }

    #[test]
    fn entities_are_written_once() {
        let text = "Paris said no. Paris said yes. Paris said maybe.";
        let doc = crate::annotate("p", text, None);
        let bytes = encode(&doc).expect("encodes");
        // The three mentions and the three claims' sources are all "France".
        let times = bytes.windows(6).filter(|w| w == b"France").count();
        assert_eq!(times, 1, "{doc:?}");
    }
}

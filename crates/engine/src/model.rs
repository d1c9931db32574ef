//! The annotation model: a document's text and the annotations on it.
//!
//! Spans are kept in UTF-8 bytes inside the engine; conversion to code points
//! (exports) or UTF-16 (the DOM) happens at the edges through [`crate::text::OffsetMap`].
//! Every annotation carries its provenance, so exports can tell an annotator's
//! decision from a machine's suggestion.

use serde::{Deserialize, Serialize};

use crate::calendar::CalendarDate;
use crate::text::ByteSpan;

/// The three annotation layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// People, organisations, governments, armed groups.
    Actor,
    /// Temporal expressions (TimeML TIMEX3).
    Date,
    /// Attributed statements (source, cue, content).
    Claim,
}

impl Layer {
    /// All layers, in display order.
    pub const ALL: [Layer; 3] = [Layer::Actor, Layer::Date, Layer::Claim];
    /// The key of this layer's list in document JSON (`actors`, `dates`, `claims`).
    pub fn plural(self) -> &'static str {
        match self {
            Layer::Actor => "actors",
            Layer::Date => "dates",
            Layer::Claim => "claims",
        }
    }
    /// Singular name (`actor`, `date`, `claim`).
    pub fn name(self) -> &'static str {
        match self {
            Layer::Actor => "actor",
            Layer::Date => "date",
            Layer::Claim => "claim",
        }
    }
}

/// What sort of actor a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A named organisation: body, ministry, company, party, agency, club.
    Organisation,
    /// A country or city standing for its government.
    Country,
    /// An armed or political group (`Azerbaijani forces`).
    Group,
}

impl ActorKind {
    /// The kind as files name it (`person`, `organisation`, `country`, `group`).
    pub fn name(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organisation => "organisation",
            ActorKind::Country => "country",
            ActorKind::Group => "group",
        }
    }
}

/// What sort of temporal expression a date mention is (TimeML TIMEX3 type).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateKind {
    /// A calendar date or period (`22 June 2021`, `Tuesday`, `1994`).
    Date,
    /// A time of day (`18:50 GMT`, `this morning`).
    Time,
    /// A length of time (`six weeks`).
    Duration,
    /// A recurrence (`every day`, `weekly`).
    Set,
}

impl DateKind {
    /// The kind as files name it (`date`, `time`, `duration`, `set`).
    pub fn name(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Time => "time",
            DateKind::Duration => "duration",
            DateKind::Set => "set",
        }
    }
}

/// Whether a claim quotes its source's words or reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    /// Inside quotation marks.
    Direct,
    /// Reported speech, "according to", headlines.
    Indirect,
}

impl ClaimKind {
    /// The kind as files name it (`direct`, `indirect`).
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Direct => "direct",
            ClaimKind::Indirect => "indirect",
        }
    }
}

/// What a source does with the claim's content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// States it (said, announced, insisted).
    Assert,
    /// Denies it (denied, rejected).
    Deny,
    /// Accuses someone of it (accused, blamed).
    Accuse,
    /// Calls for it (urged, called on).
    Call,
    /// Reports it (reported, according to).
    Report,
}

impl Stance {
    /// Every stance, in menu order.
    pub const ALL: [Stance; 5] = [
        Stance::Assert,
        Stance::Deny,
        Stance::Accuse,
        Stance::Call,
        Stance::Report,
    ];

    /// The stance as files name it (`assert`, `deny`, `accuse`, `call`, `report`);
    /// the same word serde writes.
    pub fn name(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Deny => "deny",
            Stance::Accuse => "accuse",
            Stance::Call => "call",
            Stance::Report => "report",
        }
    }

    /// Reads a stance name, ignoring case and surrounding spaces (files written by
    /// hand or by other tools are not always lower-case).
    pub fn parse(name: &str) -> Option<Stance> {
        let name = name.trim();
        Stance::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
    }
}

/// Who made an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The automatic annotator.
    #[default]
    Auto,
    /// A person.
    Manual,
}

impl Origin {
    /// The origin as files name it (`auto`, `manual`); the same word serde writes.
    pub fn name(self) -> &'static str {
        match self {
            Origin::Auto => "auto",
            Origin::Manual => "manual",
        }
    }
}

/// Where an annotation stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Proposed, not yet reviewed.
    #[default]
    Suggested,
    /// Reviewed and kept (manual annotations are accepted from the start).
    Accepted,
    /// Reviewed and refused; kept so the suggestion does not come back.
    Rejected,
}

impl Status {
    /// The status as files and the interface name it (`suggested`, `accepted`,
    /// `rejected`); the same word serde writes.
    pub fn name(self) -> &'static str {
        match self {
            Status::Suggested => "suggested",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
        }
    }
}

/// An annotation's stable id within its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AnnotationId(pub u32);

/// Attributes of an actor mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorAttrs {
    /// Person, organisation, country or group.
    pub kind: ActorKind,
    /// Canonical name shared by every mention of the same actor.
    pub entity: String,
}

/// Attributes of a date mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateAttrs {
    /// Date, time, duration or set.
    pub kind: DateKind,
    /// TimeML value (`2020-09-27`, `P6W`, `PAST_REF`), when it can be worked out.
    pub value: Option<String>,
}

/// Attributes of a claim; the annotation's own span is its content (hull).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimAttrs {
    /// Direct quote or reported speech.
    pub kind: ClaimKind,
    /// Who makes the claim.
    pub source: Option<ByteSpan>,
    /// The words that signal attribution.
    pub cue: Option<ByteSpan>,
    /// The content's pieces when a source or cue interrupts it; empty when it is one piece.
    pub fragments: Vec<ByteSpan>,
    /// What the source does with the content.
    pub stance: Option<Stance>,
    /// The actor entity the source refers to, when known (for pronouns and roles too).
    pub source_entity: Option<String>,
}

/// Layer-specific attributes; the variant fixes the annotation's layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attrs {
    /// An actor mention.
    Actor(ActorAttrs),
    /// A date mention.
    Date(DateAttrs),
    /// A claim.
    Claim(ClaimAttrs),
}

impl Attrs {
    /// The layer these attributes belong to.
    pub fn layer(&self) -> Layer {
        match self {
            Attrs::Actor(_) => Layer::Actor,
            Attrs::Date(_) => Layer::Date,
            Attrs::Claim(_) => Layer::Claim,
        }
    }
    /// The kind as its file name (`person`, `time`, `direct`, …).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Attrs::Actor(a) => a.kind.name(),
            Attrs::Date(d) => d.kind.name(),
            Attrs::Claim(c) => c.kind.name(),
        }
    }
}

/// One annotation on a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// Stable id within the document.
    pub id: AnnotationId,
    /// What it covers, in bytes of the document text.
    pub span: ByteSpan,
    /// Layer and layer attributes.
    pub attrs: Attrs,
    /// Who made it.
    pub origin: Origin,
    /// Review status.
    pub status: Status,
}

impl Annotation {
    /// The annotation's layer.
    pub fn layer(&self) -> Layer {
        self.attrs.layer()
    }
    /// True when it counts as labelled: accepted, or made by hand and not rejected.
    pub fn is_labelled(&self) -> bool {
        self.status == Status::Accepted
    }
}

/// A document: its exact text, its creation date, and its annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The document's id (file name, corpus id or a generated one).
    pub id: String,
    /// The text exactly as given: never trimmed, never re-encoded.
    pub text: String,
    /// The document creation time, anchoring relative dates.
    pub dct: Option<CalendarDate>,
    /// Annotations, ordered by span start, then end, then layer.
    pub annotations: Vec<Annotation>,
    /// The next id to hand out.
    pub next_id: u32,
}

impl Document {
    /// A document with no annotations.
    pub fn new(id: impl Into<String>, text: impl Into<String>, dct: Option<CalendarDate>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            dct,
            annotations: Vec::new(),
            next_id: 1,
        }
    }

    /// Adds an annotation, giving it a fresh id, and keeps the order.
    pub fn add(
        &mut self,
        span: ByteSpan,
        attrs: Attrs,
        origin: Origin,
        status: Status,
    ) -> AnnotationId {
        let id = AnnotationId(self.next_id);
        self.next_id += 1;
        self.annotations.push(Annotation {
            id,
            span,
            attrs,
            origin,
            status,
        });
        self.sort();
        id
    }

    /// Restores the canonical order of annotations.
    pub fn sort(&mut self) {
        crate::order::sort_by_key(&mut self.annotations, |a| {
            (a.span.start(), a.span.end(), a.layer(), a.id)
        });
    }

    /// The annotation with this id.
    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.annotations.iter().find(|a| a.id == id)
    }

    /// Annotations of one layer, in order.
    pub fn layer(&self, layer: Layer) -> impl Iterator<Item = &Annotation> {
        self.annotations.iter().filter(move |a| a.layer() == layer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_name<T: Serialize>(value: T) -> String {
        serde_json::to_string(&value)
            .unwrap()
            .trim_matches('"')
            .to_string()
    }

    #[test]
    fn names_are_the_words_serde_writes_and_read_back() {
        for s in Stance::ALL {
            assert_eq!(s.name(), serde_name(s));
            assert_eq!(Stance::parse(s.name()), Some(s));
            assert_eq!(
                Stance::parse(&format!(" {} ", s.name().to_uppercase())),
                Some(s)
            );
        }
        assert_eq!(Stance::parse("claim"), None);
        for o in [Origin::Auto, Origin::Manual] {
            assert_eq!(o.name(), serde_name(o));
        }
        for s in [Status::Suggested, Status::Accepted, Status::Rejected] {
            assert_eq!(s.name(), serde_name(s));
        }
        for k in [
            ActorKind::Person,
            ActorKind::Organisation,
            ActorKind::Country,
            ActorKind::Group,
        ] {
            assert_eq!(k.name(), serde_name(k));
        }
        for k in [
            DateKind::Date,
            DateKind::Time,
            DateKind::Duration,
            DateKind::Set,
        ] {
            assert_eq!(k.name(), serde_name(k));
        }
        for k in [ClaimKind::Direct, ClaimKind::Indirect] {
            assert_eq!(k.name(), serde_name(k));
        }
    }
}

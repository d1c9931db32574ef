//! The label vocabulary shared by the flat third-party formats (doccano, spaCy,
//! Label Studio, CoNLL): one upper-case label per kind, plus `SOURCE` and `CUE` for
//! the parts of a claim, and the relation names that link a claim to them. And the
//! lower-case kind names the native and brat files keep in a `kind` attribute, read
//! back with the spellings other tools use.

use crate::edit::Kind;
use crate::model::{ActorKind, Attrs, ClaimKind, DateKind, Layer};

/// Relation from a claim to its source.
pub const REL_SOURCE: &str = "source";
/// Relation from a claim to its cue.
pub const REL_CUE: &str = "cue";
/// Label of a claim's source span.
pub const SOURCE: &str = "SOURCE";
/// Label of a claim's cue span.
pub const CUE: &str = "CUE";

/// What a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// An actor of this kind.
    Actor(ActorKind),
    /// A date of this kind.
    Date(DateKind),
    /// A claim's content of this kind.
    Claim(ClaimKind),
    /// A claim's source.
    Source,
    /// A claim's cue.
    Cue,
}

/// The label written for an annotation.
pub fn label_of(attrs: &Attrs) -> &'static str {
    match attrs {
        Attrs::Actor(a) => match a.kind {
            ActorKind::Person => "PERSON",
            ActorKind::Organisation => "ORGANISATION",
            ActorKind::Country => "COUNTRY",
            ActorKind::Group => "GROUP",
        },
        Attrs::Date(d) => match d.kind {
            DateKind::Date => "DATE",
            DateKind::Time => "TIME",
            DateKind::Duration => "DURATION",
            DateKind::Set => "SET",
        },
        Attrs::Claim(c) => match c.kind {
            ClaimKind::Direct => "CLAIM_DIRECT",
            ClaimKind::Indirect => "CLAIM_INDIRECT",
        },
    }
}

/// Every label, in the order configuration files list them.
pub const ALL: [&str; 12] = [
    "PERSON",
    "ORGANISATION",
    "COUNTRY",
    "GROUP",
    "DATE",
    "TIME",
    "DURATION",
    "SET",
    "CLAIM_DIRECT",
    "CLAIM_INDIRECT",
    SOURCE,
    CUE,
];

/// Reads a label, ignoring case; common spellings of other tools are accepted.
pub fn parse(label: &str) -> Option<Label> {
    let l = label.trim().to_ascii_uppercase().replace(['-', ' '], "_");
    Some(match l.as_str() {
        "PERSON" | "PER" => Label::Actor(ActorKind::Person),
        "ORGANISATION" | "ORGANIZATION" | "ORG" => Label::Actor(ActorKind::Organisation),
        "COUNTRY" | "GPE" => Label::Actor(ActorKind::Country),
        "GROUP" => Label::Actor(ActorKind::Group),
        "DATE" => Label::Date(DateKind::Date),
        "TIME" => Label::Date(DateKind::Time),
        "DURATION" => Label::Date(DateKind::Duration),
        "SET" => Label::Date(DateKind::Set),
        "CLAIM_DIRECT" | "QUOTE" => Label::Claim(ClaimKind::Direct),
        "CLAIM_INDIRECT" | "CLAIM" => Label::Claim(ClaimKind::Indirect),
        "SOURCE" => Label::Source,
        "CUE" => Label::Cue,
        _ => return None,
    })
}

/// The actor kind a `kind` attribute names ([`ActorKind::name`], or the US spelling
/// `organization`); an empty one means an organisation.
pub(crate) fn actor_kind(name: &str) -> Option<ActorKind> {
    match Kind::from_name(Layer::Actor, name) {
        Some(Kind::Actor(k)) => Some(k),
        _ => matches!(name, "" | "organization").then_some(ActorKind::Organisation),
    }
}

/// The date kind a `kind` attribute names ([`DateKind::name`]); an empty one means a
/// date.
pub(crate) fn date_kind(name: &str) -> Option<DateKind> {
    match Kind::from_name(Layer::Date, name) {
        Some(Kind::Date(k)) => Some(k),
        _ => name.is_empty().then_some(DateKind::Date),
    }
}

/// The claim kind a `kind` attribute names ([`ClaimKind::name`]); an empty one means
/// reported speech.
pub(crate) fn claim_kind(name: &str) -> Option<ClaimKind> {
    match Kind::from_name(Layer::Claim, name) {
        Some(Kind::Claim(k)) => Some(k),
        _ => name.is_empty().then_some(ClaimKind::Indirect),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_parses_back() {
        for l in ALL {
            assert!(parse(l).is_some(), "{l}");
        }
        assert_eq!(parse("org"), Some(Label::Actor(ActorKind::Organisation)));
        assert_eq!(parse("LOC"), None);
    }

    #[test]
    fn kind_names_read_back_with_their_usual_spellings() {
        for k in Kind::ALL {
            let read = match k {
                Kind::Actor(a) => actor_kind(a.name()).map(Kind::Actor),
                Kind::Date(d) => date_kind(d.name()).map(Kind::Date),
                Kind::Claim(c) => claim_kind(c.name()).map(Kind::Claim),
            };
            assert_eq!(read, Some(k));
        }
        assert_eq!(actor_kind("organization"), Some(ActorKind::Organisation));
        assert_eq!(actor_kind(""), Some(ActorKind::Organisation));
        assert_eq!(date_kind(""), Some(DateKind::Date));
        assert_eq!(claim_kind(""), Some(ClaimKind::Indirect));
        assert_eq!(actor_kind("date"), None);
        assert_eq!(claim_kind("Direct"), None);
    }
}

//! The claim layer: finds attributions (source, cue, content) in reported speech,
//! direct quotes, "according to" constructions and live-blog headlines.

use crate::actors::ActorMention;
use crate::model::{ClaimKind, Stance};
use crate::text::ByteSpan;

/// An attribution found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimMention {
    /// The content's hull.
    pub span: ByteSpan,
    /// Direct quote or reported speech.
    pub kind: ClaimKind,
    /// Who makes the claim.
    pub source: Option<ByteSpan>,
    /// The attribution words.
    pub cue: Option<ByteSpan>,
    /// Content pieces when interrupted; empty when the content is one piece.
    pub fragments: Vec<ByteSpan>,
    /// What the source does with the content.
    pub stance: Option<Stance>,
    /// The actor entity the source most likely refers to.
    pub source_entity: Option<String>,
}

/// Finds every claim in `text`; `actors` (from the actor layer) name the sources.
pub fn extract(text: &str, actors: &[ActorMention]) -> Vec<ClaimMention> {
    let _ = (text, actors);
    Vec::new()
}

//! The claim layer: finds attributions (source, cue, content) in reported speech,
//! direct quotes, "according to" constructions and live-blog headlines.
//!
//! The pipeline is cue-centred and runs in linear time: [`cues`] finds every
//! reporting word with its auxiliaries, [`quotes`] pairs quotation marks, [`direct`]
//! attributes quotes to the cue after them, [`reported`] turns the remaining cues into
//! claims by their frame, [`headlines`] reads the punctuation-only forms of live blogs,
//! and [`source`] finds and resolves who speaks. Content spans follow the guidelines:
//! no enclosing quote marks, no leading `that`, no final punctuation.

mod context;
mod cues;
mod direct;
mod draft;
mod headlines;
mod quotes;
mod reported;
mod source;

use crate::actors::ActorMention;
use crate::model::{ClaimKind, Stance};
use crate::text::ByteSpan;

use context::Context;
use draft::Draft;
use reported::Scene;

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
    let ctx = Context::new(text);
    let found_quotes = quotes::find(&ctx);
    let found_cues = cues::find(&ctx);
    let scene = Scene::new(&ctx, &found_cues, &found_quotes);
    let mut used = vec![false; found_cues.len()];
    let mut consumed = vec![false; found_quotes.len()];
    let mut drafts = Vec::new();
    direct::attribute(&scene, &mut used, &mut consumed, &mut drafts);
    reported::find(&scene, &used, &mut drafts);
    headlines::find(&ctx, &mut drafts);
    direct::follow_on(&scene, &consumed, &mut drafts);

    let mut sorted_actors: Vec<ActorMention> = actors.to_vec();
    sorted_actors.sort_by_key(|a| (a.span.start(), a.span.end()));
    let mut out: Vec<ClaimMention> = drafts
        .iter()
        .filter_map(|d| mention(&ctx, d, &sorted_actors))
        .collect();
    out.sort_by_key(|c| (c.span.start(), c.span.end(), c.cue.map(|s| s.start())));
    out.dedup_by(|a, b| a.span == b.span);
    out
}

/// Turns a draft into byte spans, trimming each content piece.
fn mention(ctx: &Context, d: &Draft, actors: &[ActorMention]) -> Option<ClaimMention> {
    let pieces: Vec<ByteSpan> = d
        .content
        .iter()
        .filter_map(|&r| draft::trim(ctx, r))
        .collect();
    let first = pieces.first()?;
    let span = pieces.iter().fold(*first, |h, p| h.hull(p));
    let (source, source_entity) = match d.source {
        Some(s) => source::resolve(ctx, s, actors),
        None => (None, None),
    };
    Some(ClaimMention {
        span,
        kind: d.kind,
        source,
        cue: ctx.span(d.cue.0, d.cue.1),
        fragments: if pieces.len() > 1 { pieces } else { Vec::new() },
        stance: Some(d.stance),
        source_entity,
    })
}

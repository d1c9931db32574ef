//! Reporting nouns: `Roe's claim that Y`, `his insistence that Y`, `the ministry's
//! warning that Y`. The source is the possessive before the noun, the cue the noun
//! (with one adjective: `earlier claim`), the content the `that` clause after it.
//! The noun list lives in `data/claims/noun_cues.txt`; the `that` is required, which
//! keeps `her plan for schools` or `his claim to the throne` out.

// The fast word hasher: each token is looked up once.
use crate::actors::fasthash::FastMap as HashMap;
use std::sync::OnceLock;

use super::draft::Draft;
use super::scene::Scene;
use super::source;
use crate::model::Stance;
use crate::text::TokenKind;

static NOUNS: &str = crate::data::word_list!(include_str!("../../data/claims/noun_cues.txt"));

fn nouns() -> &'static HashMap<&'static str, Stance> {
    static MAP: OnceLock<HashMap<&'static str, Stance>> = OnceLock::new();
    MAP.get_or_init(|| {
        crate::data::fields(NOUNS)
            .filter_map(|f| Some((*f.first()?, Stance::parse(f.get(1)?)?)))
            .collect()
    })
}

/// Possessive pronouns that name the source themselves.
const POSSESSIVES: [&str; 4] = ["his", "her", "their", "its"];

/// Adds a claim for every reporting noun with a possessive source and a `that` clause.
pub(crate) fn find(scene: &Scene, out: &mut Vec<Draft>) {
    let ctx = scene.ctx;
    let list = nouns();
    for i in 1..ctx.len() {
        // The `that` first: one comparison per token rules out almost every noun
        // before the list is looked up.
        if ctx.word(i + 1) != "that" {
            continue;
        }
        let Some(&stance) = list.get(ctx.word(i)) else {
            continue;
        };
        let (ss, se) = ctx.sentence(i);
        // `his earlier claim that`: one adjective may stand between.
        let cue_start = if i > ss + 1
            && ctx.kind(i - 1) == Some(TokenKind::Word)
            && !ctx.is_capitalised(i - 1)
            && !POSSESSIVES.contains(&ctx.word(i - 1))
            && (ctx.kind(i - 2) == Some(TokenKind::Possessive)
                || POSSESSIVES.contains(&ctx.word(i - 2)))
        {
            i - 1
        } else {
            i
        };
        let Some(owner) = cue_start.checked_sub(1).filter(|&o| o >= ss) else {
            continue;
        };
        let src = if POSSESSIVES.contains(&ctx.word(owner)) {
            Some((owner, owner + 1))
        } else if ctx.kind(owner) == Some(TokenKind::Possessive) {
            owner_name(ctx, owner, ss).map(|s| (s, owner + 1))
        } else {
            None
        };
        let Some(src) = src else { continue };
        let Some((content, kind)) = scene.content_from(i + 2, se) else {
            continue;
        };
        out.push(Draft {
            content: vec![content],
            source: Some(src),
            cue: (cue_start, i + 1),
            stance,
            kind,
        });
    }
}

/// Where the owner's name before the possessive at token `owner` starts: a short
/// capitalised name (`Donald Trump's`), or a role with its article (`the ministry's`).
fn owner_name(ctx: &super::context::Context, owner: usize, floor: usize) -> Option<usize> {
    let mut s = owner;
    while s > floor
        && owner - s < 6
        && (ctx.kind(s - 1) == Some(TokenKind::Word) && ctx.is_capitalised(s - 1)
            || (ctx.is(s - 1, ".") && s < owner))
    {
        s -= 1;
    }
    if s < owner {
        return Some(s);
    }
    // `the ministry's`, `Tulsa police's`: the role keeps its article or names.
    let mut s = owner
        .checked_sub(1)
        .filter(|&r| r >= floor && source::is_role(ctx.word(r)))?;
    while s > floor
        && owner - s < 6
        && ctx.kind(s - 1) == Some(TokenKind::Word)
        && ctx.is_capitalised(s - 1)
    {
        s -= 1;
    }
    // `the city police's`: words back to an article within a few tokens.
    let article = (s.saturating_sub(3).max(floor)..s)
        .rev()
        .take_while(|&k| ctx.kind(k) == Some(TokenKind::Word))
        .find(|&k| matches!(ctx.word(k), "the" | "a" | "an"));
    Some(article.unwrap_or(s))
}

#[cfg(test)]
mod tests {
    use crate::claims::extract;
    use crate::model::Stance;

    fn found(text: &str) -> Vec<(String, String, String, Option<Stance>)> {
        let cut = |s: Option<crate::text::ByteSpan>| {
            s.map_or(String::new(), |s| text[s.range()].to_string())
        };
        extract(text, &[])
            .into_iter()
            .map(|c| {
                (
                    cut(Some(c.span)),
                    cut(c.attrs.source),
                    cut(c.attrs.cue),
                    c.attrs.stance,
                )
            })
            .collect()
    }

    #[test]
    fn possessive_noun_and_that_clause() {
        let want = |c: &str, s: &str, q: &str, st: Stance| {
            (c.to_string(), s.to_string(), q.to_string(), Some(st))
        };
        assert!(
            found("The row began with Ann Roe’s claim that the bridge is safe.").contains(&want(
                "the bridge is safe",
                "Ann Roe’s",
                "claim",
                Stance::Assert
            ))
        );
        assert!(
            found("The case turned on his earlier denial that he had signed it.").contains(&want(
                "he had signed it",
                "his",
                "earlier denial",
                Stance::Deny
            ))
        );
        assert!(found(
            "The riot followed the city police's allegation that the crowd threw stones."
        )
        .contains(&want(
            "the crowd threw stones",
            "the city police's",
            "allegation",
            Stance::Accuse
        )));
    }

    #[test]
    fn nouns_without_a_that_clause_are_no_claims() {
        assert!(found("Her plan for schools was popular.").is_empty());
        assert!(found("His claim to the throne was weak.").is_empty());
        assert!(found("The claim that taxes fell is wrong.").is_empty());
    }
}

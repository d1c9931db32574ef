//! Live-blog and headline forms with punctuation as the cue: `Y - Ministry of Defence`
//! and `Y: Azerbaijan FM` (source at the end of the line), and `Official: Y`
//! (source before a colon at the start of the line). Lines with a reporting verb
//! (`18:00 GMT – Turkey denies Y`) are left to indirect speech.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::context::Context;
use super::draft::Draft;
use crate::model::{ClaimKind, Stance};
use crate::text::TokenKind;

static LABELS: &str = crate::data::word_list!(include_str!("../../data/claims/labels.txt"));

fn labels() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::data::entries(LABELS).collect())
}

/// Longest source phrase of a headline, in tokens.
const SHORT: usize = 6;
/// Words that may stay lower case inside a title-case name.
const NAME_GLUE: [&str; 5] = ["of", "the", "and", "for", "on"];

/// True when tokens `[a, b)` read as a short title-case name.
fn is_name(ctx: &Context, a: usize, b: usize) -> bool {
    b > a
        && b - a <= SHORT
        && ctx.is_capitalised(a)
        && ctx.kind(a) == Some(TokenKind::Word)
        && (a..b).all(|i| match ctx.kind(i) {
            Some(TokenKind::Word) => {
                ctx.is_capitalised(i)
                    || NAME_GLUE.contains(&ctx.word(i))
                    || (i > a && super::source::is_role(ctx.word(i)))
            }
            Some(TokenKind::Possessive) => true,
            _ => false,
        })
}

fn claim(content: (usize, usize), source: (usize, usize), cue: usize) -> Draft {
    Draft {
        content: vec![content],
        source: Some(source),
        cue: (cue, cue + 1),
        stance: Stance::Assert,
        kind: ClaimKind::Indirect,
    }
}

/// Finds the headline forms, one line at a time.
pub(crate) fn find(ctx: &Context, out: &mut Vec<Draft>) {
    for &(pa, pb) in ctx.paragraphs() {
        if pb <= pa {
            continue;
        }
        let body = ctx.body_start(pa, pb);
        let sentence_end = matches!(ctx.raw(pb - 1), "." | "?" | "!");
        // `“Y” ― Reader Name.`: a quote signed at the end of its line.
        let signed_quote = sentence_end && is_signed_quote(ctx, body, pb);
        if !sentence_end || signed_quote {
            let end = if sentence_end { pb - 1 } else { pb };
            // `Y - Source` and `Y: Source`, the source ending the line.
            let tail = (body..end)
                .rev()
                .take(SHORT + 1)
                .find(|&k| matches!(ctx.raw(k), "-" | "–" | "—" | "―" | ":"));
            if let Some(k) = tail {
                let label = ctx
                    .span(k + 1, end)
                    .map_or(String::new(), |s| ctx.text[s.range()].to_lowercase());
                if k > body
                    && is_name(ctx, k + 1, end)
                    && !labels().contains(label.as_str())
                    && words(ctx, body, k) >= 3
                {
                    out.push(claim((body, k), (k + 1, end), k));
                    continue;
                }
            }
        }
        // `Source: Y` at the start of the line; a transcript's `SPEAKER: Y` may end
        // in a period; a headline ends in a period in some feeds, so a title-case
        // line counts too.
        // A name of up to `SHORT` words, then the colon.
        if let Some(k) = (body..pb.min(body + SHORT + 1)).find(|&k| ctx.is(k, ":")) {
            let label = ctx
                .span(body, k)
                .map_or("", |s| &ctx.text[s.range()])
                .to_lowercase();
            let speaker_label = is_upper_name(ctx, body, k);
            if (!sentence_end || speaker_label || is_title_case(ctx, k + 1, pb))
                && is_name(ctx, body, k)
                && !labels().contains(label.as_str())
                && words(ctx, k + 1, pb) >= 3
            {
                out.push(claim((k + 1, pb), (body, k), k));
            }
        }
    }
}

/// True when the line is a quote followed by a dash (`“Y” ― Name.`).
fn is_signed_quote(ctx: &Context, body: usize, pb: usize) -> bool {
    matches!(ctx.raw(body), "“" | "\"")
        && (body..pb).rev().take(SHORT + 2).any(|k| {
            matches!(ctx.raw(k), "―" | "—" | "–" | "-")
                && matches!(ctx.raw(k.saturating_sub(1)), "”" | "\"")
        })
}

/// True when most words of `[a, b)` are capitalised, as in a headline.
fn is_title_case(ctx: &Context, a: usize, b: usize) -> bool {
    let words = (a..b).filter(|&i| ctx.kind(i) == Some(TokenKind::Word));
    let (caps, all) = words.fold((0, 0), |(c, n), i| {
        (c + usize::from(ctx.is_capitalised(i)), n + 1)
    });
    all >= 3 && caps * 4 >= all * 3
}

/// True when `[a, b)` is a short all-capitals name (`WALLACE`, `SEN. ROE`).
fn is_upper_name(ctx: &Context, a: usize, b: usize) -> bool {
    b > a
        && b - a <= 3
        && (a..b).all(|i| {
            ctx.raw(i) == "."
                || (ctx.kind(i) == Some(TokenKind::Word)
                    && ctx.raw(i).chars().count() >= 2
                    && ctx.raw(i).chars().all(|c| !c.is_lowercase()))
        })
}

fn words(ctx: &Context, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&i| ctx.kind(i) == Some(TokenKind::Word))
        .take(3)
        .count()
}

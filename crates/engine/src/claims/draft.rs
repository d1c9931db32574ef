//! A claim as the finders build it, in token indexes, and the rules that turn it into
//! byte spans: which punctuation, quote marks and `that` stay outside the content.

use super::context::Context;
use crate::model::{ClaimKind, Stance};
use crate::text::{ByteSpan, TokenKind};

/// A claim found in token terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    /// Content pieces as token ranges, in text order (more than one when split).
    pub content: Vec<(usize, usize)>,
    /// The source phrase.
    pub source: Option<(usize, usize)>,
    /// The cue tokens.
    pub cue: (usize, usize),
    /// What the source does.
    pub stance: Stance,
    /// Direct quote or reported speech.
    pub kind: ClaimKind,
}

impl Draft {
    /// First content token.
    pub fn start(&self) -> usize {
        self.content.first().map_or(0, |c| c.0)
    }

    /// One past the last content token.
    pub fn end(&self) -> usize {
        self.content.last().map_or(0, |c| c.1)
    }
}

/// Drops a belief or intention reported inside another claim of the same sentence
/// (`X said she wants Y`): PARC-style corpora keep such a clause inside the outer
/// content. `is_mind` tells which drafts come from such cues; statements nested in
/// statements are settled later, on whole claims (`drop_nested` in the module root).
pub(crate) fn outermost(
    ctx: &Context,
    drafts: Vec<Draft>,
    is_mind: impl Fn(&Draft) -> bool,
) -> Vec<Draft> {
    // Drafts grouped by their cue's sentence; claims per sentence are few, and a
    // group is only compared pairwise up to a small size to stay linear.
    const MAX_GROUP: usize = 16;
    let mut order: Vec<(usize, usize)> = drafts
        .iter()
        .enumerate()
        .map(|(n, d)| (ctx.sentence(d.cue.0).0, n))
        .collect();
    crate::order::sort(&mut order);
    let mut keep = vec![true; drafts.len()];
    for group in order.chunk_by(|a, b| a.0 == b.0) {
        if group.len() < 2 || group.len() > MAX_GROUP {
            continue;
        }
        for &(_, inner) in group {
            let d = &drafts[inner];
            if !is_mind(d) {
                continue;
            }
            keep[inner] = !group.iter().any(|&(_, outer)| {
                let o = &drafts[outer];
                outer != inner && o.cue != d.cue && o.start() <= d.cue.0 && d.cue.1 <= o.end()
            });
        }
    }
    drafts
        .into_iter()
        .zip(keep)
        .filter_map(|(d, k)| k.then_some(d))
        .collect()
}

fn is_quote_mark(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "‘" | "’" | "'" | "«" | "»" | "„")
}

/// Trims a content range: leading `that`, colons and commas, trailing sentence
/// punctuation, and quote marks that enclose the whole piece or close nothing inside it.
pub(crate) fn trim(ctx: &Context, (mut a, mut b): (usize, usize)) -> Option<ByteSpan> {
    loop {
        let before = (a, b);
        while a < b
            && (matches!(ctx.raw(a), ":" | "," | "—" | "–" | "-" | "•") || ctx.word(a) == "that")
        {
            a += 1;
        }
        while a < b
            && matches!(
                ctx.raw(b - 1),
                "." | "," | ":" | ";" | "—" | "–" | "-" | "!"
            )
        {
            b -= 1;
        }
        if a < b && is_quote_mark(ctx.raw(b - 1)) {
            let opened_inside = (a..b - 1).any(|i| is_opening(ctx, i));
            let enclosed = is_quote_mark(ctx.raw(a));
            if enclosed {
                a += 1;
                b -= 1;
            } else if !opened_inside {
                b -= 1;
            }
        } else if a < b && is_quote_mark(ctx.raw(a)) && !(a + 1..b).any(|i| is_closing(ctx, i)) {
            a += 1;
        }
        if (a, b) == before {
            break;
        }
    }
    (a < b && (a..b).any(|i| ctx.kind(i) != Some(TokenKind::Punct))).then(|| ctx.span(a, b))?
}

fn is_opening(ctx: &Context, i: usize) -> bool {
    matches!(ctx.raw(i), "“" | "‘" | "«") || (ctx.raw(i) == "\"" && i > 0 && !ctx.is_word(i - 1))
}

fn is_closing(ctx: &Context, i: usize) -> bool {
    matches!(ctx.raw(i), "”" | "’" | "»" | "\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(text: &str) -> String {
        let ctx = Context::new(text);
        trim(&ctx, (0, ctx.len())).map_or(String::new(), |s| text[s.range()].to_string())
    }

    #[test]
    fn punctuation_and_enclosing_quotes_go() {
        assert_eq!(trimmed("that the war is over."), "the war is over");
        assert_eq!(trimmed("“We will win,”"), "We will win");
        assert_eq!(
            trimmed("it was “deeply unhelpful”."),
            "it was “deeply unhelpful”"
        );
        assert_eq!(trimmed("the war is over.”"), "the war is over");
        assert_eq!(trimmed("."), "");
    }
}

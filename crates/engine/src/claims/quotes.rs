//! Quotation marks: pairs opening and closing marks (curly `“ ”` and `‘ ’`, straight
//! `"`, doubled `''`) into top-level quotes, one paragraph at a time, in one pass.
//! A quote left open at the end of its paragraph runs to that end (news style for
//! quotes spanning paragraphs), so unbalanced marks never cause a rescan.

use super::context::Context;
use crate::text::TokenKind;

/// A top-level quote, as token indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quote {
    /// First token of the opening mark.
    pub open: usize,
    /// First token inside the quote.
    pub inner_start: usize,
    /// One past the last token inside the quote.
    pub inner_end: usize,
    /// One past the closing mark (equals `inner_end` when the quote is left open).
    pub end: usize,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    CurlyOpen,
    CurlyClose,
    SingleOpen,
    SingleClose,
    Straight,
    /// Two tokens: `''`.
    Doubled,
}

/// Which quotation mark starts at token `i`, if any.
fn mark(ctx: &Context, i: usize) -> Option<Mark> {
    if ctx.kind(i) != Some(TokenKind::Punct) {
        return None;
    }
    Some(match ctx.raw(i) {
        "“" | "„" | "«" => Mark::CurlyOpen,
        "”" | "»" => Mark::CurlyClose,
        "‘" => Mark::SingleOpen,
        "’" => Mark::SingleClose,
        "\"" => Mark::Straight,
        "'" if ctx.raw(i + 1) == "'" && adjacent(ctx, i) => Mark::Doubled,
        _ => return None,
    })
}

fn adjacent(ctx: &Context, i: usize) -> bool {
    match (ctx.tokens.get(i), ctx.tokens.get(i + 1)) {
        (Some(a), Some(b)) => a.span.end() == b.span.start(),
        _ => false,
    }
}

fn width(m: Mark) -> usize {
    if m == Mark::Doubled {
        2
    } else {
        1
    }
}

/// Finds the top-level quotes of every paragraph, in text order.
pub(crate) fn find(ctx: &Context) -> Vec<Quote> {
    let mut out = Vec::new();
    for &(pa, pb) in ctx.paragraphs() {
        // The mark that opened the current quote and where.
        let mut open: Option<(Mark, usize)> = None;
        let mut i = pa;
        while i < pb {
            let Some(m) = mark(ctx, i) else {
                i += 1;
                continue;
            };
            let w = width(m);
            match open {
                None => {
                    let opens = match m {
                        Mark::CurlyOpen | Mark::SingleOpen => true,
                        Mark::Straight | Mark::Doubled => i + w < pb,
                        _ => false,
                    };
                    if opens {
                        open = Some((m, i));
                    }
                }
                Some((om, at)) => {
                    let closes = match (om, m) {
                        (Mark::CurlyOpen, Mark::CurlyClose) => true,
                        (Mark::SingleOpen, Mark::SingleClose) => true,
                        (Mark::Straight, Mark::Straight) => true,
                        (Mark::Doubled, Mark::Doubled) => true,
                        // A straight quote typed against curly ones still closes.
                        (Mark::CurlyOpen, Mark::Straight) => true,
                        _ => false,
                    };
                    if closes {
                        let aw = width(om);
                        out.push(Quote {
                            open: at,
                            inner_start: at + aw,
                            inner_end: i,
                            end: i + w,
                            closed: true,
                        });
                        open = None;
                    }
                }
            }
            i += w;
        }
        if let Some((om, at)) = open {
            out.push(Quote {
                open: at,
                inner_start: at + width(om),
                inner_end: pb,
                end: pb,
                closed: false,
            });
        }
    }
    out.retain(|q| q.inner_start < q.inner_end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<String> {
        let ctx = Context::new(text);
        find(&ctx)
            .iter()
            .filter_map(|q| ctx.span(q.inner_start, q.inner_end))
            .map(|s| text[s.range()].to_string())
            .collect()
    }

    #[test]
    fn curly_straight_and_doubled() {
        assert_eq!(inner("“We won,” he said."), ["We won,"]);
        assert_eq!(inner("\"We won,\" he said."), ["We won,"]);
        assert_eq!(inner("''We won,'' he said."), ["We won,"]);
        assert_eq!(inner("‘Armenia lost’: Baku"), ["Armenia lost"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(inner("Azerbaijan’s army and the soldiers’ families").is_empty());
    }

    #[test]
    fn open_quote_runs_to_paragraph_end() {
        assert_eq!(inner("“We won. Then\nNext"), ["We won. Then"]);
    }

    #[test]
    fn many_unbalanced_marks_are_linear_and_safe() {
        let text = "\"“‘''".repeat(5000);
        let _ = inner(&text);
    }
}

//! Tokens: words, numbers and punctuation with their byte spans.
//!
//! Deliberately simple and predictable: extractors reason over these tokens, and an
//! annotator must be able to guess where a token ends. Apostrophes and hyphens inside
//! a word stay in it (`Shi'ite`, `cease-fire`), a possessive `'s` is its own token so
//! that `Azerbaijan's` yields the actor `Azerbaijan`, and periods stay on known
//! abbreviation shapes (`U.S.`, `a.m.`) so that sentence splitting can trust them.

use super::offsets::ByteSpan;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with inner apostrophes, hyphens or dotted initials).
    Word,
    /// Digits, possibly with inner `.`, `,`, `:` or `/` (`4,000`, `18:50`, `27/09/2020`).
    Number,
    /// A possessive clitic `'s` or `’s` (or a lone `'` after a plural).
    Possessive,
    /// Any other single non-space character.
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it is, in bytes.
    pub span: ByteSpan,
    /// What it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.range()]
    }
}

/// An apostrophe, straight or curly: it may join a word (`don't`) or mark a possessive.
/// Span snapping (`edit::snap` in claimlens-core) keeps words whole with the same test.
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// A hyphen (ASCII, U+2010 or the non-breaking U+2011) that may join a word's parts.
pub fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

fn span(a: usize, b: usize) -> ByteSpan {
    // a <= b by construction of the scanner.
    ByteSpan::from_raw(a, b).unwrap_or_else(|_| unreachable!("scanner spans are ordered"))
}

/// Splits `text` into tokens in one left-to-right pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 5);
    // Byte cursor over the text: decoding on the fly avoids a char table 16 times the
    // text's size, which dominated the cost of every extractor; an ASCII byte is a
    // whole character, so most of a news text needs no decoding at all.
    let bytes = text.as_bytes();
    let at = |b: usize| match bytes.get(b) {
        Some(&c) if c.is_ascii() => Some(char::from(c)),
        Some(_) => text.get(b..).and_then(|r| r.chars().next()),
        None => None,
    };
    let after = |b: usize| at(b).map_or(b, |c| b + c.len_utf8());
    let mut b = 0;
    while let Some(c) = at(b) {
        let start = b;
        if c.is_whitespace() {
            b = after(b);
            continue;
        }
        if is_apostrophe(c)
            && out
                .last()
                .is_some_and(|t| t.kind == TokenKind::Word && t.span.end().0 == start)
            && is_possessive_at(text, start)
        {
            // Possessive: word + 's.
            let end = after(after(start));
            out.push(Token {
                span: span(start, end),
                kind: TokenKind::Possessive,
            });
            b = end;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = after(b);
            while let Some(c) = at(j) {
                let next = after(j);
                // Letters and digits continue the word; only other characters need
                // a look at what follows them.
                if c.is_alphanumeric() || is_combining(c) {
                    j = next;
                    continue;
                }
                let next_alpha = at(next).is_some_and(char::is_alphabetic);
                let inner_joiner = (is_hyphen(c)
                    || (is_apostrophe(c) && !is_possessive_at(text, j)))
                    && next_alpha;
                if inner_joiner {
                    j = next;
                } else if c == '.' && next_alpha && is_initial_run(&text[start..j]) {
                    // U.S, a.m: a dotted run of single letters.
                    j = next;
                } else {
                    break;
                }
            }
            // Keep the final period of a dotted abbreviation (U.S. / a.m.).
            if at(j) == Some('.')
                && is_initial_run(&text[start..j])
                && text[start..j].chars().count() >= 3
            {
                j += 1;
            }
            out.push(Token {
                span: span(start, j),
                kind: TokenKind::Word,
            });
            b = j;
            continue;
        }
        if c.is_ascii_digit() || c.is_numeric() {
            let mut j = after(b);
            while let Some(c) = at(j) {
                let next = after(j);
                if c.is_ascii_digit() || c.is_numeric() {
                    j = next;
                    continue;
                }
                let next_digit = at(next).is_some_and(|n| n.is_ascii_digit());
                let inner_separator = matches!(c, '.' | ',' | ':' | '/') && next_digit;
                if inner_separator {
                    j = next;
                } else {
                    break;
                }
            }
            out.push(Token {
                span: span(start, j),
                kind: TokenKind::Number,
            });
            b = j;
            continue;
        }
        b = after(b);
        out.push(Token {
            span: span(start, b),
            kind: TokenKind::Punct,
        });
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// True when the apostrophe at byte `b` starts a possessive `'s` (not `'st`, `'say`).
fn is_possessive_at(text: &str, b: usize) -> bool {
    let mut rest = text[b..].chars().skip(1);
    matches!(rest.next(), Some('s' | 'S')) && !rest.next().is_some_and(char::is_alphanumeric)
}

/// True when `word` is single letters separated by periods (`U.S`, `a.m`).
fn is_initial_run(word: &str) -> bool {
    word.chars().enumerate().all(|(k, c)| {
        if k % 2 == 0 {
            c.is_alphabetic()
        } else {
            c == '.'
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn possessives_split_off() {
        assert_eq!(words("Azerbaijan's army"), ["Azerbaijan", "'s", "army"]);
        assert_eq!(words("Russia’s RIA"), ["Russia", "’s", "RIA"]);
    }

    #[test]
    fn inner_punctuation_stays() {
        assert_eq!(
            words("cease-fire, 4,000 at 18:50."),
            ["cease-fire", ",", "4,000", "at", "18:50", "."]
        );
        assert_eq!(
            words("the U.S. said at 6 a.m. today"),
            ["the", "U.S.", "said", "at", "6", "a.m.", "today"]
        );
        assert_eq!(words("don't"), ["don't"]);
    }

    #[test]
    fn unicode_words() {
        assert_eq!(
            words("Haciyev — Hacıyev 👍"),
            ["Haciyev", "—", "Hacıyev", "👍"]
        );
        assert_eq!(words("Café"), ["Café"]);
    }
}

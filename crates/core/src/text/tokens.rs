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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_hyphen(c: char) -> bool {
    c == '-' || c == '\u{2010}' || c == '\u{2011}'
}

fn span(a: usize, b: usize) -> ByteSpan {
    // a <= b by construction of the scanner.
    ByteSpan::from_raw(a, b).unwrap_or_else(|_| unreachable!("scanner spans are ordered"))
}

/// Splits `text` into tokens in one left-to-right pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if is_apostrophe(c) && !out.is_empty() {
            // Possessive: word + 's, or plural + ' before a space.
            let prev_word = out
                .last()
                .is_some_and(|t: &Token| t.kind == TokenKind::Word && t.span.end().0 == start);
            if prev_word {
                let next = chars.get(i + 1).map(|&(_, c)| c);
                let after = chars.get(i + 2).map(|&(_, c)| c);
                if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                    out.push(Token {
                        span: span(start, end_of(i + 2)),
                        kind: TokenKind::Possessive,
                    });
                    i += 2;
                    continue;
                }
            }
        }
        if c.is_alphabetic() {
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                let next_alpha = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic());
                let inner_joiner = (is_hyphen(c)
                    || (is_apostrophe(c) && !is_possessive_at(&chars, j)))
                    && next_alpha;
                if c.is_alphanumeric() || is_combining(c) || inner_joiner {
                    j += 1;
                } else if c == '.' && next_alpha && is_initial_run(&chars, i, j) {
                    // U.S, a.m: a dotted run of single letters.
                    j += 1;
                } else {
                    break;
                }
            }
            // Keep the final period of a dotted abbreviation (U.S. / a.m.).
            if chars.get(j).is_some_and(|&(_, c)| c == '.')
                && is_initial_run(&chars, i, j)
                && j - i >= 3
            {
                j += 1;
            }
            out.push(Token {
                span: span(start, end_of(j)),
                kind: TokenKind::Word,
            });
            i = j;
            continue;
        }
        if c.is_ascii_digit() || c.is_numeric() {
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                let next_digit = chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
                let inner_separator = matches!(c, '.' | ',' | ':' | '/') && next_digit;
                if c.is_ascii_digit() || c.is_numeric() || inner_separator {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(Token {
                span: span(start, end_of(j)),
                kind: TokenKind::Number,
            });
            i = j;
            continue;
        }
        out.push(Token {
            span: span(start, end_of(i + 1)),
            kind: TokenKind::Punct,
        });
        i += 1;
    }
    out
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_possessive_at(chars: &[(usize, char)], j: usize) -> bool {
    matches!(chars.get(j + 1).map(|&(_, c)| c), Some('s' | 'S'))
        && !chars.get(j + 2).is_some_and(|&(_, c)| c.is_alphanumeric())
}

/// True when `chars[i..j]` is single letters separated by periods (`U.S`, `a.m`).
fn is_initial_run(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    chars[i..j].iter().enumerate().all(|(k, &(_, c))| {
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

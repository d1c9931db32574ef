//! The token view the date scanner reads: the shared tokens of `text::tokenize`, with
//! hyphenated words split into their parts (`third-quarter`, `mid-1996`, `10-hour`),
//! lower-cased once into one buffer (the shared ASCII lower case of the text, plus the
//! few non-ASCII words), marked where a line starts, and numbered by the date word
//! lists ([`WordId`]) so that the scanner hashes each token once, here.

use super::lexicon::{lexicon, Lexicon, WordId};
use crate::text::{tokenize, Token, TokenKind};

/// One token as the date scanner sees it.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte start in the text.
    pub start: usize,
    /// Byte end in the text.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Attached to the previous token by a hyphen (`third-quarter`, `10-hour`).
    pub hyphen: bool,
    /// Attached to the previous token with nothing between (`6am`, `1990s`).
    pub glued: bool,
    /// First token of its line.
    pub line_start: bool,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// Puts its sentence in the past: a regular past form (`announced`) or a listed one.
    pub past: bool,
    /// Ends a sentence: `!`, `?`, or a period not after a single initial (`J.`).
    pub sentence_end: bool,
    /// Its number in the date word lists (0 when no list holds it).
    pub word: WordId,
    lower: (usize, usize),
}

/// The tokens of a text and their lower-cased forms.
#[derive(Debug)]
pub struct Toks {
    /// The tokens, in order.
    pub toks: Vec<Tok>,
    lower: String,
}

fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

/// Whether a word holds a hyphen: `-`, or a byte that can begin U+2010/U+2011.
fn has_hyphen(s: &str) -> bool {
    s.bytes().any(|b| b == b'-' || b == 0xE2)
}

fn starts_upper(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Where the lower-cased `part` (at byte `start` of the text) lies in `lower`, which
/// begins with the text's ASCII lower case: there already for an ASCII part, else
/// appended.
fn lower_of(lower: &mut String, text_len: usize, start: usize, part: &str) -> (usize, usize) {
    if part.is_ascii() && start + part.len() <= text_len {
        return (start, start + part.len());
    }
    let lo = lower.len();
    lower.extend(part.chars().flat_map(char::to_lowercase));
    (lo, lower.len())
}

/// Appends `tok` with what the word lists say about it: its number, whether it is a
/// past form, and whether it ends a sentence (which needs the token before it).
fn push(toks: &mut Vec<Tok>, lower: &str, lex: &Lexicon, mut tok: Tok) {
    let low = lower.get(tok.lower.0..tok.lower.1).unwrap_or("");
    tok.word = lex.id(low);
    tok.past = (low.len() > 4 && low.ends_with("ed") && !low.ends_with("eed"))
        || lex.word(tok.word).past_cue;
    tok.sentence_end = match low {
        "!" | "?" => true,
        "." => {
            !(tok.glued
                && toks.last().is_some_and(|p| {
                    p.capital
                        && lower
                            .get(p.lower.0..p.lower.1)
                            .is_some_and(|w| w.chars().count() == 1)
                }))
        }
        _ => false,
    };
    toks.push(tok);
}

impl Toks {
    /// Tokenises `text` once.
    pub fn new(text: &str) -> Self {
        Self::from_tokens(text, &tokenize(text), &text.to_ascii_lowercase())
    }

    /// The view over `text` given its tokens and its ASCII lower case (both from
    /// [`crate::text::Analysis`]), so that most tokens' lower case is read, not made.
    pub fn from_tokens(text: &str, base: &[Token], ascii_lower: &str) -> Self {
        let mut toks: Vec<Tok> = Vec::with_capacity(base.len() + base.len() / 8);
        // The text's ASCII lower case, then the lower case of non-ASCII tokens.
        let mut lower = if ascii_lower.len() == text.len() {
            ascii_lower.to_string()
        } else {
            text.to_ascii_lowercase()
        };
        let lex = lexicon();
        let mut pending_hyphen = false;
        for (k, t) in base.iter().enumerate() {
            let (start, end) = (t.span.start().0, t.span.end().0);
            let s = &text[start..end];
            let prev_end = toks.last().map(|p| p.end);
            let glued = prev_end == Some(start);
            // A hyphen with no space on either side joins its neighbours.
            if t.kind == TokenKind::Punct && is_hyphen(s) && glued {
                if let Some(next) = base.get(k + 1) {
                    if next.span.start().0 == end {
                        pending_hyphen = true;
                        continue;
                    }
                }
            }
            // A line starts after a newline, or after a bullet that starts a line.
            let gap = &text[prev_end.unwrap_or(0)..start];
            let line_start = match toks.last() {
                None => true,
                Some(_) if gap.contains('\n') => true,
                Some(p) => p.line_start && &text[p.start..p.end] == "\u{2022}",
            };
            let is_word = t.kind == TokenKind::Word;
            // Most tokens hold no hyphen: one part, no char-by-char split.
            if !(is_word && has_hyphen(s)) {
                let tok = Tok {
                    start,
                    end,
                    kind: t.kind,
                    hyphen: pending_hyphen,
                    glued,
                    line_start,
                    capital: starts_upper(s),
                    past: false,
                    sentence_end: false,
                    word: 0,
                    lower: lower_of(&mut lower, text.len(), start, s),
                };
                push(&mut toks, &lower, lex, tok);
                pending_hyphen = false;
                continue;
            }
            let mut part_start = start;
            let mut first = true;
            for part in s.split(['-', '\u{2010}', '\u{2011}']) {
                let part_end = part_start + part.len();
                if !part.is_empty() {
                    let tok = Tok {
                        start: part_start,
                        end: part_end,
                        kind: t.kind,
                        hyphen: if first { pending_hyphen } else { true },
                        glued: if first { glued } else { true },
                        line_start: first && line_start,
                        capital: starts_upper(part),
                        past: false,
                        sentence_end: false,
                        word: 0,
                        lower: lower_of(&mut lower, text.len(), part_start, part),
                    };
                    push(&mut toks, &lower, lex, tok);
                    first = false;
                }
                // Skip the hyphen (one to three bytes) between parts.
                part_start =
                    part_end + text[part_end..end].chars().next().map_or(0, char::len_utf8);
            }
            pending_hyphen = false;
        }
        Toks { toks, lower }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lower-cased text of token `i`, or `""` past the end.
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| &self.lower[t.lower.0..t.lower.1])
    }

    /// Token `i`, if any.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    /// True when token `i` is a number.
    #[inline]
    pub fn is_number(&self, i: usize) -> bool {
        self.get(i).is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// The number of token `i` in the date word lists, or 0 (also past the end).
    #[inline]
    pub fn word(&self, i: usize) -> WordId {
        self.toks.get(i).map_or(0, |t| t.word)
    }

    /// True when the words starting at `i` are the words numbered `ids`; returns the
    /// index after them.
    #[inline]
    pub fn ids_at(&self, i: usize, ids: &[WordId]) -> Option<usize> {
        let toks = self.toks.get(i..i.checked_add(ids.len())?)?;
        toks.iter()
            .zip(ids)
            .all(|(t, &id)| t.word == id)
            .then_some(i + ids.len())
    }

    /// True when the words starting at `i` are `words`; returns the index after them.
    pub fn phrase_at(&self, i: usize, words: &[&str]) -> Option<usize> {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| self.low(i + k) == *w)
            .then_some(i + words.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hyphens_split_and_mark() {
        let t = Toks::new("third-quarter mid-1996 10-hour 6am\n01:57");
        let low: Vec<&str> = (0..t.len()).map(|i| t.low(i)).collect();
        assert_eq!(
            low,
            ["third", "quarter", "mid", "1996", "10", "hour", "6", "am", "01:57"]
        );
        assert!(t.toks[1].hyphen && t.toks[3].hyphen && t.toks[5].hyphen);
        assert!(!t.toks[2].hyphen && t.toks[7].glued && !t.toks[7].hyphen);
        assert!(t.toks[0].line_start && t.toks[8].line_start && !t.toks[2].line_start);
    }
}

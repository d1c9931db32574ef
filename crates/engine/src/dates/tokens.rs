//! The token view the date scanner reads: the shared tokens of `text::tokenize`, with
//! hyphenated words split into their parts (`third-quarter`, `mid-1996`, `10-hour`),
//! lower-cased (read from the shared ASCII lower case of the text; only the few
//! non-ASCII words are lower-cased here), marked where a line starts, and numbered by
//! the date word lists ([`WordId`]) so that the scanner hashes each token once, here.
//! A token takes 32 bytes: the scanner reads its neighbours over and over, and a
//! smaller token keeps more of the text's tokens in the cache.

use std::borrow::Cow;

use super::lexicon::{lexicon, Lexicon, WordId};
use crate::text::{tokenize, Token, TokenKind};

/// One token as the date scanner sees it.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    /// Byte start in the text.
    pub start: usize,
    /// Byte end in the text.
    pub end: usize,
    /// Where its lower case starts in the view's own buffer (non-ASCII tokens only).
    lower: usize,
    /// The length of that lower case.
    lower_len: u32,
    /// Its number in the date word lists (0 when no list holds it).
    pub word: WordId,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    marks: u8,
}

/// The yes/no facts of a [`Tok`], one bit each.
const HYPHEN: u8 = 1;
const GLUED: u8 = 1 << 1;
const LINE_START: u8 = 1 << 2;
const CAPITAL: u8 = 1 << 3;
const PAST: u8 = 1 << 4;
const SENTENCE_END: u8 = 1 << 5;
/// The lower case is in the view's own buffer, not in the text's ASCII lower case.
const OWN_LOWER: u8 = 1 << 6;
const STARTER: u8 = 1 << 7;

impl Tok {
    /// Attached to the previous token by a hyphen (`third-quarter`, `10-hour`).
    #[inline]
    pub fn hyphen(&self) -> bool {
        self.marks & HYPHEN != 0
    }

    /// Attached to the previous token with nothing between (`6am`, `1990s`).
    #[inline]
    pub fn glued(&self) -> bool {
        self.marks & GLUED != 0
    }

    /// First token of its line.
    #[inline]
    pub fn line_start(&self) -> bool {
        self.marks & LINE_START != 0
    }

    /// Starts with an upper-case letter.
    #[inline]
    pub fn capital(&self) -> bool {
        self.marks & CAPITAL != 0
    }

    /// Puts its sentence in the past: a regular past form (`announced`) or a listed one.
    #[inline]
    pub fn past(&self) -> bool {
        self.marks & PAST != 0
    }

    /// Ends a sentence: `!`, `?`, or a period not after a single initial (`J.`).
    #[inline]
    pub fn sentence_end(&self) -> bool {
        self.marks & SENTENCE_END != 0
    }

    /// A word that can begin an expression ([`super::lexicon::Word::starter`]).
    #[inline]
    pub fn starter(&self) -> bool {
        self.marks & STARTER != 0
    }
}

/// The tokens of a text and their lower-cased forms.
#[derive(Debug)]
pub struct Toks<'a> {
    /// The tokens, in order.
    pub toks: Vec<Tok>,
    /// The text's ASCII lower case, where ASCII tokens read their lower case.
    ascii: Cow<'a, str>,
    /// The lower case of the non-ASCII tokens, one after the other.
    own: String,
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

/// The lower case of `t`: in the text's ASCII lower case, or in the view's own buffer.
#[inline]
fn lower_of<'s>(ascii: &'s str, own: &'s str, t: &Tok) -> &'s str {
    if t.marks & OWN_LOWER == 0 {
        ascii.get(t.start..t.end)
    } else {
        own.get(t.lower..t.lower + t.lower_len as usize)
    }
    .unwrap_or("")
}

/// A token being read: where it is, its kind and the marks known from its place.
struct Part<'p> {
    start: usize,
    text: &'p str,
    kind: TokenKind,
    marks: u8,
}

/// The view being built.
struct Builder<'a, 'l> {
    toks: Vec<Tok>,
    ascii: &'l str,
    own: String,
    text_len: usize,
    lex: &'a Lexicon,
}

impl Builder<'_, '_> {
    /// Appends a token with its lower case and what the word lists say about it: its
    /// number, whether it is a past form, and whether it ends a sentence (which needs
    /// the token before it).
    fn push(&mut self, p: Part<'_>) {
        let mut marks = p.marks;
        if starts_upper(p.text) {
            marks |= CAPITAL;
        }
        let end = p.start + p.text.len();
        let (mut lower, mut lower_len) = (0, 0);
        if !(p.text.is_ascii() && end <= self.text_len) {
            marks |= OWN_LOWER;
            lower = self.own.len();
            self.own.extend(p.text.chars().flat_map(char::to_lowercase));
            // A lower case too long to count (over 4 GiB in one token) reads as empty.
            lower_len = u32::try_from(self.own.len() - lower).unwrap_or(0);
        }
        let mut tok = Tok {
            start: p.start,
            end,
            lower,
            lower_len,
            word: 0,
            kind: p.kind,
            marks,
        };
        let low = lower_of(self.ascii, &self.own, &tok);
        tok.word = self.lex.id(low);
        let word = self.lex.word(tok.word);
        if (low.len() > 4 && low.ends_with("ed") && !low.ends_with("eed")) || word.past_cue {
            tok.marks |= PAST;
        }
        if word.starter {
            tok.marks |= STARTER;
        }
        let sentence_end = match low {
            "!" | "?" => true,
            "." => {
                !(tok.glued()
                    && self.toks.last().is_some_and(|p| {
                        p.capital() && lower_of(self.ascii, &self.own, p).chars().count() == 1
                    }))
            }
            _ => false,
        };
        if sentence_end {
            tok.marks |= SENTENCE_END;
        }
        self.toks.push(tok);
    }
}

impl<'a> Toks<'a> {
    /// Tokenises `text` once.
    pub fn new(text: &str) -> Toks<'static> {
        let ascii = text.to_ascii_lowercase();
        let Toks { toks, own, .. } = Toks::from_tokens(text, &tokenize(text), &ascii);
        Toks {
            toks,
            ascii: Cow::Owned(ascii),
            own,
        }
    }

    /// The view over `text` given its tokens and its ASCII lower case (both from
    /// [`crate::text::Analysis`]), so that most tokens' lower case is read, not made.
    pub fn from_tokens(text: &str, base: &[Token], ascii_lower: &'a str) -> Toks<'a> {
        let ascii: Cow<'a, str> = if ascii_lower.len() == text.len() {
            Cow::Borrowed(ascii_lower)
        } else {
            Cow::Owned(text.to_ascii_lowercase())
        };
        let mut b = Builder {
            toks: Vec::with_capacity(base.len() + base.len() / 8),
            ascii: &ascii,
            own: String::new(),
            text_len: text.len(),
            lex: lexicon(),
        };
        let mut pending_hyphen = 0;
        for (k, t) in base.iter().enumerate() {
            let (start, end) = (t.span.start().0, t.span.end().0);
            let s = &text[start..end];
            let prev = b.toks.last();
            let prev_end = prev.map(|p| p.end);
            let glued = if prev_end == Some(start) { GLUED } else { 0 };
            // A hyphen with no space on either side joins its neighbours.
            if t.kind == TokenKind::Punct && glued != 0 && is_hyphen(s) {
                if let Some(next) = base.get(k + 1) {
                    if next.span.start().0 == end {
                        pending_hyphen = HYPHEN;
                        continue;
                    }
                }
            }
            // A line starts after a newline, or after a bullet that starts a line.
            let gap = &text.as_bytes()[prev_end.unwrap_or(0)..start];
            let line_start = match prev {
                None => LINE_START,
                Some(_) if gap.contains(&b'\n') => LINE_START,
                Some(p) if p.line_start() && &text[p.start..p.end] == "\u{2022}" => LINE_START,
                Some(_) => 0,
            };
            // Most tokens hold no hyphen: one part, no char-by-char split.
            if !(t.kind == TokenKind::Word && has_hyphen(s)) {
                b.push(Part {
                    start,
                    text: s,
                    kind: t.kind,
                    marks: pending_hyphen | glued | line_start,
                });
                pending_hyphen = 0;
                continue;
            }
            let mut part_start = start;
            let mut first = true;
            for part in s.split(['-', '\u{2010}', '\u{2011}']) {
                let part_end = part_start + part.len();
                if !part.is_empty() {
                    let marks = if first {
                        pending_hyphen | glued | line_start
                    } else {
                        HYPHEN | GLUED
                    };
                    b.push(Part {
                        start: part_start,
                        text: part,
                        kind: t.kind,
                        marks,
                    });
                    first = false;
                }
                // Skip the hyphen (one to three bytes) between parts.
                part_start =
                    part_end + text[part_end..end].chars().next().map_or(0, char::len_utf8);
            }
            pending_hyphen = 0;
        }
        let (toks, own) = (b.toks, b.own);
        Toks { toks, ascii, own }
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
            .map_or("", |t| lower_of(&self.ascii, &self.own, t))
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
        assert!(t.toks[1].hyphen() && t.toks[3].hyphen() && t.toks[5].hyphen());
        assert!(!t.toks[2].hyphen() && t.toks[7].glued() && !t.toks[7].hyphen());
        assert!(t.toks[0].line_start() && t.toks[8].line_start() && !t.toks[2].line_start());
        assert_eq!(std::mem::size_of::<Tok>(), 32);
    }
}

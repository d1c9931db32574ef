//! The tokenised view of one text that every claim finder reads: tokens, their lower
//! case, and which sentence and paragraph each token belongs to. Built once per text,
//! in linear time, so the finders can look left and right by token index.

use std::borrow::Cow;
use std::cell::Cell;

use crate::text::{Analysis, ByteSpan, Token, TokenKind};

/// Tokens of a text with sentence and paragraph indexes.
pub(crate) struct Context<'t> {
    /// The text as given.
    pub text: &'t str,
    /// The text with ASCII letters lowered: same byte offsets as `text`.
    lower: Cow<'t, str>,
    /// Tokens in text order.
    pub tokens: Cow<'t, [Token]>,
    /// Sentence index of each token.
    sentence_of: Vec<u32>,
    /// Token range `[start, end)` of each sentence.
    sentence_tokens: Vec<(usize, usize)>,
    /// Paragraph index of each token.
    paragraph_of: Vec<u32>,
    /// Token range `[start, end)` of each paragraph.
    paragraph_tokens: Vec<(usize, usize)>,
    /// Per token, whether a word may stand in a speaker's phrase, once asked (0: not
    /// yet, 1: no, 2: yes): source scans run left from every cue and every comma
    /// before one, so the same words are asked again and again, each answer two
    /// table lookups.
    phrase_words: Vec<Cell<u8>>,
}

impl<'t> Context<'t> {
    /// Tokenises `text` and indexes its sentences and paragraphs.
    #[cfg(test)]
    pub fn new(text: &'t str) -> Self {
        use crate::text::{paragraphs, sentences_in, tokenize};
        let paras = paragraphs(text);
        let sents = sentences_in(text, &paras);
        Self::build(
            text,
            Cow::Owned(tokenize(text)),
            &sents,
            &paras,
            Cow::Owned(text.to_ascii_lowercase()),
        )
    }

    /// The view over a text already read by [`Analysis`] (no second tokenizing).
    pub fn of(a: &'t Analysis<'_>) -> Self {
        Self::build(
            a.text(),
            Cow::Borrowed(a.tokens()),
            a.sentences(),
            a.paragraphs(),
            Cow::Borrowed(a.ascii_lower()),
        )
    }

    fn build(
        text: &'t str,
        tokens: Cow<'t, [Token]>,
        sentences: &[ByteSpan],
        paragraphs: &[ByteSpan],
        lower: Cow<'t, str>,
    ) -> Self {
        let (sentence_of, sentence_tokens) = assign(&tokens, sentences);
        let (paragraph_of, paragraph_tokens) = assign(&tokens, paragraphs);
        let phrase_words = vec![Cell::new(0); tokens.len()];
        Context {
            text,
            lower,
            tokens,
            sentence_of,
            sentence_tokens,
            paragraph_of,
            paragraph_tokens,
            phrase_words,
        }
    }

    /// The answer of `test` for the word at token `i` as a speaker's word
    /// (`source::in_phrase`), computed the first time only.
    pub fn phrase_word(&self, i: usize, test: impl FnOnce() -> bool) -> bool {
        let Some(known) = self.phrase_words.get(i) else {
            return test();
        };
        match known.get() {
            0 => {
                let answer = test();
                known.set(1 + u8::from(answer));
                answer
            }
            k => k == 2,
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The lower-cased text of token `i` (empty past the end).
    pub fn word(&self, i: usize) -> &str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.lower[t.span.range()])
    }

    /// The original text of token `i` (empty past the end).
    pub fn raw(&self, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .map_or("", |t| &self.text[t.span.range()])
    }

    /// The kind of token `i`.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// True when token `i` is a word or number.
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Word | TokenKind::Number))
    }

    /// True when token `i` starts with an upper-case letter or a digit.
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.raw(i)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// True when token `i` is the one-character punctuation `p`.
    pub fn is(&self, i: usize, p: &str) -> bool {
        self.raw(i) == p
    }

    /// Token range of the sentence holding token `i`.
    pub fn sentence(&self, i: usize) -> (usize, usize) {
        self.sentence_of
            .get(i)
            .and_then(|&s| self.sentence_tokens.get(s as usize).copied())
            .unwrap_or((i, i + 1))
    }

    /// Paragraph index of token `i`.
    pub fn paragraph_index(&self, i: usize) -> usize {
        self.paragraph_of.get(i).map_or(0, |&p| p as usize)
    }

    /// All paragraphs as token ranges.
    pub fn paragraphs(&self) -> &[(usize, usize)] {
        &self.paragraph_tokens
    }

    /// The first token of a sentence's own words: past a live-blog time stamp
    /// (`18:00 GMT –`), a dateline (`UNITED NATIONS (Sputnik) -`) or a bullet.
    pub fn body_start(&self, s: usize, e: usize) -> usize {
        let mut a = s;
        while a < e && matches!(self.raw(a), "•" | "*" | "-" | "–" | "—") {
            a += 1;
        }
        for k in a..e.min(a + 8) {
            if matches!(self.raw(k), "–" | "—" | "-" | "―") {
                return k + 1;
            }
            let header = self.kind(k) == Some(TokenKind::Number)
                || matches!(self.raw(k), "(" | ")" | ":" | ".")
                || self.raw(k).chars().all(|c| !c.is_lowercase());
            if !header {
                break;
            }
        }
        a
    }

    /// Byte span from the start of token `a` to the end of token `b - 1`; `None` when empty.
    pub fn span(&self, a: usize, b: usize) -> Option<ByteSpan> {
        if a >= b || b > self.tokens.len() {
            return None;
        }
        ByteSpan::from_raw(
            self.tokens[a].span.start().0,
            self.tokens[b - 1].span.end().0,
        )
        .ok()
    }
}

/// Gives each token the index of the region (sentence or paragraph) holding it, and each
/// region its token range, in one merge of two sorted lists.
fn assign(tokens: &[Token], regions: &[ByteSpan]) -> (Vec<u32>, Vec<(usize, usize)>) {
    let mut of = Vec::with_capacity(tokens.len());
    let mut ranges = vec![(0usize, 0usize); regions.len()];
    let mut r = 0;
    for (i, t) in tokens.iter().enumerate() {
        let start = t.span.start().0;
        while r + 1 < regions.len() && regions[r].end().0 <= start {
            r += 1;
        }
        if let Some(range) = ranges.get_mut(r) {
            if range.1 <= range.0 {
                *range = (i, i + 1);
            } else {
                range.1 = i + 1;
            }
        }
        of.push(r as u32);
    }
    (of, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_know_their_sentence_and_paragraph() {
        let ctx = Context::new("He left. She said so.\nNext line");
        assert_eq!(ctx.word(0), "he");
        assert_eq!(ctx.sentence(0), (0, 3));
        assert_eq!(ctx.sentence(4), (3, 7));
        assert_eq!(ctx.paragraph_index(7), 1);
        assert_eq!(ctx.word(99), "");
    }
}

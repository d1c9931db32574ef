//! One reading of a text that every extractor shares: its tokens, its paragraph and
//! sentence bounds and its lower case, each computed once.
//!
//! The three layers used to tokenize, split and lower-case the text on their own,
//! which cost about as much as their rules; [`crate::annotate()`] now builds one
//! [`Analysis`] and hands it to each layer. Nothing here decides anything about
//! actors, dates or claims: these are the same primitives as [`super::tokenize`],
//! [`super::paragraphs`] and [`super::sentences()`], with identical results.

use super::offsets::ByteSpan;
use super::sentences::{paragraphs, sentences_in};
use super::tokens::{tokenize, Token};

/// The tokens, bounds and lower case of one text.
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    paragraphs: Vec<ByteSpan>,
    sentences: Vec<ByteSpan>,
    /// The text with ASCII letters lowered: same byte offsets as `text`.
    ascii_lower: String,
    /// Tokens whose lower case is not their ASCII lower case (non-ASCII capitals),
    /// by token index, with where their lower case lies in `unicode_lower`.
    unicode: Vec<(usize, usize, usize)>,
    unicode_lower: String,
}

/// True when `c` lowers to exactly `c.to_ascii_lowercase()`, so that a token made of
/// such characters has its ASCII lower case as its lower case (`str::to_lowercase`
/// lowers character by character, apart from a final `Σ`, which fails this test).
fn lowers_as_ascii(c: char) -> bool {
    let mut lower = c.to_lowercase();
    lower.next() == Some(c.to_ascii_lowercase()) && lower.next().is_none()
}

impl<'t> Analysis<'t> {
    /// Reads `text` once: tokens, paragraphs, sentences and lower case.
    pub fn new(text: &'t str) -> Self {
        let tokens = tokenize(text);
        let paragraphs = paragraphs(text);
        let sentences = sentences_in(text, &paragraphs);
        let ascii_lower = text.to_ascii_lowercase();
        let mut unicode = Vec::new();
        let mut unicode_lower = String::new();
        for (i, t) in tokens.iter().enumerate() {
            let s = t.text(text);
            // Curly quotes, dashes and accented lower-case letters lower to themselves:
            // only a token with a character that lowers otherwise gets its own copy.
            if !s.is_ascii() && !s.chars().all(lowers_as_ascii) {
                let lower = s.to_lowercase();
                if lower != ascii_lower[t.span.range()] {
                    let lo = unicode_lower.len();
                    unicode_lower.push_str(&lower);
                    unicode.push((i, lo, unicode_lower.len()));
                }
            }
        }
        Analysis {
            text,
            tokens,
            paragraphs,
            sentences,
            ascii_lower,
            unicode,
            unicode_lower,
        }
    }

    /// The text as given.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// Every token, in text order (as [`super::tokenize`] gives them).
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// Non-empty lines, trimmed (as [`super::paragraphs`] gives them).
    pub fn paragraphs(&self) -> &[ByteSpan] {
        &self.paragraphs
    }

    /// Sentences, trimmed (as [`super::sentences()`] gives them).
    pub fn sentences(&self) -> &[ByteSpan] {
        &self.sentences
    }

    /// The whole text with only ASCII letters lowered, so byte offsets stay those
    /// of the text.
    pub fn ascii_lower(&self) -> &str {
        &self.ascii_lower
    }

    /// The lower case of token `i` (as `str::to_lowercase` gives it), or `""` past
    /// the end; no allocation.
    pub fn lower(&self, i: usize) -> &str {
        let Some(t) = self.tokens.get(i) else {
            return "";
        };
        match self.unicode.binary_search_by_key(&i, |u| u.0) {
            Ok(k) => {
                let (_, lo, hi) = self.unicode[k];
                &self.unicode_lower[lo..hi]
            }
            Err(_) => &self.ascii_lower[t.span.range()],
        }
    }

    /// The lower case of every token, in order: [`Analysis::lower`] without a
    /// search per token.
    pub fn lowers(&self) -> impl Iterator<Item = &str> + '_ {
        let mut unicode = self.unicode.iter().peekable();
        self.tokens
            .iter()
            .enumerate()
            .map(move |(i, t)| match unicode.next_if(|u| u.0 == i) {
                Some(&(_, lo, hi)) => &self.unicode_lower[lo..hi],
                None => &self.ascii_lower[t.span.range()],
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences;

    #[test]
    fn same_as_the_separate_primitives() {
        let text = "Mr. Smith met Gen. Doe.\n\n“Never,” ÁLVAREZ said. İstanbul’s 4,000 U.S.-led";
        let a = Analysis::new(text);
        assert_eq!(a.tokens(), tokenize(text).as_slice());
        assert_eq!(a.paragraphs(), paragraphs(text).as_slice());
        assert_eq!(a.sentences(), sentences(text).as_slice());
        assert_eq!(a.ascii_lower(), text.to_ascii_lowercase());
    }

    #[test]
    fn lower_case_per_token() {
        let text = "Mr. ÁLVAREZ met İstanbul’s MAYOR ΟΔΟΣ café “Ķ” \u{212A}elvin ǅ ΣΑΣ";
        let a = Analysis::new(text);
        let lower: Vec<&str> = (0..a.tokens().len()).map(|i| a.lower(i)).collect();
        let want: Vec<String> = a
            .tokens()
            .iter()
            .map(|t| t.text(text).to_lowercase())
            .collect();
        assert_eq!(lower, want);
        assert_eq!(a.lowers().collect::<Vec<_>>(), want);
        assert_eq!(a.lower(99), "");
    }

    #[test]
    fn empty_text() {
        let a = Analysis::new("");
        assert!(a.tokens().is_empty() && a.sentences().is_empty());
        assert_eq!(a.lower(0), "");
    }
}

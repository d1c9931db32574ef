//! Sentence and paragraph boundaries.
//!
//! News text breaks sentences at `.`, `!`, `?` followed by space and a capital, and
//! also at every line break: live blogs, headlines and datelines have no final period.
//! Abbreviations (`Mr.`, `Sept.`, `U.S.`) do not end a sentence; their list is data in
//! `data/abbreviations.txt`.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::offsets::ByteSpan;

static ABBREVIATIONS: &str = crate::data::word_list!(include_str!("../../data/abbreviations.txt"));

/// The abbreviations whose period does not end a sentence (`Mr.`, `Sept.`), as
/// written in the list and lower-cased; the editor's word snapping reads them too.
pub fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::data::entries(ABBREVIATIONS).collect())
}

fn span(a: usize, b: usize) -> ByteSpan {
    ByteSpan::from_raw(a, b).unwrap_or_else(|_| unreachable!("boundaries are ordered"))
}

/// Non-empty lines (paragraphs), trimmed of surrounding white space.
pub fn paragraphs(text: &str) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    let mut start = 0;
    // A newline byte is never part of a longer UTF-8 character: bytes suffice.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b == b'\n' {
            push_trimmed(text, start, i, &mut out);
            start = i + 1;
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<ByteSpan>) {
    let piece = &text[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(span(a + lead, b - trail));
    }
}

/// Sentences, in order, trimmed; every line break also ends a sentence.
pub fn sentences(text: &str) -> Vec<ByteSpan> {
    sentences_in(text, &paragraphs(text))
}

/// Sentences of `text`, given its [`paragraphs`] (so a caller that has them does
/// not split the lines twice).
pub fn sentences_in(text: &str, paragraphs: &[ByteSpan]) -> Vec<ByteSpan> {
    let mut out = Vec::new();
    for &p in paragraphs {
        let para = &text[p.range()];
        let base = p.start().0;
        let mut start = 0;
        let bytes = para.as_bytes();
        // The stops are ASCII, so a byte scan finds them without decoding.
        for (i, &c) in bytes.iter().enumerate() {
            if !matches!(c, b'.' | b'!' | b'?') {
                continue;
            }
            // Closing quotes and brackets stay with the sentence they close.
            let mut end = i + 1;
            while end < para.len() && matches!(bytes[end], b'"' | b'\'' | b')') {
                end += 1;
            }
            for q in ['\u{201d}', '\u{2019}'] {
                if para[end..].starts_with(q) {
                    end += q.len_utf8();
                }
            }
            let rest = &para[end..];
            let after = rest.trim_start();
            if after.len() == rest.len() && !rest.is_empty() {
                continue; // no space after: "3.5", "U.S.-led"
            }
            let next = after.chars().next();
            let starts_new =
                next.is_none_or(|n| n.is_uppercase() || n.is_numeric() || "\"“‘'(".contains(n));
            if !starts_new || (c == b'.' && is_abbreviation(&para[start..i])) {
                continue;
            }
            push_trimmed(text, base + start, base + end, &mut out);
            start = end;
        }
        push_trimmed(text, base + start, base + para.len(), &mut out);
    }
    out
}

/// True when the word just before a period is an abbreviation or a single initial.
pub(crate) fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let chars = word.chars().count();
    (chars == 1 && word.chars().all(char::is_uppercase))
        || abbreviations().contains(word)
        || abbreviations().contains(word.to_lowercase().as_str())
        || (word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        sentences(text).iter().map(|s| &text[s.range()]).collect()
    }

    #[test]
    fn splits_at_periods_and_lines() {
        assert_eq!(
            texts("Fighting resumed. Armenia said so.\n18:00 GMT – Turkey denies it\n"),
            [
                "Fighting resumed.",
                "Armenia said so.",
                "18:00 GMT – Turkey denies it"
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            texts("Mr. Smith met Gen. J. Doe in the U.S. on Sept. 27. They spoke."),
            [
                "Mr. Smith met Gen. J. Doe in the U.S. on Sept. 27.",
                "They spoke."
            ]
        );
    }

    #[test]
    fn quotes_close_with_their_sentence() {
        assert_eq!(
            texts("\"We will win.\" Aliyev said it. “Never.” He left."),
            [
                "\"We will win.\"",
                "Aliyev said it.",
                "“Never.”",
                "He left."
            ]
        );
    }

    #[test]
    fn crlf_and_blank_lines() {
        assert_eq!(texts("One.\r\n\r\nTwo"), ["One.", "Two"]);
    }
}

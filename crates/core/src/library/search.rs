//! Finding documents by words: case-insensitive over titles and texts, with a snippet
//! of text around the first match so the list can show why a document matched.
//!
//! Matching compares characters after Unicode lower-casing, one character at a time,
//! so the positions found are positions in the original text (lower-casing a whole
//! text can change its byte length, `İ` for instance, and would shift them).

use std::ops::Range;

/// Characters of context on each side of a match in a snippet.
const CONTEXT_CHARS: usize = 40;

/// Words of a query, lower-cased; blank queries have none.
pub(crate) fn query_words(query: &str) -> Vec<Vec<char>> {
    query
        .split_whitespace()
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect()
}

/// The byte range of the first case-insensitive occurrence of `needle` (already
/// lower-cased) in `hay`.
pub(crate) fn find(hay: &str, needle: &[char]) -> Option<Range<usize>> {
    let first = *needle.first()?;
    for (start, c) in hay.char_indices() {
        if !c.to_lowercase().any(|l| l == first) {
            continue;
        }
        if let Some(end) = match_at(hay, start, needle) {
            return Some(start..end);
        }
    }
    None
}

/// The end of `needle` matched at `start`, if it matches there.
fn match_at(hay: &str, start: usize, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    let mut next = want.next();
    for (i, c) in hay.get(start..)?.char_indices() {
        for l in c.to_lowercase() {
            match next {
                Some(&w) if w == l => next = want.next(),
                Some(_) => return None,
                // The needle ended inside this character's lower-case expansion.
                None => return None,
            }
        }
        if next.is_none() {
            return Some(start + i + c.len_utf8());
        }
    }
    None
}

/// A line of text around `hit`, white space collapsed, with `…` where it was cut, and
/// where the match lies in it (bytes of the snippet).
pub(crate) fn snippet(text: &str, hit: Range<usize>) -> (String, Range<usize>) {
    let before: Vec<(usize, char)> = text[..hit.start]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .collect();
    let from = before.last().map_or(hit.start, |&(i, _)| i);
    let to = text[hit.end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| hit.end + i);
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    push_collapsed(&mut out, &text[from..hit.start]);
    let m_start = out.len();
    push_collapsed(&mut out, &text[hit.clone()]);
    let m_end = out.len();
    push_collapsed(&mut out, &text[hit.end..to]);
    if to < text.len() {
        out.push('…');
    }
    (out, m_start..m_end)
}

fn push_collapsed(out: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Vec<char> {
        query_words(s).remove(0)
    }

    #[test]
    fn finds_case_insensitively_at_original_offsets() {
        assert_eq!(find("The MINISTRY said", &q("ministry")), Some(4..12));
        assert_eq!(find("İstanbul talks", &q("talks")), Some(10..15));
        assert_eq!(find("ÉTAT", &q("état")), Some(0..5));
        assert_eq!(find("abc", &q("abd")), None);
        assert_eq!(find("ab", &q("abc")), None);
        assert_eq!(find("", &q("a")), None);
    }

    #[test]
    fn snippets_mark_the_match() {
        let text = format!("{}needle\n\nthere{}", "x ".repeat(50), " y".repeat(50));
        let hit = find(&text, &q("NEEDLE")).unwrap();
        let (s, m) = snippet(&text, hit);
        assert_eq!(&s[m], "needle");
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert!(s.contains("needle there"));
    }

    proptest::proptest! {
        #[test]
        fn matches_lie_on_character_boundaries(hay in "[aAİıiÉé ß\u{1F600}]{0,20}", needle in "[aiéß]{1,3}") {
            let words = query_words(&needle);
            if let Some(r) = find(&hay, &words[0]) {
                proptest::prop_assert!(hay.is_char_boundary(r.start) && hay.is_char_boundary(r.end));
                let found: String = hay[r.clone()].chars().flat_map(char::to_lowercase).collect();
                proptest::prop_assert_eq!(found, needle.to_lowercase());
                let (s, m) = snippet(&hay, r);
                proptest::prop_assert!(s.is_char_boundary(m.start) && s.is_char_boundary(m.end));
            }
        }
    }
}

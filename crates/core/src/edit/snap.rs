//! Turning a rough user selection into a clean span, and moving a span's boundaries
//! by a word or a character.
//!
//! A mouse selection rarely lands exactly on a word: snapping widens it outward to
//! whole words, then trims the spaces and punctuation around it (quotes, commas, a
//! dash), so that `d "Armenia,` selects `Armenia`. Words follow the tokenizer's idea
//! of a word (`cease-fire`, `Shi'ite`, `U.S.`, `4,000` and `18:50` are one word; the
//! possessive `'s` is not part of the word before it), so a snapped span agrees with
//! what the extractors produce. Every edge lands on a grapheme cluster boundary
//! ([`super::grapheme`]), with snapping or without.

use crate::text::tokens::{is_apostrophe, is_hyphen};
use crate::text::{ByteSpan, OffsetMap, Utf16Offset};

use super::grapheme;

/// How a selection becomes a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Snap {
    /// Widen to whole words, then trim spaces and punctuation at both ends.
    #[default]
    Words,
    /// Keep the selection, only widened to whole characters (clusters) and trimmed of
    /// white space: what a modifier key asks for.
    Exact,
}

/// Which end of a span a boundary move acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// The first byte.
    Start,
    /// The end (exclusive).
    End,
}

/// How far a boundary moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    /// One user-perceived character (grapheme cluster).
    Char,
    /// One word, skipping the spaces and punctuation between words.
    Word,
}

/// Which way a boundary moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Towards the start of the text.
    Backward,
    /// Towards the end of the text.
    Forward,
}

/// Why a boundary cannot move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveLimit {
    /// The boundary is already at the start or end of the text (or no word is left
    /// that way).
    TextEdge,
    /// The move would leave the span empty or reversed.
    WouldEmpty,
}

/// Snaps a selection between two byte offsets (in either order, clamped to the text,
/// rounded outward to characters) to a span; `None` when nothing but spaces and
/// punctuation is selected. With [`Snap::Words`] a caret (an empty selection) inside a
/// word selects that word; with [`Snap::Exact`] it selects nothing.
///
/// # Example
/// ```
/// use claimlens_core::edit::snap::{snap, Snap};
/// let text = "Then \"Armenia, said";
/// let span = snap(text, 7, 12, Snap::Words).unwrap(); // "rmeni"
/// assert_eq!(&text[span.range()], "Armenia");
/// let span = snap(text, 4, 14, Snap::Words).unwrap(); // " \"Armenia,"
/// assert_eq!(&text[span.range()], "Armenia");
/// ```
pub fn snap(text: &str, a: usize, b: usize, mode: Snap) -> Option<ByteSpan> {
    let (a, b) = (a.min(b), a.max(b));
    if a == b && mode == Snap::Exact {
        return None;
    }
    let mut start = grapheme::floor(text, a);
    let mut end = grapheme::ceil(text, b);
    if mode == Snap::Words {
        let caret_after_word = a == b && start > 0 && in_word(text, prev_char(text, start));
        if (start < text.len() && in_word(text, start)) || caret_after_word {
            start = word_start(text, start);
        }
        if end > 0 && in_word(text, prev_char(text, end)) {
            end = word_end(text, end);
        }
        end = close_bracket(text, start, end);
    }
    let (start, end) = trim(text, start, end, mode);
    (start < end).then(|| span(start, end))
}

/// Converts a DOM (UTF-16) offset to bytes, rounding down when it falls between the
/// two halves of a surrogate pair and clamping past the end, so a selection from the
/// browser always gives a usable offset.
pub fn byte_from_utf16(map: &OffsetMap<'_>, at: Utf16Offset) -> usize {
    let at = Utf16Offset(at.0.min(map.len_utf16()));
    map.utf16_to_byte(at)
        .or_else(|_| map.utf16_to_byte(Utf16Offset(at.0.saturating_sub(1))))
        .map_or(0, |b| b.0)
}

/// Moves one boundary of `span` by a character or a word.
///
/// A word step forward on the end takes in the next word; backward on the end drops
/// the last word; forward on the start drops the first word; backward on the start
/// takes in the previous word (or widens to the start of a word the start is in).
///
/// # Errors
/// [`MoveLimit::TextEdge`] when there is nothing that way, [`MoveLimit::WouldEmpty`]
/// when the span would become empty.
pub fn move_boundary(
    text: &str,
    span: ByteSpan,
    side: Side,
    step: Step,
    direction: Direction,
) -> Result<ByteSpan, MoveLimit> {
    let (a, b) = (span.start().0.min(text.len()), span.end().0.min(text.len()));
    let here = if side == Side::Start { a } else { b };
    let there = match (step, side, direction) {
        (Step::Char, _, Direction::Forward) => grapheme::next(text, here),
        (Step::Char, _, Direction::Backward) => grapheme::prev(text, here),
        (Step::Word, Side::End, Direction::Forward) => {
            let next_word = skip_gap_forward(text, here);
            if next_word >= text.len() {
                return Err(MoveLimit::TextEdge);
            }
            word_end(text, next_word)
        }
        (Step::Word, Side::End, Direction::Backward) => {
            let last_word = word_start(text, skip_gap_backward(text, here));
            skip_gap_backward(text, last_word)
        }
        (Step::Word, Side::Start, Direction::Forward) => {
            skip_gap_forward(text, word_end(text, here))
        }
        (Step::Word, Side::Start, Direction::Backward) => {
            word_start(text, skip_gap_backward(text, here))
        }
    };
    if there == here {
        return Err(MoveLimit::TextEdge);
    }
    let (a, b) = if side == Side::Start {
        (grapheme::floor(text, there), b)
    } else {
        (a, grapheme::ceil(text, there))
    };
    if a >= b {
        return Err(MoveLimit::WouldEmpty);
    }
    Ok(span_ordered(a, b))
}

fn span(a: usize, b: usize) -> ByteSpan {
    span_ordered(a.min(b), a.max(b))
}

fn span_ordered(a: usize, b: usize) -> ByteSpan {
    ByteSpan::from_raw(a, b).unwrap_or_else(|_| unreachable!("callers order the offsets"))
}

/// Spaces and punctuation that snapping trims from a span's ends. Symbols that carry
/// meaning (`%`, `$`, `€`, `°`, `#`) stay.
fn is_trimmed(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | '¡'
                | '¿'
                | '"'
                | '\''
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '«'
                | '»'
                | '‹'
                | '›'
                | '“'
                | '”'
                | '„'
                | '‘'
                | '’'
                | '‚'
                | '–'
                | '—'
                | '-'
                | '‐'
                | '‑'
                | '…'
                | '/'
                | '\\'
                | '*'
                | '•'
                | '·'
                | '|'
                | '_'
        )
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|s| s.chars().next_back())
}

fn prev_char(text: &str, at: usize) -> usize {
    char_before(text, at).map_or(0, |c| at - c.len_utf8())
}

fn next_char(text: &str, at: usize) -> usize {
    char_at(text, at).map_or(text.len(), |c| at + c.len_utf8())
}

/// True when the character starting at byte `at` belongs to a word.
fn in_word(text: &str, at: usize) -> bool {
    let Some(c) = char_at(text, at) else {
        return false;
    };
    if c.is_alphanumeric() {
        return true;
    }
    let before = char_before(text, at);
    let after = char_at(text, at + c.len_utf8());
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if grapheme::is_extend(c) {
        // A mark belongs to the word its base character belongs to.
        let mut base = at;
        while let Some(p) = char_before(text, base) {
            base -= p.len_utf8();
            if !grapheme::is_extend(p) {
                return p.is_alphanumeric();
            }
        }
        return false;
    }
    if is_apostrophe(c) {
        // Inside a word (`Shi'ite`), but a possessive `'s` is a word of its own.
        let possessive =
            matches!(after, Some('s' | 'S')) && !alnum(char_at(text, at + c.len_utf8() + 1));
        return alnum(before) && alnum(after) && !possessive;
    }
    if is_hyphen(c) {
        return alnum(before) && alnum(after);
    }
    match c {
        // `U.S.`, `a.m.`: a period between letters, or closing a dotted initial.
        '.' => {
            (alnum(before) && alnum(after))
                || (before.is_some_and(char::is_alphabetic)
                    && char_before(text, prev_char(text, at)) == Some('.'))
        }
        ',' | ':' | '/' => digit(before) && digit(after),
        _ => false,
    }
}

/// The start of the word that the character before `at` ends, or `at`.
fn word_start(text: &str, mut at: usize) -> usize {
    while at > 0 {
        let p = prev_char(text, at);
        if !in_word(text, p) {
            break;
        }
        at = p;
    }
    at
}

/// The end of the word that starts at or runs through `at`, or `at`.
fn word_end(text: &str, mut at: usize) -> usize {
    while at < text.len() && in_word(text, at) {
        at = next_char(text, at);
    }
    at
}

/// The first word character at or after `at` (or the end of the text).
fn skip_gap_forward(text: &str, mut at: usize) -> usize {
    while at < text.len() && !in_word(text, at) {
        at = next_char(text, at);
    }
    at
}

/// Just after the last word character before `at` (or the start of the text).
fn skip_gap_backward(text: &str, mut at: usize) -> usize {
    while at > 0 && !in_word(text, prev_char(text, at)) {
        at = prev_char(text, at);
    }
    at
}

/// True when the period at byte `at` closes an abbreviation of the sentence
/// splitter's list (`Jr.`, `Inc.`, `Sept.`): it belongs to the word.
fn closes_abbreviation(text: &str, at: usize) -> bool {
    let set = crate::text::sentences::abbreviations();
    let before = &text[..at];
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(at, |(i, _)| i);
    let word = &before[word_start..];
    !word.is_empty() && (set.contains(word) || set.contains(word.to_lowercase().as_str()))
}

/// True when an opening bracket at the span's start is closed inside it (or a
/// closing one at its end is opened inside it): `Defence Ministry (MoD)` keeps its
/// parenthesis, `(UN)` loses both.
fn balanced_bracket(inner: &str, c: char) -> bool {
    let pair = match c {
        '(' | ')' => ('(', ')'),
        '[' | ']' => ('[', ']'),
        _ => return false,
    };
    let opens = inner.matches(pair.0).count();
    let closes = inner.matches(pair.1).count();
    // A span wholly inside one pair of brackets loses both.
    let enclosed = inner.starts_with(pair.0) && inner.ends_with(pair.1);
    if c == pair.0 {
        closes > 0 && closes >= opens && !enclosed
    } else {
        opens > 0 && opens >= closes && !enclosed
    }
}

/// Takes in a closing bracket right after the span when the span opened it:
/// a selection ending in `(Mo` becomes `(MoD)`.
fn close_bracket(text: &str, start: usize, end: usize) -> usize {
    let inner = &text[start..end];
    for (open, close) in [('(', ')'), ('[', ']')] {
        if char_at(text, end) == Some(close)
            && inner.matches(open).count() > inner.matches(close).count()
        {
            return end + 1;
        }
    }
    end
}

fn trim(text: &str, mut start: usize, mut end: usize, mode: Snap) -> (usize, usize) {
    let trims = |at: usize, c: char, start: usize, end: usize| {
        if c.is_whitespace() {
            return true;
        }
        mode == Snap::Words
            && is_trimmed(c)
            && !in_word(text, at)
            && !balanced_bracket(&text[start..end], c)
    };
    while start < end {
        match char_at(text, start) {
            Some(c) if trims(start, c, start, end) => start = grapheme::next(text, start),
            _ => break,
        }
    }
    while start < end {
        let p = prev_char(text, end);
        match char_at(text, p) {
            Some('.') if mode == Snap::Words && closes_abbreviation(text, p) => break,
            Some(c) if trims(p, c, start, end) => end = grapheme::prev(text, end),
            _ => break,
        }
    }
    (start, end.max(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snapped(text: &str, sel: &str, mode: Snap) -> Option<String> {
        let a = text.find(sel).unwrap();
        snap(text, a, a + sel.len(), mode).map(|s| text[s.range()].to_string())
    }

    fn words(text: &str, sel: &str) -> String {
        snapped(text, sel, Snap::Words).unwrap_or_default()
    }

    #[test]
    fn widens_to_words_and_trims_punctuation() {
        let t = "Then \"Armenia, said\" the cease-fire's U.S. envoy (UN) in 4,000 cases.";
        assert_eq!(words(t, "rmen"), "Armenia");
        assert_eq!(words(t, " \"Armenia, "), "Armenia");
        assert_eq!(words(t, "ease"), "cease-fire");
        assert_eq!(words(t, "U.S"), "U.S.");
        assert_eq!(words(t, "(UN)"), "UN");
        assert_eq!(words(t, "000 cas"), "4,000 cases");
        assert_eq!(words(t, "said\" the"), "said\" the");
        assert_eq!(snapped(t, " \"", Snap::Words), None);
    }

    #[test]
    fn possessive_and_brackets() {
        let t = "Azerbaijan's Defence Ministry (MoD) said";
        assert_eq!(words(t, "zerbaij"), "Azerbaijan");
        assert_eq!(words(t, "Defence Ministry (MoD)"), "Defence Ministry (MoD)");
        assert_eq!(words(t, "Ministry (Mo"), "Ministry (MoD)");
        let t = "met Gen. Smith Jr. and Apple Inc., then left.";
        assert_eq!(words(t, "Smith Jr."), "Smith Jr.");
        assert_eq!(words(t, "Apple Inc.,"), "Apple Inc.");
        assert_eq!(words(t, "then left."), "then left");
    }

    #[test]
    fn exact_mode_only_rounds_to_clusters_and_trims_spaces() {
        let t = "Say \"Armenia\" now";
        assert_eq!(snapped(t, "rmeni", Snap::Exact).unwrap(), "rmeni");
        assert_eq!(snapped(t, " \"Arm", Snap::Exact).unwrap(), "\"Arm");
    }

    #[test]
    fn never_splits_emoji_flags_or_marks() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let t = format!("A {family} and 🇦🇲🇦🇿 and 👍🏽 and Cafe\u{301} x");
        // Start inside the family, end inside the second flag.
        let a = t.find(family).unwrap() + 4;
        let b = t.find("🇦🇿").unwrap() + 4;
        for mode in [Snap::Words, Snap::Exact] {
            let s = snap(&t, a, b, mode).unwrap();
            assert_eq!(&t[s.range()], format!("{family} and 🇦🇲🇦🇿"));
        }
        let thumb = t.find("👍").unwrap();
        let s = snap(&t, thumb, thumb + 4, Snap::Exact).unwrap();
        assert_eq!(&t[s.range()], "👍🏽");
        let cafe = t.find("Cafe").unwrap();
        let s = snap(&t, cafe, cafe + 4, Snap::Exact).unwrap();
        assert_eq!(&t[s.range()], "Cafe\u{301}");
        assert_eq!(words(&t, "Caf"), "Cafe\u{301}");
    }

    #[test]
    fn crlf_and_odd_input() {
        let t = "Armenia\r\nsaid";
        // Ending between \r and \n rounds out past the pair, then trims it.
        assert_eq!(snap(t, 0, 8, Snap::Words).map(|s| s.range()), Some(0..7));
        assert_eq!(snap(t, 0, 8, Snap::Exact).map(|s| s.range()), Some(0..7));
        assert_eq!(snap(t, 12, 3, Snap::Words).map(|s| s.range()), Some(0..13));
        assert_eq!(snap("", 0, 5, Snap::Words), None);
        assert!(snap("é", 1, 1, Snap::Exact).is_none());
        assert_eq!(
            snap("so Baku said", 5, 5, Snap::Words).map(|s| s.range()),
            Some(3..7)
        );
        assert_eq!(
            snap("so Baku said", 2, 2, Snap::Words).map(|s| s.range()),
            Some(0..2)
        );
        assert_eq!(snap("so, Baku", 3, 3, Snap::Words), None);
        assert_eq!(snap("é", 1, 99, Snap::Exact).map(|s| s.range()), Some(0..2));
    }

    #[test]
    fn utf16_offsets_round_down_inside_pairs() {
        let t = "a😀b";
        let map = OffsetMap::new(t);
        assert_eq!(byte_from_utf16(&map, Utf16Offset(1)), 1);
        assert_eq!(byte_from_utf16(&map, Utf16Offset(2)), 1);
        assert_eq!(byte_from_utf16(&map, Utf16Offset(3)), 5);
        assert_eq!(byte_from_utf16(&map, Utf16Offset(99)), 6);
    }

    fn moved(text: &str, sel: &str, side: Side, step: Step, dir: Direction) -> String {
        let a = text.find(sel).unwrap();
        let s = span(a, a + sel.len());
        let m = move_boundary(text, s, side, step, dir).unwrap();
        text[m.range()].to_string()
    }

    #[test]
    fn word_moves() {
        let t = "said Prime Minister Nikol Pashinyan, on Sunday.";
        use Direction::*;
        assert_eq!(
            moved(t, "Minister", Side::End, Step::Word, Forward),
            "Minister Nikol"
        );
        assert_eq!(
            moved(t, "Minister Nikol", Side::End, Step::Word, Backward),
            "Minister"
        );
        assert_eq!(
            moved(t, "Prime Minister Nikol", Side::Start, Step::Word, Forward),
            "Minister Nikol"
        );
        assert_eq!(
            moved(t, "Nikol", Side::Start, Step::Word, Backward),
            "Minister Nikol"
        );
        assert_eq!(
            moved(t, "Pashinyan", Side::End, Step::Word, Forward),
            "Pashinyan, on"
        );
        let s = span(0, 4);
        assert_eq!(
            move_boundary(t, s, Side::Start, Step::Word, Backward),
            Err(MoveLimit::TextEdge)
        );
        assert_eq!(
            move_boundary(t, s, Side::End, Step::Word, Backward),
            Err(MoveLimit::WouldEmpty)
        );
        let last = span(t.find("Sunday").unwrap(), t.len() - 1);
        assert_eq!(
            move_boundary(t, last, Side::End, Step::Word, Forward),
            Err(MoveLimit::TextEdge)
        );
    }

    #[test]
    fn char_moves_step_over_whole_clusters() {
        let t = "x🇦🇲y";
        use Direction::*;
        let s = span(0, 1);
        let m = move_boundary(t, s, Side::End, Step::Char, Forward).unwrap();
        assert_eq!(m.range(), 0..9);
        let m = move_boundary(t, m, Side::End, Step::Char, Backward).unwrap();
        assert_eq!(m.range(), 0..1);
        let s = span(9, 10);
        let m = move_boundary(t, s, Side::Start, Step::Char, Backward).unwrap();
        assert_eq!(m.range(), 1..10);
        assert_eq!(
            move_boundary(t, s, Side::Start, Step::Char, Forward),
            Err(MoveLimit::WouldEmpty)
        );
        assert_eq!(
            move_boundary(t, s, Side::End, Step::Char, Forward),
            Err(MoveLimit::TextEdge)
        );
    }
}

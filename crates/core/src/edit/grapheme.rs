//! Where a user-perceived character (an extended grapheme cluster) begins and ends.
//!
//! A span edge must never fall inside `👩‍👩‍👧`, a flag `🇦🇲`, `👍🏽`, `é` written as
//! `e` + U+0301, or between `\r` and `\n`: the highlight would show half a character
//! and exports would quote broken text. A full Unicode segmentation crate would do,
//! but its tables weigh more than this whole editor in wasm, so this module implements
//! the part of UAX #29 that news text meets:
//!
//! - no break inside `\r\n` (GB3);
//! - no break before an extending character (GB9, GB9a): combining marks of the common
//!   scripts (Latin, Greek, Cyrillic, Hebrew, Arabic, Indic, Thai, Lao, Hangul jamo
//!   vowels and finals), ZWJ and ZWNJ, variation selectors, emoji skin-tone modifiers
//!   and tag characters (subdivision flags);
//! - no break after a ZWJ before a pictograph (GB11, without checking the pictograph
//!   before the ZWJ);
//! - regional indicators pair up into flags (GB12, GB13).
//!
//! Prepended concatenation marks and Hangul syllable composition from separate
//! leading consonants are not handled; both are rare in news and splitting them
//! still keeps spans on code point boundaries.

/// Sorted, inclusive ranges of characters that extend the cluster before them.
const EXTEND: &[(u32, u32)] = &[
    (0x0300, 0x036F), // combining diacritical marks
    (0x0483, 0x0489), // Cyrillic
    (0x0591, 0x05BD), // Hebrew points
    (0x05BF, 0x05BF),
    (0x05C1, 0x05C2),
    (0x05C4, 0x05C5),
    (0x05C7, 0x05C7),
    (0x0610, 0x061A), // Arabic
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0711, 0x0711), // Syriac
    (0x0730, 0x074A),
    (0x07A6, 0x07B0), // Thaana
    (0x0900, 0x0903), // Devanagari
    (0x093A, 0x093C),
    (0x093E, 0x094F),
    (0x0951, 0x0957),
    (0x0962, 0x0963),
    (0x0981, 0x0983), // Bengali
    (0x09BC, 0x09BC),
    (0x09BE, 0x09CD),
    (0x09D7, 0x09D7),
    (0x09E2, 0x09E3),
    (0x0A01, 0x0A03), // Gurmukhi
    (0x0A3C, 0x0A51),
    (0x0A70, 0x0A71),
    (0x0A81, 0x0A83), // Gujarati
    (0x0ABC, 0x0ABC),
    (0x0ABE, 0x0ACD),
    (0x0B01, 0x0B03), // Oriya
    (0x0B3C, 0x0B3C),
    (0x0B3E, 0x0B57),
    (0x0B82, 0x0B82), // Tamil
    (0x0BBE, 0x0BCD),
    (0x0C00, 0x0C04), // Telugu
    (0x0C3E, 0x0C56),
    (0x0C81, 0x0C83), // Kannada
    (0x0CBC, 0x0CBC),
    (0x0CBE, 0x0CD6),
    (0x0D00, 0x0D03), // Malayalam
    (0x0D3B, 0x0D3C),
    (0x0D3E, 0x0D4D),
    (0x0D57, 0x0D57),
    (0x0E31, 0x0E31), // Thai
    (0x0E34, 0x0E3A),
    (0x0E47, 0x0E4E),
    (0x0EB1, 0x0EB1), // Lao
    (0x0EB4, 0x0EBC),
    (0x0EC8, 0x0ECD),
    (0x1160, 0x11FF),   // Hangul jamo vowels and finals
    (0x1AB0, 0x1AFF),   // combining marks extended
    (0x1DC0, 0x1DFF),   // combining marks supplement
    (0x200C, 0x200D),   // ZWNJ, ZWJ
    (0x20D0, 0x20FF),   // combining marks for symbols (keycap U+20E3)
    (0x302A, 0x302F),   // ideographic tone marks
    (0x3099, 0x309A),   // kana voicing marks
    (0xFE00, 0xFE0F),   // variation selectors
    (0xFE20, 0xFE2F),   // combining half marks
    (0x1F3FB, 0x1F3FF), // emoji skin-tone modifiers
    (0xE0020, 0xE007F), // tags (subdivision flags)
    (0xE0100, 0xE01EF), // variation selectors supplement
];

/// Sorted, inclusive ranges of pictographs that a ZWJ joins to what precedes it.
const PICTOGRAPHIC: &[(u32, u32)] = &[
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x21AA),
    (0x231A, 0x23FF),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25FE),
    (0x2600, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3297),
    (0x3299, 0x3299),
    (0x1F000, 0x1F1E5),
    (0x1F200, 0x1FAFF),
    (0x1FC00, 0x1FFFD),
];

const ZWJ: char = '\u{200D}';

fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let c = u32::from(c);
    let i = table.partition_point(|&(_, hi)| hi < c);
    table.get(i).is_some_and(|&(lo, _)| lo <= c)
}

/// True for a character that belongs to the cluster before it (combining mark,
/// ZWJ, variation selector, skin-tone modifier, tag).
pub fn is_extend(c: char) -> bool {
    !c.is_ascii() && in_table(EXTEND, c)
}

fn is_pictographic(c: char) -> bool {
    !c.is_ascii() && in_table(PICTOGRAPHIC, c)
}

fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// True when a cluster boundary lies at byte `at` of `text`: at either end of the
/// text, or on a character boundary that the rules above do not join across.
/// Offsets past the end or inside a UTF-8 sequence are not boundaries.
pub fn is_boundary(text: &str, at: usize) -> bool {
    if at == 0 || at == text.len() {
        return true;
    }
    if !text.is_char_boundary(at) {
        return false;
    }
    let (Some(before), Some(after)) = (text[..at].chars().next_back(), text[at..].chars().next())
    else {
        return true;
    };
    if before == '\r' && after == '\n' {
        return false;
    }
    if is_extend(after) {
        return false;
    }
    if before == ZWJ && is_pictographic(after) {
        return false;
    }
    if is_regional_indicator(before) && is_regional_indicator(after) {
        // Flags pair from the start of the run: break only after an even count.
        let run = text[..at]
            .chars()
            .rev()
            .take_while(|&c| is_regional_indicator(c))
            .count();
        return run % 2 == 0;
    }
    true
}

/// The last cluster boundary at or before `at` (clamped to the text).
pub fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    while !is_boundary(text, at) {
        at = prev_char(text, at);
    }
    at
}

/// The first cluster boundary at or after `at` (clamped to the text).
pub fn ceil(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    while !is_boundary(text, at) {
        at = next_char(text, at);
    }
    at
}

/// The first cluster boundary after `at`, or the text's length at its end.
pub fn next(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    ceil(text, next_char(text, floor(text, at)))
}

/// The last cluster boundary before `at`, or 0 at the start.
pub fn prev(text: &str, at: usize) -> usize {
    let at = ceil(text, at);
    if at == 0 {
        return 0;
    }
    floor(text, prev_char(text, at))
}

/// The byte after the character at `at` (which must be a char boundary below the end).
fn next_char(text: &str, at: usize) -> usize {
    text[at..]
        .chars()
        .next()
        .map_or(text.len(), |c| at + c.len_utf8())
}

/// The byte where the character before `at` starts (0 at the start).
fn prev_char(text: &str, at: usize) -> usize {
    text[..at]
        .chars()
        .next_back()
        .map_or(0, |c| at - c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clusters of `text` as this module cuts them.
    fn clusters(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut at = 0;
        while at < text.len() {
            let n = next(text, at);
            out.push(&text[at..n]);
            at = n;
        }
        out
    }

    #[test]
    fn emoji_sequences_stay_whole() {
        let family = "👩\u{200d}👩\u{200d}👧";
        assert_eq!(clusters(&format!("a{family}b")), ["a", family, "b"]);
        assert_eq!(clusters("👍🏽!"), ["👍🏽", "!"]);
        assert_eq!(clusters("❤\u{fe0f}x"), ["❤\u{fe0f}", "x"]);
        assert_eq!(clusters("1\u{fe0f}\u{20e3}"), ["1\u{fe0f}\u{20e3}"]);
        let rainbow = "🏳\u{fe0f}\u{200d}🌈";
        let health_worker = "👨🏽\u{200d}⚕\u{fe0f}";
        assert_eq!(
            clusters(&format!("{rainbow}{health_worker}.")),
            [rainbow, health_worker, "."]
        );
        let scotland = "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}";
        assert_eq!(clusters(scotland), [scotland]);
    }

    #[test]
    fn flags_pair_up() {
        assert_eq!(clusters("🇦🇲🇦🇿🇷"), ["🇦🇲", "🇦🇿", "🇷"]);
        // Inside the second flag: floor goes to its start, ceil to its end.
        let text = "🇦🇲🇦🇿";
        assert_eq!(floor(text, 12), 8);
        assert_eq!(ceil(text, 12), 16);
        assert!(!is_boundary(text, 4));
        assert!(is_boundary(text, 8));
    }

    #[test]
    fn combining_marks_and_crlf() {
        assert_eq!(clusters("Cafe\u{301}s"), ["C", "a", "f", "e\u{301}", "s"]);
        assert_eq!(clusters("a\r\nb"), ["a", "\r\n", "b"]);
        assert_eq!(clusters("कि"), ["कि"]);
        assert!(!is_boundary("a\r\nb", 2));
    }

    #[test]
    fn odd_offsets_never_panic() {
        let text = "é👩\u{200d}👩🇦🇲";
        for at in 0..text.len() + 3 {
            let f = floor(text, at);
            let c = ceil(text, at);
            assert!(f <= c && is_boundary(text, f) && is_boundary(text, c));
            assert!(next(text, at) <= text.len());
            assert!(prev(text, at) <= at.min(text.len()));
        }
        assert_eq!(clusters(""), Vec::<&str>::new());
        assert_eq!(next("", 5), 0);
        assert_eq!(prev("", 5), 0);
    }
}

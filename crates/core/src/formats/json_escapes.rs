//! Finding the `\uXXXX` escape that makes a JSON file unreadable as text: half of a
//! UTF-16 surrogate pair without its other half (`"\ud83d"` alone). JavaScript strings
//! may hold such halves (a string cut inside an emoji) and `JSON.stringify` writes them
//! as escapes, but a Rust string cannot hold one, so such a file is refused; this
//! module names the place, so the message can say what to fix. It is only consulted
//! after the JSON parser has refused a file: one linear scan, no allocation.

use std::fmt;

/// A lone surrogate escape and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoneSurrogate {
    /// The escaped code unit (`0xD800..=0xDFFF`).
    pub unit: u16,
    /// 1-based line of the backslash.
    pub line: usize,
    /// 1-based column of the backslash, in characters.
    pub column: usize,
}

impl LoneSurrogate {
    /// True for the first half of a pair (`\ud800`-`\udbff`), which must be followed
    /// by a second half.
    pub fn is_leading(&self) -> bool {
        (0xD800..0xDC00).contains(&self.unit)
    }
}

impl fmt::Display for LoneSurrogate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (half, missing) = if self.is_leading() {
            ("first", "no second half follows it")
        } else {
            ("second", "no first half comes before it")
        };
        write!(
            f,
            "line {}, column {}: the escape \\u{:04x} is the {half} half of a UTF-16 surrogate pair, but {missing} \
             (a text cut inside an emoji or another character outside the basic plane); \
             replace it with the whole character, or with \\ufffd, and import the file again",
            self.line, self.column, self.unit
        )
    }
}

/// The first lone surrogate escape in `json`, if any. Escapes are read as JSON reads
/// them (`\\ud800` is a backslash and text, not an escape), inside strings or not.
pub fn find_lone_surrogate(json: &str) -> Option<LoneSurrogate> {
    let bytes = json.as_bytes();
    // Where a byte is: its line and the byte where that line starts.
    let (mut line, mut line_start) = (1, 0);
    let place = |unit: u16, (line, line_start, at): (usize, usize, usize)| LoneSurrogate {
        unit,
        line,
        column: json
            .get(line_start..at)
            .map_or(1, |s| s.chars().count() + 1),
    };
    // A first half waiting for its second, and where it is.
    let mut open: Option<(u16, (usize, usize, usize))> = None;
    let mut i = 0;
    while i < bytes.len() {
        let unit = (bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b'u'))
            .then(|| hex4(bytes.get(i + 2..i + 6)?))
            .flatten();
        let at = (line, line_start, i);
        match (open.take(), unit) {
            (Some(_), Some(u)) if is_second(u) => {}
            (Some((first, at)), _) => return Some(place(first, at)),
            (None, Some(u)) if is_second(u) => return Some(place(u, at)),
            (None, Some(u)) if (0xD800..0xDC00).contains(&u) => open = Some((u, at)),
            (None, _) => {}
        }
        i += match (bytes[i], unit) {
            (_, Some(_)) => 6,
            // A backslash and the character it escapes.
            (b'\\', None) => 2,
            (b'\n', None) => {
                line += 1;
                line_start = i + 1;
                1
            }
            _ => 1,
        };
    }
    open.map(|(unit, at)| place(unit, at))
}

/// The second half of a surrogate pair.
fn is_second(unit: u16) -> bool {
    (0xDC00..0xE000).contains(&unit)
}

/// Four hex digits as a code unit.
fn hex4(digits: &[u8]) -> Option<u16> {
    let s = std::str::from_utf8(digits).ok()?;
    if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u16::from_str_radix(s, 16).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(json: &str) -> Option<(u16, usize, usize)> {
        find_lone_surrogate(json).map(|l| (l.unit, l.line, l.column))
    }

    #[test]
    fn pairs_and_other_escapes_are_fine() {
        for json in [
            r#"{"text":"\ud83d\ude00 ok"}"#,
            r#"{"text":"\u00e9\n\"\\ud800"}"#,
            r#"{"text":"\uD83D\uDE00"}"#,
            r#"{"text":"\u12"}"#,
            "",
            "\\",
            r#""\u"#,
        ] {
            assert_eq!(found(json), None, "{json}");
        }
    }

    #[test]
    fn a_lone_half_is_found_with_its_line_and_column() {
        assert_eq!(found(r#"{"text":"a\ud800b"}"#), Some((0xD800, 1, 11)));
        assert_eq!(found(r#"{"text":"\udc00"}"#), Some((0xDC00, 1, 10)));
        assert_eq!(found(r#"{"text":"\ud800"}"#), Some((0xD800, 1, 10)));
        assert_eq!(
            found("{\n \"text\": \"é\\uDBFF\\u0041\"}"),
            Some((0xDBFF, 2, 12))
        );
        assert_eq!(found(r#"["\ud800\ud800\udc00"]"#), Some((0xD800, 1, 3)));
        assert_eq!(found(r#""\ud800"#), Some((0xD800, 1, 2)));
    }

    #[test]
    fn the_message_says_which_half_and_what_to_do() {
        let first = find_lone_surrogate(r#"{"text":"\ud800"}"#)
            .unwrap()
            .to_string();
        assert!(first.contains("line 1, column 10"), "{first}");
        assert!(first.contains("\\ud800 is the first half"), "{first}");
        assert!(first.contains("\\ufffd"), "{first}");
        let second = find_lone_surrogate(r#"{"text":"\udfff"}"#)
            .unwrap()
            .to_string();
        assert!(second.contains("second half"), "{second}");
    }
}

//! Writing JSON fast, byte for byte as serde_json writes it: strings escaped the same
//! way (only `"`, `\` and control characters; `\u00xx` in lower-case hex), integers in
//! plain decimal, into one growing `String` with no intermediate value. (The offsets
//! it writes come from [`super::offset_tally`].)
//!
//! Everything is `#[inline]`: a crate that calls the native writer compiles it at its
//! own opt-level, so the JavaScript API gets it speed-tuned while the app's copy follows
//! the app's size-tuned profile (the same reason the API once compiled serde_json itself).

use crate::calendar::push_padded;

/// JSON text being written.
pub(crate) struct JsonOut {
    out: String,
}

/// `0x01` in every byte of a word, and `0x80` in every byte.
const ONES: u64 = u64::from_le_bytes([0x01; 8]);
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// True when some byte of `w` is below 0x20, a `"` or a `\\`: a word of eight string
/// bytes that all go out as they are is copied without looking at each byte.
#[inline]
fn needs_escape(w: u64) -> bool {
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
    below_space | zero_byte(w ^ (ONES * u64::from(b'"'))) | zero_byte(w ^ (ONES * u64::from(b'\\')))
        != 0
}

impl JsonOut {
    /// An empty output with room for about `capacity` bytes.
    #[inline]
    pub fn with_capacity(capacity: usize) -> Self {
        JsonOut {
            out: String::with_capacity(capacity),
        }
    }

    /// The JSON written.
    #[inline]
    pub fn finish(self) -> String {
        self.out
    }

    /// Writes JSON punctuation or a key already written as JSON (`"start":`).
    #[inline]
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// How many bytes are written.
    #[inline]
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// The JSON written, as bytes.
    #[inline]
    pub fn into_bytes(self) -> Vec<u8> {
        self.out.into_bytes()
    }

    /// Writes `s` as a JSON string, quotes included.
    #[inline]
    pub fn string(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        self.string_body(s);
        self.out.push('"');
    }

    /// Writes `s` escaped, without quotes: a string may be written in pieces cut
    /// anywhere between characters, as only ASCII bytes are ever escaped.
    #[inline]
    pub fn string_body(&mut self, s: &str) {
        let bytes = s.as_bytes();
        self.out.reserve(bytes.len());
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            // Eight bytes at a time while none needs an escape.
            if let Some(word) = bytes.get(i..i + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(word);
                if !needs_escape(u64::from_le_bytes(w)) {
                    i += 8;
                    continue;
                }
            }
            let b = bytes[i];
            if b < 0x20 || b == b'"' || b == b'\\' {
                // `i` is at an ASCII byte and `start` just after one (or at 0), so both
                // are character boundaries.
                self.out.push_str(&s[start..i]);
                self.escape(b);
                start = i + 1;
            }
            i += 1;
        }
        self.out.push_str(&s[start..]);
    }

    /// The escape serde_json writes for an ASCII byte that needs one.
    #[inline]
    fn escape(&mut self, b: u8) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        match b {
            b'"' => self.raw("\\\""),
            b'\\' => self.raw("\\\\"),
            b'\n' => self.raw("\\n"),
            b'\r' => self.raw("\\r"),
            b'\t' => self.raw("\\t"),
            0x08 => self.raw("\\b"),
            0x0C => self.raw("\\f"),
            _ => {
                self.raw("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xF)]));
            }
        }
    }

    /// Writes `n` in decimal, with the engine's integer writer. Offsets and ids are
    /// at most `isize::MAX` (no text is longer), so every `n` written fits an `i64`.
    #[inline]
    pub fn number(&mut self, n: usize) {
        push_padded(&mut self.out, i64::try_from(n).unwrap_or(i64::MAX), 0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let all: String = (0u8..0x80).map(char::from).collect();
        for s in [
            "",
            "plain",
            "say \"no\" \\ then\n\r\t\u{8}\u{c}",
            "\u{0}\u{1f}\u{7f}",
            "café 😀 \u{2028} \u{FFFD}",
            all.as_str(),
        ] {
            let mut out = JsonOut::with_capacity(0);
            out.string(s);
            assert_eq!(out.finish(), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn an_escape_is_found_at_every_place_of_a_word() {
        let specials = (0u8..0x20).chain([b'"', b'\\']).map(char::from);
        for c in specials {
            for at in 0..20 {
                for filler in ["a", "é", "~\u{7f}"] {
                    let mut s: String = filler.repeat(20);
                    let place = s.char_indices().nth(at).map_or(s.len(), |(i, _)| i);
                    s.insert(place, c);
                    let mut out = JsonOut::with_capacity(0);
                    out.string(&s);
                    assert_eq!(out.finish(), serde_json::to_string(&s).unwrap(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn numbers_are_plain_decimals() {
        for n in [
            0,
            7,
            10,
            99,
            100,
            65_535,
            1_000_000_007,
            isize::MAX as usize,
        ] {
            let mut out = JsonOut::with_capacity(0);
            out.number(n);
            assert_eq!(out.finish(), n.to_string());
        }
    }
}

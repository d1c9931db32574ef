//! Writing JSON fast, byte for byte as serde_json writes it: strings escaped the same
//! way (only `"`, `\` and control characters; `\u00xx` in lower-case hex), integers in
//! plain decimal, into one growing buffer with no intermediate value. (The offsets it
//! writes come from [`super::offset_tally`].)
//!
//! Everything is `#[inline]`: a crate that calls the native writer compiles it at its
//! own opt-level, so the JavaScript API gets it speed-tuned while the app's copy follows
//! the app's size-tuned profile (the same reason the API once compiled serde_json itself).

/// JSON text being written: bytes, as every piece is a `str` or ASCII.
pub(crate) struct JsonOut {
    out: Vec<u8>,
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
            out: Vec::with_capacity(capacity),
        }
    }

    /// The JSON written.
    #[inline]
    pub fn finish(self) -> String {
        // Every piece written was a whole `str` or an ASCII byte, so this never fails;
        // were it to, the lossy copy still gives the JSON, not a panic.
        String::from_utf8(self.out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Writes JSON punctuation or a key already written as JSON (`"start":`).
    #[inline]
    pub fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }

    /// How many bytes are written.
    #[inline]
    pub fn len(&self) -> usize {
        self.out.len()
    }

    /// The JSON written, as bytes.
    #[inline]
    pub fn into_bytes(self) -> Vec<u8> {
        self.out
    }

    /// Writes `s` as a JSON string, quotes included.
    #[inline]
    pub fn string(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push(b'"');
        self.string_body(s);
        self.out.push(b'"');
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
                self.out.extend_from_slice(&bytes[start..i]);
                self.escape(b);
                start = i + 1;
            }
            i += 1;
        }
        self.out.extend_from_slice(&bytes[start..]);
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
                self.out.push(HEX[usize::from(b >> 4)]);
                self.out.push(HEX[usize::from(b & 0xF)]);
            }
        }
    }

    /// Writes `n` in decimal.
    ///
    /// Not the engine's `decimal::push_padded` (signed, zero-padded, a `char` at a
    /// time): through it `export/1MB/to_json` measured about 8% slower, so the digits
    /// are copied here in one piece.
    #[inline]
    pub fn number(&mut self, n: usize) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut n = n;
        loop {
            at -= 1;
            // `n % 10` is below 10, so the cast keeps it.
            digits[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.out.extend_from_slice(&digits[at..]);
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
        for n in [0, 7, 10, 99, 100, 65_535, 1_000_000_007, usize::MAX] {
            let mut out = JsonOut::with_capacity(0);
            out.number(n);
            assert_eq!(out.finish(), n.to_string());
        }
    }
}

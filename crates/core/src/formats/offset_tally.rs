//! The code-point and UTF-16 offsets of byte offsets, for the native writer: each
//! counted from a per-block tally of the bytes before it instead of by decoding
//! characters.
//!
//! Why not [`OffsetMap`](crate::text::OffsetMap), which converts the same offsets: the
//! map goes every way (bytes, code points, UTF-16, and back) and walks up to 64
//! characters from a checkpoint per conversion; the writer only ever goes from bytes,
//! and for that counting at most 64 bytes eight at a time is the faster way: with the
//! map, `export/1MB/to_json` took 25.3 ms instead of 8.8 (criterion, 2026-11). (The map
//! lives in the engine, frozen while it is measured; once it may change, its byte
//! conversions can count this way and this module go.)
//!
//! `#[inline]` for the same reason as [`super::json_write`]: the native writer is
//! compiled at its caller's opt-level.

/// `0x80` in every byte of a word.
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// Bytes per block of [`OffsetTally`]: a conversion counts at most this many bytes.
const BLOCK: usize = 64;

/// Code-point and UTF-16 offsets of byte offsets in one text. A code point starts at
/// every byte that is not a UTF-8 continuation byte, and takes two UTF-16 units when
/// its first byte is `0xF0` or above, so both counts are byte counts: kept at the start
/// of every block, then counted over at most one block per conversion.
pub(crate) struct OffsetTally<'t> {
    text: &'t str,
    /// `(code points, UTF-16 units)` before each block's first byte, and at the end.
    blocks: Vec<(usize, usize)>,
}

/// Code points and UTF-16 units of `bytes`, which start and end on character boundaries.
/// Eight bytes at a time: a byte `10xxxxxx` continues a character, a byte `1111xxxx`
/// starts one of two UTF-16 units.
#[inline]
fn count(bytes: &[u8]) -> (usize, usize) {
    let (mut continuations, mut long) = (0, 0);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let w = u64::from_le_bytes(w);
        continuations += (w & !(w << 1) & HIGHS).count_ones() as usize;
        long += (w & (w << 1) & (w << 2) & (w << 3) & HIGHS).count_ones() as usize;
    }
    for &b in words.remainder() {
        continuations += usize::from(b & 0xC0 == 0x80);
        long += usize::from(b >= 0xF0);
    }
    let chars = bytes.len() - continuations;
    (chars, chars + long)
}

impl<'t> OffsetTally<'t> {
    /// Counts `text` block by block (no table at all for ASCII text, where every unit
    /// agrees).
    #[inline]
    pub fn new(text: &'t str) -> Self {
        let mut blocks = Vec::new();
        if !text.is_ascii() {
            blocks.reserve(text.len() / BLOCK + 1);
            let (mut chars, mut utf16) = (0, 0);
            for block in text.as_bytes().chunks(BLOCK) {
                blocks.push((chars, utf16));
                let (c, u) = count(block);
                chars += c;
                utf16 += u;
            }
            blocks.push((chars, utf16));
        }
        OffsetTally { text, blocks }
    }

    /// The counts of `text` as [`OffsetTally::into_counts`] gave them, without
    /// counting again: a writer that works in pieces keeps them between pieces.
    #[inline]
    pub fn with_counts(text: &'t str, blocks: Vec<(usize, usize)>) -> Self {
        OffsetTally { text, blocks }
    }

    /// The per-block counts, for [`OffsetTally::with_counts`].
    #[inline]
    pub fn into_counts(self) -> Vec<(usize, usize)> {
        self.blocks
    }

    /// `(code points, UTF-16 units)` before byte `at`; `None` past the end or inside a
    /// character.
    #[inline]
    pub fn at(&self, at: usize) -> Option<(usize, usize)> {
        if !self.text.is_char_boundary(at) {
            return None;
        }
        if self.blocks.is_empty() {
            return Some((at, at));
        }
        let block = at / BLOCK;
        let (chars, utf16) = *self.blocks.get(block)?;
        let (c, u) = count(self.text.as_bytes().get(block * BLOCK..at)?);
        Some((chars + c, utf16 + u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_agree_with_counting_characters() {
        let text = "Baku 😀 café\r\n".repeat(40) + "é";
        let tally = OffsetTally::new(&text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let chars = text[..b].chars().count();
            let utf16 = text[..b].encode_utf16().count();
            assert_eq!(tally.at(b), Some((chars, utf16)), "at byte {b}");
        }
        assert_eq!(tally.at(6), None, "inside the emoji");
        assert_eq!(tally.at(text.len() + 1), None, "past the end");
        assert_eq!(OffsetTally::new("abc").at(3), Some((3, 3)));
        assert_eq!(OffsetTally::new("").at(0), Some((0, 0)));
    }
}

//! Offset conversions against a slow reference. Input: text bytes up to the first
//! 0xFF (a byte UTF-8 never uses, so seeds are easy to write by hand), read as UTF-8
//! with replacement characters; every two bytes after it are one offset (u16, little
//! endian) tried in all three units. A conversion either matches the reference or
//! is refused, and only where the reference says the offset is past the end or
//! inside a character.

#![no_main]

use claimlens_core::text::{ByteOffset, CharOffset, OffsetError, OffsetMap, Utf16Offset};
use libfuzzer_sys::fuzz_target;

/// `(byte, char, utf16)` at every character boundary, end included.
fn boundaries(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut utf16 = 0;
    for (chars, (byte, c)) in text.char_indices().enumerate() {
        out.push((byte, chars, utf16));
        utf16 += c.len_utf16();
    }
    out.push((text.len(), text.chars().count(), utf16));
    out
}

fn check<U>(got: Result<U, OffsetError>, expected: Option<U>, offset: usize, len: usize, unit: &str)
where
    U: PartialEq + std::fmt::Debug,
{
    match (got, expected) {
        (Ok(g), Some(e)) => assert_eq!(g, e, "{unit} offset {offset}"),
        (Err(OffsetError::PastEnd { .. }), None) => assert!(offset > len, "{unit} {offset}"),
        (Err(OffsetError::InsideChar { .. }), None) => assert!(offset < len, "{unit} {offset}"),
        (got, expected) => panic!("{unit} offset {offset}: got {got:?}, expected {expected:?}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0xFF).unwrap_or(data.len());
    let text = String::from_utf8_lossy(&data[..split]);
    let offsets = data.get(split + 1..).unwrap_or(&[]);
    let map = OffsetMap::new(&text);
    let table = boundaries(&text);
    let (len_bytes, len_chars, len_utf16) = table[table.len() - 1];
    assert_eq!((map.len_chars(), map.len_utf16()), (len_chars, len_utf16));
    for pair in offsets.chunks_exact(2) {
        let o = usize::from(u16::from_le_bytes([pair[0], pair[1]]));
        let by_byte = table.iter().find(|t| t.0 == o);
        let by_char = table.iter().find(|t| t.1 == o);
        let by_utf16 = table.iter().find(|t| t.2 == o);
        check(
            map.byte_to_char(ByteOffset(o)),
            by_byte.map(|t| CharOffset(t.1)),
            o,
            len_bytes,
            "byte",
        );
        check(
            map.byte_to_utf16(ByteOffset(o)),
            by_byte.map(|t| Utf16Offset(t.2)),
            o,
            len_bytes,
            "byte",
        );
        check(
            map.char_to_byte(CharOffset(o)),
            by_char.map(|t| ByteOffset(t.0)),
            o,
            len_chars,
            "char",
        );
        check(
            map.char_to_utf16(CharOffset(o)),
            by_char.map(|t| Utf16Offset(t.2)),
            o,
            len_chars,
            "char",
        );
        check(
            map.utf16_to_byte(Utf16Offset(o)),
            by_utf16.map(|t| ByteOffset(t.0)),
            o,
            len_utf16,
            "utf16",
        );
        check(
            map.utf16_to_char(Utf16Offset(o)),
            by_utf16.map(|t| CharOffset(t.1)),
            o,
            len_utf16,
            "utf16",
        );
    }
});

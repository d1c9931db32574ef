//! Offsets in the three units claimlens meets, kept apart by type.
//!
//! Rust slices text in UTF-8 bytes, the DOM counts UTF-16 code units, and every
//! export counts Unicode code points (Python `str` indexing). Mixing them up shifts
//! spans silently on the first emoji, so each unit is its own newtype and the only
//! way from one to another is an [`OffsetMap`] built over the exact text.

use std::fmt;

use thiserror::Error;

/// A position counted in UTF-8 bytes (what `&text[a..b]` takes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ByteOffset(pub usize);

/// A position counted in Unicode code points (what the gold files and exports use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct CharOffset(pub usize);

/// A position counted in UTF-16 code units (what the DOM and JavaScript strings use).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Utf16Offset(pub usize);

/// The unit an offset is counted in; lets [`Span`] be generic yet never mixed.
pub trait Unit: Copy + Ord + fmt::Debug {
    /// The unit's name as it appears in files (`"byte"`, `"codepoint"`, `"utf16"`).
    const NAME: &'static str;
    /// The raw count.
    fn get(self) -> usize;
    /// Wraps a raw count.
    fn at(n: usize) -> Self;
}

macro_rules! unit {
    ($t:ident, $name:literal) => {
        impl Unit for $t {
            const NAME: &'static str = $name;
            fn get(self) -> usize {
                self.0
            }
            fn at(n: usize) -> Self {
                $t(n)
            }
        }
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{} {}", self.0, $name)
            }
        }
    };
}
unit!(ByteOffset, "byte");
unit!(CharOffset, "codepoint");
unit!(Utf16Offset, "utf16");

/// A half-open range `[start, end)` in one unit. `start <= end` always holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span<U: Unit> {
    start: U,
    end: U,
}

/// A span in UTF-8 bytes: the unit of the engine.
pub type ByteSpan = Span<ByteOffset>;
/// A span in code points: the unit of exports and gold files.
pub type CharSpan = Span<CharOffset>;
/// A span in UTF-16 code units: the unit of the DOM.
pub type Utf16Span = Span<Utf16Offset>;

impl<U: Unit> Span<U> {
    /// A span from `start` to `end`.
    ///
    /// # Errors
    /// [`OffsetError::Reversed`] when `end < start`.
    pub fn new(start: U, end: U) -> Result<Self, OffsetError> {
        if end < start {
            return Err(OffsetError::Reversed {
                start: start.get(),
                end: end.get(),
            });
        }
        Ok(Span { start, end })
    }

    /// A span from raw counts in this unit.
    ///
    /// # Errors
    /// As [`Span::new`].
    pub fn from_raw(start: usize, end: usize) -> Result<Self, OffsetError> {
        Self::new(U::at(start), U::at(end))
    }

    /// Where the span starts.
    pub fn start(&self) -> U {
        self.start
    }
    /// Where the span ends (exclusive).
    pub fn end(&self) -> U {
        self.end
    }
    /// Its length in its own unit.
    pub fn len(&self) -> usize {
        self.end.get() - self.start.get()
    }
    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when the two spans share at least one unit.
    pub fn overlaps(&self, other: &Self) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies wholly inside this span.
    pub fn contains(&self, other: &Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// The smallest span covering both.
    pub fn hull(&self, other: &Self) -> Self {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl ByteSpan {
    /// The raw byte range, for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start.0..self.end.0
    }
    /// The text this span covers, or `None` if it does not fit `text` on char boundaries.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.range())
    }
}

/// Why an offset or span does not fit a text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OffsetError {
    /// The span ends before it starts.
    #[error("span ends at {end} before it starts at {start}")]
    Reversed {
        /// Raw start.
        start: usize,
        /// Raw end.
        end: usize,
    },
    /// The offset lies past the end of the text.
    #[error("offset {offset} is past the end of the text ({len} {unit}s long)")]
    PastEnd {
        /// Raw offset.
        offset: usize,
        /// Text length in the same unit.
        len: usize,
        /// Unit name.
        unit: &'static str,
    },
    /// The offset falls inside a character (a UTF-8 sequence or a surrogate pair).
    #[error("offset {offset} ({unit}) falls inside a character")]
    InsideChar {
        /// Raw offset.
        offset: usize,
        /// Unit name.
        unit: &'static str,
    },
}

/// Checkpoints every this many characters: a conversion scans at most this far.
const STEP: usize = 64;

/// Converts offsets between units for one text.
///
/// Built once in O(n); each conversion is a binary search over checkpoints plus a
/// scan of at most `STEP` characters, so memory stays small even for 10 MB texts.
#[derive(Debug, Clone)]
pub struct OffsetMap<'t> {
    text: &'t str,
    /// Pure ASCII texts need no tables: all three units agree.
    ascii: bool,
    /// `(byte, char, utf16)` at every STEP-th character, starting at 0.
    marks: Vec<(usize, usize, usize)>,
    chars: usize,
    utf16: usize,
}

impl<'t> OffsetMap<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> Self {
        let ascii = text.is_ascii();
        let mut marks = Vec::new();
        let (mut chars, mut utf16) = (0usize, 0usize);
        if ascii {
            chars = text.len();
            utf16 = text.len();
        } else {
            for (b, c) in text.char_indices() {
                if chars % STEP == 0 {
                    marks.push((b, chars, utf16));
                }
                chars += 1;
                utf16 += c.len_utf16();
            }
        }
        OffsetMap {
            text,
            ascii,
            marks,
            chars,
            utf16,
        }
    }

    /// The text this map indexes.
    pub fn text(&self) -> &'t str {
        self.text
    }
    /// Length in code points.
    pub fn len_chars(&self) -> usize {
        self.chars
    }
    /// Length in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.utf16
    }

    fn past_end<U: Unit>(offset: usize, len: usize) -> OffsetError {
        OffsetError::PastEnd {
            offset,
            len,
            unit: U::NAME,
        }
    }

    /// Walks from the checkpoint selected by `key` until `stop` says the target is reached.
    fn walk(
        &self,
        key: impl Fn(&(usize, usize, usize)) -> usize,
        target: usize,
    ) -> (usize, usize, usize, std::str::CharIndices<'t>) {
        let i = self
            .marks
            .partition_point(|m| key(m) <= target)
            .saturating_sub(1);
        let (b, c, u) = self.marks.get(i).copied().unwrap_or((0, 0, 0));
        (b, c, u, self.text[b..].char_indices())
    }

    /// Byte offset to code points.
    ///
    /// # Errors
    /// Past the end, or inside a UTF-8 sequence.
    pub fn byte_to_char(&self, o: ByteOffset) -> Result<CharOffset, OffsetError> {
        let (_, c, _) = self.locate_byte(o)?;
        Ok(CharOffset(c))
    }

    /// Byte offset to UTF-16 code units.
    ///
    /// # Errors
    /// Past the end, or inside a UTF-8 sequence.
    pub fn byte_to_utf16(&self, o: ByteOffset) -> Result<Utf16Offset, OffsetError> {
        let (_, _, u) = self.locate_byte(o)?;
        Ok(Utf16Offset(u))
    }

    fn locate_byte(&self, o: ByteOffset) -> Result<(usize, usize, usize), OffsetError> {
        if o.0 > self.text.len() {
            return Err(Self::past_end::<ByteOffset>(o.0, self.text.len()));
        }
        if !self.text.is_char_boundary(o.0) {
            return Err(OffsetError::InsideChar {
                offset: o.0,
                unit: ByteOffset::NAME,
            });
        }
        if self.ascii {
            return Ok((o.0, o.0, o.0));
        }
        let (b0, mut c, mut u, it) = self.walk(|m| m.0, o.0);
        for (rel, ch) in it {
            if b0 + rel >= o.0 {
                break;
            }
            c += 1;
            u += ch.len_utf16();
        }
        Ok((o.0, c, u))
    }

    /// Code points to a byte offset.
    ///
    /// # Errors
    /// Past the end.
    pub fn char_to_byte(&self, o: CharOffset) -> Result<ByteOffset, OffsetError> {
        if o.0 > self.chars {
            return Err(Self::past_end::<CharOffset>(o.0, self.chars));
        }
        if self.ascii {
            return Ok(ByteOffset(o.0));
        }
        let (b0, mut c, _, it) = self.walk(|m| m.1, o.0);
        for (rel, _) in it {
            if c == o.0 {
                return Ok(ByteOffset(b0 + rel));
            }
            c += 1;
        }
        Ok(ByteOffset(self.text.len()))
    }

    /// UTF-16 code units to a byte offset.
    ///
    /// # Errors
    /// Past the end, or between the two halves of a surrogate pair.
    pub fn utf16_to_byte(&self, o: Utf16Offset) -> Result<ByteOffset, OffsetError> {
        if o.0 > self.utf16 {
            return Err(Self::past_end::<Utf16Offset>(o.0, self.utf16));
        }
        if self.ascii {
            return Ok(ByteOffset(o.0));
        }
        let (b0, _, mut u, it) = self.walk(|m| m.2, o.0);
        for (rel, ch) in it {
            if u == o.0 {
                return Ok(ByteOffset(b0 + rel));
            }
            if u > o.0 {
                break;
            }
            u += ch.len_utf16();
        }
        if u == o.0 {
            return Ok(ByteOffset(self.text.len()));
        }
        Err(OffsetError::InsideChar {
            offset: o.0,
            unit: Utf16Offset::NAME,
        })
    }

    /// Code points to UTF-16 code units.
    ///
    /// # Errors
    /// Past the end.
    pub fn char_to_utf16(&self, o: CharOffset) -> Result<Utf16Offset, OffsetError> {
        self.byte_to_utf16(self.char_to_byte(o)?)
    }

    /// UTF-16 code units to code points.
    ///
    /// # Errors
    /// Past the end, or inside a surrogate pair.
    pub fn utf16_to_char(&self, o: Utf16Offset) -> Result<CharOffset, OffsetError> {
        self.byte_to_char(self.utf16_to_byte(o)?)
    }

    /// A byte span in code points.
    ///
    /// # Errors
    /// As [`OffsetMap::byte_to_char`].
    pub fn to_chars(&self, s: ByteSpan) -> Result<CharSpan, OffsetError> {
        Span::new(self.byte_to_char(s.start())?, self.byte_to_char(s.end())?)
    }
    /// A byte span in UTF-16 code units.
    ///
    /// # Errors
    /// As [`OffsetMap::byte_to_utf16`].
    pub fn to_utf16(&self, s: ByteSpan) -> Result<Utf16Span, OffsetError> {
        Span::new(self.byte_to_utf16(s.start())?, self.byte_to_utf16(s.end())?)
    }
    /// A code-point span in bytes.
    ///
    /// # Errors
    /// As [`OffsetMap::char_to_byte`].
    pub fn chars_to_bytes(&self, s: CharSpan) -> Result<ByteSpan, OffsetError> {
        Span::new(self.char_to_byte(s.start())?, self.char_to_byte(s.end())?)
    }
    /// A UTF-16 span in bytes.
    ///
    /// # Errors
    /// As [`OffsetMap::utf16_to_byte`].
    pub fn utf16_to_bytes(&self, s: Utf16Span) -> Result<ByteSpan, OffsetError> {
        Span::new(self.utf16_to_byte(s.start())?, self.utf16_to_byte(s.end())?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char boundary must convert to all units and back to itself.
    fn round_trips(text: &str) {
        let map = OffsetMap::new(text);
        let mut utf16 = 0;
        for (chars, (b, c)) in text.char_indices().chain([(text.len(), ' ')]).enumerate() {
            let bo = ByteOffset(b);
            assert_eq!(map.byte_to_char(bo), Ok(CharOffset(chars)), "{text:?} @{b}");
            assert_eq!(map.byte_to_utf16(bo), Ok(Utf16Offset(utf16)));
            assert_eq!(map.char_to_byte(CharOffset(chars)), Ok(bo));
            assert_eq!(map.utf16_to_byte(Utf16Offset(utf16)), Ok(bo));
            utf16 += c.len_utf16();
        }
        assert_eq!(map.len_chars(), text.chars().count());
        assert_eq!(map.len_utf16(), text.encode_utf16().count());
    }

    #[test]
    fn ascii_units_agree() {
        round_trips("Armenia accused Azerbaijan on Sunday.");
        let map = OffsetMap::new("abc");
        assert_eq!(map.char_to_utf16(CharOffset(2)), Ok(Utf16Offset(2)));
    }

    #[test]
    fn emoji_and_zwj_sequences() {
        // 👩‍👩‍👧 is five code points and eight UTF-16 units.
        let text = "Family 👩\u{200d}👩\u{200d}👧 said 🇦🇲 hi";
        round_trips(text);
        let map = OffsetMap::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(map.byte_to_char(ByteOffset(said)), Ok(CharOffset(13)));
        assert_eq!(map.byte_to_utf16(ByteOffset(said)), Ok(Utf16Offset(16)));
    }

    #[test]
    fn combining_marks_crlf_and_rtl() {
        round_trips("Cafe\u{301} re\u{301}sume\u{301}\r\nline two\r\n");
        round_trips("قال المتحدث إن الوضع هادئ\r\nשלום עולם");
    }

    #[test]
    fn long_texts_cross_checkpoints() {
        let text = "é😀a".repeat(200);
        round_trips(&text);
    }

    #[test]
    fn offsets_inside_a_character_are_refused() {
        let map = OffsetMap::new("a😀b");
        assert!(matches!(
            map.byte_to_char(ByteOffset(2)),
            Err(OffsetError::InsideChar { .. })
        ));
        assert!(matches!(
            map.utf16_to_byte(Utf16Offset(2)),
            Err(OffsetError::InsideChar { .. })
        ));
        assert!(matches!(
            map.char_to_byte(CharOffset(4)),
            Err(OffsetError::PastEnd { .. })
        ));
    }

    #[test]
    fn spans_guard_their_order() {
        assert!(ByteSpan::from_raw(3, 2).is_err());
        let a = ByteSpan::from_raw(0, 4).unwrap();
        let b = ByteSpan::from_raw(3, 6).unwrap();
        assert!(a.overlaps(&b));
        assert_eq!(a.hull(&b), ByteSpan::from_raw(0, 6).unwrap());
        assert!(!a.overlaps(&ByteSpan::from_raw(4, 5).unwrap()));
    }
}

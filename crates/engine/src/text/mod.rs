//! Text primitives shared by every extractor: offsets in their three units,
//! tokens, and sentence and paragraph boundaries. The text itself is never changed
//! here: every result is a span into the exact string the user gave.

pub mod analysis;
pub mod offsets;
pub mod sentences;
pub mod tokens;

pub use analysis::Analysis;
pub use offsets::{
    ByteOffset, ByteSpan, CharOffset, CharSpan, OffsetError, OffsetMap, Span, Unit, Utf16Offset,
    Utf16Span,
};
pub use sentences::{paragraphs, sentences, sentences_in};
pub use tokens::{tokenize, Token, TokenKind};

//! Fixtures shared by core's unit tests: spans found by the phrase they cover, and
//! claim attributes holding only the parts a test is about.

use crate::model::{ClaimAttrs, ClaimKind};
use crate::text::ByteSpan;

/// The span of the first `phrase` in `text`.
///
/// # Panics
/// When `text` does not hold `phrase`: the test's fixture is wrong.
pub(crate) fn span_of(text: &str, phrase: &str) -> ByteSpan {
    let i = text
        .find(phrase)
        .unwrap_or_else(|| panic!("fixture text lacks {phrase:?}"));
    ByteSpan::from_raw(i, i + phrase.len()).unwrap()
}

/// A claim of `kind` with this source and cue, and no fragments, stance or entity
/// (fill those in with `..claim_attrs(..)` where a test needs them).
pub(crate) fn claim_attrs(
    kind: ClaimKind,
    source: Option<ByteSpan>,
    cue: Option<ByteSpan>,
) -> ClaimAttrs {
    ClaimAttrs {
        kind,
        source,
        cue,
        fragments: Vec::new(),
        stance: None,
        source_entity: None,
    }
}

//! The date layer: finds temporal expressions (TimeML TIMEX3 extents) and
//! normalises them against the document creation time.

use crate::calendar::CalendarDate;
use crate::model::DateKind;
use crate::text::ByteSpan;

/// A temporal expression found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Its extent, without a leading preposition.
    pub span: ByteSpan,
    /// Date, time, duration or set.
    pub kind: DateKind,
    /// TimeML value, as far as it can be worked out.
    pub value: Option<String>,
}

/// Finds every temporal expression in `text`; `dct` anchors relative ones.
pub fn extract(text: &str, dct: Option<CalendarDate>) -> Vec<DateMention> {
    let _ = (text, dct);
    Vec::new()
}

/// The article's own date, read from a dateline or a date near the top, if any.
pub fn infer_dct(text: &str) -> Option<CalendarDate> {
    let _ = text;
    None
}

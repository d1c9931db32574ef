//! The date layer: finds temporal expressions (TimeML TIMEX3 extents) and
//! normalises them against the document creation time.
//!
//! The pipeline is one pass each: [`tokens`] prepares the token view, [`scan`] reads
//! expressions into their meaning ([`expr::Expr`]) driven by the word lists of
//! [`lexicon`], [`blog`] dates live-blog stamps, and [`normalise`] writes TimeML kinds
//! and values against the document date, which [`dct`] infers when none is given.

mod blog;
mod dct;
pub mod expr;
pub mod lexicon;
mod normalise;
mod scan;
mod tokens;

use crate::calendar::CalendarDate;
use crate::model::DateKind;
use crate::text::ByteSpan;
use expr::{DayRef, Expr};
use tokens::Toks;

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
    let toks = Toks::new(text);
    let mut found = scan::scan(&toks);
    blog::roll_days(&toks, &mut found);
    found
        .into_iter()
        .filter(|f| !is_dateline(&toks, f))
        .filter_map(|f| {
            let (start, end) = (toks.get(f.first)?.start, toks.get(f.end - 1)?.end);
            let span = ByteSpan::from_raw(start, end).ok()?;
            let (kind, value) = normalise::normalise(&f.expr, dct, f.future);
            Some(DateMention { span, kind, value })
        })
        .collect()
}

/// The article's own date, read from a dateline or a date near the top, if any.
pub fn infer_dct(text: &str) -> Option<CalendarDate> {
    dct::infer(text)
}

/// How many lines from the top a standalone date still counts as the dateline.
const DATELINE_LINES: usize = 3;

/// A full date standing alone on one of the first lines is the article's dateline: it
/// is the document's creation time, which TimeML keeps outside the text's mentions.
fn is_dateline(toks: &Toks, f: &scan::Found) -> bool {
    let full = matches!(
        f.expr,
        Expr::Day {
            day: DayRef::Calendar { year: Some(_), .. },
            part: None
        }
    );
    let (Some(first), Some(last)) = (toks.get(f.first), toks.get(f.end - 1)) else {
        return false;
    };
    let line_end = toks.get(f.end).is_none_or(|t| t.line_start);
    let lines_before = toks.text[..first.start].trim_start().matches('\n').count();
    full && first.line_start
        && line_end
        && last.end <= toks.text.len()
        && lines_before < DATELINE_LINES
}

#[cfg(test)]
mod tests;

//! The date layer: finds temporal expressions (TimeML TIMEX3 extents) and
//! normalises them against the document creation time.
//!
//! The pipeline is one pass each: `tokens` prepares the token view, `scan` reads
//! expressions into their meaning ([`expr::Expr`]) driven by the word lists of
//! [`lexicon`], `blog` dates live-blog stamps, and `normalise` writes TimeML kinds
//! and values against the document date, which `dct` infers when none is given;
//! `reference` re-anchors the story's own `that year` on the last date mentioned.

mod blog;
mod clocks;
mod dct;
pub mod expr;
pub mod lexicon;
mod normalise;
mod quarters;
mod reference;
mod scan;
mod tokens;

use crate::calendar::CalendarDate;
use crate::model::DateKind;
use crate::text::{Analysis, ByteSpan};
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
    extract_toks(text, Toks::new(text), dct)
}

/// [`extract`] over a text already read by [`Analysis`] (shared with the other layers).
pub fn extract_in(analysis: &Analysis<'_>, dct: Option<CalendarDate>) -> Vec<DateMention> {
    let text = analysis.text();
    extract_toks(
        text,
        Toks::from_tokens(text, analysis.tokens(), analysis.ascii_lower()),
        dct,
    )
}

fn extract_toks(text: &str, toks: Toks, dct: Option<CalendarDate>) -> Vec<DateMention> {
    let mut found = scan::scan(&toks);
    blog::roll_days(&mut found);
    clocks::attach_days(&toks, &mut found);
    let top = top_of(text);
    found.retain(|f| !is_dateline(&toks, top, f));
    let (kinds, mut values): (Vec<DateKind>, Vec<Option<String>>) = found
        .iter()
        .map(|f| normalise::normalise(&f.expr, dct, f.tense))
        .unzip();
    let anchors = reference::anchors(&found, &values);
    for ((f, value), anchor) in found.iter().zip(values.iter_mut()).zip(anchors) {
        if anchor.is_some() {
            *value = normalise::normalise(&f.expr, anchor, f.tense).1;
        }
    }
    quarters::compare_quarters(&toks, &found, &mut values, dct.map(|d| d.year()));
    found
        .iter()
        .zip(kinds.into_iter().zip(values))
        .filter_map(|(f, (kind, value))| {
            let span = ByteSpan::from_raw(f.start_byte, f.end_byte?).ok()?;
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
/// (A date inside a wire dateline, `WASHINGTON, August 11 (Xinhua)`, is a mention.)
fn is_dateline(toks: &Toks, top: usize, f: &scan::Found) -> bool {
    let full = matches!(
        f.expr,
        Expr::Day {
            day: DayRef::Calendar { year: Some(_), .. },
            part: None
        }
    );
    full && f.line_start && toks.get(f.end).is_none_or(|t| t.line_start()) && f.start_byte < top
}

/// Where the top of the article (its first [`DATELINE_LINES`] non-blank lines) ends.
fn top_of(text: &str) -> usize {
    let body = text.trim_start();
    let skipped = text.len() - body.len();
    body.match_indices('\n')
        .nth(DATELINE_LINES - 1)
        .map_or(text.len(), |(k, _)| skipped + k)
}

#[cfg(test)]
mod tests;

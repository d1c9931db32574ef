//! "Who claimed what, when": one row per claim with its source, stance, cue,
//! content and date, shared by the CSV export and the HTML report.
//!
//! A claim's date follows the one rule of [`crate::views::claim_date`], which the
//! editor's claims table shares, taking only the dates the export itself includes.

use crate::model::{Annotation, Attrs, Document, Stance, Status};
use crate::text::{ByteSpan, OffsetMap};
use crate::views::ClaimDating;

use super::{exported, ExportOptions};

/// One claim, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// The claim's annotation id.
    pub id: u32,
    /// `suggested` or `accepted`.
    pub status: &'static str,
    /// The source as written (`he`, `the ministry`).
    pub source: String,
    /// The actor the source refers to, when known.
    pub source_entity: String,
    /// `assert`, `deny`, ... or empty.
    pub stance: &'static str,
    /// The cue as written.
    pub cue: String,
    /// The content (pieces joined by ` … `).
    pub content: String,
    /// The date: its normalised value when known, else its text, else the document date.
    pub date: String,
    /// The date as written in the text (empty when it is the document date).
    pub date_text: String,
    /// Code-point offsets of the content.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
}

/// The rows of one document, in text order.
pub fn rows(doc: &Document, options: &ExportOptions) -> Vec<ClaimRow> {
    let text = doc.text.as_str();
    let map = OffsetMap::new(text);
    let slice = |s: ByteSpan| s.slice(text).unwrap_or("").to_string();
    let anns: Vec<&Annotation> = exported(doc, options).collect();
    let with_suggestions = options.include_suggestions;
    let dating = ClaimDating::new(doc, |d| match d.status {
        Status::Rejected => false,
        Status::Suggested => with_suggestions,
        Status::Accepted => true,
    });
    let mut out = Vec::new();
    for a in &anns {
        let Attrs::Claim(c) = &a.attrs else { continue };
        let (date, date_text) = dating.date_of(a).map_or_else(
            || (String::new(), String::new()),
            |d| (d.shown().to_string(), d.written().to_string()),
        );
        let content = if c.fragments.is_empty() {
            slice(a.span)
        } else {
            c.fragments
                .iter()
                .map(|f| slice(*f))
                .collect::<Vec<_>>()
                .join(" … ")
        };
        let chars = map
            .to_chars(a.span)
            .map_or((0, 0), |s| (s.start().0, s.end().0));
        out.push(ClaimRow {
            id: a.id.0,
            status: a.status.name(),
            source: c.source.map(slice).unwrap_or_default(),
            source_entity: c.source_entity.clone().unwrap_or_default(),
            stance: c.stance.map_or("", Stance::name),
            cue: c.cue.map(slice).unwrap_or_default(),
            content,
            date,
            date_text,
            start: chars.0,
            end: chars.1,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate;
    use crate::calendar::CalendarDate;
    use crate::views::claims_table;

    #[test]
    fn the_export_dates_claims_as_the_claims_table_does() {
        let text = "On Monday, Armenia said the village fell on Sunday.\n\
                    Turkey denied sending fighters for three days.\n\
                    \"We will win,\" Aliyev said at 18:50 on Tuesday.";
        let doc = annotate("d", text, CalendarDate::new(2020, 9, 30));
        let exported = rows(&doc, &ExportOptions::default());
        let table = claims_table(&doc);
        assert!(!table.is_empty());
        assert_eq!(exported.len(), table.len());
        for (e, t) in exported.iter().zip(&table) {
            let d = t.date.as_ref().unwrap();
            assert_eq!(
                (e.date.as_str(), e.date_text.as_str()),
                (d.shown(), d.written())
            );
        }
        // Without suggestions, an export dates by the accepted dates only.
        let options = ExportOptions {
            include_suggestions: false,
            ..ExportOptions::default()
        };
        assert!(rows(&doc, &options).is_empty());
    }
}

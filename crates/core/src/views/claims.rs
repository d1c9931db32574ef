//! The claims table, "who claimed what, when": one row per claim with its source,
//! stance, content and the date it refers to. The date follows the one rule of
//! [`super::claim_date`], which the exports share.

use std::cmp::Ordering;

use crate::model::{AnnotationId, Attrs, Document, Layer, Stance, Status};
use crate::text::ByteSpan;

use super::claim_date::{ClaimDate, ClaimDating};

/// One row of the claims table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimRow {
    /// The claim (click jumps to it).
    pub id: AnnotationId,
    /// The claim's span (its content's hull).
    pub span: ByteSpan,
    /// Who claims it: the source's entity, else the source's text.
    pub source: Option<String>,
    /// Where the source is in the text.
    pub source_span: Option<ByteSpan>,
    /// What the source does with the content.
    pub stance: Option<Stance>,
    /// What is claimed (pieces joined by ` … `, white space collapsed).
    pub content: String,
    /// When.
    pub date: Option<ClaimDate>,
}

/// A column to sort the table by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimColumn {
    /// Order in the text.
    Position,
    /// Source name.
    Source,
    /// Stance name.
    Stance,
    /// Content text.
    Content,
    /// The claim's date, in time order.
    Date,
}

/// The claims of `doc` in text order.
///
/// # Example
/// ```
/// use claimlens_core::calendar::CalendarDate;
/// use claimlens_core::model::*;
/// use claimlens_core::text::ByteSpan;
/// use claimlens_core::views::{claims_table, DateBasis};
/// let text = "Baku said the village fell.";
/// let mut doc = Document::new("d", text, CalendarDate::new(2020, 9, 28));
/// let span = |a, b| ByteSpan::from_raw(a, b).unwrap();
/// doc.add(span(10, 26), Attrs::Claim(ClaimAttrs { kind: ClaimKind::Indirect,
///     source: Some(span(0, 4)), cue: Some(span(5, 9)), fragments: vec![],
///     stance: Some(Stance::Assert), source_entity: Some("Azerbaijan".into()) }),
///     Origin::Auto, Status::Suggested);
/// let rows = claims_table(&doc);
/// assert_eq!(rows[0].source.as_deref(), Some("Azerbaijan"));
/// assert_eq!(rows[0].content, "the village fell");
/// assert_eq!(rows[0].date.as_ref().map(|d| d.basis), Some(DateBasis::DocumentDate));
/// ```
pub fn claims_table(doc: &Document) -> Vec<ClaimRow> {
    let text = doc.text.as_str();
    let dating = ClaimDating::new(doc, |a| a.status != Status::Rejected);
    let mut rows = Vec::new();
    for a in doc.layer(Layer::Claim) {
        let Attrs::Claim(c) = &a.attrs else { continue };
        if a.status == Status::Rejected {
            continue;
        }
        let source = c.source_entity.clone().or_else(|| {
            c.source
                .and_then(|s| s.slice(text))
                .map(collapse)
                .filter(|s| !s.is_empty())
        });
        let pieces: Vec<String> = if c.fragments.is_empty() {
            vec![collapse(a.span.slice(text).unwrap_or(""))]
        } else {
            c.fragments
                .iter()
                .map(|f| collapse(f.slice(text).unwrap_or("")))
                .collect()
        };
        rows.push(ClaimRow {
            id: a.id,
            span: a.span,
            source,
            source_span: c.source,
            stance: c.stance,
            content: pieces.join(" … "),
            date: dating.date_of(a),
        });
    }
    rows
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sorts rows by `column`; rows missing that column's value come last either way,
/// and ties keep text order.
pub fn sort_claims(rows: &mut [ClaimRow], column: ClaimColumn, ascending: bool) {
    fn by<T: Ord>(a: Option<T>, b: Option<T>, ascending: bool) -> Ordering {
        match (a, b) {
            (Some(x), Some(y)) if ascending => x.cmp(&y),
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
    crate::order::sort_by(rows, |a, b| {
        let primary = match column {
            ClaimColumn::Position => by(Some(a.span), Some(b.span), ascending),
            ClaimColumn::Source => by(
                a.source.as_ref().map(|s| s.to_lowercase()),
                b.source.as_ref().map(|s| s.to_lowercase()),
                ascending,
            ),
            ClaimColumn::Stance => by(
                a.stance.map(Stance::name),
                b.stance.map(Stance::name),
                ascending,
            ),
            ClaimColumn::Content => by(
                Some(a.content.to_lowercase()),
                Some(b.content.to_lowercase()),
                ascending,
            ),
            ClaimColumn::Date => by(
                a.date.as_ref().and_then(|d| d.place),
                b.date.as_ref().and_then(|d| d.place),
                ascending,
            ),
        };
        primary.then_with(|| a.span.cmp(&b.span))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarDate;
    use crate::model::{ClaimAttrs, ClaimKind, DateAttrs, DateKind, Origin};
    use crate::test_support::span_of;
    use crate::views::DateBasis;

    const TEXT: &str = "On Monday, Armenia said the village fell on Sunday. \
Turkey denied sending fighters. \"We will win,\" Aliyev said.";

    fn span(s: &str) -> ByteSpan {
        span_of(TEXT, s)
    }

    fn doc(dct: Option<CalendarDate>) -> Document {
        let mut doc = Document::new("d", TEXT, dct);
        let mut claim =
            |content: &str, source: Option<&str>, entity: Option<&str>, cue: &str, stance| {
                doc.add(
                    span(content),
                    Attrs::Claim(ClaimAttrs {
                        kind: ClaimKind::Indirect,
                        source: source.map(span),
                        cue: Some(span(cue)),
                        fragments: vec![],
                        stance,
                        source_entity: entity.map(str::to_string),
                    }),
                    Origin::Auto,
                    Status::Suggested,
                )
            };
        claim(
            "the village fell on Sunday",
            Some("Armenia"),
            None,
            "said",
            Some(Stance::Assert),
        );
        claim(
            "sending fighters",
            Some("Turkey"),
            Some("Turkey"),
            "denied",
            Some(Stance::Deny),
        );
        claim("We will win", None, None, "Aliyev said", None);
        for (s, v) in [("Monday", "2020-09-28"), ("Sunday", "2020-09-27")] {
            doc.add(
                span(s),
                Attrs::Date(DateAttrs {
                    kind: DateKind::Date,
                    value: Some(v.into()),
                }),
                Origin::Auto,
                Status::Suggested,
            );
        }
        doc
    }

    #[test]
    fn who_claimed_what_when() {
        let rows = claims_table(&doc(CalendarDate::new(2020, 9, 29)));
        type Summary<'r> = (Option<&'r str>, &'r str, Option<(&'r str, DateBasis)>);
        let summary: Vec<Summary> = rows
            .iter()
            .map(|r| {
                (
                    r.source.as_deref(),
                    r.content.as_str(),
                    r.date.as_ref().map(|d| (d.text.as_str(), d.basis)),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                (
                    Some("Armenia"),
                    "the village fell on Sunday",
                    Some(("Sunday", DateBasis::InContent))
                ),
                (
                    Some("Turkey"),
                    "sending fighters",
                    Some(("2020-09-29", DateBasis::DocumentDate))
                ),
                (
                    None,
                    "We will win",
                    Some(("2020-09-29", DateBasis::DocumentDate))
                ),
            ]
        );
        let no_dct = claims_table(&doc(None));
        assert_eq!(no_dct[1].date, None);
    }

    #[test]
    fn the_sentence_date_when_the_content_has_none() {
        let mut d = doc(None);
        d.annotations.retain(|a| a.span != span("Sunday"));
        let rows = claims_table(&d);
        let date = rows[0].date.as_ref().unwrap();
        assert_eq!(
            (date.text.as_str(), date.basis),
            ("Monday", DateBasis::InSentence)
        );
    }

    #[test]
    fn sorts_by_each_column_with_blanks_last() {
        let mut rows = claims_table(&doc(None));
        let order = |rows: &[ClaimRow]| rows.iter().map(|r| r.content.clone()).collect::<Vec<_>>();
        sort_claims(&mut rows, ClaimColumn::Source, false);
        assert_eq!(
            order(&rows),
            [
                "sending fighters",
                "the village fell on Sunday",
                "We will win"
            ]
        );
        sort_claims(&mut rows, ClaimColumn::Stance, true);
        assert_eq!(order(&rows)[0], "the village fell on Sunday");
        sort_claims(&mut rows, ClaimColumn::Content, true);
        assert_eq!(order(&rows)[0], "sending fighters");
        sort_claims(&mut rows, ClaimColumn::Date, true);
        assert_eq!(order(&rows)[0], "the village fell on Sunday");
        sort_claims(&mut rows, ClaimColumn::Position, true);
        assert_eq!(order(&rows)[2], "We will win");
    }
}

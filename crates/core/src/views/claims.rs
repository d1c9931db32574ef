//! The claims table, "who claimed what, when": one row per claim with its source,
//! stance, content and the date it refers to.
//!
//! The date of a claim is the nearest date (or time) annotation inside its content
//! ("Armenia said [the village fell on Sunday]"); failing that, the nearest one in the
//! same sentence ("On Sunday, Armenia said [...]"); failing that, the document's own
//! date, when the article was presumably written. "Nearest" is measured from the cue
//! when there is one (the moment of saying), else from the content.

use std::cmp::Ordering;

use crate::edit::stance_name;
use crate::model::{Annotation, AnnotationId, Attrs, DateKind, Document, Layer, Stance, Status};
use crate::text::{sentences, ByteSpan};
use crate::timeml::{self, TimePoint};

/// Where a claim's date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateBasis {
    /// A date inside the claim's content.
    InContent,
    /// A date elsewhere in the claim's sentence.
    InSentence,
    /// The document's creation date.
    DocumentDate,
}

/// The date a claim refers to or was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimDate {
    /// The date annotation (`None` for the document date).
    pub id: Option<AnnotationId>,
    /// Its text (the document date written `YYYY-MM-DD`).
    pub text: String,
    /// Its TimeML value.
    pub value: Option<String>,
    /// Where it sits in time, for sorting.
    pub place: Option<TimePoint>,
    /// Where it was found.
    pub basis: DateBasis,
}

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
    let dates: Vec<&Annotation> = doc
        .layer(Layer::Date)
        .filter(|a| a.status != Status::Rejected)
        .filter(|a| matches!(&a.attrs, Attrs::Date(d) if matches!(d.kind, DateKind::Date | DateKind::Time)))
        .collect();
    let sentence_spans = if dates.is_empty() {
        Vec::new()
    } else {
        sentences(text)
    };
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
        let anchor = c.cue.unwrap_or(a.span);
        let sentence = sentence_spans
            .iter()
            .find(|s| s.start() <= a.span.start() && a.span.start() < s.end())
            .copied();
        rows.push(ClaimRow {
            id: a.id,
            span: a.span,
            source,
            source_span: c.source,
            stance: c.stance,
            content: pieces.join(" … "),
            date: claim_date(doc, &dates, a.span, sentence, anchor),
        });
    }
    rows
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Distance in bytes between two spans (0 when they overlap or touch).
fn gap(a: ByteSpan, b: ByteSpan) -> usize {
    if b.start() >= a.end() {
        b.start().0 - a.end().0
    } else if a.start() >= b.end() {
        a.start().0 - b.end().0
    } else {
        0
    }
}

fn claim_date(
    doc: &Document,
    dates: &[&Annotation],
    content: ByteSpan,
    sentence: Option<ByteSpan>,
    anchor: ByteSpan,
) -> Option<ClaimDate> {
    let nearest = |within: ByteSpan| {
        dates
            .iter()
            .filter(|d| within.contains(&d.span))
            .min_by_key(|d| (gap(anchor, d.span), d.span.start()))
    };
    let found = nearest(content)
        .map(|d| (d, DateBasis::InContent))
        .or_else(|| {
            sentence
                .and_then(nearest)
                .map(|d| (d, DateBasis::InSentence))
        });
    if let Some((d, basis)) = found {
        let value = match &d.attrs {
            Attrs::Date(x) => x.value.clone(),
            _ => None,
        };
        return Some(ClaimDate {
            id: Some(d.id),
            text: d.span.slice(&doc.text).unwrap_or("").to_string(),
            place: value.as_deref().and_then(timeml::place),
            value,
            basis,
        });
    }
    doc.dct.map(|dct| {
        let v = dct.to_string();
        ClaimDate {
            id: None,
            text: v.clone(),
            place: timeml::place(&v),
            value: Some(v),
            basis: DateBasis::DocumentDate,
        }
    })
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
                a.stance.map(stance_name),
                b.stance.map(stance_name),
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
    use crate::model::{ClaimAttrs, ClaimKind, DateAttrs, Origin};

    const TEXT: &str = "On Monday, Armenia said the village fell on Sunday. \
Turkey denied sending fighters. \"We will win,\" Aliyev said.";

    fn span(s: &str) -> ByteSpan {
        let i = TEXT.find(s).unwrap();
        ByteSpan::from_raw(i, i + s.len()).unwrap()
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

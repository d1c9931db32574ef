//! The one rule that says when a claim was made or refers to, shared by the claims
//! table ([`super::claims_table`]) and the exports' claim rows
//! (`formats::claim_rows`: CSV and the HTML report), so the editor and the files
//! never disagree:
//!
//! 1. a date or time inside the claim's content ("Armenia said [the village fell on
//!    Sunday]"): the one nearest the cue (the moment of saying), else nearest the
//!    content's start;
//! 2. else one in the claim's sentence outside its content: the nearest one before
//!    the cue (or the content), as in "On Monday, Armenia said ..." or a live blog's
//!    "18:50 GMT - X says ..."; failing that, the first one after it ("X said on
//!    Monday that ...");
//! 3. else the document's own date, when the article was presumably written.
//!
//! Only dates and times count: a duration ("for three days") or a set ("every
//! Monday") says how long or how often, not when.

use crate::model::{Annotation, AnnotationId, Attrs, DateKind, Document, Layer};
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

impl ClaimDate {
    /// The date as a table or file shows it: its normalised value when known, else
    /// its text.
    pub fn shown(&self) -> &str {
        self.value.as_deref().unwrap_or(&self.text)
    }

    /// The date as written in the text; empty for the document date.
    pub fn written(&self) -> &str {
        match self.basis {
            DateBasis::DocumentDate => "",
            _ => &self.text,
        }
    }
}

/// Dates claims of one document: the sentences and the candidate dates are found
/// once, then [`ClaimDating::date_of`] costs a binary search or two per claim.
///
/// # Example
/// ```
/// use claimlens_core::model::*;
/// use claimlens_core::text::ByteSpan;
/// use claimlens_core::views::{ClaimDating, DateBasis};
/// let text = "On Monday, Baku said the village fell.";
/// let mut doc = Document::new("d", text, None);
/// let span = |a, b| ByteSpan::from_raw(a, b).unwrap();
/// doc.add(span(3, 9), Attrs::Date(DateAttrs { kind: DateKind::Date,
///     value: Some("2020-09-28".into()) }), Origin::Auto, Status::Suggested);
/// doc.add(span(21, 37), Attrs::Claim(ClaimAttrs { kind: ClaimKind::Indirect,
///     source: Some(span(11, 15)), cue: Some(span(16, 20)), fragments: vec![],
///     stance: None, source_entity: None }), Origin::Auto, Status::Suggested);
/// doc.sort();
/// let dating = ClaimDating::new(&doc, |a| a.status != Status::Rejected);
/// let claim = doc.layer(Layer::Claim).next().unwrap();
/// let date = dating.date_of(claim).unwrap();
/// assert_eq!((date.text.as_str(), date.basis), ("Monday", DateBasis::InSentence));
/// ```
#[derive(Debug, Clone)]
pub struct ClaimDating<'d> {
    doc: &'d Document,
    /// Candidate dates, in text order.
    dates: Vec<&'d Annotation>,
    /// The text's sentences, only split when there is a date to find in them.
    sentences: Vec<ByteSpan>,
}

impl<'d> ClaimDating<'d> {
    /// Dating for `doc`, taking only the date annotations `keep` admits (the table
    /// leaves out rejected ones; an export also leaves out what it does not export).
    pub fn new(doc: &'d Document, keep: impl Fn(&Annotation) -> bool) -> Self {
        let mut dates: Vec<&Annotation> = doc
            .layer(Layer::Date)
            .filter(|a| is_when(a) && keep(a))
            .collect();
        // The document keeps its annotations sorted, but a hand-built one may not.
        crate::order::sort_by_key(&mut dates, |a| (a.span.start(), a.span.end()));
        let sentences = if dates.is_empty() {
            Vec::new()
        } else {
            sentences(&doc.text)
        };
        ClaimDating {
            doc,
            dates,
            sentences,
        }
    }

    /// The date of `claim` (an annotation on the claim layer; any other annotation is
    /// dated by its span alike), or `None` when nothing dates it and the document has
    /// no date.
    pub fn date_of(&self, claim: &Annotation) -> Option<ClaimDate> {
        let content = claim.span;
        let anchor = match &claim.attrs {
            Attrs::Claim(c) => c.cue.unwrap_or(content),
            _ => content,
        };
        if let Some(d) = self.in_content(content, anchor) {
            return Some(self.found(d, DateBasis::InContent));
        }
        if let Some(d) = self.in_sentence(content, anchor) {
            return Some(self.found(d, DateBasis::InSentence));
        }
        self.doc.dct.map(|dct| {
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

    /// The dates lying wholly inside `within`, in text order.
    fn inside(&self, within: ByteSpan) -> impl Iterator<Item = &'d Annotation> + '_ {
        let first = self
            .dates
            .partition_point(|d| d.span.start() < within.start());
        self.dates[first..]
            .iter()
            .copied()
            .take_while(move |d| d.span.start() < within.end())
            .filter(move |d| within.contains(&d.span))
    }

    fn in_content(&self, content: ByteSpan, anchor: ByteSpan) -> Option<&'d Annotation> {
        self.inside(content)
            .min_by_key(|d| (gap(anchor, d.span), d.span.start()))
    }

    fn in_sentence(&self, content: ByteSpan, anchor: ByteSpan) -> Option<&'d Annotation> {
        let at = content.start();
        let i = self.sentences.partition_point(|s| s.end() <= at);
        let sentence = self.sentences.get(i).filter(|s| s.start() <= at)?;
        let (mut before, mut after) = (None, None);
        for d in self
            .inside(*sentence)
            .filter(|d| !content.contains(&d.span))
        {
            if d.span.start() < anchor.start() {
                before = Some(d);
            } else if after.is_none() {
                after = Some(d);
            }
        }
        before.or(after)
    }

    fn found(&self, d: &Annotation, basis: DateBasis) -> ClaimDate {
        let value = match &d.attrs {
            Attrs::Date(x) => x.value.clone(),
            _ => None,
        };
        ClaimDate {
            id: Some(d.id),
            text: d.span.slice(&self.doc.text).unwrap_or("").to_string(),
            place: value.as_deref().and_then(timeml::place),
            value,
            basis,
        }
    }
}

/// True for a date or time: the kinds that say when.
fn is_when(a: &Annotation) -> bool {
    matches!(&a.attrs, Attrs::Date(d) if matches!(d.kind, DateKind::Date | DateKind::Time))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::CalendarDate;
    use crate::model::{ClaimKind, DateAttrs, Origin, Status};
    use crate::test_support::{claim_attrs, span_of};

    /// A document with the claim `content` (cue `cue`) and the dates `dates`.
    fn doc(text: &str, content: &str, cue: Option<&str>, dates: &[(&str, DateKind)]) -> Document {
        let mut doc = Document::new("d", text, CalendarDate::new(2020, 9, 30));
        doc.add(
            span_of(text, content),
            Attrs::Claim(claim_attrs(
                ClaimKind::Indirect,
                None,
                cue.map(|c| span_of(text, c)),
            )),
            Origin::Auto,
            Status::Suggested,
        );
        for (i, &(d, kind)) in dates.iter().enumerate() {
            doc.add(
                span_of(text, d),
                Attrs::Date(DateAttrs {
                    kind,
                    value: Some(format!("2020-09-{:02}", 20 + i)),
                }),
                Origin::Auto,
                Status::Suggested,
            );
        }
        doc.sort();
        doc
    }

    fn date(doc: &Document) -> (String, DateBasis) {
        let dating = ClaimDating::new(doc, |_| true);
        let claim = doc.layer(Layer::Claim).next().unwrap();
        let d = dating.date_of(claim).unwrap();
        (d.written().to_string(), d.basis)
    }

    #[test]
    fn a_date_in_the_content_comes_first_nearest_the_cue() {
        let text = "On Monday, Baku said that on Friday the village fell on Sunday.";
        let d = doc(
            text,
            "on Friday the village fell on Sunday",
            Some("said"),
            &[
                ("Monday", DateKind::Date),
                ("Friday", DateKind::Date),
                ("Sunday", DateKind::Date),
            ],
        );
        assert_eq!(date(&d), ("Friday".into(), DateBasis::InContent));
    }

    #[test]
    fn in_the_sentence_the_nearest_before_the_cue_else_the_first_after() {
        let text = "Earlier, on Monday at 18:50, Baku said the village fell. Tuesday came.";
        let d = doc(
            text,
            "the village fell",
            Some("said"),
            &[
                ("Monday", DateKind::Date),
                ("18:50", DateKind::Time),
                ("Tuesday", DateKind::Date),
            ],
        );
        assert_eq!(date(&d), ("18:50".into(), DateBasis::InSentence));
        let text = "Baku said on Monday and again on Friday that the village fell.";
        let d = doc(
            text,
            "the village fell",
            Some("said"),
            &[("Monday", DateKind::Date), ("Friday", DateKind::Date)],
        );
        assert_eq!(date(&d), ("Monday".into(), DateBasis::InSentence));
    }

    #[test]
    fn durations_sets_other_sentences_and_dropped_dates_do_not_count() {
        let text = "On Monday it rained. For three days Baku said the village fell.";
        let d = doc(
            text,
            "the village fell",
            Some("said"),
            &[
                ("Monday", DateKind::Date),
                ("three days", DateKind::Duration),
            ],
        );
        assert_eq!(date(&d), (String::new(), DateBasis::DocumentDate));
        let dating = ClaimDating::new(&d, |_| false);
        let claim = d.layer(Layer::Claim).next().unwrap();
        assert_eq!(dating.date_of(claim).unwrap().shown(), "2020-09-30");
        let mut undated = d.clone();
        undated.dct = None;
        let dating = ClaimDating::new(&undated, |_| true);
        assert_eq!(dating.date_of(claim), None);
    }
}

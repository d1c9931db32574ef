//! Live checks: annotations that are probably incomplete or doubled. Each issue names
//! the annotation and says what to do. Rejected annotations are never flagged: they
//! are not labels.

use std::collections::HashMap;

use crate::model::{AnnotationId, Attrs, Document, Layer, Status};
use crate::timeml;

/// What is wrong with an annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IssueKind {
    /// A claim with no source.
    ClaimWithoutSource,
    /// A date with no TimeML value.
    DateWithoutValue,
    /// A date whose value TimeML does not allow (from an import or an extractor).
    InvalidDateValue,
    /// Another annotation of the same layer has exactly the same span.
    Duplicate {
        /// The first annotation on that span.
        of: AnnotationId,
    },
}

/// One flagged annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The annotation flagged.
    pub id: AnnotationId,
    /// What is wrong.
    pub kind: IssueKind,
    /// What is wrong and what to do, for the person.
    pub message: String,
}

/// Every issue in the document, in document order. Linear in the number of
/// annotations, so it can run after every edit.
///
/// # Example
/// ```
/// use claimlens_core::model::{Attrs, DateAttrs, DateKind, Document, Origin, Status};
/// use claimlens_core::review::{check, IssueKind};
/// use claimlens_core::text::ByteSpan;
/// let mut doc = Document::new("d", "on Sunday", None);
/// let span = ByteSpan::from_raw(3, 9).unwrap();
/// let date = Attrs::Date(DateAttrs { kind: DateKind::Date, value: None });
/// doc.add(span, date, Origin::Manual, Status::Accepted);
/// assert_eq!(check(&doc)[0].kind, IssueKind::DateWithoutValue);
/// ```
pub fn check(doc: &Document) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut first_on: HashMap<(usize, usize, Layer), AnnotationId> = HashMap::new();
    for a in &doc.annotations {
        if a.status == Status::Rejected {
            continue;
        }
        let key = (a.span.start().0, a.span.end().0, a.layer());
        let quoted = a.span.slice(&doc.text).unwrap_or("");
        if let Some(&of) = first_on.get(&key) {
            out.push(Issue {
                id: a.id,
                kind: IssueKind::Duplicate { of },
                message: format!(
                    "{} #{} duplicates #{} on \"{quoted}\": delete or reject one of them",
                    a.layer().name(),
                    a.id.0,
                    of.0
                ),
            });
        } else {
            first_on.insert(key, a.id);
        }
        match &a.attrs {
            Attrs::Claim(c) if c.source.is_none() => out.push(Issue {
                id: a.id,
                kind: IssueKind::ClaimWithoutSource,
                message: format!(
                    "claim #{} \"{quoted}\" has no source: pick who makes the claim",
                    a.id.0
                ),
            }),
            Attrs::Date(d) => match &d.value {
                None => out.push(Issue {
                    id: a.id,
                    kind: IssueKind::DateWithoutValue,
                    message: format!(
                        "date #{} \"{quoted}\" has no value: type its TimeML value \
                         (2020-09-27, P6W, PAST_REF)",
                        a.id.0
                    ),
                }),
                Some(v) if !timeml::is_valid(v) => out.push(Issue {
                    id: a.id,
                    kind: IssueKind::InvalidDateValue,
                    message: format!(
                        "date #{} \"{quoted}\" has the value `{v}`, which is not TimeML: \
                         correct it",
                        a.id.0
                    ),
                }),
                Some(_) => {}
            },
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Origin};
    use crate::text::ByteSpan;

    #[test]
    fn flags_missing_sources_values_and_duplicates() {
        let text = "Baku said the talks failed on Sunday.";
        let mut doc = Document::new("d", text, None);
        let span = |s: &str| {
            let i = text.find(s).unwrap();
            ByteSpan::from_raw(i, i + s.len()).unwrap()
        };
        let baku = Attrs::Actor(ActorAttrs {
            kind: ActorKind::Country,
            entity: "Azerbaijan".into(),
        });
        let a = doc.add(span("Baku"), baku.clone(), Origin::Auto, Status::Suggested);
        let b = doc.add(span("Baku"), baku.clone(), Origin::Manual, Status::Accepted);
        doc.add(span("Baku"), baku, Origin::Auto, Status::Rejected);
        let claim = doc.add(
            span("the talks failed"),
            Attrs::Claim(ClaimAttrs {
                kind: ClaimKind::Indirect,
                source: None,
                cue: Some(span("said")),
                fragments: vec![],
                stance: None,
                source_entity: None,
            }),
            Origin::Auto,
            Status::Suggested,
        );
        let bad = doc.add(
            span("Sunday"),
            Attrs::Date(DateAttrs {
                kind: DateKind::Date,
                value: Some("Sunday".into()),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        let issues = check(&doc);
        let kinds: Vec<(AnnotationId, IssueKind)> =
            issues.iter().map(|i| (i.id, i.kind.clone())).collect();
        assert_eq!(
            kinds,
            [
                (b, IssueKind::Duplicate { of: a }),
                (claim, IssueKind::ClaimWithoutSource),
                (bad, IssueKind::InvalidDateValue),
            ]
        );
        assert!(issues[0].message.contains("duplicates #1 on \"Baku\""));
        assert!(check(&Document::new("e", "", None)).is_empty());
    }
}

//! Live checks: annotations that are probably incomplete or doubled. Each issue names
//! the annotation and says what to do. Rejected annotations are never flagged: they
//! are not labels. [`check`] looks at the whole document; after an edit, [`recheck`]
//! looks only at what the edit touched.

use std::collections::{HashMap, HashSet};

use crate::edit::Patch;
use crate::model::{Annotation, AnnotationId, Attrs, Document, Layer, Status};
use crate::text::ByteSpan;
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
    /// Its span.
    pub span: ByteSpan,
    /// Its layer.
    pub layer: Layer,
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
    let live = doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected);
    // A document keeps its annotations sorted by span and layer (`Document::sort`), so
    // duplicates sit side by side: the first of each run is the one kept, with no map
    // (a map of 200,000 keys took most of this pass at 10 MB). A document whose
    // annotations are out of order is looked up in a map, as before.
    if doc.annotations.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        let mut run: Option<(Key, AnnotationId)> = None;
        for a in live {
            let k = key(a);
            let first = match run {
                Some((on, first)) if on == k => first,
                _ => {
                    run = Some((k, a.id));
                    a.id
                }
            };
            flag(doc, a, (first != a.id).then_some(first), &mut out);
        }
        return out;
    }
    let mut first_on: HashMap<Key, AnnotationId> = HashMap::new();
    for a in live {
        let first = *first_on.entry(key(a)).or_insert(a.id);
        flag(doc, a, (first != a.id).then_some(first), &mut out);
    }
    out
}

/// What makes two annotations duplicates: the same span on the same layer.
type Key = (usize, usize, Layer);

fn key(a: &Annotation) -> Key {
    (a.span.start().0, a.span.end().0, a.layer())
}

/// Where an issue sits in a sorted document: its annotation's sort key.
fn place(i: &Issue) -> (usize, usize, Layer, AnnotationId) {
    (i.span.start().0, i.span.end().0, i.layer, i.id)
}

/// The issues after `patch` was applied to `doc`, from `before`, the issues of the
/// document before the patch: only the annotations the patch changed, and those on
/// the same span and layer as one of them (their duplicates), are checked again, so
/// the cost follows the edit rather than the document. `doc` must be sorted, as
/// [`Patch::apply_to`] leaves it; the result is then what [`check`] gives, in
/// document order.
///
/// # Example
/// ```
/// use claimlens_core::edit::{apply, Edit};
/// use claimlens_core::model::{Attrs, DateAttrs, DateKind, Document, Origin, Status};
/// use claimlens_core::review::{check, recheck};
/// use claimlens_core::text::ByteSpan;
/// let mut doc = Document::new("d", "on Sunday", None);
/// let date = Attrs::Date(DateAttrs { kind: DateKind::Date, value: None });
/// let id = doc.add(ByteSpan::from_raw(3, 9).unwrap(), date, Origin::Auto, Status::Suggested);
/// let issues = check(&doc);
/// let edit = Edit::SetDateValue { id, value: Some("2020-09-27".into()) };
/// let patch = apply(&doc, &edit).unwrap();
/// patch.apply_to(&mut doc).unwrap();
/// assert!(recheck(&doc, &issues, &patch).is_empty());
/// ```
pub fn recheck(doc: &Document, before: &[Issue], patch: &Patch) -> Vec<Issue> {
    let mut keys: Vec<Key> = patch.removed().chain(patch.added()).map(key).collect();
    crate::order::sort(&mut keys);
    keys.dedup();
    let mut affected: HashSet<AnnotationId> = patch.changes().iter().map(|c| c.id).collect();
    let mut fresh: Vec<Issue> = Vec::new();
    let list = &doc.annotations;
    for k in keys {
        let from = list.partition_point(|a| key(a) < k);
        let mut first = None;
        for a in list[from..].iter().take_while(|a| key(a) == k) {
            affected.insert(a.id);
            if a.status == Status::Rejected {
                continue;
            }
            let of = *first.get_or_insert(a.id);
            flag(doc, a, (of != a.id).then_some(of), &mut fresh);
        }
    }
    let mut kept: Vec<Issue> = before
        .iter()
        .filter(|i| !affected.contains(&i.id))
        .cloned()
        .collect();
    crate::order::sort_by_key(&mut kept, place);
    crate::order::sort_by_key(&mut fresh, place);
    // Two sorted lists into one; an annotation's issues are all in one of them.
    let mut out = Vec::with_capacity(kept.len() + fresh.len());
    let (mut k, mut f) = (kept.into_iter().peekable(), fresh.into_iter().peekable());
    loop {
        let take_kept = match (k.peek(), f.peek()) {
            (Some(x), Some(y)) => place(x) <= place(y),
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        out.extend(if take_kept { k.next() } else { f.next() });
    }
    out
}

/// The issues of one annotation (not rejected); `duplicate_of` is the first
/// annotation on its span and layer when that is another one.
fn flag(doc: &Document, a: &Annotation, duplicate_of: Option<AnnotationId>, out: &mut Vec<Issue>) {
    let quoted = a.span.slice(&doc.text).unwrap_or("");
    let issue = |kind: IssueKind, message: String| Issue {
        id: a.id,
        span: a.span,
        layer: a.layer(),
        kind,
        message,
    };
    if let Some(of) = duplicate_of {
        out.push(issue(
            IssueKind::Duplicate { of },
            format!(
                "{} #{} duplicates #{} on \"{quoted}\": delete or reject one of them",
                a.layer().name(),
                a.id.0,
                of.0
            ),
        ));
    }
    match &a.attrs {
        Attrs::Claim(c) if c.source.is_none() => out.push(issue(
            IssueKind::ClaimWithoutSource,
            format!(
                "claim #{} \"{quoted}\" has no source: pick who makes the claim",
                a.id.0
            ),
        )),
        Attrs::Date(d) => match &d.value {
            None => out.push(issue(
                IssueKind::DateWithoutValue,
                format!(
                    "date #{} \"{quoted}\" has no value: type its TimeML value \
                     (2020-09-27, P6W, PAST_REF)",
                    a.id.0
                ),
            )),
            Some(v) if !timeml::is_valid(v) => out.push(issue(
                IssueKind::InvalidDateValue,
                format!(
                    "date #{} \"{quoted}\" has the value `{v}`, which is not TimeML: \
                     correct it",
                    a.id.0
                ),
            )),
            Some(_) => {}
        },
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, ClaimKind, DateAttrs, DateKind, Origin};
    use crate::test_support::{claim_attrs, span_of};

    #[test]
    fn flags_missing_sources_values_and_duplicates() {
        let text = "Baku said the talks failed on Sunday.";
        let mut doc = Document::new("d", text, None);
        let span = |s: &str| span_of(text, s);
        let baku = Attrs::Actor(ActorAttrs {
            kind: ActorKind::Country,
            entity: "Azerbaijan".into(),
        });
        let a = doc.add(span("Baku"), baku.clone(), Origin::Auto, Status::Suggested);
        let b = doc.add(span("Baku"), baku.clone(), Origin::Manual, Status::Accepted);
        doc.add(span("Baku"), baku, Origin::Auto, Status::Rejected);
        let claim = doc.add(
            span("the talks failed"),
            Attrs::Claim(claim_attrs(ClaimKind::Indirect, None, Some(span("said")))),
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
        // Out of order (never so in the app, but a document can be built so), the
        // duplicate is still found, the first in the list counting as the original.
        doc.annotations.reverse();
        let kinds: Vec<(AnnotationId, IssueKind)> =
            check(&doc).iter().map(|i| (i.id, i.kind.clone())).collect();
        assert!(
            kinds.contains(&(a, IssueKind::Duplicate { of: b })),
            "{kinds:?}"
        );
        assert_eq!(kinds.len(), 3, "{kinds:?}");
    }

    #[test]
    fn rechecking_after_each_edit_gives_what_a_full_check_gives() {
        use crate::edit::{apply, Decision, Edit};
        let text = "Baku said the talks failed on Sunday. Yerevan denied it on Monday.";
        let span = |s: &str| span_of(text, s);
        let mut doc = crate::annotate("d", text, None);
        let mut issues = check(&doc);
        let mut seen_duplicate = false;
        let first_date = doc.layer(Layer::Date).next().map(|a| a.id).unwrap();
        let first_claim = doc.layer(Layer::Claim).next().map(|a| a.id).unwrap();
        let actors: Vec<AnnotationId> = doc.layer(Layer::Actor).map(|a| a.id).collect();
        assert!(actors.len() >= 2, "{:?}", doc.annotations);
        let edits = [
            // Onto another actor's span: a duplicate appears, then goes again.
            Edit::SetSpan {
                id: actors[0],
                span: span("Yerevan"),
            },
            Edit::SetSpan {
                id: actors[0],
                span: span("Baku"),
            },
            Edit::SetSpan {
                id: actors[1],
                span: span("Baku"),
            },
            Edit::Create {
                span: span("Baku"),
                layer: Layer::Date,
                kind: None,
            },
            Edit::Create {
                span: span("Baku"),
                layer: Layer::Actor,
                kind: None,
            },
            Edit::SetSource {
                id: first_claim,
                source: None,
            },
            Edit::SetDateValue {
                id: first_date,
                value: None,
            },
            Edit::SetLayer {
                id: first_date,
                layer: Layer::Actor,
            },
            Edit::ReviewAll {
                decision: Decision::Reject,
                layer: Some(Layer::Actor),
                within: None,
            },
            Edit::Delete(first_claim),
        ];
        for edit in &edits {
            let Ok(patch) = apply(&doc, edit) else {
                continue;
            };
            patch.apply_to(&mut doc).unwrap();
            issues = recheck(&doc, &issues, &patch);
            assert_eq!(issues, check(&doc), "after {edit:?}");
            seen_duplicate |= issues
                .iter()
                .any(|i| matches!(i.kind, IssueKind::Duplicate { .. }));
        }
        assert!(seen_duplicate);
        assert!(issues
            .iter()
            .any(|i| matches!(i.kind, IssueKind::DateWithoutValue)));
    }
}

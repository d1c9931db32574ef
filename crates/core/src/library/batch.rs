//! What a batch of automatic annotation does to a library document that may already
//! hold annotations: fresh suggestions land beside everything a person made or
//! decided, and replace only the untouched suggestions of an earlier run.
//!
//! The rule, for one document and the annotator's fresh result on the same text:
//! - every annotation made by hand, accepted or rejected is kept exactly (id, span,
//!   attributes, status);
//! - untouched automatic suggestions (automatic and still suggested) are dropped: the
//!   fresh run stands for them (a better extractor may have changed them);
//! - a fresh suggestion on the same layer and span as a kept annotation is dropped,
//!   since a person has decided there;
//! - the other fresh suggestions are added with new ids (after every id the document
//!   ever handed out, so an old reference never points at a new annotation);
//! - a document without a creation date takes the one the run inferred;
//! - a result for a text that changed meanwhile (a clean-up ran) is not applied.

use crate::model::{Document, Origin, Status};

/// What merging a fresh run into a document gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Merge {
    /// The document with the fresh suggestions.
    Changed(Document),
    /// The run found exactly what the document already holds.
    Unchanged,
    /// The document's text is no longer the text the run annotated.
    TextChanged,
}

/// Merges the fresh result `fresh` (an annotated copy of the document) into
/// `current` by the rule of this module.
pub fn merge_suggestions(current: &Document, fresh: &Document) -> Merge {
    if current.text != fresh.text {
        return Merge::TextChanged;
    }
    let untouched =
        |a: &crate::model::Annotation| a.origin == Origin::Auto && a.status == Status::Suggested;
    let mut doc = current.clone();
    doc.annotations.retain(|a| !untouched(a));
    let decided = doc.annotations.len();
    for a in &fresh.annotations {
        let taken = doc.annotations[..decided]
            .iter()
            .any(|k| k.span == a.span && k.layer() == a.layer());
        if !taken {
            let mut added = a.clone();
            added.id = crate::model::AnnotationId(doc.next_id);
            added.origin = Origin::Auto;
            added.status = Status::Suggested;
            doc.next_id = doc.next_id.saturating_add(1);
            doc.annotations.push(added);
        }
    }
    doc.sort();
    if doc.dct.is_none() {
        doc.dct = fresh.dct;
    }
    // Same annotations (ignoring ids, which a re-run renumbers) and date: nothing to do.
    let same = |a: &Document, b: &Document| {
        a.dct == b.dct
            && a.annotations.len() == b.annotations.len()
            && a.annotations.iter().zip(&b.annotations).all(|(x, y)| {
                (x.span, &x.attrs, x.origin, x.status) == (y.span, &y.attrs, y.origin, y.status)
            })
    };
    if same(&doc, current) {
        Merge::Unchanged
    } else {
        Merge::Changed(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate;
    use crate::model::{ActorAttrs, ActorKind, Attrs, Layer};
    use crate::text::offsets::{ByteOffset, ByteSpan};

    const TEXT: &str = "The ministry said on Monday that Paris agreed.";

    fn fresh() -> Document {
        annotate("a", TEXT, "2021-05-05".parse().ok())
    }

    fn actor() -> Attrs {
        Attrs::Actor(ActorAttrs {
            kind: ActorKind::Organisation,
            entity: "ministry".into(),
        })
    }

    #[test]
    fn an_unannotated_document_takes_every_suggestion() {
        let current = Document::new("a", TEXT, "2021-05-05".parse().ok());
        let Merge::Changed(doc) = merge_suggestions(&current, &fresh()) else {
            panic!("changed")
        };
        assert_eq!(doc.annotations.len(), fresh().annotations.len());
        assert!(doc
            .annotations
            .iter()
            .all(|a| a.origin == Origin::Auto && a.status == Status::Suggested));
        // Running again finds nothing new.
        assert_eq!(merge_suggestions(&doc, &fresh()), Merge::Unchanged);
    }

    #[test]
    fn decisions_and_manual_annotations_are_kept() {
        let mut current = fresh();
        let dates: Vec<_> = current.layer(Layer::Date).map(|a| a.id).collect();
        assert!(!dates.is_empty(), "the fixture has a date");
        // A person accepted the date and marked "The ministry" by hand.
        for a in current
            .annotations
            .iter_mut()
            .filter(|a| dates.contains(&a.id))
        {
            a.status = Status::Accepted;
        }
        let manual = current.add(
            ByteSpan::new(ByteOffset(0), ByteOffset(12)).expect("span"),
            actor(),
            Origin::Manual,
            Status::Accepted,
        );
        // An older run missed the claim.
        current.annotations.retain(|a| a.layer() != Layer::Claim);
        let Merge::Changed(doc) = merge_suggestions(&current, &fresh()) else {
            panic!("changed")
        };
        assert!(doc.layer(Layer::Claim).count() > 0);
        assert_eq!(
            doc.get(manual),
            current.get(manual),
            "manual kept as it was"
        );
        for id in &dates {
            assert_eq!(doc.get(*id), current.get(*id), "decision kept");
        }
        // The fresh run's own date on the accepted span is not added twice.
        let date_spans: Vec<_> = doc.layer(Layer::Date).map(|a| a.span).collect();
        let mut unique = date_spans.clone();
        unique.dedup();
        assert_eq!(date_spans, unique);
        // New suggestions have ids never used before.
        assert!(doc
            .annotations
            .iter()
            .filter(|a| a.status == Status::Suggested)
            .all(|a| a.id.0 >= current.next_id));
    }

    #[test]
    fn a_result_for_another_text_is_not_applied() {
        let current = Document::new("a", "Cleaned text.", None);
        assert_eq!(merge_suggestions(&current, &fresh()), Merge::TextChanged);
    }

    #[test]
    fn an_undated_document_takes_the_inferred_date() {
        let current = Document::new("a", TEXT, None);
        let Merge::Changed(doc) = merge_suggestions(&current, &fresh()) else {
            panic!("changed")
        };
        assert_eq!(doc.dct, fresh().dct);
    }
}

//! The automatic annotator: runs the three extractors over a text and turns their
//! findings into suggestions on a [`Document`].

use crate::calendar::CalendarDate;
use crate::model::{
    ActorAttrs, Annotation, AnnotationId, Attrs, DateAttrs, Document, Origin, Status,
};
use crate::text::{Analysis, ByteSpan};
use crate::{actors, claims, dates};

/// Annotates `text`: every finding becomes a suggestion (`origin: auto`,
/// `status: suggested`). Without a `dct`, the article's own date is inferred from
/// its text where possible.
pub fn annotate(id: &str, text: &str, dct: Option<CalendarDate>) -> Document {
    let dct = dct.or_else(|| dates::infer_dct(text));
    let mut doc = Document::new(id, text, dct);
    suggest(&mut doc);
    doc
}

/// Adds the extractors' findings to `doc` as suggestions, anchored on `doc.dct`.
pub fn suggest(doc: &mut Document) {
    // One reading of the text (tokens, sentences, lower case) serves all three layers.
    let analysis = Analysis::new(doc.text.as_str());
    let found_actors = actors::extract_in(&analysis);
    let found_dates = dates::extract_in(&analysis, doc.dct);
    let found_claims = claims::extract_in(&analysis, &found_actors);
    let mut next_id = doc.next_id;
    let actors = suggestions(
        &mut next_id,
        found_actors.into_iter().map(|a| {
            let attrs = ActorAttrs {
                kind: a.kind,
                entity: a.entity,
            };
            (a.span, Attrs::Actor(attrs))
        }),
    );
    let dates = suggestions(
        &mut next_id,
        found_dates.into_iter().map(|d| {
            let attrs = DateAttrs {
                kind: d.kind,
                value: d.value,
            };
            (d.span, Attrs::Date(attrs))
        }),
    );
    let claims = suggestions(
        &mut next_id,
        found_claims
            .into_iter()
            .map(|c| (c.span, Attrs::Claim(c.attrs))),
    );
    doc.next_id = next_id;
    // Each extractor gives its findings in text order, so merging the lists gives the
    // document's order (`Document::sort`) in one pass instead of a sort.
    let existing = std::mem::take(&mut doc.annotations);
    doc.annotations =
        crate::order::sort_lists_by_key(vec![existing, actors, dates, claims], |a: &Annotation| {
            (a.span.start(), a.span.end(), a.layer(), a.id)
        });
}

/// The findings as automatic suggestions, numbered from `next_id` on.
fn suggestions(
    next_id: &mut u32,
    found: impl ExactSizeIterator<Item = (ByteSpan, Attrs)>,
) -> Vec<Annotation> {
    let mut out = Vec::with_capacity(found.len());
    for (span, attrs) in found {
        out.push(Annotation {
            id: AnnotationId(*next_id),
            span,
            attrs,
            origin: Origin::Auto,
            status: Status::Suggested,
        });
        *next_id += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, Layer};
    use crate::text::ByteSpan;

    const TEXT: &str = "Azerbaijan's President Ilham Aliyev said on Monday that Armenia \
                        had attacked. \"We will respond,\" the defence ministry said on 2 May 2021.";

    #[test]
    fn suggestions_are_in_document_order_with_fresh_ids() {
        let doc = annotate("d", TEXT, CalendarDate::new(2021, 5, 3));
        let mut sorted = doc.clone();
        sorted.sort();
        assert_eq!(doc, sorted);
        for layer in [Layer::Actor, Layer::Date, Layer::Claim] {
            assert!(doc.layer(layer).next().is_some(), "{layer:?}");
        }
        let mut ids: Vec<u32> = doc.annotations.iter().map(|a| a.id.0).collect();
        crate::order::sort(&mut ids);
        let want: Vec<u32> = (1..doc.next_id).collect();
        assert_eq!(ids, want);
    }

    #[test]
    fn suggesting_again_keeps_earlier_annotations_in_order() {
        let mut doc = annotate("d", TEXT, CalendarDate::new(2021, 5, 3));
        let before = doc.annotations.len();
        // An annotation out of order: the merge must still give the sorted document.
        let manual = Annotation {
            id: crate::model::AnnotationId(doc.next_id),
            span: ByteSpan::from_raw(0, 10).expect("span"),
            attrs: doc.annotations[0].attrs.clone(),
            origin: Origin::Manual,
            status: Status::Accepted,
        };
        doc.next_id += 1;
        doc.annotations.push(manual);
        suggest(&mut doc);
        assert_eq!(doc.annotations.len(), 2 * before + 1);
        let mut sorted = doc.clone();
        sorted.sort();
        assert_eq!(doc, sorted);
    }
}

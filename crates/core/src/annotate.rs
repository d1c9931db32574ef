//! The automatic annotator: runs the three extractors over a text and turns their
//! findings into suggestions on a [`Document`].

use crate::calendar::CalendarDate;
use crate::model::{ActorAttrs, Attrs, ClaimAttrs, DateAttrs, Document, Origin, Status};
use crate::text::Analysis;
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
    let mut attrs: Vec<_> =
        Vec::with_capacity(found_actors.len() + found_dates.len() + found_claims.len());
    for a in found_actors {
        attrs.push((
            a.span,
            Attrs::Actor(ActorAttrs {
                kind: a.kind,
                entity: a.entity,
            }),
        ));
    }
    for d in found_dates {
        attrs.push((
            d.span,
            Attrs::Date(DateAttrs {
                kind: d.kind,
                value: d.value,
            }),
        ));
    }
    for c in found_claims {
        attrs.push((
            c.span,
            Attrs::Claim(ClaimAttrs {
                kind: c.kind,
                source: c.source,
                cue: c.cue,
                fragments: c.fragments,
                stance: c.stance,
                source_entity: c.source_entity,
            }),
        ));
    }
    for (span, a) in attrs {
        let id = crate::model::AnnotationId(doc.next_id);
        doc.next_id += 1;
        doc.annotations.push(crate::model::Annotation {
            id,
            span,
            attrs: a,
            origin: Origin::Auto,
            status: Status::Suggested,
        });
    }
    doc.sort();
}

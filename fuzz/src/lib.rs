//! Checks shared by the fuzz targets: what must hold for any document the engine
//! produces or accepts. A failed check panics, which libFuzzer records as a crash
//! with the input that caused it.

#![deny(missing_docs)]

use claimlens_core::formats::native::{from_json, to_json};
use claimlens_core::model::{Attrs, Document};
use claimlens_core::text::ByteSpan;

/// Every span of `doc` with its annotation's kind and its role (`span`, `source`,
/// `cue`, `fragment`).
pub fn all_spans(doc: &Document) -> Vec<(&'static str, &'static str, ByteSpan)> {
    let mut out = Vec::new();
    for a in &doc.annotations {
        let kind = a.attrs.kind_name();
        out.push((kind, "span", a.span));
        if let Attrs::Claim(c) = &a.attrs {
            out.extend(c.source.map(|s| (kind, "source", s)));
            out.extend(c.cue.map(|s| (kind, "cue", s)));
            out.extend(c.fragments.iter().map(|&s| (kind, "fragment", s)));
        }
    }
    out
}

/// Every span of `doc` lies inside the text on character boundaries.
///
/// # Panics
/// On the first span that breaks the rule, naming it.
pub fn assert_spans_fit(doc: &Document) {
    for (kind, role, s) in all_spans(doc) {
        assert!(
            s.slice(&doc.text).is_some(),
            "{kind} {role} {s:?} does not fit the text ({} bytes)",
            doc.text.len()
        );
    }
}

/// Exporting `doc` to native JSON and importing it gives `doc` back, and exporting
/// again gives the same JSON.
///
/// # Panics
/// When the import fails or differs.
pub fn assert_round_trip(doc: &Document) {
    let json = to_json(doc);
    let back = match from_json(&json) {
        Ok(back) => back,
        Err(e) => panic!("own export refused: {e}\n{json}"),
    };
    assert!(
        back == *doc,
        "export then import changed the document\n{json}"
    );
    assert_eq!(to_json(&back), json, "second export differs");
}

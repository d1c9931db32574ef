//! Arbitrary bytes as the worker's hand-over, read against an arbitrary text: the
//! page either refuses them or gets a document whose spans fit, which hands over
//! again to the same document (the wire format is a pure function of the document).
//! Input: the first byte says how many of the next bytes are the text (lossy UTF-8).

#![no_main]

use claimlens_core::formats::handover::{decode, encode};
use claimlens_fuzz::assert_spans_fit;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&len, rest)) = data.split_first() else {
        return;
    };
    let (text, bytes) = rest.split_at(usize::from(len).min(rest.len()));
    let text = String::from_utf8_lossy(text).into_owned();
    let Ok(handover) = decode(bytes, &text) else {
        return;
    };
    let doc = handover.into_document("fuzz".into(), text.clone());
    assert_spans_fit(&doc);
    let again = encode(&doc).expect("a document read from a hand-over encodes");
    let back = decode(&again, &text).expect("own hand-over refused");
    assert!(
        back.into_document("fuzz".into(), text) == doc,
        "hand-over then read changed the document"
    );
});

//! Arbitrary bytes, read as UTF-8 with replacement characters (as a browser would
//! decode a pasted or dropped file), go through the full annotator and the native
//! export; every span must fit the text, none may be empty, and the export must
//! read back unchanged.

#![no_main]

use claimlens_core::annotate;
use claimlens_fuzz::{all_spans, assert_round_trip, assert_spans_fit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // No dct: the date layer first infers one from the text, which is fuzzed too.
    let doc = annotate("fuzz", &text, None);
    assert_eq!(doc.text, text);
    assert_spans_fit(&doc);
    for (kind, role, s) in all_spans(&doc) {
        assert!(s.start() < s.end(), "{kind} {role} {s:?} is empty");
    }
    assert_round_trip(&doc);
});

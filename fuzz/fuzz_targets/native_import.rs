//! Arbitrary bytes as a native document file: the import either refuses with an
//! error or gives a document whose spans fit (empty ones included: a file may hold
//! them) and which exports and re-imports unchanged.

#![no_main]

use claimlens_core::formats::native::from_json;
use claimlens_fuzz::{assert_round_trip, assert_spans_fit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(doc) = from_json(json) {
        assert_spans_fit(&doc);
        assert_round_trip(&doc);
    }
});

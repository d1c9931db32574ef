//! Arbitrary bytes as a ZIP archive: the reader either refuses with an error or
//! returns entries that, written again by claimlens, read back the same.

#![no_main]

use claimlens_core::formats::archive;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(entries) = archive::read(data) else {
        return;
    };
    let Ok(written) = archive::zip(&entries) else {
        return;
    };
    match archive::read(&written) {
        Ok(back) => assert_eq!(back, entries, "written archive reads back differently"),
        Err(e) => panic!("claimlens refuses its own archive: {e}"),
    }
});

//! Arbitrary bytes as a file dropped on the library: the first byte picks its name
//! (`.txt`, `.md`, `.html`, `.json`, `.jsonl`, no extension, an unknown one); the rest
//! is the file. `ingest` either refuses with an error or gives documents whose text is
//! the file's (for text files), whose spans fit, and which go through native JSON
//! unchanged; every skipped JSON Lines line is named in a notice.

#![no_main]

use claimlens_core::ingest::{ingest, Level};
use claimlens_fuzz::{assert_round_trip, assert_spans_fit};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 7] = [
    "story.txt",
    "notes.md",
    "page.html",
    "doc.json",
    "docs.jsonl",
    "README",
    "photo.png",
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let Ok(read) = ingest(name, bytes) else {
        return;
    };
    assert!(
        !read.documents.is_empty(),
        "{name}: accepted without a document"
    );
    for d in &read.documents {
        assert_spans_fit(&d.document);
        assert_round_trip(&d.document);
        if name == "story.txt" {
            let text = std::str::from_utf8(bytes).expect("accepted text is UTF-8");
            assert_eq!(
                d.document.text,
                text.strip_prefix('\u{feff}').unwrap_or(text),
                "a text file's text is kept exactly"
            );
        }
    }
    for n in &read.notices {
        assert!(!n.message.is_empty(), "empty notice");
        if n.level == Level::Warning && name == "docs.jsonl" {
            assert!(n.line.is_some(), "a skipped line is named: {n}");
        }
    }
});

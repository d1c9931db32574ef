//! Arbitrary bytes through the importers of other tools' formats. The first byte
//! picks the route (brat pair, doccano, Label Studio, W3C, native JSONL, detection
//! by content, ZIP archive); the rest is the file (for brat, the text up to the
//! first 0xFF and the standoff after it). The import either refuses with an error or
//! gives documents whose spans fit and which go through native JSON unchanged; and
//! what claimlens itself exports in that format reads back with as many documents.

#![no_main]

use claimlens_core::formats::{self, import, ExportOptions, Format, InputFile};
use claimlens_fuzz::{assert_round_trip, assert_spans_fit};
use libfuzzer_sys::fuzz_target;

fn file(name: &str, bytes: &[u8]) -> InputFile {
    InputFile {
        name: name.to_string(),
        bytes: bytes.to_vec(),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&route, rest)) = data.split_first() else {
        return;
    };
    let (files, from) = match route % 7 {
        0 => {
            let split = rest.iter().position(|&b| b == 0xFF).unwrap_or(rest.len());
            let ann = rest.get(split + 1..).unwrap_or(&[]);
            (
                vec![file("doc.txt", &rest[..split]), file("doc.ann", ann)],
                Some(Format::Brat),
            )
        }
        1 => (vec![file("d.jsonl", rest)], Some(Format::Doccano)),
        2 => (vec![file("t.json", rest)], Some(Format::LabelStudio)),
        3 => (vec![file("c.jsonld", rest)], Some(Format::W3c)),
        4 => (vec![file("d.jsonl", rest)], Some(Format::Jsonl)),
        5 => (vec![file("input.json", rest)], None),
        _ => (vec![file("input.zip", rest)], None),
    };
    let Ok(imported) = import(&files, from) else {
        return;
    };
    for doc in &imported.documents {
        assert_spans_fit(doc);
        assert_round_trip(doc);
    }
    if let Some(format) = from {
        let written = formats::export(&imported.documents, format, &ExportOptions::default());
        let again: Vec<InputFile> = written
            .into_iter()
            .map(|f| InputFile {
                name: f.name,
                bytes: f.bytes,
            })
            .collect();
        match import(&again, Some(format)) {
            Ok(back) => assert_eq!(
                back.documents.len(),
                imported.documents.len(),
                "{} export then import changed the number of documents",
                format.name()
            ),
            Err(e) => panic!("{} refuses its own export: {e}", format.name()),
        }
    }
});

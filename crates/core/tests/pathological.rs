//! Inputs built to hurt: huge single lines, no letters at all, quotation marks that
//! never close, NUL bytes, replacement characters, deeply nested and huge JSON, and
//! nothing at all. Each test asserts no panic and a well-formed result (spans inside
//! the text on character boundaries, export then import the identity, or a clear
//! error), never a timing: speed on these inputs is measured by the `pathological`
//! group of `benches/annotate.rs`, which also runs the full 10 MB single line.
//!
//! Sizes stay at a few hundred kilobytes so a debug build runs the file in seconds.

mod support;

use claimlens_core::annotate;
use claimlens_core::calendar::CalendarDate;
use claimlens_core::formats::native::{from_json, to_json, ReadError};
use claimlens_core::model::{Attrs, Document, Layer};
use claimlens_core::text::OffsetMap;

const KB: usize = 1000;

/// Annotates `text` with and without a dct and checks the result's shape; returns
/// the document annotated without a dct.
fn annotate_checked(text: &str) -> Document {
    let with_dct = annotate("with-dct", text, CalendarDate::new(2021, 3, 15));
    assert_well_formed(&with_dct);
    let doc = annotate("no-dct", text, None);
    assert_well_formed(&doc);
    doc
}

/// The text is untouched, every span fits it, ids are unique, and export then
/// import gives the same document.
fn assert_well_formed(doc: &Document) {
    let text = doc.text.as_str();
    let mut ids = std::collections::HashSet::new();
    for a in &doc.annotations {
        assert!(ids.insert(a.id), "duplicate id {:?}", a.id);
        let mut spans = vec![a.span];
        if let Attrs::Claim(c) = &a.attrs {
            spans.extend(c.source);
            spans.extend(c.cue);
            spans.extend(c.fragments.iter().copied());
        }
        for s in spans {
            assert!(
                s.slice(text).is_some() && s.start() < s.end(),
                "{} span {:?} does not fit a text of {} bytes (or is empty)",
                a.attrs.kind_name(),
                s,
                text.len()
            );
        }
    }
    let json = to_json(doc);
    let back = from_json(&json).expect("the annotator's own export reads back");
    assert!(back == *doc, "export then import changed the document");
}

#[test]
fn one_long_line() {
    let text = support::one_line(500 * KB);
    assert!(!text.contains('\n'));
    let doc = annotate_checked(&text);
    assert_eq!(doc.text, text);
}

#[test]
fn only_punctuation_has_no_actor_and_no_date() {
    let text = support::punctuation(150 * KB);
    let doc = annotate_checked(&text);
    assert_eq!(
        doc.layer(Layer::Actor).count(),
        0,
        "an actor without a letter"
    );
    assert_eq!(
        doc.layer(Layer::Date).count(),
        0,
        "a date without a letter or digit"
    );
}

#[test]
fn thousands_of_unbalanced_quotes() {
    annotate_checked(&support::unbalanced_quotes(150 * KB));
    annotate_checked(&"\"".repeat(20_000));
    annotate_checked(&"“".repeat(20_000));
    annotate_checked(&"” said “".repeat(5_000));
    annotate_checked(&"He said \"yes. ".repeat(5_000));
}

#[test]
fn digits_and_month_names() {
    let doc = annotate_checked(&support::digits_and_months(150 * KB));
    for a in doc.layer(Layer::Date) {
        if let Attrs::Date(d) = &a.attrs {
            assert!(
                d.value.as_deref() != Some(""),
                "empty date value at {:?}",
                a.span
            );
        }
    }
}

#[test]
fn nul_bytes_and_control_characters() {
    annotate_checked(&"\0".repeat(10_000));
    let controls: String = (0u8..0x20).map(char::from).collect::<String>().repeat(500);
    annotate_checked(&controls);
    annotate_checked(&support::with_odd_chars(150 * KB));
}

#[test]
fn replacement_chars_keep_javascript_offsets() {
    // A JavaScript string with lone surrogates, repaired as the wasm API's refusal
    // advises (`text.toWellFormed()`, the same as Rust's lossy UTF-16 conversion):
    // each lone surrogate becomes one U+FFFD, itself one UTF-16 unit, so offsets
    // counted by the page still line up with the text. The refusal itself is tested
    // in `crates/wasm-api` and `tests/e2e/javascript-api.test.mjs`.
    let js: Vec<u16> = "Paris said on Monday \"no\"."
        .encode_utf16()
        .flat_map(|u| [u, 0xD800, 0xDC01, 0xDFFF])
        .collect();
    let text = String::from_utf16_lossy(&js);
    assert_eq!(OffsetMap::new(&text).len_utf16(), js.len());
    annotate_checked(&text);
    annotate_checked(&"\u{FFFD}".repeat(20_000));
}

#[test]
fn empty_and_blank_texts() {
    for text in ["", " ", "\n", "\r\n\r\n", "\t \u{A0}\u{2028}"] {
        let doc = annotate_checked(text);
        assert!(doc.annotations.is_empty(), "annotation in blank {text:?}");
    }
    let doc = from_json(r#"{"text":""}"#).expect("an empty document is a document");
    assert!(doc.text.is_empty() && doc.annotations.is_empty());
}

/// Nesting depth far past serde_json's recursion limit (128): an unguarded
/// recursive parser would overflow the test thread's stack here and abort.
const DEEP: usize = 100_000;

fn assert_refused(json: &str, what: &str) -> String {
    match from_json(json) {
        Ok(_) => panic!("{what} was accepted"),
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty(), "{what}: empty message");
            message
        }
    }
}

#[test]
fn deeply_nested_json_is_refused_not_overflowed() {
    let open = "[".repeat(DEEP);
    let close = "]".repeat(DEEP);
    let cases = [
        (format!("{open}{close}"), "bare arrays"),
        (
            format!(r#"{{"text":"x","actors":[{}"#, r#"{"a":"#.repeat(DEEP)),
            "unclosed objects in an annotation",
        ),
        (format!(r#"{{"text":{open}"#), "unclosed arrays in text"),
    ];
    // serde_json skips an unknown key's value without recursing, so any depth there
    // is simply ignored.
    let ignored = from_json(&format!(r#"{{"text":"x","extra":{open}{close}}}"#))
        .expect("a deep value under an unknown key is skipped");
    assert_eq!(ignored.text, "x");
    // So is one under an unknown key of an annotation.
    let ignored = from_json(&format!(
        r#"{{"text":"x","actors":[{{"start":0,"end":1,"extra":{open}{close}}}]}}"#
    ))
    .expect("a deep value under an annotation's unknown key is skipped");
    assert_eq!(ignored.annotations.len(), 1);
    for (json, what) in &cases {
        let message = assert_refused(json, what);
        assert!(
            // Unclosed values under an unknown key are skipped to the end of the text.
            message.contains("recursion limit")
                || message.contains("invalid type")
                || message.contains("EOF while parsing"),
            "{what}: {message}"
        );
    }
}

#[test]
fn huge_json_reads_or_is_refused_cleanly() {
    // A large valid document: 1 MB of text and one annotation per sentence.
    let text = support::news(1000 * KB, 5);
    let mut doc = Document::new("big", text.clone(), None);
    let mut at = 0;
    for piece in text.split_inclusive(". ") {
        let len = piece.trim_end().len();
        if len > 0 {
            if let Ok(span) = claimlens_core::text::ByteSpan::from_raw(at, at + len) {
                doc.add(
                    span,
                    Attrs::Date(claimlens_core::model::DateAttrs {
                        kind: claimlens_core::model::DateKind::Date,
                        value: None,
                    }),
                    claimlens_core::model::Origin::Manual,
                    claimlens_core::model::Status::Accepted,
                );
            }
        }
        at += piece.len();
    }
    let json = to_json(&doc);
    assert_eq!(from_json(&json).expect("large export reads back"), doc);

    // Numbers no offset can be, and a very long array of the wrong thing.
    let digits = "9".repeat(100_000);
    assert_refused(
        &format!(r#"{{"text":"x","actors":[{{"start":{digits},"end":1}}]}}"#),
        "a 100k-digit offset",
    );
    assert_refused(
        r#"{"text":"x","actors":[{"start":18446744073709551616,"end":1}]}"#,
        "an offset past u64",
    );
    let past = assert_refused(
        r#"{"text":"x","actors":[{"start":18446744073709551615,"end":18446744073709551615}]}"#,
        "an offset at u64::MAX",
    );
    assert!(past.contains("past the end"), "{past}");
    assert_refused(
        &format!(r#"{{"text":"x","actors":[{}0]}}"#, "0,".repeat(500_000)),
        "half a million numbers as actors",
    );
    assert_refused(r#"{"text":"x","version":4294967296}"#, "a version past u32");
}

#[test]
fn lone_surrogate_escapes_in_json_are_refused_with_a_reason() {
    // JSON.stringify writes a lone surrogate as an escape; Rust strings cannot hold
    // one, so the import refuses the file and names the place.
    for json in [
        r#"{"text":"a\ud800b"}"#,
        r#"{"text":"\udc00"}"#,
        r#"{"text":"\ud800"}"#,
    ] {
        let refused = from_json(json);
        assert!(
            matches!(refused, Err(ReadError::LoneSurrogate(_))),
            "{json}: {refused:?}"
        );
        let message = assert_refused(json, json);
        assert!(
            message.contains("line 1, column") && message.contains("surrogate pair"),
            "{json}: {message}"
        );
    }
}

#[test]
fn garbage_is_not_a_document() {
    for json in [
        "",
        " ",
        "null",
        "[]",
        "{}",
        "\0",
        "{\"text\":1}",
        "\u{FEFF}{\"text\":\"x\"}",
    ] {
        assert_refused(json, json);
    }
}

#[test]
fn every_importer_refuses_deep_json_without_overflowing() {
    use claimlens_core::formats::{import, Format, InputFile};
    use claimlens_core::ingest::ingest;
    let deep = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    let deep_object = format!(r#"{{"text":"x","data":{}}}"#, r#"{"a":"#.repeat(DEEP));
    for json in [&deep, &deep_object] {
        for (name, from) in [
            ("d.jsonl", Some(Format::Doccano)),
            ("t.json", Some(Format::LabelStudio)),
            ("c.jsonld", Some(Format::W3c)),
            ("n.jsonl", Some(Format::Jsonl)),
            ("n.json", Some(Format::Json)),
            ("guess.json", None),
        ] {
            let file = InputFile {
                name: name.into(),
                bytes: json.as_bytes().to_vec(),
            };
            let refused = import(&[file], from).map(|i| i.documents.len());
            assert!(refused.is_err(), "{name}: {refused:?}");
        }
        for name in ["doc.json", "docs.jsonl"] {
            let refused = ingest(name, json.as_bytes()).map(|i| i.documents.len());
            assert!(refused.is_err(), "{name}: {refused:?}");
        }
    }
}

#[test]
fn a_megabyte_line_of_json_lines_is_read_or_refused_by_line() {
    use claimlens_core::ingest::ingest;
    // One good line of about a megabyte, one cut in the middle of a lone surrogate
    // escape: the good one is read, the bad one is named.
    let text = support::news(1000 * KB, 3);
    let good = serde_json::json!({ "id": "big", "text": text }).to_string();
    let file = format!("{good}\n{{\"id\":\"cut\",\"text\":\"ab\\ud83d\"}}\n");
    let read = ingest("big.jsonl", file.as_bytes()).expect("the good line is read");
    assert_eq!(read.documents.len(), 1);
    assert_eq!(read.documents[0].document.text, text);
    let skipped = read
        .notices
        .iter()
        .find(|n| n.line == Some(2))
        .expect("the bad line is named");
    assert!(
        skipped.message.contains("surrogate pair"),
        "{}",
        skipped.message
    );
}

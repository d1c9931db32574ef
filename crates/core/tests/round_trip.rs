//! Export, import, compare: every importable format over documents with emoji
//! (ZWJ sequences and flags), combining marks, CRLF and right-to-left text.

use claimlens_core::calendar::CalendarDate;
use claimlens_core::formats::{self, export, import, ExportOptions, Format, InputFile, OffsetUnit};
use claimlens_core::model::{
    ActorAttrs, ActorKind, Attrs, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Document, Origin,
    Stance, Status,
};
use claimlens_core::text::ByteSpan;

/// What a format keeps of an annotation.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Keeps {
    /// Span, kind, claim source and cue, suggested or not.
    Spans,
    /// Also values, entities, stance, source entity and origin; claims as one hull.
    Attributes,
    /// Also a claim's pieces.
    Everything,
}

fn keeps(f: Format) -> Keeps {
    match f {
        Format::Doccano => Keeps::Spans,
        Format::LabelStudio => Keeps::Attributes,
        _ => Keeps::Everything,
    }
}

/// A canonical, id-free description of a document's non-rejected annotations.
fn describe(doc: &Document, level: Keeps) -> Vec<String> {
    let mut out: Vec<String> = doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected)
        .map(|a| {
            let mut s = format!("{:?} {:?} {}", a.span, a.status, a.attrs.kind_name());
            if let Attrs::Claim(c) = &a.attrs {
                s += &format!(" src={:?} cue={:?}", c.source, c.cue);
            }
            if level >= Keeps::Attributes {
                s += &format!(" {:?}", a.origin);
                match &a.attrs {
                    Attrs::Actor(x) => s += &format!(" entity={}", x.entity),
                    Attrs::Date(x) => s += &format!(" value={:?}", x.value),
                    Attrs::Claim(c) => s += &format!(" {:?} {:?}", c.stance, c.source_entity),
                }
            }
            if let (Keeps::Everything, Attrs::Claim(c)) = (level, &a.attrs) {
                s += &format!(" fragments={:?}", c.fragments);
            }
            s
        })
        .collect();
    out.sort();
    out
}

fn span(text: &str, needle: &str) -> ByteSpan {
    let i = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    ByteSpan::from_raw(i, i + needle.len()).unwrap()
}

/// A document exercising the hard cases, with every layer, status and origin.
fn fixture(
    id: &str,
    text: &str,
    actor: &str,
    date: &str,
    content: &[&str],
    source: &str,
    cue: &str,
) -> Document {
    let mut doc = Document::new(id, text, CalendarDate::new(2020, 9, 27));
    doc.add(
        span(text, actor),
        Attrs::Actor(ActorAttrs {
            kind: ActorKind::Country,
            entity: "Armenia (state)".into(),
        }),
        Origin::Auto,
        Status::Suggested,
    );
    doc.add(
        span(text, date),
        Attrs::Date(DateAttrs {
            kind: DateKind::Time,
            value: Some("2020-09-27T18:50".into()),
        }),
        Origin::Manual,
        Status::Accepted,
    );
    let pieces: Vec<ByteSpan> = content.iter().map(|c| span(text, c)).collect();
    let hull = pieces.iter().skip(1).fold(pieces[0], |h, p| h.hull(p));
    doc.add(
        hull,
        Attrs::Claim(ClaimAttrs {
            kind: ClaimKind::Direct,
            source: Some(span(text, source)),
            cue: Some(span(text, cue)),
            fragments: if pieces.len() > 1 { pieces } else { Vec::new() },
            stance: Some(Stance::Deny),
            source_entity: Some("Armenia (state)".into()),
        }),
        Origin::Auto,
        Status::Accepted,
    );
    // Rejected: left out of third-party formats.
    doc.add(
        span(text, cue),
        Attrs::Actor(ActorAttrs {
            kind: ActorKind::Person,
            entity: "x".into(),
        }),
        Origin::Auto,
        Status::Rejected,
    );
    doc
}

fn fixtures() -> Vec<Document> {
    vec![
        fixture(
            "emoji",
            "18:50 GMT 👩\u{200d}👩\u{200d}👧 🇦🇲 Armenia denied 😀 \"we fired\", it said, \"first\".",
            "Armenia",
            "18:50 GMT",
            &["we fired", "first"],
            "it",
            "said",
        ),
        fixture(
            "combining",
            "Yerevan\u{301} said on 18:50 GMT that Arme\u{301}nia\u{308} will not retreat.",
            "Arme\u{301}nia\u{308}",
            "18:50 GMT",
            &["Arme\u{301}nia\u{308} will not retreat"],
            "Yerevan\u{301}",
            "said",
        ),
        fixture(
            "crlf",
            "Armenia said\r\non 18:50 GMT\r\nthat the line\r\nheld.\r\n",
            "Armenia",
            "18:50 GMT",
            &["the line\r\nheld"],
            "Armenia",
            "said",
        ),
        fixture(
            "rtl",
            "قال المتحدث باسم أرمينيا 18:50 GMT إن الوضع هادئ\r\nשלום עולם",
            "أرمينيا",
            "18:50 GMT",
            &["الوضع هادئ"],
            "المتحدث",
            "قال",
        ),
    ]
}

fn round_trip(docs: &[Document], format: Format, options: &ExportOptions) -> Vec<Document> {
    let files = export(docs, format, options);
    let inputs: Vec<InputFile> = files
        .into_iter()
        .map(|f| InputFile {
            name: f.name,
            bytes: f.bytes,
        })
        .collect();
    // Detection from names and content must find the format by itself.
    let imported = import(&inputs, None).unwrap_or_else(|e| panic!("{format:?}: {e}"));
    assert!(
        imported.notices.is_empty(),
        "{format:?}: {:?}",
        imported.notices
    );
    imported.documents
}

#[test]
fn native_round_trip_is_lossless() {
    let docs = fixtures();
    assert_eq!(
        round_trip(&docs, Format::Jsonl, &ExportOptions::default()),
        docs
    );
    for d in &docs {
        assert_eq!(
            round_trip(
                std::slice::from_ref(d),
                Format::Json,
                &ExportOptions::default()
            ),
            vec![d.clone()]
        );
    }
}

#[test]
fn third_party_round_trips_keep_what_the_format_holds() {
    let docs = fixtures();
    for format in [
        Format::Brat,
        Format::Doccano,
        Format::LabelStudio,
        Format::W3c,
    ] {
        let back = round_trip(&docs, format, &ExportOptions::default());
        assert_eq!(back.len(), docs.len(), "{format:?}");
        for (a, b) in docs.iter().zip(&back) {
            assert_eq!(
                a.text, b.text,
                "{format:?}: text must come back byte for byte"
            );
            assert_eq!(b.id, a.id, "{format:?}");
            let level = keeps(format);
            let expect = describe(&lossy(a, level), level);
            assert_eq!(describe(b, level), expect, "{format:?} on {}", a.id);
        }
    }
}

/// What a format that holds only a claim's hull would give back.
fn lossy(doc: &Document, level: Keeps) -> Document {
    let mut d = doc.clone();
    for a in &mut d.annotations {
        if let Attrs::Claim(c) = &mut a.attrs {
            if level < Keeps::Everything {
                c.fragments.clear();
            }
        }
        if level == Keeps::Spans {
            a.origin = if a.status == Status::Suggested {
                Origin::Auto
            } else {
                Origin::Manual
            };
        }
    }
    d
}

#[test]
fn doccano_in_utf16_reads_back_with_a_notice() {
    let docs = fixtures();
    let options = ExportOptions {
        unit: OffsetUnit::Utf16,
        ..ExportOptions::default()
    };
    let files = export(&docs, Format::Doccano, &options);
    // Strip the unit declaration: the file now looks like a JS tool's output.
    let text = String::from_utf8(files[0].bytes.clone())
        .unwrap()
        .replace(",\"offset_unit\":\"utf16\"", "");
    assert!(!text.contains("offset_unit"));
    let imported = import(
        &[InputFile {
            name: "js.jsonl".into(),
            bytes: text.into_bytes(),
        }],
        Some(Format::Doccano),
    )
    .unwrap();
    for (a, b) in docs.iter().zip(&imported.documents) {
        assert_eq!(
            describe(b, Keeps::Spans),
            describe(&lossy(a, Keeps::Spans), Keeps::Spans),
            "{}",
            a.id
        );
    }
    // Every non-ASCII fixture but the combining-mark one (no astral characters:
    // UTF-16 and code points agree there) is detected.
    let noticed: Vec<&str> = imported
        .notices
        .iter()
        .map(|n| n.document.as_str())
        .collect();
    assert_eq!(noticed, ["emoji"], "{:?}", imported.notices);
    assert!(imported.notices[0].message.contains("UTF-16"));
}

#[test]
fn label_studio_in_utf16_is_detected_from_quotes() {
    let docs = &fixtures()[..1];
    let json = String::from_utf8(
        export(docs, Format::LabelStudio, &ExportOptions::default())[0]
            .bytes
            .clone(),
    )
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let text = docs[0].text.clone();
    // Rewrite every region's offsets in UTF-16 units, as older Label Studio did.
    let to16 = |cp: u64| {
        text.chars()
            .take(cp as usize)
            .map(char::len_utf16)
            .sum::<usize>()
    };
    for key in ["annotations", "predictions"] {
        for ann in v[0][key].as_array_mut().unwrap() {
            for item in ann["result"].as_array_mut().unwrap() {
                if let Some(value) = item.get_mut("value").filter(|v| v.get("start").is_some()) {
                    let (s, e) = (
                        value["start"].as_u64().unwrap(),
                        value["end"].as_u64().unwrap(),
                    );
                    value["start"] = to16(s).into();
                    value["end"] = to16(e).into();
                }
            }
        }
    }
    let file = InputFile {
        name: "ls.json".into(),
        bytes: v.to_string().into_bytes(),
    };
    let imported = import(&[file], None).unwrap();
    assert_eq!(imported.notices.len(), 1);
    assert_eq!(
        describe(&imported.documents[0], Keeps::Attributes),
        describe(&lossy(&docs[0], Keeps::Attributes), Keeps::Attributes)
    );
}

#[test]
fn brat_span_off_by_one_is_reported_with_its_line() {
    let text = "Armenia said no.";
    let ann = "T1\tActor 0 7\tArmenia\nA1\tKind T1 country\nT2\tDate 1 8\tArmenia\n";
    let files = [
        InputFile {
            name: "d.txt".into(),
            bytes: text.as_bytes().to_vec(),
        },
        InputFile {
            name: "d.ann".into(),
            bytes: ann.as_bytes().to_vec(),
        },
    ];
    let err = import(&files, None).unwrap_err();
    assert_eq!(err.file, "d.ann");
    assert_eq!(err.place.line, Some(3));
    assert!(err.message.contains("covers \"rmenia \""), "{err}");
}

#[test]
fn malformed_files_name_their_place_and_return_nothing() {
    let cases: [(&str, &str, &str); 5] = [
        ("a.jsonl", "{\"text\":\"ok\",\"entities\":[]}\n{\"text\":\"x\",\"entities\":[{\"label\":\"PERSON\"}]}\n", "a.jsonl:2: $.entities[0]"),
        ("a.json", "[{\"data\":{}}]", "a.json: $[0].data.text"),
        ("a.json", "[{\"data\":{\"text\":\"Baku\"},\"annotations\":[{\"result\":[{\"id\":\"x\",\"type\":\"labels\",\"value\":{\"start\":0,\"end\":4,\"text\":\"Baku\",\"labels\":[\"PLANET\"]}}]}]}]", "a.json: $[0].annotations[0].result[0]: unknown label"),
        ("b.jsonld", "{\"@context\":\"http://www.w3.org/ns/anno.jsonld\",\"items\":[]}", "b.jsonld: $.cl:document"),
        ("c.jsonl", "{\"text\":\"x\",\"actors\":[]}\nnot json\n", "c.jsonl:2:"),
    ];
    for (name, body, expect) in cases {
        let err = import(
            &[InputFile {
                name: name.into(),
                bytes: body.as_bytes().to_vec(),
            }],
            None,
        )
        .expect_err(name)
        .to_string();
        assert!(err.starts_with(expect), "{err}");
    }
}

#[test]
fn other_exports_write_every_document() {
    let docs = fixtures();
    let options = ExportOptions::default();
    let csv = String::from_utf8(export(&docs, Format::Csv, &options)[0].bytes.clone()).unwrap();
    // One row per claim (a quoted content may hold a line break of its own).
    assert_eq!(csv.matches(",deny,").count(), docs.len());
    let html = export(&docs, Format::Html, &options);
    assert_eq!(html.len(), docs.len());
    let conll = String::from_utf8(export(&docs, Format::Conll, &options)[0].bytes.clone()).unwrap();
    assert_eq!(conll.matches("# doc_id = ").count(), docs.len());
    let zip = formats::archive::zip(&export(&docs, Format::Brat, &options)).unwrap();
    assert_eq!(
        formats::archive::read(&zip).unwrap().len(),
        docs.len() * 2 + 1
    );
}

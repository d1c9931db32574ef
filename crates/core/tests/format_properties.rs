//! Property tests: arbitrary Unicode text (with CR, LF, tabs, ZWJ, combining marks,
//! flags and right-to-left letters over-represented) and random valid spans go
//! through every importable format and come back; no input makes import panic.

use claimlens_core::agree::{agree, AgreeOptions};
use claimlens_core::formats::{
    archive, export, import, ExportOptions, Format, InputFile, OffsetUnit, OutputFile,
};
use claimlens_core::model::{
    ActorAttrs, ActorKind, Attrs, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Document, Origin,
    Stance, Status,
};
use claimlens_core::text::ByteSpan;
use proptest::prelude::*;

fn hard_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        4 => prop::sample::select(vec![
            ' ', ' ', 'a', 'b', 'Z', '\r', '\n', '\t', '"', '<', '&', '=', '-', ',',
            '\u{301}', '\u{308}', '\u{200d}', '\u{feff}', '👩', '😀', '🇦', '🇲', 'é', 'ש', 'ק', 'ل', 'ق',
        ]),
    ]
}

/// One planned annotation: span ends (char indices), layer, kind, review state,
/// another span (a claim's source and cue), and a flag (date value, claim pieces).
type PlannedAnnotation = (usize, usize, u8, u8, u8, Option<(usize, usize)>, bool);

/// Text, then annotations over spans picked by char index.
#[derive(Debug, Clone)]
struct Plan {
    text: Vec<char>,
    anns: Vec<PlannedAnnotation>,
}

fn plan() -> impl Strategy<Value = Plan> {
    prop::collection::vec(hard_char(), 0..40).prop_flat_map(|text| {
        let n = text.len();
        let idx = 0..=n;
        let ann = (
            idx.clone(),
            idx.clone(),
            0u8..3,
            0u8..4,
            0u8..4,
            prop::option::of((idx.clone(), idx)),
            any::<bool>(),
        );
        prop::collection::vec(ann, 0..6).prop_map(move |anns| Plan {
            text: text.clone(),
            anns,
        })
    })
}

fn build(p: &Plan) -> Document {
    let text: String = p.text.iter().collect();
    let byte = |i: usize| p.text[..i].iter().map(|c| c.len_utf8()).sum::<usize>();
    let span = |a: usize, b: usize| ByteSpan::from_raw(byte(a.min(b)), byte(a.max(b))).unwrap();
    let mut doc = Document::new("prop-doc", text, None);
    for &(a, b, layer, kind, state, extra, flag) in &p.anns {
        let s = span(a, b);
        let attrs = match layer {
            0 => Attrs::Actor(ActorAttrs {
                kind: [
                    ActorKind::Person,
                    ActorKind::Organisation,
                    ActorKind::Country,
                    ActorKind::Group,
                ][kind as usize],
                entity: format!("entity {kind}"),
            }),
            1 => Attrs::Date(DateAttrs {
                kind: [
                    DateKind::Date,
                    DateKind::Time,
                    DateKind::Duration,
                    DateKind::Set,
                ][kind as usize],
                value: flag.then(|| "2020-09-27".to_string()),
            }),
            _ => {
                let other = extra.map(|(x, y)| span(x, y));
                // Two pieces: the span's halves around a one-character gap, when there is room.
                let (lo, hi) = (a.min(b), a.max(b));
                let fragments = if flag && hi - lo >= 3 {
                    let mid = lo + (hi - lo) / 2;
                    vec![span(lo, mid), span(mid + 1, hi)]
                } else {
                    Vec::new()
                };
                Attrs::Claim(ClaimAttrs {
                    kind: if kind % 2 == 0 {
                        ClaimKind::Direct
                    } else {
                        ClaimKind::Indirect
                    },
                    source: other,
                    cue: if kind > 1 { other } else { None },
                    fragments,
                    stance: [
                        None,
                        Some(Stance::Assert),
                        Some(Stance::Call),
                        Some(Stance::Report),
                    ][kind as usize],
                    source_entity: other.map(|_| "the source".to_string()),
                })
            }
        };
        let (status, origin) = [
            (Status::Suggested, Origin::Auto),
            (Status::Accepted, Origin::Auto),
            (Status::Accepted, Origin::Manual),
            (Status::Rejected, Origin::Auto),
        ][state as usize];
        doc.add(s, attrs, origin, status);
    }
    doc
}

/// Id-free description of what every importable format keeps: spans, kinds, claim
/// parts and whether an annotation is an open suggestion.
fn spans_of(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = doc
        .annotations
        .iter()
        .filter(|a| a.status != Status::Rejected)
        .map(|a| {
            let parts = match &a.attrs {
                Attrs::Claim(c) => format!("{:?} {:?}", c.source, c.cue),
                _ => String::new(),
            };
            format!(
                "{:?} {} {:?} {parts}",
                a.span,
                a.attrs.kind_name(),
                a.status
            )
        })
        .collect();
    out.sort();
    out
}

fn inputs(files: Vec<OutputFile>) -> Vec<InputFile> {
    files
        .into_iter()
        .map(|f| InputFile {
            name: f.name,
            bytes: f.bytes,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn native_is_lossless(p in plan()) {
        let doc = build(&p);
        let back = import(&inputs(export(std::slice::from_ref(&doc), Format::Jsonl, &ExportOptions::default())), None).unwrap();
        prop_assert_eq!(back.documents, vec![doc]);
    }

    #[test]
    fn third_party_formats_keep_every_span(p in plan(), utf16 in any::<bool>()) {
        let doc = build(&p);
        let options = ExportOptions {
            unit: if utf16 { OffsetUnit::Utf16 } else { OffsetUnit::CodePoint },
            ..ExportOptions::default()
        };
        for format in [Format::Brat, Format::Doccano, Format::LabelStudio, Format::W3c] {
            let files = inputs(export(std::slice::from_ref(&doc), format, &options));
            let back = import(&files, None).map_err(|e| TestCaseError::fail(format!("{format:?}: {e}")))?;
            prop_assert!(back.notices.is_empty(), "{:?}: {:?}", format, back.notices);
            prop_assert_eq!(&back.documents[0].text, &doc.text);
            prop_assert_eq!(spans_of(&back.documents[0]), spans_of(&doc), "{:?}", format);
        }
    }

    #[test]
    fn spacy_tokens_rebuild_the_text_and_align_every_span(p in plan()) {
        let doc = build(&p);
        let out = String::from_utf8(export(std::slice::from_ref(&doc), Format::Spacy, &ExportOptions::default())[0].bytes.clone()).unwrap();
        let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
        let tokens = v["tokens"].as_array().unwrap();
        let mut rebuilt = String::new();
        for t in tokens {
            let word = t["text"].as_str().unwrap();
            prop_assert!(!word.is_empty());
            rebuilt.push_str(word);
            if t["ws"] == true { rebuilt.push(' '); }
        }
        prop_assert_eq!(&rebuilt, &doc.text);
        for s in v["spans"].as_array().unwrap() {
            if s["start"] == s["end"] { continue; }
            let (ts, te) = (s["token_start"].as_u64(), s["token_end"].as_u64());
            prop_assert!(ts.is_some() && te.is_some(), "unaligned span {}", s);
            prop_assert_eq!(&tokens[ts.unwrap() as usize]["start"], &s["start"]);
            prop_assert_eq!(&tokens[te.unwrap() as usize]["end"], &s["end"]);
        }
    }

    #[test]
    fn write_only_formats_never_panic(p in plan()) {
        let doc = build(&p);
        for format in [Format::Conll, Format::Csv, Format::Html] {
            prop_assert!(!export(std::slice::from_ref(&doc), format, &ExportOptions::default()).is_empty());
        }
    }

    #[test]
    fn import_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200), which in 0usize..6) {
        let name = ["x.json", "x.jsonl", "x.ann", "x.jsonld", "x.zip", "x.txt"][which];
        let _ = import(&[InputFile { name: name.into(), bytes: bytes.clone() }], None);
        for f in [Format::Json, Format::Doccano, Format::LabelStudio, Format::W3c, Format::Brat] {
            let _ = import(&[InputFile { name: name.into(), bytes: bytes.clone() }], Some(f));
        }
        let _ = archive::read(&bytes);
    }

    #[test]
    fn brat_lines_with_random_offsets_never_panic(p in plan(), a in 0usize..60, b in 0usize..60) {
        let text: String = p.text.iter().collect();
        let ann = format!("T1\tActor {a} {b}\tx\nT2\tClaim {a} {b};{b} {a}\tx y\nR1\tSource Arg1:T2 Arg2:T1\n");
        let files = [
            InputFile { name: "d.txt".into(), bytes: text.into_bytes() },
            InputFile { name: "d.ann".into(), bytes: ann.into_bytes() },
        ];
        let _ = import(&files, None);
    }

    #[test]
    fn a_version_agrees_with_itself_and_with_its_exports(p in plan()) {
        let doc = build(&p);
        let same = agree(std::slice::from_ref(&doc), std::slice::from_ref(&doc), &AgreeOptions::default()).unwrap();
        prop_assert!(same.disagreements.is_empty());
        for l in &same.layers {
            prop_assert_eq!((l.strict.f1, l.relaxed.f1, l.kappa), (1.0, 1.0, 1.0));
        }
        let files = inputs(export(std::slice::from_ref(&doc), Format::W3c, &ExportOptions::default()));
        let back = import(&files, None).unwrap().documents;
        let r = agree(std::slice::from_ref(&doc), &back, &AgreeOptions::default()).unwrap();
        prop_assert!(r.disagreements.is_empty(), "{:?}", r.disagreements);
    }

    #[test]
    fn agreement_counts_are_consistent(a in plan(), b in plan()) {
        // Two unrelated plans over the text of the first.
        let da = build(&a);
        let mut db = build(&Plan { text: a.text.clone(), anns: b.anns.iter().map(|x| {
            let n = a.text.len();
            (x.0.min(n), x.1.min(n), x.2, x.3, x.4, x.5.map(|(s, e)| (s.min(n), e.min(n))), x.6)
        }).collect() });
        db.id = da.id.clone();
        let r = agree(&[da], &[db], &AgreeOptions::default()).unwrap();
        for l in &r.layers {
            prop_assert!(l.strict.tp <= l.relaxed.tp);
            prop_assert!(l.relaxed.tp <= l.a.min(l.b));
            prop_assert!((-1.0..=1.0).contains(&l.kappa), "{}", l.kappa);
        }
    }

    #[test]
    fn archives_round_trip(files in prop::collection::vec(("[a-z/é]{1,12}", prop::collection::vec(any::<u8>(), 0..64)), 0..5)) {
        let files: Vec<OutputFile> = files.into_iter().map(|(name, bytes)| OutputFile { name, bytes }).collect();
        let zip = archive::zip(&files).unwrap();
        let back = archive::read(&zip).unwrap();
        let kept: Vec<OutputFile> = files.into_iter().filter(|f| !f.name.ends_with('/')).collect();
        prop_assert_eq!(back, kept);
    }
}

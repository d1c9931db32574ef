//! Properties that must hold for every input, checked on generated ones:
//! - offsets convert between bytes, code points and UTF-16 both ways at every
//!   character boundary, and are refused cleanly everywhere else;
//! - every span the annotator returns lies inside the text, on character
//!   boundaries, and is not empty;
//! - annotation, native export and import give back the same document;
//! - the annotator never panics (any panic fails the property).

mod support;

use claimlens_core::annotate;
use claimlens_core::calendar::CalendarDate;
use claimlens_core::formats::native::{from_json, to_json};
use claimlens_core::model::{
    ActorAttrs, ActorKind, Attrs, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Document, Origin,
    Stance, Status,
};
use claimlens_core::text::{ByteOffset, ByteSpan, CharOffset, OffsetError, OffsetMap, Utf16Offset};
use proptest::prelude::*;
use proptest::sample::select;

/// Characters that break offset code: every UTF-8 length, the last scalars before
/// and first after the surrogate gap, emoji with ZWJ and variation selectors,
/// combining marks, right-to-left letters, CR and LF, NUL and the replacement char.
fn tricky_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range('a', 'z'),
        2 => select(vec![' ', '\n', '\r', '"', '.', ',', '\0']),
        2 => select(vec![
            '\u{7F}', '\u{80}', 'é', '\u{301}', 'ש', 'ق', '\u{7FF}', '\u{800}',
            '\u{200D}', '\u{FE0F}', '\u{D7FF}', '\u{E000}', '\u{FFFD}', '\u{FFFF}',
            '\u{10000}', '😀', '👩', '🇦', '\u{10FFFF}', '“', '”', '’',
        ]),
        1 => any::<char>(),
    ]
}

fn tricky_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(tricky_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

/// News-like fragments mixed with arbitrary characters, so the extractors actually
/// fire and their spans meet odd neighbours.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => select(support::fragments()),
        1 => tricky_text(6),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

/// Checks every span of every annotation against the text.
fn assert_spans_fit(doc: &Document) -> Result<(), TestCaseError> {
    let text = doc.text.as_str();
    for a in &doc.annotations {
        let mut spans = vec![("span", a.span)];
        if let Attrs::Claim(c) = &a.attrs {
            spans.extend(c.source.map(|s| ("source", s)));
            spans.extend(c.cue.map(|s| ("cue", s)));
            spans.extend(c.fragments.iter().map(|&s| ("fragment", s)));
        }
        for (role, s) in spans {
            prop_assert!(
                s.end().0 <= text.len(),
                "{} {role} {:?} ends past the text ({} bytes)",
                a.attrs.kind_name(),
                s,
                text.len()
            );
            prop_assert!(
                s.slice(text).is_some(),
                "{} {role} {:?} is not on char boundaries of {:?}",
                a.attrs.kind_name(),
                s,
                text
            );
            prop_assert!(
                s.start() < s.end(),
                "{} {role} {:?} is empty",
                a.attrs.kind_name(),
                s
            );
        }
    }
    Ok(())
}

/// Annotates, exports and imports; the import must be the annotation itself, and
/// exporting the import must give the same JSON.
fn assert_round_trip(doc: &Document) -> Result<(), TestCaseError> {
    let json = to_json(doc);
    let back = from_json(&json).map_err(|e| TestCaseError::fail(format!("{e}: {json}")))?;
    prop_assert_eq!(&back, doc);
    prop_assert_eq!(to_json(&back), json);
    Ok(())
}

fn dct() -> impl Strategy<Value = Option<CalendarDate>> {
    proptest::option::of((1900i32..2100, 1u8..=12, 1u8..=28))
        .prop_map(|d| d.and_then(|(y, m, day)| CalendarDate::new(y, m, day)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn offsets_round_trip_at_every_boundary(text in tricky_text(200)) {
        let map = OffsetMap::new(&text);
        let (mut chars, mut utf16) = (0, 0);
        for (b, c) in text.char_indices().map(|(b, c)| (b, Some(c))).chain([(text.len(), None)]) {
            let (bo, co, uo) = (ByteOffset(b), CharOffset(chars), Utf16Offset(utf16));
            prop_assert_eq!(map.byte_to_char(bo), Ok(co));
            prop_assert_eq!(map.byte_to_utf16(bo), Ok(uo));
            prop_assert_eq!(map.char_to_byte(co), Ok(bo));
            prop_assert_eq!(map.utf16_to_byte(uo), Ok(bo));
            prop_assert_eq!(map.char_to_utf16(co), Ok(uo));
            prop_assert_eq!(map.utf16_to_char(uo), Ok(co));
            if let Some(c) = c {
                // Inside a multi-byte character: refused, never rounded.
                for inner in 1..c.len_utf8() {
                    let refused = map.byte_to_char(ByteOffset(b + inner));
                    prop_assert!(
                        matches!(refused, Err(OffsetError::InsideChar { .. })),
                        "{:?}", refused
                    );
                }
                if c.len_utf16() == 2 {
                    let refused = map.utf16_to_byte(Utf16Offset(utf16 + 1));
                    prop_assert!(
                        matches!(refused, Err(OffsetError::InsideChar { .. })),
                        "{:?}", refused
                    );
                }
                chars += 1;
                utf16 += c.len_utf16();
            }
        }
        prop_assert_eq!(map.len_chars(), chars);
        prop_assert_eq!(map.len_utf16(), utf16);
        for past in [text.len() + 1, text.len() + 1000, usize::MAX] {
            prop_assert!(
                matches!(map.byte_to_char(ByteOffset(past)), Err(OffsetError::PastEnd { .. })),
                "byte {} past the end", past
            );
        }
        prop_assert!(
            matches!(map.char_to_byte(CharOffset(chars + 1)), Err(OffsetError::PastEnd { .. })),
            "char past the end"
        );
        prop_assert!(
            matches!(map.utf16_to_byte(Utf16Offset(usize::MAX)), Err(OffsetError::PastEnd { .. })),
            "utf16 past the end"
        );
    }

    #[test]
    fn spans_convert_both_ways(text in tricky_text(120), a in 0usize..130, b in 0usize..130) {
        let map = OffsetMap::new(&text);
        let (start, end) = (a.min(b), a.max(b));
        if let (Some(bs), Some(be)) = (
            text.char_indices().map(|(i, _)| i).chain([text.len()]).nth(start),
            text.char_indices().map(|(i, _)| i).chain([text.len()]).nth(end),
        ) {
            let span = ByteSpan::from_raw(bs, be).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let chars = map.to_chars(span).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!((chars.start().0, chars.end().0), (start, end));
            prop_assert_eq!(map.chars_to_bytes(chars), Ok(span));
            let utf16 = map.to_utf16(span).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(map.utf16_to_bytes(utf16), Ok(span));
            prop_assert_eq!(utf16.len(), span.slice(&text).unwrap_or("").encode_utf16().count());
        }
    }

    #[test]
    fn annotator_spans_fit_arbitrary_text(text in tricky_text(300), dct in dct()) {
        let doc = annotate("p", &text, dct);
        prop_assert_eq!(&doc.text, &text);
        assert_spans_fit(&doc)?;
        assert_round_trip(&doc)?;
    }

    #[test]
    fn annotator_spans_fit_news_like_text(text in newsy_text(), dct in dct()) {
        let doc = annotate("p", &text, dct);
        assert_spans_fit(&doc)?;
        assert_round_trip(&doc)?;
    }

    #[test]
    fn hand_made_documents_round_trip(
        text in newsy_text(),
        picks in proptest::collection::vec((any::<usize>(), any::<usize>(), 0u8..12, any::<bool>()), 0..20),
        dct in dct(),
    ) {
        let mut doc = Document::new("hand", text.clone(), dct);
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for (a, b, what, flag) in picks {
            let (x, y) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let span = ByteSpan::from_raw(x.min(y), x.max(y))
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            let attrs = match what % 3 {
                0 => Attrs::Actor(ActorAttrs {
                    kind: [ActorKind::Person, ActorKind::Organisation, ActorKind::Country, ActorKind::Group][usize::from(what % 4)],
                    entity: span.slice(&text).unwrap_or("").to_uppercase(),
                }),
                1 => Attrs::Date(DateAttrs {
                    kind: [DateKind::Date, DateKind::Time, DateKind::Duration, DateKind::Set][usize::from(what % 4)],
                    value: flag.then(|| "2020-W12".to_string()),
                }),
                _ => Attrs::Claim(ClaimAttrs {
                    kind: if flag { ClaimKind::Direct } else { ClaimKind::Indirect },
                    source: flag.then_some(span),
                    cue: None,
                    fragments: if flag { vec![span, span] } else { vec![] },
                    stance: flag.then_some(Stance::Accuse),
                    source_entity: flag.then(|| "Somebody ‘quoted’".to_string()),
                }),
            };
            let origin = if flag { Origin::Manual } else { Origin::Auto };
            let status = [Status::Suggested, Status::Accepted, Status::Rejected][usize::from(what % 3)];
            doc.add(span, attrs, origin, status);
        }
        assert_round_trip(&doc)?;
    }
}

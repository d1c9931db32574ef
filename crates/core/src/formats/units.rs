//! Which unit a file's offsets were counted in, decided from the evidence.
//!
//! Tools disagree: Python tools count code points, JavaScript tools UTF-16 units,
//! some write UTF-8 bytes. On ASCII text the three agree, so a file can look right
//! until the first emoji. A unit is accepted only when it makes EVERY span of the
//! document cover the text the file quotes for it; the unit the file declares is
//! tried first. Formats that quote no text (doccano) are judged by word boundaries
//! instead: a unit fits when no span starts or ends inside a word or on white space;
//! when no unit passes that test the declared unit is kept if its spans lie inside
//! the text. A span that fits no unit is reported, never moved.

use crate::text::{ByteOffset, ByteSpan, CharOffset, OffsetMap, Utf16Offset};

use super::import::Place;

/// A unit incoming offsets may be counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountUnit {
    /// Unicode code points.
    CodePoint,
    /// UTF-16 code units.
    Utf16,
    /// UTF-8 bytes.
    Byte,
}

impl CountUnit {
    /// The unit's name in messages.
    pub fn describe(self) -> &'static str {
        match self {
            CountUnit::CodePoint => "code points",
            CountUnit::Utf16 => "UTF-16 code units",
            CountUnit::Byte => "UTF-8 bytes",
        }
    }
}

/// A span as a file gives it: raw offsets in the file's unit (several pieces for a
/// discontinuous span), the text it quotes, and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSpan {
    /// `(start, end)` pairs in the file's unit.
    pub pieces: Vec<(usize, usize)>,
    /// The text the file says the span covers (pieces joined by one space).
    pub quote: Option<String>,
    /// Where the span is written.
    pub place: Place,
}

impl RawSpan {
    /// A one-piece span.
    pub fn new(start: usize, end: usize, quote: Option<String>, place: Place) -> Self {
        RawSpan {
            pieces: vec![(start, end)],
            quote,
            place,
        }
    }
}

/// How a quote is compared with the text a span covers.
pub type QuoteMatch = fn(quoted: &str, covered: &str) -> bool;

/// Exact comparison: the default.
pub fn exact(quoted: &str, covered: &str) -> bool {
    quoted == covered
}

/// The spans converted to bytes, and the unit that made them fit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Each span's pieces, in bytes, in the order given.
    pub spans: Vec<Vec<ByteSpan>>,
    /// The unit that fit.
    pub unit: CountUnit,
}

/// A span that fits the text in no unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misfit {
    /// Where the span is written.
    pub place: Place,
    /// What is wrong, in the declared unit.
    pub problem: String,
}

/// Converts `spans` to bytes in the first unit that makes all of them fit `text`:
/// `declared` first, then code points, UTF-16 and bytes.
///
/// # Errors
/// The first span that does not fit in the declared unit, when no unit fits all.
pub fn resolve(
    text: &str,
    spans: &[RawSpan],
    declared: CountUnit,
    matches: QuoteMatch,
) -> Result<Resolved, Misfit> {
    let map = OffsetMap::new(text);
    let first = match fit_all(&map, spans, declared, matches, true) {
        Ok(spans) => {
            return Ok(Resolved {
                spans,
                unit: declared,
            })
        }
        Err(m) => m,
    };
    for unit in [CountUnit::CodePoint, CountUnit::Utf16, CountUnit::Byte] {
        if unit == declared {
            continue;
        }
        if let Ok(spans) = fit_all(&map, spans, unit, matches, true) {
            return Ok(Resolved { spans, unit });
        }
    }
    if spans.iter().all(|s| s.quote.is_none()) {
        // No quote to go by and no unit aligns every span with words: keep the
        // declared unit when it stays inside the text (annotators do cut words).
        let spans = fit_all(&map, spans, declared, matches, false)?;
        return Ok(Resolved {
            spans,
            unit: declared,
        });
    }
    Err(Misfit {
        problem: format!(
            "{}; no other unit (code points, UTF-16 units, bytes) makes every span of the document fit",
            first.problem
        ),
        ..first
    })
}

/// Converts `spans` to bytes in `unit` only, for files that name their unit: no
/// other unit is tried, and spans without a quote are only checked to lie inside
/// the text.
///
/// # Errors
/// The first span that does not fit.
pub fn check(
    text: &str,
    spans: &[RawSpan],
    unit: CountUnit,
    matches: QuoteMatch,
) -> Result<Resolved, Misfit> {
    let map = OffsetMap::new(text);
    let spans = fit_all(&map, spans, unit, matches, false)?;
    Ok(Resolved { spans, unit })
}

fn fit_all(
    map: &OffsetMap<'_>,
    spans: &[RawSpan],
    unit: CountUnit,
    matches: QuoteMatch,
    words: bool,
) -> Result<Vec<Vec<ByteSpan>>, Misfit> {
    spans
        .iter()
        .map(|s| {
            fit(map, s, unit, matches, words).map_err(|problem| Misfit {
                place: s.place.clone(),
                problem,
            })
        })
        .collect()
}

fn fit(
    map: &OffsetMap<'_>,
    span: &RawSpan,
    unit: CountUnit,
    matches: QuoteMatch,
    words: bool,
) -> Result<Vec<ByteSpan>, String> {
    let mut out = Vec::with_capacity(span.pieces.len());
    for &(start, end) in &span.pieces {
        let bytes = to_bytes(map, start, end, unit)
            .map_err(|e| format!("span {start}..{end} ({}): {e}", unit.describe()))?;
        out.push(bytes);
    }
    if let Some(quoted) = &span.quote {
        let covered = out
            .iter()
            .map(|b| b.slice(map.text()).unwrap_or(""))
            .collect::<Vec<_>>()
            .join(" ");
        if !matches(quoted, &covered) {
            let shown = span
                .pieces
                .iter()
                .map(|(a, b)| format!("{a}..{b}"))
                .collect::<Vec<_>>()
                .join(";");
            return Err(format!(
                "span {shown} ({}) covers {covered:?} but the file quotes {quoted:?}",
                unit.describe()
            ));
        }
    } else if words {
        if let Some(b) = out.iter().find(|b| !on_word_edges(map.text(), **b)) {
            return Err(format!(
                "span covers {:?}, which starts or ends inside a word or on white space",
                b.slice(map.text()).unwrap_or("")
            ));
        }
    }
    Ok(out)
}

/// True when `span` neither cuts a word nor starts or ends with white space.
fn on_word_edges(text: &str, span: ByteSpan) -> bool {
    let (a, b) = (span.start().0, span.end().0);
    let before = |i: usize| text[..i].chars().next_back();
    let after = |i: usize| text[i..].chars().next();
    let cuts = |i: usize| {
        before(i).is_some_and(char::is_alphanumeric) && after(i).is_some_and(char::is_alphanumeric)
    };
    let inner = &text[a..b];
    !cuts(a)
        && !cuts(b)
        && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
}

fn to_bytes(
    map: &OffsetMap<'_>,
    start: usize,
    end: usize,
    unit: CountUnit,
) -> Result<ByteSpan, String> {
    if end < start {
        return Err(format!("ends at {end} before it starts at {start}"));
    }
    let conv = |o: usize| -> Result<ByteOffset, String> {
        match unit {
            CountUnit::CodePoint => map.char_to_byte(CharOffset(o)),
            CountUnit::Utf16 => map.utf16_to_byte(Utf16Offset(o)),
            CountUnit::Byte => map.byte_to_char(ByteOffset(o)).map(|_| ByteOffset(o)),
        }
        .map_err(|e| e.to_string())
    };
    ByteSpan::new(conv(start)?, conv(end)?).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(start: usize, end: usize, q: &str) -> RawSpan {
        RawSpan::new(start, end, Some(q.into()), Place::line(1))
    }

    #[test]
    fn declared_unit_is_kept_when_everything_fits() {
        let r = resolve("a 😀 b", &[quoted(4, 5, "b")], CountUnit::CodePoint, exact).unwrap();
        assert_eq!(r.unit, CountUnit::CodePoint);
        assert_eq!(r.spans[0][0].range(), 7..8);
    }

    #[test]
    fn utf16_and_byte_files_are_detected() {
        let text = "😀 Baku said 👩\u{200d}👩\u{200d}👧 no";
        let r = resolve(
            text,
            &[quoted(3, 7, "Baku"), quoted(22, 24, "no")],
            CountUnit::CodePoint,
            exact,
        )
        .unwrap();
        assert_eq!(r.unit, CountUnit::Utf16);
        let r = resolve(text, &[quoted(5, 9, "Baku")], CountUnit::CodePoint, exact).unwrap();
        assert_eq!(r.unit, CountUnit::Byte);
    }

    #[test]
    fn a_unit_must_fit_every_span() {
        // The first span fits in code points, the second only in UTF-16: no unit fits all.
        let text = "😀 Baku said no";
        let err = resolve(
            text,
            &[quoted(2, 6, "Baku"), quoted(13, 15, "no")],
            CountUnit::CodePoint,
            exact,
        )
        .unwrap_err();
        assert_eq!(err.place, Place::line(1));
        assert!(err.problem.contains("13..15"), "{}", err.problem);
    }

    #[test]
    fn off_by_one_is_reported_not_moved() {
        let err = resolve(
            "Baku said no",
            &[quoted(1, 5, "Baku")],
            CountUnit::CodePoint,
            exact,
        )
        .unwrap_err();
        assert!(err.problem.contains("covers \"aku \""), "{}", err.problem);
    }

    #[test]
    fn without_quotes_word_edges_decide() {
        let text = "😀 Baku said 👩\u{200d}👩\u{200d}👧 no";
        // UTF-16 offsets of "Baku" and "no": in code points they would cut words.
        let spans = [
            RawSpan::new(3, 7, None, Place::line(1)),
            RawSpan::new(22, 24, None, Place::line(1)),
        ];
        let r = resolve(text, &spans, CountUnit::CodePoint, exact).unwrap();
        assert_eq!(r.unit, CountUnit::Utf16);
        // A span that cuts a word in every unit stays where the file put it.
        let cut = [RawSpan::new(1, 3, None, Place::line(1))];
        let r = resolve("Baku", &cut, CountUnit::CodePoint, exact).unwrap();
        assert_eq!(
            (r.unit, r.spans[0][0].range()),
            (CountUnit::CodePoint, 1..3)
        );
    }

    #[test]
    fn without_quotes_offsets_are_only_bounds_checked() {
        let spans = [RawSpan::new(0, 40, None, Place::line(2))];
        let err = resolve("short", &spans, CountUnit::CodePoint, exact).unwrap_err();
        assert!(err.problem.contains("past the end"), "{}", err.problem);
        let reversed = [RawSpan::new(3, 1, None, Place::line(2))];
        assert!(resolve("short", &reversed, CountUnit::Utf16, exact).is_err());
    }
}

//! Telling a place from an actor: `fighting in Azerbaijan`, `the territory of
//! Armenia`, `Baku, Azerbaijan`, datelines (`LONDON 1996-08-30`) and lists of places
//! name where something happens; `Armenia accused`, `Armenia's attempts` name an
//! acting government.

use super::classify::Found;
use super::gazetteer::Known;
use super::words::{Word, Words};
use crate::text::TokenKind;

/// A lower-case word (`forces`, `in`).
pub(super) fn is_lower_word(w: &Word<'_>) -> bool {
    w.is_lower_start()
}

pub(super) fn is_line_start(ws: &[Word<'_>], a: usize) -> bool {
    a == 0 || ws[a].after_break
}

/// True when the name at `[a, b)` is used as a place here, not as an acting government.
pub(super) fn is_place(words: &Words<'_>, a: usize, b: usize, out: &[Found]) -> bool {
    let ws = &words.words;
    // `part of Armenia's attempts`: a country that owns something acts, wherever it
    // stands; `in Azerbaijan's Ganja` owns a place and stays one.
    let owns = ws.get(b).is_some_and(Word::is_possessive)
        && ws.get(b + 1).is_some_and(|w| is_lower_word(w));
    if owns {
        return false;
    }
    if place_before(ws, a, out, false) || followed_by_place_noun(ws, b) {
        return true;
    }
    // `Baku, Azerbaijan`: a city and its country name a place together.
    let before_city = a >= 2 && ws[a - 1].is_punct(",") && ws[a - 2].is_capitalised();
    if before_city
        && matches!(
            ws[a - 2].entry().known(),
            Some(Known::Seat(_) | Known::Place)
        )
    {
        return true;
    }
    let after_comma_country = ws.get(b).is_some_and(|w| w.is_punct(","))
        && ws
            .get(b + 1)
            .is_some_and(|w| matches!(w.entry().known(), Some(Known::Country(_))));
    if after_comma_country
        && matches!(
            super::name_of(ws, a, b),
            Some(Known::Seat(_) | Known::Place)
        )
    {
        return true;
    }
    is_dateline(ws, a, b) || in_dateline(ws, a, b)
}

/// A name inside a dateline that opens a line: `DAR ES SALAAM, Tanzania (AP) _`,
/// `HAMILTON (AP) --`: capitals from the line start, maybe a comma and a name, then a
/// bracket or dash.
pub fn in_dateline(ws: &[Word<'_>], a: usize, b: usize) -> bool {
    let mut start = a;
    while start > 0 && !ws[start].after_break && a - start < 8 {
        start -= 1;
    }
    if !is_line_start(ws, start) || !ws[start].is_all_caps() {
        return false;
    }
    let lead_ok = ws[start..a]
        .iter()
        .all(|w| (w.kind == TokenKind::Word && w.is_all_caps()) || w.is_punct(","));
    let next = ws.get(b);
    lead_ok && ws[a].is_capitalised() && (next.is_some_and(closes_dateline) || comma_tail(ws, b))
}

/// The bracket, slash or dash that ends a dateline on its own line: `(AP)`,
/// `/PRNewswire/`, `-`, `_`, `--`, an en or em dash.
fn closes_dateline(w: &Word<'_>) -> bool {
    matches!(
        w.text,
        "(" | "/" | "-" | "_" | "--" | "\u{2014}" | "\u{2013}"
    ) && !w.after_break
}

/// True when what follows a capitalised place at token `b` is the rest of a dateline:
/// a comma, then on the same line only a region, a date and punctuation (`, Azerbaijan,
/// Sept. 27`, `, 27 September 2020`, `, Oct 2`), then its closing bracket or dash.
/// The comma keeps sports rows (`DETROIT 4 Kansas City 1`) out.
fn comma_tail(ws: &[Word<'_>], b: usize) -> bool {
    // A region and a full date (`, Azerbaijan, Sept. 28, 2020`) fit in well under this.
    const MOST: usize = 10;
    if !ws.get(b).is_some_and(|w| w.is_punct(",")) {
        return false;
    }
    for w in ws.iter().skip(b + 1).take(MOST) {
        if w.after_break {
            return false;
        }
        if closes_dateline(w) {
            return true;
        }
        let part =
            w.kind == TokenKind::Number || w.is_capitalised() || w.is_punct(",") || w.is_punct(".");
        if !part {
            return false;
        }
    }
    false
}

/// A place or body in capitals at the start of a line, followed by a date, a bracket,
/// a comma or nothing: a dateline (`LONDON 1996-08-30`, `BAKU (Sputnik) -`), not a
/// row of a sports table (`DETROIT 4 Kansas City 1`).
pub fn is_dateline(ws: &[Word<'_>], a: usize, b: usize) -> bool {
    let date = ws.get(b).is_some_and(|w| w.kind == TokenKind::Number)
        && ws
            .get(b + 1)
            .is_some_and(|w| w.is_punct("-") && w.start == ws[b].end());
    // `BIRMINGHAM , England 1996-08-31`, not `GM , Chrysler offer buyouts`.
    let comma_place = ws.get(b).is_some_and(|w| w.is_punct(","))
        && ws.get(b + 1).is_some_and(|w| w.is_capitalised())
        && ws
            .get(b + 2)
            .is_some_and(|w| w.kind == TokenKind::Number || w.is_punct("("));
    is_line_start(ws, a)
        && ws[a].is_all_caps()
        && (date
            || comma_place
            || comma_tail(ws, b)
            || ws.get(b).is_none_or(|w| w.after_break || w.is_punct("(")))
}

/// On sports pages a team follows `over`, `to`, `for`; only these words make a
/// place a venue: `in Leeds`, `at Headingley`.
pub(super) fn venue(ws: &[Word<'_>], a: usize) -> bool {
    a.checked_sub(1)
        .is_some_and(|i| matches!(ws[i].text, "in" | "at" | "near" | "In" | "At"))
}

/// True when a lower-case place noun follows: `the Syunik region`, `Azerbaijan village`.
pub(super) fn followed_by_place_noun(ws: &[Word<'_>], b: usize) -> bool {
    ws.get(b)
        .is_some_and(|w| is_lower_word(w) && w.entry().is_after_noun())
}

/// True when the words before token `a` make what follows a place: `in`, `from`,
/// `the territory of`, or a list whose first member is a place.
pub(super) fn place_context(ws: &[Word<'_>], a: usize, out: &[Found]) -> bool {
    place_before(ws, a, out, true)
}

/// Like [`place_context`]; `lists` says whether following a list of places counts
/// (it does for unknown words, not for countries, which a list may name as actors).
fn place_before(ws: &[Word<'_>], a: usize, out: &[Found], lists: bool) -> bool {
    let mut p = a;
    if p >= 1 && ws[p - 1].text == "the" {
        p -= 1;
    }
    let Some(prev) = p.checked_sub(1).and_then(|i| ws.get(i)) else {
        return false;
    };
    if ws[a].after_break {
        return false;
    }
    let comma_and = prev.text == "and" && p >= 2 && ws[p - 2].is_punct(",");
    let gap = if comma_and { 2 } else { 1 };
    // `In Chicago , the Braves`: a list of places has no article.
    let listed = p == a
        && (prev.is_punct(",") || prev.text == "and")
        && out.last().is_some_and(|f| f.place && f.end + gap == p);
    if listed && lists {
        return true;
    }
    let word = prev.lower();
    let word = word.as_ref();
    // `called on Azerbaijan` asks the government; `attacks on Ganja` hit a place.
    let called_on = word == "on" && p >= 2 && ws[p - 2].text.starts_with("call");
    // An unknown name after `at`, `to`, `from` is as often a firm (`jobs at Opel`,
    // `sold to AirTran`) as a place; only `in`-like words make it a place.
    let loose = lists
        && matches!(
            word,
            "at" | "to"
                | "from"
                | "over"
                | "via"
                | "through"
                | "towards"
                | "toward"
                | "onto"
                | "beyond"
        );
    if prev.lower_entry().is_place_preposition() && !called_on && !loose {
        return true;
    }
    word == "of"
        && p >= 2
        && (ws[p - 2].entry().is_of_noun() || ws[p - 2].lower_entry().is_of_noun())
}

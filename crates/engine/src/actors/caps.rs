//! Names in ALL-CAPS lines (headlines, datelines, sports tables), where capitals say
//! nothing: found by matching known names and the names the document's prose already
//! gave, longest first, and on sports pages the words around scores and `BEAT`.

use super::classify::{Context, Found};
use super::fasthash::FastMap as HashMap;
use super::gazetteer::{self, Known};
use super::places;
use super::words::{LineMode, Words};
use super::{key_of, lower};
use crate::model::ActorKind;
use crate::text::TokenKind;

/// Finds names in ALL-CAPS lines by matching known names and the names found in the
/// document's prose, longest first.
pub(super) fn find_in_caps_lines(words: &Words<'_>, cx: Context, found: &mut Vec<Found>) {
    let g = gazetteer::get();
    let ws = &words.words;
    if !words.modes.contains(&LineMode::Caps) {
        return;
    }
    let mut seen: HashMap<String, (ActorKind, Option<&'static str>)> = HashMap::default();
    for f in found.iter() {
        let Some(kind) = f.kind else { continue };
        seen.entry(lower(&key_of(ws, f.start, f.end)))
            .or_insert((kind, f.canonical));
        if kind == ActorKind::Person {
            if let Some(last) = ws[f.start..f.end].iter().rev().find(|w| w.is_capitalised()) {
                seen.entry(last.lower().into_owned())
                    .or_insert((kind, None));
            }
        }
    }
    let longest = g.max_name_words().max(4);
    let mut i = 0;
    while i < ws.len() {
        if words.mode(&ws[i]) != LineMode::Caps || ws[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let mut matched = 0;
        for n in (1..=longest).rev() {
            let end = i + n;
            if end > ws.len()
                || ws[i + 1..end]
                    .iter()
                    .any(|w| w.after_break || w.kind == TokenKind::Possessive)
            {
                continue;
            }
            let key = lower(&key_of(ws, i, end));
            // Sports tables and headlines: `LG 2 OB 0`, `RANGERS BEAT INDIANS`.
            let team_spot = cx.sports
                && n == 1
                && !g.is_common(&key)
                && key.chars().count() >= 2
                && (ws
                    .get(end)
                    .is_some_and(|w| w.kind == TokenKind::Number && !w.after_break)
                    || ws.get(end).is_some_and(|w| is_versus(w.text))
                    || (i >= 1 && is_versus(ws[i - 1].text)));
            let dateline = places::is_dateline(ws, i, end) || places::in_dateline(ws, i, end);
            let hit = match seen.get(&key) {
                Some(&(kind, canonical)) if !dateline || kind == ActorKind::Person => {
                    Some((kind, canonical))
                }
                Some(_) => None,
                None => match g.name_lower(&key) {
                    Some(Known::Organisation(c)) if !dateline => {
                        Some((ActorKind::Organisation, Some(c)))
                    }
                    // On sports pages a country or capital that plays is a team, no
                    // government.
                    Some(Known::Country(_) | Known::Seat(_)) if !dateline && cx.sports => {
                        Some((ActorKind::Organisation, None))
                    }
                    Some(Known::Country(c) | Known::Seat(c)) if !dateline => {
                        Some((ActorKind::Country, Some(c)))
                    }
                    Some(Known::Place) if cx.sports && !dateline => {
                        Some((ActorKind::Organisation, None))
                    }
                    Some(_) => None,
                    None if team_spot => Some((ActorKind::Organisation, None)),
                    None => None,
                },
            };
            if let Some((kind, canonical)) = hit {
                found.push(Found {
                    start: i,
                    end,
                    kind: Some(kind),
                    canonical,
                    place: false,
                    weak: false,
                    guessed: false,
                });
                matched = n;
                break;
            }
        }
        i += matched.max(1);
    }
}

/// Words that stand between two teams in a sports headline.
fn is_versus(w: &str) -> bool {
    matches!(
        w,
        "BEAT" | "BEATS" | "V" | "VS" | "V." | "VS." | "DOWN" | "DOWNS" | "HOLD" | "HOLDS"
    )
}

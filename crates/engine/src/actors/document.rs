//! Decisions that need the whole document: a lone word is the surname of a person
//! named in full elsewhere; a name seen only at a sentence start or in a headline must
//! be named elsewhere too; places are dropped; a guessed kind is settled by the cues
//! around all mentions of the name; a country and the institution it owns are one
//! organisation.

use super::classify::{Context, Found};
use super::fasthash::{self, FastMap as HashMap};
use super::gazetteer::{self, Known};

use super::words::{LineMode, Word, Words};
use crate::model::ActorKind;
use crate::text::TokenKind;

/// Decides what the document as a whole must: places are dropped; a lone unknown word
/// is a surname of a person named in full elsewhere, or a word used elsewhere with a
/// known kind, or else an organisation (see [`apply_cues`]); a name seen
/// only at sentence starts or in headlines must be named elsewhere too.
pub(super) fn decide(words: &Words<'_>, cx: Context, found: &mut Vec<Found>) {
    let ws = &words.words;
    // `Khatsakh, Artsvanik and Davit Bek settlements`: a list ending in a place is places.
    for i in (1..found.len()).rev() {
        let (before, after) = found.split_at_mut(i);
        let (prev, f) = (&mut before[i - 1], &after[0]);
        let Some(between) = ws.get(prev.end..f.start) else {
            continue;
        };
        let joined = matches!(between.len(), 1 | 2)
            && between.iter().all(|w| w.is_punct(",") || w.text == "and");
        if f.place && joined && (prev.kind.is_none() || prev.guessed) {
            prev.place = true;
        }
    }
    let mut by_word: HashMap<&str, ActorKind> = HashMap::default();
    for f in found.iter().filter(|f| !f.weak && !f.place) {
        let Some(kind) = f.kind else { continue };
        if f.end - f.start == 1 {
            by_word.entry(ws[f.start].text).or_insert(kind);
        }
    }
    // The words of a full personal name are that person wherever they stand alone
    // (`Dole` after `Bob Dole`, `Washington` after `MaliVai Washington`).
    for f in found.iter().filter(|f| !f.weak && !f.place) {
        // Not a person described by role (`Azerbaijan Foreign Minister`).
        let described = || {
            ws[f.start].entry().known().is_some()
                || ws[f.start..f.end]
                    .iter()
                    .any(|w| w.lower_entry().is_title())
        };
        if f.kind == Some(ActorKind::Person) && f.end - f.start >= 2 && !described() {
            // A name only guessed to be a person (`Pirelli Cables`) lends just its last
            // word; one with a given name or title lends all its words.
            let from = if f.guessed { f.end - 1 } else { f.start };
            for w in ws[from..f.end].iter().filter(|w| w.is_capitalised()) {
                by_word.insert(w.text, ActorKind::Person);
            }
        }
    }
    // Words of names found in the middle of a prose sentence somewhere (not as places):
    // names, not headline words.
    // Only asked about weak names: none, no set.
    let any_weak = found.iter().any(|f| f.weak);
    let mid_sentence: fasthash::FastSet<&str> = found
        .iter()
        .filter(|f| any_weak && !f.weak && !f.place && !ws[f.start].initial)
        .flat_map(|f| ws[f.start..f.end].iter().map(|w| w.text))
        .collect();
    found.retain_mut(|f| {
        let first = ws[f.start].text;
        let known = by_word.get(first).copied();
        // `According to Aliyev`: a person named in full elsewhere is no place.
        let person = f.kind.is_none() && known == Some(ActorKind::Person);
        if f.place && !person {
            return false;
        }
        // A name is known by its last word (`Aliyev` for `Ilham Aliyev`).
        let last = ws[f.end - 1].text;
        let supported = || by_word.contains_key(last) || mid_sentence.contains(last);
        // Sports tables start lines with team and player names; elsewhere a lone
        // capitalised word at a sentence start is usually an ordinary word.
        let table_row =
            || cx.sports && words.mode(&ws[f.start]) == LineMode::Prose && !looks_english(first);
        if f.weak && !table_row() && !supported() {
            return false;
        }
        // A lone word (or a country's name) that a person named in full carries.
        let single = f.end - f.start == 1;
        if single && known == Some(ActorKind::Person) && f.kind != Some(ActorKind::Person) {
            let lone = f.kind.is_none() || f.guessed || f.kind == Some(ActorKind::Country);
            if lone {
                f.kind = Some(ActorKind::Person);
                f.guessed = false;
                f.canonical = None;
            }
        }
        if f.kind.is_none() {
            // Surnames alone almost always follow a full first mention, which `known`
            // holds; a lone unknown word with none is most often a company or team.
            f.kind = Some(known.unwrap_or(ActorKind::Organisation));
            f.guessed = known.is_none();
        }
        true
    });
}

/// Settles guessed kinds by the cues around every mention of the same name: a role
/// word before it (`club`, `firm`), a plural verb after it (a team: `Rotor are`), the
/// first pronoun after it (`said it`, `said he`), and on sports pages a score after a
/// name that opens a line (a team) or a country in brackets after it (a player).
pub(super) fn apply_cues(words: &Words<'_>, cx: Context, found: &mut [Found]) {
    let ws = &words.words;
    let mut votes: HashMap<&str, i32> = HashMap::default();
    for f in found.iter().filter(|f| f.guessed) {
        let mut v = 0;
        if let Some(prev) = f.start.checked_sub(1).map(|i| &ws[i]) {
            v += cue(prev.lower_entry().kind_cue(gazetteer::CuePlace::Before)) * 2;
        }
        if let Some(next) = ws.get(f.end).filter(|w| !w.after_break) {
            if f.end - f.start == 1 {
                v += cue(next.entry().kind_cue(gazetteer::CuePlace::After));
            }
            // `Deportivo chairman`, `Eagles owner`: a name before a role is its employer.
            if is_lower(next) && next.entry().is_title() {
                v -= 2;
            }
            // `" ... , " Tsang said`: a quotation is attributed to a person.
            let after_quote = f
                .start
                .checked_sub(1)
                .is_some_and(|i| matches!(ws[i].text, "\"" | "''" | "\u{201d}"));
            if after_quote && matches!(next.text, "said" | "says" | "told" | "added") {
                v += 2;
            }
            if cx.sports && next.kind == TokenKind::Number {
                // A name between scores or opening a table row is a team.
                let opens_line = f.start == 0 || ws[f.start].after_break;
                let after_score = f.start >= 1 && ws[f.start - 1].kind == TokenKind::Number;
                if opens_line || after_score {
                    v -= 1;
                }
            }
            if cx.sports {
                // `Testud ( France ) beat ...`: a player with a nationality.
                let bracketed_country = next.is_punct("(")
                    && ws
                        .get(f.end + 1)
                        .is_some_and(|w| matches!(w.entry().known(), Some(Known::Country(_))))
                    && ws.get(f.end + 2).is_some_and(|w| w.is_punct(")"));
                if bracketed_country {
                    v += 1;
                }
            }
        }
        v += pronoun_cue(&ws[f.end..]);
        *votes.entry(ws[f.end - 1].text).or_insert(0) += v;
    }
    for f in found.iter_mut().filter(|f| f.guessed) {
        match votes.get(ws[f.end - 1].text) {
            Some(&v) if v > 0 => f.kind = Some(ActorKind::Person),
            Some(&v) if v < 0 => f.kind = Some(ActorKind::Organisation),
            _ => {}
        }
    }
}

/// The pronoun after a name: `X , who` or `X said he` (a person), `X , which` or
/// `X said it` (an organisation).
fn pronoun_cue(after: &[Word<'_>]) -> i32 {
    let mut i = 0;
    if after.first().is_some_and(|w| w.is_punct(",")) {
        match after.get(1).map(|w| w.text) {
            Some("who") => return 1,
            Some("which") => return -1,
            _ => {}
        }
    }
    if after
        .first()
        .is_some_and(|w| matches!(w.text, "said" | "says" | "told" | "added" | "stated"))
    {
        i = 1;
    }
    match after.get(i) {
        Some(w) if i == 1 && !w.after_break => {
            cue(w.lower_entry().kind_cue(gazetteer::CuePlace::Pronoun))
        }
        _ => 0,
    }
}

fn is_lower(w: &Word<'_>) -> bool {
    w.is_lower_start()
}

fn cue(c: Option<bool>) -> i32 {
    match c {
        Some(true) => 1,
        Some(false) => -1,
        None => 0,
    }
}

/// English word endings that names rarely have (`Fortunately`, `Responding`).
fn looks_english(word: &str) -> bool {
    [
        "ly", "ing", "ed", "tion", "ment", "ness", "ies", "ous", "ful",
    ]
    .iter()
    .any(|end| word.len() > end.len() + 2 && word.ends_with(end))
}

/// Joins a country and the institution or force it owns: `Azerbaijan's Foreign
/// Ministry`, `Azerbaijan's MoD` are one organisation, and so is an office named after
/// its holder (`Prosecutor's Office`).
pub(super) fn join_possessives(words: &Words<'_>, found: &mut Vec<Found>) {
    let ws = &words.words;
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        if let Some(prev) = out.last_mut() {
            // `the Azeri Prosecutor's Office`: an office named after its holder.
            let role = prev.kind == Some(ActorKind::Person)
                && ws[prev.end - 1].lower_entry().is_title()
                && f.end - f.start == 1;
            let owner = prev.kind == Some(ActorKind::Country) || role;
            let owned = prev.end + 1 == f.start
                && ws[prev.end].is_possessive()
                && owner
                && f.canonical.is_none()
                && matches!(f.kind, Some(ActorKind::Organisation | ActorKind::Group));
            if owned {
                prev.end = f.end;
                prev.kind = f.kind;
                prev.canonical = None;
                continue;
            }
        }
        out.push(f);
    }
    *found = out;
}

//! The actor layer: finds named people, organisations, governments and armed groups,
//! and groups mentions of one actor under one canonical entity.
//!
//! The pipeline, one module per step:
//! - [`words`]: tokens with case, sentence position and line mode (prose, Title Case,
//!   ALL-CAPS);
//! - [`candidates`]: runs of capitalised words that may be names;
//! - [`classify`]: titles left out, kind decided, places told from acting governments;
//! - this module: lone words decided with the whole document (a surname after its
//!   first mention), names found again in ALL-CAPS lines;
//! - [`entities`]: canonical names.
//!
//! Word lists live in `data/actors/` ([`gazetteer`]).

pub mod candidates;
pub mod classify;
pub mod entities;
pub mod fasthash;
pub mod gazetteer;
pub mod words;

use fasthash::FastMap as HashMap;

use crate::model::ActorKind;
use crate::text::{ByteSpan, TokenKind};
use classify::{Context, Found};
use gazetteer::Known;
use words::{LineMode, Word, Words};

/// An actor mention found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    /// The name, without title, leading `the` or possessive.
    pub span: ByteSpan,
    /// Person, organisation, country or group.
    pub kind: ActorKind,
    /// Canonical name shared by all mentions of the same actor.
    pub entity: String,
}

/// The words of tokens `[a, b)` joined by single spaces, as gazetteer keys are.
pub(crate) fn key_of(ws: &[Word<'_>], a: usize, b: usize) -> String {
    let mut s = String::new();
    for (i, w) in ws[a..b].iter().enumerate() {
        // `St. Louis` and `U.N.`: a period sticks to the word before it.
        if i > 0 && !w.is_punct(".") && !w.is_possessive() {
            s.push(' ');
        }
        s.push_str(w.text);
    }
    s
}

/// Lower case of a word.
pub(crate) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Finds every actor mention in `text`.
pub fn extract(text: &str) -> Vec<ActorMention> {
    let words = words::words(text);
    let cx = Context {
        sports: is_sports(&words),
    };
    let mut found = Vec::new();
    for run in candidates::runs(&words) {
        classify::classify(&words, run, cx, &mut found);
    }
    // In text order, the longer of two mentions starting together first.
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    decide(&words, cx, &mut found);
    apply_cues(&words, cx, &mut found);
    join_possessives(&words, &mut found);
    find_in_caps_lines(&words, cx, &mut found);
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    found.dedup_by(|b, a| b.start < a.end);
    finish(&words, &found)
}

/// A sports report: a sport named in its first lines, or sports words throughout.
fn is_sports(words: &Words<'_>) -> bool {
    let g = gazetteer::get();
    let mut total = 0;
    let mut count = 0;
    let mut buf = String::new();
    for w in words.words.iter().filter(|w| w.kind == TokenKind::Word) {
        count += 1;
        buf.clear();
        buf.extend(w.text.chars().flat_map(char::to_lowercase));
        if g.is_sports_word(&buf) {
            if w.line < 2 {
                return true;
            }
            total += 1;
        }
    }
    // Sports words throughout, not a passing mention in a long report.
    total >= 4 && total * 150 >= count
}

/// Decides what the document as a whole must: places are dropped; a lone unknown word
/// is a surname of a person named in full elsewhere, or a word used elsewhere with a
/// known kind, or else an organisation (see [`apply_cues`]); a name seen
/// only at sentence starts or in headlines must be named elsewhere too.
fn decide(words: &Words<'_>, cx: Context, found: &mut Vec<Found>) {
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
    let g = gazetteer::get();
    for f in found.iter().filter(|f| !f.weak && !f.place) {
        // Not a person described by role (`Azerbaijan Foreign Minister`).
        let described = g.name(ws[f.start].text).is_some()
            || ws[f.start..f.end]
                .iter()
                .any(|w| g.is_title(&lower(w.text)));
        if f.kind == Some(ActorKind::Person) && f.end - f.start >= 2 && !described {
            for w in ws[f.start..f.end].iter().filter(|w| w.is_capitalised()) {
                by_word.insert(w.text, ActorKind::Person);
            }
        }
    }
    // Words of names found in the middle of a prose sentence somewhere (not as places):
    // names, not headline words.
    let mid_sentence: fasthash::FastSet<&str> = found
        .iter()
        .filter(|f| !f.weak && !f.place && !ws[f.start].initial)
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
        let supported = by_word.contains_key(last) || mid_sentence.contains(last);
        // Sports tables start lines with team and player names; elsewhere a lone
        // capitalised word at a sentence start is usually an ordinary word.
        let table_row =
            cx.sports && words.mode(&ws[f.start]) == LineMode::Prose && !looks_english(first);
        if f.weak && !supported && !table_row {
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
fn apply_cues(words: &Words<'_>, cx: Context, found: &mut [Found]) {
    let g = gazetteer::get();
    let ws = &words.words;
    let mut votes: HashMap<&str, i32> = HashMap::default();
    for f in found.iter().filter(|f| f.guessed) {
        let mut v = 0;
        if let Some(prev) = f.start.checked_sub(1).map(|i| &ws[i]) {
            v += cue(g.kind_cue(gazetteer::CuePlace::Before, &lower(prev.text))) * 2;
        }
        if let Some(next) = ws.get(f.end).filter(|w| !w.after_break) {
            if f.end - f.start == 1 {
                v += cue(g.kind_cue(gazetteer::CuePlace::After, next.text));
            }
            // `Deportivo chairman`, `Eagles owner`: a name before a role is its employer.
            if is_lower(next) && g.is_title(next.text) {
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
                let bracketed_country = next.is_punct("(")
                    && ws
                        .get(f.end + 1)
                        .is_some_and(|w| matches!(g.name(w.text), Some(Known::Country(_))));
                if bracketed_country {
                    v += 1;
                }
            }
        }
        v += pronoun_cue(g, &ws[f.end..]);
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
fn pronoun_cue(g: &gazetteer::Gazetteer, after: &[Word<'_>]) -> i32 {
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
            cue(g.kind_cue(gazetteer::CuePlace::Pronoun, &lower(w.text)))
        }
        _ => 0,
    }
}

fn is_lower(w: &Word<'_>) -> bool {
    w.kind == TokenKind::Word && w.text.chars().next().is_some_and(char::is_lowercase)
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
/// Ministry`, `Azerbaijan's MoD` are one organisation.
fn join_possessives(words: &Words<'_>, found: &mut Vec<Found>) {
    let ws = &words.words;
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found.drain(..) {
        if let Some(prev) = out.last_mut() {
            let owned = prev.end + 1 == f.start
                && ws[prev.end].is_possessive()
                && prev.kind == Some(ActorKind::Country)
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

/// Finds names in ALL-CAPS lines by matching known names and the names found in the
/// document's prose, longest first.
fn find_in_caps_lines(words: &Words<'_>, cx: Context, found: &mut Vec<Found>) {
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
                seen.entry(lower(last.text)).or_insert((kind, None));
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
            let dateline = classify::is_dateline(ws, i, end) || classify::in_dateline(ws, i, end);
            let hit = match seen.get(&key) {
                Some(&(kind, canonical)) if !dateline || kind == ActorKind::Person => {
                    Some((kind, canonical))
                }
                Some(_) => None,
                None => match g.name_lower(&key) {
                    Some(Known::Organisation(c)) if !dateline => {
                        Some((ActorKind::Organisation, Some(c)))
                    }
                    Some(Known::Country(c) | Known::Seat(c)) if !dateline => Some((
                        if cx.sports {
                            ActorKind::Organisation
                        } else {
                            ActorKind::Country
                        },
                        Some(c),
                    )),
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

/// Turns found token ranges into mentions with entities.
fn finish(words: &Words<'_>, found: &[Found]) -> Vec<ActorMention> {
    let ws = &words.words;
    let pending: Vec<entities::Pending> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let kind = f.kind?;
            Some(entities::Pending {
                name: key_of(ws, f.start, f.end),
                kind,
                canonical: f.canonical,
                expands: expansion(ws, found, i),
            })
        })
        .collect();
    let g = gazetteer::get();
    let names = entities::entities(&pending, &|w| g.is_title(w));
    found
        .iter()
        .filter(|f| f.kind.is_some())
        .zip(pending.iter().zip(names))
        .filter_map(|(f, (p, entity))| {
            let span =
                ByteSpan::from_raw(ws[f.start].span.start().0, ws[f.end - 1].span.end().0).ok()?;
            Some(ActorMention {
                span,
                kind: p.kind,
                entity,
            })
        })
        .collect()
}

/// The long form an acronym follows in brackets: `Royal Air Force ( RAF )`.
fn expansion(ws: &[Word<'_>], found: &[Found], i: usize) -> Option<String> {
    let f = &found[i];
    if f.end - f.start != 1 || !ws[f.start].is_all_caps() || i == 0 {
        return None;
    }
    let prev = &found[i - 1];
    let bracket = f.start >= 1 && (ws[f.start - 1].is_punct("(") || ws[f.start - 1].is_punct("["));
    (bracket && prev.end + 1 == f.start && prev.end - prev.start >= 2)
        .then(|| key_of(ws, prev.start, prev.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mentions(text: &str) -> Vec<(&str, ActorKind, String)> {
        extract(text)
            .into_iter()
            .map(|m| (&text[m.span.range()], m.kind, m.entity))
            .collect()
    }

    #[test]
    fn surnames_after_first_mention() {
        let got = mentions("President Ilham Aliyev spoke. Later Aliyev said no.");
        assert_eq!(
            got,
            [
                (
                    "Ilham Aliyev",
                    ActorKind::Person,
                    "Ilham Aliyev".to_string()
                ),
                ("Aliyev", ActorKind::Person, "Ilham Aliyev".to_string())
            ]
        );
    }

    #[test]
    fn possessive_is_left_out() {
        let got = mentions("Azerbaijan's President Ilham Aliyev said.");
        assert_eq!(
            got[0],
            ("Azerbaijan", ActorKind::Country, "Azerbaijan".to_string())
        );
        assert_eq!(got[1].0, "Ilham Aliyev");
    }

    #[test]
    fn capitals_stand_for_governments() {
        let got = mentions("Baku said Yerevan lied.");
        assert_eq!(
            got[0],
            ("Baku", ActorKind::Country, "Azerbaijan".to_string())
        );
        assert_eq!(
            got[1],
            ("Yerevan", ActorKind::Country, "Armenia".to_string())
        );
    }

    #[test]
    fn caps_headlines_do_not_flood() {
        let got = mentions(
            "GOVERNMENT SAYS TALKS WILL RESUME SOON\nLONDON 1996-08-30\nThe talks resume.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn caps_lines_find_known_names() {
        let got = mentions("NATO WARNS ALIYEV\nIlham Aliyev met NATO officials.");
        let names: Vec<_> = got.iter().map(|m| m.0).collect();
        assert_eq!(names, ["NATO", "ALIYEV", "Ilham Aliyev", "NATO"]);
        assert_eq!(got[1].2, "Ilham Aliyev");
    }

    #[test]
    fn acronym_joins_long_form() {
        let got = mentions("the Royal Air Force (RAF) said the RAF would fly.");
        assert!(got.iter().all(|m| m.2 == "Royal Air Force"), "{got:?}");
    }

    fn names(text: &str) -> Vec<(&str, ActorKind)> {
        mentions(text).into_iter().map(|m| (m.0, m.1)).collect()
    }

    #[test]
    fn title_case_headlines_do_not_flood() {
        let got = names("Turkey Denies Sending Fighters Over Border\nTurkey denied sending fighters over the border.");
        assert_eq!(
            got,
            [
                ("Turkey", ActorKind::Country),
                ("Turkey", ActorKind::Country)
            ]
        );
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let got = names("Fortunately, nobody was hurt. Meanwhile Reuters reported the attack.");
        assert_eq!(got, [("Reuters", ActorKind::Organisation)]);
    }

    #[test]
    fn sports_teams_named_after_places() {
        let got = names("SOCCER - LEEDS WIN AGAIN\nLONDON 1996-08-30\nLeeds beat Chelsea 2-1 in London on Saturday.");
        assert_eq!(
            got,
            [
                ("LEEDS", ActorKind::Organisation),
                ("Leeds", ActorKind::Organisation),
                ("Chelsea", ActorKind::Organisation)
            ]
        );
    }

    #[test]
    fn armed_groups_and_institutions() {
        let got = names("Azerbaijani forces shelled the town, Armenia's defence ministry said.");
        assert_eq!(
            got,
            [
                ("Azerbaijani forces", ActorKind::Group),
                ("Armenia's defence ministry", ActorKind::Organisation)
            ]
        );
    }

    #[test]
    fn kind_cues_decide_unknown_names() {
        let got = names("Comelf said it would grow. Fans of the Mets cheered.");
        assert_eq!(
            got,
            [
                ("Comelf", ActorKind::Organisation),
                ("Mets", ActorKind::Organisation)
            ]
        );
        let got = names("\"We will win,\" Tsang said.");
        assert_eq!(got, [("Tsang", ActorKind::Person)]);
    }

    #[test]
    fn lists_of_places_stay_places() {
        assert!(names("shelling hit the villages of Khatsak, Arvan and Dovek").is_empty());
        assert!(names("shelling hit Khatsak, Arvan and Dovek settlements").is_empty());
    }

    #[test]
    fn datelines_name_places() {
        let got = names("DAR ES SALAAM, Tanzania (AP) _\nTanzania's government said the U.S. Embassy in Tanzania was hit.");
        assert_eq!(
            got,
            [
                ("Tanzania's government", ActorKind::Organisation),
                ("U.S. Embassy", ActorKind::Organisation)
            ]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            " ",
            "'s",
            "A",
            "\u{0}\u{FFFF}",
            "’s ’s",
            "( RAF )",
            "Mr.",
            "of and the",
            "É\u{301}",
            "The King of Jordan said.",
            "LG 2 OB 0\nSOCCER - X BEAT Y",
        ] {
            let _ = extract(text);
        }
        let long = "Foo Bar said. ".repeat(1000);
        assert!(!extract(&long).is_empty());
    }
}

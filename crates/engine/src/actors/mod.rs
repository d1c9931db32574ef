//! The actor layer: finds named people, organisations, governments and armed groups,
//! and groups mentions of one actor under one canonical entity.
//!
//! The pipeline, one module per step:
//! - [`words`]: tokens with case, sentence position and line mode (prose, Title Case,
//!   ALL-CAPS);
//! - [`candidates`]: runs of capitalised words that may be names;
//! - [`classify`]: titles left out, kind decided;
//! - [`places`]: places told from acting governments;
//! - `document`: what needs the whole document (a surname after its first mention,
//!   names seen only in headlines, kind cues across mentions);
//! - `caps`: names found again in ALL-CAPS lines;
//! - `phrases`: hyphenated countries and lower-case collective actors;
//! - [`entities`]: canonical names.
//!
//! Word lists live in `data/actors/` ([`gazetteer`]).

pub mod candidates;
mod caps;
pub mod classify;
mod document;
pub mod entities;
pub mod fasthash;
pub mod gazetteer;
mod phrases;
pub mod places;
pub mod words;

use crate::model::ActorKind;
use crate::text::{Analysis, ByteSpan};
use classify::{Context, Found};
use words::{Word, Words};

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
    // The words' bytes and at most one space between each: no regrowing.
    let len = ws
        .get(a..b)
        .map_or(0, |w| w.iter().map(|w| w.text.len() + 1).sum());
    let mut s = String::with_capacity(len);
    for (i, w) in ws[a..b].iter().enumerate() {
        // `St. Louis` and `U.N.`: a period sticks to the word before it.
        if i > 0 && !w.is_punct(".") && !w.is_possessive() {
            s.push(' ');
        }
        s.push_str(w.text);
    }
    s
}

/// The length of [`key_of`]`(ws, a, b)`, without building it.
fn key_len(ws: &[Word<'_>], a: usize, b: usize) -> usize {
    ws.get(a..b).map_or(0, |run| {
        run.iter()
            .enumerate()
            .map(|(i, w)| {
                let space = i > 0 && !w.is_punct(".") && !w.is_possessive();
                w.text.len() + usize::from(space)
            })
            .sum()
    })
}

/// The known name tokens `[a, b)` spell ([`gazetteer::Gazetteer::name`] of their
/// [`key_of`]); the key is only built when some name has its first byte and length.
pub(crate) fn name_of(ws: &[Word<'_>], a: usize, b: usize) -> Option<gazetteer::Known> {
    let g = gazetteer::get();
    let first = ws.get(a).and_then(|w| w.text.as_bytes().first());
    match first {
        Some(&first) if !g.may_name(first, key_len(ws, a, b)) => None,
        _ => g.name(&key_of(ws, a, b)),
    }
}

/// Lower case of a word.
pub(crate) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Finds every actor mention in `text`.
pub fn extract(text: &str) -> Vec<ActorMention> {
    extract_in(&Analysis::new(text))
}

/// [`extract`] over a text already read by [`Analysis`] (shared with the other layers).
pub fn extract_in(analysis: &Analysis<'_>) -> Vec<ActorMention> {
    let words = words::words_of(analysis);
    let cx = Context {
        sports: words.sports,
    };
    let mut found = Vec::new();
    for run in candidates::runs(&words) {
        classify::classify(&words, run, cx, &mut found);
    }
    // In text order, the longer of two mentions starting together first.
    crate::order::sort_by_key(&mut found, |f| (f.start, std::cmp::Reverse(f.end)));
    document::decide(&words, cx, &mut found);
    document::apply_cues(&words, cx, &mut found);
    document::join_possessives(&words, &mut found);
    caps::find_in_caps_lines(&words, cx, &mut found);
    crate::order::sort_by_key(&mut found, |f| (f.start, std::cmp::Reverse(f.end)));
    found.dedup_by(|b, a| b.start < a.end);
    let mut mentions = finish(&words, &found);
    let before = mentions.len();
    phrases::extra_mentions(&words, &mut mentions);
    if mentions.len() > before {
        crate::order::sort_by_key(&mut mentions, |m| m.span.start());
    }
    mentions
}

/// Turns found token ranges into mentions with entities.
fn finish(words: &Words<'_>, found: &[Found]) -> Vec<ActorMention> {
    let ws = &words.words;
    let pending: Vec<entities::Pending> = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let kind = f.kind?;
            // A one-word name is its word: no String to build for most mentions.
            let name = if f.end - f.start == 1 {
                std::borrow::Cow::Borrowed(ws[f.start].text)
            } else {
                std::borrow::Cow::Owned(key_of(ws, f.start, f.end))
            };
            Some(entities::Pending {
                name,
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
            let span = ByteSpan::from_raw(ws[f.start].start, ws[f.end - 1].end()).ok()?;
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
    fn hyphenated_countries_and_collective_actors() {
        let got = names("Azerbaijan-Armenia clashes worry the international community.");
        assert_eq!(
            got,
            [
                ("Azerbaijan", ActorKind::Country),
                ("Armenia", ActorKind::Country),
                ("international community", ActorKind::Group)
            ]
        );
        assert!(names("the Armenian-Azerbaijani border").is_empty());
    }

    #[test]
    fn coordinated_nationalities_are_groups() {
        let got = names("fighting between Armenian and Azerbaijani forces");
        assert_eq!(
            got,
            [
                ("Armenian", ActorKind::Group),
                ("Azerbaijani forces", ActorKind::Group)
            ]
        );
    }

    #[test]
    fn people_and_offices_described_by_role() {
        let got = names(
            "The Azeri Prosecutor's Office said the UN chief met the Armenian prime minister.",
        );
        assert_eq!(
            got,
            [
                ("Azeri Prosecutor's Office", ActorKind::Organisation),
                ("UN chief", ActorKind::Person),
                ("Armenian prime minister", ActorKind::Person)
            ]
        );
        let got = names("It contradicts Russia's official position.");
        assert_eq!(got, [("Russia", ActorKind::Country)]);
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
    fn a_dateline_city_is_a_place_not_an_actor() {
        for (text, city) in [
            (
                "YEREVAN, 27 September 2020 (Reuters) - Armenia said Azerbaijan attacked.",
                "YEREVAN",
            ),
            ("BAKU (Reuters) - Azerbaijan said Armenia attacked.", "BAKU"),
            (
                "MOSCOW, Oct 2 (AP) -- Russia said both sides must stop.",
                "MOSCOW",
            ),
            (
                "Title\n\nBAKU, Sept. 28 (Reuters) - Azerbaijan said Armenia attacked.",
                "BAKU",
            ),
            (
                "STEPANAKERT, Azerbaijan, Sept. 27 (AFP) \u{2014} Armenia said it was hit.",
                "STEPANAKERT",
            ),
            (
                "WASHINGTON, Sept. 28, 2020 /PRNewswire/ -- The State Department was worried.",
                "WASHINGTON",
            ),
        ] {
            let got = names(text);
            assert!(
                got.iter().all(|(n, _)| !n.contains(city)),
                "{text}: {got:?}"
            );
            assert!(got.len() >= 2, "{text}: {got:?}");
        }
        // A capitalised row of a sports table keeps its teams.
        let got = names("DETROIT 4 Kansas City 1 (10 innings)");
        assert!(got.iter().any(|(n, _)| *n == "DETROIT"), "{got:?}");
    }

    #[test]
    fn spans_are_ordered_disjoint_and_on_char_boundaries() {
        let text = "Hacıyev’s aide, Ilham Aliyev's envoy, and Azerbaijan-Armenia talks 👍 \
                    in Baku; the Kremlin (Москва) said Mr. José Núñez of Société Générale SA agreed.";
        let got = extract(text);
        assert!(!got.is_empty());
        for pair in got.windows(2) {
            assert!(pair[0].span.end() <= pair[1].span.start(), "{got:?}");
        }
        for m in &got {
            assert!(text.get(m.span.range()).is_some(), "{m:?}");
        }
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

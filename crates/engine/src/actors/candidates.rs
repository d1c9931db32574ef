//! Candidate names: maximal runs of capitalised words in prose and Title Case lines,
//! joined across the small words names contain (`Bank of England`, `Tamim bin Hamad`,
//! `Procter & Gamble`, `J. Doe`).
//!
//! A capital only hints at a name, so a run never starts with an ordinary word that is
//! capitalised because it opens a sentence (`The`, `However`) or because the line is a
//! Title Case headline (`Denies`, `Says`). ALL-CAPS lines yield no runs here: capitals
//! say nothing there, and names in them are found by matching known names instead.

use super::gazetteer::{get, Gazetteer};
use super::words::{LineMode, Word, Words};
use crate::text::TokenKind;

/// A run of name words, as token indices `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Run {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
}

const PARTICLES: &str =
    crate::data::word_list!(include_str!("../../data/actors/name_particles.txt"));
/// The particles packed by [`pack`], at compile time.
const PACKED: [u64; line_count(PARTICLES)] = pack_lines(PARTICLES);

/// Small words that sit inside personal names and never end them
/// (`data/actors/name_particles.txt`).
fn is_particle(s: &str) -> bool {
    // The next word after every name is asked, so the particles are compared as
    // integers in a constant array, as cheap as the literal match they replace; a hash
    // set made the actor layer some 6% slower.
    pack(s.as_bytes()).is_some_and(|p| PACKED.contains(&p))
}

/// A word of at most 7 bytes as one integer (its bytes, then its length in the top
/// byte); `None` for longer words.
const fn pack(bytes: &[u8]) -> Option<u64> {
    if bytes.len() > 7 {
        return None;
    }
    let mut b = [0u8; 8];
    let mut i = 0;
    while i < bytes.len() {
        b[i] = bytes[i];
        i += 1;
    }
    b[7] = bytes.len() as u8;
    Some(u64::from_le_bytes(b))
}

/// The number of lines of a compacted word list (one entry each).
const fn line_count(list: &str) -> usize {
    let bytes = list.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            n += 1;
        }
        i += 1;
    }
    n
}

/// Each line of a compacted word list, packed; a line too long to pack stops the
/// build.
const fn pack_lines<const N: usize>(list: &str) -> [u64; N] {
    let bytes = list.as_bytes();
    let mut out = [0u64; N];
    let (mut n, mut start, mut i) = (0, 0, 0);
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            let (line, _) = bytes.split_at(i);
            let (_, line) = line.split_at(start);
            out[n] = match pack(line) {
                Some(p) => p,
                None => panic!("name_particles.txt: an entry longer than 7 bytes"),
            };
            n += 1;
            start = i + 1;
        }
        i += 1;
    }
    out
}

/// Small words that sit inside organisation names (`Ministry of Defence`).
fn is_joiner(s: &str) -> bool {
    matches!(s, "of" | "for" | "and" | "on" | "in" | "the" | "&")
}

/// Abbreviations whose period stays inside a name (`St. Louis`, `Mr. Smith`, `J. Doe`).
fn keeps_period(s: &str) -> bool {
    let one_letter = s.chars().count() == 1 && s.chars().all(char::is_uppercase);
    one_letter
        || matches!(
            s,
            "St" | "Mr"
                | "Mrs"
                | "Ms"
                | "Dr"
                | "Gen"
                | "Jr"
                | "Sr"
                | "Lt"
                | "Col"
                | "Sen"
                | "Gov"
                | "Rep"
                | "Rev"
                | "Capt"
                | "Maj"
                | "Sgt"
                | "Adm"
                | "Prof"
                | "Mt"
                | "Ft"
        )
}

/// True when a capitalised word is an ordinary word that does not start a name here.
pub fn is_plain_word(w: &Word<'_>, mode: LineMode) -> bool {
    let (e, l) = (w.entry(), w.lower_entry());
    let ordinary = w.is_ordinary()
        && !l.is_title()
        && !l.is_group_modifier()
        && !e.is_organisation_word()
        && !e.is_given_name()
        && !e.starts_name()
        && e.known().is_none();
    ordinary && (w.initial || mode != LineMode::Prose)
}

/// Finds the candidate runs of a text's prose and Title Case lines.
pub fn runs(words: &Words<'_>) -> Vec<Run> {
    let g = get();
    let ws = &words.words;
    // Whether token i may be part of a name: asked of each token once or twice, and
    // most tokens are not capitalised, so no table for every token.
    let name_like = |i: usize| -> bool {
        let Some(w) = ws.get(i) else {
            return false;
        };
        if !w.is_capitalised() {
            return false;
        }
        let mode = words.mode(w);
        if mode == LineMode::Caps || !is_name_shaped(g, w) {
            return false;
        }
        // `US$ 5`, `AU$`: a currency, not a country.
        if ws
            .get(i + 1)
            .is_some_and(|n| n.is_punct("$") && n.start == w.end())
        {
            return false;
        }
        // `Il-76`, `F-16`: a model designation, not a name.
        let model = ws
            .get(i + 1)
            .is_some_and(|n| n.is_punct("-") && n.start == w.end())
            && ws.get(i + 2).is_some_and(|n| n.kind == TokenKind::Number);
        if model {
            return false;
        }
        // `I. Austin`: a capital and a period is an initial, never the word `I`.
        let initial = w.text.chars().count() == 1
            && ws
                .get(i + 1)
                .is_some_and(|n| n.is_punct(".") && n.start == w.end());
        if initial {
            return true;
        }
        let plain = is_plain_word(w, mode);
        // Inside a Title Case headline every ordinary word breaks a name.
        let ordinary = w.is_ordinary();
        !(plain || (mode == LineMode::Title && ordinary && is_breaker(w)))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        if !name_like(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while let Some(next) = ws.get(end) {
            if next.after_break {
                break;
            }
            if name_like(end) {
                end += 1;
                continue;
            }
            // Particles may come in a row: `Joost van der Westhuizen`.
            let mut after = end + 1;
            if next.kind == TokenKind::Word && is_particle(next.text) {
                while ws
                    .get(after)
                    .is_some_and(|w| w.kind == TokenKind::Word && is_particle(w.text))
                {
                    after += 1;
                }
            }
            let follows = ws.get(after).is_some_and(|n| !n.after_break) && name_like(after);
            let inner = follows
                && ((next.kind == TokenKind::Word
                    && (is_particle(next.text) || is_joiner(next.text)))
                    || next.is_punct("&")
                    || (next.is_punct(".") && keeps_period(ws[end - 1].text)));
            if inner {
                end = after + 1;
            } else {
                break;
            }
        }
        split_joiners(g, ws, start, end, &mut out);
        i = end;
    }
    out
}

/// Digits (`A380`, `GMT22`) and lower-case hyphen parts (`Armenian-held`) make a word
/// something other than a name; so does a pair of nationalities (`Armenian-Azerbaijani`).
fn is_name_shaped(g: &Gazetteer, w: &Word<'_>) -> bool {
    let text = w.text;
    if w.entry().known().is_some() {
        return true;
    }
    // ASCII digits are single bytes in UTF-8: no decoding to find one.
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // `R-Texas`, `D-Calif`: a lawmaker's party and state, not a name.
    let mut chars = text.chars();
    if matches!(chars.next(), Some('R' | 'D' | 'I')) && chars.next() == Some('-') {
        return false;
    }
    // `UAVs`, `GDRs`: a plural of an abbreviation names things, not an actor.
    let stem = text.strip_suffix('s').unwrap_or("");
    if stem.chars().all(|c| c.is_uppercase()) && stem.chars().nth(1).is_some() {
        return false;
    }
    // `Armenian-held`, `EADS-led`, `Turkish-controlled`: an adjective made from a name.
    let hyphen = text.as_bytes().contains(&b'-');
    let lower_part = hyphen
        && text.rsplit('-').next().is_some_and(|last| {
            last.chars().next().is_some_and(char::is_lowercase)
                && [
                    "ed", "ing", "held", "run", "made", "born", "built", "wide", "style",
                ]
                .iter()
                .any(|end| last.ends_with(end))
        });
    // `Armenian-Azerbaijani` border, `Azerbaijan-Armenia` clashes (found part by part).
    let demonyms = hyphen
        && text.split('-').all(|p| {
            matches!(
                g.name(p),
                Some(
                    super::gazetteer::Known::Demonym(_)
                        | super::gazetteer::Known::Country(_)
                        | super::gazetteer::Known::Seat(_)
                )
            )
        });
    !lower_part && !demonyms
}

/// A Title Case word that is an ordinary word and not part of an institution's name.
fn is_breaker(w: &Word<'_>) -> bool {
    !w.lower_entry().is_title()
        && !w.lower_entry().is_group_modifier()
        && !w.entry().is_organisation_word()
        && w.entry().known().is_none()
}

/// Splits a raw run at `of`, `and`, `for`... unless the words on the left name an
/// institution (`Ministry of Defence`) or the whole is a known name (`Bosnia and
/// Herzegovina`).
fn split_joiners(g: &Gazetteer, ws: &[Word<'_>], start: usize, end: usize, out: &mut Vec<Run>) {
    let mut seg = start;
    let mut org = false;
    let last_org = (start..end)
        .rev()
        .find(|&k| ws[k].entry().is_organisation_word());
    // Known names are short: longer stretches are never looked up whole, which keeps a
    // pathological line of joiners linear.
    let short = |a: usize, b: usize| b - a <= g.max_name_words() * 2;
    let mut k = start;
    while k < end {
        let w = &ws[k];
        if w.entry().is_organisation_word() {
            org = true;
        }
        let joiner =
            (w.kind == TokenKind::Word && is_joiner(w.text) || w.is_punct("&")) && k > start;
        // `Republican Party for Hillary Clinton`: a person's name after a joiner is
        // never part of an institution's name.
        let person_follows = || ws.get(k + 1).is_some_and(|n| n.entry().is_given_name());
        if joiner && w.text != "&" && person_follows() {
            out.push(Run { start: seg, end: k });
            seg = k + 1;
            org = false;
            k += 1;
            continue;
        }
        // Inside an institution's name `and` joins only when more of the name follows
        // (`Security and Co-operation in Europe`, not `Bank of England and Armenia`).
        let and_ends = w.text == "and" && k + 2 >= end;
        // `Johnson Controls Inc and Lear Corp`: two firms, each ending in its suffix.
        let after_suffix = w.text == "and"
            && ws[k - 1].entry().is_organisation_word()
            && !ws
                .get(k + 1)
                .is_some_and(|n| n.entry().is_organisation_word());
        let and_ends = and_ends || after_suffix;
        // `Embassy in Tanzania`: `in` and `on` stay inside a name only before more of
        // the institution (`Co-operation in Europe Permanent Council`).
        let place_joiner = matches!(w.text, "in" | "on") && last_org.is_none_or(|o| o <= k);
        if joiner && (!org || and_ends || place_joiner) && w.text != "&" {
            let known = short(seg, end) && super::name_of(ws, seg, end).is_some();
            let later_org = last_org.is_some_and(|o| o > k);
            let left_is_org = short(seg, k)
                && matches!(
                    super::name_of(ws, seg, k),
                    Some(super::gazetteer::Known::Organisation(_))
                );
            if !known && !(later_org && (left_is_org || w.text == "for")) {
                out.push(Run { start: seg, end: k });
                seg = k + 1;
            }
        }
        k += 1;
    }
    if seg < end {
        out.push(Run { start: seg, end });
    }
}

#[cfg(test)]
mod tests {
    use super::super::words::words_of;
    use super::*;
    use crate::text::Analysis;

    #[test]
    fn every_particle_is_short_enough_to_pack() {
        for p in crate::data::entries(PARTICLES) {
            assert!(pack(p.as_bytes()).is_some(), "{p}");
            assert!(is_particle(p), "{p}");
        }
        assert!(!is_particle("Van") && !is_particle("d") && !is_particle("dell"));
    }

    fn texts(text: &str) -> Vec<String> {
        let a = Analysis::new(text);
        let w = words_of(&a);
        runs(&w)
            .iter()
            .map(|r| super::super::key_of(&w.words, r.start, r.end))
            .collect()
    }

    #[test]
    fn sentence_initial_words_do_not_start_names() {
        assert_eq!(
            texts("However Nikol Pashinyan said so."),
            ["Nikol Pashinyan"]
        );
        assert_eq!(texts("The Kremlin said."), ["Kremlin"]);
    }

    #[test]
    fn joiners_stay_inside_institutions_only() {
        assert_eq!(
            texts("the Bank of England and Armenia agreed"),
            ["Bank of England", "Armenia"]
        );
        assert_eq!(
            texts("Armenia and Azerbaijan agreed"),
            ["Armenia", "Azerbaijan"]
        );
        assert_eq!(
            texts("met Sheikh Tamim bin Hamad Al Thani"),
            ["Sheikh Tamim bin Hamad Al Thani"]
        );
    }

    #[test]
    fn headline_words_break_names() {
        assert_eq!(
            texts("Turkey Denies Sending Syrian Fighters to Azerbaijan\nTurkey denied sending fighters."),
            ["Turkey", "Syrian", "Azerbaijan", "Turkey"]
        );
    }

    #[test]
    fn caps_lines_give_no_runs() {
        assert!(texts("SOCCER - ROMANIA BEAT LITHUANIA").is_empty());
    }
}

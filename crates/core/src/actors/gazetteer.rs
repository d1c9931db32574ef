//! The actor word lists under `data/actors/`, loaded once into lookup tables.
//!
//! Names (countries, capitals, places, organisations) are keyed by their words joined
//! with single spaces, so `U.N.` and `St. Louis` match however the text spaces them.
//! A second, lower-case table serves ALL-CAPS lines; it leaves out names whose lower
//! case is an ordinary word (`WHO`, `IS`), which would otherwise match `Who`, `Is`.

use super::fasthash::{FastMap as HashMap, FastSet as HashSet, Shapes};
use std::sync::OnceLock;

use crate::data::{entries, fields};

static COUNTRIES: &str = crate::data::word_list!(include_str!("../../data/actors/countries.txt"));
static PLACES: &str = crate::data::word_list!(include_str!("../../data/actors/places.txt"));
static PEOPLES: &str = crate::data::word_list!(include_str!("../../data/actors/peoples.txt"));
static ORGANISATIONS: &str =
    crate::data::word_list!(include_str!("../../data/actors/organisations.txt"));
static TITLES: &str = crate::data::word_list!(include_str!("../../data/actors/titles.txt"));
static ORGANISATION_WORDS: &str =
    crate::data::word_list!(include_str!("../../data/actors/organisation_words.txt"));
static GROUP_WORDS: &str =
    crate::data::word_list!(include_str!("../../data/actors/group_words.txt"));
static GROUP_MODIFIERS: &str =
    crate::data::word_list!(include_str!("../../data/actors/group_modifiers.txt"));
static PLACE_WORDS: &str =
    crate::data::word_list!(include_str!("../../data/actors/place_words.txt"));
static GIVEN_NAMES: &str =
    crate::data::word_list!(include_str!("../../data/actors/given_names.txt"));
static COMMON_WORDS: &str =
    crate::data::word_list!(include_str!("../../data/actors/common_words.txt"));
static SPORTS: &str = crate::data::word_list!(include_str!("../../data/actors/sports.txt"));
static ACTING_VERBS: &str =
    crate::data::word_list!(include_str!("../../data/actors/acting_verbs.txt"));
static GROUP_PHRASES: &str =
    crate::data::word_list!(include_str!("../../data/actors/group_phrases.txt"));
static CALENDAR_WORDS: &str =
    crate::data::word_list!(include_str!("../../data/actors/calendar_words.txt"));
static KIND_CUES: &str = crate::data::word_list!(include_str!("../../data/actors/kind_cues.txt"));
static NOT_ACTOR_HEADS: &str =
    crate::data::word_list!(include_str!("../../data/actors/not_actor_heads.txt"));

/// What a known name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A country's name or alias; the value is its canonical name.
    Country(&'static str),
    /// A capital standing for a country's government (`Baku` -> `Azerbaijan`).
    Seat(&'static str),
    /// A nationality adjective (`Armenian` -> `Armenia`).
    Demonym(&'static str),
    /// A place that is not a country: region, state, county, city.
    Place,
    /// An organisation; the value is its canonical name.
    Organisation(&'static str),
}

/// What a lower-case noun after a country or demonym makes of the phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounKind {
    /// `forces`, `rebels`: an armed or political group.
    Group,
    /// `ministry`, `government`: an organisation.
    Organisation,
}

/// Where a kind cue stands relative to a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CuePlace {
    /// The word right before the name (`club`).
    Before,
    /// The word right after the name (`are`).
    After,
    /// The first pronoun after the name in its sentence (`he`, `it`).
    Pronoun,
}

/// All actor word lists, ready for lookup.
pub struct Gazetteer {
    names: HashMap<String, Known>,
    names_lower: HashMap<String, Known>,
    name_starts: HashSet<&'static str>,
    max_name_words: usize,
    titles: HashSet<&'static str>,
    organisation_words: HashMap<&'static str, NounKind>,
    not_actor_heads: HashSet<&'static str>,
    calendar_words: HashSet<&'static str>,
    group_phrases: HashSet<(&'static str, &'static str)>,
    /// Shapes of the phrases' last words: most words end no phrase.
    group_phrase_ends: Shapes,
    acting_verbs: HashSet<&'static str>,
    /// Cue word -> true when it points to a person, false for an organisation.
    kind_cues: HashMap<(CuePlace, &'static str), bool>,
    after_nouns: HashSet<&'static str>,
    group_words: HashMap<&'static str, NounKind>,
    group_modifiers: HashSet<&'static str>,
    force_nouns: HashSet<&'static str>,
    prepositions: HashSet<&'static str>,
    of_nouns: HashSet<&'static str>,
    given_names: HashSet<&'static str>,
    common_words: HashSet<&'static str>,
    sports_words: HashSet<&'static str>,
    /// Shapes of the sports words: every word of a text is tested.
    sports_shapes: Shapes,
}

/// The gazetteer, built on first use.
pub fn get() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(Gazetteer::load)
}

/// A name's words joined by single spaces (`U.N.`, `St . Louis` -> `St. Louis` stays
/// as written apart from spacing).
fn key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn list(field: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    field
        .copied()
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut names: HashMap<String, Known> = HashMap::default();
        let mut add = |name: &str, known: Known| {
            names.entry(key(name)).or_insert(known);
        };
        for f in fields(COUNTRIES) {
            let Some(&canonical) = f.first() else {
                continue;
            };
            add(canonical, Known::Country(canonical));
            for alias in list(f.get(1)) {
                add(alias, Known::Country(canonical));
            }
            for demonym in list(f.get(2)) {
                add(demonym, Known::Demonym(canonical));
                add(&format!("{demonym}s"), Known::Demonym(canonical));
            }
            for seat in list(f.get(3)) {
                add(seat, Known::Seat(canonical));
            }
        }
        for f in fields(ORGANISATIONS) {
            let Some(&canonical) = f.first() else {
                continue;
            };
            add(canonical, Known::Organisation(canonical));
            for alias in list(f.get(1)) {
                add(alias, Known::Organisation(canonical));
            }
        }
        for place in entries(PLACES) {
            add(place, Known::Place);
        }
        for people in entries(PEOPLES) {
            add(people, Known::Demonym(people));
            add(&format!("{people}s"), Known::Demonym(people));
        }
        let common_words: HashSet<&'static str> = entries(COMMON_WORDS).collect();
        let names_lower = names
            .iter()
            .map(|(k, v)| (k.to_lowercase(), *v))
            .filter(|(k, _)| !common_words.contains(k.as_str()) && k.chars().count() > 2)
            .collect();
        // First words of known names of several words (`New` York, `Port` Vale):
        // such a word opens a name even where it is an ordinary word.
        let name_starts: HashSet<&'static str> = fields(COUNTRIES)
            .chain(fields(ORGANISATIONS))
            .flat_map(|f| f.into_iter().take(2))
            .flat_map(|field| field.split(','))
            .chain(entries(PLACES))
            .filter_map(|name| {
                let name = name.trim();
                name.contains(' ').then(|| name.split(' ').next()).flatten()
            })
            .filter(|w| !matches!(*w, "The" | "A" | "An" | "Al" | "El"))
            .collect();
        let max_name_words = names
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut prepositions = HashSet::default();
        let mut of_nouns = HashSet::default();
        let mut after_nouns = HashSet::default();
        for f in fields(PLACE_WORDS) {
            match (f.first(), f.get(1)) {
                (Some(&w), Some(&"of-noun")) => of_nouns.insert(w),
                (Some(&w), Some(&"after-noun")) => after_nouns.insert(w),
                (Some(&w), _) => prepositions.insert(w),
                _ => false,
            };
        }
        let kinded = |list: &'static str, default: NounKind| {
            fields(list)
                .filter_map(move |f| {
                    let kind = match f.get(1).copied() {
                        Some("organisation") => NounKind::Organisation,
                        Some("group") => NounKind::Group,
                        _ => default,
                    };
                    f.first().map(|&w| (w, kind))
                })
                .collect::<HashMap<_, _>>()
        };
        Gazetteer {
            names,
            names_lower,
            name_starts,
            max_name_words,
            titles: entries(TITLES).collect(),
            organisation_words: kinded(ORGANISATION_WORDS, NounKind::Organisation),
            not_actor_heads: entries(NOT_ACTOR_HEADS).collect(),
            calendar_words: entries(CALENDAR_WORDS).collect(),
            group_phrases: entries(GROUP_PHRASES)
                .filter_map(|e| e.split_once(' '))
                .collect(),
            group_phrase_ends: Shapes::of(
                entries(GROUP_PHRASES).filter_map(|e| e.split_once(' ').map(|p| p.1)),
            ),
            acting_verbs: entries(ACTING_VERBS).collect(),
            kind_cues: fields(KIND_CUES)
                .filter_map(|f| {
                    let place = match f.get(1).copied()? {
                        "before" => CuePlace::Before,
                        "after" => CuePlace::After,
                        _ => CuePlace::Pronoun,
                    };
                    let person = f.get(2).copied()? == "person";
                    Some(((place, *f.first()?), person))
                })
                .collect(),
            after_nouns,
            group_words: kinded(GROUP_WORDS, NounKind::Group),
            force_nouns: fields(GROUP_WORDS)
                .filter(|f| f.get(2) == Some(&"force"))
                .filter_map(|f| f.first().copied())
                .collect(),
            group_modifiers: entries(GROUP_MODIFIERS).collect(),
            prepositions,
            of_nouns,
            given_names: entries(GIVEN_NAMES).collect(),
            common_words,
            sports_words: entries(SPORTS).collect(),
            sports_shapes: Shapes::of(entries(SPORTS)),
        }
    }

    /// The known name spelled exactly `name` (words joined by single spaces).
    pub fn name(&self, name: &str) -> Option<Known> {
        self.names.get(name).copied()
    }

    /// The known name matching lower-case `name` (for ALL-CAPS text).
    pub fn name_lower(&self, name: &str) -> Option<Known> {
        self.names_lower.get(name).copied()
    }

    /// True for the first word of a known name of several words (`New`, `United`).
    pub fn starts_name(&self, word: &str) -> bool {
        self.name_starts.contains(word)
    }

    /// The most words any known name has.
    pub fn max_name_words(&self) -> usize {
        self.max_name_words
    }

    /// True for a title or role word (lower case): `president`, `minister`, `mr.`.
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }

    /// True for a word that makes a name an organisation (`Ministry`, `Inc`).
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.organisation_words.contains_key(word)
    }

    /// The kind an organisation word gives a name (`Forces` -> group).
    pub fn organisation_word(&self, word: &str) -> Option<NounKind> {
        self.organisation_words.get(word).copied()
    }

    /// Whether a cue word at `place` points to a person (`Some(true)`) or an
    /// organisation (`Some(false)`).
    pub fn kind_cue(&self, place: CuePlace, lower: &str) -> Option<bool> {
        self.kind_cues.get(&(place, lower)).copied()
    }

    /// True for a verb that makes a place before it act (`says`, `accused`).
    pub fn is_acting_verb(&self, word: &str) -> bool {
        self.acting_verbs.contains(word)
    }

    /// True for a lower-case two-word phrase naming a collective actor
    /// (`international community`).
    pub fn is_group_phrase(&self, first: &str, last: &str) -> bool {
        self.group_phrase_ends.may_hold(last) && self.group_phrases.contains(&(first, last))
    }

    /// True for a month or day name (`September`, `Fri`).
    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.calendar_words.contains(word)
    }

    /// True for a last word that makes a name a place, event or law (`Street`, `Cup`).
    pub fn is_not_actor_head(&self, word: &str) -> bool {
        self.not_actor_heads.contains(word)
    }

    /// True for a lower-case noun that, right after a name, makes it a place
    /// (`the Syunik region`).
    pub fn is_after_noun(&self, lower: &str) -> bool {
        self.after_nouns.contains(lower)
    }

    /// The kind a lower-case noun after a demonym gives (`forces` -> group).
    pub fn group_word(&self, lower: &str) -> Option<NounKind> {
        self.group_words.get(lower).copied()
    }

    /// True for a group noun that names armed forces (`forces`, `troops`): only these
    /// make one group with `of` and a country (`the armed forces of Armenia`).
    pub fn is_force_noun(&self, lower: &str) -> bool {
        self.force_nouns.contains(lower)
    }

    /// True for a lower-case word allowed between a demonym and its group noun.
    pub fn is_group_modifier(&self, lower: &str) -> bool {
        self.group_modifiers.contains(lower)
    }

    /// True for a preposition that makes the following name a place (`in`, `from`).
    pub fn is_place_preposition(&self, lower: &str) -> bool {
        self.prepositions.contains(lower)
    }

    /// True for a noun that, before `of`, makes the following name a place.
    pub fn is_of_noun(&self, word: &str) -> bool {
        self.of_nouns.contains(word)
    }

    /// True for a common given name (`Nikol`, `John`).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// True for an ordinary English word (lower case).
    pub fn is_common(&self, lower: &str) -> bool {
        self.common_words.contains(lower)
    }

    /// True for a word typical of sports reports (lower case).
    pub fn is_sports_word(&self, lower: &str) -> bool {
        self.sports_shapes.may_hold(lower) && self.sports_words.contains(lower)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let g = get();
        assert_eq!(g.name("Baku"), Some(Known::Seat("Azerbaijan")));
        assert_eq!(g.name("Azeri"), Some(Known::Demonym("Azerbaijan")));
        assert_eq!(g.name("U.N."), Some(Known::Organisation("United Nations")));
        assert_eq!(
            g.name_lower("nato"),
            Some(Known::Organisation("North Atlantic Treaty Organization"))
        );
        assert_eq!(g.name_lower("who"), None);
        assert!(g.is_title("minister"));
        assert!(g.is_organisation_word("Ministry"));
        assert_eq!(g.group_word("forces"), Some(NounKind::Group));
        assert!(g.is_place_preposition("in"));
        assert!(g.is_given_name("Nikol"));
        assert!(g.is_common("however"));
    }
}

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

/// Which word lists hold a word: bits of [`Entry`].
mod list {
    pub const TITLE: u32 = 1;
    pub const NOT_ACTOR_HEAD: u32 = 1 << 1;
    pub const CALENDAR: u32 = 1 << 2;
    pub const ACTING_VERB: u32 = 1 << 3;
    pub const AFTER_NOUN: u32 = 1 << 4;
    pub const GROUP_MODIFIER: u32 = 1 << 5;
    pub const FORCE_NOUN: u32 = 1 << 6;
    pub const PREPOSITION: u32 = 1 << 7;
    pub const OF_NOUN: u32 = 1 << 8;
    pub const GIVEN_NAME: u32 = 1 << 9;
    pub const COMMON: u32 = 1 << 10;
    pub const NAME_START: u32 = 1 << 12;
    /// Kind cues: two bits per place, person then organisation.
    pub const CUE_BEFORE: u32 = 1 << 14;
    pub const CUE_AFTER: u32 = 1 << 16;
    pub const CUE_PRONOUN: u32 = 1 << 18;
}

/// Everything the word lists say about one spelling: which lists hold it, and the
/// known name it spells. One lookup answers every list, where a word used to be
/// looked up in each list on its own (several hash lookups per capitalised word).
#[derive(Debug, Clone, Copy, Default)]
pub struct Entry {
    lists: u32,
    known: Option<Known>,
    organisation_word: Option<NounKind>,
    group_word: Option<NounKind>,
}

impl Entry {
    /// What no list holds.
    pub const NONE: Entry = Entry {
        lists: 0,
        known: None,
        organisation_word: None,
        group_word: None,
    };

    fn has(&self, list: u32) -> bool {
        self.lists & list != 0
    }

    /// The known name this spelling is (see [`Gazetteer::name`]).
    pub fn known(&self) -> Option<Known> {
        self.known
    }

    /// See [`Gazetteer::is_title`].
    pub fn is_title(&self) -> bool {
        self.has(list::TITLE)
    }

    /// See [`Gazetteer::is_organisation_word`].
    pub fn is_organisation_word(&self) -> bool {
        self.organisation_word.is_some()
    }

    /// See [`Gazetteer::organisation_word`].
    pub fn organisation_word(&self) -> Option<NounKind> {
        self.organisation_word
    }

    /// See [`Gazetteer::group_word`].
    pub fn group_word(&self) -> Option<NounKind> {
        self.group_word
    }

    /// See [`Gazetteer::is_calendar_word`].
    pub fn is_calendar_word(&self) -> bool {
        self.has(list::CALENDAR)
    }

    /// See [`Gazetteer::is_not_actor_head`].
    pub fn is_not_actor_head(&self) -> bool {
        self.has(list::NOT_ACTOR_HEAD)
    }

    /// See [`Gazetteer::is_acting_verb`].
    pub fn is_acting_verb(&self) -> bool {
        self.has(list::ACTING_VERB)
    }

    /// See [`Gazetteer::is_after_noun`].
    pub fn is_after_noun(&self) -> bool {
        self.has(list::AFTER_NOUN)
    }

    /// See [`Gazetteer::is_group_modifier`].
    pub fn is_group_modifier(&self) -> bool {
        self.has(list::GROUP_MODIFIER)
    }

    /// See [`Gazetteer::is_force_noun`].
    pub fn is_force_noun(&self) -> bool {
        self.has(list::FORCE_NOUN)
    }

    /// See [`Gazetteer::is_place_preposition`].
    pub fn is_place_preposition(&self) -> bool {
        self.has(list::PREPOSITION)
    }

    /// See [`Gazetteer::is_of_noun`].
    pub fn is_of_noun(&self) -> bool {
        self.has(list::OF_NOUN)
    }

    /// See [`Gazetteer::is_given_name`].
    pub fn is_given_name(&self) -> bool {
        self.has(list::GIVEN_NAME)
    }

    /// See [`Gazetteer::is_common`].
    pub fn is_common(&self) -> bool {
        self.has(list::COMMON)
    }

    /// See [`Gazetteer::starts_name`].
    pub fn starts_name(&self) -> bool {
        self.has(list::NAME_START)
    }

    /// See [`Gazetteer::kind_cue`].
    pub fn kind_cue(&self, place: CuePlace) -> Option<bool> {
        let bits = (self.lists / cue_bit(place)) & 3;
        match bits {
            1 => Some(true),
            2 => Some(false),
            _ => None,
        }
    }
}

fn cue_bit(place: CuePlace) -> u32 {
    match place {
        CuePlace::Before => list::CUE_BEFORE,
        CuePlace::After => list::CUE_AFTER,
        CuePlace::Pronoun => list::CUE_PRONOUN,
    }
}

/// All actor word lists, ready for lookup.
pub struct Gazetteer {
    /// Every spelling any list holds (names keyed by their words joined by single
    /// spaces), with the index of what the lists say about it in `table`.
    entries: HashMap<String, u16>,
    /// Shapes of the known names, so a name of several words is only built and
    /// looked up when some name has its first byte and length.
    name_shapes: Shapes,
    /// What the lists say, by index; index 0 is [`Entry::NONE`]. A small index lets
    /// the actor layer's per-token `Word` carry its entries in four bytes.
    table: Vec<Entry>,
    names_lower: HashMap<String, Known>,
    max_name_words: usize,
    group_phrases: HashSet<(&'static str, &'static str)>,
    /// Shapes of the phrases' last words: every word of a text is tested, and most
    /// words end no phrase.
    group_phrase_ends: Shapes,
    /// The sports words on their own: every word of a text is tested, and a small
    /// table answers the many misses faster than the whole one.
    sports_words: HashSet<&'static str>,
    /// Shapes of the sports words, a test cheaper still.
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
        let mut table: HashMap<String, Entry> = HashMap::default();
        // The first list to name a spelling decides what it is.
        let mut add = |name: &str, known: Known| {
            let e = table.entry(key(name)).or_default();
            e.known.get_or_insert(known);
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
        let names_lower = table
            .iter()
            .filter_map(|(k, e)| Some((k.to_lowercase(), e.known?)))
            .filter(|(k, _)| !common_words.contains(k.as_str()) && k.chars().count() > 2)
            .collect();
        let max_name_words = table
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let mut mark = |word: &str, bits: u32| {
            table.entry(word.to_string()).or_default().lists |= bits;
        };
        for w in common_words {
            mark(w, list::COMMON);
        }
        // First words of known names of several words (`New` York, `Port` Vale):
        // such a word opens a name even where it is an ordinary word.
        let name_starts = fields(COUNTRIES)
            .chain(fields(ORGANISATIONS))
            .flat_map(|f| f.into_iter().take(2))
            .flat_map(|field| field.split(','))
            .chain(entries(PLACES))
            .filter_map(|name| {
                let name = name.trim();
                name.contains(' ').then(|| name.split(' ').next()).flatten()
            })
            .filter(|w| !matches!(*w, "The" | "A" | "An" | "Al" | "El"));
        for w in name_starts {
            mark(w, list::NAME_START);
        }
        for f in fields(PLACE_WORDS) {
            match (f.first(), f.get(1)) {
                (Some(&w), Some(&"of-noun")) => mark(w, list::OF_NOUN),
                (Some(&w), Some(&"after-noun")) => mark(w, list::AFTER_NOUN),
                (Some(&w), _) => mark(w, list::PREPOSITION),
                _ => {}
            };
        }
        let simple = [
            (TITLES, list::TITLE),
            (NOT_ACTOR_HEADS, list::NOT_ACTOR_HEAD),
            (CALENDAR_WORDS, list::CALENDAR),
            (ACTING_VERBS, list::ACTING_VERB),
            (GROUP_MODIFIERS, list::GROUP_MODIFIER),
            (GIVEN_NAMES, list::GIVEN_NAME),
        ];
        for (words, bits) in simple {
            for w in entries(words) {
                mark(w, bits);
            }
        }
        for f in fields(GROUP_WORDS).filter(|f| f.get(2) == Some(&"force")) {
            if let Some(&w) = f.first() {
                mark(w, list::FORCE_NOUN);
            }
        }
        for f in fields(KIND_CUES) {
            let (Some(&w), Some(&place), Some(&kind)) = (f.first(), f.get(1), f.get(2)) else {
                continue;
            };
            let place = match place {
                "before" => CuePlace::Before,
                "after" => CuePlace::After,
                _ => CuePlace::Pronoun,
            };
            let bit = cue_bit(place);
            // A later line for the same word and place overrides an earlier one.
            let e = table.entry(w.to_string()).or_default();
            e.lists &= !(bit * 3);
            e.lists |= if kind == "person" { bit } else { bit * 2 };
        }
        let kinded = |list: &'static str, default: NounKind| {
            fields(list).filter_map(move |f| {
                let kind = match f.get(1).copied() {
                    Some("organisation") => NounKind::Organisation,
                    Some("group") => NounKind::Group,
                    _ => default,
                };
                f.first().map(|&w| (w, kind))
            })
        };
        for (w, kind) in kinded(ORGANISATION_WORDS, NounKind::Organisation) {
            table.entry(w.to_string()).or_default().organisation_word = Some(kind);
        }
        for (w, kind) in kinded(GROUP_WORDS, NounKind::Group) {
            table.entry(w.to_string()).or_default().group_word = Some(kind);
        }
        let name_shapes = Shapes::of(
            table
                .iter()
                .filter(|(_, e)| e.known.is_some())
                .map(|(k, _)| k.as_str()),
        );
        // Sorted, so the indices are the same on every run.
        let mut spellings: Vec<(String, Entry)> = table.into_iter().collect();
        spellings.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let mut ids = HashMap::default();
        let mut table = vec![Entry::NONE];
        for (spelling, e) in spellings {
            // More spellings than a u16 indexes would leave the rest unlisted; the
            // lists hold a few thousand (a test checks the margin).
            let Ok(id) = u16::try_from(table.len()) else {
                break;
            };
            ids.insert(spelling, id);
            table.push(e);
        }
        Gazetteer {
            name_shapes,
            entries: ids,
            table,
            names_lower,
            max_name_words,
            group_phrases: entries(GROUP_PHRASES)
                .filter_map(|e| e.split_once(' '))
                .collect(),
            group_phrase_ends: Shapes::of(
                entries(GROUP_PHRASES).filter_map(|e| e.split_once(' ').map(|p| p.1)),
            ),
            sports_words: entries(SPORTS).collect(),
            sports_shapes: Shapes::of(entries(SPORTS)),
        }
    }

    /// What the lists say about the spelling `word` ([`Entry::NONE`] when no list
    /// holds it): one lookup for every question below.
    pub fn entry(&self, word: &str) -> &Entry {
        self.entry_at(self.entry_id(word))
    }

    /// The index of what the lists say about `word` (0 when no list holds it), for
    /// [`Gazetteer::entry_at`].
    pub fn entry_id(&self, word: &str) -> u16 {
        self.entries.get(word).copied().unwrap_or(0)
    }

    /// What the lists say about the spelling with index `id` ([`Entry::NONE`] for an
    /// index no spelling has).
    pub fn entry_at(&self, id: u16) -> &Entry {
        self.table.get(usize::from(id)).unwrap_or(&Entry::NONE)
    }

    /// The known name spelled exactly `name` (words joined by single spaces).
    pub fn name(&self, name: &str) -> Option<Known> {
        self.entry(name).known
    }

    /// False when no known name starts with byte `first` and is `len` bytes long.
    pub fn may_name(&self, first: u8, len: usize) -> bool {
        self.name_shapes.may_hold_shape(first, len)
    }

    /// The known name matching lower-case `name` (for ALL-CAPS text).
    pub fn name_lower(&self, name: &str) -> Option<Known> {
        self.names_lower.get(name).copied()
    }

    /// True for the first word of a known name of several words (`New`, `United`).
    pub fn starts_name(&self, word: &str) -> bool {
        self.entry(word).starts_name()
    }

    /// The most words any known name has.
    pub fn max_name_words(&self) -> usize {
        self.max_name_words
    }

    /// True for a title or role word (lower case): `president`, `minister`, `mr.`.
    pub fn is_title(&self, lower: &str) -> bool {
        self.entry(lower).is_title()
    }

    /// True for a word that makes a name an organisation (`Ministry`, `Inc`).
    pub fn is_organisation_word(&self, word: &str) -> bool {
        self.entry(word).is_organisation_word()
    }

    /// The kind an organisation word gives a name (`Forces` -> group).
    pub fn organisation_word(&self, word: &str) -> Option<NounKind> {
        self.entry(word).organisation_word
    }

    /// Whether a cue word at `place` points to a person (`Some(true)`) or an
    /// organisation (`Some(false)`).
    pub fn kind_cue(&self, place: CuePlace, lower: &str) -> Option<bool> {
        self.entry(lower).kind_cue(place)
    }

    /// True for a verb that makes a place before it act (`says`, `accused`).
    pub fn is_acting_verb(&self, word: &str) -> bool {
        self.entry(word).is_acting_verb()
    }

    /// True for a lower-case two-word phrase naming a collective actor
    /// (`international community`).
    pub fn is_group_phrase(&self, first: &str, last: &str) -> bool {
        self.group_phrase_ends.may_hold(last) && self.group_phrases.contains(&(first, last))
    }

    /// True for a month or day name (`September`, `Fri`).
    pub fn is_calendar_word(&self, word: &str) -> bool {
        self.entry(word).is_calendar_word()
    }

    /// True for a last word that makes a name a place, event or law (`Street`, `Cup`).
    pub fn is_not_actor_head(&self, word: &str) -> bool {
        self.entry(word).is_not_actor_head()
    }

    /// True for a lower-case noun that, right after a name, makes it a place
    /// (`the Syunik region`).
    pub fn is_after_noun(&self, lower: &str) -> bool {
        self.entry(lower).is_after_noun()
    }

    /// The kind a lower-case noun after a demonym gives (`forces` -> group).
    pub fn group_word(&self, lower: &str) -> Option<NounKind> {
        self.entry(lower).group_word
    }

    /// True for a group noun that names armed forces (`forces`, `troops`): only these
    /// make one group with `of` and a country (`the armed forces of Armenia`).
    pub fn is_force_noun(&self, lower: &str) -> bool {
        self.entry(lower).is_force_noun()
    }

    /// True for a lower-case word allowed between a demonym and its group noun.
    pub fn is_group_modifier(&self, lower: &str) -> bool {
        self.entry(lower).is_group_modifier()
    }

    /// True for a preposition that makes the following name a place (`in`, `from`).
    pub fn is_place_preposition(&self, lower: &str) -> bool {
        self.entry(lower).is_place_preposition()
    }

    /// True for a noun that, before `of`, makes the following name a place.
    pub fn is_of_noun(&self, word: &str) -> bool {
        self.entry(word).is_of_noun()
    }

    /// True for a common given name (`Nikol`, `John`).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.entry(word).is_given_name()
    }

    /// True for an ordinary English word (lower case).
    pub fn is_common(&self, lower: &str) -> bool {
        self.entry(lower).is_common()
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

    #[test]
    fn every_spelling_has_an_index() {
        let g = get();
        assert!(
            g.table.len() < usize::from(u16::MAX) / 2,
            "{}",
            g.table.len()
        );
        assert_eq!(g.entries.len() + 1, g.table.len());
        assert!(g.entry_at(g.entry_id("Baku")).known().is_some());
        assert!(g.entry_at(0).known().is_none() && g.entry_at(u16::MAX).known().is_none());
    }
}

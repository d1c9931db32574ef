//! The word lists of the date layer, read once from `data/dates/` into lookup tables.
//!
//! Every table is keyed by the lower-cased word; multi-word entries (phrases, zones,
//! approximators, positions) are stored as word sequences and matched by the scanner.
//! Malformed entries are skipped rather than panicking: the lists are reviewed data,
//! and a typo must not take the annotator down.

use std::collections::{HashMap as StdMap, HashSet as StdSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::data::{entries, fields};
use crate::model::DateKind;

/// FNV-1a: the tables are keyed by short words looked up once per token, where the
/// default DoS-resistant hasher costs more than the lookup itself.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A word table with the fast hasher.
pub type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<Fnv>>;
/// A word set with the fast hasher.
pub type HashSet<K> = StdSet<K, BuildHasherDefault<Fnv>>;

/// Word sequences grouped by their first word, longest first within a group.
pub type Phrases = HashMap<&'static str, Vec<Vec<&'static str>>>;

fn phrase_groups(list: &'static str) -> Phrases {
    let mut out: Phrases = HashMap::default();
    for p in entries(list).map(words) {
        if let Some(&first) = p.first() {
            out.entry(first).or_default().push(p);
        }
    }
    for group in out.values_mut() {
        group.sort_by_key(|w| std::cmp::Reverse(w.len()));
    }
    out
}

/// A unit of time, as the scanner recognises it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Second.
    Second,
    /// Minute.
    Minute,
    /// Hour.
    Hour,
    /// Day.
    Day,
    /// Week.
    Week,
    /// Two weeks.
    Fortnight,
    /// Saturday and Sunday.
    Weekend,
    /// Month.
    Month,
    /// Three months.
    Quarter,
    /// Year.
    Year,
    /// Ten years.
    Decade,
    /// A hundred years.
    Century,
}

impl Unit {
    fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "W" => Unit::Week,
            "FN" => Unit::Fortnight,
            "WE" => Unit::Weekend,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            _ => return None,
        })
    }
}

/// A month name: its number, and whether only the capitalised form counts.
#[derive(Debug, Clone, Copy)]
pub struct MonthName {
    /// 1 to 12.
    pub month: u8,
    /// True for words that are also common words (`May`, `March`).
    pub capitalised: bool,
}

/// A fixed expression of `phrases.txt`.
#[derive(Debug, Clone)]
pub struct Phrase {
    /// Its words, lower-cased.
    pub words: Vec<&'static str>,
    /// Its TimeML kind.
    pub kind: DateKind,
    /// Its value rule (`D-1`, `D+0 MO`, or a literal value).
    pub value: &'static str,
}

/// All word lists of the date layer.
#[derive(Debug)]
pub struct Lexicon {
    /// Month names and abbreviations.
    pub months: HashMap<&'static str, MonthName>,
    /// Day names, Monday = 0.
    pub weekdays: HashMap<&'static str, u8>,
    /// Cardinal number words.
    pub numbers: HashMap<&'static str, u32>,
    /// Ordinal words (`-1` for `last`/`final`).
    pub ordinals: HashMap<&'static str, i32>,
    /// Ordinal suffixes after digits.
    pub ordinal_suffixes: HashSet<&'static str>,
    /// Units of time.
    pub units: HashMap<&'static str, Unit>,
    /// Parts of the day and their TimeML codes.
    pub parts_of_day: HashMap<&'static str, &'static str>,
    /// Seasons and their TimeML codes.
    pub seasons: HashMap<&'static str, &'static str>,
    /// Shifters (`last` = -1, `next` = 1).
    pub shifters: HashMap<&'static str, i64>,
    /// Vague amounts (`several`).
    pub vague: HashSet<&'static str>,
    /// Approximators (`nearly`, `more than`), as word sequences.
    pub approximators: Phrases,
    /// Position words (`early`, `the end of`), as word sequences.
    pub positions: Phrases,
    /// Fixed expressions, grouped by their first word.
    pub phrases: HashMap<&'static str, Vec<Phrase>>,
    /// Time zones as word sequences, with whether TimeML writes them with `Z`.
    pub zones: Vec<(Vec<&'static str>, bool)>,
    /// `am`, `pm` or `oclock` markers.
    pub meridiems: HashMap<&'static str, &'static str>,
    /// Words that turn weekdays and months towards the future.
    pub future_cues: HashSet<&'static str>,
    /// Phrases that begin with a future cue without looking ahead (`next to`).
    pub not_future_cues: Phrases,
    /// Words that put a sentence in the past.
    pub past_cues: HashSet<&'static str>,
    /// Words before a four-digit number that make it a label or a count.
    pub not_year_before: HashSet<&'static str>,
    /// Words after a four-digit number that make it a count.
    pub not_year_after: HashSet<&'static str>,
    /// Words before a bare plural unit that make it a duration.
    pub duration_contexts: HashSet<&'static str>,
    /// Named days (`Christmas`, `Thanksgiving`) and their calendar rules, grouped by
    /// their first word.
    pub holidays: HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>>,
    /// Every word that can begin an expression: the scanner skips all other words
    /// without trying a single form.
    pub starters: HashSet<&'static str>,
}

macro_rules! list {
    ($name:literal) => {
        include_str!(concat!("../../data/dates/", $name))
    };
}

fn words(phrase: &'static str) -> Vec<&'static str> {
    phrase.split_whitespace().collect()
}

fn map<T>(
    list: &'static str,
    parse: impl Fn(&'static str) -> Option<T>,
) -> HashMap<&'static str, T> {
    fields(list)
        .filter_map(|f| Some((*f.first()?, parse(f.get(1)?)?)))
        .collect()
}

fn kind(word: &str) -> Option<DateKind> {
    Some(match word {
        "date" => DateKind::Date,
        "time" => DateKind::Time,
        "duration" => DateKind::Duration,
        "set" => DateKind::Set,
        _ => return None,
    })
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut phrases: HashMap<&'static str, Vec<Phrase>> = HashMap::default();
        for f in fields(list!("phrases.txt")) {
            let (Some(&p), Some(k), Some(&value)) =
                (f.first(), f.get(1).and_then(|k| kind(k)), f.get(2))
            else {
                continue;
            };
            let words = words(p);
            if let Some(&first) = words.first() {
                phrases.entry(first).or_default().push(Phrase {
                    words,
                    kind: k,
                    value,
                });
            }
        }
        for list in phrases.values_mut() {
            // Longest first, so the scanner can stop at the first that fits.
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        let mut holidays: HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>> =
            HashMap::default();
        for f in fields(list!("holidays.txt")) {
            let (Some(&p), Some(&rule)) = (f.first(), f.get(1)) else {
                continue;
            };
            let words = words(p);
            if let Some(&first) = words.first() {
                holidays.entry(first).or_default().push((words, rule));
            }
        }
        for list in holidays.values_mut() {
            list.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
        }
        let months = fields(list!("months.txt"))
            .filter_map(|f| {
                let month = f.get(1)?.parse().ok()?;
                let capitalised = f.get(2) == Some(&"capitalised");
                Some((*f.first()?, MonthName { month, capitalised }))
            })
            .collect();

        let mut lex = Lexicon {
            months,
            weekdays: map(list!("weekdays.txt"), |v| v.parse().ok()),
            numbers: map(list!("numbers.txt"), |v| v.parse().ok()),
            ordinals: map(list!("ordinals.txt"), |v| v.parse().ok()),
            ordinal_suffixes: entries(list!("ordinal_suffixes.txt")).collect(),
            units: map(list!("units.txt"), Unit::parse),
            parts_of_day: map(list!("parts_of_day.txt"), Some),
            seasons: map(list!("seasons.txt"), Some),
            shifters: map(list!("shifters.txt"), |v| v.parse().ok()),
            vague: entries(list!("vague_amounts.txt")).collect(),
            approximators: phrase_groups(list!("approximators.txt")),
            positions: phrase_groups(list!("positions.txt")),
            phrases,
            zones: {
                let mut z: Vec<_> = fields(list!("zones.txt"))
                    .filter_map(|f| Some((words(f.first()?), f.get(1) == Some(&"utc"))))
                    .collect();
                z.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
                z
            },
            meridiems: map(list!("meridiems.txt"), Some),
            future_cues: entries(list!("future_cues.txt")).collect(),
            not_future_cues: phrase_groups(list!("not_future_cues.txt")),
            past_cues: entries(list!("past_cues.txt")).collect(),
            not_year_before: entries(list!("not_year_before.txt")).collect(),
            not_year_after: entries(list!("not_year_after.txt")).collect(),
            duration_contexts: entries(list!("duration_contexts.txt")).collect(),
            holidays,
            starters: HashSet::default(),
        };
        let mut starters: HashSet<&'static str> = HashSet::default();
        starters.extend(lex.months.keys());
        starters.extend(lex.weekdays.keys());
        starters.extend(lex.numbers.keys());
        starters.extend(lex.ordinals.keys());
        starters.extend(lex.units.keys());
        starters.extend(lex.seasons.keys());
        starters.extend(lex.shifters.keys());
        starters.extend(lex.vague.iter());
        starters.extend(lex.phrases.keys());
        starters.extend(lex.holidays.keys());
        starters.extend(lex.approximators.keys().chain(lex.positions.keys()));
        // Words the grammar itself begins with.
        starters.extend([
            "the", "that", "every", "each", "fiscal", "year", "half", "'", "q1", "q2", "q3", "q4",
            "h1", "h2",
        ]);
        lex.starters = starters;
        lex
    }
}

/// The lexicon, loaded on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        let lex = lexicon();
        assert_eq!(lex.months.get("sept.").map(|m| m.month), Some(9));
        assert!(lex.months.get("may").is_some_and(|m| m.capitalised));
        assert_eq!(lex.weekdays.get("friday"), Some(&4));
        assert_eq!(lex.numbers.get("twenty"), Some(&20));
        assert_eq!(lex.units.get("decades"), Some(&Unit::Decade));
        assert_eq!(lex.shifters.get("last"), Some(&-1));
        assert!(lex.phrases.get("the").is_some_and(|p| p.len() > 3));
        assert!(lex.zones.iter().any(|(w, utc)| w == &["utc"] && *utc));
        assert!(lex.not_year_before.contains("$"));
        assert!(lex.not_year_before.contains("#"));
    }
}

//! The word lists of the date layer, read once from `data/dates/` into lookup tables.
//!
//! Every table is keyed by the lower-cased word; multi-word entries (phrases, zones,
//! approximators, positions) are stored as word sequences and matched by the scanner.
//! Malformed entries are skipped rather than panicking: the lists are reviewed data,
//! and a typo must not take the annotator down.

use std::sync::OnceLock;

use crate::actors::fasthash::{FastMap, FastSet};
use crate::data::{entries, fields};
use crate::model::DateKind;

/// Every word of the lists by its [`WordId`], in an open-addressing table keyed by a
/// cheap hash of a word's length and its first, middle and last bytes. Each token of
/// the text is looked up once: a word no list holds (most of them) usually lands on
/// an empty slot after reading three bytes, and a listed word is found with one
/// comparison, without hashing the whole word.
#[derive(Debug, Default)]
pub struct WordTable {
    /// Word numbers by slot; 0 marks an empty slot.
    slots: Vec<WordId>,
    /// The words by number (entry 0 is the empty word, never in a slot).
    words: Vec<&'static str>,
}

impl WordTable {
    /// The table of `words` (index = number), at most a quarter full.
    fn new(words: Vec<&'static str>) -> Self {
        let size = (words.len() * 4).next_power_of_two().max(1 << 12);
        let mut slots = vec![0; size];
        for (id, w) in words.iter().enumerate().skip(1) {
            let Ok(id) = WordId::try_from(id) else {
                break;
            };
            let mut k = Self::slot(w, size);
            while slots[k] != 0 {
                k = (k + 1) & (size - 1);
            }
            slots[k] = id;
        }
        WordTable { slots, words }
    }

    #[inline]
    fn slot(w: &str, size: usize) -> usize {
        let b = w.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return 0;
        };
        let mid = b[b.len() / 2];
        let h =
            ((usize::from(first) * 31 + usize::from(last)) * 31 + usize::from(mid)) * 31 + b.len();
        h.wrapping_mul(0x9E37_79B9) >> 7 & (size - 1)
    }

    /// The number of `w`, or 0 when no list holds it.
    #[inline]
    pub fn get(&self, w: &str) -> WordId {
        let size = self.slots.len();
        if size == 0 {
            return 0;
        }
        let mut k = Self::slot(w, size);
        // The table is at most a quarter full, so an empty slot ends every search.
        loop {
            let id = self.slots[k];
            if id == 0 || self.words.get(usize::from(id)) == Some(&w) {
                return id;
            }
            k = (k + 1) & (size - 1);
        }
    }
}

/// A word table with the fast hasher the actor layer's tables use: the keys are our
/// own word lists, looked up several times per token, so no attacker chooses them.
pub type HashMap<K, V> = FastMap<K, V>;
/// A word set with the same hasher.
pub type HashSet<K> = FastSet<K>;

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
        crate::order::sort_by_key(group, |w| std::cmp::Reverse(w.len()));
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
    /// Its words as [`WordId`]s (filled once every word has its number).
    pub ids: Vec<WordId>,
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
    /// Phrases that look ahead though no word of them does alone (`as early as`).
    pub future_phrases: Phrases,
    /// Words opening a clause of time (`when`), whose past verb does not set the tense.
    pub time_clause_openers: HashSet<&'static str>,
    /// Words that put a sentence in the past.
    pub past_cues: HashSet<&'static str>,
    /// Words and marks that close the clause a day was named in (`that`, `;`).
    pub clause_breaks: HashSet<&'static str>,
    /// Modal verbs, which make a following `one day` some future day.
    pub modals: HashSet<&'static str>,
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
    /// The number of every word of the lists (and of the forms derived from them:
    /// `mondays`, `nineties`, `sept` for `sept.`); a word without one is in no list.
    pub ids: WordTable,
    /// What the lists say about each word, by its [`WordId`]; entry 0 is the word no
    /// list holds.
    pub words: Vec<Word>,
}

/// The number of a word of the lists: tokens carry it, so the scanner reads what the
/// lists say about a token by indexing [`Lexicon::words`] instead of hashing the word
/// again in every table. 0 is the word no list holds.
pub type WordId = u16;

/// Word sequences as [`WordId`]s, longest first.
pub type IdPhrases = Vec<Vec<WordId>>;

/// A set of words of one list.
type WordSet = HashSet<&'static str>;
/// Where a yes/no fact about a word is kept.
type Flag = fn(&mut Word) -> &mut bool;
/// Where a group of phrases starting with a word is kept.
type Group = fn(&mut Word) -> &mut IdPhrases;

/// A form derived from a listed word (`mondays`, `nineties`), made once when the
/// lexicon loads and kept for the life of the program like the lists themselves.
fn derived(w: String) -> &'static str {
    Box::leak(w.into_boxed_str())
}

/// Hands out [`WordId`]s while the lexicon loads.
struct Numbering {
    ids: HashMap<&'static str, WordId>,
    words: Vec<Word>,
}

impl Default for Numbering {
    fn default() -> Self {
        Numbering {
            ids: HashMap::default(),
            words: vec![Word::default()],
        }
    }
}

impl Numbering {
    /// The number of `w`, given on first sight (0 if the numbers ran out).
    fn id(&mut self, w: &'static str) -> WordId {
        let words = &mut self.words;
        *self.ids.entry(w).or_insert_with(|| {
            words.push(Word::default());
            WordId::try_from(words.len() - 1).unwrap_or(0)
        })
    }

    /// The facts about `w`, to fill in.
    fn word(&mut self, w: &'static str) -> &mut Word {
        let k = usize::from(self.id(w));
        &mut self.words[k]
    }

    /// The numbers of the words of a phrase.
    fn ids(&mut self, phrase: &[&'static str]) -> Vec<WordId> {
        phrase.iter().map(|&w| self.id(w)).collect()
    }
}

/// Everything the lists say about one word.
#[derive(Debug, Clone, Default)]
pub struct Word {
    /// Its month, when it names one.
    pub month: Option<MonthName>,
    /// Whether the word with a period after it is a month too (`sept` of `sept.`).
    pub month_with_period: bool,
    /// Its day of the week, Monday = 0.
    pub weekday: Option<u8>,
    /// The day of the week of the word with a period after it (`fri` of `fri.`).
    pub weekday_with_period: Option<u8>,
    /// The day of the week it is the plural of (`mondays`).
    pub weekday_plural: Option<u8>,
    /// Its value as a cardinal number word.
    pub number: Option<u32>,
    /// The tens it is the plural of (`nineties`: 90), read as `<tens>y`.
    pub tens_plural: Option<u32>,
    /// Its value as an ordinal word.
    pub ordinal: Option<i32>,
    /// An ordinal suffix after digits (`th`).
    pub ordinal_suffix: bool,
    /// The unit of time it names.
    pub unit: Option<Unit>,
    /// Its TimeML code as a part of the day.
    pub part_of_day: Option<&'static str>,
    /// Its TimeML code as a season.
    pub season: Option<&'static str>,
    /// Its shift (`last` = -1).
    pub shifter: Option<i64>,
    /// A vague amount (`several`).
    pub vague: bool,
    /// Its marker as a meridiem (`am`, `pm`, `oclock`).
    pub meridiem: Option<&'static str>,
    /// Approximators starting with it.
    pub approximators: IdPhrases,
    /// Position phrases starting with it.
    pub positions: IdPhrases,
    /// Fixed expressions starting with it, longest first.
    pub phrases: Vec<Phrase>,
    /// Named days starting with it and their rules, longest first.
    pub holidays: Vec<(Vec<WordId>, &'static str)>,
    /// Time zones starting with it, in the order of [`Lexicon::zones`].
    pub zones: Vec<(Vec<WordId>, bool)>,
    /// A future cue.
    pub future_cue: bool,
    /// Phrases starting with it that begin with a future cue without looking ahead.
    pub not_future_cues: IdPhrases,
    /// Phrases starting with it that look ahead.
    pub future_phrases: IdPhrases,
    /// A word opening a clause of time.
    pub time_clause_opener: bool,
    /// One of [`Lexicon::past_cues`].
    pub past_cue: bool,
    /// A word or mark that closes a clause.
    pub clause_break: bool,
    /// A modal verb.
    pub modal: bool,
    /// A word before a four-digit number that makes it a label or a count.
    pub not_year_before: bool,
    /// A word after a four-digit number that makes it a count.
    pub not_year_after: bool,
    /// A word before a bare plural unit that makes it a duration.
    pub duration_context: bool,
    /// A word that can begin an expression (or a plural weekday).
    pub starter: bool,
}

macro_rules! list {
    ($name:literal) => {
        crate::data::word_list!(include_str!(concat!("../../data/dates/", $name)))
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
                    ids: Vec::new(),
                    kind: k,
                    value,
                });
            }
        }
        for list in phrases.values_mut() {
            // Longest first, so the scanner can stop at the first that fits.
            crate::order::sort_by_key(list, |p| std::cmp::Reverse(p.words.len()));
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
            crate::order::sort_by_key(list, |(w, _)| std::cmp::Reverse(w.len()));
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
                crate::order::sort_by_key(&mut z, |(w, _)| std::cmp::Reverse(w.len()));
                z
            },
            meridiems: map(list!("meridiems.txt"), Some),
            future_cues: entries(list!("future_cues.txt")).collect(),
            not_future_cues: phrase_groups(list!("not_future_cues.txt")),
            future_phrases: phrase_groups(list!("future_phrases.txt")),
            time_clause_openers: entries(list!("time_clause_openers.txt")).collect(),
            past_cues: entries(list!("past_cues.txt")).collect(),
            clause_breaks: entries(list!("clause_breaks.txt")).collect(),
            modals: entries(list!("modals.txt")).collect(),
            not_year_before: entries(list!("not_year_before.txt")).collect(),
            not_year_after: entries(list!("not_year_after.txt")).collect(),
            duration_contexts: entries(list!("duration_contexts.txt")).collect(),
            holidays,
            starters: HashSet::default(),
            ids: WordTable::default(),
            words: Vec::new(),
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
        lex.number_words();
        lex
    }

    /// Numbers every word of the lists and gathers what each list says about it into
    /// [`Lexicon::words`], read from the tables above so that both always agree.
    fn number_words(&mut self) {
        let mut n = Numbering::default();
        for (&w, &m) in &self.months {
            n.word(w).month = Some(m);
            if let Some(stem) = w.strip_suffix('.') {
                n.word(stem).month_with_period = true;
            }
        }
        for (&w, &d) in &self.weekdays {
            n.word(w).weekday = Some(d);
            if let Some(stem) = w.strip_suffix('.') {
                n.word(stem).weekday_with_period = Some(d);
            }
            let plural = n.word(derived(format!("{w}s")));
            plural.weekday_plural = Some(d);
            plural.starter = true;
        }
        for (&w, &v) in &self.numbers {
            n.word(w).number = Some(v);
            if let Some(tens) = w.strip_suffix('y') {
                n.word(derived(format!("{tens}ies"))).tens_plural = Some(v);
            }
        }
        for (&w, &o) in &self.ordinals {
            n.word(w).ordinal = Some(o);
        }
        for (&w, &u) in &self.units {
            n.word(w).unit = Some(u);
        }
        for (&w, &p) in &self.parts_of_day {
            n.word(w).part_of_day = Some(p);
        }
        for (&w, &s) in &self.seasons {
            n.word(w).season = Some(s);
        }
        for (&w, &b) in &self.shifters {
            n.word(w).shifter = Some(b);
        }
        for (&w, &m) in &self.meridiems {
            n.word(w).meridiem = Some(m);
        }
        let flags: [(&WordSet, Flag); 11] = [
            (&self.ordinal_suffixes, |x| &mut x.ordinal_suffix),
            (&self.vague, |x| &mut x.vague),
            (&self.future_cues, |x| &mut x.future_cue),
            (&self.time_clause_openers, |x| &mut x.time_clause_opener),
            (&self.past_cues, |x| &mut x.past_cue),
            (&self.clause_breaks, |x| &mut x.clause_break),
            (&self.modals, |x| &mut x.modal),
            (&self.not_year_before, |x| &mut x.not_year_before),
            (&self.not_year_after, |x| &mut x.not_year_after),
            (&self.duration_contexts, |x| &mut x.duration_context),
            (&self.starters, |x| &mut x.starter),
        ];
        for (set, flag) in flags {
            for &w in set {
                *flag(n.word(w)) = true;
            }
        }
        let groups: [(&Phrases, Group); 4] = [
            (&self.approximators, |x| &mut x.approximators),
            (&self.positions, |x| &mut x.positions),
            (&self.not_future_cues, |x| &mut x.not_future_cues),
            (&self.future_phrases, |x| &mut x.future_phrases),
        ];
        for (phrases, group) in groups {
            for (&first, list) in phrases {
                let ids = list.iter().map(|p| n.ids(p)).collect();
                *group(n.word(first)) = ids;
            }
        }
        for (&first, list) in &mut self.phrases {
            for p in list.iter_mut() {
                p.ids = n.ids(&p.words);
            }
            n.word(first).phrases = list.clone();
        }
        for (&first, list) in &self.holidays {
            let list = list.iter().map(|(p, rule)| (n.ids(p), *rule)).collect();
            n.word(first).holidays = list;
        }
        for (words, utc) in &self.zones {
            if let Some(&first) = words.first() {
                let zone = (n.ids(words), *utc);
                n.word(first).zones.push(zone);
            }
        }
        // Entry 0 stays the word no list holds, whatever the numbering ran into.
        if let Some(none) = n.words.first_mut() {
            *none = Word::default();
        }
        let mut by_id = vec![""; n.words.len()];
        for (&w, &id) in &n.ids {
            if let Some(slot) = by_id.get_mut(usize::from(id)) {
                *slot = w;
            }
        }
        self.ids = WordTable::new(by_id);
        self.words = n.words;
    }

    /// The number of word `w` (0 when no list holds it).
    #[inline]
    pub fn id(&self, w: &str) -> WordId {
        self.ids.get(w)
    }

    /// What the lists say about the word numbered `id`.
    #[inline]
    pub fn word(&self, id: WordId) -> &Word {
        let words = &self.words;
        words.get(usize::from(id)).unwrap_or(&words[0])
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
        for w in ["january", "mondays", "the", "q3", "'"] {
            assert!(lex.word(lex.id(w)).starter, "{w}");
        }
        assert_eq!(lex.word(lex.id("sept")).month.map(|m| m.month), Some(9));
        assert!(lex.word(lex.id("sept")).month_with_period);
        assert_eq!(lex.word(lex.id("fri")).weekday_with_period, Some(4));
        assert_eq!(lex.word(lex.id("fridays")).weekday_plural, Some(4));
        assert_eq!(lex.word(lex.id("nineties")).tens_plural, Some(90));
        assert_eq!(lex.id("zzzq"), 0);
        // Past the last token the scanner reads "", which no list may hold.
        assert_eq!(lex.id(""), 0);
        assert!(!lex.word(0).starter && lex.word(0).month.is_none());
    }
}

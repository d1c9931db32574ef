//! Reporting cues: loads the cue lexicon (`data/claims/cues.txt`) and finds every cue in
//! a text, with the auxiliaries and adverbs that belong to it (`has repeatedly accused`),
//! the hearer of `told` when it is the press (`told reporters`), the passive
//! `is said to have told`, and states of mind after be (`is not so sure`, `has been
//! critical of`). Agentless passives (`it was reported that`) are no cue.

// The fast word hasher: cue and source words are looked up once per token.
use crate::actors::fasthash::{FastMap as HashMap, FastSet as HashSet};
use std::sync::OnceLock;

use super::context::Context;
use crate::model::Stance;
use crate::text::TokenKind;

static CUES: &str = crate::data::word_list!(include_str!("../../data/claims/cues.txt"));
static AUXILIARIES: &str =
    crate::data::word_list!(include_str!("../../data/claims/auxiliaries.txt"));
static ASPECTS: &str = crate::data::word_list!(include_str!("../../data/claims/aspect_verbs.txt"));
static AUDIENCES: &str = crate::data::word_list!(include_str!("../../data/claims/audiences.txt"));

/// How a cue arranges its source and content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Frame {
    /// Content before or after (`X said Y`, `Y, X said`, `Y, said X`).
    Speech,
    /// Like speech, with a hearer after the verb (`X told Z that Y`).
    Tell,
    /// Content after the cue only (`X denied Y`, `X urged Z to Y`).
    Object,
    /// `according to X, Y` and `Y, according to X`.
    According,
    /// A belief or intention held by the source, content after the cue only
    /// (`X believes Y`, `X wants to Y`); the source must be a speaker right before it.
    Mind,
}

struct Entry {
    words: Vec<&'static str>,
    stance: Stance,
    frame: Frame,
}

/// Entries by their first word, longest first.
struct Table {
    map: HashMap<&'static str, Vec<Entry>>,
    /// One bit per sieve slot a key falls in: every token is looked up, and with some
    /// 1,500 first words a cheap 16-bit fingerprint rules out most of them unhashed.
    sieve: Vec<u64>,
}

/// The sieve slot of a word: its first, second and last bytes and its length.
fn sieve_slot(w: &str) -> usize {
    let b = w.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return 0;
    };
    let second = b.get(1).copied().unwrap_or(first);
    let h = u32::from(first).wrapping_mul(0x9E37_79B9)
        ^ u32::from(second).wrapping_mul(0x85EB_CA6B)
        ^ u32::from(last).wrapping_mul(0xC2B2_AE35)
        ^ (b.len() as u32).wrapping_mul(0x27D4_EB2F);
    (h >> 16) as usize
}

impl Table {
    fn new(mut map: HashMap<&'static str, Vec<Entry>>) -> Self {
        for list in map.values_mut() {
            crate::order::sort_by_key(list, |e| std::cmp::Reverse(e.words.len()));
        }
        let mut sieve = vec![0u64; 1 << 10];
        for w in map.keys() {
            let slot = sieve_slot(w);
            sieve[slot >> 6] |= 1 << (slot & 63);
        }
        Table { map, sieve }
    }

    /// False when no entry starts with `w` (true does not promise one).
    #[inline(always)]
    fn may_start(&self, w: &str) -> bool {
        let slot = sieve_slot(w);
        self.sieve
            .get(slot >> 6)
            .is_some_and(|m| m >> (slot & 63) & 1 == 1)
    }

    /// The entries whose first word is `w`.
    #[inline]
    fn get(&self, w: &str) -> Option<&Vec<Entry>> {
        if self.may_start(w) {
            self.map.get(w)
        } else {
            None
        }
    }
}

struct Lexicon {
    /// Entries by their first word, longest first.
    by_first: Table,
    /// Adjectives of state that follow be (`sure`, `critical of`), the same way.
    states: Table,
    auxiliaries: HashSet<&'static str>,
    /// Verbs of aspect that, with `to`, lead a cue (`continued to call for`).
    aspects: HashSet<&'static str>,
    audiences: Vec<Vec<&'static str>>,
}

fn frame(name: &str) -> Option<Frame> {
    Some(match name {
        "speech" => Frame::Speech,
        "tell" => Frame::Tell,
        "object" => Frame::Object,
        "according" => Frame::According,
        // A state after be holds a belief like a verb of the mind does.
        "mind" | "state" => Frame::Mind,
        _ => return None,
    })
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut by_first: HashMap<&'static str, Vec<Entry>> = HashMap::default();
        let mut states: HashMap<&'static str, Vec<Entry>> = HashMap::default();
        for f in crate::data::fields(CUES) {
            let (Some(form), Some(st), Some(fr)) = (
                f.first(),
                f.get(1).and_then(|s| Stance::parse(s)),
                f.get(2).and_then(|s| frame(s)),
            ) else {
                continue;
            };
            let words: Vec<&'static str> = form.split_whitespace().collect();
            let table = if f.get(2) == Some(&"state") {
                &mut states
            } else {
                &mut by_first
            };
            if let Some(&first) = words.first() {
                table.entry(first).or_default().push(Entry {
                    words,
                    stance: st,
                    frame: fr,
                });
            }
        }
        Lexicon {
            by_first: Table::new(by_first),
            states: Table::new(states),
            auxiliaries: crate::data::entries(AUXILIARIES).collect(),
            aspects: crate::data::entries(ASPECTS).collect(),
            audiences: crate::data::entries(AUDIENCES)
                .map(|e| e.split_whitespace().collect())
                .collect(),
        }
    })
}

/// A reporting cue found in the text, as token indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    /// First token of the cue, auxiliaries included.
    pub start: usize,
    /// First token of the lexicon word(s).
    pub verb: usize,
    /// One past the last token of the cue (hearer of `told reporters` included).
    pub end: usize,
    /// One past the lexicon word(s): where a hearer or the content begins.
    pub verb_end: usize,
    /// What the source does.
    pub stance: Stance,
    /// How source and content are arranged.
    pub frame: Frame,
    /// An `-ing` form with no auxiliary: `, saying Y` takes the main clause's source.
    pub participle: bool,
    /// `was first reported by X`: a passive whose source follows `by` and whose
    /// content is its subject.
    pub agent: bool,
}

/// True when token `i` starts a whole cue of the lexicon (used to stop source scans):
/// `states` alone is no cue, so `the United States said` keeps its name.
pub(crate) fn is_cue_word(ctx: &Context, i: usize) -> bool {
    lexicon().by_first.get(ctx.word(i)).is_some_and(|entries| {
        entries.iter().any(|e| {
            e.words
                .iter()
                .enumerate()
                .all(|(k, w)| ctx.word(i + k) == *w)
        })
    })
}

/// True when `w` is an auxiliary or adverb that joins a cue.
pub(crate) fn is_auxiliary(w: &str) -> bool {
    lexicon().is_auxiliary(w)
}

impl Lexicon {
    /// True when `w` is an auxiliary of the list, with either apostrophe (`isn’t`).
    fn is_auxiliary(&self, w: &str) -> bool {
        self.auxiliaries.contains(w)
            || (w.contains('’') && self.auxiliaries.contains(w.replace('’', "'").as_str()))
    }
}

const BE: [&str; 9] = [
    "is", "are", "was", "were", "be", "been", "being", "’s", "'s",
];
/// Words after which a cue form is a noun or adjective, not a verb.
const NOUN_MARKERS: [&str; 31] = [
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "these", "those", "this",
    "such", "any", "some", "no", "of", "in", "for", "with", "media", "news", "to", "amid", "them",
    "him", "me", "us", "let", "make",
];

/// Nouns ending in -ly that speak, unlike manner adverbs (`the family said`).
const LY_NOUNS: [&str; 8] = [
    "family", "assembly", "rally", "supply", "monopoly", "anomaly", "bully", "homily",
];

/// Irregular past forms of the lexicon, which look like base forms.
const IRREGULAR_PAST: [&str; 10] = [
    "said", "told", "wrote", "written", "found", "shown", "swore", "made", "took", "hit",
];

/// True when `w` opens a noun phrase (`to the office`), not an infinitive (`to go`).
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "this"
            | "these"
            | "those"
    )
}

/// Where a cue starting at token `i` begins once the auxiliaries and adverbs on its
/// left join it (`has repeatedly said`, `he’s claimed`, `angrily denied`).
fn joined_left(ctx: &Context, lex: &Lexicon, i: usize, sent_start: usize) -> usize {
    let mut start = i;
    while start > sent_start {
        let w = ctx.word(start - 1);
        let contracted_be = ctx.kind(start - 1) == Some(TokenKind::Possessive)
            && start >= 2
            && matches!(ctx.word(start - 2), "he" | "she" | "it" | "that");
        // Manner adverbs (`largely agreed`, `angrily denied`) join the cue too.
        let adverb = w.len() > 4
            && w.ends_with("ly")
            && !ctx.is_capitalised(start - 1)
            && !LY_NOUNS.contains(&w);
        if lex.is_auxiliary(w) || contracted_be || adverb {
            start -= 1;
        } else {
            break;
        }
    }
    start
}

/// True when `w`, joined to a cue, is an adverb rather than an auxiliary verb.
fn is_adverb(w: &str) -> bool {
    w.ends_with("ly")
        || matches!(
            w,
            "also"
                | "even"
                | "again"
                | "then"
                | "now"
                | "still"
                | "just"
                | "only"
                | "never"
                | "not"
                | "first"
                | "further"
                | "once"
                | "already"
                | "later"
                | "earlier"
                | "always"
                | "often"
                | "likewise"
        )
}

/// True when `form` is a verb's base form (`say`, `urge`), by its shape.
fn is_base_form(form: &str) -> bool {
    !(form.ends_with('s')
        || form.ends_with("ed")
        || form.ends_with("ing")
        || IRREGULAR_PAST.contains(&form))
}

/// Finds every cue, in text order; a token belongs to at most one cue.
pub(crate) fn find(ctx: &Context) -> Vec<Cue> {
    let lex = lexicon();
    let mut out = Vec::new();
    let mut i = 0;
    while i < ctx.len() {
        // Most tokens can start no cue: only a word the lexicon's sieve lets through,
        // a form of be (a state of mind) or a contracted `’s` can, which `match_at`
        // and `state_at` would find out at a greater cost.
        let may_start = match ctx.kind(i) {
            Some(TokenKind::Word) => {
                let w = ctx.word(i);
                lex.by_first.may_start(w) || is_be_state(w)
            }
            Some(TokenKind::Possessive) => true,
            _ => false,
        };
        if !may_start {
            i += 1;
            continue;
        }
        match match_at(ctx, lex, i) {
            Some(cue) => {
                i = cue.end.max(i + 1);
                out.push(cue);
            }
            None => i += 1,
        }
    }
    out
}

/// True when `w` is a form of be that may lead a state of mind (`she’s` is handled
/// apart).
#[inline]
fn is_be_state(w: &str) -> bool {
    // Asked for nearly every word: the first letter and the length rule out most.
    let b = w.as_bytes();
    if !(2..=9).contains(&b.len()) || !matches!(b[0], b'i' | b'a' | b'w' | b'b') {
        return false;
    }
    matches!(
        w,
        "is" | "are"
            | "was"
            | "were"
            | "am"
            | "be"
            | "been"
            | "isn't"
            | "isn’t"
            | "aren't"
            | "aren’t"
            | "wasn't"
            | "wasn’t"
            | "weren't"
            | "weren’t"
    )
}

/// Degree words that stand between be and an adjective (`is so sure`, `too concerned`).
const DEGREE: [&str; 9] = [
    "so", "too", "very", "more", "most", "less", "quite", "rather", "all",
];

/// The whole entry of `table` that starts at token `i`, longest first.
fn entry_at<'l>(ctx: &Context, table: &'l Table, i: usize) -> Option<&'l Entry> {
    table.get(ctx.word(i))?.iter().find(|e| {
        e.words
            .iter()
            .enumerate()
            .all(|(k, w)| ctx.word(i + k) == *w)
    })
}

/// A state of mind after be at token `i` (`X is convinced that Y`, `X was not so sure
/// Y`, `X has been critical of Y`): be, the auxiliaries before it and the adverbs after
/// it join the adjective, and the subject of be is the source.
fn state_at(ctx: &Context, lex: &Lexicon, i: usize) -> Option<Cue> {
    // `she’s convinced`: only after a personal pronoun is `’s` surely `is`.
    let contracted = ctx.kind(i) == Some(TokenKind::Possessive)
        && i > 0
        && matches!(ctx.word(i - 1), "he" | "she");
    let be = ctx.kind(i) == Some(TokenKind::Word) && is_be_state(ctx.word(i));
    if !(contracted || be) {
        return None;
    }
    let mut k = i + 1;
    while k < i + 4 && (is_adverb(ctx.word(k)) || DEGREE.contains(&ctx.word(k))) {
        k += 1;
    }
    let entry = entry_at(ctx, &lex.states, k)?;
    let mut end = k + entry.words.len();
    // A bare adjective with `to` is a prediction or a willingness (`is sure to win`).
    if entry.words.len() == 1 && ctx.word(end) == "to" {
        return None;
    }
    // `is sure that Y`: `that` joins the cue, as in the lexicon's `assumed that`.
    if ctx.word(end) == "that" {
        end += 1;
    }

    let (sent_start, _) = ctx.sentence(i);
    let start = if contracted {
        i
    } else {
        joined_left(ctx, lex, i, sent_start)
    };
    // `it is clear that`, `there was concern`: an empty subject holds no view.
    if start > sent_start && matches!(ctx.word(start - 1), "it" | "there") {
        return None;
    }
    Some(Cue {
        start,
        verb: k,
        end,
        verb_end: end,
        stance: entry.stance,
        frame: entry.frame,
        participle: false,
        agent: false,
    })
}

fn match_at(ctx: &Context, lex: &Lexicon, i: usize) -> Option<Cue> {
    if let Some(cue) = state_at(ctx, lex, i) {
        return Some(cue);
    }
    if ctx.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    let entries = lex.by_first.get(ctx.word(i))?;
    let entry = entries.iter().find(|e| {
        e.words
            .iter()
            .enumerate()
            .all(|(k, w)| ctx.word(i + k) == *w)
    })?;
    let verb_end = i + entry.words.len();
    let form = ctx.word(i);
    let (sent_start, _) = ctx.sentence(i);
    // Capitalised cue words mid-sentence are names (`Reports Without Borders`,
    // `“The Morning Show,”`) unless the line is a title-case headline: capitals on
    // both sides, or the line ends with the cue.
    if i > sent_start && ctx.is_capitalised(i) {
        let title_line = ctx.is_capitalised(i - 1)
            && (ctx.is_capitalised(verb_end) && ctx.is_word(verb_end)
                // `Reveals ‘Demoralizing’ Experience`: a quoted title word.
                || (matches!(ctx.raw(verb_end), "‘" | "“" | "'" | "\"")
                    && ctx.is_capitalised(verb_end + 1))
                || matches!(
                    ctx.raw(verb_end),
                    "to" | "of" | "in" | "on" | "for" | "with" | "a" | "the"
                )
                || ctx.paragraph_index(verb_end) != ctx.paragraph_index(i)
                || verb_end >= ctx.len()
                // `Y, Former Aide Says.`: the headline ends with its cue.
                || (matches!(ctx.raw(verb_end), "." | "!") && ctx.sentence(verb_end).1 <= verb_end + 1));
        if !title_line {
            return None;
        }
    }
    // Auxiliaries and adverbs on the left belong to the cue, and so does an aspect
    // verb with `to` (`continues to insist`, `has yet to explain`, `went on to say`).
    let mut start = joined_left(ctx, lex, i, sent_start);
    let mut aspect = None;
    if start == i && start >= sent_start + 2 && ctx.word(start - 1) == "to" {
        let k = start - 2;
        let phrasal = ctx.word(k) == "on"
            && k > sent_start
            && matches!(ctx.word(k - 1), "went" | "go" | "goes" | "going" | "gone");
        let head = if phrasal { k - 1 } else { k };
        if phrasal || lex.aspects.contains(ctx.word(k)) {
            aspect = Some(head);
            start = joined_left(ctx, lex, head, sent_start);
        }
    }
    // `those close to him say`, `some of them say`: an object pronoun after a
    // preposition closes the subject phrase; the verb follows it.
    let closes_subject = start >= sent_start + 2
        && matches!(ctx.word(start - 1), "him" | "them" | "us" | "me")
        && matches!(
            ctx.word(start - 2),
            "to" | "of" | "for" | "around" | "with" | "near" | "among" | "behind"
        );
    // `US urges`: the country in capitals is no object pronoun.
    if start > sent_start
        && NOUN_MARKERS.contains(&ctx.word(start - 1))
        && ctx.raw(start - 1) != "US"
        && start == i
        && !closes_subject
    {
        return None;
    }
    // `reports of`, `claims of`: a plural noun, not a verb.
    // A bare base form needs a plural or first/second-person subject right before it
    // (`officials say`, `we urge`); `please ask`, `to tell` are no attributions.
    if start == i && is_base_form(form) && i > sent_start {
        let w = ctx.word(i - 1);
        let plural_subject = matches!(
            w,
            "i" | "we"
                | "you"
                | "they"
                | "who"
                // `those close to him say`, `many of whom say`: the object closes a
                // longer subject whose head came before.
                | "him"
                | "them"
                | "us"
                | "whom"
                | "that"
                | "people"
                | "police"
                | "men"
                | "women"
                | "children"
                | "media"
                | "public"
                | "staff"
                | "majority"
        ) || (ctx.kind(i - 1) == Some(TokenKind::Word)
            && ((w.ends_with('s') && !w.ends_with("ss")) || ctx.is_capitalised(i - 1)));
        if !plural_subject {
            return None;
        }
    }
    // `checking reports`, `unfounded claims`: a plural noun after a verb form or
    // participle, too.
    if form.ends_with('s')
        && form != "says"
        && (ctx.word(verb_end) == "of"
            || (start == i
                && i > 0
                && (ctx.word(i - 1).ends_with("ing") || ctx.word(i - 1).ends_with("ed"))))
    {
        return None;
    }
    // `shootings and protests demands Y`: a plural noun joined to another one, the
    // subject of the verb after it (unlike `loans and expects them`).
    let next = ctx.word(verb_end);
    let verb_follows = lex.is_auxiliary(next)
        || (next.ends_with('s')
            && !next.ends_with("ss")
            && !matches!(next, "us" | "his" | "its" | "this" | "as"));
    if form.ends_with('s')
        && form != "says"
        && start == i
        && i >= 2
        && ctx.word(i - 1) == "and"
        && ctx.word(i - 2).ends_with('s')
        && !ctx.word(i - 2).ends_with("ss")
        && verb_follows
    {
        return None;
    }
    // `calls to the office`, `demands from unions`: a verb of this frame takes its
    // object right after it, so a preposition there makes the form a plural noun.
    if entry.frame == Frame::Object
        && entry.words.len() == 1
        && start == i
        && form.ends_with('s')
        && (matches!(
            ctx.word(verb_end),
            "from" | "with" | "between" | "at" | "during" | "about" | "over" | "by" | "for"
        ) || (ctx.word(verb_end) == "to" && is_determiner(ctx.word(verb_end + 1))))
    {
        return None;
    }
    // `it seems to be raining`, `there appear to be gaps`: an empty subject has no view.
    if matches!(
        ctx.word(i),
        "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared"
    ) && start > sent_start
        && matches!(ctx.word(start - 1), "it" | "there")
    {
        return None;
    }
    // `called in to a show`, `called off the talks`: a phrasal verb, not a statement.
    if entry.frame == Frame::Object
        && entry.words.len() == 1
        && matches!(
            ctx.word(verb_end),
            "in" | "into" | "off" | "up" | "back" | "out" | "away" | "down"
        )
    {
        return None;
    }
    // A cue right after another reporting word is its object (`denied reports`).
    // (`reports shows`, with a plural noun before, is a subject and its verb.)
    if start == i
        && i > sent_start
        && is_cue_word(ctx, i - 1)
        && ctx.word(i - 1) != "that"
        && !ctx.word(i - 1).ends_with('s')
    {
        return None;
    }
    // `, even suggesting Y`: adverbs may stand before a participle; an auxiliary
    // (`is saying`) makes the form finite.
    let first_verb = aspect.unwrap_or(i);
    let participle = ctx.word(first_verb).ends_with("ing")
        && (start..first_verb).all(|k| is_adverb(ctx.word(k)))
        && entry.frame != Frame::According;
    // Adverbs between be and the participle keep it passive (`should be criminally
    // investigated`, `was first reported`).
    let mut k = i;
    while k > start && is_adverb(ctx.word(k - 1)) {
        k -= 1;
    }
    let passive = k > start && BE.contains(&ctx.word(k - 1)) && !form.ends_with("ing");
    let mut cue = Cue {
        start,
        verb: i,
        end: verb_end,
        verb_end,
        stance: entry.stance,
        frame: entry.frame,
        participle,
        agent: false,
    };
    if passive {
        // `X is said to have told Z that Y`: the cue runs to the second verb.
        if ctx.word(verb_end) == "to" {
            let mut k = verb_end + 1;
            if ctx.word(k) == "have" {
                k += 1;
            }
            // The second verb must match a whole entry (`take` alone is no `take aim at`).
            let second = lex.by_first.get(ctx.word(k)).and_then(|entries| {
                entries.iter().find(|e| {
                    e.words
                        .iter()
                        .enumerate()
                        .all(|(n, w)| ctx.word(k + n) == *w)
                })
            });
            if let Some(second) = second {
                cue.end = k + second.words.len();
                cue.verb_end = cue.end;
                cue.frame = second.frame;
                cue.stance = second.stance;
                return Some(with_hearer(ctx, lex, cue));
            }
        }
        // `The story was first reported by the Post`.
        if ctx.word(verb_end) == "by" && cue.frame != Frame::According {
            cue.end = verb_end + 1;
            cue.verb_end = cue.end;
            cue.agent = true;
            return Some(cue);
        }
        return None;
    }
    Some(with_hearer(ctx, lex, cue))
}

/// `told reporters`, `told Al Jazeera`: the press as hearer joins the cue.
fn with_hearer(ctx: &Context, lex: &Lexicon, mut cue: Cue) -> Cue {
    if cue.frame != Frame::Tell {
        return cue;
    }
    let k = cue.verb_end;
    if let Some(a) = lex
        .audiences
        .iter()
        .find(|a| a.iter().enumerate().all(|(n, w)| ctx.word(k + n) == *w))
    {
        cue.end = k + a.len();
        return cue;
    }
    // `told Al Jazeera`, `told the BBC`: a named outlet.
    let first = if ctx.word(k) == "the" && ctx.is_capitalised(k + 1) {
        k + 1
    } else {
        k
    };
    let mut e = first;
    while e < first + 5 && ctx.kind(e) == Some(TokenKind::Word) && ctx.is_capitalised(e) {
        e += 1;
    }
    cue.end = if e > first { e } else { k };
    cue
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sieve_never_hides_an_entry() {
        let lex = lexicon();
        for table in [&lex.by_first, &lex.states] {
            assert!(table.map.keys().all(|w| table.get(w).is_some()));
        }
        assert!(lex.by_first.get("").is_none() && lex.by_first.get("zzzq").is_none());
    }

    fn cues(text: &str) -> Vec<String> {
        let ctx = Context::new(text);
        find(&ctx)
            .iter()
            .map(|c| {
                let span = ctx.span(c.start, c.end).map_or("", |s| &text[s.range()]);
                span.to_string()
            })
            .collect()
    }

    #[test]
    fn auxiliaries_and_hearers_join() {
        assert_eq!(
            cues("Armenia has repeatedly said so."),
            ["has repeatedly said"]
        );
        assert_eq!(
            cues("He told Al Jazeera that it was over."),
            ["told Al Jazeera"]
        );
        assert_eq!(
            cues("He told reporters that it was over."),
            ["told reporters"]
        );
        assert_eq!(cues("The UN has called for calm."), ["has called for"]);
    }

    #[test]
    fn passives_and_nouns_are_not_cues() {
        assert!(cues("It was reported that troops left.").is_empty());
        assert!(cues("Turkey rejected the reports of fighters.").len() == 1);
        assert_eq!(
            cues("He is said to have told them that it ended."),
            ["is said to have told"]
        );
    }

    #[test]
    fn adverbs_keep_a_passive_passive() {
        assert!(cues("The plan was widely ridiculed.").is_empty());
        assert!(cues("They should be publicly condemned for it.").is_empty());
        assert_eq!(
            cues("The story was first reported by the Post."),
            ["was first reported by"]
        );
        assert_eq!(
            cues("She has widely criticized it."),
            ["has widely criticized"]
        );
    }

    /// Every claim of `text` as (source, cue, content, stance).
    fn claims(text: &str) -> Vec<(String, String, String, Stance)> {
        let cut = |s: Option<crate::text::ByteSpan>| s.map_or("", |s| &text[s.range()]);
        crate::claims::extract(text, &[])
            .into_iter()
            .filter_map(|c| {
                Some((
                    cut(c.attrs.source).to_string(),
                    cut(c.attrs.cue).to_string(),
                    cut(Some(c.span)).to_string(),
                    c.attrs.stance?,
                ))
            })
            .collect()
    }

    #[track_caller]
    fn has(text: &str, want: (&str, &str, &str, Stance)) {
        let found = claims(text);
        let want = (
            want.0.to_string(),
            want.1.to_string(),
            want.2.to_string(),
            want.3,
        );
        assert!(found.contains(&want), "{want:?} not in {found:?}");
    }

    #[test]
    fn states_of_mind_after_be() {
        has(
            "The mayor is convinced that the bridge will reopen.",
            (
                "The mayor",
                "is convinced that",
                "the bridge will reopen",
                Stance::Assert,
            ),
        );
        has(
            "The coach was not sure his team would win.",
            (
                "The coach",
                "was not sure",
                "his team would win",
                Stance::Assert,
            ),
        );
        has(
            "Farmers were also worried that prices would fall.",
            (
                "Farmers",
                "were also worried that",
                "prices would fall",
                Stance::Assert,
            ),
        );
        has(
            "She’s so frustrated that the school closed.",
            (
                "She",
                "’s so frustrated that",
                "the school closed",
                Stance::Assert,
            ),
        );
        has(
            "Local leaders weren’t too concerned about the delay.",
            (
                "Local leaders",
                "weren’t too concerned about",
                "the delay",
                Stance::Assert,
            ),
        );
    }

    #[test]
    fn attitudes_after_be_with_a_preposition() {
        has(
            "The senator has been critical of the new tariff.",
            (
                "The senator",
                "has been critical of",
                "the new tariff",
                Stance::Accuse,
            ),
        );
        has(
            "Her aides were coy about the timing of the visit.",
            (
                "Her aides",
                "were coy about",
                "the timing of the visit",
                Stance::Assert,
            ),
        );
    }

    #[test]
    fn intentions_after_be() {
        has(
            "The council is also determined to finish the road.",
            (
                "The council",
                "is also determined to",
                "finish the road",
                Stance::Assert,
            ),
        );
    }

    #[test]
    fn states_that_are_no_claims() {
        assert!(cues("The team is sure to win the cup.").is_empty());
        assert!(cues("It is clear that the road is closed.").is_empty());
        assert!(cues("The company is concerned with shipping.").len() == 1);
        assert!(claims("The company is concerned with shipping.").is_empty());
    }
}

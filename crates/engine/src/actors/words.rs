//! The text as the actor layer sees it: tokens with their case, line and sentence
//! position, and what kind of line they sit on (prose, Title Case headline or
//! ALL-CAPS line), because capitals only hint at a name in ordinary prose.

use std::borrow::Cow;

use super::fasthash::FastMap;
use super::gazetteer::{self, Entry};
use crate::text::{Analysis, ByteSpan, TokenKind};

/// How a line uses capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineMode {
    /// Ordinary prose: a capital marks a name or a sentence start.
    Prose,
    /// A headline in Title Case: most words are capitalised.
    Title,
    /// An ALL-CAPS line (headline, dateline, sports table): capitals say nothing.
    Caps,
}

/// What [`words_of`] learns about a word once, so that the rules ask a bit instead of
/// decoding the word's characters again: bits of [`Word`]'s `flags`.
mod flag {
    /// `entry` and `lower_entry` hold the word's entries.
    pub const LOOKED_UP: u8 = 1;
    /// See [`super::Word::is_ordinary`] (for a word with capitals).
    pub const ORDINARY: u8 = 1 << 1;
    /// A word token whose first character is upper case.
    pub const CAPITALISED: u8 = 1 << 2;
    /// A word token whose first character is lower case.
    pub const LOWER_START: u8 = 1 << 3;
    /// A word token with letters and no lower-case character.
    pub const ALL_CAPS: u8 = 1 << 4;
    /// A word token that starts in lower case and is its own lower case.
    pub const LOWER_FORM: u8 = 1 << 5;
}

/// One token with what the actor layer needs to know about it.
///
/// Kept to 40 bytes: a text has one `Word` per token and the rules read them all
/// several times, so their size is much of the layer's memory traffic.
#[derive(Debug, Clone, Copy)]
pub struct Word<'t> {
    /// The token's text.
    pub text: &'t str,
    /// Where it starts (byte offset; it ends at [`Word::end`]).
    pub start: usize,
    /// Index of its line (saturating at `u32::MAX`).
    pub line: u32,
    /// For a word with capitals: what the word lists say about its text and its lower
    /// case ([`gazetteer::Gazetteer::entry_at`]), looked up once (other tokens are
    /// looked up when asked, which is rare).
    entry: u16,
    lower_entry: u16,
    /// Word, number, possessive or punctuation.
    pub kind: TokenKind,
    /// First word of a sentence, or after an opening quote, colon or dash.
    pub initial: bool,
    /// A line break separates it from the previous token.
    pub after_break: bool,
    /// Bits of [`flag`].
    flags: u8,
}

impl<'t> Word<'t> {
    fn has(&self, bit: u8) -> bool {
        self.flags & bit != 0
    }

    /// Where it ends (byte offset).
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// What the word lists say about its text as written.
    pub fn entry(&self) -> &'static Entry {
        let g = gazetteer::get();
        if self.has(flag::LOOKED_UP) {
            g.entry_at(self.entry)
        } else {
            g.entry(self.text)
        }
    }

    /// What the word lists say about its lower case.
    pub fn lower_entry(&self) -> &'static Entry {
        let g = gazetteer::get();
        if self.has(flag::LOOKED_UP) {
            g.entry_at(self.lower_entry)
        } else if self.has(flag::LOWER_FORM) || !has_capitals(self.text) {
            g.entry(self.text)
        } else {
            g.entry(&self.text.to_lowercase())
        }
    }

    /// Its lower case (`str::to_lowercase`), built only for a word with capitals.
    pub fn lower(&self) -> Cow<'t, str> {
        if self.has(flag::LOWER_FORM) || !has_capitals(self.text) {
            Cow::Borrowed(self.text)
        } else {
            Cow::Owned(self.text.to_lowercase())
        }
    }

    /// An ordinary word: its lower case is a common English word, or the text writes
    /// it as a word starting in lower case somewhere. Such a word, capitalised at a
    /// sentence start or in a headline, is that word and not a name.
    pub fn is_ordinary(&self) -> bool {
        self.has(flag::LOWER_FORM) || self.has(flag::ORDINARY)
    }

    /// A word starting with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.has(flag::CAPITALISED)
    }

    /// A word starting with a lower-case letter.
    pub fn is_lower_start(&self) -> bool {
        self.has(flag::LOWER_START)
    }

    /// A word whose letters are all capitals (`NATO`, `U.N.`).
    pub fn is_all_caps(&self) -> bool {
        self.has(flag::ALL_CAPS)
    }

    /// This token is a possessive `'s`.
    pub fn is_possessive(&self) -> bool {
        self.kind == TokenKind::Possessive
    }

    /// This token is punctuation `p`.
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.text == p
    }
}

/// True when `s` may differ from its lower case: it has an ASCII capital or any
/// character outside ASCII (whose lower case takes the full Unicode tables).
fn has_capitals(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii())
}

/// Byte classes for [`case_flags`]: one table load per byte tells all it asks.
const NON_ASCII: u8 = 1;
const UPPER: u8 = 2;
const LOWER: u8 = 4;
const HYPHEN: u8 = 8;

const fn byte_classes() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if !c.is_ascii() {
            NON_ASCII
        } else if c.is_ascii_uppercase() {
            UPPER
        } else if c.is_ascii_lowercase() {
            LOWER
        } else if c == b'-' {
            HYPHEN
        } else {
            0
        };
        b += 1;
    }
    t
}

static CLASSES: [u8; 256] = byte_classes();

/// The case bits of a word token's text whose lower case is `lower`, whether the
/// text is ASCII, and whether it holds a hyphen.
fn case_flags(s: &str, lower: &str) -> (u8, bool, bool) {
    let seen = s.bytes().fold(0, |m, b| m | CLASSES[usize::from(b)]);
    let ascii = seen & NON_ASCII == 0;
    let mut flags = 0;
    let first = match s.as_bytes().first() {
        Some(&b) if b.is_ascii() => char::from(b),
        _ => s.chars().next().unwrap_or(' '),
    };
    if first.is_uppercase() {
        flags |= flag::CAPITALISED;
    }
    if first.is_lowercase() {
        flags |= flag::LOWER_START;
    }
    let all_caps = if ascii {
        seen & UPPER != 0 && seen & LOWER == 0
    } else {
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    };
    if all_caps {
        flags |= flag::ALL_CAPS;
    }
    // An ASCII word is its own lower case when it has no capital; others compare.
    let own_lower = if ascii { seen & UPPER == 0 } else { s == lower };
    if flags & flag::LOWER_START != 0 && own_lower {
        flags |= flag::LOWER_FORM;
    }
    (flags, ascii, seen & HYPHEN != 0)
}

/// The words of a text and the mode of each of its lines.
pub struct Words<'t> {
    /// Every token, in order.
    pub words: Vec<Word<'t>>,
    /// The mode of each line, by line index.
    pub modes: Vec<LineMode>,
    /// A sports report: a sport named in its first lines, or sports words
    /// throughout (counted while the words are read).
    pub sports: bool,
    /// The words that may start a mention that is no capitalised run (a capitalised
    /// word with a hyphen, a word ending a listed phrase), in order, for
    /// `phrases::extra_mentions`: the few it must look at, noted while the words are
    /// read.
    pub extra: Vec<usize>,
}

impl<'t> Words<'t> {
    /// The mode of the line `w` sits on.
    pub fn mode(&self, w: &Word<'_>) -> LineMode {
        self.modes
            .get(w.line as usize)
            .copied()
            .unwrap_or(LineMode::Prose)
    }
}

fn is_apostrophe(s: &str) -> bool {
    s == "'" || s == "\u{2019}"
}

/// Tokens that open a new clause, so the next word's capital says nothing.
fn opens_clause(s: &str) -> bool {
    matches!(
        s,
        "\u{201c}"
            | "\u{2018}"
            | ":"
            | "-"
            | "\u{2013}"
            | "\u{2014}"
            | "\u{2022}"
            | "|"
            | "*"
            | ";"
    )
}

/// Per line: letters-words, all-caps words, capitalised words, lower-case content
/// words, capitalised ordinary words (`Says`, `Over`: what makes a headline, where a
/// sports table of names has none), and numbers (a table row of names and scores is
/// no headline).
#[derive(Clone, Copy, Default)]
struct LineCounts {
    words: usize,
    caps: usize,
    capitalised: usize,
    lower: usize,
    ordinary: usize,
    numbers: usize,
}

/// A 16-bit fingerprint of a non-empty word, for the sieve in front of the table of
/// uncommon forms (most lower-case words of a text are no such form).
fn fingerprint(s: &[u8]) -> usize {
    let n = s.len();
    let (Some(&first), Some(&mid), Some(&last)) = (s.first(), s.get(n / 2), s.last()) else {
        return 0;
    };
    (usize::from(first) ^ usize::from(mid) << 4 ^ usize::from(last) << 8 ^ n << 12) & 0xFFFF
}

/// The [`Words`] of a text read by [`Analysis`], in one pass over its tokens (and a
/// second over its lower-case words).
pub fn words_of<'t>(a: &'t Analysis<'_>) -> Words<'t> {
    let text = a.text();
    let tokens = a.tokens();
    let mut out: Vec<Word<'_>> = Vec::with_capacity(tokens.len());
    let mut line = 0;
    let mut prev_end = 0;
    let mut i = 0;
    // Token i's lower case, read in step with the loop (no search, no Vec).
    let mut lowers = a.lowers();
    let g = gazetteer::get();
    // Words with capitals are asked about most (names start there): each distinct
    // spelling is looked up in the word lists once, its entries kept with the index
    // of its lower case in `uncommon` (`u32::MAX` for a common word).
    let mut forms: FastMap<&str, (u16, u16, u32)> = FastMap::default();
    // The forms that are no common word, by lower case, with an index into
    // `written_lower`: only for these does it matter whether the text writes them in
    // lower case, and a small table makes the test of every lower-case word cheap.
    let mut uncommon: FastMap<&str, u32> = FastMap::default();
    // Fingerprints of the uncommon forms: most lower-case words skip the table.
    let mut sieve = vec![0u64; 1024];
    // (word index, index in `written_lower`) of each uncommon word with capitals.
    let mut with_capitals: Vec<(usize, u32)> = Vec::new();
    let mut extra = Vec::new();
    let mut counts: Vec<LineCounts> = vec![LineCounts::default()];
    // Sentence starts, read in step with the words.
    let starts = a.sentences();
    let mut s = 0;
    let mut pending = true;
    // Sports words: any in the first two lines, how many, and how many words in all.
    let (mut sports_early, mut sports_words, mut word_count) = (false, 0usize, 0usize);
    while i < tokens.len() {
        let t = tokens[i];
        let start = t.span.start().0;
        let gap = &text[prev_end.min(start)..start];
        let breaks = gap.bytes().filter(|&b| b == b'\n').count();
        if breaks > 0 {
            line += breaks;
            // Lines without tokens keep zero counts (Prose), as before.
            let want = line.min(u32::MAX as usize) + 1;
            if counts.len() < want {
                counts.resize(want, LineCounts::default());
            }
        }
        let mut text_of = t.text(text);
        let mut lower = lowers.next().unwrap_or("");
        let mut kind = t.kind;
        // Tokenised corpora write "Kingdom 's": a detached apostrophe + s is a possessive.
        if t.kind == TokenKind::Punct && is_apostrophe(text_of) {
            if let Some(next) = tokens.get(i + 1) {
                if next.span.start() == t.span.end() && matches!(next.text(text), "s" | "S") {
                    if let Ok(span) = ByteSpan::from_raw(start, next.span.end().0) {
                        text_of = &text[span.range()];
                        // An apostrophe and `s`: its ASCII lower case is its lower case.
                        lower = &a.ascii_lower()[span.range()];
                        kind = TokenKind::Possessive;
                        i += 1;
                        lowers.next();
                    }
                }
            }
        }
        let line32 = u32::try_from(line).unwrap_or(u32::MAX);
        let mut word = Word {
            text: text_of,
            start,
            line: line32,
            entry: 0,
            lower_entry: 0,
            kind,
            initial: false,
            after_break: breaks > 0,
            flags: 0,
        };
        // A straight quote opens a clause when a space comes before it, not after.
        let opening_quote = text_of == "\"" && start > prev_end;
        prev_end = word.end();
        while s < starts.len() && starts[s].start().0 <= start {
            pending = true;
            s += 1;
        }
        if word.after_break {
            pending = true;
        }
        let c = &mut counts[line32 as usize];
        // Whether a word token is ASCII (set with its case bits).
        let mut ascii = false;
        match kind {
            TokenKind::Word => {
                word.initial = pending;
                pending = false;
                let (flags, is_ascii, hyphen) = case_flags(text_of, lower);
                word.flags = flags;
                ascii = is_ascii;
                let hyphenated = hyphen && word.is_capitalised();
                let phrase_end = || {
                    out.last()
                        .is_some_and(|p: &Word<'_>| g.is_group_phrase(p.text, text_of))
                };
                if hyphenated || phrase_end() {
                    extra.push(out.len());
                }
                word_count += 1;
                if g.is_sports_word(lower) {
                    sports_early |= line < 2;
                    sports_words += 1;
                }
            }
            TokenKind::Punct if opens_clause(text_of) || opening_quote => pending = true,
            TokenKind::Number => c.numbers += 1,
            _ => {}
        }
        if kind == TokenKind::Word && !word.has(flag::LOWER_FORM) {
            let (e, l, k) = *forms.entry(text_of).or_insert_with(|| {
                let l = g.entry_id(lower);
                let k = if g.entry_at(l).is_common() {
                    u32::MAX
                } else {
                    let next = uncommon.len() as u32;
                    let k = *uncommon.entry(lower).or_insert(next);
                    if k == next {
                        let f = fingerprint(lower.as_bytes());
                        sieve[f / 64] |= 1 << (f % 64);
                    }
                    k
                };
                (g.entry_id(text_of), l, k)
            });
            word.entry = e;
            word.lower_entry = l;
            word.flags |= flag::LOOKED_UP;
            if k == u32::MAX {
                word.flags |= flag::ORDINARY;
            } else {
                with_capitals.push((out.len(), k));
            }
        }
        // At least two characters (without counting them all).
        if kind == TokenKind::Word && at_least_chars(text_of, ascii, 2) {
            c.words += 1;
            if word.is_all_caps() {
                c.caps += 1;
            }
            if word.is_capitalised() {
                c.capitalised += 1;
                // Ordinary unless uncommon: those are counted once known, below.
                if !word.is_all_caps() && word.has(flag::ORDINARY) {
                    c.ordinary += 1;
                }
            } else if at_least_chars(text_of, ascii, 5) {
                c.lower += 1;
            } else if is_headline_preposition(text_of) {
                // Headlines keep their small prepositions in lower case; tables have none.
                c.ordinary += 1;
            }
        }
        out.push(word);
        i += 1;
    }
    let mut written_lower = vec![false; uncommon.len()];
    if !uncommon.is_empty() {
        for w in &out {
            if !w.is_lower_start() {
                continue;
            }
            let f = fingerprint(w.text.as_bytes());
            if sieve[f / 64] >> (f % 64) & 1 == 0 {
                continue;
            }
            if let Some(&k) = uncommon.get(w.text) {
                written_lower[k as usize] = true;
            }
        }
    }
    for (i, k) in with_capitals {
        let w = &mut out[i];
        if written_lower[k as usize] {
            w.flags |= flag::ORDINARY;
            let counted = w.is_capitalised()
                && !w.is_all_caps()
                && at_least_chars(w.text, w.text.is_ascii(), 2);
            if let (true, Some(c)) = (counted, counts.get_mut(w.line as usize)) {
                c.ordinary += 1;
            }
        }
    }
    let modes = counts.into_iter().map(line_mode).collect();
    // Sports words throughout, not a passing mention in a long report.
    let sports = sports_early || (sports_words >= 4 && sports_words * 150 >= word_count);
    Words {
        words: out,
        modes,
        sports,
        extra,
    }
}

/// True when `s` (ASCII if `ascii`) has at least `n` characters (`n` > 0), without
/// counting them all.
fn at_least_chars(s: &str, ascii: bool, n: usize) -> bool {
    if ascii {
        s.len() >= n
    } else {
        s.chars().nth(n - 1).is_some()
    }
}

fn is_headline_preposition(s: &str) -> bool {
    matches!(
        s,
        "in" | "on" | "of" | "to" | "as" | "at" | "for" | "by" | "with" | "from" | "over" | "after"
    )
}

fn line_mode(c: LineCounts) -> LineMode {
    let n = c.words;
    if n > 0 && c.caps * 10 >= n * 7 && (c.caps >= 2 || n == 1) {
        LineMode::Caps
    } else if n >= 3
        && c.lower == 0
        && c.ordinary >= 2
        && c.numbers <= 2
        && c.capitalised * 10 >= n * 7
    {
        LineMode::Title
    } else {
        LineMode::Prose
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detached_possessive_is_joined() {
        let a = Analysis::new("the United Kingdom 's Royal Air Force");
        let w = words_of(&a);
        let texts: Vec<_> = w.words.iter().map(|w| w.text).collect();
        assert_eq!(
            texts,
            ["the", "United", "Kingdom", "'s", "Royal", "Air", "Force"]
        );
        assert!(w.words[3].is_possessive());
    }

    #[test]
    fn lines_have_modes() {
        let a = Analysis::new("SOCCER - ROMANIA BEAT LITHUANIA .\nTurkey Says Talks Over Soon\nTurkey denied it sent fighters there.\nJan Kroslak ( Slovakia ) beat Ivan Lendl");
        let w = words_of(&a);
        assert_eq!(
            w.modes,
            [
                LineMode::Caps,
                LineMode::Title,
                LineMode::Prose,
                LineMode::Prose
            ]
        );
    }

    #[test]
    fn sentence_and_clause_starts_are_initial() {
        let a = Analysis::new("Fighting resumed. Then \"Peace\" came: Later (Reuters)");
        let w = words_of(&a);
        let initial: Vec<_> = w
            .words
            .iter()
            .filter(|w| w.initial)
            .map(|w| w.text)
            .collect();
        assert_eq!(initial, ["Fighting", "Then", "Peace", "Later"]);
    }
}

//! The text as the actor layer sees it: tokens with their case, line and sentence
//! position, and what kind of line they sit on (prose, Title Case headline or
//! ALL-CAPS line), because capitals only hint at a name in ordinary prose.

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

/// One token with what the actor layer needs to know about it.
#[derive(Debug, Clone, Copy)]
pub struct Word<'t> {
    /// The token's text.
    pub text: &'t str,
    /// Its lower case (`str::to_lowercase`), read from the shared analysis.
    pub lower: &'t str,
    /// Where it starts (byte offset; it ends at [`Word::end`]). Kept small with
    /// `line` below: a text has one `Word` per token, and the rules read them all
    /// several times, so their size is much of the layer's memory traffic.
    pub start: usize,
    /// Word, number, possessive or punctuation.
    pub kind: TokenKind,
    /// Index of its line (saturating at `u32::MAX`).
    pub line: u32,
    /// First word of a sentence, or after an opening quote, colon or dash.
    pub initial: bool,
    /// A line break separates it from the previous token.
    pub after_break: bool,
    /// For a word with capitals: what the word lists say about its text and its lower
    /// case, looked up once (other tokens are looked up when asked, which is rare).
    entries: Option<(&'static Entry, &'static Entry)>,
    /// For a word with capitals: an ordinary word, whose lower case is a common word
    /// or is written in lower case elsewhere in the text (see [`Word::is_ordinary`]).
    ordinary: bool,
}

impl Word<'_> {
    /// Where it ends (byte offset).
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// What the word lists say about its text as written.
    pub fn entry(&self) -> &'static Entry {
        match self.entries {
            Some((e, _)) => e,
            None => gazetteer::get().entry(self.text),
        }
    }

    /// What the word lists say about its lower case.
    pub fn lower_entry(&self) -> &'static Entry {
        match self.entries {
            Some((_, e)) => e,
            None => gazetteer::get().entry(self.lower),
        }
    }

    /// A word written in lower case throughout: its own lower case.
    fn is_lower_form(&self) -> bool {
        self.kind == TokenKind::Word
            && self.text.chars().next().is_some_and(char::is_lowercase)
            && self.text == self.lower
    }

    /// An ordinary word: its lower case is a common English word, or the text writes
    /// it as a word starting in lower case somewhere. Such a word, capitalised at a
    /// sentence start or in a headline, is that word and not a name.
    pub fn is_ordinary(&self) -> bool {
        self.is_lower_form() || self.ordinary
    }

    /// A word starting with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// A word whose letters are all capitals (`NATO`, `U.N.`).
    pub fn is_all_caps(&self) -> bool {
        self.kind == TokenKind::Word
            && self.text.chars().any(char::is_alphabetic)
            && !self.text.chars().any(char::is_lowercase)
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

/// The words of a text and the mode of each of its lines.
pub struct Words<'t> {
    /// Every token, in order.
    pub words: Vec<Word<'t>>,
    /// The mode of each line, by line index.
    pub modes: Vec<LineMode>,
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

/// The [`Words`] of a text read by [`Analysis`], in one pass over its tokens.
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
    // Words with capitals are asked about most (names start there): their lower
    // cases get an index, for the vocabulary below and so that each distinct one is
    // looked up in the word lists once.
    let mut forms: FastMap<&str, u32> = FastMap::default();
    let mut form_entries: Vec<&'static Entry> = Vec::new();
    // The forms that are no common word, by lower case, with an index into
    // `written_lower`: only for these does it matter whether the text writes them in
    // lower case, and a small table makes the test of every lower-case word cheap.
    let mut uncommon: FastMap<&str, u32> = FastMap::default();
    // (word index, index in `written_lower`) of each uncommon word with capitals.
    let mut with_capitals: Vec<(usize, u32)> = Vec::new();
    while i < tokens.len() {
        let t = tokens[i];
        let start = t.span.start().0;
        let gap = &text[prev_end.min(start)..start];
        let breaks = gap.bytes().filter(|&b| b == b'\n').count();
        line += breaks;
        let mut word = Word {
            text: t.text(text),
            lower: lowers.next().unwrap_or(""),
            start,
            kind: t.kind,
            line: u32::try_from(line).unwrap_or(u32::MAX),
            initial: false,
            after_break: breaks > 0,
            entries: None,
            ordinary: false,
        };
        // Tokenised corpora write "Kingdom 's": a detached apostrophe + s is a possessive.
        if t.kind == TokenKind::Punct && is_apostrophe(word.text) {
            if let Some(next) = tokens.get(i + 1) {
                if next.span.start() == t.span.end() && matches!(next.text(text), "s" | "S") {
                    if let Ok(span) = ByteSpan::from_raw(start, next.span.end().0) {
                        word.text = &text[span.range()];
                        // An apostrophe and `s`: its ASCII lower case is its lower case.
                        word.lower = &a.ascii_lower()[span.range()];
                        word.kind = TokenKind::Possessive;
                        i += 1;
                        lowers.next();
                    }
                }
            }
        }
        prev_end = word.end();
        if word.kind == TokenKind::Word && !word.is_lower_form() {
            let next = form_entries.len() as u32;
            let form = *forms.entry(word.lower).or_insert(next);
            if form == next {
                form_entries.push(g.entry(word.lower));
            }
            let lower_entry = form_entries[form as usize];
            word.entries = Some((g.entry(word.text), lower_entry));
            if lower_entry.is_common() {
                word.ordinary = true;
            } else {
                let next = uncommon.len() as u32;
                with_capitals.push((out.len(), *uncommon.entry(word.lower).or_insert(next)));
            }
        }
        out.push(word);
        i += 1;
    }
    mark_initials(a.sentences(), &mut out);
    let mut written_lower = vec![false; uncommon.len()];
    for w in &out {
        if w.kind == TokenKind::Word && w.text.chars().next().is_some_and(char::is_lowercase) {
            if let Some(&k) = uncommon.get(w.text) {
                written_lower[k as usize] = true;
            }
        }
    }
    for (i, k) in with_capitals {
        out[i].ordinary = written_lower[k as usize];
    }
    let modes = line_modes(&out, line + 1);
    Words { words: out, modes }
}

fn mark_initials(starts: &[ByteSpan], words: &mut [Word<'_>]) {
    let mut s = 0;
    let mut pending = true;
    let mut prev_end = 0;
    for w in words.iter_mut() {
        // A straight quote opens a clause when a space comes before it, not after.
        let opening_quote = w.text == "\"" && w.start > prev_end;
        prev_end = w.end();
        while s < starts.len() && starts[s].start().0 <= w.start {
            pending = true;
            s += 1;
        }
        if w.after_break {
            pending = true;
        }
        match w.kind {
            TokenKind::Word => {
                w.initial = pending;
                pending = false;
            }
            TokenKind::Punct if opens_clause(w.text) || opening_quote => pending = true,
            _ => {}
        }
    }
}

fn line_modes(words: &[Word<'_>], lines: usize) -> Vec<LineMode> {
    // Per line: letters-words, all-caps words, capitalised words, lower-case content
    // words, capitalised ordinary words (`Says`, `Over`: what makes a headline, where a
    // sports table of names has none).
    let mut counts = vec![(0usize, 0usize, 0usize, 0usize, 0usize); lines];
    // Numbers per line: a table row of names and scores is no headline.
    let mut numbers = vec![0usize; lines];
    for w in words {
        if w.kind == TokenKind::Number {
            if let Some(n) = numbers.get_mut(w.line as usize) {
                *n += 1;
            }
        }
        // At least two characters (without counting them all).
        if w.kind != TokenKind::Word || w.text.chars().nth(1).is_none() {
            continue;
        }
        let Some(c) = counts.get_mut(w.line as usize) else {
            continue;
        };
        c.0 += 1;
        if w.is_all_caps() {
            c.1 += 1;
        }
        if w.is_capitalised() {
            c.2 += 1;
            if !w.is_all_caps() && w.is_ordinary() {
                c.4 += 1;
            }
        } else if w.text.chars().nth(4).is_some() {
            c.3 += 1;
        } else if matches!(
            w.text,
            "in" | "on"
                | "of"
                | "to"
                | "as"
                | "at"
                | "for"
                | "by"
                | "with"
                | "from"
                | "over"
                | "after"
        ) {
            // Headlines keep their small prepositions in lower case; tables have none.
            c.4 += 1;
        }
    }
    counts
        .into_iter()
        .zip(numbers)
        .map(|((n, caps, capitalised, lower, ordinary), numbers)| {
            if n > 0 && caps * 10 >= n * 7 && (caps >= 2 || n == 1) {
                LineMode::Caps
            } else if n >= 3
                && lower == 0
                && ordinary >= 2
                && numbers <= 2
                && capitalised * 10 >= n * 7
            {
                LineMode::Title
            } else {
                LineMode::Prose
            }
        })
        .collect()
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

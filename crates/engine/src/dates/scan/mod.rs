//! Finding temporal expressions: one left-to-right pass over the tokens. At each token
//! the grammar tries the forms that can start there (driven by the word lists of
//! [`super::lexicon`]) and keeps the longest; the scan then resumes after it. Every
//! form looks at a bounded number of tokens, so the whole pass is linear.
//!
//! A leading preposition is never consumed: forms start at the temporal word itself or
//! at a modifier that TimeML keeps in the extent (`the`, `nearly`, `early`, `last`).

use super::expr::{DayRef, Expr, Tense, YearPart, YearRef};
use super::lexicon::{lexicon, IdPhrases, Lexicon, Unit, Word};
use super::normalise::plausible_day;
use super::reference::is_anaphoric;
use super::tokens::{Tok, Toks};
use crate::text::sentences::is_abbreviation;
use crate::text::TokenKind;

mod calendar;
mod relative;
mod words;

/// One expression found: its tokens `first..end` and its meaning, with what the
/// later steps need from its tokens, read while the scan has them at hand (by then
/// the tokens of a long text have left the cache).
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of its first token.
    pub first: usize,
    /// Index after its last token.
    pub end: usize,
    /// Byte start of its first token in the text.
    pub start_byte: usize,
    /// Byte end of its last token in the text (`None` if a form ran past the end).
    pub end_byte: Option<usize>,
    /// Its first token starts a line.
    pub line_start: bool,
    /// What it means.
    pub expr: Expr,
    /// What the sentence around it says about its time.
    pub tense: Tense,
    /// Its words point back into the story ([`super::reference`]).
    pub anaphoric: bool,
}

/// The largest amount of time units read as a temporal expression.
const MAX_AMOUNT: f64 = 10_000.0;
/// How far back in a sentence a future cue still counts (most of a news sentence,
/// which runs 20 to 25 tokens and longer with a place name and its commas; the
/// sentence end stops the search earlier).
const CUE_WINDOW: usize = 20;
/// How far into the main clause after a fronted day its past verb still counts.
const FRONTED_WINDOW: usize = 40;
/// How far before a verb a clause opener (`when`) still governs it.
const CLAUSE_WINDOW: usize = 3;
/// How far after a possessive expression its future auxiliary still counts.
const AUX_WINDOW: usize = 3;

/// Scans all tokens once.
pub fn scan(toks: &Toks) -> Vec<Found> {
    let s = Scanner {
        t: toks,
        lex: lexicon(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !s.can_start(i) {
            i += 1;
            continue;
        }
        match s.at(i) {
            Some((end, expr)) if end > i => {
                let first = toks.get(i);
                out.push(Found {
                    first: i,
                    end,
                    start_byte: first.map_or(0, |t| t.start),
                    end_byte: toks.get(end - 1).map(|t| t.end),
                    line_start: first.is_some_and(Tok::line_start),
                    tense: s.tense(i, end),
                    anaphoric: is_anaphoric(toks, i, end, &expr),
                    expr,
                });
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// What came before the core of an expression.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    the: bool,
    approx: bool,
    position: bool,
}

type Hit = Option<(usize, Expr)>;

struct Scanner<'a> {
    t: &'a Toks<'a>,
    lex: &'static Lexicon,
}

/// Keeps `hit` in `best` when it reaches further (the first of equal ones stays).
#[inline]
fn keep_longer(best: &mut Hit, hit: Hit) {
    if let Some(h) = hit {
        if best.as_ref().is_none_or(|b| h.0 > b.0) {
            *best = Some(h);
        }
    }
}

fn longer(a: Hit, b: Hit) -> Hit {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.0 > a.0 { b } else { a }),
        (a, b) => a.or(b),
    }
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

impl Scanner<'_> {
    #[inline]
    pub(super) fn low(&self, i: usize) -> &str {
        self.t.low(i)
    }

    /// What the word lists say about token `i` (nothing past the end).
    #[inline]
    pub(super) fn word(&self, i: usize) -> &'static Word {
        self.lex.word(self.t.word(i))
    }

    /// Whether any form can begin at token `i` (numbers, and words of the lists).
    pub(super) fn can_start(&self, i: usize) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number || t.starter())
    }

    /// Whether a form can begin at token `i` once modifiers (`the`, `nearly`, `early`)
    /// came before it: the starting words, and the few the grammar only accepts there
    /// (`the full year`, `the latest quarter`, `the nineties`, `late afternoon`).
    fn may_follow_modifier(&self, i: usize) -> bool {
        let w = self.low(i);
        self.can_start(i)
            || self.word(i).part_of_day.is_some()
            || matches!(
                w,
                "full"
                    | "entire"
                    | "whole"
                    | "calendar"
                    | "latest"
                    | "same"
                    | "corresponding"
                    | "comparable"
                    | "other"
                    | "period"
                    | "trading"
                    | "couple"
                    | "dozen"
                    | "hundred"
                    | "thousand"
                    | "consecutive"
                    | "successive"
                    | "straight"
                    | "once"
                    | "twice"
            )
            || w.ends_with("ies")
    }

    /// The longest expression starting at token `i`, with or without modifiers.
    pub(super) fn at(&self, i: usize) -> Hit {
        let mut best = self.core(i, Ctx::default());
        let mut ctx = Ctx::default();
        let mut j = i;
        for _ in 0..4 {
            if let Some(e) = self
                .any_phrase(j, &self.word(j).approximators)
                .filter(|&e| {
                    !(e == j + 1 && (self.low(e) == "the" || self.word(e).shifter.is_some()))
                })
            {
                ctx.approx = true;
                j = e;
            } else if let Some(e) = self.any_phrase(j, &self.word(j).positions) {
                ctx.position = true;
                j = e;
                if matches!(self.low(j), "on" | "in") {
                    j += 1;
                }
            } else if self.low(j) == "the" && !ctx.the {
                ctx.the = true;
                j += 1;
            } else {
                break;
            }
        }
        if j > i && self.may_follow_modifier(j) {
            if let Some((end, expr)) = self.core(j, ctx) {
                // "the eight-year war": the article belongs to the noun, not the adjective.
                let compound = self.t.get(end - 1).is_some_and(|t| t.hyphen()) && end - j <= 3;
                let decade = matches!(expr, Expr::Decade(_));
                let the_ok = !ctx.the
                    || (!compound || decade) && (ctx.position || takes_the(&expr))
                    || (self.low(j) == "year" && matches!(expr, Expr::Year(_)));
                let approx_ok = !ctx.approx || takes_approx(&expr);
                if the_ok && approx_ok && best.as_ref().is_none_or(|b| end > b.0) {
                    best = Some((end, expr));
                }
            }
        }
        // "the next year or so": the hedge belongs to the stretch it hedges.
        best.map(|(end, expr)| match expr {
            Expr::Shift { .. } | Expr::Duration { .. } => {
                (self.t.phrase_at(end, &["or", "so"]).unwrap_or(end), expr)
            }
            _ => (end, expr),
        })
    }

    /// The forms that can start at token `i`.
    pub(super) fn core(&self, i: usize, ctx: Ctx) -> Hit {
        let tok = self.t.get(i)?;
        if tok.kind == TokenKind::Number {
            let mut best = self.clock(i);
            keep_longer(&mut best, self.numeric_date(i));
            keep_longer(&mut best, self.day_month(i));
            keep_longer(&mut best, self.year_forms(i, ctx));
            keep_longer(&mut best, self.amount(i, ctx));
            keep_longer(&mut best, self.ordinal_period(i, ctx));
            return best;
        }
        let w = self.low(i);
        if tok.kind != TokenKind::Word && w != "'" {
            return None;
        }
        // Each form is tried only where its first test can pass: the word it needs
        // at `i` (see the form's opening lines). Most starting words (`the`, `a`,
        // `that`) begin one or two forms of the eleven.
        let word = self.word(i);
        let mut best = None;
        if w == "one" || !word.phrases.is_empty() {
            best = self.fixed(i);
        }
        if !word.holidays.is_empty() {
            keep_longer(
                &mut best,
                self.holiday(i).map(|(e, rule)| {
                    let day = Expr::Holiday { rule, shift: None };
                    // "Easter week", "Christmas week": the week the day falls in.
                    if self.low(e) == "week" {
                        (e + 1, Expr::WeekOf(Box::new(day)))
                    } else {
                        (e, day)
                    }
                }),
            );
        }
        if word.month.is_some() {
            keep_longer(&mut best, self.month_forms(i));
        }
        if word.weekday.is_some()
            || word.weekday_with_period.is_some()
            || word.weekday_plural.is_some()
        {
            keep_longer(&mut best, self.weekday_forms(i));
        }
        if word.vague
            || word.number.is_some()
            || matches!(w, "a" | "an" | "half")
            || self.low(i + 1) == "half"
        {
            keep_longer(&mut best, self.amount(i, ctx));
        }
        if word.shifter.is_some() || w == "year" {
            keep_longer(&mut best, self.shifted(i, ctx));
        }
        if matches!(w, "every" | "each") {
            keep_longer(&mut best, self.every(i));
        }
        if word.shifter.is_some()
            || word.ordinal.is_some()
            || w == "fiscal"
            || matches!(w.as_bytes(), [b'q' | b'h', b'1'..=b'4'])
            || ctx.the && matches!(w, "latest" | "current" | "same" | "quarter")
        {
            keep_longer(&mut best, self.ordinal_period(i, ctx));
        }
        if word.number.is_some() || matches!(w, "fiscal" | "'") || ctx.the && w == "year" {
            keep_longer(&mut best, self.year_forms(i, ctx));
        }
        if word.season.is_some() || ctx.the || ctx.position || w == "that" {
            keep_longer(&mut best, self.determined(i, ctx));
        }
        if word.unit.is_some() && !ctx.the {
            keep_longer(&mut best, self.bare_units(i, ctx));
        }
        best
    }

    /// Token `i` exists and continues the line of the token before it.
    pub(super) fn same_line(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.line_start())
    }

    /// The end of the first of `phrases` (word sequences starting at token `i`) that
    /// the text has there.
    pub(super) fn any_phrase(&self, i: usize, phrases: &IdPhrases) -> Option<usize> {
        phrases.iter().find_map(|p| self.t.ids_at(i, p))
    }

    /// Whether token `k` ends a sentence (a period after a single initial does not).
    #[inline]
    fn ends_sentence(&self, k: usize) -> bool {
        self.t.get(k).is_some_and(Tok::sentence_end)
    }

    /// Whether token `k` puts its sentence in the past: regular past forms
    /// ("announced", "acquired") and the listed ones.
    #[inline]
    fn is_past(&self, k: usize) -> bool {
        self.t.get(k).is_some_and(Tok::past)
    }

    /// Whether token `k` is a future cue that looks ahead here (not `next to`, not a
    /// plan told in the past perfect), or begins a phrase that does (`as early as`).
    fn future_cue_at(&self, k: usize, superseded: bool) -> bool {
        let word = self.word(k);
        word.future_cue
            && self.any_phrase(k, &word.not_future_cues).is_none()
            && !(superseded && self.superseded_plan(k))
            || self.any_phrase(k, &word.future_phrases).is_some()
    }

    /// The tense of the sentence around tokens `i..end`: future cues win over past ones.
    pub(super) fn tense(&self, i: usize, end: usize) -> Tense {
        // A past verb right before the expression is its own verb ("the ruling,
        // announced Wednesday"; "said on Friday"), whatever cue came earlier.
        let verb = if self.low(i.wrapping_sub(1)) == "on" {
            i.wrapping_sub(2)
        } else {
            i.wrapping_sub(1)
        };
        let in_time_clause =
            (verb.saturating_sub(CLAUSE_WINDOW)..verb).any(|k| self.word(k).time_clause_opener);
        if (self.is_past(verb) || self.low(verb) == "said")
            && !self.word(verb).future_cue
            && !in_time_clause
        {
            return Tense::Past;
        }
        if self.past_perfect_after(end) {
            return Tense::Past;
        }
        let fronted = self.fronted_main_tense(i, end);
        if self.looks_ahead(i, end) || fronted == Some(Tense::Future) {
            return Tense::Future;
        }
        let past_in = |ks: &mut dyn Iterator<Item = usize>| {
            ks.take_while(|&k| !self.ends_sentence(k))
                .any(|k| self.is_past(k))
        };
        let mut before = (i.saturating_sub(CUE_WINDOW)..i).rev();
        let mut after = end..(end + CUE_WINDOW).min(self.t.len());
        if past_in(&mut before) || past_in(&mut after) || fronted == Some(Tense::Past) {
            return Tense::Past;
        }
        Tense::Unmarked
    }

    /// A past perfect right after the expression ("Until Thursday, they had not
    /// called him a suspect"): the sentence looks back from the time of writing, so
    /// a future cue before the expression (`until`) does not turn it forward.
    fn past_perfect_after(&self, end: usize) -> bool {
        (end..(end + AUX_WINDOW).min(self.t.len()))
            .take_while(|&k| !self.ends_sentence(k))
            .any(|k| self.low(k) == "had")
            || self.past_passive_after(end)
    }

    /// A past passive right after the expression ("the service planned for Saturday
    /// was canceled"): the plan the day belongs to is told as over.
    fn past_passive_after(&self, end: usize) -> bool {
        matches!(self.low(end), "was" | "were")
            && self.is_past(end + 1)
            && !self.word(end + 1).future_cue
    }

    /// A day fronted at the start of its sentence ("On Tuesday, the league plans to
    /// ...", "In January, a week after X, a bombing killed ...") takes the tense of the
    /// main clause after it: its first future cue or past verb. A past verb counts
    /// further on than a future cue, since a long fronted phrase can push the main
    /// verb far from the day.
    fn fronted_main_tense(&self, i: usize, end: usize) -> Option<Tense> {
        let start = if matches!(self.low(i.wrapping_sub(1)), "on" | "by" | "until" | "in") {
            i - 1
        } else {
            i
        };
        let fronted = start == 0
            || self.t.get(start).is_some_and(|t| t.line_start())
            || self.ends_sentence(start - 1);
        if !fronted || self.low(end) != "," {
            return None;
        }
        for k in end + 1..(end + 1 + FRONTED_WINDOW).min(self.t.len()) {
            if self.ends_sentence(k) && !self.abbreviation_period(k) {
                return None;
            }
            if self.is_past(k) || self.low(k) == "said" {
                return Some(Tense::Past);
            }
            if k <= end + CUE_WINDOW && self.future_cue_at(k, false) {
                return Some(Tense::Future);
            }
        }
        None
    }

    /// A period that closes an abbreviation, not the sentence: one of the shared list
    /// ("Roe vs. Wade") or one the sentence runs on after ("Birmingham, Ala., killed").
    fn abbreviation_period(&self, k: usize) -> bool {
        self.low(k) == "."
            && (k > 0 && is_abbreviation(self.low(k - 1))
                || self.t.get(k + 1).is_some_and(|t| {
                    !t.line_start()
                        && (self.low(k + 1) == "," || t.kind == TokenKind::Word && !t.capital())
                }))
    }

    /// A plan told in the past perfect ("had been scheduled to close at noon
    /// Friday", "had planned to"): it was overtaken, so its day lies behind.
    fn superseded_plan(&self, k: usize) -> bool {
        self.low(k.wrapping_sub(1)) == "had"
            || self.low(k.wrapping_sub(1)) == "been" && self.low(k.wrapping_sub(2)) == "had"
    }

    /// A future cue earlier in the same sentence.
    pub(super) fn looks_ahead(&self, i: usize, end: usize) -> bool {
        // A possessive day names an event the story already knows ("will appeal
        // Wednesday's ruling"): cues before it are about something else.
        let possessive = self.low(end) == "'s";
        let from = if possessive {
            i
        } else {
            i.saturating_sub(CUE_WINDOW)
        };
        for k in (from..i).rev() {
            if self.ends_sentence(k)
                || self.t.get(k + 1).is_some_and(|t| t.line_start()) && k + 1 < i
            {
                break;
            }
            if self.future_cue_at(k, true) {
                return true;
            }
        }
        // A possessive subject with a future auxiliary ("Friday's meeting will decide").
        if self.low(end) == "'s" {
            for k in end + 1..(end + 1 + AUX_WINDOW).min(self.t.len()) {
                match self.low(k) {
                    "will" | "'ll" | "shall" => return true,
                    "." | "!" | "?" | "," => break,
                    _ => {}
                }
            }
        }
        false
    }
}

/// The day offset of a phrase rule such as `D-1`, when it has no part of day.
fn anchor_offset(rule: &str) -> Option<i64> {
    let r = rule.strip_prefix('D')?;
    if r.contains(' ') {
        return None;
    }
    r.trim_start_matches('+').parse().ok()
}

fn year_of(s: &str) -> Option<i32> {
    let n: i32 = s.parse().ok()?;
    match s.len() {
        2 => Some(if n < 50 { 2000 + n } else { 1900 + n }),
        4 => Some(n),
        _ => None,
    }
}

/// Whether TimeML keeps a leading `the` in this expression's extent: stretches,
/// parts of years, and days, months or parts of days told by their neighbour ("the
/// previous Friday", "the following May", "the next morning").
fn takes_the(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Duration { .. }
            | Expr::Part { .. }
            | Expr::Decade(_)
            | Expr::Century(_)
            | Expr::Weekend { .. }
            | Expr::WeekOf(_)
            | Expr::Beside { .. }
            | Expr::Shift { .. }
            | Expr::Day {
                day: DayRef::Weekday { shift: Some(_), .. },
                part: None
            }
            | Expr::Day {
                day: DayRef::Anchor(_),
                part: Some(_)
            }
            | Expr::Month { shift: Some(_), .. }
    )
}

/// Whether an approximator (`nearly`, `about`) belongs to this expression.
fn takes_approx(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Duration { .. } | Expr::Shift { .. } | Expr::Clock { .. }
    )
}

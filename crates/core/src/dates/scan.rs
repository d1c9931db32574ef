//! Finding temporal expressions: one left-to-right pass over the tokens. At each token
//! the grammar tries the forms that can start there (driven by the word lists of
//! [`super::lexicon`]) and keeps the longest; the scan then resumes after it. Every
//! form looks at a bounded number of tokens, so the whole pass is linear.
//!
//! A leading preposition is never consumed: forms start at the temporal word itself or
//! at a modifier that TimeML keeps in the extent (`the`, `nearly`, `early`, `last`).

use super::expr::{DayRef, Expr, YearPart, YearRef};
use super::lexicon::{lexicon, Lexicon, Unit};
use super::normalise::plausible_day;
use super::tokens::Toks;
use crate::text::TokenKind;

/// One expression found: its tokens `first..end` and its meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Index of its first token.
    pub first: usize,
    /// Index after its last token.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
    /// The sentence around it looks ahead (weekdays and months resolve forward).
    pub future: bool,
}

/// How far back in a sentence a future cue still counts.
const CUE_WINDOW: usize = 12;

/// Scans all tokens once.
pub fn scan(toks: &Toks) -> Vec<Found> {
    let s = Scanner {
        t: toks,
        lex: lexicon(),
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match s.at(i) {
            Some((end, expr)) if end > i => {
                let future = s.looks_ahead(i);
                out.push(Found {
                    first: i,
                    end,
                    expr,
                    future,
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

struct Scanner<'a, 't> {
    t: &'a Toks<'t>,
    lex: &'static Lexicon,
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

impl Scanner<'_, '_> {
    fn low(&self, i: usize) -> &str {
        self.t.low(i)
    }

    /// The longest expression starting at token `i`, with or without modifiers.
    fn at(&self, i: usize) -> Hit {
        let mut best = self.core(i, Ctx::default());
        let mut ctx = Ctx::default();
        let mut j = i;
        for _ in 0..4 {
            if let Some(e) = self.any_phrase(j, &self.lex.approximators).filter(|&e| {
                !(e == j + 1
                    && (self.low(e) == "the" || self.lex.shifters.contains_key(self.low(e))))
            }) {
                ctx.approx = true;
                j = e;
            } else if let Some(e) = self.any_phrase(j, &self.lex.positions) {
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
        if j > i {
            if let Some((end, expr)) = self.core(j, ctx) {
                // "the eight-year war": the article belongs to the noun, not the adjective.
                let compound = self.t.get(end - 1).is_some_and(|t| t.hyphen) && end - j <= 3;
                let the_ok = !ctx.the
                    || ctx.position
                    || (takes_the(&expr) && !compound)
                    || self.low(j) == "year";
                let approx_ok = !ctx.approx || takes_approx(&expr);
                if the_ok && approx_ok && best.as_ref().is_none_or(|b| end > b.0) {
                    best = Some((end, expr));
                }
            }
        }
        best
    }

    /// The forms that can start at token `i`.
    fn core(&self, i: usize, ctx: Ctx) -> Hit {
        let tok = self.t.get(i)?;
        if tok.kind == TokenKind::Number {
            let mut best = self.clock(i);
            best = longer(best, self.numeric_date(i));
            best = longer(best, self.day_month(i));
            best = longer(best, self.year_forms(i, ctx));
            best = longer(best, self.amount(i, ctx));
            best = longer(best, self.ordinal_period(i, ctx));
            return best;
        }
        if tok.kind != TokenKind::Word && self.low(i) != "'" {
            return None;
        }
        let mut best = self.fixed(i);
        best = longer(
            best,
            self.holiday(i)
                .map(|(e, rule)| (e, Expr::Holiday { rule, shift: None })),
        );
        best = longer(best, self.month_forms(i));
        best = longer(best, self.weekday_forms(i));
        best = longer(best, self.amount(i, ctx));
        best = longer(best, self.shifted(i, ctx));
        best = longer(best, self.every(i));
        best = longer(best, self.ordinal_period(i, ctx));
        best = longer(best, self.year_forms(i, ctx));
        best = longer(best, self.determined(i, ctx));
        best = longer(best, self.bare_units(i));
        best
    }

    /// `decades-long`, and bare plurals in duration contexts: `for years`, `within weeks`.
    fn bare_units(&self, i: usize) -> Hit {
        if !self.is_plural_unit(i) {
            return None;
        }
        let (e, unit) = self.unit_at(i)?;
        if self.low(e) == "long" && self.t.get(e).is_some_and(|t| t.hyphen) {
            return Some((e + 1, Expr::Duration { amount: None, unit }));
        }
        if self.low(e) == "ago" {
            return Some((
                e + 1,
                Expr::Fixed {
                    kind: crate::model::DateKind::Date,
                    value: "PAST_REF",
                },
            ));
        }
        let before = if i > 0 { self.low(i - 1) } else { "" };
        self.lex
            .duration_contexts
            .contains(before)
            .then_some((e, Expr::Duration { amount: None, unit }))
    }

    /// Token `i` exists and continues the line of the token before it.
    fn same_line(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.line_start)
    }

    fn any_phrase(&self, i: usize, phrases: &[Vec<&str>]) -> Option<usize> {
        phrases.iter().find_map(|p| self.t.phrase_at(i, p))
    }

    /// A future cue earlier in the same sentence.
    fn looks_ahead(&self, i: usize) -> bool {
        let from = i.saturating_sub(CUE_WINDOW);
        for k in (from..i).rev() {
            let w = self.low(k);
            if matches!(w, "." | "!" | "?")
                || self.t.get(k + 1).is_some_and(|t| t.line_start) && k + 1 < i
            {
                return false;
            }
            if self.lex.future_cues.contains(w) {
                return true;
            }
        }
        false
    }

    // ---------------------------------------------------------------- words

    fn month_at(&self, i: usize) -> Option<(usize, u8)> {
        let tok = self.t.get(i)?;
        let m = self.lex.months.get(self.low(i))?;
        if m.capitalised && !tok.capital {
            return None;
        }
        let mut end = i + 1;
        // "Sept." keeps its period.
        if self.low(end) == "." && self.t.get(end).is_some_and(|t| t.glued) {
            let mut key = String::with_capacity(6);
            key.push_str(self.low(i));
            key.push('.');
            if self.lex.months.contains_key(key.as_str()) {
                end += 1;
            }
        }
        Some((end, m.month))
    }

    fn weekday_at(&self, i: usize) -> Option<(usize, u8)> {
        let w = self.low(i);
        if let Some(&d) = self.lex.weekdays.get(w) {
            return Some((i + 1, d));
        }
        // "Fri." abbreviations keep their period.
        if self.low(i + 1) == "." && self.t.get(i + 1).is_some_and(|t| t.glued) {
            let mut key = String::with_capacity(w.len() + 1);
            key.push_str(w);
            key.push('.');
            if let Some(&d) = self.lex.weekdays.get(key.as_str()) {
                return Some((i + 2, d));
            }
        }
        None
    }

    /// A day of the month: `22`, `22nd`, `eighth`.
    fn day_number(&self, i: usize) -> Option<(usize, u8)> {
        let w = self.low(i);
        if self.t.is_number(i) && digits(w) && w.len() <= 2 {
            let d: u8 = w.parse().ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let next = self.t.get(i + 1);
            let end = if next.is_some_and(|t| t.glued)
                && self.lex.ordinal_suffixes.contains(self.low(i + 1))
            {
                i + 2
            } else {
                i + 1
            };
            return Some((end, d));
        }
        let &n = self.lex.ordinals.get(w)?;
        u8::try_from(n)
            .ok()
            .filter(|d| (1..=31).contains(d))
            .map(|d| (i + 1, d))
    }

    /// A four-digit number in the range of years, whatever its context (after a month
    /// or a day, where a year is expected).
    fn year_shape(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.low(i);
        if !self.t.is_number(i) || w.len() != 4 || !digits(w) {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        (1000..=2199).contains(&y).then_some((i + 1, y))
    }

    /// A four-digit year that reads as a year here (not a count or a label).
    fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        let (_, y) = self.year_shape(i)?;
        if i > 0 && self.lex.not_year_before.contains(self.low(i - 1)) {
            return None;
        }
        // "1,000 to 2000": the upper end of a range of counts.
        if i >= 2
            && matches!(self.low(i - 1), "to" | "and" | "or")
            && self.t.is_number(i - 2)
            && self.year_shape(i - 2).is_none()
        {
            return None;
        }
        if self.lex.not_year_after.contains(self.low(i + 1)) {
            return None;
        }
        // "822, 853, 1993": a number in a list of labels.
        if i >= 2 && self.low(i - 1) == "," && self.t.is_number(i - 2) && self.low(i - 2).len() != 4
        {
            return None;
        }
        if self.t.get(i + 1).is_some_and(|t| t.glued && !t.hyphen)
            && matches!(self.low(i + 1), "%" | "," | ".")
            && self.t.is_number(i + 2)
            && self.t.get(i + 2).is_some_and(|t| t.glued)
        {
            return None;
        }
        Some((i + 1, y))
    }

    /// An amount: `six`, `twenty four`, `30`, `2 1/2`, `a`, `a couple of`, `two and a half`.
    fn number_at(&self, i: usize) -> Option<(usize, f64)> {
        let w = self.low(i);
        let (mut end, mut value) = if self.t.is_number(i) {
            let clean: String = w.chars().filter(|c| *c != ',').collect();
            if clean.contains(':') || clean.contains('/') {
                return None;
            }
            (i + 1, clean.parse::<f64>().ok()?)
        } else {
            let &n = self.lex.numbers.get(w)?;
            let mut end = i + 1;
            let mut v = f64::from(n);
            if matches!(w, "a" | "an") {
                if let Some(&m) = self.lex.numbers.get(self.low(end)) {
                    if matches!(self.low(end), "couple" | "dozen" | "hundred" | "thousand") {
                        v = f64::from(m);
                        end += 1;
                    }
                } else if self.low(end) == "few" {
                    return None;
                }
            } else {
                // Tens and units, hundreds: "twenty four", "a hundred".
                while let Some(&m) = self.lex.numbers.get(self.low(end)) {
                    let next = self.low(end);
                    if matches!(next, "a" | "an" | "couple" | "dozen") {
                        break;
                    }
                    if m >= 100 {
                        v *= f64::from(m);
                    } else if v >= 20.0 && v % 10.0 == 0.0 && m < 10 {
                        v += f64::from(m);
                    } else {
                        break;
                    }
                    end += 1;
                }
            }
            if self.low(end) == "of" && matches!(self.low(end - 1), "couple" | "dozen") {
                end += 1;
            }
            (end, v)
        };
        // "2 1/2", "two and a half"
        if self.low(end) == "1/2" {
            value += 0.5;
            end += 1;
        } else if self.t.phrase_at(end, &["and", "a", "half"]).is_some() {
            value += 0.5;
            end += 3;
        }
        Some((end, value))
    }

    fn unit_at(&self, i: usize) -> Option<(usize, Unit)> {
        self.lex.units.get(self.low(i)).map(|&u| (i + 1, u))
    }

    fn is_plural_unit(&self, i: usize) -> bool {
        self.low(i).ends_with('s') && self.unit_at(i).is_some()
    }

    fn zone_at(&self, i: usize) -> Option<(usize, bool)> {
        self.lex
            .zones
            .iter()
            .find_map(|(words, utc)| self.t.phrase_at(i, words).map(|e| (e, *utc)))
    }

    fn meridiem_at(&self, i: usize) -> Option<(usize, &'static str)> {
        self.lex.meridiems.get(self.low(i)).map(|m| (i + 1, *m))
    }

    // ---------------------------------------------------------------- forms

    /// `18:50 GMT`, `6am`, `10:44 a.m. local time`, `3.00 pm`, `1830 UTC`, `4 a.m. EDT Thursday`.
    fn clock(&self, i: usize) -> Hit {
        let w = self.low(i);
        let mut end = i + 1;
        let (mut hour, minute, needs_marker) = if let Some((h, m)) = w.split_once(':') {
            let m = m.split(':').next().unwrap_or("");
            if !digits(h) || !digits(m) || m.len() != 2 || h.len() > 2 {
                return None;
            }
            (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?, false)
        } else if let Some((h, m)) = w.split_once('.') {
            if !digits(h) || !digits(m) || m.len() != 2 || h.len() > 2 {
                return None;
            }
            (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?, true)
        } else if digits(w) && w.len() <= 2 {
            (w.parse::<u8>().ok()?, 0, true)
        } else if digits(w) && w.len() == 4 {
            // "1830 UTC": military time needs a zone.
            let z = self.zone_at(end)?;
            let (h, m) = (w[..2].parse::<u8>().ok()?, w[2..].parse::<u8>().ok()?);
            if h > 23 || m > 59 {
                return None;
            }
            return Some((
                z.0,
                Expr::Clock {
                    day: None,
                    hour: h,
                    minute: m,
                    utc: z.1,
                },
            ));
        } else {
            return None;
        };
        if hour > 24 || minute > 59 {
            return None;
        }
        let mut marked = false;
        if let Some((e, m)) = self.meridiem_at(end) {
            marked = true;
            end = e;
            match m {
                "pm" if hour < 12 => hour += 12,
                "am" if hour == 12 => hour = 0,
                _ => {}
            }
            if hour > 24 || (m != "oclock" && hour == 0 && minute == 0 && w == "0") {
                return None;
            }
        }
        if needs_marker && !marked {
            return None;
        }
        let mut utc = false;
        if let Some((e, z)) = self.zone_at(end) {
            // A one-letter zone must be glued ("1830Z"); words like "local" must follow a clock.
            end = e;
            utc = z;
        }
        let mut day = None;
        if let Some((e, d)) = self.day_after(end) {
            end = e;
            day = Some(d);
        }
        Some((
            end,
            Expr::Clock {
                day,
                hour,
                minute,
                utc,
            },
        ))
    }

    /// A day written after a clock time or a part of day: `Thursday`, `today`, `Nov. 9`.
    fn day_after(&self, i: usize) -> Option<(usize, DayRef)> {
        if !self.same_line(i) {
            return None;
        }
        // "5 p.m. EST, Nov. 6": a comma only before a month.
        let i = if self.low(i) == "," && self.month_at(i + 1).is_some() {
            i + 1
        } else {
            i
        };

        if let Some((e, d)) = self.weekday_at(i) {
            return Some((
                e,
                DayRef::Weekday {
                    day: d,
                    shift: None,
                },
            ));
        }
        if let Some((e, m)) = self.month_at(i) {
            if let Some((e2, d)) = self.day_number(e) {
                return Some((
                    e2,
                    DayRef::Calendar {
                        year: None,
                        month: m,
                        day: d,
                    },
                ));
            }
            let _ = e;
        }
        let p = self
            .lex
            .phrases
            .get(self.low(i))?
            .iter()
            .find(|p| p.words.len() == 1)?;
        let n = anchor_offset(p.value)?;
        Some((i + 1, DayRef::Anchor(n)))
    }

    /// `27/09/2020`, `9/11/01`, `2020-09-27`.
    fn numeric_date(&self, i: usize) -> Hit {
        let w = self.low(i);
        let parts: Vec<&str> = w.split('/').collect();
        if parts.len() == 3 && parts.iter().all(|p| digits(p)) {
            let a: u8 = parts[0].parse().ok()?;
            let b: u8 = parts[1].parse().ok()?;
            let y = year_of(parts[2])?;
            let (month, day) = if a > 12 { (b, a) } else { (a, b) };
            if (1..=12).contains(&month) && plausible_day(month, day) {
                return Some((
                    i + 1,
                    Expr::Day {
                        day: DayRef::Calendar {
                            year: Some(y),
                            month,
                            day,
                        },
                        part: None,
                    },
                ));
            }
            return None;
        }
        if w.len() == 4 && digits(w) {
            let (m, d) = (self.low(i + 1), self.low(i + 2));
            let joined = |k: usize| self.t.get(k).is_some_and(|t| t.hyphen);
            if joined(i + 1)
                && joined(i + 2)
                && m.len() == 2
                && d.len() == 2
                && digits(m)
                && digits(d)
            {
                let (month, day): (u8, u8) = (m.parse().ok()?, d.parse().ok()?);
                if (1..=12).contains(&month) && plausible_day(month, day) {
                    let year = w.parse().ok()?;
                    return Some((
                        i + 3,
                        Expr::Day {
                            day: DayRef::Calendar {
                                year: Some(year),
                                month,
                                day,
                            },
                            part: None,
                        },
                    ));
                }
            }
        }
        None
    }

    /// `22 June 2021`, `10 October`, `22nd of June`.
    fn day_month(&self, i: usize) -> Hit {
        let (mut end, day) = self.day_number(i)?;
        if self.low(end) == "of" {
            end += 1;
        }
        let (mut end, month) = self.month_at(end)?;
        if !plausible_day(month, day) {
            return None;
        }
        let mut year = None;
        let k = if self.low(end) == "," { end + 1 } else { end };
        if let Some((e, y)) = self.year_shape(k) {
            year = Some(y);
            end = e;
        }
        Some((
            end,
            Expr::Day {
                day: DayRef::Calendar { year, month, day },
                part: None,
            },
        ))
    }

    /// `June 22, 2021`, `Sept. 27`, `August 1988`, `June`, `March of 1990`.
    fn month_forms(&self, i: usize) -> Hit {
        let (end, month) = self.month_at(i)?;
        if !self.same_line(end) {
            let full = self.low(i).len() > 4 || matches!(self.low(i), "june" | "july" | "may");
            return full.then_some((
                end,
                Expr::Month {
                    year: None,
                    month,
                    shift: None,
                },
            ));
        }
        if let Some((e, day)) = self.day_number(end) {
            // "June 2021" is a year, not a day.
            if plausible_day(month, day) && !(self.t.is_number(end) && self.low(end).len() > 2) {
                let mut end = e;
                let mut year = None;
                let k = if self.low(end) == "," { end + 1 } else { end };
                if let Some((e, y)) = self.year_shape(k) {
                    year = Some(y);
                    end = e;
                }
                return Some((
                    end,
                    Expr::Day {
                        day: DayRef::Calendar { year, month, day },
                        part: None,
                    },
                ));
            }
        }
        let k = match self.low(end) {
            "," | "of" => end + 1,
            _ => end,
        };
        if let Some((e, y)) = self.year_after(k) {
            return Some((
                e,
                Expr::Month {
                    year: Some(y),
                    month,
                    shift: None,
                },
            ));
        }
        // "this year" after a month: "January this year".
        if let Some((
            e,
            Expr::Shift {
                unit: Unit::Year,
                by,
            },
        )) = self.shifted(end, Ctx::default())
        {
            return Some((
                e,
                Expr::Part {
                    year: YearRef::Shift(by),
                    part: YearPart::Month(month),
                },
            ));
        }
        // A bare abbreviation is too often a name ("Jan"); only full names stand alone.
        let full = self.low(i).len() >= 3 && end == i + 1 && self.low(i).len() > 4
            || matches!(self.low(i), "june" | "july" | "may");
        full.then_some((
            end,
            Expr::Month {
                year: None,
                month,
                shift: None,
            },
        ))
    }

    /// `Tuesday`, `Friday morning`, `Monday, Oct. 26`, `Mondays`.
    fn weekday_forms(&self, i: usize) -> Hit {
        let Some((end, day)) = self.weekday_at(i) else {
            // Plural weekday: a set ("on Mondays").
            let w = self.low(i);
            let stem = w.strip_suffix('s')?;
            let &d = self.lex.weekdays.get(stem)?;
            let mut end = i + 1;
            let mut value = format!("XXXX-WXX-{}", d + 1);
            if let Some(&p) = self.lex.parts_of_day.get(self.low(end)) {
                value.push('T');
                value.push_str(p);
                end += 1;
            }
            return Some((end, Expr::Set(value)));
        };
        // "Monday, Oct. 26"
        let k = if self.low(end) == "," { end + 1 } else { end };
        if !self.same_line(k) {
            return Some((
                end,
                Expr::Day {
                    day: DayRef::Weekday { day, shift: None },
                    part: None,
                },
            ));
        }
        if let Some((
            e,
            Expr::Day {
                day: d @ DayRef::Calendar { .. },
                ..
            },
        )) = longer(self.month_forms(k), self.day_month(k))
        {
            return Some((e, Expr::Day { day: d, part: None }));
        }
        let weekday = DayRef::Weekday { day, shift: None };
        // "Tuesday nights": a set.
        if let Some(&p) = self.lex.parts_of_day.get(self.low(end)) {
            if self.low(end).ends_with('s') {
                return Some((end + 1, Expr::Set(format!("XXXX-WXX-{}T{p}", day + 1))));
            }
            return Some((
                end + 1,
                Expr::Day {
                    day: weekday,
                    part: Some(p),
                },
            ));
        }
        Some((
            end,
            Expr::Day {
                day: weekday,
                part: None,
            },
        ))
    }

    /// A named day, written with a capital (`Thanksgiving Day`, `Christmas`).
    fn holiday(&self, i: usize) -> Option<(usize, &'static str)> {
        if !self.t.get(i)?.capital {
            return None;
        }
        let list = self.lex.holidays.get(self.low(i))?;
        list.iter()
            .find_map(|(words, rule)| self.t.phrase_at(i, words).map(|e| (e, *rule)))
    }

    /// Phrases of the list, and what can follow them (`yesterday morning`, `noon Thursday`).
    fn fixed(&self, i: usize) -> Hit {
        let list = self.lex.phrases.get(self.low(i))?;
        let p = list
            .iter()
            .find(|p| self.t.phrase_at(i, &p.words).is_some())?;
        let end = i + p.words.len();
        // "the long-term partnership": a compound adjective, not the phrase.
        if (i + 1..end).any(|k| self.t.get(k).is_some_and(|t| t.hyphen))
            || self.t.get(end).is_some_and(|t| t.hyphen)
        {
            return None;
        }
        // "as soon as": a conjunction.
        if p.words == ["soon"] && i > 0 && self.low(i - 1) == "as" && self.low(end) == "as" {
            return None;
        }
        if let Some(n) = anchor_offset(p.value) {
            if let Some(&part) = self.lex.parts_of_day.get(self.low(end)) {
                return Some((
                    end + 1,
                    Expr::Day {
                        day: DayRef::Anchor(n),
                        part: Some(part),
                    },
                ));
            }
        }
        if let Some(clock) = p.value.strip_prefix('T') {
            let (h, m) = clock.split_once(':')?;
            let (hour, minute) = (h.parse().ok()?, m.parse().ok()?);
            if let Some((e, d)) = self.day_after(end) {
                return Some((
                    e,
                    Expr::Clock {
                        day: Some(d),
                        hour,
                        minute,
                        utc: false,
                    },
                ));
            }
        }
        Some((
            end,
            Expr::Fixed {
                kind: p.kind,
                value: p.value,
            },
        ))
    }

    /// Years, decades and spelled-out years: `1994`, `fiscal 1998`, `1990s`, `'90s`,
    /// `nineteen ninety-six`.
    fn year_forms(&self, i: usize, ctx: Ctx) -> Hit {
        let w = self.low(i);
        if w == "fiscal" {
            return self
                .year_forms(i + 1, ctx)
                .filter(|(_, e)| matches!(e, Expr::Year(_)));
        }
        if w == "'" {
            // "'90s", "'82"
            let d = self.low(i + 1);
            if !self.t.is_number(i + 1)
                || d.len() != 2
                || !digits(d)
                || !self.t.get(i + 1).is_some_and(|t| t.glued)
            {
                return None;
            }
            let n: i32 = d.parse().ok()?;
            if self.low(i + 2) == "s" {
                return Some((i + 3, Expr::Decade(190 + n / 10)));
            }
            let after = self.t.get(i + 2);
            if after.is_some_and(|t| t.glued && t.kind != TokenKind::Punct)
                || self.low(i + 2) == "'"
            {
                return None;
            }
            return Some((i + 2, Expr::Year(if n < 30 { 2000 + n } else { 1900 + n })));
        }
        if self.t.is_number(i)
            && w.len() == 2
            && digits(w)
            && w.ends_with('0')
            && self.low(i + 1) == "s"
            && self.t.get(i + 1).is_some_and(|t| t.glued)
        {
            // "the 70s": a decade only where a decade is expected, not an age ("in his 70s").
            let prev = if i > 0 { self.low(i - 1) } else { "" };
            if ctx.the || ctx.position || matches!(prev, "the" | "and" | "early" | "late" | "mid") {
                let n: i32 = w.parse().ok()?;
                return Some((i + 2, Expr::Decade(190 + n / 10)));
            }
            return None;
        }
        if self.t.is_number(i) {
            let (end, y) = self.year_at(i).or_else(|| {
                // "1990s" even after words that block plain years.
                (w.len() == 4 && digits(w) && self.low(i + 1) == "s")
                    .then(|| (i + 1, w.parse().unwrap_or(0)))
            })?;
            let next_glued = self.t.get(end).is_some_and(|t| t.glued);
            if next_glued && matches!(self.low(end), "s" | "'s") && y % 10 == 0 {
                return Some((end + 1, Expr::Decade(y / 10)));
            }
            if !(1000..=2199).contains(&y) {
                return None;
            }
            return Some((end, Expr::Year(y)));
        }
        // "the year two thousand"
        if w == "year" && ctx.the {
            if let Some((end, n)) = self.number_at(i + 1) {
                if (1000.0..2200.0).contains(&n) && n.fract() == 0.0 {
                    return Some((end, Expr::Year(n as i32)));
                }
            }
        }
        self.spelled_year(i)
    }

    /// A year in words: "nineteen ninety-six", and the decade "nineteen nineties".
    fn spelled_year(&self, i: usize) -> Hit {
        let &hi = self.lex.numbers.get(self.low(i))?;
        if !(11..=20).contains(&hi) {
            return None;
        }
        if let Some(tens) = self.low(i + 1).strip_suffix("ies") {
            // "nineteen nineties"
            let mut word = String::with_capacity(tens.len() + 1);
            word.push_str(tens);
            word.push('y');
            let &t = self.lex.numbers.get(word.as_str())?;
            return Some((i + 2, Expr::Decade(hi as i32 * 10 + t as i32 / 10)));
        }
        let (end, lo) = self.number_at(i + 1)?;
        if (10.0..100.0).contains(&lo)
            && lo.fract() == 0.0
            && !matches!(self.low(i + 1), "a" | "an")
        {
            return Some((end, Expr::Year(hi as i32 * 100 + lo as i32)));
        }
        None
    }

    /// A year in digits or in words where a year is expected (after a month or "of").
    fn year_after(&self, i: usize) -> Option<(usize, i32)> {
        self.year_shape(i).or_else(|| match self.spelled_year(i) {
            Some((e, Expr::Year(y))) => Some((e, y)),
            _ => None,
        })
    }

    /// Amounts of time: `six weeks`, `30 years`, `two-year`, `a week`, `several days`,
    /// and with `ago`/`earlier`/`later` the date they point to: `two years ago`.
    fn amount(&self, i: usize, ctx: Ctx) -> Hit {
        let w = self.low(i);
        let (end, amount) = if self.lex.vague.contains(w)
            || (matches!(w, "a" | "an") && self.lex.vague.contains(self.low(i + 1)))
        {
            let e = if matches!(w, "a" | "an") {
                i + 2
            } else {
                i + 1
            };
            if !self.is_plural_unit(e) {
                return None;
            }
            (e, None)
        } else if self.low(i + 1) == "half" || w == "half" {
            // "half an hour", "a half hour"
            let e = if w == "half" { i + 1 } else { i + 2 };
            let e = if matches!(self.low(e), "a" | "an") {
                e + 1
            } else {
                e
            };
            (e, Some(0.5))
        } else if matches!(w, "a" | "an") && self.lex.ordinals.contains_key(self.low(i + 1)) {
            // "a third day", "a second consecutive day": one more day.
            let mut e = i + 2;
            if matches!(self.low(e), "consecutive" | "straight" | "successive") {
                e += 1;
            }
            let (e, unit) = self.unit_at(e).filter(|(_, u)| *u == Unit::Day)?;
            return Some((
                e,
                Expr::Duration {
                    amount: Some(1.0),
                    unit,
                },
            ));
        } else {
            let (e, n) = self.number_at(i)?;
            // A bare "a" only before a singular unit ("a week"), and not "a year" as in "$5 a year".
            if matches!(w, "a" | "an") && e == i + 1 && self.is_plural_unit(e) {
                return None;
            }
            (e, Some(n))
        };
        let mut e = end;
        if matches!(
            self.low(e),
            "more" | "additional" | "consecutive" | "straight" | "trading" | "full" | "long"
        ) {
            e += 1;
        }
        let (mut e, unit) = self.unit_at(e)?;
        let hyphenated = self.t.get(e - 1).is_some_and(|t| t.hyphen);
        if matches!(w, "a" | "an")
            && amount == Some(1.0)
            && i > 0
            && !ctx.approx
            && !matches!(self.low(e), "ago" | "earlier")
        {
            // "$1.35 a share"-style rates: "a year" after an amount is a rate, not a duration.
            let prev = self.low(i - 1);
            if self.t.is_number(i - 1)
                || matches!(prev, "percent" | "%" | "times" | "once" | "twice" | "per")
            {
                return None;
            }
        }
        if let Some(n) = amount {
            if self.t.is_number(i) && n.fract() == 0.0 && n > 10_000.0 {
                return None;
            }
        }
        // Ages ("a 6-year-old", "37 years old") are not temporal expressions in news.
        if self.low(e) == "old" {
            return None;
        }
        // "a quarter of the market", "three-quarters": fractions, not periods.
        if unit == Unit::Quarter
            && (self.low(e) == "of"
                || matches!(w, "a" | "an")
                || hyphenated && !self.t.is_number(i))
        {
            return None;
        }
        // "decades-long": the adjective is a duration.
        if self.low(e) == "long" && self.t.get(e).is_some_and(|t| t.hyphen) {
            e += 1;
            return Some((e, Expr::Duration { amount, unit }));
        }
        let by = amount.map(|n| n.round() as i64).unwrap_or(0);
        match self.low(e) {
            "ago" | "earlier" if !hyphenated => {
                return Some((
                    e + 1,
                    match amount {
                        Some(_) if unit != Unit::Hour && unit != Unit::Minute => {
                            Expr::Shift { unit, by: -by }
                        }
                        _ => Expr::Fixed {
                            kind: crate::model::DateKind::Date,
                            value: "PAST_REF",
                        },
                    },
                ));
            }
            "later" | "from" if !hyphenated && self.low(e) == "later" => {
                return Some((e + 1, Expr::Shift { unit, by }));
            }
            _ => {}
        }
        // A bare "a" + singular unit reads as a duration only in duration contexts.
        Some((e, Expr::Duration { amount, unit }))
    }

    /// `last week`, `next year`, `this month`, `the past three months`, `last Friday`,
    /// `last May`, `this summer`, `year-earlier`.
    fn shifted(&self, i: usize, ctx: Ctx) -> Hit {
        let w = self.low(i);
        if w == "year"
            && matches!(self.low(i + 1), "earlier" | "ago")
            && self.t.get(i + 1).is_some_and(|t| t.hyphen)
        {
            // "the year-ago quarter", "the year-earlier third quarter": the same quarter a year back.
            let mut e = i + 2;
            let mut q = 0;
            if let Some(&o) = self.lex.ordinals.get(self.low(e)) {
                q = u8::try_from(o).ok().filter(|q| (1..=4).contains(q))?;
                e += 1;
            }
            if matches!(self.low(e), "quarter" | "period") && ctx.the {
                return Some((
                    e + 1,
                    Expr::Part {
                        year: YearRef::Shift(-1),
                        part: YearPart::Quarter(q),
                    },
                ));
            }
            return Some((
                i + 2,
                Expr::Shift {
                    unit: Unit::Year,
                    by: -1,
                },
            ));
        }
        let &by = self.lex.shifters.get(w)?;
        let e = i + 1;
        if let Some((e2, unit)) = self.unit_at(e) {
            if self.is_plural_unit(e) {
                // "past years", "recent weeks": vague stretches.
                if w == "past" || w == "last" {
                    return Some((e2, Expr::Duration { amount: None, unit }));
                }
                return None;
            }
            // "this" before a unit is a demonstrative as often as not; keep the temporal ones.
            if w == "current" && !ctx.the {
                return None;
            }
            if unit == Unit::Weekend {
                return Some((e2, Expr::Weekend { shift: Some(by) }));
            }
            if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second) {
                return Some((
                    e2,
                    Expr::Duration {
                        amount: Some(1.0),
                        unit,
                    },
                ));
            }
            if w == "past" && unit == Unit::Day {
                return Some((
                    e2,
                    Expr::Duration {
                        amount: Some(1.0),
                        unit,
                    },
                ));
            }
            if w == "following" || w == "previous" {
                return Some((e2, Expr::Shift { unit, by }));
            }
            return Some((e2, Expr::Shift { unit, by }));
        }
        if let Some((e2, n)) = self.number_at(e) {
            let e2 = if matches!(
                self.low(e2),
                "trading" | "full" | "consecutive" | "straight"
            ) {
                e2 + 1
            } else {
                e2
            };
            if let Some((e3, unit)) = self.unit_at(e2) {
                if n > 1.0 || self.is_plural_unit(e2) {
                    return Some((
                        e3,
                        Expr::Duration {
                            amount: Some(n),
                            unit,
                        },
                    ));
                }
            }
        }
        if self.lex.vague.contains(self.low(e))
            || (self.low(e) == "few" || self.low(e + 1) == "few")
        {
            let e2 = if self.low(e) == "few" {
                e + 1
            } else if self.low(e + 1) == "few" {
                e + 2
            } else {
                e + 1
            };
            if self.is_plural_unit(e2) {
                return Some((
                    e2 + 1,
                    Expr::Duration {
                        amount: None,
                        unit: self.unit_at(e2)?.1,
                    },
                ));
            }
        }
        if let Some((e2, day)) = self.weekday_at(e) {
            let d = DayRef::Weekday {
                day,
                shift: Some(by),
            };
            if let Some(&p) = self.lex.parts_of_day.get(self.low(e2)) {
                return Some((
                    e2 + 1,
                    Expr::Day {
                        day: d,
                        part: Some(p),
                    },
                ));
            }
            return Some((e2, Expr::Day { day: d, part: None }));
        }
        if let Some((e2, month)) = self.month_at(e) {
            return Some((
                e2,
                Expr::Month {
                    year: None,
                    month,
                    shift: Some(by),
                },
            ));
        }
        if let Some((e2, rule)) = self.holiday(e) {
            return Some((
                e2,
                Expr::Holiday {
                    rule,
                    shift: Some(by),
                },
            ));
        }
        if let Some(&s) = self.lex.seasons.get(self.low(e)) {
            return Some((
                e + 1,
                Expr::Part {
                    year: YearRef::Relative(by),
                    part: YearPart::Season(s),
                },
            ));
        }
        if let Some(&p) = self.lex.parts_of_day.get(self.low(e)) {
            let day = if by < 0 { -1 } else { by };
            return Some((
                e + 1,
                Expr::Day {
                    day: DayRef::Anchor(day),
                    part: Some(p),
                },
            ));
        }
        None
    }

    /// `every day`, `each year`, `every Monday`, `each July`.
    fn every(&self, i: usize) -> Hit {
        if !matches!(self.low(i), "every" | "each") {
            return None;
        }
        let mut e = i + 1;
        let mut n = 1.0;
        if self.low(e) == "other" {
            n = 2.0;
            e += 1;
        } else if let Some((e2, m)) = self.number_at(e) {
            if self.unit_at(e2).is_some() && !matches!(self.low(e), "a" | "an") {
                n = m;
                e = e2;
            }
        }
        if let Some((e2, unit)) = self.unit_at(e) {
            return Some((
                e2,
                Expr::Set(super::normalise::duration_value(Some(n), unit)),
            ));
        }
        if let Some((e2, d)) = self.weekday_at(e) {
            return Some((e2, Expr::Set(format!("XXXX-WXX-{}", d + 1))));
        }
        if let Some((e2, m)) = self.month_at(e) {
            return Some((e2, Expr::Set(format!("XXXX-{m:02}"))));
        }
        None
    }

    /// Ordinal parts of a year and centuries: `the third quarter`, `third-quarter`,
    /// `the first half of 1989`, `the 1988 second quarter`, `the first nine months`,
    /// `the 20th century`.
    fn ordinal_period(&self, i: usize, ctx: Ctx) -> Hit {
        let mut e = i;
        let mut year = YearRef::Nearest;
        if self.low(e) == "fiscal" {
            e += 1;
        }
        if let Some((e2, y)) = self.year_at(e) {
            year = YearRef::Year(y);
            e = e2;
        } else if self.low(e) == "last" && self.low(e + 1) == "year" && self.low(e + 2) == "'s" {
            year = YearRef::Shift(-1);
            e += 3;
        } else if self.low(e) == "this" && self.low(e + 1) == "year" && self.low(e + 2) == "'s" {
            year = YearRef::Shift(0);
            e += 3;
        }
        if self.low(e) == "fiscal" {
            e += 1;
        }
        // The ordinal: word, "20th", or "latest"/"current" for the running quarter.
        let ord: i32 = if let Some(&o) = self.lex.ordinals.get(self.low(e)) {
            e += 1;
            o
        } else if self.t.is_number(e)
            && self.lex.ordinal_suffixes.contains(self.low(e + 1))
            && self.t.get(e + 1).is_some_and(|t| t.glued)
        {
            let n = self.low(e).parse().ok()?;
            e += 2;
            n
        } else if matches!(self.low(e), "latest" | "current" | "same") && ctx.the {
            e += 1;
            0
        } else if ctx.the
            && self.low(e) == "quarter"
            && year == YearRef::Nearest
            && !self.t.get(e + 1).is_some_and(|t| t.hyphen)
        {
            0
        } else {
            return None;
        };
        if self.low(e) == "fiscal" {
            e += 1;
        }
        let unit_word = self.low(e);
        if unit_word == "century" && ord > 0 {
            return Some((e + 1, Expr::Century(ord - 1)));
        }
        // "the first nine months": a stretch from the start of the year.
        if ord == 1 && year == YearRef::Nearest {
            if let Some((e2, n)) = self.number_at(e) {
                if let Some((e3, unit)) = self.unit_at(e2) {
                    if n > 1.0 {
                        return Some((
                            e3,
                            Expr::Duration {
                                amount: Some(n),
                                unit,
                            },
                        ));
                    }
                }
            }
        }
        let part = match unit_word {
            "quarter" | "period" if (0..=4).contains(&ord) => {
                if unit_word == "period" && ord != 0 {
                    return None;
                }
                YearPart::Quarter(ord as u8)
            }
            "quarter" if ord == -1 => YearPart::Quarter(4),
            "half" if (1..=2).contains(&ord) => YearPart::Half(ord as u8),
            "half" if ord == -1 => YearPart::Half(2),
            _ => return None,
        };
        let mut end = e + 1;
        // "of 1990", "of this year", "of last year"
        if self.low(end) == "of" {
            if let Some((e2, y)) = self.year_at(end + 1) {
                year = YearRef::Year(y);
                end = e2;
            } else if let Some((
                e2,
                Expr::Shift {
                    unit: Unit::Year,
                    by,
                },
            )) = self.shifted(end + 1, Ctx::default())
            {
                year = YearRef::Shift(by);
                end = e2;
            }
        } else if let Some((e2, y)) = self.year_at(end) {
            year = YearRef::Year(y);
            end = e2;
        }
        Some((end, Expr::Part { year, part }))
    }

    /// Expressions that need a determiner or a position word before them: `the weekend`,
    /// `the summer`, `summer 2019`, `the winter of 1994`, `earlier in the year`.
    fn determined(&self, i: usize, ctx: Ctx) -> Hit {
        let w = self.low(i);
        if let Some(&s) = self.lex.seasons.get(w) {
            let k = if self.low(i + 1) == "of" {
                i + 2
            } else {
                i + 1
            };
            if let Some((e, y)) = self
                .year_at(k)
                .or_else(|| self.year_after(k).filter(|_| k == i + 2))
            {
                return Some((
                    e,
                    Expr::Part {
                        year: YearRef::Year(y),
                        part: YearPart::Season(s),
                    },
                ));
            }
            if ctx.the || ctx.position {
                return Some((
                    i + 1,
                    Expr::Part {
                        year: YearRef::Nearest,
                        part: YearPart::Season(s),
                    },
                ));
            }
            return None;
        }
        // "the same period last year", "the same month a year ago": the comparison point.
        if w == "same" && ctx.the {
            let (mut e, unit) = if self.low(i + 1) == "period" {
                (i + 2, None)
            } else {
                self.unit_at(i + 1).map(|(e, u)| (e, Some(u)))?
            };
            if self.low(e) == "of" {
                e += 1;
                if self.low(e) == "the" {
                    e += 1;
                }
            }
            let (end, back) = match self
                .shifted(e, Ctx::default())
                .or_else(|| self.amount(e, Ctx::default()))?
            {
                (
                    end,
                    Expr::Shift {
                        unit: Unit::Year,
                        by,
                    },
                ) => (end, by),
                _ => return None,
            };
            let expr = match unit {
                Some(Unit::Month) => Expr::Shift {
                    unit: Unit::Month,
                    by: 12 * back,
                },
                Some(Unit::Day) => Expr::Shift {
                    unit: Unit::Day,
                    by: 365 * back,
                },
                _ => Expr::Shift {
                    unit: Unit::Year,
                    by: back,
                },
            };
            return Some((end, expr));
        }
        if w == "weekend" && ctx.the {
            return Some((i + 1, Expr::Weekend { shift: None }));
        }
        // "the year", "the week", "that day": the period the text is about, taken as the
        // document's own.
        let mut k = if w == "that" { i + 1 } else { i };
        if ctx.the
            && matches!(
                self.low(k),
                "fiscal" | "full" | "entire" | "whole" | "calendar"
            )
        {
            k += 1;
        }
        if (ctx.the || w == "that")
            && !self.is_plural_unit(k)
            && !self.t.get(k + 1).is_some_and(|t| t.hyphen)
        {
            if let Some((e, unit)) = self.unit_at(k) {
                if matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                    return Some((e, Expr::Shift { unit, by: 0 }));
                }
            }
        }
        // "the nineties"
        if ctx.the {
            if let Some(tens) = w.strip_suffix("ies") {
                let mut word = String::with_capacity(tens.len() + 1);
                word.push_str(tens);
                word.push('y');
                if let Some(&t) = self
                    .lex
                    .numbers
                    .get(word.as_str())
                    .filter(|&&t| (20..=90).contains(&t))
                {
                    return Some((i + 1, Expr::Decade(190 + t as i32 / 10)));
                }
            }
        }
        if ctx.position {
            // "mid afternoon", "late morning"
            if let Some(&p) = self.lex.parts_of_day.get(w) {
                return Some((
                    i + 1,
                    Expr::Day {
                        day: DayRef::Anchor(0),
                        part: Some(p),
                    },
                ));
            }
            let k = if matches!(w, "the" | "that" | "this") {
                i + 1
            } else {
                i
            };
            if let Some((e, unit)) = self.unit_at(k) {
                if !self.is_plural_unit(k)
                    && !matches!(unit, Unit::Hour | Unit::Minute | Unit::Second)
                {
                    return Some((e, Expr::Shift { unit, by: 0 }));
                }
            }
        }
        None
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

/// Whether TimeML keeps a leading `the` in this expression's extent.
fn takes_the(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Duration { .. }
            | Expr::Part { .. }
            | Expr::Decade(_)
            | Expr::Century(_)
            | Expr::Weekend { .. }
            | Expr::Shift { .. }
    )
}

/// Whether an approximator (`nearly`, `about`) belongs to this expression.
fn takes_approx(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Duration { .. } | Expr::Shift { .. } | Expr::Clock { .. }
    )
}

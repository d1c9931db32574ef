//! The words the grammar is made of: months, weekdays, day numbers, years, amounts,
//! units, zones and named days, each read from the token view and the lexicon.

use super::*;

impl Scanner<'_> {
    pub(super) fn month_at(&self, i: usize) -> Option<(usize, u8)> {
        let tok = self.t.get(i)?;
        let word = self.word(i);
        let m = word.month?;
        if m.capitalised && !tok.capital() {
            return None;
        }
        let mut end = i + 1;
        // "Sept." keeps its period.
        if word.month_with_period
            && self.low(end) == "."
            && self.t.get(end).is_some_and(|t| t.glued())
        {
            end += 1;
        }
        Some((end, m.month))
    }

    pub(super) fn weekday_at(&self, i: usize) -> Option<(usize, u8)> {
        let word = self.word(i);
        if let Some(d) = word.weekday {
            return Some((i + 1, d));
        }
        // "Fri." abbreviations keep their period.
        let d = word.weekday_with_period?;
        (self.low(i + 1) == "." && self.t.get(i + 1).is_some_and(|t| t.glued()))
            .then_some((i + 2, d))
    }

    /// A day of the month: `22`, `22nd`, `eighth`.
    pub(super) fn day_number(&self, i: usize) -> Option<(usize, u8)> {
        let w = self.low(i);
        if self.t.is_number(i) && digits(w) && w.len() <= 2 {
            let d: u8 = w.parse().ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let next = self.t.get(i + 1);
            let end = if next.is_some_and(|t| t.glued()) && self.word(i + 1).ordinal_suffix {
                i + 2
            } else {
                i + 1
            };
            return Some((end, d));
        }
        let n = self.word(i).ordinal?;
        u8::try_from(n)
            .ok()
            .filter(|d| (1..=31).contains(d))
            .map(|d| (i + 1, d))
    }

    /// A four-digit number in the range of years, whatever its context (after a month
    /// or a day, where a year is expected).
    pub(super) fn year_shape(&self, i: usize) -> Option<(usize, i32)> {
        let w = self.low(i);
        if !self.t.is_number(i) || w.len() != 4 || !digits(w) {
            return None;
        }
        let y: i32 = w.parse().ok()?;
        (1000..=2199).contains(&y).then_some((i + 1, y))
    }

    /// A four-digit year that reads as a year here (not a count or a label).
    pub(super) fn year_at(&self, i: usize) -> Option<(usize, i32)> {
        let (_, y) = self.year_shape(i)?;
        if i > 0 && self.word(i - 1).not_year_before {
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
        if self.word(i + 1).not_year_after {
            return None;
        }
        // "822, 853, 1993": a number in a list of labels.
        if i >= 2 && self.low(i - 1) == "," && self.t.is_number(i - 2) && self.low(i - 2).len() != 4
        {
            return None;
        }
        if self.t.get(i + 1).is_some_and(|t| t.glued() && !t.hyphen())
            && matches!(self.low(i + 1), "%" | "," | ".")
            && self.t.is_number(i + 2)
            && self.t.get(i + 2).is_some_and(|t| t.glued())
        {
            return None;
        }
        Some((i + 1, y))
    }

    /// An amount: `six`, `twenty four`, `30`, `2 1/2`, `a`, `a couple of`, `two and a half`.
    pub(super) fn number_at(&self, i: usize) -> Option<(usize, f64)> {
        let w = self.low(i);
        let (mut end, mut value) = if self.t.is_number(i) {
            let clean: String = w.chars().filter(|c| *c != ',').collect();
            if clean.contains(':') || clean.contains('/') {
                return None;
            }
            (i + 1, clean.parse::<f64>().ok()?)
        } else {
            let n = self.word(i).number?;
            let mut end = i + 1;
            let mut v = f64::from(n);
            if matches!(w, "a" | "an") {
                if let Some(m) = self.word(end).number {
                    if matches!(self.low(end), "couple" | "dozen" | "hundred" | "thousand") {
                        v = f64::from(m);
                        end += 1;
                    }
                } else if self.low(end) == "few" {
                    return None;
                }
            } else {
                // Tens and units, hundreds: "twenty four", "a hundred".
                while let Some(m) = self.word(end).number {
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

    pub(super) fn unit_at(&self, i: usize) -> Option<(usize, Unit)> {
        self.word(i).unit.map(|u| (i + 1, u))
    }

    pub(super) fn is_plural_unit(&self, i: usize) -> bool {
        self.low(i).ends_with('s') && self.unit_at(i).is_some()
    }

    pub(super) fn zone_at(&self, i: usize) -> Option<(usize, bool)> {
        self.word(i)
            .zones
            .iter()
            .find_map(|(ids, utc)| self.t.ids_at(i, ids).map(|e| (e, *utc)))
    }

    pub(super) fn meridiem_at(&self, i: usize) -> Option<(usize, &'static str)> {
        self.word(i).meridiem.map(|m| (i + 1, m))
    }

    /// A year in words: "nineteen ninety-six", and the decade "nineteen nineties".
    pub(super) fn spelled_year(&self, i: usize) -> Hit {
        let hi = self.word(i).number?;
        if !(11..=20).contains(&hi) {
            return None;
        }
        if self.low(i + 1).ends_with("ies") {
            // "nineteen nineties"
            let t = self.word(i + 1).tens_plural?;
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
    pub(super) fn year_after(&self, i: usize) -> Option<(usize, i32)> {
        self.year_shape(i).or_else(|| match self.spelled_year(i) {
            Some((e, Expr::Year(y))) => Some((e, y)),
            _ => None,
        })
    }

    /// A named day, written with a capital (`Thanksgiving Day`, `Christmas`).
    pub(super) fn holiday(&self, i: usize) -> Option<(usize, &'static str)> {
        if !self.t.get(i)?.capital() {
            return None;
        }
        self.word(i)
            .holidays
            .iter()
            .find_map(|(ids, rule)| self.t.ids_at(i, ids).map(|e| (e, *rule)))
    }

    /// Whether a capitalised phrase inside a sentence is part of a name or title
    /// ("the Turkish Daily Sabah", "High Noon", ABC's "This Week").
    pub(super) fn in_title(&self, i: usize, end: usize) -> bool {
        let Some(tok) = self.t.get(i) else {
            return false;
        };
        let sentence_start = tok.line_start()
            || i == 0
            || matches!(
                self.low(i - 1),
                "." | "!" | "?" | "\"" | "``" | "\u{201c}" | "(" | "[" | ":"
            );
        let capital_word = |k: usize| {
            self.t
                .get(k)
                .is_some_and(|t| t.capital() && t.kind == TokenKind::Word)
        };
        tok.capital() && !sentence_start && (capital_word(end) || (i > 0 && capital_word(i - 1)))
    }
}

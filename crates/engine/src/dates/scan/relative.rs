//! Forms read against the document date or as lengths of time: fixed phrases, amounts
//! (`six weeks`, `two years ago`), shifted units (`last week`), recurrences, parts of
//! a year and periods that need a determiner (`the weekend`).

use super::*;
use crate::model::DateKind;

impl Scanner<'_> {
    /// Phrases of the list, and what can follow them (`yesterday morning`, `noon Thursday`).
    pub(super) fn fixed(&self, i: usize) -> Hit {
        // "will one day be": some day to come, not a day's length.
        if self.t.phrase_at(i, &["one", "day"]).is_some() && i > 0 && self.word(i - 1).modal {
            return Some((
                i + 2,
                Expr::Fixed {
                    kind: DateKind::Date,
                    value: "FUTURE_REF",
                },
            ));
        }
        let p = self
            .word(i)
            .phrases
            .iter()
            .find(|p| self.t.ids_at(i, &p.ids).is_some())?;
        let end = i + p.words.len();
        // "the long-term partnership": a compound adjective, not the phrase.
        if (i + 1..end).any(|k| self.t.get(k).is_some_and(|t| t.hyphen()))
            || self.t.get(end).is_some_and(|t| t.hyphen())
        {
            return None;
        }
        if self.in_title(i, end) {
            return None;
        }
        if let Some(n) = anchor_offset(p.value) {
            if let Some(part) = self.word(end).part_of_day {
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

    /// Amounts of time: `six weeks`, `30 years`, `two-year`, `a week`, `several days`,
    /// and with `ago`/`earlier`/`later` the date they point to: `two years ago`.
    pub(super) fn amount(&self, i: usize, ctx: Ctx) -> Hit {
        let w = self.low(i);
        let (end, amount) =
            if self.word(i).vague || (matches!(w, "a" | "an") && self.word(i + 1).vague) {
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
            } else if matches!(w, "a" | "an") && self.word(i + 1).ordinal.is_some() {
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
                (self.range_end(e, n).unwrap_or(e), Some(n))
            };
        let mut e = end;
        if matches!(
            self.low(e),
            "more" | "additional" | "consecutive" | "straight" | "trading" | "full" | "long"
        ) {
            e += 1;
        }
        // "the 1988 quarter" is that year's quarter, not 1988 quarters.
        if self.year_shape(i).is_some() && !self.is_plural_unit(e) {
            return None;
        }
        let (e, unit) = self.unit_at(e)?;
        let hyphenated = self.t.get(e - 1).is_some_and(|t| t.hyphen());
        // "a minute and a half": the half belongs to the amount.
        let (amount, mut e) = match (amount, self.t.phrase_at(e, &["and", "a", "half"])) {
            (Some(n), Some(after)) if !self.is_plural_unit(e - 1) => (Some(n + 0.5), after),
            _ => (amount, e),
        };
        // "a week or so ago": the hedge belongs to the amount.
        if amount.is_some() {
            e = self.t.phrase_at(e, &["or", "so"]).unwrap_or(e);
        }
        if matches!(w, "a" | "an")
            && amount == Some(1.0)
            && i > 0
            && !ctx.approx
            && !matches!(self.low(e), "ago" | "earlier")
        {
            // "$1.35 a share"-style rates: "a year" after an amount is a rate, not a duration.
            let prev = self.low(i - 1);
            if self.t.is_number(i - 1)
                || self.unit_at(i - 1).is_some()
                || matches!(prev, "percent" | "%" | "times" | "once" | "twice" | "per")
            {
                return None;
            }
        }
        // Ten thousand units and more are counts or hyperbole, and would overflow dates.
        if amount.is_some_and(|n| n > MAX_AMOUNT) {
            return None;
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
        if self.low(e) == "long" && self.t.get(e).is_some_and(|t| t.hyphen()) {
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
            // "three days later": TimeML marks the stretch ("three days", `P3D`) and
            // leaves "later" to the event it follows.
            _ => {}
        }
        Some((e, Expr::Duration { amount, unit }))
    }

    /// The end of the upper bound of a range after an amount `n` ending at `e` ("two
    /// to three weeks", "12 to 18 months"). TimeML marks the range as one stretch; its
    /// value keeps the lower bound, the amount the text commits to.
    fn range_end(&self, e: usize, n: f64) -> Option<usize> {
        if !matches!(self.low(e), "to" | "or") || !self.same_line(e + 1) {
            return None;
        }
        let (end, upper) = self.number_at(e + 1)?;
        (upper > n && !matches!(self.low(e + 1), "a" | "an")).then_some(end)
    }

    /// `last week`, `next year`, `this month`, `the past three months`, `last Friday`,
    /// `last May`, `this summer`, `year-earlier`.
    pub(super) fn shifted(&self, i: usize, ctx: Ctx) -> Hit {
        let w = self.low(i);
        if w == "year"
            && matches!(self.low(i + 1), "earlier" | "ago")
            && self.t.get(i + 1).is_some_and(|t| t.hyphen())
        {
            // "the year-ago quarter", "the year-earlier third quarter": the same quarter a year back.
            let mut e = i + 2;
            let mut q = 0;
            if let Some(o) = self.word(e).ordinal {
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
        let by = self.word(i).shifter?;
        // "last fiscal year", "the current fiscal year": the company's year, told as one.
        let e = if self.low(i + 1) == "fiscal" && self.low(i + 2) == "year" {
            i + 2
        } else {
            i + 1
        };
        if let Some((e2, unit)) = self.unit_at(e) {
            if self.is_plural_unit(e) {
                // "past years", "recent weeks": vague stretches.
                if w == "past" || w == "last" {
                    return Some((e2, Expr::Duration { amount: None, unit }));
                }
                return None;
            }
            // "last-minute", "past-hour": compound adjectives, not periods.
            if matches!(unit, Unit::Hour | Unit::Minute | Unit::Second)
                && self.t.get(e).is_some_and(|t| t.hyphen())
            {
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
            return Some((e2, Expr::Shift { unit, by }));
        }
        if let Some((e2, n)) = self.number_at(e) {
            let e2 = self.range_end(e2, n).unwrap_or(e2);
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
        if self.word(e).vague || (self.low(e) == "few" || self.low(e + 1) == "few") {
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
            if let Some(p) = self.word(e2).part_of_day {
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
            // "last Oct. 23": the date itself is the expression.
            if self.day_number(e2).is_some() {
                return None;
            }
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
        if let Some(s) = self.word(e).season {
            return Some((
                e + 1,
                Expr::Part {
                    year: YearRef::Relative(by),
                    part: YearPart::Season(s),
                },
            ));
        }
        if let Some(p) = self.word(e).part_of_day {
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
    pub(super) fn every(&self, i: usize) -> Hit {
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
                Expr::Set(crate::dates::normalise::duration_value(Some(n), unit)),
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
    pub(super) fn ordinal_period(&self, i: usize, ctx: Ctx) -> Hit {
        let mut e = i;
        let mut year = YearRef::Nearest;
        if self.low(e) == "fiscal" {
            e += 1;
        }
        if let Some((e2, y)) = self.year_at(e) {
            year = YearRef::Year(y);
            e = e2;
        } else if let (Some(by), "year", "'s") =
            (self.word(e).shifter, self.low(e + 1), self.low(e + 2))
        {
            // "last year's", "next year's first quarter"
            year = YearRef::Shift(by);
            e += 3;
        }
        if self.low(e) == "fiscal" {
            e += 1;
        }
        // "Q3 2020", "H1": the analysts' shorthand.
        if let [q @ (b'q' | b'h'), n @ b'1'..=b'4'] = self.low(e).as_bytes() {
            let n = n - b'0';
            let part = if *q == b'q' {
                YearPart::Quarter(n)
            } else if n <= 2 {
                YearPart::Half(n)
            } else {
                return None;
            };
            let (end, year) = match self.year_shape(e + 1) {
                Some((end, y)) => (end, YearRef::Year(y)),
                None => (e + 1, year),
            };
            return Some((end, Expr::Part { year, part }));
        }
        // The ordinal: word, "20th", or "latest"/"current" for the running quarter.
        let ord: i32 = if let Some(o) = self.word(e).ordinal {
            e += 1;
            o
        } else if self.t.is_number(e)
            && self.word(e + 1).ordinal_suffix
            && self.t.get(e + 1).is_some_and(|t| t.glued())
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
            && !self.t.get(e + 1).is_some_and(|t| t.hyphen())
        {
            0
        } else if ctx.the
            && matches!(self.low(e), "quarter" | "period")
            && matches!(year, YearRef::Year(_))
        {
            // "the 1988 period": the reported quarter of that year.
            0
        } else if matches!(year, YearRef::Shift(_)) && matches!(self.low(e), "quarter" | "period") {
            // "last year's quarter": the reported quarter, a year back.
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
        } else if let Some(e2) = self
            .t
            .phrase_at(end, &["a", "year", "ago"])
            .or_else(|| self.t.phrase_at(end, &["a", "year", "earlier"]))
            .filter(|_| year == YearRef::Nearest)
        {
            // "the quarter a year ago": the same quarter, a year back.
            year = YearRef::Shift(-1);
            end = e2;
        }
        Some((end, Expr::Part { year, part }))
    }

    /// Expressions that need a determiner or a position word before them: `the weekend`,
    /// `the summer`, `summer 2019`, `the winter of 1994`, `earlier in the year`.
    pub(super) fn determined(&self, i: usize, ctx: Ctx) -> Hit {
        let w = self.low(i);
        if let Some(s) = self.word(i).season {
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
            // "fall" and "spring" are verbs and nouns too; the other seasons stand alone.
            if ctx.the || ctx.position || !matches!(w, "fall" | "spring") {
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
        // "the same period last year", "the corresponding month a year ago": the
        // comparison point.
        if matches!(w, "same" | "corresponding" | "comparable") && ctx.the {
            // "the comparable year-ago quarter": the compound names the period.
            if self.t.get(i + 2).is_some_and(|t| t.hyphen()) {
                return self.shifted(i + 1, ctx);
            }
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
                .or_else(|| self.amount(e, Ctx::default()))
            {
                Some((
                    end,
                    Expr::Shift {
                        unit: Unit::Year,
                        by,
                    },
                )) => (end, by),
                // "the same day": the day just talked about, taken as the document's.
                _ => return unit.map(|u| (e, Expr::Shift { unit: u, by: 0 })),
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
            && !self.t.get(k + 1).is_some_and(|t| t.hyphen())
        {
            if let Some((e, unit)) = self.unit_at(k) {
                // "the year ended March 31": a fiscal year told by its last day is a
                // year-long stretch (TimeML `P1Y`), not the calendar year.
                if unit == Unit::Year && matches!(self.low(e), "ended" | "ending") {
                    return Some((
                        e,
                        Expr::Duration {
                            amount: Some(1.0),
                            unit,
                        },
                    ));
                }
                // "the day before last Tuesday", "the day after Christmas": a day
                // counted from another.
                if unit == Unit::Day && ctx.the {
                    if let Some(by) = match self.low(e) {
                        "before" => Some(-1),
                        "after" => Some(1),
                        _ => None,
                    } {
                        if let Some((end, from)) =
                            self.core(e + 1, Ctx::default()).filter(|(_, x)| {
                                matches!(x, Expr::Day { part: None, .. } | Expr::Holiday { .. })
                            })
                        {
                            return Some((
                                end,
                                Expr::Beside {
                                    from: Box::new(from),
                                    by,
                                },
                            ));
                        }
                        // "the day after his death": a day from the story's own day,
                        // unless it stands beside a date it names ("Oct. 12, the day
                        // before the crash") or is a part of its day ("late in the day
                        // after falling").
                        if !ctx.position && i >= 2 && self.low(i - 2) != "," {
                            return Some((e, Expr::Shift { unit, by }));
                        }
                    }
                }
                // "the week of March 6": the week that day falls in.
                if unit == Unit::Week && self.low(e) == "of" {
                    if let Some((end, day)) = self
                        .day_after(e + 1)
                        .filter(|(_, d)| matches!(d, DayRef::Calendar { .. }))
                    {
                        return Some((end, Expr::WeekOf(Box::new(Expr::Day { day, part: None }))));
                    }
                }
                if matches!(unit, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
                    // "the year previous", "the week earlier", "the day before.": the
                    // one before the period the story is about ("before" only where
                    // no event follows it, "prior" not as "prior to").
                    let back = ctx.the
                        && match self.low(e) {
                            "previous" | "earlier" => true,
                            "prior" => self.low(e + 1) != "to",
                            "before" => {
                                self.t.get(e + 1).is_none_or(|t| t.kind == TokenKind::Punct)
                            }
                            _ => false,
                        };
                    if back {
                        return Some((e + 1, Expr::Shift { unit, by: -1 }));
                    }
                    return Some((e, Expr::Shift { unit, by: 0 }));
                }
            }
        }
        // "the nineties"
        if ctx.the {
            if let Some(t) = self.word(i).tens_plural.filter(|t| (20..=90).contains(t)) {
                return Some((i + 1, Expr::Decade(190 + t as i32 / 10)));
            }
        }
        if ctx.position {
            // "mid afternoon", "late morning"
            if let Some(p) = self.word(i).part_of_day {
                // "mid-afternoon yesterday": the day may follow.
                let (end, day) = self.day_after(i + 1).unwrap_or((i + 1, DayRef::Anchor(0)));
                return Some((end, Expr::Day { day, part: Some(p) }));
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

    /// `decades-long`, and bare plurals in duration contexts: `for years`, `within weeks`.
    pub(super) fn bare_units(&self, i: usize, ctx: Ctx) -> Hit {
        if ctx.the {
            // "the years that followed": TimeML leaves the article out.
            return None;
        }
        let (e, unit) = self.unit_at(i)?;
        if !self.is_plural_unit(i) {
            // "a day-long meeting": one unit.
            let long = self.low(e) == "long" && self.t.get(e).is_some_and(|t| t.hyphen());
            return long.then_some((
                e + 1,
                Expr::Duration {
                    amount: Some(1.0),
                    unit,
                },
            ));
        }
        if self.low(e) == "long" && self.t.get(e).is_some_and(|t| t.hyphen()) {
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
        let after_context = i > 0 && self.word(i - 1).duration_context;
        // "in the weeks before the vote", "the years that followed".
        let stretch = before == "the"
            && matches!(
                self.low(e),
                "before" | "after" | "that" | "since" | "following" | "ahead" | "leading"
            );
        (stretch || after_context).then_some((e, Expr::Duration { amount: None, unit }))
    }
}

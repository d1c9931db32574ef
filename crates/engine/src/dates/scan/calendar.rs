//! Calendar forms: clock times, numeric and written dates, months, weekdays and years.

use super::*;

impl Scanner<'_> {
    /// `18:50 GMT`, `6am`, `10:44 a.m. local time`, `3.00 pm`, `1830 UTC`, `4 a.m. EDT Thursday`.
    pub(super) fn clock(&self, i: usize) -> Hit {
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
        if !marked {
            // "4 in the morning", "9 in the evening"
            let spelled = [
                (["in", "the", "morning"], false),
                (["in", "the", "afternoon"], true),
                (["in", "the", "evening"], true),
            ];
            if let Some((e, pm)) = spelled
                .iter()
                .find_map(|(w, pm)| self.t.phrase_at(end, w).map(|e| (e, *pm)))
            {
                if hour <= 12 {
                    marked = true;
                    end = e;
                    if pm && hour < 12 {
                        hour += 12;
                    }
                }
            }
        }
        if needs_marker && !marked {
            return None;
        }
        let mut utc = false;
        if let Some((e, z)) = self.zone_at(end) {
            end = e;
            utc = z;
            // "GMT+3": an offset written onto the zone.
            let glued = |k: usize| self.t.get(k).is_some_and(|t| t.glued());
            if matches!(self.low(end), "+" | "-")
                && glued(end)
                && self.t.is_number(end + 1)
                && glued(end + 1)
            {
                end += 2;
            }
        } else if self
            .t
            .get(end)
            .is_some_and(|t| t.capital() && t.kind == TokenKind::Word)
            && self.low(end + 1) == "time"
        {
            // "10:00 Moscow time": a named local time.
            end += 2;
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
    pub(super) fn day_after(&self, i: usize) -> Option<(usize, DayRef)> {
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
        }
        let p = self.word(i).phrases.iter().find(|p| p.words.len() == 1)?;
        let n = anchor_offset(p.value)?;
        Some((i + 1, DayRef::Anchor(n)))
    }

    /// `27/09/2020`, `9/11/01`, `2020-09-27`.
    pub(super) fn numeric_date(&self, i: usize) -> Hit {
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
            let joined = |k: usize| self.t.get(k).is_some_and(|t| t.hyphen());
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
    pub(super) fn day_month(&self, i: usize) -> Hit {
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
    pub(super) fn month_forms(&self, i: usize) -> Hit {
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
        // "January this year"; "June of this year" is two expressions in TimeML, the
        // month still in the year the second one names.
        let of = self.low(end) == "of";
        if let Some((
            e,
            Expr::Shift {
                unit: Unit::Year,
                by,
            },
        )) = self.shifted(if of { end + 1 } else { end }, Ctx::default())
        {
            return Some((
                if of { end } else { e },
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
    pub(super) fn weekday_forms(&self, i: usize) -> Hit {
        let Some((end, day)) = self.weekday_at(i) else {
            // Plural weekday: a set ("on Mondays").
            let d = self.word(i).weekday_plural?;
            let mut end = i + 1;
            let mut value = format!("XXXX-WXX-{}", d + 1);
            if let Some(p) = self.word(end).part_of_day {
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
        if let Some(p) = self.word(end).part_of_day {
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

    /// Years, decades and spelled-out years: `1994`, `fiscal 1998`, `1990s`, `'90s`,
    /// `nineteen ninety-six`.
    pub(super) fn year_forms(&self, i: usize, ctx: Ctx) -> Hit {
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
                || !self.t.get(i + 1).is_some_and(|t| t.glued())
            {
                return None;
            }
            let n: i32 = d.parse().ok()?;
            if self.low(i + 2) == "s" {
                return Some((i + 3, Expr::Decade(190 + n / 10)));
            }
            let after = self.t.get(i + 2);
            if after.is_some_and(|t| t.glued() && t.kind != TokenKind::Punct)
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
            && self.t.get(i + 1).is_some_and(|t| t.glued())
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
            let next_glued = self.t.get(end).is_some_and(|t| t.glued());
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
}

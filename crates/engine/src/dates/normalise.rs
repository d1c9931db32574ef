//! TimeML kinds and values: anchors an [`Expr`] on the document date.
//!
//! Conventions follow TimeML / TempEval-3: days `2013-03-22`, weeks `2013-W11`,
//! months `2013-03`, quarters `2013-Q1`, seasons `2013-SU`, decades `199`, times
//! `2013-03-22T15:00` (UTC with `Z`), parts of day `2013-03-22TMO`, durations `P6W`,
//! `PT3H`, vague durations `PXY`, and `PRESENT_REF` / `PAST_REF` / `FUTURE_REF`.
//! Without a document date, what the text itself gives is kept (`XXXX-06-22`) and
//! purely relative expressions get no value.

use super::expr::{DayRef, Expr, Tense, YearPart, YearRef};
use super::lexicon::Unit;
use crate::calendar::{days_in_month, CalendarDate};
use crate::decimal::push_padded;
use crate::model::DateKind;

/// The kind and value of `expr`; `anchor` is the document date, `tense` what the
/// sentence says (a future sentence resolves bare weekdays and months forward).
pub fn normalise(
    expr: &Expr,
    anchor: Option<CalendarDate>,
    tense: Tense,
) -> (DateKind, Option<String>) {
    let future = tense == Tense::Future;
    match expr {
        Expr::Day { day, part } => {
            let kind = if part.is_some() {
                DateKind::Time
            } else {
                DateKind::Date
            };
            let day = day_value(day, anchor, tense);
            (
                kind,
                day.map(|mut d| {
                    if let Some(p) = part {
                        d.push('T');
                        d.push_str(p);
                    }
                    d
                }),
            )
        }
        Expr::Clock {
            day,
            hour,
            minute,
            utc,
        } => {
            let mut d = day_value(&day.unwrap_or(DayRef::Anchor(0)), anchor, tense)
                .unwrap_or_else(|| "XXXX-XX-XX".to_string());
            d.push('T');
            push_padded(&mut d, i64::from(*hour), 2);
            d.push(':');
            push_padded(&mut d, i64::from(*minute), 2);
            if *utc {
                d.push('Z');
            }
            (DateKind::Time, Some(d))
        }
        Expr::Month { year, month, shift } => {
            let y = match (year, anchor) {
                (Some(y), _) => Some(*y),
                (None, Some(a)) => Some(month_year(*month, a, *shift, tense)),
                (None, None) => None,
            };
            let mut v = String::with_capacity(8);
            match y {
                Some(y) => push_padded(&mut v, i64::from(y), 4),
                None => v.push_str("XXXX"),
            }
            v.push('-');
            push_padded(&mut v, i64::from(*month), 2);
            (DateKind::Date, Some(v))
        }
        Expr::Year(y) => (DateKind::Date, Some(padded(i64::from(*y), 4))),
        Expr::Decade(d) => (DateKind::Date, Some(padded(i64::from(*d), 3))),
        Expr::Century(c) => (DateKind::Date, Some(padded(i64::from(*c), 2))),
        Expr::Part { year, part } => (DateKind::Date, part_value(*year, *part, anchor, future)),
        Expr::Shift { unit, by } => (DateKind::Date, anchor.map(|a| shift_value(*unit, *by, a))),
        Expr::WeekOf(day) => (DateKind::Date, week_of(day, anchor, tense)),
        Expr::Beside { from, by } => (
            DateKind::Date,
            day_of(from, anchor, tense).map(|d| d.add_days(*by).iso()),
        ),
        Expr::Weekend { shift } => (
            DateKind::Date,
            anchor.map(|a| weekend_value(a, *shift, future)),
        ),
        Expr::Duration { amount, unit } => {
            (DateKind::Duration, Some(duration_value(*amount, *unit)))
        }
        Expr::Set(v) => (DateKind::Set, Some(v.clone())),
        Expr::Fixed { kind, value } => (*kind, fixed_value(value, anchor)),
        Expr::Holiday { rule, shift } => {
            (DateKind::Date, holiday_value(rule, *shift, anchor, future))
        }
    }
}

/// The date of a named day nearest to the anchor: the latest one by default, the next
/// one when the sentence looks ahead, strictly before/after for `last`/`next`.
fn holiday_value(
    rule: &str,
    shift: Option<i64>,
    anchor: Option<CalendarDate>,
    future: bool,
) -> Option<String> {
    let Some(a) = anchor else {
        let (m, d) = rule
            .split_once('-')
            .filter(|(m, d)| m.len() == 2 && d.len() == 2)?;
        return Some(format!("XXXX-{m}-{d}"));
    };
    let this = holiday_in(rule, a.year())?;
    let date = match shift {
        Some(s) if s < 0 && this >= a => holiday_in(rule, a.year() - 1)?,
        Some(s) if s > 0 && this <= a => holiday_in(rule, a.year() + 1)?,
        Some(_) => this,
        None if future && this.to_days() + 60 < a.to_days() => holiday_in(rule, a.year() + 1)?,
        None if !future && this.to_days() > a.to_days() + 60 => holiday_in(rule, a.year() - 1)?,
        None => this,
    };
    Some(date.iso())
}

/// The day a holiday rule gives in `year`.
fn holiday_in(rule: &str, year: i32) -> Option<CalendarDate> {
    let mut parts = rule.split_whitespace();
    let first = parts.next()?;
    if first == "EASTER" {
        let k: i64 = parts
            .next()
            .map_or(Some(0), |k| k.trim_start_matches('+').parse().ok())?;
        return Some(easter(year).add_days(k));
    }
    if let Some((m, d)) = first.split_once('-').filter(|(m, _)| !m.is_empty()) {
        return CalendarDate::new(year, m.parse().ok()?, d.parse().ok()?);
    }
    let n: i64 = first.parse().ok()?;
    let wd_name = parts.next()?;
    let wd = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]
        .iter()
        .position(|w| *w == wd_name)? as i64;
    let month: u8 = parts.next()?.parse().ok()?;
    let k: i64 = parts
        .next()
        .map_or(Some(0), |k| k.trim_start_matches('+').parse().ok())?;
    let day = if n > 0 {
        let first = CalendarDate::new(year, month, 1)?;
        first.add_days((wd - i64::from(first.weekday())).rem_euclid(7) + 7 * (n - 1))
    } else {
        let last = CalendarDate::new(year, month, days_in_month(year, month))?;
        last.add_days(-(i64::from(last.weekday()) - wd).rem_euclid(7))
    };
    Some(day.add_days(k))
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
fn easter(year: i32) -> CalendarDate {
    let y = i64::from(year);
    let (a, b, c) = (y % 19, y.div_euclid(100), y % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (8 * b + 13) / 25;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 19 * l) / 433;
    let month = (h + l - 7 * m + 90) / 25;
    let day = (h + l - 7 * m + 33 * month + 19) % 32;
    CalendarDate::new(year, month as u8, day as u8).unwrap_or_else(|| CalendarDate::from_days(0))
}

fn fixed_value(rule: &str, anchor: Option<CalendarDate>) -> Option<String> {
    let Some(offset) = rule.strip_prefix('D') else {
        return Some(match (rule.strip_prefix('T'), anchor) {
            (Some(clock), Some(a)) => {
                let mut v = a.iso();
                v.push('T');
                v.push_str(clock);
                v
            }
            _ => rule.to_string(),
        });
    };
    let (days, part) = match offset.split_once(' ') {
        Some((d, p)) => (d, Some(p)),
        None => (offset, None),
    };
    let a = anchor?.add_days(days.trim_start_matches('+').parse().ok()?);
    let mut v = a.iso();
    if let Some(p) = part {
        v.push('T');
        v.push_str(p);
    }
    Some(v)
}

/// The date a day reference names, as a TimeML value.
pub fn day_value(day: &DayRef, anchor: Option<CalendarDate>, tense: Tense) -> Option<String> {
    let future = tense == Tense::Future;
    match *day {
        DayRef::Anchor(n) => anchor.map(|a| a.add_days(n).iso()),
        DayRef::Weekday { day, shift } => Some(match anchor {
            Some(a) => resolve_weekday(a, day, shift, future).iso(),
            None => format!("XXXX-WXX-{}", day + 1),
        }),
        DayRef::Calendar { year, month, day } => {
            let y = year.or_else(|| anchor.map(|a| day_year(month, day, a, tense)));
            let mut v = String::with_capacity(16);
            match y {
                Some(y) => push_padded(&mut v, i64::from(y), 4),
                None => v.push_str("XXXX"),
            }
            v.push('-');
            push_padded(&mut v, i64::from(month), 2);
            v.push('-');
            push_padded(&mut v, i64::from(day), 2);
            Some(v)
        }
    }
}

/// The calendar day a day expression names, once its year is known.
fn day_of(day: &Expr, anchor: Option<CalendarDate>, tense: Tense) -> Option<CalendarDate> {
    let value = normalise(day, anchor, tense).1?;
    value.get(..10)?.parse().ok()
}

/// The ISO week containing a day, once its year is known (`2000-W10`).
fn week_of(day: &Expr, anchor: Option<CalendarDate>, tense: Tense) -> Option<String> {
    let (y, w) = day_of(day, anchor, tense)?.iso_week();
    Some(format!("{y:04}-W{w:02}"))
}

/// The weekday `day` nearest to `a`: back by default (news reports the past), forward
/// when the sentence looks ahead, strictly before/after for `last`/`next`.
fn resolve_weekday(a: CalendarDate, day: u8, shift: Option<i64>, future: bool) -> CalendarDate {
    let back = (i64::from(a.weekday()) - i64::from(day)).rem_euclid(7);
    let ahead = (i64::from(day) - i64::from(a.weekday())).rem_euclid(7);
    match shift {
        Some(s) if s < 0 => a.add_days(-(if back == 0 { 7 } else { back })),
        Some(s) if s > 0 => a.add_days(if ahead == 0 { 7 } else { ahead }),
        Some(_) => a.add_days(ahead),
        None if future => a.add_days(ahead),
        None => a.add_days(-back),
    }
}

/// The year of a month named without one: the nearest such month, back unless the
/// sentence looks ahead; a month more than half a year back is next year's unless the
/// sentence is in the past ("paid in January", written in November).
fn month_year(month: u8, a: CalendarDate, shift: Option<i64>, tense: Tense) -> i32 {
    let y = a.year();
    let diff = i32::from(month) - i32::from(a.month());
    match shift {
        Some(s) if s < 0 => y - i32::from(month >= a.month()),
        Some(s) if s > 0 => y + i32::from(month <= a.month()),
        Some(_) => y,
        None if tense == Tense::Future && diff < 0 => y + 1,
        None if tense != Tense::Future && diff > 4 => y - 1,
        None if tense == Tense::Unmarked && diff < -6 => y + 1,
        None => y,
    }
}

/// How many months ahead a day named in a past sentence may still be this year's
/// ("was extended to Nov. 16" in October); further ahead it is last year's ("was last
/// seen Nov. 3", written in May).
const PAST_AHEAD_MONTHS: u8 = 2;

/// The year of a day of a month named without one: this year's unless the sentence
/// looks ahead to a day already gone (next year's) or the day is half a year or more
/// ahead (last year's: at half a year either way, news reports look back). A past verb
/// does not move a written day: "was extended to Nov. 16" looks back at the
/// extension, not at the date.
fn day_year(month: u8, day: u8, a: CalendarDate, tense: Tense) -> i32 {
    let y = a.year();
    let (m, d) = (a.month(), a.day());
    let ahead = (month, day) > (m, d);
    match tense {
        Tense::Future if !ahead && month + 2 < m => y + 1,
        Tense::Future => y,
        Tense::Past if month > m + PAST_AHEAD_MONTHS => y - 1,
        _ if month >= m + 6 => y - 1,
        _ => y,
    }
}

fn quarter_of(a: CalendarDate) -> i64 {
    i64::from(a.month() - 1) / 3 + 1
}

fn part_value(
    year: YearRef,
    part: YearPart,
    anchor: Option<CalendarDate>,
    future: bool,
) -> Option<String> {
    let y = match (year, anchor) {
        (YearRef::Year(y), _) => Some(i64::from(y)),
        (YearRef::Shift(s), Some(a)) => Some(i64::from(a.year()) + s),
        // A quarter or half still to come this year, in a sentence that does not look
        // ahead, is last year's ("profits for the fourth quarter" in January).
        (YearRef::Nearest, Some(a)) => {
            Some(i64::from(a.year()) - i64::from(!future && later_in_year(part, a)))
        }
        (YearRef::Relative(s), Some(a)) => Some(i64::from(match part {
            YearPart::Season(code) => season_year(code, a, s),
            _ => a.year(),
        })),
        (_, None) => None,
    };
    let y_text = y.map_or_else(|| "XXXX".to_string(), |y| padded(y, 4));
    Some(match part {
        YearPart::Quarter(0) => {
            // "the quarter" in a report is the latest finished one ("the year-ago
            // quarter" the same one a year back).
            let a = anchor?;
            let back = if let YearRef::Shift(s) = year {
                s * 4
            } else {
                0
            };
            let q = i64::from(a.year()) * 4 + quarter_of(a) - 2 + back;
            match year {
                // "the 1988 period": the latest quarter's number, in that year.
                YearRef::Year(y) => format!("{y:04}-Q{}", q.rem_euclid(4) + 1),
                _ => format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1),
            }
        }
        YearPart::Quarter(q) => format!("{y_text}-Q{q}"),
        YearPart::Half(h) => format!("{y_text}-H{h}"),
        YearPart::Season(s) => {
            let mut v = y_text;
            v.push('-');
            v.push_str(s);
            v
        }
        YearPart::Month(m) => format!("{y_text}-{m:02}"),
    })
}

/// Whether a quarter or half of the anchor's year has not started yet.
fn later_in_year(part: YearPart, a: CalendarDate) -> bool {
    match part {
        YearPart::Quarter(q) => i64::from(q) > quarter_of(a),
        YearPart::Half(h) => h == 2 && a.month() <= 6,
        _ => false,
    }
}

/// A season relative to the anchor (`last fall`).
fn season_year(code: &str, a: CalendarDate, shift: i64) -> i32 {
    let start = match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    let y = a.year();
    match shift {
        s if s < 0 => y - i32::from(start + 3 > a.month()),
        s if s > 0 => y + i32::from(start <= a.month()),
        _ => y,
    }
}

fn shift_value(unit: Unit, by: i64, a: CalendarDate) -> String {
    let y = i64::from(a.year());
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => {
            a.add_days(if unit == Unit::Day { by } else { 0 }).iso()
        }
        Unit::Week | Unit::Fortnight => {
            let weeks = if unit == Unit::Fortnight { 2 * by } else { by };

            let (wy, w) = a.add_days(7 * weeks).iso_week();
            format!("{wy:04}-W{w:02}")
        }
        Unit::Weekend => {
            let (wy, w) = a.add_days(7 * by).iso_week();
            format!("{wy:04}-W{w:02}-WE")
        }
        Unit::Month => {
            let m = y * 12 + i64::from(a.month()) - 1 + by;
            format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
        }
        Unit::Quarter => {
            let q = y * 4 + quarter_of(a) - 1 + by;
            format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)
        }
        Unit::Year => padded(y + by, 4),
        Unit::Decade => padded((y.div_euclid(10)) + by, 3),
        Unit::Century => padded((y.div_euclid(100)) + by, 2),
    }
}

fn weekend_value(a: CalendarDate, shift: Option<i64>, future: bool) -> String {
    let wd = i64::from(a.weekday());
    let by = match shift {
        Some(s) => s,
        None if wd >= 5 || future => 0,
        None => -1,
    };
    shift_value(Unit::Weekend, by, a)
}

/// `n` zero-padded to `width` characters (as `format!("{n:0width$}")`).
fn padded(n: i64, width: usize) -> String {
    let mut v = String::with_capacity(width.max(4));
    push_padded(&mut v, n, width);
    v
}

/// Appends an amount: whole numbers without a fraction (`3`), others with up to six
/// decimals and no trailing zero (`1.5`, as Rust prints them). Written from integers
/// because Rust's float printing would add about 10 KB to the wasm for the rare
/// "1.5 years".
fn push_number(out: &mut String, n: f64) {
    if n.fract() == 0.0 {
        push_padded(out, n as i64, 0);
        return;
    }
    if n < 0.0 {
        out.push('-');
    }
    let millionths = (n.abs() * 1e6).round() as i64;
    push_padded(out, millionths / 1_000_000, 0);
    let (mut fraction, mut digits) = (millionths % 1_000_000, 6);
    if fraction != 0 {
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        out.push('.');
        push_padded(out, fraction, digits);
    }
}

/// A TimeML duration (`P6W`, `PT3H`, `PXY`).
pub fn duration_value(amount: Option<f64>, unit: Unit) -> String {
    let (scale, code, clock) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Week => (1.0, "W", false),
        Unit::Fortnight => (2.0, "W", false),
        Unit::Weekend => (2.0, "D", false),
        Unit::Month => (1.0, "M", false),
        Unit::Quarter => (1.0, "Q", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (10.0, "Y", false),
        Unit::Century => (100.0, "Y", false),
    };
    let t = if clock { "T" } else { "" };
    match amount {
        None if unit == Unit::Decade => "PXDE".to_string(),
        None if unit == Unit::Century => "PXCE".to_string(),
        None => format!("P{t}X{code}"),
        Some(n) if unit == Unit::Year && n.fract() != 0.0 => {
            format!(
                "P{}Y{}M",
                n.trunc() as i64,
                (n.fract() * 12.0).round() as i64
            )
        }
        // "5 1/2 hours", "a minute and a half": TimeML splits the fraction into the
        // next smaller clock unit (`PT5H30M`, `PT1M30S`).
        Some(n) if matches!(unit, Unit::Hour | Unit::Minute) && n.fract() != 0.0 => {
            let smaller = if unit == Unit::Hour { "M" } else { "S" };
            format!(
                "PT{}{code}{}{smaller}",
                n.trunc() as i64,
                (n.fract() * 60.0).round() as i64
            )
        }
        Some(n) => {
            let mut v = String::with_capacity(8);
            v.push('P');
            v.push_str(t);
            push_number(&mut v, n * scale);
            v.push_str(code);
            v
        }
    }
}

/// Whether `day` exists in `month` (any year for February 29).
pub fn plausible_day(month: u8, day: u8) -> bool {
    day >= 1 && day <= days_in_month(2000, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dct() -> Option<CalendarDate> {
        CalendarDate::new(2013, 3, 22)
    }

    fn value(e: Expr) -> String {
        normalise(&e, dct(), Tense::Unmarked).1.unwrap_or_default()
    }

    #[test]
    fn amounts_print_as_rust_prints_them() {
        for n in [0.5, 1.5, 2.25, 0.125, 3.0, 12.0, 0.1, 7.000_001, 1e6 + 0.5] {
            let mut out = String::new();
            push_number(&mut out, n);
            assert_eq!(out, n.to_string(), "{n}");
        }
    }

    #[test]
    fn weekdays_look_back_unless_future() {
        // 2013-03-22 was a Friday.
        let fri = DayRef::Weekday {
            day: 4,
            shift: None,
        };
        assert_eq!(
            day_value(&fri, dct(), Tense::Unmarked).unwrap(),
            "2013-03-22"
        );
        let tue = DayRef::Weekday {
            day: 1,
            shift: None,
        };
        assert_eq!(
            day_value(&tue, dct(), Tense::Unmarked).unwrap(),
            "2013-03-19"
        );
        assert_eq!(day_value(&tue, dct(), Tense::Future).unwrap(), "2013-03-26");
        let last_fri = DayRef::Weekday {
            day: 4,
            shift: Some(-1),
        };
        assert_eq!(
            day_value(&last_fri, dct(), Tense::Unmarked).unwrap(),
            "2013-03-15"
        );
        assert_eq!(
            day_value(&tue, None, Tense::Unmarked).unwrap(),
            "XXXX-WXX-2"
        );
    }

    #[test]
    fn relative_units() {
        assert_eq!(
            value(Expr::Shift {
                unit: Unit::Week,
                by: -1
            }),
            "2013-W11"
        );
        assert_eq!(
            value(Expr::Shift {
                unit: Unit::Year,
                by: -2
            }),
            "2011"
        );
        assert_eq!(
            value(Expr::Shift {
                unit: Unit::Month,
                by: -3
            }),
            "2012-12"
        );
        assert_eq!(
            value(Expr::Shift {
                unit: Unit::Quarter,
                by: 0
            }),
            "2013-Q1"
        );
        assert_eq!(
            value(Expr::Fixed {
                kind: DateKind::Time,
                value: "D+0 MO"
            }),
            "2013-03-22TMO"
        );
        assert_eq!(
            value(Expr::Fixed {
                kind: DateKind::Date,
                value: "PAST_REF"
            }),
            "PAST_REF"
        );
    }

    #[test]
    fn holidays() {
        assert_eq!(
            holiday_in("4 THU 11", 1999).unwrap().to_string(),
            "1999-11-25"
        );
        assert_eq!(
            holiday_in("-1 MON 05", 2013).unwrap().to_string(),
            "2013-05-27"
        );
        assert_eq!(
            holiday_in("1 MON 11 +1", 1998).unwrap().to_string(),
            "1998-11-03"
        );
        assert_eq!(easter(2013).to_string(), "2013-03-31");
        assert_eq!(easter(2000).to_string(), "2000-04-23");
        assert_eq!(
            holiday_value("12-25", None, dct(), false).unwrap(),
            "2012-12-25"
        );
        assert_eq!(
            holiday_value("12-25", None, None, false).unwrap(),
            "XXXX-12-25"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration_value(Some(6.0), Unit::Week), "P6W");
        assert_eq!(duration_value(Some(3.0), Unit::Hour), "PT3H");
        assert_eq!(duration_value(Some(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(Some(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration_value(None, Unit::Year), "PXY");
        assert_eq!(duration_value(Some(2.0), Unit::Decade), "P20Y");
        assert_eq!(duration_value(Some(2.5), Unit::Year), "P2Y6M");
    }

    #[test]
    fn months_and_parts() {
        let may = Expr::Month {
            year: None,
            month: 5,
            shift: Some(-1),
        };
        assert_eq!(value(may), "2012-05");
        let dec = Expr::Month {
            year: None,
            month: 12,
            shift: None,
        };
        assert_eq!(value(dec), "2012-12");
        let q = Expr::Part {
            year: YearRef::Nearest,
            part: YearPart::Quarter(0),
        };
        assert_eq!(value(q), "2012-Q4");
        assert_eq!(season_year("FA", dct().unwrap(), -1), 2012);
        let c = Expr::Clock {
            day: None,
            hour: 15,
            minute: 0,
            utc: true,
        };
        assert_eq!(value(c), "2013-03-22T15:00Z");
    }
}

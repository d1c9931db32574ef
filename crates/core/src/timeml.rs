//! TimeML TIMEX3 `value`s: checking what an annotator types, and placing a value on
//! a timeline.
//!
//! The editor accepts exactly the value shapes the guidelines use, so a typo never
//! reaches an export:
//! - dates `2020`, `2020-09`, `2020-09-27`, weeks `2020-W40`, quarters `2020-Q3`,
//!   seasons `2020-SP|SU|FA|WI`, decades `199` and centuries `19`;
//! - times `2020-09-27T18:50`, `2020-09-27T18:50:30`, parts of day
//!   `2020-09-27TMO|AF|EV|NI`;
//! - durations `P6W`, `P1Y2M`, `PT2H30M`, `P1DT2H`, `PXY`, `P2DE` (decades), `P1CE`;
//! - `PAST_REF`, `PRESENT_REF`, `FUTURE_REF`;
//! - `X` for any unknown digit of a date or time (`XXXX-06-22`, `2020-XX-XX`).
//!
//! Anything else is refused with a message naming the problem. Lower-case input is
//! accepted and upper-cased, and surrounding spaces are dropped, because that is what a
//! person typing `p6w` means.

use thiserror::Error;

use crate::calendar::{days_in_month, CalendarDate};

/// Why a typed value is not a TimeML value.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "`{value}` is not a TimeML value: {problem}. Use a date (2020-09-27, 2020-09, 2020, \
     2020-W40, 2020-Q3, 2020-SU, 199 for the 1990s), a time (2020-09-27T18:50, \
     2020-09-27TEV), a duration (P6W, PT2H, PXY) or PAST_REF, PRESENT_REF, FUTURE_REF"
)]
pub struct TimexError {
    /// The value as typed.
    pub value: String,
    /// What is wrong with it.
    pub problem: String,
}

/// Where a value sits in time, precise enough to order a timeline.
///
/// Fields are ordered most significant first, so the derived ordering is
/// chronological by start (a month sorts before its first day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimePoint {
    /// Year (the first year of a decade or century).
    pub year: i32,
    /// Month, 1 to 12 (1 when the value names no month).
    pub month: u8,
    /// Day, 1 to 31 (1 when the value names no day).
    pub day: u8,
    /// Minutes after midnight (0 when the value names no time).
    pub minute: u16,
    /// How many components the value gave: a coarser value sorts before a finer one
    /// starting at the same moment.
    pub precision: u8,
}

/// Checks a typed value and returns it in canonical form (trimmed, upper case).
///
/// # Errors
/// [`TimexError`] naming the problem when the value has none of the accepted shapes.
///
/// # Example
/// ```
/// use claimlens_core::timeml::parse;
/// assert_eq!(parse(" p6w ").unwrap(), "P6W");
/// assert_eq!(parse("2020-09-27T18:50").unwrap(), "2020-09-27T18:50");
/// assert!(parse("2020-13-01").is_err());
/// ```
pub fn parse(value: &str) -> Result<String, TimexError> {
    let canonical = value.trim().to_ascii_uppercase();
    let fail = |problem: &str| TimexError {
        value: value.to_string(),
        problem: problem.to_string(),
    };
    if canonical.is_empty() {
        return Err(fail("it is empty"));
    }
    if !canonical.is_ascii() {
        return Err(fail(
            "it contains a character other than A-Z, 0-9, `-`, `:`",
        ));
    }
    if matches!(
        canonical.as_str(),
        "PAST_REF" | "PRESENT_REF" | "FUTURE_REF"
    ) {
        return Ok(canonical);
    }
    let checked = if let Some(rest) = canonical.strip_prefix('P') {
        duration(rest)
    } else {
        point(&canonical).map(|_| ())
    };
    checked.map(|()| canonical.clone()).map_err(|p| fail(&p))
}

/// True when `value` is a valid TimeML value as [`parse`] accepts it.
pub fn is_valid(value: &str) -> bool {
    parse(value).is_ok()
}

/// Where a (valid) value starts on a calendar, or `None` for durations, references
/// and values whose year is unknown (`XXXX-06-22`). Unknown months or days count as
/// the start of the period the known part names.
///
/// # Example
/// ```
/// use claimlens_core::timeml::place;
/// assert!(place("199").unwrap() < place("2020-W40").unwrap());
/// assert!(place("P6W").is_none());
/// ```
pub fn place(value: &str) -> Option<TimePoint> {
    let canonical = value.trim().to_ascii_uppercase();
    if canonical.starts_with('P') {
        return None;
    }
    point(&canonical).ok().flatten()
}

/// Checks a duration after its `P`: date units Y, M, W, D, DE (decades), CE
/// (centuries), then optionally `T` and time units H, M, S; each amount is digits
/// (with an optional decimal part) or `X`s.
fn duration(rest: &str) -> Result<(), String> {
    let (date, time) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut parts = 0;
    parts += amounts(date, &["Y", "M", "W", "D", "DE", "CE"], "date")?;
    if let Some(t) = time {
        let n = amounts(t, &["H", "M", "S"], "time")?;
        if n == 0 {
            return Err(
                "a `T` in a duration must be followed by hours, minutes or seconds (PT2H)".into(),
            );
        }
        parts += n;
    }
    if parts == 0 {
        return Err("a duration needs an amount and a unit after `P` (P6W, PT2H)".into());
    }
    Ok(())
}

/// Counts `amount unit` pairs in `s`, each unit at most once and in `units` order.
fn amounts(s: &str, units: &[&str], part: &str) -> Result<usize, String> {
    let mut rest = s;
    let mut next_unit = 0;
    let mut count = 0;
    while !rest.is_empty() {
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'X'))
            .unwrap_or(rest.len());
        let amount = &rest[..len];
        let all_x = !amount.is_empty() && amount.bytes().all(|b| b == b'X');
        let number = !amount.is_empty()
            && amount.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && amount.bytes().filter(|&b| b == b'.').count() <= 1
            && !amount.ends_with('.')
            && !amount.contains('X');
        if !(all_x || number) {
            return Err(format!(
                "expected an amount (digits or X) in the {part} part of the duration at `{rest}`"
            ));
        }
        rest = &rest[len..];
        // Longest unit first so `DE` is not read as `D` then `E`.
        let found = units
            .iter()
            .enumerate()
            .skip(next_unit)
            .filter(|(_, u)| rest.starts_with(**u))
            .max_by_key(|(_, u)| u.len());
        match found {
            Some((i, u)) => {
                rest = &rest[u.len()..];
                next_unit = i + 1;
                count += 1;
            }
            None => {
                return Err(format!(
                "expected one of the {part} units {} (each once, in that order) after `{amount}`",
                units.join(", ")
            ))
            }
        }
    }
    Ok(count)
}

/// One numeric component that may be written with `X`s: `Some(n)` when all digits
/// are known, `None` when all are `X`; partly known components keep their known
/// leading digits' value for placing, so `199X` places like `1990`.
struct Digits {
    width: usize,
    known: Option<u32>,
    leading: u32,
    leading_len: usize,
}

fn digits(s: &str, len: usize, what: &str) -> Result<Digits, String> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit() || b == b'X') {
        return Err(format!("the {what} must be {len} digits or X, not `{s}`"));
    }
    let leading_len = s.bytes().take_while(u8::is_ascii_digit).count();
    let leading = s[..leading_len].parse().unwrap_or(0);
    Ok(Digits {
        width: len,
        known: (leading_len == len).then_some(leading),
        leading,
        leading_len,
    })
}

fn in_range(d: &Digits, lo: u32, hi: u32, what: &str) -> Result<(), String> {
    match d.known {
        Some(n) if !(lo..=hi).contains(&n) => Err(format!(
            "{what} {n:0w$} is outside {lo:0w$}-{hi:0w$}",
            w = d.width
        )),
        _ => Ok(()),
    }
}

/// Checks a calendar value (date, week, quarter, season, decade, century, time) and
/// places it when its year is known.
fn point(s: &str) -> Result<Option<TimePoint>, String> {
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut parts = date.split('-');
    let year_text = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    if !(2..=4).contains(&year_text.len()) {
        return Err("a date starts with a year (2020), a decade (199) or a century (19)".into());
    }
    let year = digits(year_text, year_text.len(), "year")?;
    if year_text.len() < 4 && !rest.is_empty() {
        return Err("a decade or century cannot have a month, week or day".into());
    }
    // Decades and centuries count from their first year; `199X` places like `199`.
    let scale = 10u32.pow(4 - year.leading_len.min(4) as u32);
    let placed_year = (year.leading_len >= 2).then(|| year.leading * scale);
    let mut at = TimePoint {
        year: placed_year.map_or(0, |y| y as i32),
        month: 1,
        day: 1,
        minute: 0,
        precision: 1,
    };
    let mut full_day = false;
    match rest.as_slice() {
        [] => {}
        [m] if m.len() == 2 && m.bytes().all(|b| b.is_ascii_uppercase() && b != b'X') => {
            at.month = match *m {
                "SP" => 3,
                "SU" => 6,
                "FA" => 9,
                "WI" => 12,
                _ => return Err(format!("`{m}` is not a season (SP, SU, FA, WI)")),
            };
            at.precision = 2;
        }
        [m] if m.starts_with('W') => {
            let w = digits(&m[1..], 2, "week")?;
            in_range(&w, 1, 53, "week")?;
            if let (Some(y), Some(w)) = (year.known, w.known) {
                let start = week_start(y as i32, w as u8)
                    .ok_or_else(|| format!("{y} has no week {w:02}"))?;
                at.month = start.month();
                at.day = start.day();
            }
            at.precision = 2;
        }
        [m] if m.starts_with('Q') => {
            let q = digits(&m[1..], 1, "quarter")?;
            in_range(&q, 1, 4, "quarter")?;
            at.month = q.known.map_or(1, |q| (q as u8 - 1) * 3 + 1);
            at.precision = 2;
        }
        [m] | [m, _] => {
            let month = digits(m, 2, "month")?;
            in_range(&month, 1, 12, "month")?;
            at.month = month.known.map_or(1, |m| m as u8);
            at.precision = 2;
            if let [_, d] = rest.as_slice() {
                let day = digits(d, 2, "day")?;
                in_range(&day, 1, 31, "day")?;
                if let (Some(y), Some(m), Some(d)) = (year.known, month.known, day.known) {
                    if d > u32::from(days_in_month(y as i32, m as u8)) {
                        return Err(format!("{y}-{m:02} has no day {d:02}"));
                    }
                }
                at.day = day.known.map_or(1, |d| d as u8);
                at.precision = 3;
                full_day = true;
            }
        }
        _ => return Err("too many `-` parts for a date (at most YYYY-MM-DD)".into()),
    }
    if let Some(t) = time {
        if !full_day {
            return Err("a time needs a full date before its `T` (2020-09-27T18:50)".into());
        }
        at.minute = clock(t)?;
        at.precision = 4;
    }
    Ok(placed_year.map(|_| at))
}

/// Checks the part after `T`: `HH:MM`, `HH:MM:SS`, or a part of day; returns minutes
/// after midnight for ordering.
fn clock(t: &str) -> Result<u16, String> {
    let part_of_day = match t {
        "MO" => Some(6 * 60),
        "AF" => Some(13 * 60),
        "EV" => Some(18 * 60),
        "NI" => Some(22 * 60),
        _ => None,
    };
    if let Some(m) = part_of_day {
        return Ok(m);
    }
    let fields: Vec<&str> = t.split(':').collect();
    if !(2..=3).contains(&fields.len()) {
        return Err(format!(
            "`T{t}` is not a time: use HH:MM, HH:MM:SS or MO, AF, EV, NI"
        ));
    }
    let h = digits(fields[0], 2, "hour")?;
    in_range(&h, 0, 24, "hour")?;
    let m = digits(fields[1], 2, "minute")?;
    in_range(&m, 0, 59, "minute")?;
    if let Some(s) = fields.get(2) {
        let s = digits(s, 2, "second")?;
        in_range(&s, 0, 60, "second")?;
    }
    Ok((h.known.unwrap_or(0) * 60 + m.known.unwrap_or(0)) as u16)
}

/// The Monday of ISO week `week` of `year`, if the year has that week.
fn week_start(year: i32, week: u8) -> Option<CalendarDate> {
    // 4 January is always in week 1.
    let jan4 = CalendarDate::new(year, 1, 4)?;
    let monday = jan4.add_days(-i64::from(jan4.weekday()));
    let start = monday.add_days(7 * (i64::from(week) - 1));
    (start.iso_week() == (year, week)).then_some(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_shape_of_the_guidelines() {
        for v in [
            "2020",
            "2020-09",
            "2020-09-27",
            "2020-W40",
            "2020-W53",
            "2020-Q3",
            "2020-SP",
            "2020-SU",
            "2020-FA",
            "2020-WI",
            "199",
            "19",
            "2020-09-27T18:50",
            "2020-09-27T18:50:30",
            "2020-09-27T24:00",
            "2020-09-27TMO",
            "2020-09-27TAF",
            "2020-09-27TEV",
            "2020-09-27TNI",
            "P6W",
            "P1Y2M10D",
            "PT2H",
            "PT2H30M",
            "P1DT2H",
            "P1.5Y",
            "PXY",
            "PXD",
            "P2DE",
            "P1CE",
            "PXDE",
            "PAST_REF",
            "PRESENT_REF",
            "FUTURE_REF",
            "XXXX-06-22",
            "2020-XX-XX",
            "XXXX-XX-XXT18:50",
            "199X",
            "2024-02-29",
        ] {
            assert_eq!(parse(v), Ok(v.to_string()), "{v}");
        }
    }

    #[test]
    fn canonicalises_case_and_spaces() {
        assert_eq!(parse("  p6w\n").unwrap(), "P6W");
        assert_eq!(parse("past_ref").unwrap(), "PAST_REF");
        assert_eq!(parse("2020-09-27tev").unwrap(), "2020-09-27TEV");
    }

    #[test]
    fn refuses_everything_else_with_a_reason() {
        for (v, why) in [
            ("", "empty"),
            ("yesterday", "year"),
            ("2020-13", "month 13"),
            ("2020-00-10", "month 00"),
            ("2020-02-30", "no day 30"),
            ("2021-02-29", "no day 29"),
            ("2020-W54", "week 54"),
            ("2021-W53", "no week 53"),
            ("2020-Q5", "quarter 5"),
            ("2020-AU", "season"),
            ("2020-9-27", "2 digits"),
            ("20201", "year"),
            ("199-09", "decade"),
            ("2020-09T18:50", "full date"),
            ("2020-09-27T25:00", "hour 25"),
            ("2020-09-27T18:61", "minute 61"),
            ("2020-09-27T1850", "HH:MM"),
            ("2020-09-27TXX", "HH:MM"),
            ("P", "amount"),
            ("PT", "hours"),
            ("P6", "units"),
            ("PW", "amount"),
            ("P1W1Y", "order"),
            ("P1H", "units"),
            ("P1.Y", "amount"),
            ("P1X2Y", "amount"),
            ("2020-09-27-01", "too many"),
            ("NOW_REF", "year"),
            ("２０２０", "character"),
        ] {
            let err = parse(v).unwrap_err();
            assert!(err.to_string().contains(why), "{v}: {err} (wanted {why:?})");
        }
    }

    #[test]
    fn places_values_in_calendar_order() {
        let order = [
            "19",
            "199",
            "1994",
            "2020",
            "2020-Q3",
            "2020-09",
            "2020-FA",
            "2020-09-27",
            "2020-09-27TMO",
            "2020-09-27T18:50",
            "2020-W40",
            "2020-10",
        ];
        let placed: Vec<TimePoint> = order.iter().map(|v| place(v).unwrap()).collect();
        for (pair, names) in placed.windows(2).zip(order.windows(2)) {
            assert!(pair[0] <= pair[1], "{names:?}");
        }
        assert_eq!(place("2020-W40").map(|p| (p.month, p.day)), Some((9, 28)));
        assert_eq!(place("199X").map(|p| p.year), Some(1990));
        for v in ["P6W", "PAST_REF", "XXXX-06-22", "nonsense"] {
            assert_eq!(place(v), None, "{v}");
        }
    }
}

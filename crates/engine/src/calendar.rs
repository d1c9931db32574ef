//! Calendar dates without a time zone: the document creation time and the anchors
//! that relative dates resolve against.
//!
//! Day arithmetic goes through a day count since 1970-01-01 using the well-known
//! civil-from-days conversion (proleptic Gregorian), so adding days, finding weekdays
//! and ISO weeks never needs a table.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

use crate::decimal::push_padded;

/// A day of the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("`{0}` is not a date of the form YYYY-MM-DD")]
pub struct BadDate(pub String);

/// Monday = 0 … Sunday = 6.
pub type Weekday = u8;

impl CalendarDate {
    /// The date, if it exists.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| CalendarDate { year, month, day })
    }
    /// An optional date as a form field or an API argument gives it: blank means
    /// "none given" (the caller then infers one from the text), anything else must
    /// be a date.
    ///
    /// # Errors
    /// [`BadDate`] when `s` is neither blank nor a `YYYY-MM-DD` date.
    pub fn parse_optional(s: &str) -> Result<Option<Self>, BadDate> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        s.parse().map(Some)
    }
    /// Year.
    pub fn year(&self) -> i32 {
        self.year
    }
    /// Month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// Day of the month, 1 to 31.
    pub fn day(&self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01.
    pub fn to_days(&self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        CalendarDate { year, month, day }
    }

    /// This date moved by `n` days (negative goes back).
    pub fn add_days(&self, n: i64) -> Self {
        Self::from_days(self.to_days() + n)
    }

    /// Day of the week, Monday = 0.
    pub fn weekday(&self) -> Weekday {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u8
    }

    /// ISO 8601 week-numbering year and week.
    pub fn iso_week(&self) -> (i32, u8) {
        let thursday = self.add_days(3 - i64::from(self.weekday()));
        let jan1 = CalendarDate {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.year, week as u8)
    }
    /// Appends the date as `YYYY-MM-DD`, exactly as `to_string` writes it.
    pub fn push_iso(&self, out: &mut String) {
        push_padded(out, i64::from(self.year), 4);
        out.push('-');
        push_padded(out, i64::from(self.month), 2);
        out.push('-');
        push_padded(out, i64::from(self.day), 2);
    }
    /// The date as `YYYY-MM-DD` (as `to_string`, without the formatting machinery).
    pub fn iso(&self) -> String {
        let mut out = String::with_capacity(16);
        self.push_iso(&mut out);
        out
    }
}

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for CalendarDate {
    type Err = BadDate;
    /// Accepts `YYYY-MM-DD`, optionally followed by a time (`T…`), which is ignored.
    fn from_str(s: &str) -> Result<Self, BadDate> {
        let bad = || BadDate(s.to_string());
        let day_part = s.trim().split(['T', ' ']).next().ok_or_else(bad)?;
        let mut it = day_part.splitn(3, '-');
        let (y, m, d) = (it.next(), it.next(), it.next());
        let (Some(y), Some(m), Some(d)) = (y, m, d) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let year = y.parse().map_err(|_| bad())?;
        let month = m.parse().map_err(|_| bad())?;
        let day = d.parse().map_err(|_| bad())?;
        CalendarDate::new(year, month, day).ok_or_else(bad)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_writes_what_display_writes() {
        for date in [(2021, 3, 5), (987, 12, 31), (-44, 3, 15), (12021, 1, 1)] {
            let d = CalendarDate::new(date.0, date.1, date.2).unwrap();
            assert_eq!(d.iso(), d.to_string());
        }
    }

    #[test]
    fn an_optional_date_may_be_blank_but_not_wrong() {
        assert_eq!(CalendarDate::parse_optional(" \n"), Ok(None));
        assert_eq!(
            CalendarDate::parse_optional(" 2020-09-27 "),
            Ok(CalendarDate::new(2020, 9, 27))
        );
        assert!(CalendarDate::parse_optional("27/09/2020").is_err());
    }

    #[test]
    fn parse_and_print() {
        let d: CalendarDate = "2020-09-27".parse().unwrap();
        assert_eq!(d.to_string(), "2020-09-27");
        assert!("2021-02-29".parse::<CalendarDate>().is_err());
        assert!("27/09/2020".parse::<CalendarDate>().is_err());
        assert_eq!(
            "2013-03-24T10:00".parse::<CalendarDate>().unwrap().day(),
            24
        );
    }

    #[test]
    fn day_arithmetic_and_weekdays() {
        let d = CalendarDate::new(2020, 9, 27).unwrap();
        assert_eq!(d.weekday(), 6, "27 September 2020 was a Sunday");
        assert_eq!(d.add_days(5).to_string(), "2020-10-02");
        assert_eq!(
            CalendarDate::new(2000, 3, 1)
                .unwrap()
                .add_days(-1)
                .to_string(),
            "2000-02-29"
        );
        assert_eq!(CalendarDate::from_days(0).to_string(), "1970-01-01");
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(
            CalendarDate::new(2020, 9, 27).unwrap().iso_week(),
            (2020, 39)
        );
        assert_eq!(
            CalendarDate::new(2021, 1, 1).unwrap().iso_week(),
            (2020, 53)
        );
    }
}

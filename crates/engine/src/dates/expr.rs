//! What a temporal expression means, before it is anchored: the scanner reads the text
//! into an [`Expr`], and `normalise` turns it into a TimeML kind and value against the
//! document date.

use super::lexicon::Unit;
use crate::model::DateKind;

/// Which day an expression names.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DayRef {
    /// The document date moved by this many days (`today` 0, `yesterday` -1).
    Anchor(i64),
    /// A weekday; `shift` is `None` for a bare name (resolved by tense), -1 for
    /// `last Friday`, 0 for `this Friday`, 1 for `next Friday`.
    Weekday {
        /// Monday = 0.
        day: u8,
        /// Explicit direction, if the text gives one.
        shift: Option<i64>,
    },
    /// A day of a month, with the year when the text gives it.
    Calendar {
        /// The year, if written.
        year: Option<i32>,
        /// 1 to 12.
        month: u8,
        /// 1 to 31.
        day: u8,
    },
}

/// A part of a year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearPart {
    /// Quarter 1 to 4, or 0 for "the quarter" (the latest one reported).
    Quarter(u8),
    /// Half 1 or 2.
    Half(u8),
    /// A season code (`SU`).
    Season(&'static str),
    /// A month tied to a relative year (`January this year`).
    Month(u8),
}

/// Which year a part of a year belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YearRef {
    /// Written out.
    Year(i32),
    /// The document's year moved by this many years (`last year` = -1).
    Shift(i64),
    /// Not given: the nearest plausible one.
    Nearest,
    /// The latest (-1), current (0) or next (1) such part from the document date
    /// (`last fall`).
    Relative(i64),
}

/// The meaning of one temporal expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A day, possibly with a part of the day (`Friday morning`).
    Day {
        /// Which day.
        day: DayRef,
        /// TimeML part-of-day code (`MO`), if any.
        part: Option<&'static str>,
    },
    /// A clock time, on a day when the text says which.
    Clock {
        /// The day, if written (else the document date).
        day: Option<DayRef>,
        /// 0 to 24.
        hour: u8,
        /// 0 to 59.
        minute: u8,
        /// Written in UTC (TimeML appends `Z`).
        utc: bool,
    },
    /// A month, with its year when written; `shift` as for weekdays.
    Month {
        /// The year, if written.
        year: Option<i32>,
        /// 1 to 12.
        month: u8,
        /// Explicit direction (`last May` = -1), if any.
        shift: Option<i64>,
    },
    /// A year.
    Year(i32),
    /// A decade, by its first three digits (`199` for the 1990s).
    Decade(i32),
    /// A century, by its first two digits (`19` for the 20th century).
    Century(i32),
    /// A quarter, half or season of a year.
    Part {
        /// Which year.
        year: YearRef,
        /// Which part.
        part: YearPart,
    },
    /// The unit containing the document date, moved by `by` units (`last week`,
    /// `two years ago`).
    Shift {
        /// The unit.
        unit: Unit,
        /// How many units, negative into the past.
        by: i64,
    },
    /// The week containing a day (`the week of March 6`, `Easter week`).
    WeekOf(Box<Expr>),
    /// A day a number of days from another (`the day before last Tuesday`).
    Beside {
        /// The day counted from.
        from: Box<Expr>,
        /// Days after it, negative before.
        by: i64,
    },
    /// A weekend; `shift` as for weekdays.
    Weekend {
        /// Explicit direction, if any.
        shift: Option<i64>,
    },
    /// A length of time; `amount` is `None` when vague (`several years`).
    Duration {
        /// How many units.
        amount: Option<f64>,
        /// The unit.
        unit: Unit,
    },
    /// A recurrence with its TimeML value.
    Set(String),
    /// A named day of the calendar (`Thanksgiving`), by its rule from the holiday list;
    /// `shift` as for weekdays.
    Holiday {
        /// The calendar rule (`12-25`, `4 THU 11`, `EASTER -2`).
        rule: &'static str,
        /// Explicit direction (`last Christmas` = -1), if any.
        shift: Option<i64>,
    },
    /// A fixed expression from the phrase list.
    Fixed {
        /// Its kind.
        kind: DateKind,
        /// Its value rule.
        value: &'static str,
    },
}

/// What the sentence around an expression says about its time, for expressions whose
/// year or week the text leaves open (`Tuesday`, `in January`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tense {
    /// A past cue (`was`, `announced`) and no future cue.
    Past,
    /// No cue either way.
    #[default]
    Unmarked,
    /// A future cue (`will`, `scheduled`).
    Future,
}

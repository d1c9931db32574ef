//! The story's own time: anaphoric expressions (`that year`, `the following month`,
//! `later that day`, `the previous week`, `the morning`, `the same day`, `later in the
//! day`) name a time relative to the last date the text mentioned, not to the
//! article's date. TimeML calls that date the reference time; HeidelTime keeps it for
//! narratives the same way, updating it at every date that can be worked out. A
//! coarser date in between (`in February`, `a year ago`) does not replace the day an
//! expression that needs a day refers back to.

use super::expr::Expr;
use super::lexicon::Unit;
use super::scan::Found;
use super::tokens::Toks;
use crate::calendar::CalendarDate;

/// How precisely a value names its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Year,
    Month,
    Day,
}

/// The reference time each expression of `found` is read against: `Some` for the
/// anaphoric ones after a date precise enough for their unit, `None` where the
/// document date stays the anchor. `values` are the values normalised on the document
/// date, in the order of `found`.
pub fn anchors(found: &[Found], values: &[Option<String>]) -> Vec<Option<CalendarDate>> {
    // The latest date named at least as precisely as each grain (year, month, day):
    // "later in the day" after "on Tuesday ... in February ... last year" is Tuesday's.
    let mut last: [Option<CalendarDate>; 3] = [None; 3];
    found
        .iter()
        .zip(values)
        .map(|(f, value)| {
            let anchor = needs(&f.expr)
                .filter(|_| f.anaphoric)
                .and_then(|n| last[n as usize]);
            if anchor.is_none() {
                if let Some((date, grain)) = value.as_deref().and_then(parse_value) {
                    last[..=grain as usize].fill(Some(date));
                }
            }
            anchor
        })
        .collect()
}

/// Whether the words of the expression at tokens `first..end` meaning `expr` point
/// back into the story (`that`, `following`, `previous`, `the next`) rather than at
/// the article's own time. The scan asks while it has the tokens at hand.
pub fn is_anaphoric(toks: &Toks, first: usize, end: usize, expr: &Expr) -> bool {
    // "the day", "the morning", "later in the day": the day the story is telling.
    let story_day = end >= first + 2
        && toks.low(end - 2) == "the"
        && matches!(
            toks.low(end - 1),
            "day" | "morning" | "afternoon" | "evening"
        );
    // "the same day": the one just named (not "the same period last year", which
    // counts from the article's date).
    let same = matches!(expr, Expr::Shift { by: 0, .. });
    story_day
        || (first..end).any(|k| match toks.low(k) {
            "that" | "following" | "previous" => true,
            "next" => k > first && toks.low(k - 1) == "the",
            "same" => same,
            // Put after its unit ("the year earlier"): counted from the story's time
            // ("a year earlier" in a report counts from the article's date).
            "earlier" | "prior" | "before" => {
                k + 1 == end && k == first + 2 && toks.low(first) == "the"
            }
            _ => false,
        })
}

/// The grain a reference must have to anchor `e`, or `None` when `e` never moves.
fn needs(e: &Expr) -> Option<Grain> {
    match e {
        Expr::Shift { unit, .. } => Some(match unit {
            Unit::Year | Unit::Decade | Unit::Century => Grain::Year,
            Unit::Month | Unit::Quarter => Grain::Month,
            _ => Grain::Day,
        }),
        Expr::Day { .. } | Expr::Fixed { .. } => Some(Grain::Day),
        _ => None,
    }
}

/// A value's date and grain: `1998` (the middle of the year), `1998-06`, `1998-06-22`,
/// or a time on a day (`1998-06-22T10:00`).
fn parse_value(v: &str) -> Option<(CalendarDate, Grain)> {
    let day_part = v.split('T').next()?;
    let mut parts = day_part.split('-');
    let year: i32 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month = parts.next();
    let day = parts.next();
    if parts.next().is_some() {
        return None;
    }
    match (month, day) {
        (None, None) => Some((CalendarDate::new(year, 7, 1)?, Grain::Year)),
        (Some(m), None) => Some((CalendarDate::new(year, m.parse().ok()?, 15)?, Grain::Month)),
        (Some(m), Some(d)) => Some((
            CalendarDate::new(year, m.parse().ok()?, d.parse().ok()?)?,
            Grain::Day,
        )),
        (None, Some(_)) => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::calendar::CalendarDate;
    use crate::dates::extract;

    fn values(text: &str) -> Vec<String> {
        extract(text, CalendarDate::new(2000, 1, 28))
            .into_iter()
            .map(|m| m.value.unwrap_or_default())
            .collect()
    }

    #[test]
    fn that_year_follows_the_story() {
        assert_eq!(
            values("She fled in June 1998 and came back later that year."),
            ["1998-06", "1998"]
        );
        assert_eq!(
            values("He was promoted on May 22, 1995, and the following year he left."),
            ["1995-05-22", "1996"]
        );
        assert_eq!(
            values("Shares fell in March 1989. The following month, it was sold."),
            ["1989-03", "1989-04"]
        );
    }

    #[test]
    fn the_morning_is_the_story_day() {
        assert_eq!(
            values("Shares slid on Jan. 20. Dealers sold in the morning."),
            ["2000-01-20", "2000-01-20TMO"]
        );
    }

    #[test]
    fn the_same_day_is_the_day_just_named() {
        // 2000-01-28 is a Friday: Tuesday is the 25th.
        assert_eq!(
            values("Prices fell on Tuesday after a report released the same day."),
            ["2000-01-25", "2000-01-25"]
        );
        assert_eq!(values("Sales rose in the same period last year."), ["1999"]);
    }

    #[test]
    fn a_story_day_outlives_coarser_dates() {
        assert_eq!(
            values(
                "The firm said on Tuesday that sales rose in December against a year ago. \
                 Its shares fell later in the day."
            ),
            ["2000-01-25", "1999-12", "1999", "2000-01-25"]
        );
    }

    #[test]
    fn a_unit_with_a_postposed_previous_counts_back_from_the_story() {
        assert_eq!(
            values("Costs fell in 1996, against the year previous."),
            ["1996", "1995"]
        );
        assert_eq!(
            values("He left on March 3, 1997; the month before, he had resigned."),
            ["1997-03-03", "1997-02"]
        );
        assert_eq!(values("Sales rose faster than the year before."), ["1999"]);
        // A report's "a year earlier" is the year before the article's.
        assert_eq!(
            values("Profit rose in 1996. Costs were higher than a year earlier."),
            ["1996", "1999"]
        );
    }

    #[test]
    fn the_day_after_an_event_follows_the_story_day() {
        assert_eq!(
            values("He died on May 3, 1998. Friends came to the house the day after his death."),
            ["1998-05-03", "1998-05-04"]
        );
        // Beside the date it names, the day is that date.
        assert_eq!(
            values("The hiker was spotted Nov. 3, the day before rangers found his tent."),
            ["1999-11-03", "1999-11-03"]
        );
        assert_eq!(
            values("Shares rebounded late in the day after falling."),
            ["2000-01-28"]
        );
    }

    #[test]
    fn without_a_story_date_the_article_date_anchors() {
        assert_eq!(values("Sales rose that year."), ["2000"]);
        assert_eq!(
            values("It rose last year and fell this year."),
            ["1999", "2000"]
        );
    }
}

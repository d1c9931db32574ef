//! Clock times that name no day take the day written just before them: in
//! "on Monday at 3.00 pm" or "on 15 October at 10:44 a.m. (6:44 GMT)" the time is on
//! that day, not on the document date.

use super::expr::Expr;
use super::scan::Found;

/// How many tokens may separate a day from the clock time it governs ("at", "(").
const GAP: usize = 2;

/// Gives day-less clock times the day of an expression right before them.
pub fn attach_days(found: &mut [Found]) {
    for k in 1..found.len() {
        let (before, rest) = found.split_at_mut(k);
        let (prev, cur) = (&before[k - 1], &mut rest[0]);
        if cur.first > prev.end + GAP {
            continue;
        }
        let day = match prev.expr {
            Expr::Day { day, part: None } => Some(day),
            Expr::Clock { day, .. } => day,
            _ => None,
        };
        if let (
            Some(d),
            Expr::Clock {
                day: slot @ None, ..
            },
        ) = (day, &mut cur.expr)
        {
            *slot = Some(d);
            cur.future = prev.future;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::calendar::CalendarDate;
    use crate::dates::extract;

    #[test]
    fn clock_takes_the_day_before_it() {
        let text = "It was launched on 15 October at 10:44 a.m. local time (6:44 GMT).";
        let values: Vec<_> = extract(text, CalendarDate::new(2020, 10, 16))
            .into_iter()
            .map(|m| m.value.unwrap_or_default())
            .collect();
        assert_eq!(
            values,
            ["2020-10-15", "2020-10-15T10:44", "2020-10-15T06:44"]
        );
    }
}

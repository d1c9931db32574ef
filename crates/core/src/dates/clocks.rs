//! Clock times that name no day take the day written next to them: in
//! "on Monday at 3.00 pm", "at 3.00 pm on Monday" or "on 15 October at 10:44 a.m.
//! (6:44 GMT)" the time is on that day, not on the document date.

use super::expr::Expr;
use super::scan::Found;
use super::tokens::Toks;

/// How many tokens may separate a day from the clock time it governs ("at", "(").
const GAP: usize = 2;

/// Gives day-less clock times the day of an expression right before them, or right
/// after them across an `on` ("at 3.00 pm on Monday") or a bracketed second clock
/// ("10:35 a.m. (0735 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)").
pub fn attach_days(toks: &Toks, found: &mut [Found]) {
    // Right to left, so a day reaches the first clock of "clock (clock) day".
    for k in (0..found.len().saturating_sub(1)).rev() {
        let (head, tail) = found.split_at_mut(k + 1);
        let (cur, next) = (&mut head[k], &tail[0]);
        if next.first != cur.end + 1 {
            continue;
        }
        let day = match (toks.low(cur.end), &next.expr) {
            ("on" | ")", Expr::Day { day, part: None }) => Some(*day),
            ("(", Expr::Clock { day, .. }) => *day,
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
            cur.tense = next.tense;
        }
    }
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
            cur.tense = prev.tense;
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

    #[test]
    fn clock_takes_the_day_after_a_bracketed_clock() {
        // 2020-10-16 is a Friday: the Thursday is the day before.
        let dct = CalendarDate::new(2020, 10, 16);
        let values: Vec<_> = extract("The blast came at 9:05 a.m. (0605 GMT) Thursday.", dct)
            .into_iter()
            .map(|m| m.value.unwrap_or_default())
            .collect();
        assert_eq!(
            values,
            ["2020-10-15T09:05", "2020-10-15T06:05", "2020-10-15"]
        );
    }
}

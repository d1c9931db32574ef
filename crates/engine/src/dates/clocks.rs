//! Clock times that name no day take the day written next to them: in
//! "on Monday at 3.00 pm", "at 3.00 pm on Monday" or "on 15 October at 9:12 a.m.
//! (5:12 GMT)" the time is on that day, not on the document date. A day a few words
//! earlier in the same clause governs it too ("flew Tuesday from Seattle at 18:00").

use super::expr::{DayRef, Expr, Tense};
use super::lexicon::lexicon;
use super::scan::Found;
use super::tokens::Toks;

/// How many tokens may separate a day from the clock time it governs ("at", "(").
const GAP: usize = 2;
/// How many tokens of the same clause may separate a day from a clock time after it
/// ("Tuesday in Everett, Washington at 18:00").
const CLAUSE_GAP: usize = 6;

/// Gives day-less clock times the day of an expression right before them, or right
/// after them across an `on` ("at 3.00 pm on Monday") or a bracketed second clock
/// ("11:20 a.m. (0820 GMT) Monday", "6 in the evening (6 p.m. local time Sunday)").
pub fn attach_days(toks: &Toks, found: &mut [Found]) {
    // Right to left, so a day reaches the first clock of "clock (clock) day".
    for k in (0..found.len().saturating_sub(1)).rev() {
        let (head, tail) = found.split_at_mut(k + 1);
        let (cur, next) = (&mut head[k], &tail[0]);
        // Only a day-less clock takes a day; the tokens are read only then (by now
        // they have left the cache).
        if next.first != cur.end + 1 || !matches!(cur.expr, Expr::Clock { day: None, .. }) {
            continue;
        }
        let day = match (toks.low(cur.end), &next.expr) {
            ("on" | ")", Expr::Day { day, part: None }) => Some(*day),
            ("(", Expr::Clock { day, .. }) => *day,
            _ => None,
        };
        give_day(cur, day, next.tense);
    }
    let lex = lexicon();
    for k in 1..found.len() {
        let (before, rest) = found.split_at_mut(k);
        let (prev, cur) = (&before[k - 1], &mut rest[0]);
        if !matches!(cur.expr, Expr::Clock { day: None, .. }) {
            continue;
        }
        let near = cur.first <= prev.end + GAP;
        let same_clause = cur.first <= prev.end + CLAUSE_GAP
            && (prev.end..cur.first).all(|j| !lex.word(toks.word(j)).clause_break);
        let day = match prev.expr {
            Expr::Day { day, part: None } if near || same_clause => Some(day),
            Expr::Clock { day, .. } if near => day,
            _ => None,
        };
        give_day(cur, day, prev.tense);
    }
}

/// Gives a day-less clock time `day`, if there is one, and the tense of the expression
/// the day came from.
fn give_day(clock: &mut Found, day: Option<DayRef>, tense: Tense) {
    if let (
        Some(d),
        Expr::Clock {
            day: slot @ None, ..
        },
    ) = (day, &mut clock.expr)
    {
        *slot = Some(d);
        clock.tense = tense;
    }
}

#[cfg(test)]
mod tests {
    use crate::calendar::CalendarDate;
    use crate::dates::extract;

    #[test]
    fn clock_takes_the_day_before_it() {
        let text = "The probe lifted off on 15 October at 9:12 a.m. local time (5:12 GMT).";
        let values: Vec<_> = extract(text, CalendarDate::new(2020, 10, 16))
            .into_iter()
            .map(|m| m.value.unwrap_or_default())
            .collect();
        assert_eq!(
            values,
            ["2020-10-15", "2020-10-15T09:12", "2020-10-15T05:12"]
        );
    }

    #[test]
    fn clock_takes_the_day_named_earlier_in_its_clause() {
        // 2020-10-16 is a Friday: Tuesday is the 13th.
        let dct = CalendarDate::new(2020, 10, 16);
        let values = |text: &str| -> Vec<String> {
            extract(text, dct)
                .into_iter()
                .map(|m| m.value.unwrap_or_default())
                .collect()
        };
        assert_eq!(
            values("The jet flew Tuesday from Toulouse, France at 18:00 UTC."),
            ["2020-10-13", "2020-10-13T18:00Z"]
        );
        assert_eq!(
            values("He said Tuesday that the shop would open at 9 a.m."),
            ["2020-10-13", "2020-10-16T09:00"]
        );
        assert_eq!(
            values("It ended Tuesday. Then, at 9 a.m., the doors opened."),
            ["2020-10-13", "2020-10-16T09:00"]
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

//! Inferring the document creation time when none is given: the first full date
//! (day, month and year) in a dateline or the first lines of the article.

use super::expr::{DayRef, Expr};
use super::scan::scan;
use super::tokens::Toks;
use crate::calendar::CalendarDate;

/// How much of the top of the article may hold its date (bytes).
const TOP: usize = 600;

/// The article's own date, from a dateline or a full date near the top.
pub fn infer(text: &str) -> Option<CalendarDate> {
    let mut cut = text.len().min(TOP);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let toks = Toks::new(&text[..cut]);
    scan(&toks).into_iter().find_map(|f| match f.expr {
        Expr::Day {
            day:
                DayRef::Calendar {
                    year: Some(y),
                    month,
                    day,
                },
            ..
        } => CalendarDate::new(y, month, day),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dateline_and_top_dates() {
        let d = infer("Markets fall\nOctober 06 , 2008\nStocks fell today.").unwrap();
        assert_eq!(d.to_string(), "2008-10-06");
        let d = infer("Published 27/09/2020 18:50\nClashes").unwrap();
        assert_eq!(d.to_string(), "2020-09-27");
        assert_eq!(infer("No date here, only 1994."), None);
        assert_eq!(infer(""), None);
    }
}

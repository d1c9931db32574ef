//! Live-blog time stamps: an entry stamp (`01:57` alone at the start of a line) carries
//! no date, and a blog that runs past midnight changes day between two stamps. The
//! stamps are read in order; the direction of the blog (newest first or oldest first)
//! is the direction most steps go, and a step that goes the other way by more than
//! [`WRAP_MINUTES`] is a midnight crossed. Newest-first blogs are anchored at their
//! oldest entry (the bottom), which is the day the document is dated.

use super::expr::{DayRef, Expr};
use super::scan::Found;

/// A jump backwards in clock time larger than this is a new day, not a late entry.
const WRAP_MINUTES: i32 = 6 * 60;

/// Gives each line-start stamp the day it belongs to, relative to the document date.
pub fn roll_days(found: &mut [Found]) {
    let stamps: Vec<(usize, i32)> = found
        .iter()
        .enumerate()
        .filter_map(|(k, f)| match f.expr {
            Expr::Clock {
                day: None,
                hour,
                minute,
                ..
            } if f.line_start => Some((k, i32::from(hour) * 60 + i32::from(minute))),
            _ => None,
        })
        .collect();
    if stamps.len() < 2 {
        return;
    }
    let down = stamps.windows(2).filter(|w| w[1].1 < w[0].1).count();
    let up = stamps.windows(2).filter(|w| w[1].1 > w[0].1).count();
    let newest_first = down > up;
    let mut offset = 0i64;
    let order: Box<dyn Iterator<Item = &(usize, i32)>> = if newest_first {
        Box::new(stamps.iter().rev())
    } else {
        Box::new(stamps.iter())
    };
    let mut last: Option<i32> = None;
    for &(k, minutes) in order {
        if last.is_some_and(|l| minutes + WRAP_MINUTES < l) {
            offset += 1;
        }
        last = Some(minutes);
        if offset != 0 {
            if let Expr::Clock { day, .. } = &mut found[k].expr {
                *day = Some(DayRef::Anchor(offset));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::scan::scan;
    use super::super::tokens::Toks;
    use super::*;

    #[test]
    fn newest_first_blog_crosses_midnight() {
        let text = "Live\n01:57\nA\n00:06\nB\n23:34\nC\n22:10\nD";
        let toks = Toks::new(text);
        let mut found = scan(&toks);
        roll_days(&mut found);
        let days: Vec<Option<DayRef>> = found
            .iter()
            .map(|f| match f.expr {
                Expr::Clock { day, .. } => day,
                _ => None,
            })
            .collect();
        assert_eq!(
            days,
            [Some(DayRef::Anchor(1)), Some(DayRef::Anchor(1)), None, None]
        );
    }
}

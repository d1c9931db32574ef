//! Quarterly reports: after a quarter has been named ("the third quarter"), "a year
//! ago" and "a year earlier" compare with the same quarter a year back, which TimeML
//! writes as that quarter (`1988-Q3`), not as the whole year.

use super::expr::{Expr, YearPart, YearRef};
use super::lexicon::Unit;
use super::scan::Found;
use super::tokens::Toks;

/// How many tokens after a quarter it still sets the frame of a comparison.
const FRAME_TOKENS: usize = 250;

/// Rewrites year-ago comparisons inside a quarter's frame; `values` are the normalised
/// values of `found`, in the same order; `year` is the document's year.
pub fn compare_quarters(
    toks: &Toks,
    found: &[Found],
    values: &mut [Option<String>],
    year: Option<i32>,
) {
    let mut frame: Option<(usize, i32, u8)> = None;
    for (f, value) in found.iter().zip(values.iter_mut()) {
        match &f.expr {
            // A quarter already a year back ("the year-ago quarter") is the comparison,
            // not the frame; so is a quarter of a year written before the document's
            // ("the 1988 period" in a 1989 report).
            Expr::Part {
                part: YearPart::Quarter(_),
                year: y,
            } if !matches!(y, YearRef::Shift(s) if *s < 0)
                && !matches!((y, year), (YearRef::Year(w), Some(d)) if *w < d) =>
            {
                frame = value
                    .as_deref()
                    .and_then(parse_quarter)
                    .map(|(y, q)| (f.end, y, q));
            }
            Expr::Shift {
                unit: Unit::Year,
                by: -1,
            } => {
                // "a year ago", and "the same period last year": the reported period.
                let comparison = matches!(toks.low(f.end - 1), "ago" | "earlier")
                    || (f.first..f.end).any(|k| toks.low(k) == "period");
                if let Some((at, y, q)) = frame {
                    if comparison && f.first.saturating_sub(at) <= FRAME_TOKENS {
                        *value = Some(format!("{:04}-Q{q}", y - 1));
                    }
                }
            }
            _ => {}
        }
    }
}

fn parse_quarter(v: &str) -> Option<(i32, u8)> {
    let (y, q) = v.split_once("-Q")?;
    Some((y.parse().ok()?, q.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use crate::calendar::CalendarDate;
    use crate::dates::extract;

    #[test]
    fn year_ago_in_a_quarter_is_that_quarter() {
        let text = "Net rose in the third quarter from $5 a year earlier.";
        let values: Vec<_> = extract(text, CalendarDate::new(1989, 11, 2))
            .into_iter()
            .map(|m| m.value.unwrap_or_default())
            .collect();
        assert_eq!(values, ["1989-Q3", "1988-Q3"]);
        let plain = extract(
            "It rose from a year earlier.",
            CalendarDate::new(1989, 11, 2),
        );
        assert_eq!(plain[0].value.as_deref(), Some("1988"));
        let past = extract(
            "Profit dipped during the 1988 period; the year-ago results carried a one-off gain.",
            CalendarDate::new(1989, 11, 2),
        );
        assert_eq!(past[1].value.as_deref(), Some("1988"));
        let period = extract(
            "Net rose in the third quarter from the corresponding period last year.",
            CalendarDate::new(1989, 11, 2),
        );
        assert_eq!(period[1].value.as_deref(), Some("1988-Q3"));
    }
}

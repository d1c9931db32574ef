//! Segments: a stretch of text cut at every annotation boundary, each piece with the
//! set of spans covering it.
//!
//! Annotations overlap and nest (a date inside a claim, two claims sharing a source),
//! and markup cannot: a view renders each segment once, wrapping it in one element per
//! covering span, outermost first. The order is fixed (earlier start, then longer, then
//! input order) so a span that covers several segments stays the outer wrapper in all
//! of them and its pieces line up.

use crate::text::ByteSpan;

/// A piece of text with no annotation boundary inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// Where the piece lies, in the same coordinates as the spans.
    pub span: ByteSpan,
    /// Indices (into the spans given to [`segments`]) of the spans covering the whole
    /// piece, outermost first; empty for plain text.
    pub covering: Vec<usize>,
}

/// Cuts `extent` at every boundary of `spans` (clipped to `extent`).
///
/// The segments are in order, adjacent and cover `extent` exactly, so concatenating
/// their text gives back the extent's text. Spans that are empty, or empty once clipped
/// to `extent`, cover nothing and are left out. An empty extent has no segments.
/// Cost: sorting the boundaries, then one pass; each segment lists its covering spans.
pub fn segments(extent: ByteSpan, spans: &[ByteSpan]) -> Vec<Segment> {
    let (lo, hi) = (extent.start().0, extent.end().0);
    if lo >= hi {
        return Vec::new();
    }
    // Clipped spans, ordered so that spans opening at the same boundary arrive
    // outermost (longest) first.
    let mut opening: Vec<(usize, usize, usize)> = spans
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (a, b) = (s.start().0.max(lo), s.end().0.min(hi));
            (a < b).then_some((a, b, i))
        })
        .collect();
    crate::order::sort_by_key(&mut opening, |&(a, b, i)| (a, std::cmp::Reverse(b), i));

    let mut cuts: Vec<usize> = Vec::with_capacity(opening.len() * 2 + 2);
    cuts.extend([lo, hi]);
    for &(a, b, _) in &opening {
        cuts.extend([a, b]);
    }
    crate::order::sort(&mut cuts);
    cuts.dedup();

    let mut out = Vec::with_capacity(cuts.len() - 1);
    // Open spans as (end, index), kept outermost first: a span opening later is
    // nested inside (or overlaps the tail of) every span already open.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut next = opening.iter().peekable();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        open.retain(|&(end, _)| end > a);
        while let Some(&&(start, end, i)) = next.peek() {
            if start != a {
                break;
            }
            open.push((end, i));
            next.next();
        }
        out.push(Segment {
            span: span(a, b),
            covering: open.iter().map(|&(_, i)| i).collect(),
        });
    }
    out
}

fn span(a: usize, b: usize) -> ByteSpan {
    ByteSpan::from_raw(a, b).unwrap_or_else(|_| unreachable!("cuts are sorted"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(a: usize, b: usize) -> ByteSpan {
        ByteSpan::from_raw(a, b).unwrap()
    }

    fn cut(extent: (usize, usize), spans: &[(usize, usize)]) -> Vec<(usize, usize, Vec<usize>)> {
        let spans: Vec<_> = spans.iter().map(|&(a, b)| s(a, b)).collect();
        segments(s(extent.0, extent.1), &spans)
            .into_iter()
            .map(|g| (g.span.start().0, g.span.end().0, g.covering))
            .collect()
    }

    #[test]
    fn plain_text_is_one_segment() {
        assert_eq!(cut((0, 5), &[]), vec![(0, 5, vec![])]);
    }

    #[test]
    fn empty_extent_has_no_segments() {
        assert!(cut((3, 3), &[(3, 3)]).is_empty());
    }

    #[test]
    fn a_span_cuts_the_text_around_it() {
        assert_eq!(
            cut((0, 10), &[(2, 5)]),
            vec![(0, 2, vec![]), (2, 5, vec![0]), (5, 10, vec![])]
        );
    }

    #[test]
    fn nested_spans_list_the_outer_first() {
        // A claim 0..10 holding a date 3..6; the date is given first.
        assert_eq!(
            cut((0, 10), &[(3, 6), (0, 10)]),
            vec![(0, 3, vec![1]), (3, 6, vec![1, 0]), (6, 10, vec![1])]
        );
    }

    #[test]
    fn crossing_spans_keep_their_order_in_every_piece() {
        assert_eq!(
            cut((0, 8), &[(0, 5), (3, 8)]),
            vec![(0, 3, vec![0]), (3, 5, vec![0, 1]), (5, 8, vec![1])]
        );
    }

    #[test]
    fn same_start_puts_the_longer_outside() {
        assert_eq!(
            cut((0, 6), &[(0, 2), (0, 6)]),
            vec![(0, 2, vec![1, 0]), (2, 6, vec![1])]
        );
    }

    #[test]
    fn identical_spans_both_cover_in_input_order() {
        assert_eq!(cut((0, 4), &[(0, 4), (0, 4)]), vec![(0, 4, vec![0, 1])]);
    }

    #[test]
    fn touching_spans_do_not_overlap() {
        assert_eq!(
            cut((0, 4), &[(0, 2), (2, 4)]),
            vec![(0, 2, vec![0]), (2, 4, vec![1])]
        );
    }

    #[test]
    fn spans_are_clipped_to_the_extent_and_empty_ones_dropped() {
        assert_eq!(
            cut((10, 20), &[(0, 12), (18, 30), (15, 15), (0, 5), (25, 30)]),
            vec![(10, 12, vec![0]), (12, 18, vec![]), (18, 20, vec![1])]
        );
    }

    #[test]
    fn segments_rebuild_the_text_on_char_boundaries() {
        let text = "Baku 🇦🇿 said é.";
        let spans = [s(0, 4), s(5, 13), s(0, 18)];
        let all = segments(s(0, text.len()), &spans);
        let rebuilt: String = all
            .iter()
            .map(|g| g.span.slice(text).expect("char boundaries"))
            .collect();
        assert_eq!(rebuilt, text);
    }
}

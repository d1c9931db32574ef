//! Sections: the runs of blocks ([`super::blocks`]) a long article is drawn in, so
//! that only the sections near what the reader sees are on the page. Ten megabytes of
//! paragraphs as elements (thirty thousand paragraphs, two hundred thousand
//! highlights) took minutes to draw and made every later key press cost the browser
//! seconds; a few sections of text cost it milliseconds, wherever the reader is.
//!
//! The rest of the article stands in as empty boxes of about the right height (one
//! box for each run of sections not drawn), so the page scrolls as if all of it were
//! there: [`Heights`] gives each section's height,
//! measured once it was drawn, else estimated from its length at the rate the drawn
//! ones showed. Which sections meet the part of the page in view is [`near`]'s to say,
//! from their places on the page; [`section_of`] finds the one a block (and so a
//! focused highlight) is in, so moving the focus anywhere draws it first.

use std::ops::Range;

use crate::text::ByteSpan;

/// The sections of an article whose blocks are `lengths` bytes long, in order: runs of
/// consecutive blocks closed as soon as they reach `budget` bytes (so every section
/// holds at least one block, and a block longer than the budget is one section).
pub fn sections(lengths: impl IntoIterator<Item = usize>, budget: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut spent, mut i) = (0, 0, 0);
    for len in lengths {
        spent += len;
        i += 1;
        if spent >= budget {
            out.push(start..i);
            (start, spent) = (i, 0);
        }
    }
    if start < i {
        out.push(start..i);
    }
    out
}

/// The section holding block `block`, if any.
pub fn section_of(sections: &[Range<usize>], block: usize) -> Option<usize> {
    let k = sections.partition_point(|s| s.end <= block);
    sections.get(k).filter(|s| s.contains(&block)).map(|_| k)
}

/// The block a text offset belongs to: the one it falls in, else the next one (an
/// offset in the white space between two paragraphs); `None` after the last block.
pub fn block_at(blocks: &[ByteSpan], offset: usize) -> Option<usize> {
    let i = blocks.partition_point(|b| b.end().0 <= offset);
    (i < blocks.len()).then_some(i)
}

/// The sections among `count` that meet the band `from..to` of the page, given where
/// each lies (`extent(k)`: its top and bottom, in the same coordinates, in order down
/// the page). Looks at about twice the logarithm of `count` sections, so it can read
/// their places from the page on every scroll.
pub fn near(
    count: usize,
    extent: impl Fn(usize) -> (f64, f64),
    from: f64,
    to: f64,
) -> Range<usize> {
    let first = partition(count, |k| extent(k).1 <= from);
    let end = first + partition(count - first, |k| extent(first + k).0 < to);
    first..end
}

/// The number of leading `k` in `0..count` for which `pred` holds (it holds for a
/// prefix, then never).
fn partition(count: usize, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

/// The height of each section on the page: measured once drawn, else estimated from
/// its length in bytes at the height per byte that the measured sections showed
/// (before any is measured, at `per_byte`).
#[derive(Debug, Clone, PartialEq)]
pub struct Heights {
    bytes: Vec<usize>,
    measured: Vec<Option<f64>>,
    /// Bytes and height of all sections measured so far (the estimate's rate).
    seen: (usize, f64),
    per_byte: f64,
}

impl Heights {
    /// Heights of sections `bytes` long, estimated at `per_byte` until measured.
    pub fn new(bytes: Vec<usize>, per_byte: f64) -> Heights {
        Heights {
            measured: vec![None; bytes.len()],
            bytes,
            seen: (0, 0.0),
            per_byte,
        }
    }

    /// Section `k`'s height: measured, else estimated (0 past the last section).
    pub fn height(&self, k: usize) -> f64 {
        match (self.measured.get(k), self.bytes.get(k)) {
            (Some(Some(h)), _) => *h,
            (_, Some(&b)) => b as f64 * self.rate(),
            _ => 0.0,
        }
    }

    /// The height of sections `range` together (the part past the last counts 0).
    pub fn total(&self, range: Range<usize>) -> f64 {
        range.map(|k| self.height(k)).sum()
    }

    /// The estimate's height per byte.
    pub fn rate(&self) -> f64 {
        match self.seen {
            (bytes, px) if bytes > 0 => px / bytes as f64,
            _ => self.per_byte,
        }
    }

    /// Records section `k`'s height as drawn; true when that changes any height by
    /// more than `tolerance` (a fraction): the boxes standing in for the sections
    /// not drawn are then worth redrawing at their new heights.
    pub fn measure(&mut self, k: usize, px: f64, tolerance: f64) -> bool {
        let (Some(slot), Some(&bytes)) = (self.measured.get_mut(k), self.bytes.get(k)) else {
            return false;
        };
        if !px.is_finite() || px < 0.0 {
            return false;
        }
        let before_rate = match self.seen {
            (b, h) if b > 0 => Some(h / b as f64),
            _ => None,
        };
        let before = slot.replace(px);
        self.seen = match before {
            None => (self.seen.0 + bytes, self.seen.1 + px),
            Some(b) => (self.seen.0, self.seen.1 + px - b),
        };
        let differs = |a: f64, b: f64| (a - b).abs() > tolerance * a.abs().max(b.abs()).max(1.0);
        let rate_moved = match before_rate {
            Some(r) => differs(r, self.rate()),
            None => differs(self.per_byte, self.rate()),
        };
        rate_moved || before.is_some_and(|b| differs(b, px))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_cover_every_block_once_and_close_at_the_budget() {
        let s = sections([10, 10, 10, 30, 5, 5], 20);
        assert_eq!(s, [0..2, 2..4, 4..6]);
        assert_eq!(
            sections([100, 1], 20),
            [0..1, 1..2],
            "a long block is its own"
        );
        assert!(sections([], 20).is_empty());
        assert_eq!(
            sections([0, 0], 20),
            vec![0..2],
            "empty blocks still belong somewhere"
        );
    }

    #[test]
    fn a_block_is_found_in_its_section() {
        let s = sections([10, 10, 10, 30, 5, 5], 20);
        assert_eq!(section_of(&s, 0), Some(0));
        assert_eq!(section_of(&s, 3), Some(1));
        assert_eq!(section_of(&s, 5), Some(2));
        assert_eq!(section_of(&s, 6), None);
    }

    #[test]
    fn an_offset_belongs_to_its_block_or_the_next() {
        let b = |a, z| ByteSpan::from_raw(a, z).unwrap();
        let blocks = [b(0, 5), b(7, 12)];
        assert_eq!(block_at(&blocks, 0), Some(0));
        assert_eq!(block_at(&blocks, 4), Some(0));
        assert_eq!(
            block_at(&blocks, 5),
            Some(1),
            "the gap goes with the next block"
        );
        assert_eq!(block_at(&blocks, 11), Some(1));
        assert_eq!(block_at(&blocks, 12), None);
    }

    #[test]
    fn the_sections_near_a_band_are_those_it_meets() {
        // Ten sections of 100 px from y = 0.
        let extent = |k: usize| (k as f64 * 100.0, (k + 1) as f64 * 100.0);
        assert_eq!(near(10, extent, 150.0, 320.0), 1..4);
        assert_eq!(near(10, extent, -50.0, 10.0), 0..1);
        assert_eq!(near(10, extent, 2000.0, 3000.0), 10..10, "below the last");
        assert_eq!(near(10, extent, -500.0, -100.0), 0..0, "above the first");
        assert_eq!(near(0, extent, 0.0, 100.0), 0..0);
    }

    #[test]
    fn heights_are_estimated_until_measured_and_learn_the_rate() {
        let mut h = Heights::new(vec![100, 200, 100], 0.5);
        assert_eq!(h.height(1), 100.0);
        assert!(h.measure(0, 100.0, 0.1), "the first measure moves the rate");
        assert_eq!(h.height(0), 100.0);
        assert_eq!(h.height(1), 200.0, "one pixel a byte, as measured");
        assert!(!h.measure(2, 105.0, 0.1), "close to the estimate");
        assert_eq!(h.height(2), 105.0);
        assert!(!h.measure(2, 106.0, 0.1));
        assert!(h.measure(2, 300.0, 0.1), "a section that grew");
        assert_eq!(h.height(3), 0.0);
        assert_eq!(h.total(0..4), h.height(0) + h.height(1) + h.height(2));
        assert_eq!(h.height(1), 400.0, "the rate follows the new measure");
        assert_eq!(h.total(1..1), 0.0);
        assert!(!h.measure(7, 10.0, 0.1), "no such section");
        assert!(!h.measure(1, f64::NAN, 0.1));
    }
}

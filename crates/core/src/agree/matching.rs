//! Span matching as `shared/eval/score.py` defines it, so agreement numbers and
//! evaluation numbers mean the same thing.
//!
//! - strict: a pair iff both spans have the same (start, end), one-to-one, each B
//!   span taking the first unused A span with that extent;
//! - relaxed: any overlap; one-to-one greedy matching, largest overlap first, then
//!   the smaller length difference, then the earlier A start, then the earlier B start.

use std::collections::HashMap;

/// A span in code points, `(start, end)`.
pub type Extent = (usize, usize);

/// Characters two spans share.
pub fn overlap(a: Extent, b: Extent) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Strict pairs `(index in a, index in b)`.
pub fn strict(a: &[Extent], b: &[Extent]) -> Vec<(usize, usize)> {
    let mut by_extent: HashMap<Extent, Vec<usize>> = HashMap::new();
    for (i, e) in a.iter().enumerate().rev() {
        by_extent.entry(*e).or_default().push(i);
    }
    b.iter()
        .enumerate()
        .filter_map(|(j, e)| by_extent.get_mut(e).and_then(Vec::pop).map(|i| (i, j)))
        .collect()
}

/// Relaxed pairs `(index in a, index in b)`.
pub fn relaxed(a: &[Extent], b: &[Extent]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..a.len()).collect();
    crate::order::sort_by_key(&mut order, |&i| a[i]);
    let starts: Vec<usize> = order.iter().map(|&i| a[i].0).collect();
    let longest = a.iter().map(|e| e.1 - e.0).max().unwrap_or(0);
    let mut candidates = Vec::new();
    for (j, &p) in b.iter().enumerate() {
        // A spans that can overlap p start in (p.start - longest, p.end).
        let lo = starts.partition_point(|&s| s <= p.0.saturating_sub(longest));
        let lo = if p.0 < longest { 0 } else { lo };
        let hi = starts.partition_point(|&s| s < p.1);
        for &i in &order[lo.min(hi)..hi] {
            let ov = overlap(a[i], p);
            if ov > 0 {
                let len_diff = (a[i].1 - a[i].0).abs_diff(p.1 - p.0);
                candidates.push((std::cmp::Reverse(ov), len_diff, a[i].0, p.0, i, j));
            }
        }
    }
    crate::order::sort(&mut candidates);
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut pairs = Vec::new();
    for (.., i, j) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_is_one_to_one() {
        let a = [(0, 4), (0, 4), (5, 9)];
        let b = [(0, 4), (0, 4), (0, 4), (6, 9)];
        assert_eq!(strict(&a, &b), vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn relaxed_prefers_the_largest_overlap() {
        let a = [(0, 10), (12, 20)];
        let b = [(8, 14), (0, 3), (13, 19)];
        let mut pairs = relaxed(&a, &b);
        pairs.sort_unstable();
        // (13,19) takes (12,20) with 6, (0,3) takes (0,10) with 3; (8,14) is left.
        assert_eq!(pairs, vec![(0, 1), (1, 2)]);
        assert!(relaxed(&[], &b).is_empty());
    }
}

//! Stable sorting through one shared sort routine.
//!
//! Why: the standard library's `sort_by_key`/`sort_unstable` is compiled anew for
//! every element type and key closure, some 3.5 KB of wasm each; with thirty sorts
//! that was a tenth of the app's code. Here the sort itself is compiled once (it
//! orders indices through a `dyn` comparison) and only a small permutation step is
//! per type. Cost: `O(n log n)` comparisons through one indirect call each, and one
//! `Vec<usize>` per sort; the lists sorted (findings, annotations, rows) are short
//! next to the text.

use std::cmp::Ordering;

/// Sorts `items` by `key`, keeping the order of equal keys (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let order = indices(items.len(), &mut |a, b| key(&items[a]).cmp(&key(&items[b])));
    permute(items, order);
}

/// Sorts `items` with a comparison, keeping the order of equal items (like
/// `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = indices(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` in ascending order (like `slice::sort`; also used where the standard
/// unstable sort was, as equal items are interchangeable there).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The items of `lists` in one list sorted by `key`, exactly as a stable sort of the
/// lists joined in order would give them. Lists that are each sorted already (the
/// usual case: every extractor returns its findings in text order) are merged in
/// linear time; otherwise the joined list is sorted.
pub fn sort_lists_by_key<T, K: Ord>(lists: Vec<Vec<T>>, key: impl Fn(&T) -> K) -> Vec<T> {
    let total = lists.iter().map(Vec::len).sum();
    let mut out = Vec::with_capacity(total);
    if !lists.iter().all(|l| l.is_sorted_by_key(&key)) {
        for list in lists {
            out.extend(list);
        }
        sort_by_key(&mut out, key);
        return out;
    }
    let mut heads: Vec<_> = lists
        .into_iter()
        .map(|l| l.into_iter().peekable())
        .collect();
    loop {
        // The first list holding the smallest head: equal keys keep the lists' order.
        let mut best: Option<(usize, K)> = None;
        for (i, head) in heads.iter_mut().enumerate() {
            if let Some(item) = head.peek() {
                let k = key(item);
                if best.as_ref().is_none_or(|(_, b)| k < *b) {
                    best = Some((i, k));
                }
            }
        }
        let Some((i, _)) = best else {
            return out;
        };
        out.extend(heads[i].next());
    }
}

/// The positions `0..n` in the order `compare` gives them (stable). The one place
/// the standard sort is instantiated.
fn indices(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following
/// each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        // `order[at] == at` marks a position already settled.
        while order[at] != at {
            let from = std::mem::replace(&mut order[at], at);
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_sort() {
        let mut pairs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e'), (2, 'f')];
        let mut expected = pairs.clone();
        expected.sort_by_key(|p| p.0);
        sort_by_key(&mut pairs, |p| p.0);
        assert_eq!(pairs, expected);
        sort_by(&mut pairs, |a, b| b.1.cmp(&a.1));
        assert_eq!(pairs.iter().map(|p| p.1).collect::<String>(), "fedcba");
        let mut empty: Vec<u8> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }

    #[test]
    fn sorted_lists_merge_like_a_stable_sort() {
        let lists = vec![
            vec![(1, 'a'), (3, 'b'), (3, 'c')],
            vec![(0, 'd'), (3, 'e')],
            vec![],
            vec![(1, 'f'), (9, 'g')],
        ];
        let merged = sort_lists_by_key(lists, |p| p.0);
        assert_eq!(merged.iter().map(|p| p.1).collect::<String>(), "dafbceg");
        // An unsorted list falls back to sorting.
        let merged = sort_lists_by_key(vec![vec![(2, 'a'), (1, 'b')], vec![(1, 'c')]], |p| p.0);
        assert_eq!(merged.iter().map(|p| p.1).collect::<String>(), "bca");
    }

    proptest::proptest! {
        #[test]
        fn any_list_sorts_as_the_standard_sort_does(
            items in proptest::collection::vec((0u8..6, 0u16..1000), 0..80),
        ) {
            let mut mine = items.clone();
            let mut std_sorted = items.clone();
            sort_by_key(&mut mine, |p| p.0);
            std_sorted.sort_by_key(|p| p.0);
            proptest::prop_assert_eq!(&mine, &std_sorted);
            let mut mine = items.clone();
            let mut std_sorted = items;
            sort(&mut mine);
            std_sorted.sort();
            proptest::prop_assert_eq!(mine, std_sorted);
        }

        #[test]
        fn lists_merge_as_the_standard_sort_does(
            lists in proptest::collection::vec(
                proptest::collection::vec((0u8..6, 0u16..1000), 0..20), 0..5),
            presort in proptest::bool::ANY,
        ) {
            let mut lists = lists;
            if presort {
                for l in &mut lists {
                    l.sort_by_key(|p| p.0);
                }
            }
            let mut std_sorted: Vec<_> = lists.concat();
            std_sorted.sort_by_key(|p| p.0);
            proptest::prop_assert_eq!(sort_lists_by_key(lists, |p| p.0), std_sorted);
        }
    }
}

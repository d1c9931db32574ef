//! Cohen's kappa over tokens: each token gets the kind of the annotation covering
//! it (the first by start, the longer on a tie) or `O`, once per annotator.

use std::collections::HashMap;

/// Counts of token labels by the two annotators, pooled over documents.
#[derive(Debug, Default, Clone)]
pub struct Confusion {
    pairs: HashMap<(&'static str, &'static str), usize>,
    total: usize,
}

impl Confusion {
    /// Records one token labelled `a` by the first annotator and `b` by the second.
    pub fn add(&mut self, a: &'static str, b: &'static str) {
        *self.pairs.entry((a, b)).or_default() += 1;
        self.total += 1;
    }

    /// Tokens counted.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Cohen's kappa; 1.0 when chance agreement is total (both gave one label
    /// to every token, the same one) and for no tokens at all.
    pub fn kappa(&self) -> f64 {
        if self.total == 0 {
            return 1.0;
        }
        let n = self.total as f64;
        let mut agree = 0usize;
        let mut row: HashMap<&str, usize> = HashMap::new();
        let mut col: HashMap<&str, usize> = HashMap::new();
        for (&(a, b), &c) in &self.pairs {
            if a == b {
                agree += c;
            }
            *row.entry(a).or_default() += c;
            *col.entry(b).or_default() += c;
        }
        let po = agree as f64 / n;
        let pe: f64 = row
            .iter()
            .map(|(k, &r)| r as f64 / n * col.get(k).copied().unwrap_or(0) as f64 / n)
            .sum();
        if pe >= 1.0 {
            return 1.0;
        }
        (po - pe) / (1.0 - pe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kappa_matches_a_worked_example() {
        // 50 tokens: 20 both X, 15 both O, 5 X/O, 10 O/X -> po 0.7, pe 0.5, kappa 0.4.
        let mut c = Confusion::default();
        for (a, b, n) in [
            ("X", "X", 20),
            ("O", "O", 15),
            ("X", "O", 5),
            ("O", "X", 10),
        ] {
            for _ in 0..n {
                c.add(a, b);
            }
        }
        assert!((c.kappa() - 0.4).abs() < 1e-9, "{}", c.kappa());
        let mut same = Confusion::default();
        same.add("O", "O");
        assert_eq!(same.kappa(), 1.0);
    }
}

//! A fast, non-cryptographic hasher for the word tables of every layer (actors, dates, claims).
//!
//! The standard hasher resists hash flooding, which an annotator of the user's own
//! documents does not need, and costs several times more per word; every token of a
//! text is looked up at least once, so the tables use this multiply-rotate hash
//! (the one rustc uses) instead.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hasher over 8-byte words.
#[derive(Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The shapes (first byte, length) of a word list's entries: a test that rules out
/// most words of a text without hashing them, for lists looked up once per word.
#[derive(Clone)]
pub struct Shapes([u32; 256]);

impl Default for Shapes {
    fn default() -> Self {
        Shapes([0; 256])
    }
}

impl Shapes {
    /// The shapes of `words`.
    pub fn of<'a>(words: impl IntoIterator<Item = &'a str>) -> Self {
        let mut s = Shapes::default();
        for w in words {
            s.add(w);
        }
        s
    }

    fn add(&mut self, w: &str) {
        if let Some(&b) = w.as_bytes().first() {
            self.0[usize::from(b)] |= 1 << w.len().min(31);
        }
    }

    /// False when no entry has `w`'s first byte and length (so `w` is not listed).
    #[inline]
    pub fn may_hold(&self, w: &str) -> bool {
        w.as_bytes()
            .first()
            .is_some_and(|&b| self.may_hold_shape(b, w.len()))
    }

    /// False when no entry starts with byte `first` and is `len` bytes long: the
    /// test of [`Shapes::may_hold`] for a word not built yet.
    #[inline]
    pub fn may_hold_shape(&self, first: u8, len: usize) -> bool {
        self.0[usize::from(first)] >> len.min(31) & 1 == 1
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
/// A `HashSet` with [`FastHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_work() {
        let mut m: FastMap<&str, u32> = FastMap::default();
        m.insert("Armenia", 1);
        m.insert("Azerbaijan", 2);
        assert_eq!(m.get("Armenia"), Some(&1));
        assert_eq!(m.get("Azerbaijan"), Some(&2));
        assert_eq!(m.get("Armenian"), None);
    }

    #[test]
    fn shapes_never_rule_out_an_entry() {
        let long = "a".repeat(40);
        let s = Shapes::of(["community", "fans", long.as_str()]);
        assert!(s.may_hold("community") && s.may_hold("fans") && s.may_hold(&long));
        assert!(
            s.may_hold(&"a".repeat(33)),
            "lengths from 31 up share one bit"
        );
        assert!(!s.may_hold("communit") && !s.may_hold("the") && !s.may_hold(""));
    }
}

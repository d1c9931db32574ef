//! The scene the claim finders share: cues and quotes indexed by token, so that
//! "the next cue after this comma" or "the quote around this word" costs one lookup.

use super::context::Context;
use super::cues::Cue;
use super::quotes::Quote;

/// Shared view for the finders: cues, quotes and lookups by token.
pub(crate) struct Scene<'c, 't> {
    /// The text.
    pub ctx: &'c Context<'t>,
    /// Cues in text order.
    pub cues: &'c [Cue],
    /// Top-level quotes in text order.
    pub quotes: &'c [Quote],
    /// For each token, the index of the first cue starting at or after it.
    next_cue: Vec<u32>,
    /// For each token, the quote opening there, if any.
    quote_at: Vec<u32>,
    /// For each token, the quote it lies inside, if any.
    inside: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl<'c, 't> Scene<'c, 't> {
    /// Indexes cues and quotes by token.
    pub fn new(ctx: &'c Context<'t>, cues: &'c [Cue], quotes: &'c [Quote]) -> Self {
        let mut next_cue = vec![NONE; ctx.len() + 1];
        let mut k = cues.len();
        for i in (0..ctx.len()).rev() {
            while k > 0 && cues[k - 1].start >= i {
                k -= 1;
            }
            next_cue[i] = if k < cues.len() { k as u32 } else { NONE };
        }
        let mut quote_at = vec![NONE; ctx.len() + 1];
        let mut inside = vec![NONE; ctx.len() + 1];
        for (n, q) in quotes.iter().enumerate() {
            if let Some(slot) = quote_at.get_mut(q.open) {
                *slot = n as u32;
            }
            // Top-level quotes do not overlap: this stays linear.
            for slot in inside.iter_mut().take(q.inner_end).skip(q.inner_start) {
                *slot = n as u32;
            }
        }
        Scene {
            ctx,
            cues,
            quotes,
            next_cue,
            quote_at,
            inside,
        }
    }

    /// The first cue starting at or after token `i`.
    pub fn cue_from(&self, i: usize) -> Option<usize> {
        self.next_cue
            .get(i)
            .copied()
            .filter(|&c| c != NONE)
            .map(|c| c as usize)
    }

    /// The quote whose opening mark is token `i`.
    pub fn quote_opening(&self, i: usize) -> Option<usize> {
        self.quote_at
            .get(i)
            .copied()
            .filter(|&q| q != NONE)
            .map(|q| q as usize)
    }

    /// The quote token `i` lies inside.
    pub fn quote_around(&self, i: usize) -> Option<&Quote> {
        self.inside
            .get(i)
            .copied()
            .filter(|&q| q != NONE)
            .and_then(|q| self.quotes.get(q as usize))
    }
}

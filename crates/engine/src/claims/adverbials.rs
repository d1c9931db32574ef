//! Adverbial openers: loads the words that open a time, place or manner phrase next to
//! a reporting cue (`data/claims/adverbials.txt`), and which of them may also close a
//! statement after its cue (`..., he said on Friday.`).

use crate::actors::fasthash::FastMap as HashMap;
use std::sync::OnceLock;

static ADVERBIALS: &str = crate::data::word_list!(include_str!("../../data/claims/adverbials.txt"));

/// Each opener, with true when its phrase may also close a statement.
fn openers() -> &'static HashMap<&'static str, bool> {
    static OPENERS: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    OPENERS.get_or_init(|| {
        crate::data::fields(ADVERBIALS)
            .filter_map(|f| Some((*f.first()?, f.get(1) == Some(&"tail"))))
            .collect()
    })
}

/// True when the lower-case word `w` opens a time, place or manner phrase
/// (`in a statement`, `repeatedly`).
pub(super) fn opens_adverbial(w: &str) -> bool {
    openers().contains_key(w)
}

/// True when the lower-case word `w` opens a phrase that may close a statement after its
/// cue, up to the end of the sentence (`said on Friday.`, not `said again.`).
pub(super) fn opens_closing_adverbial(w: &str) -> bool {
    openers().get(w).copied().unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tail_openers_are_a_subset_of_openers() {
        assert!(opens_adverbial("in") && opens_closing_adverbial("in"));
        assert!(opens_adverbial("friday") && opens_closing_adverbial("friday"));
        assert!(opens_adverbial("again") && !opens_closing_adverbial("again"));
        assert!(opens_adverbial("to") && !opens_closing_adverbial("to"));
        assert!(!opens_adverbial("that") && !opens_closing_adverbial("that"));
    }
}

//! Tests of the verb families of the cue lexicon (`data/claims/cues.txt`): one short
//! sentence per family with its source, cue, content and stance, and the uses the
//! lexicon leaves out on purpose.

// The same helpers as the claims tests: content, source, cue and stance as strings.
use super::tests::{claims, has};
use crate::model::Stance;

#[test]
fn manner_of_speaking() {
    has(
        "“Go home,” the protesters chanted.",
        "Go home",
        "the protesters",
        "chanted",
        Stance::Assert,
    );
    has(
        "The coach muttered that the referee had been unfair.",
        "the referee had been unfair",
        "The coach",
        "muttered",
        Stance::Assert,
    );
}

#[test]
fn warnings_and_requests() {
    has(
        "Several economists cautioned that the recovery could stall.",
        "the recovery could stall",
        "Several economists",
        "cautioned",
        Stance::Assert,
    );
    has(
        "The mayor begged residents to stay indoors.",
        "residents to stay indoors",
        "The mayor",
        "begged",
        Stance::Call,
    );
}

#[test]
fn beliefs_and_feelings() {
    has(
        "Many investors assumed that the bank was safe.",
        "the bank was safe",
        "Many investors",
        "assumed that",
        Stance::Assert,
    );
    has(
        "The senator openly admires the general.",
        "the general",
        "The senator",
        "openly admires",
        Stance::Assert,
    );
    has(
        "The minister is convinced that the deal will hold.",
        "the deal will hold",
        "The minister",
        "is convinced that",
        Stance::Assert,
    );
}

#[test]
fn resistance_criticism_and_topics() {
    has(
        "The governor bristled at the suggestion that he would resign.",
        "the suggestion that he would resign",
        "The governor",
        "bristled at",
        Stance::Deny,
    );
    has(
        "The senator grilled the banker over the fees.",
        "the banker over the fees",
        "The senator",
        "grilled",
        Stance::Accuse,
    );
    has(
        "The report examines how the river flooded the town.",
        "how the river flooded the town",
        "The report",
        "examines",
        Stance::Assert,
    );
}

#[test]
fn evidence_decisions_and_documents() {
    has(
        "The filing detailed payments to three consultants.",
        "payments to three consultants",
        "The filing",
        "detailed",
        Stance::Report,
    );
    has(
        "The council imposed new limits on rents.",
        "new limits on rents",
        "The council",
        "imposed",
        Stance::Assert,
    );
    has(
        "The unions filed a motion to halt the merger.",
        "to halt the merger",
        "The unions",
        "filed a motion",
        Stance::Assert,
    );
}

#[test]
fn left_out_uses_are_no_claims() {
    for text in [
        "She sang at church every week.",
        "The new law requires a permit for every stall.",
        "Both sides declared martial law.",
        "The town enjoyed a quiet summer.",
        "The ministry published a video of the strike.",
    ] {
        assert!(claims(text).is_empty(), "{text}: {:?}", claims(text));
    }
}

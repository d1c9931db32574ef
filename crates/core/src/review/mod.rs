//! Helping a person review a document: live checks that flag annotations needing
//! attention, and navigation from one annotation (or open suggestion) to the next.
//! Plain functions of a [`crate::model::Document`]; the UI calls them after each edit.

pub mod checks;
pub mod navigate;

pub use checks::{check, recheck, Issue, IssueKind};
pub use navigate::{
    next, next_overlapping, next_suggestion, open_suggestions, overlapping, previous,
    previous_suggestion, Anchor, SuggestionCounts,
};

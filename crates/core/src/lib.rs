//! claimlens-core: the engine of claimlens, with no web dependency.
//!
//! Design:
//! - **Text is sacred.** A [`model::Document`] keeps the text exactly as given; every
//!   annotation is a span into it. Spans are UTF-8 bytes inside the engine and are
//!   converted at the edges ([`text::OffsetMap`]) to code points (files) or UTF-16
//!   (the DOM); each unit is its own type, so mixing them does not compile.
//! - **Extractors are data-driven.** [`dates`], [`actors`] and [`claims`] read their
//!   word lists and rules from `data/`, each entry with its reason.
//! - **Suggestions, then decisions.** [`annotate::annotate`] only suggests; people
//!   accept, reject and edit, and provenance records which is which.
//! - **Edits are data.** The correction editor is pure: [`edit::apply`] turns an
//!   [`edit::Edit`] into a [`edit::Patch`], an [`edit::History`] undoes and redoes
//!   them, [`command::resolve`] maps a [`keymap`] shortcut to an action, and
//!   [`review`] and [`views`] compute checks, navigation and the reader's panels.
//!   The UI only dispatches, so every behaviour is tested natively.
//! - **Formats check spans.** [`formats`] never moves a span silently: a span that
//!   does not fit the text is an error naming its place.
//! - **Nothing lost, as pure data.** The workspace is [`library`] (documents, titles,
//!   status, trash, search), [`ingest`] (files to documents), [`cleanup`] (page
//!   furniture out, with the data to put it back), [`store`] (the versioned record the
//!   browser persists, upgrades, and the two-tab write check) and [`redate`] (a new
//!   document date re-normalises machine date values). The app only does the I/O.

#![deny(missing_docs)]

// The annotator proper is its own package, compiled for speed in the wasm (see
// claimlens-engine); its modules keep their paths here, and `annotate` names both the
// module and the function, as before.
pub use claimlens_engine::{
    actors, annotate, calendar, claims, data, dates, decimal, model, order, text,
};

/// Embeds a list of `data/` without its comment lines and reasons, at compile time, as
/// the engine's `word_list!` does (and with the same [`data::entries`] and
/// [`data::fields`] after): the reasons are for reviewers, and the web app need not
/// download them.
macro_rules! data_list {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const LEN: usize = ::claimlens_engine::data::compact_into(TEXT, &mut []);
        const BYTES: [u8; LEN] = {
            let mut out = [0; LEN];
            ::claimlens_engine::data::compact_into(TEXT, &mut out);
            out
        };
        match ::core::str::from_utf8(&BYTES) {
            Ok(list) => list,
            Err(_) => panic!("data_list!: compaction split a character"),
        }
    }};
}

pub mod agree;
pub mod cleanup;
pub mod command;
pub mod edit;
pub mod formats;
pub mod ingest;
pub mod keymap;
pub mod legend;
pub mod library;
pub mod redate;
pub mod review;
pub mod segments;
pub mod store;
#[cfg(test)]
mod test_support;
pub mod timeml;
pub mod views;

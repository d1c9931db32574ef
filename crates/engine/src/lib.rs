//! claimlens-engine: the annotator proper, with no web dependency.
//!
//! It owns what [`annotate()`] runs on every document: the text primitives
//! ([`text`]: offsets in their three units, tokens, sentences), the word-list reader
//! ([`data`]) and the data files under `data/`, the [`calendar`], the [`decimal`]
//! writer of dates and numbers, the annotation [`model`] and its [`order`], and the
//! three extractors ([`actors`], [`dates`], [`claims`]). `claimlens-core` re-exports
//! every module under the same name and adds everything around them (editing,
//! review, formats, the workspace).
//!
//! Why a package of its own: Cargo sets optimisation per package
//! (`[profile.release.package.NAME]`). The web app is compiled for size (opt-level
//! "z"), which makes the extractors' hot loops slow in WebAssembly; as their own
//! package they are compiled for speed while the rest of the app, far larger and
//! rarely hot, stays small (root `Cargo.toml`, `crates/core/benches/README.md`).

#![deny(missing_docs)]

pub mod actors;
pub mod annotate;
pub mod calendar;
pub mod claims;
pub mod data;
pub mod dates;
pub mod decimal;
pub mod model;
pub mod order;
pub mod text;

pub use annotate::annotate;

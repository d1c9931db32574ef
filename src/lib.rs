//! The claimlens web app: a Yew front end over `claimlens_core`.
//!
//! Design (after Yew's `function_todomvc` and `contexts` examples):
//! - [`state`] holds the whole app state and the [`state::Action`]s that change it; its
//!   reducer only calls pure functions of the core, so behaviour is tested natively.
//! - [`layout`] and [`describe`] turn a [`claimlens_core::model::Document`] into plain
//!   view data (paragraphs, marks, tooltip rows): pure, also tested natively.
//! - [`components`] are presentational: `*Props` with data and `on*` callbacks; one
//!   `ContextProvider` carries the reducer handle to the containers that need it.
//! - [`download`] saves files; [`storage`] keeps the workspace in IndexedDB and
//!   registers the service worker; [`workspace`] is the document library around the
//!   open document. Also touching the browser: the correction editor: [`editor`] (its reducer over the core's `edit` and `command`,
//!   and its DOM reads in `editor::dom`), [`keyboard`] (shortcuts) and [`panels`]
//!   (the reader's views), and [`exchange::browser`] (files and the batch worker).
//! - [`exchange`] is the panel for many documents: imports, the batch worker,
//!   the export menu and the agreement view, with its own reducer.
//!
//! Pasted text only ever reaches the DOM as text nodes: nothing is parsed as HTML.

pub mod components;
pub mod decimals;
pub mod describe;
pub mod download;
pub mod editor;
pub mod exchange;
pub mod keyboard;
pub mod layout;
pub mod panels;
pub mod state;
pub mod storage;
pub mod workspace;

/// The JavaScript API (`annotate`, `annotateDocument`, `version`): re-exported so it
/// is linked into this wasm, where the batch worker and other pages call it.
pub use claimlens_wasm_api as api;

/// Mounts the app on the page's `<body>`; does nothing in a worker, which loads this
/// wasm only for its JavaScript API.
pub fn run() {
    if web_sys::window().is_none() {
        return;
    }
    storage::offline::register_service_worker();
    yew::Renderer::<components::App>::new().render();
}

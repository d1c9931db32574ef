//! The browser storage of the workspace: IndexedDB records of every document
//! ([`idb`], a tiny callback wrapper), the write policy and two-tab rule
//! ([`persist`]), storage usage and persistence ([`usage`]), and the service worker
//! that keeps the app itself available offline ([`offline`]).

pub mod idb;
pub mod offline;
pub mod persist;
pub mod usage;

//! The workspace: many documents in a library sidebar, the open document's bar (title,
//! status, date, clean-up), and the storage status. [`state`] is the pure reducer;
//! [`WorkspaceProvider`] owns it, keeps it in IndexedDB (`crate::storage`) and keeps
//! the open document in step with the app state the editor works on.

mod document_bar;
pub mod files;
pub mod paste;
mod provider;
mod sidebar;
pub mod state;
mod storage_bar;

pub use document_bar::DocumentBar;
pub use paste::{use_paste_annotation, PasteAnnotation};
pub use provider::{WorkspaceHandle, WorkspaceProvider};
pub use sidebar::LibrarySidebar;
pub use state::{PickedFile, StorageReport, WorkspaceAction, WorkspaceState};
pub use storage_bar::StorageBar;

/// Now, in milliseconds since 1970 (the library's time stamps).
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

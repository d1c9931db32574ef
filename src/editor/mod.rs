//! The correction editor in the browser: the review bar, the article with keyboard
//! focus on its highlights, the attribute panel and the reader views. Behaviour lives
//! in the core (`edit`, `command`, `review`, `views`); [`session`] is the reducer over
//! it, [`dom`] the few direct DOM reads, [`Editor`] the container that wires them.

mod attributes;
pub mod dom;
mod review_bar;
mod sections;
mod session;
mod view;

pub use attributes::{AttributePanel, AttributePanelProps};
pub use review_bar::{ReviewBar, ReviewBarProps};
pub use session::{reduce, EditorAction, LayerTotals, Revisions, Session};
pub use view::Editor;

//! What a reader checking one article sees beside the text, as plain data: the actors
//! panel, the timeline and the claims table ("who claimed what, when"). Each row
//! carries annotation ids so a click can jump to the text. Rejected annotations are
//! left out: they are not labels.

pub mod actors;
pub mod claims;
pub mod timeline;

pub use actors::{actors_panel, EntityRow};
pub use claims::{claims_table, sort_claims, ClaimColumn, ClaimDate, ClaimRow, DateBasis};
pub use timeline::{timeline, TimelineEntry, Unresolved};

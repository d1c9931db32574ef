//! What a reader checking one article sees, as plain data: the highlight segments of
//! the text, the actors panel, the timeline and the claims table ("who claimed what,
//! when"). Each row carries annotation ids so a click can jump to the text. The
//! panels leave rejected annotations out (they are not labels); segments keep them,
//! for the UI to grey out.

pub mod actors;
pub mod blocks;
pub mod claim_date;
pub mod claims;
pub mod reach;
pub mod sections;
pub mod segments;
pub mod timeline;

pub use actors::{actors_panel, EntityRow};
pub use blocks::blocks;
pub use claim_date::{ClaimDate, ClaimDating, DateBasis};
pub use claims::{claims_table, sort_claims, ClaimColumn, ClaimRow};
pub use reach::{candidates, reach};
pub use sections::{block_at, near, section_of, sections, Heights};
pub use segments::{segments, touched_paragraphs, Mark, Role, Segment};
pub use timeline::{timeline, TimelineEntry, Unresolved};

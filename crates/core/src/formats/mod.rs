//! Reading and writing documents in files: the native document JSON, and the formats
//! of other annotation tools.

pub mod native;

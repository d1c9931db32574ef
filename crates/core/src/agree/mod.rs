//! Agreement between two annotated versions of the same documents.

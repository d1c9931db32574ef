//! stub
use super::ExportOptions;
use crate::model::Document;
/// stub
pub fn export(_doc: &Document, _o: &ExportOptions) -> String {
    String::new()
}

//! stub
use super::ExportOptions;
use crate::model::Document;
/// stub
pub fn export(_docs: &[Document], _o: &ExportOptions) -> String {
    String::new()
}

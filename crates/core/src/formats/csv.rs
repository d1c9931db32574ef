//! CSV of claims, one row per claim: document, claim id, status, source, source
//! entity, stance, cue, content, date (value), date as written, offsets.
//!
//! RFC 4180 (CRLF rows, fields with a comma, quote or line break quoted, quotes
//! doubled) and safe to open in a spreadsheet: a cell starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return would be read as a formula, so it gets a leading
//! `'` (the OWASP advice); news text starts cells with `-` or `+` often enough to matter.

use crate::model::Document;

use super::claim_rows::rows;
use super::ExportOptions;

/// The header row's names.
pub const COLUMNS: [&str; 12] = [
    "document",
    "claim_id",
    "status",
    "source",
    "source_entity",
    "stance",
    "cue",
    "content",
    "date",
    "date_text",
    "start",
    "end",
];

/// A cell neutralised against formula injection and quoted when needed.
pub fn cell(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if neutral.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}

/// Writes the claims of `docs` as CSV.
pub fn export(docs: &[Document], options: &ExportOptions) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for doc in docs {
        for r in rows(doc, options) {
            let fields = [
                doc.id.as_str(),
                &r.id.to_string(),
                r.status,
                &r.source,
                &r.source_entity,
                r.stance,
                &r.cue,
                &r.content,
                &r.date,
                &r.date_text,
                &r.start.to_string(),
                &r.end.to_string(),
            ];
            let line: Vec<String> = fields.iter().map(|f| cell(f)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2 soldiers"), "'-2 soldiers");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("\r=1"), "\"'\r=1\"");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"no\"\nnow"), "\"say \"\"no\"\"\nnow\"");
    }
}

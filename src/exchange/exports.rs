//! What an export from the app downloads: the core's files for the chosen format,
//! as one file, or as one `.zip` ([`claimlens_core::formats::archive`]) when the
//! format writes several (brat, or one file per document).

use claimlens_core::formats::{archive, export, ExportOptions, Format, OutputFile};
use claimlens_core::model::Document;

/// A file for the browser to save.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The suggested file name.
    pub name: String,
    /// Its MIME type.
    pub mime: &'static str,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The download for `docs` in `format`.
///
/// # Errors
/// No documents, or an archive the ZIP writer refuses (a file over 4 GB), in words
/// the user can act on.
pub fn download(
    docs: &[Document],
    format: Format,
    options: &ExportOptions,
) -> Result<Download, String> {
    if docs.is_empty() {
        return Err("There is no document to export: annotate or import one first.".into());
    }
    let mut files = export(docs, format, options);
    if files.len() == 1 {
        let OutputFile { name, bytes } = files.remove(0);
        let mime = mime_of(&name);
        return Ok(Download { name, mime, bytes });
    }
    let bytes =
        archive::zip(&files).map_err(|e| format!("The archive could not be written: {e}"))?;
    Ok(Download {
        name: format!("claimlens-{}.zip", format.name()),
        mime: "application/zip",
        bytes,
    })
}

/// The MIME type of an exported file, by its extension.
pub fn mime_of(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "json" | "jsonld" => "application/json",
        "jsonl" => "application/jsonl",
        "csv" => "text/csv",
        "html" => "text/html",
        _ => "text/plain",
    }
}

/// A short label of a format for the menu.
pub fn label(format: Format) -> &'static str {
    match format {
        Format::Json => "Native JSON",
        Format::Jsonl => "Native JSONL",
        Format::Brat => "brat standoff (.zip)",
        Format::Conll => "CoNLL IOB2",
        Format::Spacy => "spaCy / Prodigy JSONL",
        Format::Doccano => "doccano JSONL",
        Format::LabelStudio => "Label Studio JSON",
        Format::W3c => "W3C Web Annotation",
        Format::Csv => "CSV of claims",
        Format::Html => "HTML report",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs() -> Vec<Document> {
        vec![
            claimlens_core::annotate("a", "Baku said on Monday that Yerevan lied. 👍", None),
            claimlens_core::annotate("b", "Paris denied it.", None),
        ]
    }

    #[test]
    fn one_file_downloads_as_itself() {
        let d = download(&docs()[..1], Format::Json, &ExportOptions::default()).expect("json");
        assert_eq!((d.name.as_str(), d.mime), ("a.json", "application/json"));
        let d = download(&docs(), Format::Doccano, &ExportOptions::default()).expect("doccano");
        assert_eq!(d.name, "documents.doccano.jsonl");
    }

    #[test]
    fn several_files_download_as_one_zip_that_opens() {
        for format in [Format::Brat, Format::W3c, Format::Html] {
            let d = download(&docs(), format, &ExportOptions::default()).expect("zip");
            assert_eq!(d.mime, "application/zip");
            let files = archive::read(&d.bytes).expect("opens");
            assert!(files.len() >= 2, "{format:?}");
        }
    }

    #[test]
    fn nothing_to_export_says_so() {
        assert!(download(&[], Format::Csv, &ExportOptions::default()).is_err());
    }
}

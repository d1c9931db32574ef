//! Turning dropped or picked files into documents for the library.
//!
//! One call per file, [`ingest`]: the file's bytes are checked (empty, binary and
//! invalid UTF-8 files are refused with an [`IngestError`] saying so), then read by
//! their extension:
//!
//! | extension | becomes |
//! |---|---|
//! | `.txt`, `.text`, none | the text exactly as in the file |
//! | `.md`, `.markdown` | the text exactly as in the file (markdown link targets are page furniture [`crate::cleanup`] can strip) |
//! | `.html`, `.htm` | the page's visible text ([`html::to_text`]: scripts, styles and head dropped, never executed) |
//! | `.json` | one native document, annotations included ([`crate::formats::native::from_json`]) |
//! | `.jsonl`, `.ndjson` | one document a line: native documents or `{"id", "text", "dct"}` objects; a bad line is skipped with a notice naming its line, the others import |
//!
//! A leading byte-order mark is dropped (with a notice), since it is no part of the
//! article. A document with neither a `dct` nor annotations gets the date its text
//! shows, if any ([`crate::dates::infer_dct`]), with a notice. Otherwise text is never trimmed or re-encoded. Every result lists what
//! happened in [`Ingested::notices`], for the import summary.
//!
//! Documents come back without annotations unless the file had them; the app
//! annotates new ones in its worker, then adds them with
//! [`crate::library::Library::add_document`] under [`IngestedDoc::title`].

pub mod html;
pub mod limit;

use std::fmt;

use thiserror::Error;

use crate::formats::import::jsonl_lines;
use crate::formats::native;
use crate::library::{title_from_file, title_from_text};
use crate::model::Document;

/// How many bytes from the start are searched for NUL bytes, the mark of a binary file.
const SNIFF: usize = 8192;
/// How many bytes from the start of a page are searched for its `<title>`.
const TITLE_SEARCH: usize = 64 * 1024;

/// One document read from a file, with the title the library should show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestedDoc {
    /// The document (its id is the file's or line's id, or empty: the library makes one).
    pub document: Document,
    /// A title: the HTML `<title>`, the JSON id, or the file name.
    pub title: String,
}

/// How much a notice matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Something was done as asked (`3 documents read`).
    Info,
    /// Something was changed or skipped that the user may want to check.
    Warning,
}

/// What an import did or skipped, for the user to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Info or warning.
    pub level: Level,
    /// The file.
    pub file: String,
    /// The 1-based line it concerns (JSONL), if any.
    pub line: Option<usize>,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(n) = self.line {
            write!(f, ":{n}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// The documents read from one file and what happened on the way.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ingested {
    /// The documents, in file order.
    pub documents: Vec<IngestedDoc>,
    /// What was done, changed or skipped.
    pub notices: Vec<Notice>,
}

/// Why a file gave no document.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IngestError {
    /// Zero bytes, or only white space.
    #[error("{file}: the file is empty: nothing to import")]
    Empty {
        /// The file.
        file: String,
    },
    /// NUL bytes: an image, PDF, Word file or archive.
    #[error("{file}: this is a binary file, not text; save the article as .txt, .md, .html or .json and import that")]
    Binary {
        /// The file.
        file: String,
    },
    /// UTF-16 text (it starts with a UTF-16 byte-order mark).
    #[error("{file}: the text is UTF-16; re-save it as UTF-8 and import it again")]
    Utf16 {
        /// The file.
        file: String,
    },
    /// Not UTF-8.
    #[error("{file}: the text is not UTF-8 (first bad byte at {at}); re-save it as UTF-8 and import it again")]
    InvalidUtf8 {
        /// The file.
        file: String,
        /// Byte offset of the first invalid sequence.
        at: usize,
    },
    /// An extension this importer does not read.
    #[error("{file}: `.{extension}` files are not read here; use .txt, .md, .html, .json or .jsonl (other annotation formats: Import from format)")]
    Unsupported {
        /// The file.
        file: String,
        /// Its extension.
        extension: String,
    },
    /// Every document of the file is longer than one document can be.
    #[error("{file}: {too_long}")]
    TooLong {
        /// The file.
        file: String,
        /// How long (the first too long, when the file held several).
        too_long: limit::TooLong,
    },
    /// A `.json` file that is not a claimlens document.
    #[error("{file}: {message}")]
    Json {
        /// The file.
        file: String,
        /// What is wrong (from the document reader).
        message: String,
    },
    /// A `.jsonl` file none of whose lines could be read.
    #[error("{file}: no line could be read as a document ({bad} bad lines; the first: line {first_line}: {first_message})")]
    NoGoodLine {
        /// The file.
        file: String,
        /// How many lines were bad.
        bad: usize,
        /// The first bad line.
        first_line: usize,
        /// Why it was bad.
        first_message: String,
    },
}

/// What kind of file a name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text.
    Text,
    /// Markdown, kept as text.
    Markdown,
    /// A web page.
    Html,
    /// One native document.
    Json,
    /// One document a line.
    Jsonl,
}

impl FileKind {
    /// The kind a file name's extension says, or `None` for others.
    pub fn from_name(name: &str) -> Option<FileKind> {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let ext = match base.rfind('.') {
            Some(i) if i > 0 => base[i + 1..].to_ascii_lowercase(),
            _ => return Some(FileKind::Text),
        };
        Some(match ext.as_str() {
            "txt" | "text" => FileKind::Text,
            "md" | "markdown" => FileKind::Markdown,
            "html" | "htm" | "xhtml" => FileKind::Html,
            "json" => FileKind::Json,
            "jsonl" | "ndjson" => FileKind::Jsonl,
            _ => return None,
        })
    }
}

/// Reads one file into documents.
///
/// # Errors
/// An empty, binary, non-UTF-8 or unsupported file; a `.json` file that is not a
/// document; a `.jsonl` file with no good line. (Bad lines among good ones are
/// notices, not errors.)
pub fn ingest(name: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    let file = name.to_string();
    let ext = || {
        name.rsplit_once('.')
            .map_or(String::new(), |(_, e)| e.to_ascii_lowercase())
    };
    let kind = FileKind::from_name(name).ok_or_else(|| IngestError::Unsupported {
        file: file.clone(),
        extension: ext(),
    })?;
    let mut out = Ingested::default();
    let text = decode(name, bytes, &mut out.notices)?;
    let stem = title_from_file(name);
    match kind {
        FileKind::Text | FileKind::Markdown => out.documents.push(IngestedDoc {
            document: Document::new("", text, None),
            title: stem,
        }),
        FileKind::Html => {
            let body = html::to_text(text);
            if body.trim().is_empty() {
                return Err(IngestError::Empty { file });
            }
            let title = html_title(text).unwrap_or(stem);
            out.notices.push(Notice {
                level: Level::Info,
                file: file.clone(),
                line: None,
                message: "read as text: markup, scripts and styles were dropped".into(),
            });
            out.documents.push(IngestedDoc {
                document: Document::new("", body, None),
                title,
            });
        }
        FileKind::Json => {
            let document = native::from_json(text).map_err(|e| IngestError::Json {
                file: file.clone(),
                message: e.to_string(),
            })?;
            let title = titled(&document, &stem);
            out.documents.push(IngestedDoc { document, title });
        }
        FileKind::Jsonl => jsonl(name, text, &stem, &mut out)?,
    }
    refuse_too_long(&file, &mut out)?;
    for d in &mut out.documents {
        infer_dct(&mut d.document, name, &mut out.notices);
    }
    let n = out.documents.len();
    out.notices.push(Notice {
        level: Level::Info,
        file,
        line: None,
        message: format!("{n} document{} read", if n == 1 { "" } else { "s" }),
    });
    Ok(out)
}

/// Drops the documents longer than [`limit::MAX_TEXT_BYTES`], each with a warning
/// naming it; when that leaves none, the file is refused.
fn refuse_too_long(file: &str, out: &mut Ingested) -> Result<(), IngestError> {
    let before = out.documents.len();
    let mut first = None;
    out.documents
        .retain(|d| match limit::check_length(d.document.text.len()) {
            Ok(()) => true,
            Err(too_long) => {
                first.get_or_insert(too_long);
                out.notices.push(Notice {
                    level: Level::Warning,
                    file: file.to_string(),
                    line: None,
                    message: format!("{:?} was not added: {too_long}", d.title),
                });
                false
            }
        });
    match first {
        Some(too_long) if out.documents.is_empty() && before > 0 => Err(IngestError::TooLong {
            file: file.to_string(),
            too_long,
        }),
        _ => Ok(()),
    }
}

/// The file's text: refused when empty, binary or not UTF-8; a BOM dropped.
fn decode<'b>(
    name: &str,
    bytes: &'b [u8],
    notices: &mut Vec<Notice>,
) -> Result<&'b str, IngestError> {
    let file = || name.to_string();
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(IngestError::Utf16 { file: file() });
    }
    if bytes[..bytes.len().min(SNIFF)].contains(&0) {
        return Err(IngestError::Binary { file: file() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        file: file(),
        at: e.valid_up_to(),
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(t) => {
            notices.push(Notice {
                level: Level::Info,
                file: file(),
                line: None,
                message: "a byte-order mark at the start was dropped".into(),
            });
            t
        }
        None => text,
    };
    if text.trim().is_empty() {
        return Err(IngestError::Empty { file: file() });
    }
    Ok(text)
}

fn jsonl(name: &str, text: &str, stem: &str, out: &mut Ingested) -> Result<(), IngestError> {
    let mut bad: Vec<(usize, String)> = Vec::new();
    for (n, line) in jsonl_lines(text) {
        match native::from_json(line) {
            Ok(document) => {
                let title = if document.id.trim().is_empty() {
                    format!("{stem} line {n}")
                } else {
                    document.id.clone()
                };
                out.documents.push(IngestedDoc { document, title });
            }
            Err(e) => bad.push((n, e.to_string())),
        }
    }
    if out.documents.is_empty() {
        let (first_line, first_message) = bad.first().cloned().unwrap_or((1, "no line".into()));
        return Err(IngestError::NoGoodLine {
            file: name.to_string(),
            bad: bad.len(),
            first_line,
            first_message,
        });
    }
    out.notices
        .extend(bad.into_iter().map(|(line, message)| Notice {
            level: Level::Warning,
            file: name.to_string(),
            line: Some(line),
            message: format!("line skipped: {message}"),
        }));
    Ok(())
}

/// Gives a document without a `dct` and without annotations the date its text shows
/// (a dateline or a full date near the top), with a notice; annotated documents keep
/// what their file says, since their date values were worked out against it.
fn infer_dct(doc: &mut Document, file: &str, notices: &mut Vec<Notice>) {
    if doc.dct.is_some() || !doc.annotations.is_empty() {
        return;
    }
    if let Some(d) = crate::dates::infer_dct(&doc.text) {
        doc.dct = Some(d);
        notices.push(Notice {
            level: Level::Info,
            file: file.to_string(),
            line: None,
            message: format!("document date {d} read from the text (change it if it is wrong)"),
        });
    }
}

/// A JSON document's title: its id, else the file name.
fn titled(doc: &Document, stem: &str) -> String {
    if doc.id.trim().is_empty() {
        stem.to_string()
    } else {
        doc.id.clone()
    }
}

/// The text of the page's `<title>`, if it has a visible one.
fn html_title(page: &str) -> Option<String> {
    let mut cut = page.len().min(TITLE_SEARCH);
    while !page.is_char_boundary(cut) {
        cut -= 1;
    }
    let lower = page[..cut].to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    let title = title_from_text(&html::decode_entities(&page[start..end]));
    (title != "Untitled").then_some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_markdown_are_kept_exactly() {
        let got = ingest("news/a.txt", b"\xEF\xBB\xBFHead\r\n\r\nBody  ").unwrap();
        assert_eq!(got.documents[0].document.text, "Head\r\n\r\nBody  ");
        assert_eq!(got.documents[0].title, "a");
        assert!(got
            .notices
            .iter()
            .any(|n| n.message.contains("byte-order mark")));
        let dated = ingest("c.txt", b"Talks fail\n3 May 2021\nThe ministry said.").unwrap();
        assert_eq!(
            dated.documents[0].document.dct.map(|d| d.to_string()),
            Some("2021-05-03".into())
        );
        assert!(dated
            .notices
            .iter()
            .any(|n| n.message.contains("2021-05-03 read from the text")));
        let md = ingest("b.md", b"See [the report](https://x.org).").unwrap();
        assert_eq!(
            md.documents[0].document.text,
            "See [the report](https://x.org)."
        );
    }

    #[test]
    fn html_is_read_as_text_with_its_title() {
        let page = b"<html><head><title>Talks &amp; more</title><script>x()</script></head><body><p>One.</p><p>Two.</p></body></html>";
        let got = ingest("page.html", page).unwrap();
        assert_eq!(got.documents[0].document.text, "One.\n\nTwo.");
        assert_eq!(got.documents[0].title, "Talks & more");
        assert!(matches!(
            ingest("x.htm", b"<script>only()</script>"),
            Err(IngestError::Empty { .. })
        ));
    }

    #[test]
    fn native_json_keeps_annotations() {
        let json = br#"{"id":"d1","text":"Baku said no.","actors":[{"start":0,"end":4,"kind":"country"}]}"#;
        let got = ingest("d.json", json).unwrap();
        assert_eq!(got.documents[0].title, "d1");
        assert_eq!(got.documents[0].document.annotations.len(), 1);
        let err = ingest("d.json", br#"{"text":"ab","actors":[{"start":0,"end":9}]}"#).unwrap_err();
        assert!(err.to_string().starts_with("d.json: actors[0]"), "{err}");
    }

    #[test]
    fn jsonl_bad_line_is_reported_and_others_import() {
        let batch = b"{\"id\":\"a\",\"text\":\"One.\"}\n\n{broken\n{\"text\":\"Two.\",\"dct\":\"2021-05-03\"}\n";
        let got = ingest("batch.jsonl", batch).unwrap();
        let texts: Vec<_> = got
            .documents
            .iter()
            .map(|d| d.document.text.as_str())
            .collect();
        assert_eq!(texts, ["One.", "Two."]);
        assert_eq!(got.documents[1].title, "batch line 4");
        let warn: Vec<_> = got
            .notices
            .iter()
            .filter(|n| n.level == Level::Warning)
            .collect();
        assert_eq!(warn.len(), 1);
        assert_eq!(warn[0].line, Some(3));
        assert!(warn[0]
            .to_string()
            .starts_with("batch.jsonl:3: line skipped"));
        assert!(matches!(
            ingest("b.jsonl", b"nope\n[1]\n"),
            Err(IngestError::NoGoodLine {
                bad: 2,
                first_line: 1,
                ..
            })
        ));
    }

    #[test]
    fn binary_empty_and_foreign_files_are_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(
            ingest("a.txt", png),
            Err(IngestError::Binary { .. })
        ));
        assert_eq!(
            ingest("a.txt", b"ok \xFF\xFE"),
            Err(IngestError::InvalidUtf8 {
                file: "a.txt".into(),
                at: 3
            })
        );
        assert!(matches!(
            ingest("a.txt", b""),
            Err(IngestError::Empty { .. })
        ));
        assert!(matches!(
            ingest("a.txt", b"\xFF\xFEa\0"),
            Err(IngestError::Utf16 { .. })
        ));
        assert!(matches!(
            ingest("a.md", b" \n\t"),
            Err(IngestError::Empty { .. })
        ));
        let e = ingest("a.pdf", b"%PDF").unwrap_err();
        assert!(e.to_string().contains("`.pdf` files are not read here"));
        assert!(ingest("README", b"plain").is_ok());
    }

    #[test]
    fn a_text_longer_than_one_document_can_be_is_refused_and_the_others_import() {
        let long = "word ".repeat(limit::MAX_TEXT_BYTES / 5 + 1);
        let e = ingest("feed.txt", long.as_bytes()).expect_err("too long");
        assert!(matches!(e, IngestError::TooLong { .. }), "{e}");
        let message = e.to_string();
        assert!(
            message.starts_with("feed.txt: the text is 12.1 MB"),
            "{message}"
        );
        assert!(message.contains("split it"), "{message}");
        let lines = format!(
            "{{\"id\":\"big\",\"text\":\"{long}\"}}\n{{\"id\":\"small\",\"text\":\"Paris.\"}}\n"
        );
        let read = ingest("feed.jsonl", lines.as_bytes()).expect("the small one imports");
        assert_eq!(read.documents.len(), 1);
        assert_eq!(read.documents[0].document.id, "small");
        let warned = read.notices.iter().find(|n| n.level == Level::Warning);
        let warned = warned.map(|n| n.to_string()).unwrap_or_default();
        assert!(
            warned.contains("\"big\" was not added: the text is 12.1 MB"),
            "{warned}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_give_documents_or_a_typed_error(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..120),
            ext in "(txt|md|html|json|jsonl|bin)",
        ) {
            let _ = ingest(&format!("f.{ext}"), &bytes);
        }
    }
}

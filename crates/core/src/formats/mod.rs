//! Reading and writing documents in files: the native document JSON, and the formats
//! of other annotation tools.
//!
//! Everything here is a pure function from documents to bytes and back, so the CLI
//! and the web app share it. Exports write code points unless a format (or the
//! caller) asks for UTF-16; imports check every span against the text it quotes and
//! detect files whose offsets were counted in UTF-16 units or UTF-8 bytes
//! ([`units`]). Third-party exports leave rejected suggestions out and mark the
//! open ones; the native format keeps everything.

pub mod archive;
pub mod brat;
pub mod claim_rows;
pub mod conll;
pub mod csv;
pub mod doccano;
mod draft;
pub mod handover;
pub mod html;
pub mod import;
pub mod json_escapes;
pub(crate) mod json_write;
pub mod labels;
pub mod labelstudio;
pub mod native;
mod offset_tally;
pub mod segments;
pub mod spacy;
pub mod units;
pub mod w3c;

use std::collections::HashSet;

use crate::model::{Annotation, Document, Status};

pub use import::{import, ImportError, Imported, InputFile, Notice, Place};

/// A file format claimlens writes (and, for some, reads).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Native document JSON: one `.json` per document (JSONL when there are several).
    Json,
    /// Native document JSON Lines: one document per line.
    Jsonl,
    /// brat standoff: `.txt` + `.ann` per document, and `annotation.conf`.
    Brat,
    /// CoNLL IOB2 columns, one tag column per layer (export only).
    Conll,
    /// spaCy/Prodigy JSONL with tokens, spans and relations (export only).
    Spacy,
    /// doccano sequence-labelling JSONL with entities and relations.
    Doccano,
    /// Label Studio tasks JSON.
    LabelStudio,
    /// W3C Web Annotation JSON-LD, one annotation collection per document.
    W3c,
    /// CSV of claims, one row per claim (export only).
    Csv,
    /// A self-contained HTML report per document (export only).
    Html,
}

impl Format {
    /// Every format, in the order the usage text lists them.
    pub const ALL: [Format; 10] = [
        Format::Json,
        Format::Jsonl,
        Format::Brat,
        Format::Conll,
        Format::Spacy,
        Format::Doccano,
        Format::LabelStudio,
        Format::W3c,
        Format::Csv,
        Format::Html,
    ];

    /// The name used on the command line and in the app.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::Spacy => "spacy",
            Format::Doccano => "doccano",
            Format::LabelStudio => "labelstudio",
            Format::W3c => "w3c",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The format with this name (a few common spellings are accepted).
    pub fn from_name(name: &str) -> Option<Format> {
        let n = name.to_ascii_lowercase().replace(['-', '_'], "");
        Format::ALL
            .into_iter()
            .find(|f| f.name() == n)
            .or(match n.as_str() {
                "native" => Some(Format::Json),
                "prodigy" => Some(Format::Spacy),
                "iob" | "iob2" => Some(Format::Conll),
                "ls" => Some(Format::LabelStudio),
                "webannotation" | "jsonld" => Some(Format::W3c),
                _ => None,
            })
    }

    /// True when claimlens can read this format back.
    pub fn can_import(self) -> bool {
        matches!(
            self,
            Format::Json
                | Format::Jsonl
                | Format::Brat
                | Format::Doccano
                | Format::LabelStudio
                | Format::W3c
        )
    }
}

/// Which unit third-party offsets are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OffsetUnit {
    /// Unicode code points (Python `str` indexing): the default.
    #[default]
    CodePoint,
    /// UTF-16 code units (JavaScript string indexing).
    Utf16,
}

/// Choices an export can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// Offset unit for doccano (the others fix their own unit).
    pub unit: OffsetUnit,
    /// Include open suggestions (marked as such); when false only accepted
    /// annotations are written to third-party formats.
    pub include_suggestions: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            unit: OffsetUnit::CodePoint,
            include_suggestions: true,
        }
    }
}

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// File name, relative (may contain `/` for a folder in an archive).
    pub name: String,
    /// Contents.
    pub bytes: Vec<u8>,
}

impl OutputFile {
    fn text(name: impl Into<String>, text: String) -> Self {
        OutputFile {
            name: name.into(),
            bytes: text.into_bytes(),
        }
    }
}

/// Writes `docs` in `format`. One file when the format holds several documents;
/// several files (to put in an archive or a folder) otherwise.
pub fn export(docs: &[Document], format: Format, options: &ExportOptions) -> Vec<OutputFile> {
    let mut names = FileNames::default();
    match format {
        Format::Json if docs.len() == 1 => {
            let name = names.unique(&docs[0].id, "json");
            vec![OutputFile::text(name, native::to_json(&docs[0]) + "\n")]
        }
        Format::Json | Format::Jsonl => {
            vec![OutputFile::text("documents.jsonl", native::to_jsonl(docs))]
        }
        Format::Brat => brat::export(docs, options, &mut names),
        Format::Conll => vec![OutputFile::text(
            "documents.conll",
            conll::export(docs, options),
        )],
        Format::Spacy => vec![OutputFile::text(
            "documents.spacy.jsonl",
            spacy::export(docs, options),
        )],
        Format::Doccano => vec![OutputFile::text(
            "documents.doccano.jsonl",
            doccano::export(docs, options),
        )],
        Format::LabelStudio => vec![OutputFile::text(
            "documents.labelstudio.json",
            labelstudio::export(docs, options),
        )],
        Format::W3c => docs
            .iter()
            .map(|d| OutputFile::text(names.unique(&d.id, "jsonld"), w3c::export(d, options)))
            .collect(),
        Format::Csv => vec![OutputFile::text("claims.csv", csv::export(docs, options))],
        Format::Html => docs
            .iter()
            .map(|d| OutputFile::text(names.unique(&d.id, "html"), html::export(d, options)))
            .collect(),
    }
}

/// The annotations a third-party export writes: never rejected ones, and open
/// suggestions only when asked.
pub(crate) fn exported<'d>(
    doc: &'d Document,
    options: &ExportOptions,
) -> impl Iterator<Item = &'d Annotation> {
    let with_suggestions = options.include_suggestions;
    doc.annotations.iter().filter(move |a| match a.status {
        Status::Rejected => false,
        Status::Suggested => with_suggestions,
        Status::Accepted => true,
    })
}

/// Hands out file names made from document ids: safe characters only, and never the
/// same name twice (two ids can clean up to the same name).
#[derive(Debug, Default)]
pub struct FileNames {
    used: HashSet<String>,
}

impl FileNames {
    /// `id` cleaned to a file stem, with `ext`, made unique among the names given out.
    pub fn unique(&mut self, id: &str, ext: &str) -> String {
        let stem = Self::stem(id);
        let mut name = format!("{stem}.{ext}");
        let mut n = 2;
        while !self.used.insert(name.to_ascii_lowercase()) {
            name = format!("{stem}-{n}.{ext}");
            n += 1;
        }
        name
    }

    /// A unique stem for a pair of files (`.txt` and `.ann`) sharing it.
    pub fn unique_stem(&mut self, id: &str) -> String {
        let stem = Self::stem(id);
        let mut name = stem.clone();
        let mut n = 2;
        while !self.used.insert(name.to_ascii_lowercase()) {
            name = format!("{stem}-{n}");
            n += 1;
        }
        name
    }

    fn stem(id: &str) -> String {
        let clean: String = id
            .chars()
            .take(150)
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let clean = clean.trim_matches('.');
        if clean.is_empty() {
            "document".into()
        } else {
            clean.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(f));
        }
        assert_eq!(Format::from_name("Label-Studio"), Some(Format::LabelStudio));
        assert_eq!(Format::from_name("xml"), None);
    }

    #[test]
    fn file_names_are_safe_and_unique() {
        let mut names = FileNames::default();
        assert_eq!(names.unique("a/b c", "json"), "a_b_c.json");
        assert_eq!(names.unique("a?b c", "json"), "a_b_c-2.json");
        assert_eq!(names.unique("..", "json"), "document.json");
        assert_eq!(names.unique_stem("x"), "x");
        assert_eq!(names.unique_stem("x"), "x-2");
    }
}

//! Reading files of any importable format into documents: format detection, brat
//! file pairing, archives, and the error and notice types every importer shares.
//!
//! An import is all or nothing: the first malformed file or misfitting span stops
//! it with an [`ImportError`] naming the file and line (or JSON path), and no
//! document is returned, so a workspace never takes in half a file.

use std::collections::BTreeMap;
use std::fmt;

use thiserror::Error;

use crate::model::Document;

use super::{archive, brat, doccano, labelstudio, native, w3c, Format};

/// A file handed to [`import`]: its name (for messages and format detection) and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The file's name or path.
    pub name: String,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Where in a file something is: a line, a JSON path, both, or the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Place {
    /// 1-based line.
    pub line: Option<usize>,
    /// JSON path inside the line or file (`$.annotations[0].result[2]`).
    pub path: Option<String>,
}

impl Place {
    /// The whole file.
    pub fn whole() -> Self {
        Place::default()
    }
    /// A line.
    pub fn line(n: usize) -> Self {
        Place {
            line: Some(n),
            path: None,
        }
    }
    /// A JSON path.
    pub fn path(p: impl Into<String>) -> Self {
        Place {
            line: None,
            path: Some(p.into()),
        }
    }
    /// A JSON path inside a line (JSONL).
    pub fn at(line: Option<usize>, p: impl Into<String>) -> Self {
        Place {
            line,
            path: Some(p.into()),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(n) = self.line {
            write!(f, ":{n}")?;
        }
        if let Some(p) = &self.path {
            write!(f, ": {p}")?;
        }
        Ok(())
    }
}

/// Why an import failed: the file, the place in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{file}{place}: {message}")]
pub struct ImportError {
    /// The file's name.
    pub file: String,
    /// Where in the file.
    pub place: Place,
    /// What is wrong, in words a user can act on.
    pub message: String,
}

impl ImportError {
    /// An error at `place` of `file`.
    pub fn new(file: &str, place: Place, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            place,
            message: message.into(),
        }
    }
}

/// Something an import changed or skipped on purpose, for the user to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The file it concerns.
    pub file: String,
    /// The document it concerns.
    pub document: String,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}", self.file, self.document, self.message)
    }
}

/// The result of an import: every document, and what the user should know.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Imported {
    /// Documents, in the order of the files.
    pub documents: Vec<Document>,
    /// Unit conversions and skipped parts, each named.
    pub notices: Vec<Notice>,
}

/// Guesses a file's format from its name, then its first bytes. `None` when neither
/// tells (or for archives, which [`import`] opens itself).
pub fn detect(name: &str, bytes: &[u8]) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "ann" | "txt" => return Some(Format::Brat),
        "jsonld" => return Some(Format::W3c),
        "csv" => return Some(Format::Csv),
        "html" | "htm" => return Some(Format::Html),
        "conll" | "iob" => return Some(Format::Conll),
        _ => {}
    }
    let text = std::str::from_utf8(bytes)
        .ok()?
        .trim_start_matches('\u{feff}');
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        return Some(Format::LabelStudio);
    }
    let first = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .or_else(|| {
            let line = text.lines().find(|l| !l.trim().is_empty())?;
            serde_json::from_str(line).ok()
        })?;
    let has = |k: &str| first.get(k).is_some();
    Some(if has("@context") || has("first") && has("type") {
        Format::W3c
    } else if has("data") {
        Format::LabelStudio
    } else if has("tokens") && has("spans") {
        Format::Spacy
    } else if has("entities") || has("label") && !has("actors") {
        Format::Doccano
    } else if has("text") {
        if ext == "jsonl" {
            Format::Jsonl
        } else {
            Format::Json
        }
    } else {
        return None;
    })
}

/// Reads `files` as documents: each in `from` when given, else in its detected
/// format. `.zip` archives are opened; brat `.txt` and `.ann` files pair by name
/// (configuration files are skipped).
///
/// # Errors
/// The first file that cannot be read, with the place and the reason; nothing
/// partial is returned.
pub fn import(files: &[InputFile], from: Option<Format>) -> Result<Imported, ImportError> {
    let mut flat = Vec::new();
    for f in files {
        if f.name.to_ascii_lowercase().ends_with(".zip") {
            let entries = archive::read(&f.bytes)
                .map_err(|e| ImportError::new(&f.name, Place::whole(), e.to_string()))?;
            flat.extend(entries.into_iter().map(|e| InputFile {
                name: format!("{}/{}", f.name, e.name),
                bytes: e.bytes,
            }));
        } else {
            flat.push(f.clone());
        }
    }
    let mut out = Imported::default();
    let mut brat_pairs: BTreeMap<String, (Option<&InputFile>, Option<&InputFile>)> =
        BTreeMap::new();
    let mut order = Vec::new();
    for f in &flat {
        let lower = f.name.to_ascii_lowercase();
        if lower.ends_with(".conf") || lower.ends_with('/') {
            continue;
        }
        let format = match from.or_else(|| detect(&f.name, &f.bytes)) {
            Some(Format::Brat) => {
                let (stem, is_ann) =
                    match f.name.rsplit_once('.') {
                        Some((stem, ext)) if ext.eq_ignore_ascii_case("ann") => (stem, true),
                        Some((stem, ext)) if ext.eq_ignore_ascii_case("txt") => (stem, false),
                        _ => return Err(ImportError::new(
                            &f.name,
                            Place::whole(),
                            "a brat document is a .txt file and an .ann file with the same name",
                        )),
                    };
                let entry = brat_pairs.entry(stem.to_string()).or_default();
                if entry.0.is_none() && entry.1.is_none() {
                    order.push(Err(stem.to_string()));
                }
                if is_ann {
                    entry.1 = Some(f);
                } else {
                    entry.0 = Some(f);
                }
                continue;
            }
            Some(format) => format,
            None => {
                return Err(ImportError::new(
                    &f.name,
                    Place::whole(),
                    "cannot tell the format of this file; name it (--from FORMAT)",
                ))
            }
        };
        order.push(Ok((f, format)));
    }
    for item in order {
        match item {
            Ok((f, format)) => import_one(f, format, &mut out)?,
            Err(stem) => {
                let (txt, ann) = brat_pairs.get(&stem).copied().unwrap_or_default();
                let Some(txt) = txt else {
                    return Err(ImportError::new(
                        &format!("{stem}.ann"),
                        Place::whole(),
                        format!("no text file {stem}.txt beside it"),
                    ));
                };
                let text = utf8(txt)?;
                let ann_text = ann.map(utf8).transpose()?.unwrap_or("");
                let ann_name = ann.map_or_else(|| format!("{stem}.ann"), |a| a.name.clone());
                let id = stem.rsplit('/').next().unwrap_or(&stem).to_string();
                let (doc, notice) = brat::import(&id, text, ann_text, &ann_name)?;
                if ann.is_none() {
                    out.notices.push(Notice {
                        file: txt.name.clone(),
                        document: doc.id.clone(),
                        message: "no .ann file beside it: read as a document without annotations"
                            .into(),
                    });
                }
                out.documents.push(doc);
                out.notices.extend(notice);
            }
        }
    }
    Ok(out)
}

fn utf8(f: &InputFile) -> Result<&str, ImportError> {
    std::str::from_utf8(&f.bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + f.bytes[..at].iter().filter(|&&b| b == b'\n').count();
        ImportError::new(
            &f.name,
            Place::line(line),
            format!("not valid UTF-8 (byte {at})"),
        )
    })
}

fn import_one(f: &InputFile, format: Format, out: &mut Imported) -> Result<(), ImportError> {
    let text = utf8(f)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let name = f.name.as_str();
    let stem = {
        let base = name.rsplit('/').next().unwrap_or(name);
        base.split('.').next().unwrap_or(base).to_string()
    };
    let (docs, notices) = match format {
        Format::Json | Format::Jsonl => native::import(text, name)?,
        Format::Doccano => doccano::import(text, name, &stem)?,
        Format::LabelStudio => labelstudio::import(text, name, &stem)?,
        Format::W3c => w3c::import(text, name, &stem)?,
        other => {
            return Err(ImportError::new(
                name,
                Place::whole(),
                format!(
                    "claimlens writes {} files but does not read them; import json, jsonl, brat, doccano, labelstudio or w3c",
                    other.name()
                ),
            ))
        }
    };
    out.documents.extend(docs);
    out.notices.extend(notices);
    Ok(())
}

/// Parses JSON text, turning a syntax error into an [`ImportError`] at its line.
pub(crate) fn parse_json(
    text: &str,
    file: &str,
    line: Option<usize>,
) -> Result<serde_json::Value, ImportError> {
    serde_json::from_str(text).map_err(|e| {
        ImportError::new(
            file,
            Place {
                line: Some(line.unwrap_or(e.line())),
                path: None,
            },
            format!("not JSON: {e}"),
        )
    })
}

/// The non-empty lines of a JSONL file with their 1-based numbers.
pub(crate) fn jsonl_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(_, l)| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_detected_from_names_and_content() {
        assert_eq!(detect("a.ann", b""), Some(Format::Brat));
        assert_eq!(
            detect("a.json", br#"[{"data":{"text":"x"}}]"#),
            Some(Format::LabelStudio)
        );
        assert_eq!(
            detect(
                "a.jsonl",
                b"{\"text\":\"x\",\"entities\":[]}\n{\"text\":\"y\"}"
            ),
            Some(Format::Doccano)
        );
        assert_eq!(
            detect("a.json", br#"{"text":"x","actors":[]}"#),
            Some(Format::Json)
        );
        assert_eq!(
            detect("a.jsonl", br#"{"text":"x","actors":[]}"#),
            Some(Format::Jsonl)
        );
        assert_eq!(
            detect(
                "a.json",
                br#"{"@context":"http://www.w3.org/ns/anno.jsonld"}"#
            ),
            Some(Format::W3c)
        );
        assert_eq!(detect("a.bin", b"\xff\x00"), None);
    }

    #[test]
    fn places_read_like_compiler_messages() {
        let e = ImportError::new("a.jsonl", Place::at(Some(3), "$.entities[1]"), "bad");
        assert_eq!(e.to_string(), "a.jsonl:3: $.entities[1]: bad");
        assert_eq!(
            ImportError::new("a.ann", Place::line(2), "bad").to_string(),
            "a.ann:2: bad"
        );
    }

    #[test]
    fn unknown_files_and_lonely_ann_files_are_errors() {
        let f = |name: &str, bytes: &[u8]| InputFile {
            name: name.into(),
            bytes: bytes.to_vec(),
        };
        let err = import(&[f("x.bin", b"\x00")], None).unwrap_err();
        assert!(err.message.contains("--from"), "{err}");
        let err = import(&[f("d.ann", b"")], None).unwrap_err();
        assert!(err.message.contains("d.txt"), "{err}");
        let err = import(&[f("d.csv", b"a,b")], None).unwrap_err();
        assert!(err.message.contains("does not read"), "{err}");
        let ok = import(&[f("d.txt", b"plain")], None).unwrap();
        assert_eq!(ok.documents[0].text, "plain");
        assert_eq!(ok.notices.len(), 1);
    }
}

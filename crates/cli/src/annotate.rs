//! `claimlens annotate`: text files or a JSONL batch in, one document JSON per line out.

use std::error::Error;
use std::io::{self, BufRead, BufWriter, Read, Write};

use claimlens_core::calendar::CalendarDate;
use claimlens_core::formats::native;
use serde::Deserialize;

use crate::args::{Args, UsageError};

/// One input line of `--jsonl`: other keys are ignored.
#[derive(Deserialize)]
struct InputLine {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    dct: Option<String>,
}

/// Runs the subcommand; `Ok(false)` means some inputs failed but the rest were written.
pub fn run(argv: &[String]) -> Result<bool, Box<dyn Error>> {
    let args = Args::parse(argv, &["dct", "jsonl"], &[])?;
    let dct = args.dct()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let ok = if let Some(path) = args.option("jsonl") {
        if !args.positional.is_empty() {
            return Err(UsageError("give either --jsonl or text files, not both".into()).into());
        }
        annotate_jsonl(path, dct, &mut out)?
    } else if args.positional.is_empty() {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        annotate_text("stdin", "stdin", bytes, dct, &mut out)?
    } else {
        let mut ok = true;
        for path in &args.positional {
            match std::fs::read(path) {
                Ok(bytes) => ok &= annotate_text(path, &doc_id(path), bytes, dct, &mut out)?,
                Err(e) => {
                    eprintln!("claimlens: {path}: {e}");
                    ok = false;
                }
            }
        }
        ok
    };
    out.flush()?;
    Ok(ok)
}

/// The document id of a file: its name without directory or extension.
fn doc_id(path: &str) -> String {
    let name = std::path::Path::new(path)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    name.filter(|n| !n.is_empty())
        .unwrap_or_else(|| path.to_string())
}

fn annotate_text(
    label: &str,
    id: &str,
    bytes: Vec<u8>,
    dct: Option<CalendarDate>,
    out: &mut impl Write,
) -> io::Result<bool> {
    match String::from_utf8(bytes) {
        Ok(text) => {
            let doc = claimlens_core::annotate(id, &text, dct);
            writeln!(out, "{}", native::to_json(&doc))?;
            Ok(true)
        }
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count();
            eprintln!("claimlens: {label}:{line}: not valid UTF-8 (byte {at}); skipped");
            Ok(false)
        }
    }
}

fn annotate_jsonl(
    path: &str,
    dct: Option<CalendarDate>,
    out: &mut impl Write,
) -> Result<bool, Box<dyn Error>> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut ok = true;
    let reader = io::BufReader::new(file);
    for (n, line) in reader.split(b'\n').enumerate() {
        let n = n + 1;
        let line = line.map_err(|e| format!("{path}:{n}: {e}"))?;
        let Ok(line) = std::str::from_utf8(&line) else {
            eprintln!("claimlens: {path}:{n}: not valid UTF-8; skipped");
            ok = false;
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        let input: InputLine = match serde_json::from_str(line) {
            Ok(i) => i,
            Err(e) => {
                eprintln!("claimlens: {path}:{n}: {e}; skipped");
                ok = false;
                continue;
            }
        };
        let id = match &input.id {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let line_dct = match CalendarDate::parse_optional(input.dct.as_deref().unwrap_or("")) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("claimlens: {path}:{n}: dct: {e}; annotating without it");
                None
            }
        };
        let doc = claimlens_core::annotate(&id, &input.text, dct.or(line_dct));
        writeln!(out, "{}", native::to_json(&doc))?;
    }
    Ok(ok)
}

//! Reading the files named on the command line into [`InputFile`]s: plain files,
//! and folders (their files, recursively, in name order), for `convert` and `agree`.

use std::error::Error;
use std::path::Path;

use claimlens_core::formats::{import, Format, Imported, InputFile};

/// Reads `paths` (files or folders) and imports them, printing notices to stderr.
pub fn read_documents(paths: &[String], from: Option<Format>) -> Result<Imported, Box<dyn Error>> {
    let mut files = Vec::new();
    for p in paths {
        collect(Path::new(p), &mut files)?;
    }
    let imported = import(&files, from)?;
    for n in &imported.notices {
        eprintln!("claimlens: notice: {n}");
    }
    Ok(imported)
}

fn collect(path: &Path, out: &mut Vec<InputFile>) -> Result<(), Box<dyn Error>> {
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| format!("{shown}: {e}"))?;
    if meta.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path)
            .map_err(|e| format!("{shown}: {e}"))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        entries.sort();
        for e in entries {
            collect(&e, out)?;
        }
        return Ok(());
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
    out.push(InputFile {
        name: shown.to_string(),
        bytes,
    });
    Ok(())
}

/// `--from`/`--to` parsed, or a usage error listing the names.
pub fn format_arg(value: &str, importing: bool) -> Result<Format, crate::args::UsageError> {
    let names = |f: fn(&Format) -> bool| {
        Format::ALL
            .iter()
            .filter(|x| f(x))
            .map(|x| x.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match Format::from_name(value) {
        Some(f) if !importing || f.can_import() => Ok(f),
        Some(_) => Err(crate::args::UsageError(format!(
            "claimlens cannot read {value} files; --from takes one of: {}",
            names(|f| f.can_import())
        ))),
        None => Err(crate::args::UsageError(format!(
            "unknown format {value:?}; formats: {}",
            names(|_| true)
        ))),
    }
}

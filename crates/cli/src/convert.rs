//! `claimlens convert IN... --to FORMAT [--from FORMAT] [-o OUT]`: reads documents
//! in any importable format and writes them in another. An export of several files
//! goes to a `.zip` archive or a folder; one file goes to OUT or stdout.

use std::error::Error;
use std::io::Write;
use std::path::Path;

use claimlens_core::formats::{archive, export, ExportOptions, OffsetUnit, OutputFile};

use crate::args::{Args, UsageError};
use crate::input::{format_arg, read_documents};

/// Runs the subcommand.
pub fn run(argv: &[String]) -> Result<bool, Box<dyn Error>> {
    // `-o` is the usual short spelling of `--out`.
    let argv: Vec<String> = argv
        .iter()
        .map(|a| {
            if a == "-o" {
                "--out".to_string()
            } else {
                a.clone()
            }
        })
        .collect();
    let args = Args::parse(&argv, &["to", "from", "out"], &["utf16", "accepted-only"])?;
    let to = args
        .option("to")
        .ok_or_else(|| UsageError("convert needs --to FORMAT".into()))?;
    let to = format_arg(to, false)?;
    let from = args
        .option("from")
        .map(|f| format_arg(f, true))
        .transpose()?;
    if args.positional.is_empty() {
        return Err(UsageError("convert needs at least one input file or folder".into()).into());
    }
    let imported = read_documents(&args.positional, from)?;
    let options = ExportOptions {
        unit: if args.switches.iter().any(|s| s == "utf16") {
            OffsetUnit::Utf16
        } else {
            OffsetUnit::CodePoint
        },
        include_suggestions: !args.switches.iter().any(|s| s == "accepted-only"),
    };
    let files = export(&imported.documents, to, &options);
    write_out(&files, args.option("out"))?;
    eprintln!(
        "claimlens: {} document(s) written as {}",
        imported.documents.len(),
        to.name()
    );
    Ok(true)
}

fn write_out(files: &[OutputFile], out: Option<&str>) -> Result<(), Box<dyn Error>> {
    let Some(out) = out else {
        return match files {
            [one] => {
                std::io::stdout().lock().write_all(&one.bytes)?;
                Ok(())
            }
            _ => Err(UsageError(format!(
                "this export makes {} files: give -o OUT.zip (an archive) or -o FOLDER",
                files.len()
            ))
            .into()),
        };
    };
    let path = Path::new(out);
    if out.to_ascii_lowercase().ends_with(".zip") {
        let bytes = archive::zip(files)?;
        return std::fs::write(path, bytes).map_err(|e| format!("{out}: {e}").into());
    }
    if files.len() == 1 && !path.is_dir() {
        return std::fs::write(path, &files[0].bytes).map_err(|e| format!("{out}: {e}").into());
    }
    std::fs::create_dir_all(path).map_err(|e| format!("{out}: {e}"))?;
    for f in files {
        let target = path.join(&f.name);
        std::fs::write(&target, &f.bytes).map_err(|e| format!("{}: {e}", target.display()))?;
    }
    Ok(())
}

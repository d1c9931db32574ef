//! `claimlens`: the command line over claimlens-core.
//!
//! Each subcommand lives in its own module; this file only dispatches and turns
//! errors into messages and exit codes. Errors name the file and line, and one bad
//! input never discards the output of the good ones.

mod agree;
mod annotate;
mod args;
mod convert;
mod input;

use std::process::ExitCode;

const USAGE: &str = "\
claimlens: find actors, dates and claims in news text

usage:
  claimlens annotate [FILE...] [--dct YYYY-MM-DD]   text files (stdin when none) -> document JSON lines
  claimlens annotate --jsonl IN.jsonl [--dct D]     lines of {id, text, dct?} -> document JSON lines
  claimlens convert IN... --to FORMAT [--from FORMAT] [-o OUT] [--utf16] [--accepted-only]
                                                    convert documents; IN: files, folders or .zip
                                                    archives; several output files need -o OUT.zip
                                                    or -o FOLDER; one goes to OUT or stdout
  claimlens agree A B [--from FORMAT] [--json] [--accepted-only]
                                                    agreement of two versions of the same documents
  claimlens help                                    this text

formats: json, jsonl, brat, doccano, labelstudio, w3c (read and written);
         conll, spacy, csv, html (written only). --from is guessed from names and content.
  --utf16: doccano offsets in UTF-16 units; --accepted-only: leave open suggestions out.
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = argv.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match cmd.as_str() {
        "annotate" => annotate::run(rest),
        "convert" => convert::run(rest),
        "agree" => agree::run(rest),
        "help" | "--help" | "-h" => {
            print!("{USAGE}");
            Ok(true)
        }
        other => Err(args::UsageError(format!("unknown command `{other}`")).into()),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("claimlens: {e}");
            if e.downcast_ref::<args::UsageError>().is_some() {
                eprint!("\n{USAGE}");
                ExitCode::from(2)
            } else {
                ExitCode::FAILURE
            }
        }
    }
}

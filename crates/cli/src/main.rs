//! `claimlens`: the command line over claimlens-core.
//!
//! Each subcommand lives in its own module; this file only dispatches and turns
//! errors into messages and exit codes. Errors name the file and line, and one bad
//! input never discards the output of the good ones.

mod annotate;
mod args;

use std::process::ExitCode;

const USAGE: &str = "\
claimlens: find actors, dates and claims in news text

usage:
  claimlens annotate [FILE...] [--dct YYYY-MM-DD]   text files (stdin when none) -> document JSON lines
  claimlens annotate --jsonl IN.jsonl [--dct D]     lines of {id, text, dct?} -> document JSON lines
  claimlens help                                    this text
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let Some((cmd, rest)) = argv.split_first() else {
        eprint!("{USAGE}");
        return ExitCode::from(2);
    };
    let result = match cmd.as_str() {
        "annotate" => annotate::run(rest),
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

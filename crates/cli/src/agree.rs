//! `claimlens agree A B [--from FORMAT] [--json] [--accepted-only]`: compares two
//! versions of the same documents (files or folders in any importable format) and
//! prints per-layer P/R/F1 (strict, relaxed), token kappa and the disagreements.

use std::error::Error;
use std::fmt::Write as _;

use claimlens_core::agree::{agree, AgreeOptions, Agreement, Side};

use crate::args::{Args, UsageError};
use crate::input::{format_arg, read_documents};

/// Runs the subcommand.
pub fn run(argv: &[String]) -> Result<bool, Box<dyn Error>> {
    let args = Args::parse(argv, &["from"], &["json", "accepted-only"])?;
    let [a, b] = args.positional.as_slice() else {
        return Err(UsageError("agree needs two inputs: A (the reference) and B".into()).into());
    };
    let from = args
        .option("from")
        .map(|f| format_arg(f, true))
        .transpose()?;
    let da = read_documents(std::slice::from_ref(a), from)?.documents;
    let db = read_documents(std::slice::from_ref(b), from)?.documents;
    let options = AgreeOptions {
        include_suggestions: !args.switches.iter().any(|s| s == "accepted-only"),
    };
    let result = agree(&da, &db, &options).map_err(|e| format!("{a} vs {b}: {e}"))?;
    if args.switches.iter().any(|s| s == "json") {
        let v = serde_json::json!({"a": a, "b": b, "agreement": result});
        println!("{}", serde_json::to_string_pretty(&v)?);
    } else {
        print!("{}", table(a, b, &result));
    }
    Ok(true)
}

fn side(s: &Option<Side>) -> String {
    match s {
        Some(s) => format!("{}..{} {:?} {}", s.start, s.end, s.text, s.label),
        None => "-".into(),
    }
}

fn table(a: &str, b: &str, r: &Agreement) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "A = {a} (reference)\nB = {b}\ndocuments: {}\n",
        r.documents
    );
    let _ = writeln!(
        out,
        "{:<7} {:>6} {:>6} | {:>8} {:>6} {:>6} | {:>8} {:>6} {:>6} | {:>6} {:>7}",
        "layer", "A", "B", "strict P", "R", "F1", "relax P", "R", "F1", "kappa", "tokens"
    );
    for l in &r.layers {
        let _ = writeln!(
            out,
            "{:<7} {:>6} {:>6} | {:>8.3} {:>6.3} {:>6.3} | {:>8.3} {:>6.3} {:>6.3} | {:>6.3} {:>7}",
            l.layer.plural(),
            l.a,
            l.b,
            l.strict.p,
            l.strict.r,
            l.strict.f1,
            l.relaxed.p,
            l.relaxed.r,
            l.relaxed.f1,
            l.kappa,
            l.tokens
        );
    }
    let _ = writeln!(out, "\ndisagreements: {}", r.disagreements.len());
    for d in &r.disagreements {
        let _ = writeln!(
            out,
            "{}\t{}\t{:?}\tA: {}\tB: {}{}",
            d.document,
            d.layer.name(),
            d.kind,
            side(&d.a),
            side(&d.b),
            if d.detail.is_empty() {
                String::new()
            } else {
                format!("\t({})", d.detail)
            }
        );
    }
    out
}

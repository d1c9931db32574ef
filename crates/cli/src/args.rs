//! A small argument splitter: flags with values, switches and positionals.
//! Hand-written because the CLI has few options and every dependency is build time.

use std::error::Error;
use std::fmt;

use claimlens_core::calendar::CalendarDate;

/// A mistake in how the command was called.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
impl Error for UsageError {}

/// Parsed arguments of one subcommand.
#[derive(Debug, Default)]
pub struct Args {
    /// Positional arguments, in order.
    pub positional: Vec<String>,
    /// `--name value` pairs, in order.
    pub options: Vec<(String, String)>,
    /// `--name` switches.
    pub switches: Vec<String>,
}

impl Args {
    /// Splits `argv`; `valued` lists the options that take a value.
    pub fn parse(argv: &[String], valued: &[&str], switches: &[&str]) -> Result<Args, UsageError> {
        let mut out = Args::default();
        let mut it = argv.iter();
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                let (name, inline) = match name.split_once('=') {
                    Some((n, v)) => (n, Some(v.to_string())),
                    None => (name, None),
                };
                if valued.contains(&name) {
                    let v = match inline {
                        Some(v) => v,
                        None => it
                            .next()
                            .cloned()
                            .ok_or_else(|| UsageError(format!("--{name} needs a value")))?,
                    };
                    out.options.push((name.to_string(), v));
                } else if switches.contains(&name) {
                    out.switches.push(name.to_string());
                } else {
                    return Err(UsageError(format!("unknown option --{name}")));
                }
            } else {
                out.positional.push(a.clone());
            }
        }
        Ok(out)
    }

    /// The last value given for `--name`.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// `--dct`, parsed.
    pub fn dct(&self) -> Result<Option<CalendarDate>, UsageError> {
        self.option("dct")
            .map(|s| s.parse().map_err(|e| UsageError(format!("--dct: {e}"))))
            .transpose()
    }
}

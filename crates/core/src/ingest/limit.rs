//! The longest text the app takes as one document, and the refusal beyond it.
//!
//! Why a limit: in the browser, a document's cost grows with its text (annotating it,
//! its highlights, the stored record, about six times the text as JSON), and past
//! some size the page is unusable for minutes or the tab runs out of memory, losing
//! what the user had. Measured (issue 9; `tests/e2e/huge-paste.test.mjs` and the
//! same spec at 20 MB): 10 MB on one line is annotated, drawn and stored with no task
//! over about a second on a loaded machine, while 20 MB takes twice that and its
//! longest tasks twice as long. [`MAX_TEXT_BYTES`] sits between the two, and a text
//! beyond it is refused before any work starts, with the way out: split it.

use std::fmt;

/// The longest text (UTF-8 bytes) taken as one document: 12 MB.
pub const MAX_TEXT_BYTES: usize = 12_000_000;

/// A text longer than [`MAX_TEXT_BYTES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    /// Its length in UTF-8 bytes.
    pub bytes: usize,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the text is {} MB, and one document can be at most {} MB (beyond that the page \
             would freeze or run out of memory); split it into parts (at chapter or article \
             breaks) and add them one by one",
            megabytes(self.bytes),
            megabytes(MAX_TEXT_BYTES)
        )
    }
}

/// `bytes` in megabytes with one decimal, rounded up so a text just over the limit
/// never reads as the limit itself.
fn megabytes(bytes: usize) -> String {
    let tenths = bytes.div_ceil(100_000);
    format!("{}.{}", tenths / 10, tenths % 10)
        .trim_end_matches(".0")
        .to_string()
}

/// Checks that a text of `bytes` UTF-8 bytes can be one document.
///
/// # Errors
/// [`TooLong`] when it is longer than [`MAX_TEXT_BYTES`].
pub fn check_length(bytes: usize) -> Result<(), TooLong> {
    if bytes > MAX_TEXT_BYTES {
        Err(TooLong { bytes })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_up_to_the_limit_pass_and_longer_ones_say_how_long_and_what_to_do() {
        assert_eq!(check_length(0), Ok(()));
        assert_eq!(check_length(MAX_TEXT_BYTES), Ok(()));
        let e = check_length(MAX_TEXT_BYTES + 1).expect_err("one byte too many");
        assert!(e.to_string().starts_with("the text is 12.1 MB,"), "{e}");
        let e = check_length(25_000_000).expect_err("too long").to_string();
        assert!(e.contains("25 MB") && e.contains("at most 12 MB"), "{e}");
        assert!(e.contains("split it"), "{e}");
    }
}

//! Reading the word lists and rules under `data/`.
//!
//! Every list is plain text, one entry a line, each followed by `#` and the reason it is
//! there, so a reviewer can challenge an entry like a line of code. Lines that start
//! with `#` (after blanks) and blank lines are skipped, whatever follows on them, so a
//! header may show the format with its own `# reason`. An entry that itself starts
//! with `#` is written `\#`.
//!
//! The reasons are for reviewers, not for the program: `word_list!` drops them (and
//! the comment lines) while compiling, so the web app does not download them. It
//! keeps exactly what [`entries`] reads.

/// The entries of a list, trimmed, without their reasons.
pub fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines().filter_map(|line| {
        if line.trim_start().starts_with('#') {
            return None;
        }
        let entry = match line.find(" #").or_else(|| line.find("\t#")) {
            Some(i) => &line[..i],
            None => line,
        };
        let entry = entry.trim();
        // `\#` escapes an entry that starts with `#`, which would read as a comment.
        let entry = match entry.strip_prefix('\\') {
            Some(rest) if rest.starts_with('#') => rest,
            _ => entry,
        };
        (!entry.is_empty()).then_some(entry)
    })
}

/// Entries split into fields at `|` (for lists that map a word to a value).
pub fn fields(list: &str) -> impl Iterator<Item = Vec<&str>> {
    entries(list).map(|e| e.split('|').map(str::trim).collect())
}

/// Embeds a word list without its comments and reasons, at compile time: use it
/// around `include_str!` (`word_list!(include_str!("../data/x.txt"))`). The result
/// gives the same [`entries`] and [`fields`] as the full text.
macro_rules! word_list {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const LEN: usize = $crate::data::compact_into(TEXT, &mut []);
        // The longest lists take a while to walk at compile time.
        #[allow(long_running_const_eval)]
        const BYTES: [u8; LEN] = {
            let mut out = [0; LEN];
            $crate::data::compact_into(TEXT, &mut out);
            out
        };
        match ::core::str::from_utf8(&BYTES) {
            Ok(list) => list,
            Err(_) => panic!("word_list!: compaction split a character"),
        }
    }};
}
pub(crate) use word_list;

/// Writes the entries of `list` into `out`, one a line (a line whose entry holds a `#`
/// is kept whole, so that [`entries`] cuts it where it did), and returns their length.
/// An empty `out` only measures. Used by [`word_list!`], at compile time.
#[doc(hidden)]
pub const fn compact_into(list: &str, out: &mut [u8]) -> usize {
    let bytes = list.as_bytes();
    let mut len = 0;
    let mut at = 0;
    while at < bytes.len() {
        let mut end = at;
        while end < bytes.len() && bytes[end] != b'\n' {
            end += 1;
        }
        let (start, stop) = entry_in(bytes, at, end);
        let mut i = start;
        while i < stop {
            if !out.is_empty() {
                out[len] = bytes[i];
            }
            len += 1;
            i += 1;
        }
        if start < stop {
            if !out.is_empty() {
                out[len] = b'\n';
            }
            len += 1;
        }
        at = end + 1;
    }
    len
}

/// The bounds of the entry of the line `bytes[start..end]` as [`entries`] cuts it
/// (trimmed of ASCII white space; empty for comments and blank lines), or the whole
/// line when the entry contains `#` (an escaped `\#`, or a comment line that starts
/// with other white space).
const fn entry_in(bytes: &[u8], start: usize, end: usize) -> (usize, usize) {
    let mut first = start;
    while first < end && bytes[first].is_ascii_whitespace() {
        first += 1;
    }
    if first < end && bytes[first] == b'#' {
        return (0, 0);
    }
    let cut = match find_comment(bytes, start, end, b' ') {
        Some(i) => i,
        None => match find_comment(bytes, start, end, b'\t') {
            Some(i) => i,
            None => end,
        },
    };
    let (mut s, mut e) = (start, cut);
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    let mut i = s;
    while i < e {
        if bytes[i] == b'#' {
            return (start, end);
        }
        i += 1;
    }
    (s, e)
}

/// The first `sep` followed by `#` in `bytes[start..end]`.
const fn find_comment(bytes: &[u8], start: usize, end: usize, sep: u8) -> Option<usize> {
    let mut i = start;
    while i + 1 < end {
        if bytes[i] == sep && bytes[i + 1] == b'#' {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compact(list: &str) -> String {
        let mut out = vec![0; compact_into(list, &mut [])];
        compact_into(list, &mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn compacted_lists_read_the_same() {
        let tricky = "# header\n\n  Mr  # title\nA | b\t# tab reason\nC# # sharp\n\
a\tb\t#x # odd\n   # indented comment\n\u{a0}# nbsp comment\nplain\r\n\u{a0}é  \n#\n";
        let c = compact(tricky);
        assert_eq!(
            entries(&c).collect::<Vec<_>>(),
            entries(tricky).collect::<Vec<_>>()
        );
        assert!(!c.contains("title") && !c.contains("header"));
        const BUILT: &str = word_list!("x # why\n# note\ny\n");
        assert_eq!(BUILT, "x\ny\n");
    }

    #[test]
    fn every_data_list_compacts_to_the_same_entries() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut dirs = vec![root];
        let mut seen = 0;
        while let Some(dir) = dirs.pop() {
            for item in std::fs::read_dir(dir).unwrap() {
                let path = item.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt") {
                    let full = std::fs::read_to_string(&path).unwrap();
                    let c = compact(&full);
                    assert_eq!(
                        fields(&c).collect::<Vec<_>>(),
                        fields(&full).collect::<Vec<_>>(),
                        "{path:?}"
                    );
                    seen += 1;
                }
            }
        }
        assert!(seen > 40);
    }

    #[test]
    fn comment_lines_stay_comments_even_with_a_reason() {
        let list =
            "# Format: form | stance  # reason\n  # indented | x # y\nsaid | neutral # why\n";
        assert_eq!(entries(list).collect::<Vec<_>>(), ["said | neutral"]);
        assert_eq!(compact(list), "said | neutral\n");
    }

    #[test]
    fn an_escaped_sharp_is_an_entry() {
        let list = "\\# # a price in pounds\n\\x # no escape\n";
        assert_eq!(entries(list).collect::<Vec<_>>(), ["#", "\\x"]);
        assert_eq!(entries(&compact(list)).collect::<Vec<_>>(), ["#", "\\x"]);
    }

    #[test]
    fn reasons_and_comments_are_dropped() {
        let list = "# header\n\nMr  # title\nUnited Nations | organisation # body\n";
        assert_eq!(
            entries(list).collect::<Vec<_>>(),
            ["Mr", "United Nations | organisation"]
        );
        assert_eq!(
            fields(list).nth(1).unwrap(),
            ["United Nations", "organisation"]
        );
    }
}

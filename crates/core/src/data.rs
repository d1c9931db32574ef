//! Reading the word lists and rules under `data/`.
//!
//! Every list is plain text, one entry a line, each followed by `#` and the reason it is
//! there, so a reviewer can challenge an entry like a line of code. Lines that start
//! with `#` and blank lines are skipped.

/// The entries of a list, trimmed, without their reasons.
pub fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines().filter_map(|line| {
        let entry = match line.find(" #").or_else(|| line.find("\t#")) {
            Some(i) => &line[..i],
            None if line.trim_start().starts_with('#') => "",
            None => line,
        };
        let entry = entry.trim();
        (!entry.is_empty()).then_some(entry)
    })
}

/// Entries split into fields at `|` (for lists that map a word to a value).
pub fn fields(list: &str) -> impl Iterator<Item = Vec<&str>> {
    entries(list).map(|e| e.split('|').map(str::trim).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

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

//! Titles and ids for new documents: a readable title from a file name or the first
//! line of pasted text, a URL- and file-safe id from a title, and numbering that keeps
//! both unique when a hundred files called `article.txt` arrive at once.

use std::collections::HashSet;

/// The longest title taken from text (in characters); longer first lines are cut at a
/// word and end with `…`.
pub const TITLE_CHARS: usize = 80;
/// The longest id stem (in bytes, ASCII only).
const ID_BYTES: usize = 48;

/// A title for pasted text: its first non-blank line with white space collapsed and
/// cut to [`TITLE_CHARS`] characters; `Untitled` when the text has no visible line.
pub fn title_from_text(text: &str) -> String {
    // Only the words that can reach the title: a first line of megabytes (a log on
    // one line) is not copied whole.
    let line = text
        .lines()
        .map(|l| {
            let mut words = String::new();
            for w in l.split_whitespace() {
                if words.len() > TITLE_CHARS * 4 {
                    break;
                }
                if !words.is_empty() {
                    words.push(' ');
                }
                words.push_str(w);
            }
            words
        })
        .find(|l| !l.is_empty());
    match line {
        Some(l) => shorten(&l),
        None => "Untitled".to_string(),
    }
}

/// A title for a file: its name without folders and extension (`news/a-b.txt` →
/// `a-b`), or `Untitled` when nothing is left.
pub fn title_from_file(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rfind('.') {
        Some(i) if i > 0 => &base[..i],
        _ => base,
    };
    let stem = stem.trim();
    if stem.is_empty() {
        "Untitled".to_string()
    } else {
        shorten(stem)
    }
}

fn shorten(line: &str) -> String {
    if line.chars().count() <= TITLE_CHARS {
        return line.to_string();
    }
    let cut: String = line.chars().take(TITLE_CHARS - 1).collect();
    // Cut at the last space when there is one in the second half, so no word is halved.
    let at = cut
        .rfind(' ')
        .filter(|&i| i > cut.len() / 2)
        .unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

/// An id stem from a title: ASCII letters and digits lower-cased, every other run of
/// characters one `-`, at most 48 bytes; `doc` when nothing is left (a title in
/// another script), since ids end up in file names and URLs.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if out.len() >= ID_BYTES {
                break;
            }
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        "doc".to_string()
    } else {
        out
    }
}

/// `base` if no taken id has it, else `base-2`, `base-3`, … (the first free one).
pub fn unique_id(base: &str, taken: &HashSet<String>) -> String {
    unique(base, taken, |n| format!("{base}-{n}"))
}

/// `base` if no taken title has it, else `base (2)`, `base (3)`, … (the first free
/// one). Titles compare case-insensitively, since `Report` and `report` look alike in
/// a list.
pub fn unique_title(base: &str, taken: &HashSet<String>) -> String {
    let lower: HashSet<String> = taken.iter().map(|t| t.to_lowercase()).collect();
    let free = |t: &str| !lower.contains(&t.to_lowercase());
    if free(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base} ({n})"))
        .find(|t| free(t))
        .unwrap_or_else(|| base.to_string())
}

fn unique(base: &str, taken: &HashSet<String>, numbered: impl Fn(usize) -> String) -> String {
    if !taken.contains(base) {
        return base.to_string();
    }
    (2..)
        .map(numbered)
        .find(|t| !taken.contains(t))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_text_and_files() {
        assert_eq!(title_from_text("\n\n  Talks  fail \nBody"), "Talks fail");
        assert_eq!(title_from_text(" \n\t"), "Untitled");
        let long = "word ".repeat(40);
        let t = title_from_text(&long);
        assert!(t.ends_with('…') && t.chars().count() <= TITLE_CHARS);
        // A megabyte on one line is titled by its first words alone.
        assert_eq!(title_from_text(&"word  ".repeat(200_000)), t);
        assert_eq!(title_from_file("news/2020/a-b.txt"), "a-b");
        assert_eq!(title_from_file(r"C:\x\.hidden"), ".hidden");
        assert_eq!(title_from_file("noext"), "noext");
        assert_eq!(title_from_file(".txt"), ".txt");
        assert_eq!(title_from_file("/"), "Untitled");
    }

    #[test]
    fn slugs_are_ascii_and_never_empty() {
        assert_eq!(slug("Talks fail: what's next?"), "talks-fail-what-s-next");
        assert_eq!(slug("Переговоры"), "doc");
        assert_eq!(slug("--a--"), "a");
        assert!(slug(&"a".repeat(500)).len() <= 48);
    }

    #[test]
    fn many_files_with_one_name_get_numbered() {
        let mut ids = HashSet::new();
        let mut titles = HashSet::new();
        for _ in 0..5 {
            ids.insert(unique_id("article", &ids));
            titles.insert(unique_title("Article", &titles));
        }
        assert!(ids.contains("article") && ids.contains("article-5"));
        assert!(titles.contains("Article (5)"));
        assert_eq!(
            unique_title("ARTICLE", &titles),
            "ARTICLE (6)",
            "titles differing only in case count as taken"
        );
    }
}

//! Optional clean-up of page furniture in an imported or pasted article: subscription
//! prompts, menus, share buttons, picture credits and cookie banners standing on
//! their own line, read-more and related lines, and markdown link targets
//! (`[text](url)` keeps `text`). The line rules are data,
//! `data/cleanup/furniture.txt`, one pattern a line with its reason (`pattern` reads
//! them: a subset of regular-expression syntax).
//!
//! # Offsets: clean-up happens before annotation
//! Offsets always refer to the stored text, and cleaning makes a *new* text. Rather
//! than shifting annotations (and the undo history, whose patches hold offsets) through
//! the removals, clean-up is only offered on a document without annotations:
//! [`clean_document`] and [`restore_document`] refuse an annotated document with
//! [`CleanupError::Annotated`]. The flow in the app is: import or paste → show
//! [`find`]'s proposals (each with its reason, each can be unticked) → [`apply`] the
//! ticked ones → annotate. Until the first annotation, [`restore`] gives back the
//! exact original text from the cleaned text and the removals, so the step can be
//! undone (and the removals can be stored beside the document to survive a reload).

mod pattern;

use std::sync::OnceLock;

use pattern::{Line, Pattern, Scratch};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::Document;
use crate::text::ByteSpan;

/// The line rules, with their reasons.
const FURNITURE: &str = include_str!("../data/cleanup/furniture.txt");
/// Only lines up to this many characters can be furniture: an article's paragraph
/// is longer, and must never be removed by a rule that happens to match its start.
const MAX_LINE_CHARS: usize = 120;
/// Reason given for removed parts of markdown links.
pub const LINK_REASON: &str = "markdown link target";
/// Reason given for removed markdown images.
pub const IMAGE_REASON: &str = "markdown image";
/// The longest link target read (bytes).
const MAX_URL: usize = 2048;

/// One piece of text the clean-up removes (or proposes to remove).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// Start, in bytes of the original text.
    pub start: usize,
    /// End (exclusive), in bytes of the original text.
    pub end: usize,
    /// Why it goes (the rule's reason from the data file, or [`LINK_REASON`]).
    pub reason: String,
    /// The removed text itself, for display and undo.
    pub removed: String,
}

impl Removal {
    /// Its span in the original text.
    pub fn span(&self) -> Option<ByteSpan> {
        ByteSpan::from_raw(self.start, self.end).ok()
    }
}

/// A cleaned text and what was removed from the original to make it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Cleaned {
    /// The new text.
    pub text: String,
    /// What was removed, in order of the original text; spans do not overlap.
    pub removals: Vec<Removal>,
}

/// Why a clean-up, or its undo, was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CleanupError {
    /// The document already has annotations, whose offsets cleaning would break.
    #[error("clean-up is only possible before annotating: this document has {0} annotations (delete them, or import the file again to clean it)")]
    Annotated(usize),
    /// A removal does not fit the text (it was made for another text).
    #[error("removal {index} ({start}..{end}) does not fit this text: it belongs to another version of the document")]
    Misfit {
        /// Position in the list.
        index: usize,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
    },
}

/// The line rules, compiled once, in the order of the file (the first that matches
/// gives the reason). A rule that does not compile is left out (a test checks that
/// every rule compiles).
fn rules() -> &'static [(Pattern, &'static str)] {
    static RULES: OnceLock<Vec<(Pattern, &'static str)>> = OnceLock::new();
    RULES.get_or_init(|| {
        rule_lines()
            .filter_map(|(p, r)| Some((Pattern::new(p).ok()?, r)))
            .collect()
    })
}

/// The reason of the first rule matching the whole of `line` (trimmed), if any.
fn furniture(line: &str, scratch: &mut Scratch) -> Option<&'static str> {
    let short = line.len() <= MAX_LINE_CHARS * 4
        && !line.is_empty()
        && line.chars().count() <= MAX_LINE_CHARS;
    if !short {
        return None;
    }
    let line = Line::new(line);
    rules()
        .iter()
        .find(|(p, _)| p.matches(&line, scratch))
        .map(|&(_, reason)| reason)
}

/// `(pattern, reason)` of each rule line.
fn rule_lines() -> impl Iterator<Item = (&'static str, &'static str)> {
    FURNITURE.lines().filter_map(|line| {
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            return None;
        }
        let (pattern, reason) = line.split_once(" # ")?;
        Some((pattern.trim(), reason.trim()))
    })
}

/// Proposes removals: furniture lines (with their line break; blank lines after a
/// removed line are taken too when a blank line precedes it, so paragraphs stay
/// separated by one blank line) and markdown link targets outside them. One pass over
/// the lines and one over `[`; the result is ordered and non-overlapping.
pub fn find(text: &str) -> Vec<Removal> {
    let mut scratch = Scratch::default();
    let mut lines = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        lines.push((at, raw));
        at += raw.len();
    }
    let mut out: Vec<Removal> = Vec::new();
    let mut prev_blank = true;
    let mut i = 0;
    while i < lines.len() {
        let (start, raw) = lines[i];
        let content = raw.trim();
        let reason = furniture(content, &mut scratch);
        i += 1;
        let Some(reason) = reason else {
            prev_blank = content.is_empty();
            continue;
        };
        let mut end = start + raw.len();
        if prev_blank {
            while let Some(&(s, r)) = lines.get(i).filter(|(_, r)| r.trim().is_empty()) {
                end = s + r.len();
                i += 1;
            }
        }
        out.push(removal(text, start, end, reason));
    }
    let lines_found = std::mem::take(&mut out);
    let links = links(text);
    // Merge the two ordered lists, dropping link parts inside removed lines.
    let mut li = lines_found.into_iter().peekable();
    for l in links {
        while let Some(r) = li.next_if(|r| r.start <= l.start) {
            out.push(r);
        }
        if out.last().is_none_or(|r| r.end <= l.start) && li.peek().is_none_or(|r| l.end <= r.start)
        {
            out.push(l);
        }
    }
    out.extend(li);
    out
}

fn removal(text: &str, start: usize, end: usize, reason: &str) -> Removal {
    Removal {
        start,
        end,
        reason: reason.to_string(),
        removed: text.get(start..end).unwrap_or_default().to_string(),
    }
}

/// Markdown links `[text](target)` (removals: the `[` and the `](target)`) and images
/// `![alt](target)` (removed whole), on one line each.
fn links(text: &str) -> Vec<Removal> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find('[').map(|i| from + i) {
        from = i + 1;
        let Some(close) = text[i + 1..]
            .find([']', '[', '\n'])
            .map(|j| i + 1 + j)
            .filter(|&j| text[j..].starts_with("]("))
        else {
            continue;
        };
        let target = &text[close + 2..];
        let Some(end) = target
            .char_indices()
            .take_while(|&(k, c)| k < MAX_URL && c != '\n')
            .find(|&(_, c)| c == ')')
            .map(|(k, _)| close + 2 + k + 1)
        else {
            continue;
        };
        if text[close + 2..end - 1].trim().is_empty() {
            continue;
        }
        if i > 0 && text[..i].ends_with('!') {
            out.push(removal(text, i - 1, end, IMAGE_REASON));
        } else {
            out.push(removal(text, i, i + 1, LINK_REASON));
            out.push(removal(text, close, end, LINK_REASON));
        }
        from = end;
    }
    out
}

/// The text without the given removals (any subset of [`find`]'s, e.g. those the
/// user left ticked).
///
/// # Errors
/// A removal out of order, overlapping another, or not fitting the text (its `removed`
/// text must be the text at its span).
pub fn apply(text: &str, removals: &[Removal]) -> Result<String, CleanupError> {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (index, r) in removals.iter().enumerate() {
        let fits = r.start >= at && text.get(r.start..r.end) == Some(r.removed.as_str());
        if !fits {
            return Err(misfit(index, r));
        }
        out.push_str(&text[at..r.start]);
        at = r.end;
    }
    out.push_str(&text[at..]);
    Ok(out)
}

/// Finds and applies every removal.
pub fn clean(text: &str) -> Cleaned {
    let removals = find(text);
    let text = apply(text, &removals).unwrap_or_else(|_| text.to_string());
    Cleaned { text, removals }
}

/// The original text, from a cleaned text and the removals that made it: the undo of
/// [`apply`].
///
/// # Errors
/// Removals that cannot have made this cleaned text (out of order, or past its end).
pub fn restore(cleaned: &str, removals: &[Removal]) -> Result<String, CleanupError> {
    let mut out = String::with_capacity(
        cleaned.len() + removals.iter().map(|r| r.removed.len()).sum::<usize>(),
    );
    // `at` walks the cleaned text, `orig` the original it rebuilds.
    let (mut at, mut orig) = (0, 0);
    for (index, r) in removals.iter().enumerate() {
        let keep = r.start.checked_sub(orig).ok_or_else(|| misfit(index, r))?;
        let piece = cleaned
            .get(at..at + keep)
            .filter(|_| r.end.checked_sub(r.start) == Some(r.removed.len()))
            .ok_or_else(|| misfit(index, r))?;
        out.push_str(piece);
        out.push_str(&r.removed);
        at += keep;
        orig = r.end;
    }
    out.push_str(cleaned.get(at..).unwrap_or_default());
    Ok(out)
}

fn misfit(index: usize, r: &Removal) -> CleanupError {
    CleanupError::Misfit {
        index,
        start: r.start,
        end: r.end,
    }
}

/// Cleans a document that has no annotation yet: the new document (same id and dct)
/// and what was removed.
///
/// # Errors
/// [`CleanupError::Annotated`] when it has annotations.
pub fn clean_document(doc: &Document) -> Result<(Document, Cleaned), CleanupError> {
    unannotated(doc)?;
    let cleaned = clean(&doc.text);
    let mut new = doc.clone();
    new.text = cleaned.text.clone();
    Ok((new, cleaned))
}

/// Undoes [`clean_document`] while the document still has no annotation.
///
/// # Errors
/// [`CleanupError::Annotated`] when it has annotations by now, or a misfit.
pub fn restore_document(doc: &Document, removals: &[Removal]) -> Result<Document, CleanupError> {
    unannotated(doc)?;
    let mut old = doc.clone();
    old.text = restore(&doc.text, removals)?;
    Ok(old)
}

fn unannotated(doc: &Document) -> Result<(), CleanupError> {
    match doc.annotations.len() {
        0 => Ok(()),
        n => Err(CleanupError::Annotated(n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_compiles_and_has_a_reason() {
        let n = rule_lines().count();
        assert!(n > 20);
        for (p, _) in rule_lines() {
            if let Err(e) = Pattern::new(p) {
                panic!("furniture rule `{p}` does not compile: {e}");
            }
        }
        assert_eq!(rules().len(), n);
        assert!(rule_lines().all(|(p, r)| !p.is_empty() && !r.is_empty()));
    }

    const PAGE: &str =
        "Talks fail in Geneva\n\nShare this article\n\nImage caption, Delegates left early\n\
The ministry said on Monday that [the talks](https://example.org/a) had failed.\n\n\
Getty Images\nRead more: Other talks\nSubscribe now!\n\
Home | News | Sport | Weather\nWe use cookies to improve your experience.\n\n\
![chart](img.png) Officials declined to comment.\n";

    #[test]
    fn furniture_is_removed_with_reasons() {
        let c = clean(PAGE);
        assert_eq!(
            c.text,
            "Talks fail in Geneva\n\nThe ministry said on Monday that the talks had failed.\n\n Officials declined to comment.\n"
        );
        let reasons: Vec<&str> = c.removals.iter().map(|r| r.reason.as_str()).collect();
        assert_eq!(
            reasons,
            [
                "share button",
                "image caption or credit label",
                LINK_REASON,
                LINK_REASON,
                "agency picture credit",
                "read-more or related line",
                "subscription prompt",
                "menu row of short items",
                "cookie banner",
                IMAGE_REASON,
            ]
        );
        for r in &c.removals {
            assert_eq!(&PAGE[r.start..r.end], r.removed);
        }
    }

    #[test]
    fn undo_restores_the_original_exactly() {
        let c = clean(PAGE);
        assert_eq!(restore(&c.text, &c.removals).unwrap(), PAGE);
        // Unticking some proposals: the rest still applies and undoes.
        let some: Vec<Removal> = c.removals.iter().step_by(2).cloned().collect();
        let partial = apply(PAGE, &some).unwrap();
        assert!(partial.contains("Image caption") && !partial.contains("Share this"));
        assert_eq!(restore(&partial, &some).unwrap(), PAGE);
        assert!(matches!(
            apply("other", &some),
            Err(CleanupError::Misfit { index: 0, .. })
        ));
        assert!(restore("", &c.removals[1..]).is_err());
    }

    #[test]
    fn article_lines_are_kept() {
        let text = "Share prices fell sharply on Monday after the announcement.\n\
The menu of options was short.\nHe said: \"Subscribe now\" was the slogan.\n\
Photo: a long caption that runs on and on "
            .to_string()
            + &"and on ".repeat(20);
        assert!(find(&text).is_empty(), "{:?}", find(&text));
        assert!(find("[not a link] (x) and [empty]() and [a\nb](c)").is_empty());
        assert!(clean("").text.is_empty());
    }

    #[test]
    fn annotated_documents_are_refused() {
        use crate::model::{Attrs, DateAttrs, DateKind, Origin, Status};
        let mut doc = Document::new("d", "Subscribe now\nBody", None);
        let (cleaned, c) = clean_document(&doc).unwrap();
        assert_eq!(cleaned.text, "Body");
        assert_eq!(
            restore_document(&cleaned, &c.removals).unwrap().text,
            doc.text
        );
        let span = ByteSpan::from_raw(14, 18).unwrap();
        let attrs = Attrs::Date(DateAttrs {
            kind: DateKind::Date,
            value: None,
        });
        doc.add(span, attrs, Origin::Manual, Status::Accepted);
        assert_eq!(
            clean_document(&doc).unwrap_err(),
            CleanupError::Annotated(1)
        );
    }

    /// The first rule matching each line, by the `regex` crate as the rules were
    /// written for it (whole line, case-insensitive).
    fn regex_reason(line: &str) -> Option<&'static str> {
        static SET: OnceLock<(regex::RegexSet, Vec<&str>)> = OnceLock::new();
        let (set, reasons) = SET.get_or_init(|| {
            let (patterns, reasons): (Vec<String>, Vec<&str>) =
                rule_lines().map(|(p, r)| (format!("^(?:{p})$"), r)).unzip();
            let set = regex::RegexSetBuilder::new(&patterns)
                .case_insensitive(true)
                .build()
                .unwrap();
            (set, reasons)
        });
        let short = !line.is_empty() && line.chars().count() <= MAX_LINE_CHARS;
        short
            .then(|| set.matches(line).iter().next())
            .flatten()
            .map(|i| reasons[i])
    }

    #[test]
    fn rules_match_as_regex_does_on_written_lines() {
        let lines = [
            "Subscribe",
            "Subscribe today.",
            "subscribe here!",
            "Subscribe to our newsletter",
            "Sign up for our daily newsletters and more",
            "Register for the Morning newsletter",
            "Sign up now",
            "Sign up for free!",
            "Already a subscriber? Log in",
            "Already have an account?",
            "Log in",
            "Login to continue",
            "Sign in to read more.",
            "Become a member today and save",
            "Support our journalism",
            "Support us",
            "This article is for subscribers only",
            "This story is available to members.",
            "Share",
            "Share this",
            "Share this article",
            "Share the story on Facebook:",
            "Share on WhatsApp",
            "Tweet",
            "Email",
            "Print",
            "Copy link",
            "Copy",
            "Email via Gmail",
            "Facebook Twitter",
            "Facebook, Twitter, WhatsApp",
            "Twitter | LinkedIn • Email",
            "X Reddit",
            "Facebook",
            "Follow us on Instagram!",
            "Follow us on X and Threads",
            "Click here to read the full report",
            "Tap here to open the app",
            "Image caption",
            "Image source, Reuters",
            "Image copyright: AFP",
            "Media caption",
            "Media caption, The minister arrives",
            "Photo: Jane Doe",
            "Photos: archive",
            "Picture credit: agency",
            "Video: 2 minutes",
            "Graphic: a map",
            "Illustration: x",
            "Photo by Jane Doe",
            "Image courtesy of the museum",
            "Picture by x",
            "Getty Images",
            "AFP",
            "Reuters",
            "AP Photo",
            "EPA",
            "Shutterstock",
            "Alamy",
            "PA Media",
            "Anadolu Agency",
            "AFP via Getty Images",
            "John Smith/Getty Images",
            "Jane Doe via Reuters",
            "A. N. Other for AFP",
            "Jean-Luc O'Neil/EPA",
            "© 2024 Example Media",
            "(c) 2023 News Ltd",
            "(C)2021",
            "Copyright 2020 Example",
            "Copyright © The Times",
            "We use cookies to improve your experience.",
            "This site uses cookies.",
            "By continuing, this website uses cookies to help",
            "Our partners and we use cookies",
            "Accept all cookies",
            "Reject cookies",
            "Manage cookie settings",
            "Allow cookies.",
            "Cookie settings",
            "Privacy policy",
            "Cookie preferences",
            "Skip to main content",
            "Skip to content",
            "Skip to navigation",
            "Menu",
            "Main menu",
            "Navigation",
            "Search",
            "Close",
            "Open menu",
            "Back to top",
            "Top of page",
            "Home | News | Sport | Weather",
            "World • Business • Tech",
            "News · Opinion · Sport · Culture",
            "Home|World",
            "Rock & Roll | Jazz's | Hip-hop",
            "Read more",
            "Read more: Other talks",
            "Read next > The vote",
            "More on this story",
            "More from Europe",
            "Related",
            "Related topics",
            "Related articles: x",
            "Related stories » y",
            "You may also like",
            "Recommended",
            "Most read",
            "Top stories",
            "Latest news › Live",
            "Advertisement",
            "Advert",
            "Sponsored",
            "Sponsored content",
            "Ad feedback",
            "Listen to this article",
            "Listen to the article 5 min",
            "Audio version",
            "Comments",
            "12 comments",
            "1 comment",
            "View comments",
            "Show comments",
            "Hide comments",
            "[1]: https://example.org",
            "[a ref]:http://x y",
            "SHARE THIS ARTICLE",
            "ÉLÉMENTS | PRESSE | ÉTÉ",
            "Suivez-nous • Éditions • Ça",
            "Share prices fell sharply on Monday.",
            "The menu of options was short.",
            "He said: \"Subscribe now\" was the slogan.",
            "Photo: ",
            "Related to the talks",
            "Reuters reported that talks failed",
            "We used cookies in 1990 as a test.",
            "Comments were closed",
            "a | b",
            "a | b | c d e",
            "x",
            "",
            "Search results for x",
            "Copyright",
            "Click here",
            "Follow us on",
            "Image",
            "[]: x",
            "[toolong toolong toolong toolong toolong toolong]: x",
            "Cookies: we use cookies, they said",
            "They said we uses cookies",
            "Share this article on",
            "Sign up to the weekly newsletter",
            "Subscribe to the Daily Brief newsletter today",
            "Twitter Facebook x",
            "Facebook Facebook",
            "Email Email,",
            "Home • • News",
            "cafe\u{301} | the\u{301} | x",
            "\u{1F600} | \u{1F600} | x",
        ];
        let mut scratch = Scratch::default();
        for line in lines {
            assert_eq!(
                furniture(line, &mut scratch),
                regex_reason(line),
                "{line:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn undo_is_exact_for_any_text(
            lines in proptest::collection::vec(
                "(Share|Subscribe now|Getty Images|Home \\| News \\| Sport|\\[a\\]\\(b\\)|!\\[c\\]\\(d\\)|[a-z \\[\\]()!é]{0,12}|)",
                0..12,
            ),
            ends in proptest::collection::vec("(\n|\r\n|\n\n)", 12),
        ) {
            let text: String = lines.iter().zip(&ends).map(|(l, e)| format!("{l}{e}")).collect();
            let c = clean(&text);
            proptest::prop_assert_eq!(restore(&c.text, &c.removals).unwrap(), text.clone());
            for pair in c.removals.windows(2) {
                proptest::prop_assert!(pair[0].end <= pair[1].start);
            }
        }

        #[test]
        fn rules_match_as_regex_does_on_any_line(
            parts in proptest::collection::vec(
                "(share|subscribe|sign (up|in)|log ?in|now|today|to|for|our|the|newsletters?|\
    image|photo|caption|credit|source|copyright|getty images|afp|reuters|epa|via|by|©|\\(c\\)|\
    2024|12|comments?|cookies?|we use|this site uses|accept|all|settings|policy|skip to|\
    main|content|menu|search|read more|related|stories|more from|you may also like|\
    advertisement|sponsored|listen to|article|audio version|facebook|twitter|x|email|\
    follow us on|click here to|become a member|support us|already a subscriber\\?|\
    \\[[a-z ]{0,3}\\]|[ ,.:!?|•·›»>/&'-]|[a-zé]{1,6}|\u{301})",
                0..9,
            ),
        ) {
            let line: String = parts.concat();
            let line = line.trim();
            proptest::prop_assert_eq!(furniture(line, &mut Scratch::default()), regex_reason(line));
        }
    }
}

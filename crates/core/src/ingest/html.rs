//! A small, safe HTML-to-text converter for importing saved web pages as plain text.
//!
//! Pure string processing in one pass: tags are read and dropped, never interpreted;
//! the contents of `script`, `style`, `head`, `template`, `noscript`, `svg` and
//! comments are dropped whole; block elements become line breaks (paragraph-like
//! blocks a blank line, so the sentence splitter sees paragraphs); runs of white space
//! collapse to one space outside `pre`; character references are decoded (common
//! named ones and all numeric ones). Nothing is ever executed or fetched, and a
//! malformed page still gives text: an unclosed tag or comment simply ends the input.

use std::borrow::Cow;

/// Elements whose whole content is dropped.
const DROPPED: [&str; 7] = [
    "script", "style", "head", "template", "noscript", "svg", "iframe",
];
/// Elements that end a line.
const LINE: [&str; 6] = ["br", "li", "tr", "dt", "dd", "option"];
/// Elements that end a paragraph.
const PARAGRAPH: [&str; 27] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "form",
    "title",
    "address",
];

/// The visible text of an HTML document or fragment.
pub fn to_text(html: &str) -> String {
    let mut out = Out::default();
    let mut rest = html;
    let mut pre = 0usize;
    while let Some(lt) = rest.find('<') {
        out.text(&rest[..lt], pre > 0);
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        let Some(tag) = Tag::read(rest) else {
            // A `<` that opens no tag (`a < b`) is text.
            out.text("<", pre > 0);
            rest = &rest[1..];
            continue;
        };
        rest = &rest[tag.len..];
        let name = tag.name;
        let is = |n: &str| n.eq_ignore_ascii_case(name);
        if !tag.closing && DROPPED.iter().any(|d| is(d)) {
            rest = skip_element(rest, name);
            continue;
        }
        if is("pre") {
            pre = if tag.closing {
                pre.saturating_sub(1)
            } else {
                pre + 1
            };
        }
        if is("br") {
            out.newline();
        } else if LINE.iter().any(|l| is(l)) {
            out.brk(1);
        } else if PARAGRAPH.iter().any(|p| is(p)) {
            out.brk(2);
        } else if (is("td") || is("th")) && tag.closing {
            out.text(" ", false);
        }
    }
    out.text(rest, pre > 0);
    out.finish()
}

/// A tag as read: its name as written, whether it closes, and its length in bytes.
struct Tag<'a> {
    name: &'a str,
    closing: bool,
    len: usize,
}

impl<'a> Tag<'a> {
    /// Reads the tag at the start of `s` (which starts with `<`). `None` when the
    /// `<` starts no tag. Declarations (`<!DOCTYPE …>`, `<?xml …?>`) read as a tag
    /// with an empty name.
    fn read(s: &'a str) -> Option<Tag<'a>> {
        let body = &s[1..];
        let (closing, body) = match body.strip_prefix('/') {
            Some(b) => (true, b),
            None => (false, body),
        };
        let first = body.chars().next()?;
        if !(first.is_ascii_alphabetic() || (!closing && matches!(first, '!' | '?'))) {
            return None;
        }
        let name_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(body.len());
        let name = if first.is_ascii_alphabetic() {
            &body[..name_len]
        } else {
            ""
        };
        // Find the closing `>`, skipping quoted attribute values that may hold one.
        let mut quote: Option<char> = None;
        for (i, c) in body.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if i > name_len => quote = Some(c),
                (None, '>') => {
                    return Some(Tag {
                        name,
                        closing,
                        len: s.len() - body.len() + i + 1,
                    })
                }
                _ => {}
            }
        }
        // An unclosed tag swallows the rest of the input, as browsers do.
        Some(Tag {
            name,
            closing,
            len: s.len(),
        })
    }
}

/// The input after the end tag of `name` (case-insensitive), or nothing when it is
/// never closed.
fn skip_element<'a>(s: &'a str, name: &str) -> &'a str {
    let mut from = 0;
    while let Some(i) = s[from..].find("</") {
        let at = from + i;
        let after = &s[at + 2..];
        let matches = after
            .get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && !after[name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
        if matches {
            return match after.find('>') {
                Some(j) => &after[j + 1..],
                None => "",
            };
        }
        from = at + 2;
    }
    ""
}

/// The text being written, with line breaks owed and white space collapsed.
#[derive(Default)]
struct Out {
    text: String,
    /// Line breaks to write before the next visible text (0, 1 or 2).
    owed: usize,
    /// A space to write before the next visible text on this line.
    space: bool,
}

impl Out {
    fn text(&mut self, raw: &str, pre: bool) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        for c in decoded.chars() {
            if pre && c == '\n' {
                self.newline();
            } else if !pre && c.is_whitespace() && c != '\u{a0}' {
                self.space = true;
            } else {
                self.flush();
                self.text.push(c);
            }
        }
    }

    fn flush(&mut self) {
        if self.text.is_empty() {
            self.owed = 0;
        }
        if self.owed > 0 {
            for _ in 0..self.owed {
                self.text.push('\n');
            }
            self.owed = 0;
        } else if self.space && !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push(' ');
        }
        self.space = false;
    }

    fn brk(&mut self, n: usize) {
        self.owed = self.owed.max(n);
        self.space = false;
    }

    /// `<br>` and line ends in `pre`: a line break even when nothing follows yet.
    fn newline(&mut self) {
        if self.owed > 0 {
            self.owed += 1;
            self.owed = self.owed.min(2);
        } else {
            self.text.push('\n');
        }
        self.space = false;
    }

    fn finish(self) -> String {
        self.text.trim_end().to_string()
    }
}

/// Named character references decoded (the common ones of news pages); others are
/// left as written.
const NAMED: [(&str, char); 48] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("deg", '°'),
    ("middot", '·'),
    ("bull", '•'),
    ("times", '×'),
    ("divide", '÷'),
    ("minus", '−'),
    ("plusmn", '±'),
    ("sect", '§'),
    ("para", '¶'),
    ("shy", '\u{ad}'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
    ("lrm", '\u{200e}'),
    ("rlm", '\u{200f}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("aacute", 'á'),
    ("ccedil", 'ç'),
    ("uuml", 'ü'),
];

/// The longest reference read (`&#x10FFFF;` and the longest name fit).
const MAX_REF: usize = 12;

/// Decodes character references: `&name;` for the names above, `&#123;` and
/// `&#x1F600;`. Numbers that name no character (zero, surrogates, beyond U+10FFFF)
/// become U+FFFD; unknown names and a `&` without `;` stay as written.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference at the start of `s` stands for, and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    let semi = s
        .get(1..)?
        .char_indices()
        .take(MAX_REF)
        .find(|&(_, c)| c == ';')?
        .0
        + 1;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        char::from_u32(n)
            .filter(|&c| c != '\0')
            .unwrap_or('\u{fffd}')
    } else {
        NAMED.iter().find(|(name, _)| *name == body)?.1
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_and_head_are_dropped() {
        let html = "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head>\
            <body><script>alert('<p>x</p>')</script><p onclick=\"alert(1)\">Talks <b>fail</b>.</p>\
            <SCRIPT type=x>evil()</SCRIPT ><!-- a <p> comment --><p>Next</p></body></html>";
        assert_eq!(to_text(html), "Talks fail.\n\nNext");
    }

    #[test]
    fn blocks_become_breaks_and_space_collapses() {
        let html =
            "<h1>Title</h1>\n  <div>One\n   two</div><ul><li>a</li><li>b</li></ul>x<br>y<br/><br>z";
        assert_eq!(to_text(html), "Title\n\nOne two\n\na\nb\n\nx\ny\n\nz");
        assert_eq!(to_text("<pre>a\n  b</pre>c"), "a\n  b\n\nc");
        assert_eq!(
            to_text("<table><tr><td>1</td><td>2</td></tr></table>"),
            "1 2"
        );
    }

    #[test]
    fn entities_named_and_numeric() {
        assert_eq!(
            decode_entities("&lt;b&gt; &amp;amp; &ldquo;Hi&rdquo; &#233;&#x1F600; &bogus; a & b &#0; &#xD800; &#99999999;"),
            "<b> &amp; “Hi” é😀 &bogus; a & b \u{fffd} \u{fffd} \u{fffd}"
        );
        assert_eq!(to_text("a&nbsp;b &lt;script&gt;"), "a\u{a0}b <script>");
    }

    #[test]
    fn malformed_markup_never_panics() {
        for html in [
            "<",
            "<p",
            "</",
            "<!--",
            "<script>",
            "a < b > c",
            "<a href='>'>x</a>",
            "&#",
            "&",
            "<é>",
            "<p>\u{1F600}",
        ] {
            let _ = to_text(html);
        }
        assert_eq!(to_text("a < b"), "a < b");
        assert_eq!(to_text("<a href='x>y'>link</a>"), "link");
        assert_eq!(to_text("<script>never closed"), "");
        assert_eq!(
            to_text("<head><title>t</title><header>h</header></head>body"),
            "body"
        );
    }

    const NBSP: char = '\u{a0}';

    proptest::proptest! {
        #[test]
        fn any_markup_gives_text_without_panic(html in "[<>/a-zA-Z!\\-&#;x0-9 \"'=\n\u{e9}\u{1F600}]{0,80}") {
            let text = to_text(&html);
            let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() && c != NBSP);
            proptest::prop_assert_eq!(trimmed, text.as_str());
            let _ = decode_entities(&html);
        }
    }
}

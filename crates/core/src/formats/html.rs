//! A self-contained HTML report for a reader: the article with its highlights and a
//! "who claimed what, when" table. One file, no script, no external resource (a
//! Content-Security-Policy forbids both), readable offline in any browser.
//!
//! All text is HTML-escaped. Highlights are drawn by segmenting the text at every
//! span boundary, so overlapping spans of different layers all show: each layer
//! uses its own CSS property (background, underline, outline), and colour is never
//! the only cue (Okabe-Ito colours, plus a line style per layer).

use std::fmt::Write as _;

use crate::model::{Annotation, Attrs, Document, Layer, Status};
use crate::text::ByteSpan;

use super::claim_rows::rows;
use super::{exported, ExportOptions};

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "\
body{font:16px/1.6 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#111}\
.text{white-space:pre-wrap;overflow-wrap:anywhere}\
.actor{background:#cde3f2;border-bottom:2px solid #0072B2}\
.date{box-shadow:inset 0 -4px 0 #E69F00}\
.claim{background:#c9eadf}\
.source{text-decoration:underline wavy #CC79A7}\
.cue{font-weight:bold;color:#8a3a00}\
.suggested{outline:1px dashed #555}\
.legend span{margin-right:1rem;padding:0 .25rem}\
table{border-collapse:collapse;width:100%;margin-top:1rem}\
th,td{border:1px solid #999;padding:.3rem;vertical-align:top;text-align:start}\
th{background:#eee}";

/// Writes the report of one document.
pub fn export(doc: &Document, options: &ExportOptions) -> String {
    let mut out = String::new();
    let title = escape(&doc.id);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>claimlens: {title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1 dir=\"auto\">{title}</h1>\n"
    );
    if let Some(d) = doc.dct {
        let _ = writeln!(out, "<p>Article date: {d}</p>");
    }
    out.push_str(
        "<p class=\"legend\">Legend: <span class=\"actor\">actor</span><span class=\"date\">date</span>\
         <span class=\"claim\">claim</span><span class=\"source\">source</span><span class=\"cue\">cue</span>\
         <span class=\"suggested\">dashed: suggestion not yet reviewed</span></p>\n</header>\n",
    );
    out.push_str("<main>\n<article class=\"text\" dir=\"auto\">");
    highlight(doc, options, &mut out);
    out.push_str("</article>\n<section>\n<h2>Who claimed what, when</h2>\n");
    let rows = rows(doc, options);
    if rows.is_empty() {
        out.push_str("<p>No claims.</p>\n");
    } else {
        out.push_str(
            "<table>\n<thead><tr><th>Source</th><th>Stance</th><th>Cue</th><th>Claim</th>\
             <th>When</th><th>Status</th></tr></thead>\n<tbody>\n",
        );
        for r in rows {
            let source = if r.source_entity.is_empty() || r.source_entity == r.source {
                escape(&r.source)
            } else {
                format!("{} ({})", escape(&r.source), escape(&r.source_entity))
            };
            let when = if r.date_text.is_empty() && !r.date.is_empty() {
                format!("{} (article date)", escape(&r.date))
            } else if r.date_text.is_empty() || r.date_text == r.date {
                escape(&r.date)
            } else {
                format!("{} ({})", escape(&r.date_text), escape(&r.date))
            };
            let _ = writeln!(
                out,
                "<tr><td dir=\"auto\">{source}</td><td>{}</td><td dir=\"auto\">{}</td><td dir=\"auto\">{}</td><td>{when}</td><td>{}</td></tr>",
                r.stance,
                escape(&r.cue),
                escape(&r.content),
                r.status
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n</main>\n</body>\n</html>\n");
    out
}

/// One highlighted stretch: its span, CSS classes and hover text.
struct Mark {
    span: ByteSpan,
    class: &'static str,
    suggested: bool,
    title: String,
}

fn describe(a: &Annotation) -> String {
    match &a.attrs {
        Attrs::Actor(x) => format!("actor: {} ({})", a.attrs.kind_name(), x.entity),
        Attrs::Date(x) => match &x.value {
            Some(v) => format!("date: {} = {v}", a.attrs.kind_name()),
            None => format!("date: {}", a.attrs.kind_name()),
        },
        Attrs::Claim(c) => match c.stance {
            Some(s) => format!("claim: {}, {}", a.attrs.kind_name(), s.name()),
            None => format!("claim: {}", a.attrs.kind_name()),
        },
    }
}

/// Writes the text cut at every span boundary, each piece in the marks covering it.
fn highlight(doc: &Document, options: &ExportOptions, out: &mut String) {
    let text = doc.text.as_str();
    let mut marks = Vec::new();
    for a in exported(doc, options) {
        let suggested = a.status == Status::Suggested;
        let class = match a.layer() {
            Layer::Actor => "actor",
            Layer::Date => "date",
            Layer::Claim => "claim",
        };
        let title = describe(a);
        if let Attrs::Claim(c) = &a.attrs {
            for (span, class) in [(c.source, "source"), (c.cue, "cue")] {
                if let Some(span) = span {
                    marks.push(Mark {
                        span,
                        class,
                        suggested,
                        title: format!("{class} of the {title}"),
                    });
                }
            }
            let pieces = if c.fragments.is_empty() {
                vec![a.span]
            } else {
                c.fragments.clone()
            };
            for span in pieces {
                marks.push(Mark {
                    span,
                    class,
                    suggested,
                    title: title.clone(),
                });
            }
        } else {
            marks.push(Mark {
                span: a.span,
                class,
                suggested,
                title,
            });
        }
    }
    let mut cuts: Vec<usize> = marks
        .iter()
        .flat_map(|m| [m.span.start().0, m.span.end().0])
        .chain([0, text.len()])
        .collect();
    crate::order::sort(&mut cuts);
    cuts.dedup();
    // Marks sorted by start; `open` holds those covering the current piece.
    crate::order::sort_by_key(&mut marks, |m| m.span.start());
    let mut next = 0;
    let mut open: Vec<&Mark> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        open.retain(|m| m.span.end().0 > a);
        while next < marks.len() && marks[next].span.start().0 <= a {
            if marks[next].span.end().0 > a {
                open.push(&marks[next]);
            }
            next += 1;
        }
        let piece = escape(&text[a..b]);
        if open.is_empty() {
            out.push_str(&piece);
            continue;
        }
        for m in &open {
            let extra = if m.suggested { " suggested" } else { "" };
            let _ = write!(
                out,
                "<span class=\"{}{extra}\" title=\"{}\">",
                m.class,
                escape(&m.title)
            );
        }
        out.push_str(&piece);
        for _ in &open {
            out.push_str("</span>");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, Origin};

    #[test]
    fn everything_is_escaped_and_nothing_runs() {
        let text = "<script>alert('x')</script> & \"Baku\" said";
        let mut doc = Document::new("<b>id</b>", text, None);
        let i = text.find("Baku").unwrap();
        doc.add(
            ByteSpan::from_raw(i, i + 4).unwrap(),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Country,
                entity: "\"><img src=x onerror=alert(1)>".into(),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        let html = export(&doc, &ExportOptions::default());
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"));
        assert!(html
            .contains("<span class=\"actor suggested\" title=\"actor: country (&quot;&gt;&lt;img"));
        assert!(html.contains("default-src 'none'"));
    }
}

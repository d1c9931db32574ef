//! CoNLL-style IOB2 columns: one token a line (`TOKEN START END ACTOR DATE CLAIM`,
//! tab-separated, offsets in code points), a blank line between sentences, a
//! `# doc_id = ...` comment before each document and a header naming the scheme.
//!
//! One tag column per layer. Tokens are cut at every span boundary so each tag is
//! exact. IOB cannot nest: where two spans of one layer overlap, the one starting
//! first (the longer on a tie) tags the shared tokens. The claim column tags the
//! content (`CLAIM_DIRECT`/`CLAIM_INDIRECT`) and its `SOURCE` and `CUE`.

use std::fmt::Write as _;

use crate::model::{Attrs, Document, Layer};
use crate::text::{sentences, ByteOffset, ByteSpan, OffsetMap};

use super::labels;
use super::segments::{boundaries, cut_tokens};
use super::{exported, ExportOptions};

/// Writes `docs` as IOB2 columns.
pub fn export(docs: &[Document], options: &ExportOptions) -> String {
    let mut out = String::from(
        "# claimlens IOB2 export: scheme = IOB2 (B- begins a span, I- continues it, O is outside)\n\
         # columns = TOKEN\tSTART\tEND\tACTOR\tDATE\tCLAIM (offsets in code points, END exclusive)\n",
    );
    let _ = writeln!(
        out,
        "# annotations = {}; rejected suggestions left out",
        if options.include_suggestions {
            "accepted and suggested"
        } else {
            "accepted only"
        }
    );
    for doc in docs {
        out.push('\n');
        write_doc(doc, options, &mut out);
    }
    out
}

/// A labelled stretch of one column.
struct Chunk {
    span: ByteSpan,
    label: &'static str,
}

fn write_doc(doc: &Document, options: &ExportOptions, out: &mut String) {
    let text = doc.text.as_str();
    let map = OffsetMap::new(text);
    let mut columns: [Vec<Chunk>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for a in exported(doc, options) {
        let col = match a.layer() {
            Layer::Actor => 0,
            Layer::Date => 1,
            Layer::Claim => 2,
        };
        columns[col].push(Chunk {
            span: a.span,
            label: labels::label_of(&a.attrs),
        });
        if let Attrs::Claim(c) = &a.attrs {
            columns[2].extend(c.source.map(|span| Chunk {
                span,
                label: labels::SOURCE,
            }));
            columns[2].extend(c.cue.map(|span| Chunk {
                span,
                label: labels::CUE,
            }));
        }
    }
    for col in &mut columns {
        crate::order::sort_by_key(col, |c| (c.span.start(), std::cmp::Reverse(c.span.end())));
    }
    let spans: Vec<ByteSpan> = columns.iter().flatten().map(|c| c.span).collect();
    let tokens = cut_tokens(text, &boundaries(&spans));
    let sentence_starts: Vec<usize> = sentences(text).iter().map(|s| s.start().0).collect();
    // Which chunk tags each token, per column: the first (by start) covering it.
    let owners: Vec<Vec<Option<usize>>> = columns
        .iter()
        .map(|chunks| {
            let mut owner = vec![None; tokens.len()];
            for (k, c) in chunks.iter().enumerate() {
                let mut i = tokens.partition_point(|t| t.start() < c.span.start());
                while i < tokens.len() && tokens[i].end() <= c.span.end() {
                    owner[i].get_or_insert(k);
                    i += 1;
                }
            }
            owner
        })
        .collect();
    let _ = writeln!(out, "# doc_id = {}", doc.id.replace(['\n', '\r'], " "));
    // Per column: the chunk tagging the previous token, and a cursor into the chunks.
    let mut current: [Option<usize>; 3] = [None; 3];
    let mut sentence = 0;
    for (i, t) in tokens.iter().enumerate() {
        let mut new_sentence = false;
        while sentence < sentence_starts.len() && sentence_starts[sentence] <= t.start().0 {
            sentence += 1;
            new_sentence = true;
        }
        if new_sentence && i > 0 {
            out.push('\n');
        }
        let chars = |o: ByteOffset| map.byte_to_char(o).map_or(0, |c| c.0);
        let _ = write!(
            out,
            "{}\t{}\t{}",
            &text[t.range()],
            chars(t.start()),
            chars(t.end())
        );
        for (col, chunks) in columns.iter().enumerate() {
            let covering = owners[col][i];
            let tag = match covering {
                None => "O".to_string(),
                Some(k) => {
                    let prefix = if current[col] == Some(k) && !new_sentence {
                        "I"
                    } else {
                        "B"
                    };
                    format!("{prefix}-{}", chunks[k].label)
                }
            };
            current[col] = covering;
            let _ = write!(out, "\t{tag}");
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, ClaimKind, Origin, Status};
    use crate::test_support::{claim_attrs, span_of};

    #[test]
    fn one_tag_column_per_layer() {
        let text = "Azerbaijani forces said the truce held.";
        let mut doc = Document::new("d", text, None);
        let at = |s: &str| span_of(text, s);
        doc.add(
            at("Azerbaijani forces"),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Group,
                entity: "Azerbaijani forces".into(),
            }),
            Origin::Auto,
            Status::Accepted,
        );
        doc.add(
            at("the truce held"),
            Attrs::Claim(claim_attrs(
                ClaimKind::Indirect,
                Some(at("Azerbaijani forces")),
                Some(at("said")),
            )),
            Origin::Auto,
            Status::Suggested,
        );
        let out = export(&[doc], &ExportOptions::default());
        assert!(out.contains("IOB2"));
        assert!(
            out.contains("Azerbaijani\t0\t11\tB-GROUP\tO\tB-SOURCE\n"),
            "{out}"
        );
        assert!(
            out.contains("forces\t12\t18\tI-GROUP\tO\tI-SOURCE\n"),
            "{out}"
        );
        assert!(out.contains("said\t19\t23\tO\tO\tB-CUE\n"), "{out}");
        assert!(
            out.contains("held\t34\t38\tO\tO\tI-CLAIM_INDIRECT\n"),
            "{out}"
        );
        assert!(out.contains(".\t38\t39\tO\tO\tO\n"), "{out}");
    }
}

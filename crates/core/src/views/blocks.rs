//! Blocks: the pieces an article is drawn in. A block is a paragraph, except that a
//! paragraph longer than a limit (a log pasted on one line, a megabyte without a line
//! break) is cut into blocks of about that size, so no single piece of the page is
//! too big to draw (or lay out) in one go. A cut never falls inside an annotation
//! when it can be helped: it prefers the end of a sentence, then the start of a word,
//! both outside every annotation; text with neither (no spaces at all) is cut at a
//! character boundary, after the annotation that covers it if one does. Cost: one
//! pass over the text, a binary search per candidate cut.

use crate::text::{paragraphs, ByteSpan};

/// The blocks of `text`, in order: its [`paragraphs`], with every paragraph longer
/// than `max` bytes (at least 64) cut into blocks of at most about `max` bytes at
/// places none of `spans` (the annotations, in any order) straddles. Blocks are
/// trimmed of surrounding white space, like paragraphs.
pub fn blocks(text: &str, spans: &[ByteSpan], max: usize) -> Vec<ByteSpan> {
    let max = max.max(64);
    let covered = Covered::of(spans);
    let mut out = Vec::new();
    for p in paragraphs(text) {
        let (mut pos, end) = (p.start().0, p.end().0);
        while end - pos > max {
            let cut = cut_between(text, &covered, pos, end, max);
            push_trimmed(text, pos, cut, &mut out);
            pos = cut;
        }
        push_trimmed(text, pos, end, &mut out);
    }
    out
}

/// Where to end the block that starts at `pos` (before `end`, which is more than
/// `max` bytes away): always after `pos`, at or before `end`.
fn cut_between(text: &str, covered: &Covered, pos: usize, end: usize, max: usize) -> usize {
    let bytes = text.as_bytes();
    let target = floor_boundary(text, pos + max);
    let lowest = pos + max / 4;
    let mut word_start = None;
    // Backwards from the target: the first sentence end wins; else the last word start.
    let mut i = target;
    while i > lowest {
        let word_starts = bytes[i - 1].is_ascii_whitespace() && !bytes[i].is_ascii_whitespace();
        if word_starts && !covered.inside(i) {
            if ends_sentence(text, i) {
                return i;
            }
            word_start.get_or_insert(i);
        }
        i -= 1;
    }
    if let Some(i) = word_start {
        return i;
    }
    // No space to cut at (one long token, or a script written without spaces).
    let cut = match covered.around(target) {
        Some(annotation_end) => annotation_end,
        None => target,
    };
    if cut > pos && cut <= end {
        cut
    } else {
        end
    }
}

/// True when the word starting at `i` (after white space) follows a sentence's end.
fn ends_sentence(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end();
    before.ends_with(['.', '!', '?', '"', '\'', '\u{201D}', '\u{2019}', ')'])
}

/// The largest character boundary at or before `i` (and after 0 when `i` is).
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<ByteSpan>) {
    let piece = &text[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        if let Ok(span) = ByteSpan::from_raw(a + lead, b - trail) {
            out.push(span);
        }
    }
}

/// The text the annotations cover, as disjoint intervals in order.
struct Covered(Vec<(usize, usize)>);

impl Covered {
    fn of(spans: &[ByteSpan]) -> Covered {
        let mut sorted: Vec<(usize, usize)> = spans
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| (s.start().0, s.end().0))
            .collect();
        sorted.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(sorted.len());
        for (s, e) in sorted {
            match merged.last_mut() {
                // Overlapping, not merely touching: a cut where one ends and the next
                // begins splits neither.
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        Covered(merged)
    }

    /// The end of the interval strictly around `i`, if one is.
    fn around(&self, i: usize) -> Option<usize> {
        let k = self.0.partition_point(|&(_, e)| e <= i);
        self.0.get(k).filter(|&&(s, _)| s < i).map(|&(_, e)| e)
    }

    /// True when a cut at `i` would split an annotation.
    fn inside(&self, i: usize) -> bool {
        self.around(i).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(a: usize, b: usize) -> ByteSpan {
        ByteSpan::from_raw(a, b).unwrap()
    }

    fn texts<'t>(text: &'t str, blocks: &[ByteSpan]) -> Vec<&'t str> {
        blocks.iter().map(|b| b.slice(text).unwrap()).collect()
    }

    #[test]
    fn short_paragraphs_are_the_blocks() {
        let text = "Baku said no.\n\n  Yerevan agreed.  \n";
        assert_eq!(blocks(text, &[], 64), paragraphs(text));
        assert!(blocks("", &[], 64).is_empty());
        assert!(blocks(" \n\n ", &[], 64).is_empty());
    }

    #[test]
    fn a_long_line_is_cut_at_sentence_ends_within_the_limit() {
        let sentence = "The minister said the talks went well. ";
        let text = sentence.repeat(40);
        let bs = blocks(&text, &[], 200);
        assert!(bs.len() > 5, "{} blocks", bs.len());
        for b in texts(&text, &bs) {
            assert!(b.len() <= 200, "{} bytes", b.len());
            assert!(b.starts_with("The") && b.ends_with("well."), "{b:?}");
        }
        // Nothing but the white space between blocks is left out.
        let joined: String = texts(&text, &bs).join(" ");
        assert_eq!(joined, text.trim_end());
    }

    #[test]
    fn no_cut_falls_inside_an_annotation() {
        let sentence = "Officials in Baku said that the border was calm. ";
        let text = sentence.repeat(30);
        // A claim across every other pair of sentences, and an actor in each.
        let mut spans = Vec::new();
        for k in (0..30).step_by(2) {
            let at = k * sentence.len();
            spans.push(span(at, at + 2 * sentence.len() - 1));
            spans.push(span(at + 13, at + 17));
        }
        let bs = blocks(&text, &spans, 150);
        assert!(bs.len() > 3);
        for pair in bs.windows(2) {
            let cut = pair[1].start().0;
            for s in &spans {
                assert!(
                    cut <= s.start().0 || cut >= s.end().0,
                    "cut {cut} inside {s:?}"
                );
            }
        }
    }

    #[test]
    fn an_annotation_longer_than_the_limit_stays_whole() {
        let text = "word ".repeat(100);
        let claim = span(50, 399);
        let bs = blocks(&text, &[claim], 100);
        assert!(bs.iter().any(|b| b.contains(&claim)), "{bs:?}");
    }

    #[test]
    fn text_without_spaces_is_cut_at_character_boundaries() {
        let text = "日本語のテキスト".repeat(100);
        let bs = blocks(&text, &[], 100);
        assert!(bs.len() > 10);
        assert_eq!(texts(&text, &bs).concat(), text);
        let dots = ".".repeat(1000);
        let covered = blocks(&dots, &[span(0, 300)], 100);
        assert_eq!(
            covered[0],
            span(0, 300),
            "the cut waits for the annotation's end"
        );
        assert_eq!(texts(&dots, &covered).concat(), dots);
    }
}

//! Direct quotes attributed after the quote (`"Y," X said`, `"Y," said X`), split
//! quotes (`"Y1," X said, "Y2"`: one claim, two fragments), and follow-on quotes: a
//! quote opening a sentence with no cue of its own belongs to the previous source.
//! Quotes attributed before (`X said: "Y"`) are found with indirect speech, whose
//! content simply starts with the quote.

use super::cues::Frame;
use super::draft::Draft;
use super::scene::Scene;
use super::source;
use crate::model::ClaimKind;
use crate::text::TokenKind;

/// The longest source phrase between a quote and its cue, in tokens.
const GAP: usize = 30;
/// How far after the cue a split quote may resume, in tokens (`said on Friday, "Y2"`).
const RESUME: usize = 8;

fn words(scene: &Scene, a: usize, b: usize) -> usize {
    (a..b)
        .filter(|&i| scene.ctx.kind(i) == Some(TokenKind::Word))
        .take(3)
        .count()
}

/// True when a quote names a show, book or slogan inside a phrase (`on “Fox News
/// Sunday,”`): it follows a preposition or article, or is a short title-case name.
fn is_title(scene: &Scene, q: &super::quotes::Quote) -> bool {
    let ctx = scene.ctx;
    // `on CBS's “Face the Nation,”`: a possessive names the show's owner.
    let inside_phrase = q.open > 0
        && (matches!(
            ctx.word(q.open - 1),
            "of" | "on" | "in" | "the" | "a" | "to" | "from" | "with" | "by" | "at" | "for"
        ) || ctx.kind(q.open - 1) == Some(TokenKind::Possessive));
    // Title case keeps short function words low (`Face the Nation`).
    let short_title = q.inner_end - q.inner_start <= 6
        && ctx.is_capitalised(q.inner_start)
        && (q.inner_start..q.inner_end).all(|i| {
            ctx.kind(i) != Some(TokenKind::Word)
                || ctx.is_capitalised(i)
                || matches!(
                    ctx.word(i),
                    "the" | "of" | "and" | "a" | "an" | "in" | "on" | "for" | "to"
                )
        });
    inside_phrase || short_title
}

/// Attributes quotes to the cue that follows them; marks the cues and quotes it uses.
pub(crate) fn attribute(
    scene: &Scene,
    used: &mut [bool],
    consumed: &mut [bool],
    out: &mut Vec<Draft>,
) {
    let ctx = scene.ctx;
    for (qi, q) in scene.quotes.iter().enumerate() {
        if consumed[qi] || words(scene, q.inner_start, q.inner_end) < 2 || is_title(scene, q) {
            continue;
        }
        let mut k = q.end;
        if ctx.is(k, ",") {
            k += 1;
        } else if ctx.is(q.inner_end.saturating_sub(1), ".") {
            // `"Y." X said` is no attribution form: the period closed the sentence.
            continue;
        }
        let Some(c) = scene.cue_from(k) else { continue };
        let cue = &scene.cues[c];
        if used[c]
            || cue.start > k + GAP
            || cue.participle
            || matches!(cue.frame, Frame::Object | Frame::Mind)
            || ctx.paragraph_index(cue.start) != ctx.paragraph_index(q.open)
        {
            continue;
        }
        let (_, se) = ctx.sentence(cue.verb);
        let src = if cue.start == k {
            // `"Y," said the ruling`: after a quote any phrase can be the speaker.
            source::right_of(ctx, cue.end, se)
        } else if cue.frame == Frame::According {
            None
        } else {
            source::left_of(ctx, cue.start, k).filter(|&(s, _)| s == k)
        };
        let Some(src) = src else { continue };
        // `Mills "got a deal," Roe said` and `Turkey calls on "Y," Roe said`: the words
        // before a quote in its sentence belong to the attributed content.
        let (qs, _) = ctx.sentence(q.open);
        let body = ctx.body_start(qs, q.open);
        let start = if body < q.open { body } else { q.inner_start };
        let mut content = vec![(start, q.inner_end)];
        // `"Y1," X said, "Y2"`: the quote resumes after a comma in the same sentence.
        let after = src.1.max(cue.end);
        let mut j = after;
        while j < se.min(after + RESUME) && !ctx.is(j, ",") {
            j += 1;
        }
        if ctx.is(j, ",") {
            if let Some(q2) = scene.quote_opening(j + 1) {
                if !consumed[q2] {
                    consumed[q2] = true;
                    let q2 = &scene.quotes[q2];
                    content.push((q2.inner_start, q2.inner_end));
                }
            }
        }
        used[c] = true;
        consumed[qi] = true;
        out.push(Draft {
            content,
            source: Some(src),
            cue: (cue.start, cue.end),
            stance: cue.stance,
            kind: ClaimKind::Direct,
        });
    }
}

/// Gives each unattributed quote that opens a sentence the source of the claim before
/// it, when that claim is in the same or the previous paragraph.
pub(crate) fn follow_on(scene: &Scene, consumed: &[bool], out: &mut Vec<Draft>) {
    let ctx = scene.ctx;
    crate::order::sort_by_key(out, |d| (d.start(), d.end()));
    let mut covered = vec![false; ctx.len() + 1];
    for d in out.iter() {
        for &(a, b) in &d.content {
            for slot in covered.iter_mut().take(b).skip(a) {
                *slot = true;
            }
        }
    }
    let mut added = Vec::new();
    let mut merged: Vec<(usize, (usize, usize))> = Vec::new();
    let mut prev: Option<usize> = None;
    let mut next = 0;
    for (qi, q) in scene.quotes.iter().enumerate() {
        while next < out.len() && out[next].end() <= q.open {
            if out[next].source.is_some() {
                prev = Some(next);
            }
            next += 1;
        }
        if consumed[qi]
            || covered.get(q.inner_start).copied().unwrap_or(true)
            || words(scene, q.inner_start, q.inner_end) < 3
        {
            continue;
        }
        let (ss, _) = ctx.sentence(q.open);
        if ss != q.open {
            continue;
        }
        let Some(p) = prev.and_then(|p| out.get(p)) else {
            continue;
        };
        let para = ctx.paragraph_index(q.open);
        let gap = para - ctx.paragraph_index(p.end().saturating_sub(1)).min(para);
        if gap > 1 {
            continue;
        }
        if gap == 0 && (p.kind == ClaimKind::Direct || p.cue.0 >= p.end()) {
            // `"Y1," X said. "Y2."`: the speaker goes on; one claim in two pieces.
            merged.push((prev.unwrap_or(0), (q.inner_start, q.inner_end)));
            continue;
        }
        added.push(Draft {
            content: vec![(q.inner_start, q.inner_end)],
            source: p.source,
            cue: p.cue,
            stance: p.stance,
            kind: ClaimKind::Direct,
        });
    }
    for (p, piece) in merged {
        if let Some(d) = out.get_mut(p) {
            d.content.push(piece);
        }
    }
    out.extend(added);
}

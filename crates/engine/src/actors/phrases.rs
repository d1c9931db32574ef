//! Actors that are not runs of capitals: countries joined by a hyphen
//! (`Azerbaijan-Armenia clashes` names two actors) and lower-case collective actors
//! (`the international community`, listed in `data/actors/group_phrases.txt`).

use super::gazetteer::{self, Known};
use super::words::Words;
use super::ActorMention;
use crate::model::ActorKind;
use crate::text::{ByteSpan, TokenKind};

/// Mentions that are not capitalised runs: countries joined by a hyphen
/// (`Azerbaijan-Armenia clashes`) and lower-case collective actors (`the international
/// community`).
pub(super) fn extra_mentions(words: &Words<'_>, out: &mut Vec<ActorMention>) {
    let g = gazetteer::get();
    let ws = &words.words;
    // Only the words noted while reading the text can start such a mention.
    for &i in &words.extra {
        let Some(w) = ws.get(i) else {
            continue;
        };
        if w.kind != TokenKind::Word {
            continue;
        }
        if w.is_capitalised() && w.text.contains('-') {
            let parts: Vec<(usize, &str)> = w
                .text
                .split('-')
                .scan(0, |at, p| {
                    let start = *at;
                    *at += p.len() + 1;
                    Some((start, p))
                })
                .collect();
            let countries: Vec<Option<&'static str>> = parts
                .iter()
                .map(|(_, p)| match g.name(p) {
                    Some(Known::Country(c) | Known::Seat(c)) => Some(c),
                    _ => None,
                })
                .collect();
            if parts.len() >= 2 && countries.iter().all(Option::is_some) {
                let base = w.start;
                for ((at, p), c) in parts.iter().zip(countries) {
                    let Ok(span) = ByteSpan::from_raw(base + at, base + at + p.len()) else {
                        continue;
                    };
                    out.push(ActorMention {
                        span,
                        kind: ActorKind::Country,
                        entity: c.unwrap_or(p).to_string(),
                    });
                }
            }
        } else if i >= 1 && g.is_group_phrase(ws[i - 1].text, w.text) {
            if let Ok(span) = ByteSpan::from_raw(ws[i - 1].start, w.end()) {
                out.push(ActorMention {
                    span,
                    kind: ActorKind::Group,
                    entity: format!("{} {}", ws[i - 1].text, w.text),
                });
            }
        }
    }
}

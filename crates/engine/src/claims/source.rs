//! The source of a claim: finds the phrase naming who speaks next to a cue (left of
//! `said`, right of `said` in `Y, said X`, after `according to`), steps over
//! appositions (`X, the aide to Y, said`) and time phrases (`X on Friday said`), and
//! resolves pronouns and role nouns (`he`, `the ministry`) to an actor entity.

// The fast word hasher: cue and source words are looked up once per token.
use crate::actors::fasthash::{FastMap as HashMap, FastSet as HashSet};
use std::sync::OnceLock;

use super::context::Context;
use super::cues::is_cue_word;
use crate::actors::ActorMention;
use crate::model::ActorKind;
use crate::text::{ByteSpan, TokenKind};

static STOPS: &str = crate::data::word_list!(include_str!("../../data/claims/source_stops.txt"));
static PRONOUNS: &str = crate::data::word_list!(include_str!("../../data/claims/pronouns.txt"));
static ROLES: &str = crate::data::word_list!(include_str!("../../data/claims/roles.txt"));

/// The kind of actor a pronoun or role noun usually stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refers {
    Person,
    Organisation,
    Group,
    Any,
}

struct Words {
    stops: HashSet<&'static str>,
    pronouns: HashMap<&'static str, Refers>,
    roles: HashMap<&'static str, Refers>,
}

fn refers(name: &str) -> Refers {
    match name {
        "person" => Refers::Person,
        "organisation" => Refers::Organisation,
        "group" => Refers::Group,
        _ => Refers::Any,
    }
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let pairs = |list: &'static str| {
            crate::data::fields(list)
                .filter_map(|f| Some((*f.first()?, refers(f.get(1).copied().unwrap_or("")))))
                .collect()
        };
        Words {
            stops: crate::data::entries(STOPS).collect(),
            pronouns: pairs(PRONOUNS),
            roles: pairs(ROLES),
        }
    })
}

/// Longest source phrase, in tokens.
const MAX_SOURCE: usize = 16;
/// Days and other time words that may sit between a source and its cue.
const TIME_WORDS: [&str; 17] = [
    "week",
    "month",
    "year",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "evening",
    "afternoon",
    "night",
];

/// Prepositions whose object cannot be the subject of a cue.
const PREPOSITIONS: [&str; 14] = [
    "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "over", "during",
    "against", "under",
];

/// Prepositions that attach a phrase inside a source (`attorneys for the family`,
/// `experts on North Korea`, `ambassador to Russia`).
const ATTACHING: [&str; 11] = [
    "of", "for", "on", "at", "in", "from", "by", "with", "to", "over", "among",
];

/// True when token `i` may be part of a speaker's name or description.
fn in_phrase(ctx: &Context, i: usize) -> bool {
    match ctx.kind(i) {
        Some(TokenKind::Word) => ctx.phrase_word(i, || {
            !words().stops.contains(ctx.word(i)) && !is_cue_word(ctx, i)
        }),
        Some(TokenKind::Number) | Some(TokenKind::Possessive) => true,
        // A period only after an abbreviation (`Gov.`, `W.`), not a sentence end.
        Some(TokenKind::Punct) => {
            matches!(ctx.raw(i), "&" | "@")
                || (ctx.is(i, ".")
                    && i > 0
                    && ctx.is_capitalised(i - 1)
                    && ctx.raw(i - 1).chars().count() <= 4)
        }
        None => false,
    }
}

/// True when token `i` can open a source phrase (not a preposition or subordinator).
pub(crate) fn starts_phrase(ctx: &Context, i: usize) -> bool {
    in_phrase(ctx, i) && !ATTACHING.contains(&ctx.word(i))
}

/// True when a phrase ending at token `last` can name a source (not a bare function word).
fn has_head(ctx: &Context, last: usize) -> bool {
    ctx.is(last, ")")
        || ctx.kind(last) == Some(TokenKind::Word)
            && !matches!(
                ctx.word(last),
                "the" | "a" | "an" | "of" | "and" | "his" | "her" | "their" | "its" | "also"
            )
}

/// The source phrase ending just before token `end`, not reaching before `floor`.
pub(crate) fn left_of(ctx: &Context, end: usize, floor: usize) -> Option<(usize, usize)> {
    let mut e = end;
    // `X on Friday said`, `X in a statement on Monday said`: skip the time phrase.
    while e > floor && TIME_WORDS.contains(&ctx.word(e - 1)) {
        e -= 1;
        if e > floor
            && matches!(
                ctx.word(e - 1),
                "on" | "last" | "this" | "late" | "early" | "next" | "earlier"
            )
        {
            e -= 1;
        }
    }
    // `those close to him say`: an object pronoun is no subject; its phrase is.
    if e > floor + 2
        && matches!(ctx.word(e - 1), "him" | "her" | "them" | "me" | "us")
        && ctx.raw(e - 1) != "US"
    {
        if let Some((s, _)) = left_of_plain(ctx, e - 2, floor) {
            // `those close to him`: the quantifier or demonstrative heads the phrase.
            let head = s > floor
                && matches!(
                    ctx.word(s - 1),
                    "those" | "some" | "many" | "most" | "all" | "few" | "several"
                );
            return Some((if head { s - 1 } else { s }, e));
        }
    }
    // `the guides I wrote`, `the money he says`: a pronoun right after a noun opens
    // an object relative clause; the writer is describing, not attributing.
    if e > floor + 1
        && matches!(ctx.word(e - 1), "i" | "he" | "she" | "we" | "they")
        && ctx.kind(e - 2) == Some(TokenKind::Word)
        && !ctx.is_capitalised(e - 2)
        && in_phrase(ctx, e - 2)
        && !TIME_WORDS.contains(&ctx.word(e - 2))
        && !crate::claims::cues::is_auxiliary(ctx.word(e - 2))
        && !matches!(ctx.word(e - 2), "and" | "then" | "yes" | "no" | "well")
    {
        return None;
    }
    // `many of whom say`, `who in 2010 said`: the relative pronoun is the source.
    if e > floor && matches!(ctx.word(e - 1), "who" | "whom" | "which") {
        return Some((e - 1, e));
    }
    if e > floor + 2
        && ctx.kind(e - 1) == Some(TokenKind::Number)
        && matches!(ctx.word(e - 2), "in" | "on" | "at")
        && matches!(ctx.word(e - 3), "who" | "whom" | "which")
    {
        return Some((e - 3, e - 2));
    }
    let mut s = scan_left(ctx, e, floor);
    // `X in 2008 said`: a trailing year or prepositional time phrase is no head.
    while e > s + 1
        && (ctx.kind(e - 1) == Some(TokenKind::Number) || ATTACHING.contains(&ctx.word(e - 1)))
    {
        e -= 1;
    }
    // Leading prepositions, numbers and periods belong to what came before.
    // A number heading a share (`40 percent said`) stays.
    let share = |s: usize| matches!(ctx.word(s + 1), "percent" | "%" | "per");
    while s < e
        && (ctx.is(s, ".")
            || (ctx.kind(s) == Some(TokenKind::Number) && !share(s))
            || ATTACHING.contains(&ctx.word(s))
            || ctx.is(s, "("))
    {
        s += 1;
    }
    if s < e && has_head(ctx, e - 1) {
        // The object of a preposition is no subject (`32% of Republican claims`).
        if s > floor && PREPOSITIONS.contains(&ctx.word(s - 1)) {
            return None;
        }
        return Some((s, e));
    }
    // `X, the aide to Y, said` and `X, who lives in Y, said`: the name before the apposition.
    if e > floor + 1 && ctx.is(e - 1, ",") {
        let mut c = e - 1;
        while c > floor && e - c < 30 && !ctx.is(c - 1, ",") {
            c -= 1;
        }
        if c > floor + 1 && ctx.is(c - 1, ",") && is_apposition(ctx, c) {
            if let Some(inner) = left_of_plain(ctx, c - 1, floor) {
                return Some(inner);
            }
        }
    }
    // `Name, director of the institute, said`, `Name (D-N.Y.), chairman of X, said`,
    // `Name, 56, who served in X, told`, `Name -- author of X -- said`: a name opening
    // the sentence, then an apposition up to the cue.
    if e > floor + 1 && (ctx.is(e - 1, ",") || is_dash(ctx, e - 1)) {
        if let Some(first) = first_delimiter(ctx, floor, e - 1) {
            if is_name_run(ctx, floor, first) {
                return Some((floor, first));
            }
        }
    }
    None
}

/// True when token `i` is a dash that sets off an apposition.
fn is_dash(ctx: &Context, i: usize) -> bool {
    matches!(ctx.raw(i), "-" | "–" | "—" | "―" | "--")
}

/// The first comma, dash or opening parenthesis in `[a, b)`, close to `a`.
fn first_delimiter(ctx: &Context, a: usize, b: usize) -> Option<usize> {
    (a..b.min(a + 10)).find(|&i| ctx.is(i, ",") || ctx.is(i, "(") || is_dash(ctx, i))
}

/// True when `[a, b)` is a short capitalised name (`Richard Roe`, `Gov. Ed Roe`).
fn is_name_run(ctx: &Context, a: usize, b: usize) -> bool {
    b > a
        && b - a <= 8
        && (a..b).all(|i| {
            (ctx.kind(i) == Some(TokenKind::Word) && ctx.is_capitalised(i)) || ctx.is(i, ".")
        })
}

fn left_of_plain(ctx: &Context, end: usize, floor: usize) -> Option<(usize, usize)> {
    let mut s = scan_left(ctx, end, floor);
    while s < end && (ctx.is(s, ".") || ATTACHING.contains(&ctx.word(s))) {
        s += 1;
    }
    (s < end && has_head(ctx, end - 1)).then_some((s, end))
}

/// Where a name or description ending before token `e` starts: words, prepositions
/// inside it (`experts on Korea`) and parentheses (`Sen. Roe (R-Ga.)`).
fn scan_left(ctx: &Context, e: usize, floor: usize) -> usize {
    let mut s = e;
    while s > floor && e - s < MAX_SOURCE {
        if in_phrase(ctx, s - 1) || (s < e && ATTACHING.contains(&ctx.word(s - 1))) {
            s -= 1;
        } else if ctx.is(s - 1, ")") {
            match (floor..s - 1).rev().take(8).find(|&k| ctx.is(k, "(")) {
                Some(k) => s = k,
                None => break,
            }
        } else {
            break;
        }
    }
    s
}

/// True when the clause starting at token `i` describes the name before it.
fn is_apposition(ctx: &Context, i: usize) -> bool {
    let w = ctx.word(i);
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "who"
            | "which"
            | "whose"
            | "former"
            | "another"
            | "in"
            | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "however"
            | "too"
            | "meanwhile"
            // `X, like Y, said`, `X, now the leader, said`.
            | "like"
            | "unlike"
            | "now"
            | "along"
    ) || w.ends_with("ing")
        // `The report, released on Tuesday, said`: a past participle describing it,
        // with a phrase of time, place or agent (unlike `X, earned $5, compared`).
        || (w.ends_with("ed")
            && matches!(
                ctx.word(i + 1),
                "on" | "in" | "by" | "at" | "last" | "this" | "earlier" | "yesterday" | "today"
                    | "from" | "to" | "with" | "after" | "before" | "during" | "since"
            ))
        || (ctx.is_capitalised(i) && ctx.kind(i) == Some(TokenKind::Word))
}

/// The source phrase starting at token `start` (after `according to`, or `said X`),
/// ending before `limit`.
pub(crate) fn right_of(ctx: &Context, start: usize, limit: usize) -> Option<(usize, usize)> {
    let mut s = start;
    if matches!(ctx.word(s), "the" | "a" | "an") {
        s += 1;
    }
    let mut e = s;
    // Reporting words may name the source here (`according to show insiders`).
    while e < limit
        && e - start < MAX_SOURCE
        && (in_phrase(ctx, e) || (is_cue_word(ctx, e) && !ctx.word(e).ends_with("ing")))
    {
        e += 1;
    }
    while e > s && !has_head(ctx, e - 1) {
        e -= 1;
    }
    (s < e).then_some((start, e))
}

/// True when `w` (lower case) is a role noun (`aide`, `ministry`).
pub(crate) fn is_role(w: &str) -> bool {
    words().roles.contains_key(w)
}

/// True when `[s, e)` reads as a speaker named after the cue (`said Ann Roe`): short
/// or closed by a comma, and without a verb of its own.
pub(crate) fn is_inverted_speaker(ctx: &Context, (s, e): (usize, usize)) -> bool {
    (e - s <= 6 || ctx.is(e, ","))
        && !(s..e).any(|i| crate::claims::cues::is_auxiliary(ctx.word(i)))
        && is_speaker(ctx, (s, e))
}

/// True when the phrase looks like a speaker: a capital, a pronoun or a role noun.
pub(crate) fn is_speaker(ctx: &Context, (s, e): (usize, usize)) -> bool {
    let w = words();
    (s..e).any(|i| ctx.is_capitalised(i) && ctx.kind(i) == Some(TokenKind::Word))
        || (s..e).any(|i| w.pronouns.contains_key(ctx.word(i)) || w.roles.contains_key(ctx.word(i)))
}

/// The actor the source names, or refers to when it is a pronoun or role noun; with the
/// span to snap the source to when the phrase ends in the actor's name.
///
/// - `Prime Minister Nikol Pashinyan`: the name ends the phrase: snap to it.
/// - `Azerbaijan's defence ministry`: a role head with a fitting actor inside: that actor.
/// - `he`, `the ministry`: the nearest fitting actor before, within a few paragraphs.
pub(crate) fn resolve(
    ctx: &Context,
    (s, e): (usize, usize),
    actors: &[ActorMention],
) -> (Option<ByteSpan>, Option<String>) {
    let Some(span) = ctx.span(s, e) else {
        return (None, None);
    };
    // Actors are sorted by start; those inside the phrase, last first.
    let first_after = actors.partition_point(|a| a.span.start() < span.end());
    let inside = || {
        actors[..first_after]
            .iter()
            .rev()
            .take_while(|a| a.span.end() > span.start())
            .filter(|a| span.contains(&a.span))
    };
    let mut head_end = e;
    while head_end > s + 1 && matches!(ctx.raw(head_end - 1), ")" | "," | ".") {
        head_end -= 1;
    }
    let head_byte = ctx.span(head_end - 1, head_end).map(|h| h.end());
    if let Some(a) = inside().find(|a| Some(a.span.end()) == head_byte) {
        return (Some(a.span), Some(a.entity.clone()));
    }
    let w = words();
    let head = ctx.word(head_end - 1);
    if let Some(&wanted) = w.roles.get(head) {
        if inside().next().is_some() {
            let entity = inside()
                .find(|a| fits(a.kind, wanted))
                .map(|a| a.entity.clone());
            return (Some(span), entity);
        }
    }
    let Some(&wanted) = w.pronouns.get(head).or_else(|| w.roles.get(head)) else {
        return (Some(span), None);
    };
    let before = actors.partition_point(|a| a.span.start() < span.start());
    let entity = actors[..before]
        .iter()
        .rev()
        .take_while(|a| span.start().0.saturating_sub(a.span.end().0) < 2000)
        .find(|a| fits(a.kind, wanted))
        .map(|a| a.entity.clone());
    (Some(span), entity)
}

fn fits(kind: ActorKind, wanted: Refers) -> bool {
    match wanted {
        Refers::Person => kind == ActorKind::Person,
        Refers::Organisation => matches!(kind, ActorKind::Organisation | ActorKind::Country),
        Refers::Group => kind != ActorKind::Person,
        Refers::Any => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn left(text: &str, cue_word: &str) -> String {
        let ctx = Context::new(text);
        let i = (0..ctx.len())
            .find(|&i| ctx.word(i) == cue_word)
            .unwrap_or(0);
        left_of(&ctx, i, 0)
            .and_then(|(s, e)| ctx.span(s, e))
            .map_or(String::new(), |s| text[s.range()].to_string())
    }

    #[test]
    fn phrase_left_of_the_cue() {
        assert_eq!(
            left("On Monday, the Armenian envoy said", "said"),
            "the Armenian envoy"
        );
        assert_eq!(
            left("Prime Minister Justin Trudeau on Friday said", "said"),
            "Prime Minister Justin Trudeau"
        );
        assert_eq!(
            left("Hajiyev, the aide to the president, said", "said"),
            "Hajiyev"
        );
        assert_eq!(left("He said", "said"), "He");
    }

    #[test]
    fn pronouns_resolve_to_the_last_actor() {
        let text = "Aliyev spoke. He said it.";
        let ctx = Context::new(text);
        let actors = [ActorMention {
            span: ByteSpan::from_raw(0, 6).unwrap_or_else(|_| unreachable!()),
            kind: ActorKind::Person,
            entity: "Ilham Aliyev".into(),
        }];
        let (_, entity) = resolve(&ctx, (3, 4), &actors);
        assert_eq!(entity.as_deref(), Some("Ilham Aliyev"));
    }
}

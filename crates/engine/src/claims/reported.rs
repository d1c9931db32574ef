//! Indirect speech: turns each reporting cue into a claim by its frame.
//!
//! - `X said (that) Y`, `X told Z that Y`, `X urged Z to Y`, `X denied Y`: source left,
//!   content right, up to the end of the sentence or the next attribution
//!   (`, saying ...`, `, the ministry said`, `and said ...`).
//! - `Y, X said` and `Y, said X`: content before the comma.
//! - `, saying Y` and `, adding that Y`: the source of the main clause.
//! - `according to X, Y` and `Y, according to X`.
//!
//! A content that opens with a quotation mark runs to the quote's end, even across
//! sentences, and makes the claim direct.

use super::adverbials;
use super::context::Context;
use super::cues::{self, is_cue_word, Cue, Frame};
use super::draft::Draft;
use super::scene::Scene;
use super::source;
use crate::model::ClaimKind;
use crate::text::TokenKind;

/// The longest gap (in tokens) between a comma and the cue it introduces.
const ATTRIBUTION_GAP: usize = 8;
/// The longest indirect content, in tokens: keeps run-on text linear.
const MAX_CONTENT: usize = 150;
/// The longest time or place phrase after a cue (`said in a statement on Monday`).
const MAX_ADVERBIAL: usize = 12;

impl Scene<'_, '_> {
    /// True when token `t` (a comma, `and`, a dash) starts a new attribution: a cue
    /// follows within a few tokens, with only a source phrase between.
    fn is_barrier(&self, t: usize) -> bool {
        let ctx = self.ctx;
        // A live-blog time stamp (`18:00 GMT`) starts a new entry.
        if ctx.kind(t) == Some(TokenKind::Number)
            && matches!(ctx.word(t + 1), "gmt" | "utc")
            && ctx.raw(t).contains(':')
        {
            return true;
        }
        let conjunction = matches!(ctx.word(t), "and" | "but");
        let dash = dash_width(ctx, t);
        if !(ctx.is(t, ",") || dash > 0 || conjunction) {
            // `Y; they learned Z`: a semicolon closes reported content.
            return ctx.is(t, ";");
        }
        // The first token after the delimiter; a quote may close right after a comma
        // (`a “bold step,” comparing`, `“fit to serve,” while`).
        let mut u = t + dash.max(1);
        if !conjunction {
            if let Some(q) = self.quote_around(t).filter(|q| q.inner_end == t + 1) {
                u = q.end;
            }
        }
        // `, although Y`, `— as was true`: a subordinate clause of the writer's.
        if !conjunction && is_subordinator(ctx.word(u)) {
            return true;
        }
        // `, aside from saying Y`, `, before adding Y`: a participle cue behind a
        // preposition starts an attribution of its own.
        if !conjunction {
            let mut p = u;
            while p < u + 2 && is_participle_lead(ctx.word(p)) {
                p += 1;
            }
            if p > u
                && self
                    .cue_from(p)
                    .is_some_and(|c| self.cues[c].start == p && self.cues[c].participle)
            {
                return true;
            }
        }
        // `, and rights groups warned`: the clause may open with a conjunction.
        if !conjunction && matches!(ctx.word(u), "and" | "but" | "while" | "whereas") {
            u += 1;
        }
        // `, which the agency called Y`, `-- who cited Y`: a relative clause holding an
        // attribution of its own.
        let relative = !conjunction && matches!(ctx.word(u), "which" | "who" | "whom");
        let Some(c) = self.cue_from(u) else {
            return false;
        };
        let cue = &self.cues[c];
        if cue.start > u + ATTRIBUTION_GAP {
            return false;
        }
        if cue.start == u {
            // `, saying`, `, according to`, `and said`, `but noted`, `, said X`.
            return cue.participle
                || cue.frame == Frame::According
                || u > t + 1
                || conjunction
                || {
                    let (_, se) = ctx.sentence(cue.start);
                    source::right_of(ctx, cue.end, se).is_some()
                };
        }
        if relative && cue.start == u + 1 {
            return true;
        }
        // `, the ministry said`, `and Aliyev said`: a new speaker.
        let from = if relative { u + 1 } else { u };
        source::left_of(ctx, cue.start, from)
            .is_some_and(|src| src.0 == from && source::is_speaker(ctx, src))
    }

    /// Where the content starting at token `a` ends: the sentence's end or the first
    /// barrier; a content that opens a quote runs to the quote's end.
    pub(crate) fn content_from(
        &self,
        a: usize,
        sentence_end: usize,
    ) -> Option<((usize, usize), ClaimKind)> {
        let ctx = self.ctx;
        if let Some(q) = self.quote_opening(a).map(|q| &self.quotes[q]) {
            if ends_clause(ctx, q.end) || q.end >= sentence_end {
                return Some(((q.inner_start, q.inner_end), ClaimKind::Direct));
            }
        }
        // Content inside a quote ends with the quote.
        let sentence_end = match self.quote_around(a) {
            Some(q) => sentence_end.min(q.inner_end),
            None => sentence_end,
        };
        let sentence_end = self.opening_clause_end(a, sentence_end);
        let mut b = a;
        while b < sentence_end && b < a + MAX_CONTENT && !(b > a && self.is_barrier(b)) {
            b += 1;
        }
        (b > a && !ctx.is(b - 1, "?")).then_some(((a, b), ClaimKind::Indirect))
    }
}

impl Scene<'_, '_> {
    /// Where a content starting at token `a` must end when it lies in a sentence's
    /// opening subordinate clause (`Though she called for Y, Clinton said Z`): at the
    /// comma closing that clause; otherwise `sentence_end`.
    fn opening_clause_end(&self, a: usize, sentence_end: usize) -> usize {
        let ctx = self.ctx;
        let (ss, _) = ctx.sentence(a);
        let body = ctx.body_start(ss, sentence_end);
        let opens = matches!(
            ctx.word(body),
            "though"
                | "although"
                | "while"
                | "whereas"
                | "when"
                | "if"
                | "because"
                | "since"
                | "once"
                | "unless"
                | "after"
                | "before"
        );
        // Bounded scans keep run-on text linear.
        if !opens || a > body + MAX_CONTENT || (body..a).any(|k| ctx.is(k, ",")) {
            return sentence_end;
        }
        self.clause_comma(a, sentence_end).unwrap_or(sentence_end)
    }

    /// The first comma from token `a` that closes a clause: outside quotes, or inside
    /// one that closes right after it (`called it “unfit,” Roe said`).
    fn clause_comma(&self, a: usize, sentence_end: usize) -> Option<usize> {
        (a..sentence_end.min(a + MAX_CONTENT)).find(|&k| {
            self.ctx.is(k, ",")
                && self
                    .quote_around(k)
                    .is_none_or(|q| q.inner_end == k + 1 && q.open >= a)
        })
    }
}

/// True when token `i` ends the clause: sentence end, a period, or a comma.
fn ends_clause(ctx: &Context, i: usize) -> bool {
    let (s, _) = ctx.sentence(i.min(ctx.len().saturating_sub(1)));
    i >= ctx.len() || s == i || matches!(ctx.raw(i), "." | "," | "!" | ";")
}

/// Builds claims for every cue not used by a quote attribution.
pub(crate) fn find(scene: &Scene, used: &[bool], out: &mut Vec<Draft>) {
    let ctx = scene.ctx;
    // Sources already found (quote attributions), by cue position, for participles.
    let mut earlier: Vec<(usize, (usize, usize))> = out
        .iter()
        .filter_map(|d| Some((d.cue.0, d.source?)))
        .collect();
    crate::order::sort(&mut earlier);
    let mut next_earlier = 0;
    // The source of the last claim per sentence, for participles.
    let mut last: Option<(usize, (usize, usize))> = None;
    for (n, cue) in scene.cues.iter().enumerate() {
        let (ss, se) = ctx.sentence(cue.verb);
        while next_earlier < earlier.len() && earlier[next_earlier].0 < cue.start {
            let (at, src) = earlier[next_earlier];
            last = Some((ctx.sentence(at).0, src));
            next_earlier += 1;
        }
        if used.get(n).copied().unwrap_or(false) {
            continue;
        }
        let main = last.filter(|(s, _)| *s == ss).map(|(_, src)| src);
        let draft = match cue.frame {
            _ if cue.agent => by_agent(scene, cue, ss, se),
            Frame::According => according(scene, cue, ss, se),
            // `Y also stating Z` with no comma: the adverb makes it read as a clause.
            _ if cue.participle => participle(scene, cue, ss, se, main)
                .or_else(|| opening_participle(scene, cue, ss, se))
                .or_else(|| (cue.start < cue.verb).then(|| finite(scene, cue, ss, se))?),
            // `X rejected Y and said Z`: the coordinated verb shares the subject.
            _ if cue.start > 0 && ctx.word(cue.start - 1) == "and" => match main {
                Some(_) => participle(scene, cue, ss, se, main),
                None => finite(scene, cue, ss, se).or_else(|| participle(scene, cue, ss, se, main)),
            },
            // `X urged Y but said Z`: a statement after `but` shares the subject too.
            _ if cue.start > 0
                && ctx.word(cue.start - 1) == "but"
                && matches!(cue.frame, Frame::Speech | Frame::Tell)
                && main.is_some() =>
            {
                participle(scene, cue, ss, se, main)
            }
            Frame::Mind => mind(scene, cue, ss, se),
            _ => finite(scene, cue, ss, se),
        };
        // `"We condemn Y," the ministry said`: the quote is the claim; verbs of the
        // speaker's own pronouns inside it are part of it, not claims of their own.
        // Named sources inside a quote (`"Moscow explained that Y"`) stay: nested.
        let pronoun_in_quote = |d: &Draft| {
            d.source.is_some_and(|(s, e)| {
                e == s + 1
                    && matches!(
                        ctx.word(s),
                        "i" | "we" | "you" | "he" | "she" | "it" | "they"
                    )
                    && scene.quote_around(s).is_some()
            })
        };
        if let Some(d) = draft.filter(|d| !pronoun_in_quote(d)) {
            if let Some(src) = d.source {
                last = Some((ss, src));
            }
            out.push(d);
        }
    }
}

fn draft(
    cue: &Cue,
    content: (usize, usize),
    kind: ClaimKind,
    source: Option<(usize, usize)>,
) -> Draft {
    Draft {
        content: vec![content],
        source,
        cue: (cue.start, cue.end),
        stance: cue.stance,
        kind,
    }
}

/// Where the content of a cue begins: after the hearer of `told`, after `that`.
fn content_start(ctx: &Context, cue: &Cue, se: usize) -> usize {
    let mut a = cue.end;
    // `said in a statement that Y`, `told his counterpart that Y`: only a hearer or an
    // adverbial phrase may stand between the cue and `that`.
    let skippable = match cue.frame {
        Frame::Tell => true,
        Frame::Speech => is_adverbial_start(ctx, a),
        _ => false,
    };
    if skippable {
        let mut k = a;
        while k < se && k < a + 2 * ATTRIBUTION_GAP {
            let w = ctx.word(k);
            if w == "that" && k > a {
                return k + 1;
            }
            if w == "to" && cue.frame == Frame::Tell {
                return k;
            }
            // `said in a statement: "Y"`, `told the BBC, "Y"`.
            if k > a && (ctx.is(k, ":") || (ctx.is(k, ",") && is_opening_quote(ctx, k + 1))) {
                return k + 1;
            }
            if ctx.kind(k) == Some(TokenKind::Punct) || is_cue_word(ctx, k) {
                break;
            }
            k += 1;
        }
    }
    while a < se && matches!(ctx.raw(a), ":" | ",") {
        a += 1;
    }
    if ctx.word(a) == "that" {
        a += 1;
    }
    a
}

/// True when token `i` is an opening quotation mark.
fn is_opening_quote(ctx: &Context, i: usize) -> bool {
    matches!(ctx.raw(i), "“" | "\"" | "‘" | "'")
}

/// How many tokens the dash at token `t` spans: `—`, `–`, `―`, a spaced `-` or `--`;
/// 0 when it is no dash.
fn dash_width(ctx: &Context, t: usize) -> usize {
    match ctx.raw(t) {
        "—" | "–" | "―" => 1,
        "-" if ctx.is(t + 1, "-") => 2,
        "-" if t > 0 && !ctx.is(t - 1, "-") => 1,
        _ => 0,
    }
}

/// True when `w` opens a subordinate clause that is not part of reported content.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "although" | "though" | "while" | "whereas" | "despite" | "amid" | "unless" | "because"
    )
}

/// True when `w` may stand between a comma and a participle cue (`, aside from saying`).
fn is_participle_lead(w: &str) -> bool {
    matches!(
        w,
        "aside"
            | "apart"
            | "from"
            | "before"
            | "after"
            | "by"
            | "without"
            | "instead"
            | "of"
            | "while"
            | "when"
            | "thus"
            | "thereby"
    )
}

/// True when token `k` opens a time, place or manner phrase (`in a statement`).
fn is_adverbial_start(ctx: &Context, k: usize) -> bool {
    adverbials::opens_adverbial(ctx.word(k))
}

fn finite(scene: &Scene, cue: &Cue, ss: usize, se: usize) -> Option<Draft> {
    let ctx = scene.ctx;
    let body = ctx.body_start(ss, se);
    // `Y, said X.`: content before, source after; checked first, since a comma
    // before the cue may also look like the end of an apposition.
    if cue.frame != Frame::Object && cue.start > body && ctx.is(cue.start - 1, ",") {
        let inverted = source::right_of(ctx, cue.end, se).filter(|&src| {
            // `said a union source in the room.`: a place after a plain name.
            let plain = || {
                ctx.word(cue.end - 1) != "that"
                    && !matches!(ctx.word(src.0), "he" | "she" | "it" | "they" | "we" | "i")
                    && (src.0..src.1).all(|k| {
                        let w = ctx.word(k);
                        !(w.ends_with("ing") || w.ends_with("ed"))
                    })
                    && tail_is_adverbial(ctx, src.1, se)
            };
            source::is_inverted_speaker(ctx, src) && (ends_clause(ctx, src.1) || plain())
        });
        if let Some(src) = inverted {
            return Some(draft(
                cue,
                (body, cue.start),
                ClaimKind::Indirect,
                Some(src),
            ));
        }
    }
    let src = source::left_of(ctx, cue.start, body)?;
    // `As X said, Y`: the content follows the comma.
    if src.0 > body && ctx.word(src.0 - 1) == "as" && ctx.is(cue.end, ",") {
        let (content, kind) = scene.content_from(cue.end + 1, se)?;
        return Some(draft(cue, content, kind, Some(src)));
    }
    // `Y, as X have said.`: the content comes before.
    if src.0 > body + 2
        && ctx.word(src.0 - 1) == "as"
        && ctx.is(src.0 - 2, ",")
        && tail_is_adverbial(ctx, cue.end, se)
    {
        return Some(draft(
            cue,
            (body, src.0 - 2),
            ClaimKind::Indirect,
            Some(src),
        ));
    }
    // `Y, X said.`: nothing (or only a time or place phrase) after the cue.
    let comma_then_no_quote = ctx.is(cue.end, ",") && scene.quote_opening(cue.end + 1).is_none();
    // A verb whose content follows it (`denied Y`), or a relative clause (`the party,
    // who opposes this motion, is`), takes no content from before the comma.
    let relative = src.1 == src.0 + 1 && matches!(ctx.word(src.0), "who" | "which");
    if src.0 > body
        && cue.frame != Frame::Object
        && !relative
        && matches!(ctx.raw(src.0 - 1), "," | "—" | "–")
        && (tail_is_adverbial(ctx, cue.end, se) || comma_then_no_quote)
    {
        let before = (body, src.0 - 1);
        // `Y1, X said, Y2`: the content goes on after the cue.
        let rest = if comma_then_no_quote && !tail_is_adverbial(ctx, cue.end, se) {
            scene.content_from(cue.end + 1, se).filter(|((a, b), _)| {
                b - a >= 4
                    && !is_adverbial_start(ctx, *a)
                    && scene.cue_from(*a).is_none_or(|c| scene.cues[c].start > *a)
            })
        } else {
            None
        };
        return Some(match rest {
            // `During the war, X said, Y`: an opening adverbial is no content.
            Some((after, kind)) if is_adverbial_start(ctx, body) => {
                draft(cue, after, kind, Some(src))
            }
            Some((after, _)) => Draft {
                content: vec![before, after],
                ..draft(cue, before, ClaimKind::Indirect, Some(src))
            },
            None => draft(cue, before, ClaimKind::Indirect, Some(src)),
        });
    }
    // `the plan, which critics oppose, will`: a verb of this frame with a comma right
    // after it had its object before it, in the relative pronoun (`asked, “Y”` quotes).
    if cue.frame == Frame::Object && ctx.is(cue.end, ",") && !is_opening_quote(ctx, cue.end + 1) {
        return None;
    }
    complement(scene, cue, se, src)
}

/// `X believes (that) Y`, `X wants (Z) to Y`, `X plans to Y`: a speaker right before
/// the cue and a complement right after it; questions and noun uses (`plans for`) are
/// no claims.
fn mind(scene: &Scene, cue: &Cue, ss: usize, se: usize) -> Option<Draft> {
    let ctx = scene.ctx;
    // A question (`Do you think Y?`, also before a closing quote) or a title (`A Plan
    // to Y`) holds no belief of a source.
    let question = (ss..se).rev().take(3).any(|i| ctx.is(i, "?"));
    if question || (cue.verb > ss && ctx.is_capitalised(cue.verb)) {
        return None;
    }
    let body = ctx.body_start(ss, se);
    // `The union, which represents nurses, wants Y`: an apposition may end at the cue.
    let apposition = cue.start > body && ctx.is(cue.start - 1, ",");
    let mut src = source::left_of(ctx, cue.start, body)
        .filter(|&s| (s.1 == cue.start || apposition) && source::is_speaker(ctx, s))?;
    // `And I think`, `the staff and I want`: a pronoun before the cue is the whole
    // subject; a relative pronoun (`people who want`) is none.
    let last = src.1 - 1;
    if matches!(ctx.word(last), "i" | "we" | "you" | "he" | "she" | "they") {
        src = (last, src.1);
    }
    if matches!(ctx.word(last), "who" | "which" | "that" | "whoever") {
        return None;
    }
    let a = content_start(ctx, cue, se);
    // `plans for`, `the plan is`: a noun, not a verb with a complement.
    if a >= se
        || ctx.kind(a) == Some(TokenKind::Punct) && !is_opening_quote(ctx, a)
        || matches!(
            ctx.word(a),
            "for"
                | "of"
                | "in"
                | "on"
                | "at"
                | "with"
                | "and"
                | "or"
                | "from"
                | "by"
                | "so"
                | "is"
                | "was"
                | "are"
                | "were"
                | "has"
                | "had"
                | "will"
                | "would"
        )
    {
        return None;
    }
    // `knows it`: an object pronoun; `agreed it was Y`: a clause.
    if ctx.word(a) == "it" && !cues::is_auxiliary(ctx.word(a + 1)) {
        return None;
    }
    let (content, kind) = scene.content_from(a, se)?;
    Some(draft(cue, content, kind, Some(src)))
}

/// The claim of `src` whose content is the cue's complement: the rest of the
/// sentence after the cue, or the next paragraph when the sentence ends there.
fn complement(scene: &Scene, cue: &Cue, se: usize, src: (usize, usize)) -> Option<Draft> {
    let a = content_start(scene.ctx, cue, se);
    let (content, kind) = scene
        .content_from(a, se)
        .or_else(|| next_paragraph(scene, a))?;
    Some(draft(cue, content, kind, Some(src)))
}

/// `Limbaugh added:` ending its line: the statement is the next paragraph.
fn next_paragraph(scene: &Scene, a: usize) -> Option<((usize, usize), ClaimKind)> {
    let ctx = scene.ctx;
    let colon_ends_line = a > 0
        && ctx.is(a - 1, ":")
        && (a >= ctx.len() || ctx.paragraph_index(a) != ctx.paragraph_index(a - 1));
    if !colon_ends_line || a >= ctx.len() {
        return None;
    }
    if let Some(q) = scene.quote_opening(a).map(|q| &scene.quotes[q]) {
        return Some(((q.inner_start, q.inner_end), ClaimKind::Direct));
    }
    let (s, e) = ctx.sentence(a);
    let para_end = (s..ctx.len())
        .take_while(|&i| ctx.paragraph_index(i) == ctx.paragraph_index(a))
        .take(3 * 150)
        .last()
        .map_or(e, |i| i + 1);
    Some(((a, para_end), ClaimKind::Indirect))
}

/// True when the tokens from `a` to the sentence end hold no content: nothing, or a
/// phrase like `in a statement`, `on Friday`, `during a press briefing`.
fn tail_is_adverbial(ctx: &Context, a: usize, se: usize) -> bool {
    // `said.` ends the statement even when the splitter saw no sentence end after it.
    if ctx.is(a, ".") {
        return true;
    }
    let mut k = a;
    while k < se && matches!(ctx.raw(k), "," | "!") {
        k += 1;
    }
    if k >= se || ends_clause(ctx, k) && ctx.is(k, ".") {
        return true;
    }
    if !adverbials::opens_closing_adverbial(ctx.word(k)) {
        return false;
    }
    // A short phrase running to the end of the sentence or the next comma, with no
    // clause of its own.
    let end = (k..se.min(k + MAX_ADVERBIAL + 1))
        .find(|&i| ctx.is(i, ","))
        .unwrap_or(se);
    end - k <= MAX_ADVERBIAL && (k..end).all(|i| ctx.word(i) != "that")
}

fn participle(
    scene: &Scene,
    cue: &Cue,
    ss: usize,
    se: usize,
    main: Option<(usize, usize)>,
) -> Option<Draft> {
    let ctx = scene.ctx;
    // `, aside from saying Y`, `after adding Y`: a preposition may lead the participle.
    let mut lead = cue.start;
    while lead > ss && cue.start - lead < 2 && is_participle_lead(ctx.word(lead - 1)) {
        lead -= 1;
    }
    // `…a “strong leader,” comparing him to Y`: the comma may sit inside the quote.
    let after_comma = cue.start > 0
        && (ctx.is(cue.start - 1, ",")
            || matches!(ctx.word(cue.start - 1), "and" | "but")
            || (cue.start > 1
                && matches!(ctx.raw(cue.start - 1), "”" | "\"" | "’" | "'")
                && ctx.is(cue.start - 2, ",")));
    if lead == cue.start && !after_comma {
        return None;
    }
    let body = ctx.body_start(ss, se);
    let src = main
        .or_else(|| opening_name(ctx, body, cue.start))
        .or_else(|| subject_after_adverbial(ctx, body, cue.start))?;
    complement(scene, cue, se, src)
}

/// `Citing Y, the court ruled Z`, `After saying Y, she left`: a participle opening the
/// sentence has the subject of the main clause after its comma as its source.
fn opening_participle(scene: &Scene, cue: &Cue, ss: usize, se: usize) -> Option<Draft> {
    let ctx = scene.ctx;
    let body = ctx.body_start(ss, se);
    let led = cue.start >= body
        && cue.start - body <= 2
        && (body..cue.start).all(|k| is_participle_lead(ctx.word(k)) || ctx.word(k) == "in");
    if !led {
        return None;
    }
    let a = content_start(ctx, cue, se);
    let comma = scene.clause_comma(a, se)?;
    // `Bemoaning the “rigged system,” Roe`: the subject follows the closing quote.
    let after = scene
        .quote_around(comma)
        .filter(|q| q.inner_end == comma + 1)
        .map_or(comma + 1, |q| q.end);
    let src = clause_subject(ctx, after, se)?;
    (comma > a).then(|| draft(cue, (a, comma), ClaimKind::Indirect, Some(src)))
}

/// The subject opening a clause at token `k`: a personal pronoun, or a name with
/// capitals (`the Supreme Court`, `Ann Roe's lawyers`).
fn clause_subject(ctx: &Context, k: usize, limit: usize) -> Option<(usize, usize)> {
    if matches!(ctx.word(k), "he" | "she" | "they" | "we" | "i" | "it") {
        return Some((k, k + 1));
    }
    let first = if ctx.word(k) == "the" { k + 1 } else { k };
    // `the mayor`, `the city council`: a role noun within a few words.
    if first > k {
        if let Some(e) = (first..limit.min(first + 3)).find(|&i| source::is_role(ctx.word(i))) {
            return Some((k, e + 1));
        }
    }
    // A name running into more capitals is a title-case headline, not a subject.
    opening_name(ctx, first, limit)
        .filter(|&(_, e)| !(ctx.is_word(e) && ctx.is_capitalised(e)))
        .map(|(_, e)| (k, e))
}

/// `On Thursday, however, Trump spoke Y, promising Z`: the subject after the opening
/// time or place phrase.
fn subject_after_adverbial(ctx: &Context, body: usize, limit: usize) -> Option<(usize, usize)> {
    if !is_adverbial_start(ctx, body) {
        return None;
    }
    let mut k = (body..limit.min(body + MAX_ADVERBIAL)).find(|&i| ctx.is(i, ","))? + 1;
    // `, however,`: a sentence adverb between its commas.
    if ctx.is(k + 1, ",") && matches!(ctx.word(k), "however" | "meanwhile" | "though") {
        k += 2;
    }
    clause_subject(ctx, k, limit)
}

/// Common irregular past forms, which end a subject like `-ed` forms do.
const IRREGULAR_PAST: [&str; 24] = [
    "made", "said", "told", "gave", "took", "went", "came", "found", "met", "spoke", "wrote",
    "held", "left", "put", "sent", "won", "lost", "ran", "saw", "kept", "began", "brought",
    "thought", "got",
];

/// The capitalised name or pronoun opening a sentence: the subject of its main clause.
fn opening_name(ctx: &Context, body: usize, limit: usize) -> Option<(usize, usize)> {
    if !source::starts_phrase(ctx, body) {
        return None;
    }
    let mut e = body;
    while e < limit
        && e < body + 8
        && (ctx.is_capitalised(e) && ctx.kind(e) == Some(TokenKind::Word)
            || ctx.kind(e) == Some(TokenKind::Possessive)
            || (e > body && matches!(ctx.word(e), "and" | "of")))
    {
        e += 1;
    }
    while e > body && matches!(ctx.word(e - 1), "and" | "of") {
        e -= 1;
    }
    // `Several groups granted`, `The tenants' lawyers filed`: lower-case words run on
    // to the main verb, a past form or an auxiliary within a few words.
    if e > body && ctx.is_word(e) && !ctx.is_capitalised(e) {
        let verb = (e..limit.min(e + 4)).find(|&k| {
            let w = ctx.word(k);
            w.ends_with("ed")
                || cues::is_auxiliary(w)
                || is_cue_word(ctx, k)
                || IRREGULAR_PAST.contains(&w)
        });
        let nouns = |end: usize| {
            (e..end).all(|k| {
                ctx.kind(k) == Some(TokenKind::Word) && source::starts_phrase(ctx, k)
                    || ctx.kind(k) == Some(TokenKind::Possessive)
            })
        };
        if let Some(v) = verb.filter(|&v| v > e && nouns(v)) {
            e = v;
        }
    }
    (e > body).then_some((body, e))
}

/// `The story was first reported by the Post`: source after `by`, content the subject.
fn by_agent(scene: &Scene, cue: &Cue, ss: usize, se: usize) -> Option<Draft> {
    let ctx = scene.ctx;
    let body = ctx.body_start(ss, se);
    let src = source::right_of(ctx, cue.end, se)?;
    // `The talks about defense are supported by X`: the whole short clause before
    // the cue is the subject when no phrase stands out.
    let subject = source::left_of(ctx, cue.start, body).or_else(|| {
        (cue.start > body
            && cue.start - body <= MAX_ADVERBIAL
            && (body..cue.start)
                .all(|k| ctx.is_word(k) || ctx.kind(k) == Some(TokenKind::Possessive)))
        .then_some((body, cue.start))
    })?;
    Some(draft(cue, subject, ClaimKind::Indirect, Some(src)))
}

fn according(scene: &Scene, cue: &Cue, ss: usize, se: usize) -> Option<Draft> {
    let ctx = scene.ctx;
    let body = ctx.body_start(ss, se);
    let src = source::right_of(ctx, cue.end, se)?;
    if cue.start > body && !matches!(ctx.raw(cue.start - 1), "(" | "\"" | "“") {
        // `Y, according to X`.
        let end = if ctx.is(cue.start - 1, ",") {
            cue.start - 1
        } else {
            cue.start
        };
        return Some(draft(cue, (body, end), ClaimKind::Indirect, Some(src)));
    }
    let mut a = src.1;
    // `according to a ministry statement on Monday, Y`: skip to the comma or colon.
    while a < se && a < src.1 + ATTRIBUTION_GAP && !matches!(ctx.raw(a), "," | ":") {
        a += 1;
    }
    let a = if a < se { a + 1 } else { src.1 };
    let (content, kind) = scene.content_from(a, se)?;
    Some(draft(cue, content, kind, Some(src)))
}

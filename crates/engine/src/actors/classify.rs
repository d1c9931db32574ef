//! Deciding what a candidate run names: which part is a title to leave out, which part
//! is a country, organisation or person (asking [`super::places`] whether a country
//! acts or is only a place), and whether lower-case words after a nationality make a
//! group (`Azerbaijani forces`), an institution (`Azerbaijan's defence ministry`) or a
//! person described by role (`the Armenian prime minister`).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::OnceLock;

use super::candidates::Run;
use super::fasthash::FastSet;
use super::gazetteer::{get, Entry, Gazetteer, Known, NounKind};
use super::places::{
    followed_by_place_noun, in_dateline, is_dateline, is_lower_word, is_place, place_context, venue,
};
use super::words::{LineMode, Word, Words};
use super::{key_of, lower};
use crate::model::ActorKind;
use crate::text::TokenKind;

/// A mention found in one run, as token indices `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The kind, or `None` for a place or a lone unknown word the whole document must
    /// decide.
    pub kind: Option<ActorKind>,
    /// The canonical name a gazetteer gave, if any.
    pub canonical: Option<&'static str>,
    /// A place, not an actor; kept so that a list of places stays places
    /// (`the cities of Goris, Meghri and Kapan`).
    pub place: bool,
    /// Found only by its capitals at a sentence start or in a headline: an actor only if
    /// the document names it elsewhere too.
    pub weak: bool,
    /// The kind is a default guess (no title, given name or known word), open to
    /// the cues around the name's mentions.
    pub guessed: bool,
}

impl Found {
    fn new(
        start: usize,
        end: usize,
        kind: Option<ActorKind>,
        canonical: Option<&'static str>,
    ) -> Found {
        Found {
            start,
            end,
            kind,
            canonical,
            place: false,
            weak: false,
            guessed: false,
        }
    }

    fn place(start: usize, end: usize) -> Found {
        Found {
            place: true,
            ..Found::new(start, end, None, None)
        }
    }
}

/// What the document is, as far as classifying names goes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// A sports report: a place that plays is a team.
    pub sports: bool,
}

fn nouns_kind(kind: NounKind) -> ActorKind {
    match kind {
        NounKind::Group => ActorKind::Group,
        NounKind::Organisation => ActorKind::Organisation,
    }
}

/// The known name a run spells, also for an ALL-CAPS word in prose (`BAKU (Sputnik)`).
fn known_name(g: &Gazetteer, ws: &[Word<'_>], a: usize, b: usize) -> Option<Known> {
    // Known names are short; never build a key for a long run.
    if b - a > g.max_name_words() * 2 {
        return None;
    }
    let known = if b - a == 1 {
        ws[a].entry().known()
    } else {
        super::name_of(ws, a, b)
    };
    known.or_else(|| {
        let caps = ws[a..b]
            .iter()
            .all(|w| w.kind != TokenKind::Word || w.is_all_caps());
        if !caps {
            return None;
        }
        // A one-word run is its own key: no String to build for most runs.
        let whole: Cow<'_, str> = if b - a == 1 {
            Cow::Borrowed(ws[a].text)
        } else {
            Cow::Owned(key_of(ws, a, b))
        };
        let long = whole.chars().filter(|c| c.is_alphabetic()).count() > 3;
        if long {
            g.name_lower(&lower(&whole))
        } else {
            None
        }
    })
}

/// Classifies one run and pushes what it names onto `out`.
pub fn classify(words: &Words<'_>, run: Run, cx: Context, out: &mut Vec<Found>) {
    let g = get();
    let ws = &words.words;
    let (mut a, b) = (run.start, run.end);
    // `September Treasury`, `June Comelf`: a month or day before a name is no part of it.
    while b - a > 1 && ws[a].entry().is_calendar_word() && known_name(g, ws, a, b).is_none() {
        a += 1;
    }
    let weak_spot = ws[a].initial || words.mode(&ws[a]) == LineMode::Title;
    if let Some(k) = known_name(g, ws, a, b) {
        known(words, a, b, k, cx, out);
        return;
    }
    let all_common = ws[a..b]
        .iter()
        .filter(|w| w.kind == TokenKind::Word)
        .all(|w| {
            let l = w.lower_entry();
            l.is_common() && !w.entry().is_organisation_word() && !l.is_title()
        });
    if all_common || in_dateline(ws, a, b) {
        return;
    }
    // `Davit Bek Street`, `Geneva Conventions`; but `Anthony Hill` is a person.
    let named = ws[a..b]
        .iter()
        .any(|w| w.entry().is_given_name() || w.lower_entry().is_title());
    if ws[b - 1].entry().is_not_actor_head() && !named && b - a > 1 {
        return;
    }
    // `Security Council President Tono Eitel`, `Cofinec CEO Stephen Frater`: a body,
    // a title, then the person who holds it.
    if let Some((t, name)) = title_inside(ws, a, b) {
        classify(words, Run { start: a, end: t }, cx, out);
        rest(words, name, b, true, false, cx, out);
        return;
    }
    // `Douglas & Lomason`, `El Al`, `Der Spiegel`: firms and papers, never people.
    let firm = ws[a..b].iter().any(|w| w.is_punct("&"))
        || (b - a > 1
            && matches!(
                ws[a].text,
                "El" | "La" | "Le" | "Der" | "Die" | "Das" | "Il" | "Los" | "Las"
            ));
    if firm {
        out.push(Found::new(a, b, Some(ActorKind::Organisation), None));
        return;
    }
    if let Some(kind) = ws[a..b]
        .iter()
        .rev()
        .find_map(|w| w.entry().organisation_word())
    {
        // A lone `Office` or `Forces` in a headline names nothing by itself.
        if b - a == 1 && weak_spot {
            return;
        }
        out.push(Found::new(a, b, Some(nouns_kind(kind)), None));
        return;
    }
    let mut pos = a;
    let mut titled = false;
    // Where a nationality or country before a title started (for `Armenian PM`).
    let mut described: Option<usize> = None;
    'segments: while pos < b {
        let w = &ws[pos];
        if w.kind != TokenKind::Word {
            pos += 1;
            continue;
        }
        let lw = w.lower_entry();
        // `Financial Secretary`: an ordinary word right before a title belongs to it.
        let before_title = lw.is_common()
            && ws
                .get(pos + 1)
                .is_some_and(|n| pos + 1 < b && n.lower_entry().is_title());
        if lw.is_title() || before_title {
            titled = titled || lw.is_title();
            pos += 1;
            continue;
        }
        let ambiguous_given = w.entry().is_given_name() && pos + 1 < b;
        if !ambiguous_given {
            let longest = g.max_name_words().min(b - pos);
            for n in (1..=longest).rev() {
                // One word is its own key, already looked up.
                let k = if n == 1 {
                    w.entry().known()
                } else {
                    super::name_of(ws, pos, pos + n)
                };
                let Some(k) = k else {
                    continue;
                };
                titled = false;
                // `Sputnik Armenia`: a known body and a country is the body's branch.
                let branch = matches!(k, Known::Organisation(_))
                    && pos + n < b
                    && matches!(
                        known_name(g, ws, pos + n, b),
                        Some(Known::Country(_) | Known::Place)
                    );
                if branch {
                    out.push(Found::new(pos, b, Some(ActorKind::Organisation), None));
                    return;
                }
                described = Some(pos);
                if !matches!(k, Known::Demonym(_)) {
                    known(words, pos, pos + n, k, cx, out);
                }
                pos += n;
                continue 'segments;
            }
        }
        break;
    }
    if pos < b {
        // `Philadelphia Eagles`, `Minnesota Twins`: a city and a nickname is a team.
        if cx.sports && !titled && described.is_some() && !ws[pos].entry().is_given_name() {
            while out.last().is_some_and(|f| f.start >= a) {
                out.pop();
            }
            out.push(Found::new(a, b, Some(ActorKind::Organisation), None));
            return;
        }
        // After a nationality a name is still a name (`American Tyson`); after a known
        // place or body the rest is part of something else (`Geneva Conventions`).
        let after_known =
            described.is_some_and(|d| !matches!(ws[d].entry().known(), Some(Known::Demonym(_))));
        rest(words, pos, b, titled, after_known, cx, out);
    } else if titled {
        let start = described.or_else(|| possessor(ws, a, out));
        if let Some(start) = start {
            // Only a nationality and a title: a person described by role.
            while out.last().is_some_and(|f| f.start >= start) {
                out.pop();
            }
            out.push(Found::new(start, b, Some(ActorKind::Person), None));
        } else if b - a == 1 {
            // `King said`: a surname that is also a title, if a person has it in full.
            let mut f = Found::new(a, b, None, None);
            f.weak = true;
            f.guessed = false;
            out.push(f);
        }
    } else if let Some(start) = described {
        // A nationality alone is no actor, but `Azerbaijani forces` is.
        if out.last().is_none_or(|f| f.end != b) {
            if let Some(f) = phrase_after(ws, start, b) {
                out.push(f);
            }
        }
    }
}

/// A title inside a run with a name after it and something else before it: the
/// title's index and where the name starts.
fn title_inside(ws: &[Word<'_>], a: usize, b: usize) -> Option<(usize, usize)> {
    // The last place where a title is followed by a name that is not a known word.
    let name = (a + 1..b).rev().find(|&n| {
        let w = &ws[n];
        let prev = &ws[n - 1];
        let after_title = prev.lower_entry().is_title()
            || (prev.is_punct(".") && n >= 2 && ws[n - 2].lower_entry().is_title());
        after_title
            && w.is_capitalised()
            && !w.lower_entry().is_title()
            && w.entry().known().is_none()
    })?;
    // The whole title before it: `Azerbaijan | Foreign Minister | Jeyhun Bayramov`.
    let mut t = name;
    while t > a && (ws[t - 1].lower_entry().is_title() || ws[t - 1].is_punct(".")) {
        t -= 1;
    }
    let person = !ws[name..b].iter().any(|w| w.entry().is_organisation_word());
    (person && t > a).then_some((t, name))
}

/// The start of a country named just before a possessive at `a` (`Qatar's Emir`).
fn possessor(ws: &[Word<'_>], a: usize, out: &[Found]) -> Option<usize> {
    let before = out.last()?;
    let possessive = a >= 1 && ws[a - 1].is_possessive() && before.end + 1 == a;
    (possessive && before.kind == Some(ActorKind::Country)).then_some(before.start)
}

/// The part of a run left after titles and known names: a person, an acronym, or a
/// lone word for the document to decide.
fn rest(
    words: &Words<'_>,
    pos: usize,
    b: usize,
    titled: bool,
    after_known: bool,
    cx: Context,
    out: &mut Vec<Found>,
) {
    let ws = &words.words;
    let first = &ws[pos];
    let given = first.entry().is_given_name();
    // `striker Smith`, `spokesman Hajiyev`: a lower-case role right before.
    let titled =
        titled || (pos >= 1 && is_lower_word(&ws[pos - 1]) && ws[pos - 1].entry().is_title());
    let single = b - pos == 1;
    let ends_in_place = matches!(
        ws[b - 1].entry().known(),
        Some(Known::Place | Known::Country(_) | Known::Seat(_) | Known::Demonym(_))
    );
    // `Inter Milan`: on sports pages a name ending in a city is a team.
    if cx.sports && !titled && !given && !single && ends_in_place {
        out.push(Found::new(pos, b, Some(ActorKind::Organisation), None));
        return;
    }
    // `Upper Karabakh`, `Geneva Conventions`, `Rich Armenian`: not a person.
    let acronym = is_acronym(first) && !first.is_ordinary();
    if !titled && !given && !acronym && (after_known || (ends_in_place && !single)) {
        return;
    }
    // `Roman Catholic`: a people's name ends no personal name (`Richard Finn` does).
    if !titled && !given && !single && matches!(ws[b - 1].entry().known(), Some(Known::Demonym(_)))
    {
        return;
    }
    // A lone capital letter is an initial or a label, not a name.
    if single && first.text.chars().count() == 1 {
        return;
    }
    let kind = if acronym && single && words.mode(first) == LineMode::Prose {
        Some(ActorKind::Organisation)
    } else if titled || !single || given {
        Some(ActorKind::Person)
    } else {
        None
    };
    let mut f = Found::new(pos, b, kind, None);
    // `Comelf said`: an unknown word that speaks is a name even at a sentence start.
    let acts = ws.get(b).is_some_and(|w| w.entry().is_acting_verb());
    let speaks = acts && words.mode(first) == LineMode::Prose;
    // `Turning its back...`, `Separately, ...`: an English word, unless named elsewhere.
    let english = single && first.text.ends_with("ing");
    f.weak = !(titled || given || acronym || speaks)
        && ((first.initial && single) || english || words.mode(first) != LineMode::Prose);
    f.guessed = !titled && !given && kind != Some(ActorKind::Organisation);
    // On sports pages `over Gloucester`, `from Torino` name teams.
    let before_place = if cx.sports {
        venue(ws, pos)
    } else {
        place_context(ws, pos, out)
    };
    if kind.is_none() && (before_place || followed_by_place_noun(ws, b)) {
        f.place = true;
    }
    // `at Old Trafford`, `in Davit Bek`: a guessed name of several words right after
    // `in` or `at` is a place (a person there would have a known first name).
    let at_place = pos >= 1 && matches!(ws[pos - 1].text, "in" | "at" | "near" | "inside");
    if f.guessed && !single && at_place {
        f.place = true;
    }
    out.push(f);
}

/// A run that is exactly one known name.
fn known(words: &Words<'_>, a: usize, b: usize, k: Known, cx: Context, out: &mut Vec<Found>) {
    let ws = &words.words;
    if !matches!(k, Known::Organisation(_)) {
        if let Some(f) = phrase_after(ws, a, b) {
            out.push(f);
            return;
        }
    }
    match k {
        // `UNITED NATIONS (Sputnik) -`: a dateline names a place.
        Known::Organisation(_) if is_dateline(ws, a, b) => out.push(Found::place(a, b)),
        Known::Organisation(c) => {
            // `UN chief`, `Sputnik correspondent`: a person described by role.
            match phrase_after(ws, a, b).filter(|f| f.kind == Some(ActorKind::Person)) {
                Some(f) if !ws.get(b).is_some_and(Word::is_possessive) => out.push(f),
                _ => out.push(Found::new(a, b, Some(ActorKind::Organisation), Some(c))),
            }
        }
        Known::Country(c) | Known::Seat(c) => {
            if let Some(f) = phrase_before(ws, a, b) {
                out.push(f);
            } else if is_place(words, a, b, out) {
                out.push(Found::place(a, b));
            } else {
                out.push(Found::new(a, b, Some(ActorKind::Country), Some(c)));
            }
        }
        Known::Place => {
            // `Nagorno-Karabakh says`, `Nagorno-Karabakh's leader`: a region's authorities act.
            let leader = ws.get(b).is_some_and(Word::is_possessive)
                && ws
                    .get(b + 1)
                    .is_some_and(|w| is_lower_word(w) && w.entry().is_title());
            let acts = leader || ws.get(b).is_some_and(|w| w.entry().is_acting_verb());
            if cx.sports && !venue(ws, a) && !is_dateline(ws, a, b) {
                out.push(Found::new(a, b, Some(ActorKind::Organisation), None));
            } else if acts && !cx.sports {
                // `Nagorno-Karabakh says`: a region's authorities act.
                out.push(Found::new(a, b, Some(ActorKind::Country), None));
            } else {
                out.push(Found::place(a, b));
            }
        }
        Known::Demonym(_) => {
            // `between Armenian and Azerbaijani forces`: both nationalities are groups.
            let joined = ws
                .get(b)
                .is_some_and(|w| w.text == "and" || w.is_punct(","));
            let other = ws
                .get(b + 1)
                .is_some_and(|w| matches!(w.entry().known(), Some(Known::Demonym(_))));
            let grouped = joined
                && other
                && phrase_after(ws, b + 1, b + 2).is_some_and(|f| f.kind == Some(ActorKind::Group));
            if grouped {
                out.push(Found::new(a, b, Some(ActorKind::Group), None));
            }
        }
    }
}

/// Lower-case words after a country, place or nationality that make one actor with it:
/// `Azerbaijani armed forces`, `Azerbaijan's defence ministry`, `Armenian prime minister`.
fn phrase_after(ws: &[Word<'_>], a: usize, b: usize) -> Option<Found> {
    let mut k = b;
    if ws.get(k).is_some_and(Word::is_possessive) {
        k += 1;
    }
    // The entries of the lower-case words after the name, each looked up once: the
    // tests below ask about the same few words several times.
    let memo: [OnceCell<Option<&'static Entry>>; 8] = Default::default();
    let lower_entry = |i: usize| -> Option<&'static Entry> {
        let look = || ws.get(i).filter(|w| is_lower_word(w)).map(|w| w.entry());
        match i.checked_sub(k).and_then(|d| memo.get(d)) {
            Some(cell) => *cell.get_or_init(look),
            None => look(),
        }
    };
    // Modifiers, and title words used as modifiers (`general prosecution office`).
    let mut m = k;
    while m < k + 3 && lower_entry(m).is_some_and(|e| e.is_group_modifier() || e.is_title()) {
        m += 1;
    }
    let noun = |i: usize| lower_entry(i).and_then(|e| e.group_word());
    // `Azerbaijani military said` is a group; `Turkish military base` is not.
    let verb_or_end = |i: usize| {
        ws.get(i).is_none_or(|w| {
            !is_lower_word(w)
                || (w.text.ends_with("ed") && w.text.len() > 4)
                || matches!(
                    w.text,
                    "said"
                        | "says"
                        | "has"
                        | "have"
                        | "had"
                        | "is"
                        | "was"
                        | "were"
                        | "will"
                        | "would"
                        | "also"
                        | "denied"
                        | "claimed"
                        | "reported"
                        | "confirmed"
                        | "announced"
                        | "added"
                        | "stated"
                        | "of"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "with"
                        | "from"
                        | "by"
                        | "and"
                        | "or"
                        | "that"
                        | "which"
                        | "who"
                        | "are"
                        | "may"
                        | "could"
                        | "should"
                        | "must"
                        | "did"
                        | "does"
                )
        })
    };
    let head = match noun(m) {
        Some(kind) => Some((m + 1, kind)),
        None if m > k && verb_or_end(m) => noun(m - 1).map(|kind| (m, kind)),
        None => None,
    };
    if let Some((end, kind)) = head {
        return Some(Found::new(a, end, Some(nouns_kind(kind)), None));
    }
    let mut t = k;
    while lower_entry(t).is_some_and(|e| e.is_title()) {
        t += 1;
    }
    // `Azerbaijan president Ilham Aliyev` names the person after; `Russia's official
    // position` uses the title word as an adjective.
    let named_after = ws
        .get(t)
        .is_some_and(|w| w.is_capitalised() && !w.after_break && w.entry().known().is_none());
    let adjective =
        t > k && ws.get(t).is_some_and(is_lower_word) && is_adjective_title(ws[t - 1].text);
    (t > k && !named_after && !adjective).then(|| Found::new(a, t, Some(ActorKind::Person), None))
}

static ADJECTIVE_TITLES: &str =
    crate::data::word_list!(include_str!("../../data/actors/adjective_titles.txt"));

/// True when the title word `w` is an adjective before a lower-case word (`official
/// position`), from `data/actors/adjective_titles.txt`.
fn is_adjective_title(w: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| crate::data::entries(ADJECTIVE_TITLES).collect())
        .contains(w)
}

/// Words before `of` and a country that make one actor with it: `the president of
/// Azerbaijan` (a person), `the armed forces of Armenia` (a group).
fn phrase_before(ws: &[Word<'_>], a: usize, b: usize) -> Option<Found> {
    let mut s = a;
    if s >= 1 && ws[s - 1].text == "the" {
        s -= 1;
    }
    if s < 2 || ws[s - 1].text != "of" {
        return None;
    }
    let head = &ws[s - 2];
    let mut start = s - 2;
    let kind = if head.lower_entry().is_title() {
        while start >= 1 && ws[start - 1].lower_entry().is_title() {
            start -= 1;
        }
        ActorKind::Person
    } else if is_lower_word(head)
        && head.entry().group_word() == Some(NounKind::Group)
        && head.entry().is_force_noun()
    {
        while start >= 1
            && is_lower_word(&ws[start - 1])
            && ws[start - 1].entry().is_group_modifier()
        {
            start -= 1;
        }
        ActorKind::Group
    } else {
        return None;
    };
    Some(Found::new(start, b, Some(kind), None))
}

/// An acronym: two to six capitals, maybe dotted (`NATO`, `U.N.`, `KDP`).
fn is_acronym(w: &Word<'_>) -> bool {
    let letters = w.text.chars().filter(|c| c.is_alphabetic()).count();
    w.is_all_caps() && (2..=6).contains(&letters)
}

#[cfg(test)]
mod tests {
    use super::super::candidates::runs;
    use super::super::words::words_of;
    use super::*;
    use crate::text::Analysis;

    fn found(text: &str) -> Vec<(String, Option<ActorKind>)> {
        let a = Analysis::new(text);
        let w = words_of(&a);
        let mut out = Vec::new();
        for r in runs(&w) {
            classify(&w, r, Context::default(), &mut out);
        }
        out.iter()
            .map(|f| (key_of(&w.words, f.start, f.end), f.kind))
            .collect()
    }

    #[test]
    fn titles_are_left_out() {
        assert_eq!(
            found("said Prime Minister Nikol Pashinyan"),
            [("Nikol Pashinyan".into(), Some(ActorKind::Person))]
        );
        assert_eq!(
            found("met Russian President Vladimir Putin"),
            [("Vladimir Putin".into(), Some(ActorKind::Person))]
        );
        assert_eq!(
            found("asked Mr. Smith"),
            [("Smith".into(), Some(ActorKind::Person))]
        );
    }

    #[test]
    fn institutions_keep_their_nationality() {
        assert_eq!(
            found("the Armenian Defence Ministry said"),
            [(
                "Armenian Defence Ministry".into(),
                Some(ActorKind::Organisation)
            )]
        );
        assert_eq!(
            found("Azerbaijan 's defence ministry said"),
            [(
                "Azerbaijan's defence ministry".into(),
                Some(ActorKind::Organisation)
            )]
        );
    }

    #[test]
    fn places_are_not_actors() {
        assert_eq!(
            found("Armenia accused Azerbaijan"),
            [
                ("Armenia".into(), Some(ActorKind::Country)),
                ("Azerbaijan".into(), Some(ActorKind::Country))
            ]
        );
        assert_eq!(
            found("fighting in Azerbaijan"),
            [("Azerbaijan".into(), None)]
        );
        assert_eq!(
            found("the territory of Armenia"),
            [("Armenia".into(), None)]
        );
        assert_eq!(
            found("Baku said"),
            [("Baku".into(), Some(ActorKind::Country))]
        );
    }

    #[test]
    fn groups_and_described_people() {
        assert_eq!(
            found("Azerbaijani armed forces fired"),
            [("Azerbaijani armed forces".into(), Some(ActorKind::Group))]
        );
        assert_eq!(
            found("Karabakh rebels said"),
            [("Karabakh rebels".into(), Some(ActorKind::Group))]
        );
        assert_eq!(
            found("the Armenian prime minister said"),
            [("Armenian prime minister".into(), Some(ActorKind::Person))]
        );
        assert_eq!(
            found("the Armenian PM said"),
            [("Armenian PM".into(), Some(ActorKind::Person))]
        );
    }

    #[test]
    fn acronyms_are_organisations() {
        assert_eq!(
            found("the KDP said"),
            [("KDP".into(), Some(ActorKind::Organisation))]
        );
        assert_eq!(
            found("the UN said"),
            [("UN".into(), Some(ActorKind::Organisation))]
        );
    }
}

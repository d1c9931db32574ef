//! The claim layer: finds attributions (source, cue, content) in reported speech,
//! direct quotes, "according to" constructions and live-blog headlines.
//!
//! The pipeline is cue-centred and runs in linear time: `cues` finds every reporting
//! word with its auxiliaries, `quotes` pairs quotation marks, `direct` attributes
//! quotes to the cue after them, `reported` turns the remaining cues into claims by
//! their frame, `nouns` reads `X's claim that Y`, `headlines` reads the punctuation-only forms of live blogs, and
//! `source` finds and resolves who speaks; `context` and `scene` are the shared token
//! view and lookups, `draft` the claim in tokens and its trimming.
//!
//! Content spans follow the guidelines: no enclosing quote marks, no leading `that`,
//! no final punctuation. Word lists live in `data/claims/`.

mod adverbials;
mod context;
mod cues;
mod direct;
mod draft;
mod headlines;
mod nouns;
mod quotes;
mod reported;
mod scene;
mod source;

use std::borrow::Cow;

use crate::actors::ActorMention;
use crate::model::{ClaimKind, Stance};
use crate::text::{Analysis, ByteSpan};

use context::Context;
use draft::Draft;
use scene::Scene;

/// An attribution found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimMention {
    /// The content's hull.
    pub span: ByteSpan,
    /// Direct quote or reported speech.
    pub kind: ClaimKind,
    /// Who makes the claim.
    pub source: Option<ByteSpan>,
    /// The attribution words.
    pub cue: Option<ByteSpan>,
    /// Content pieces when interrupted; empty when the content is one piece.
    pub fragments: Vec<ByteSpan>,
    /// What the source does with the content.
    pub stance: Option<Stance>,
    /// The actor entity the source most likely refers to.
    pub source_entity: Option<String>,
}

/// Finds every claim in `text`; `actors` (from the actor layer) name the sources.
pub fn extract(text: &str, actors: &[ActorMention]) -> Vec<ClaimMention> {
    extract_in(&Analysis::new(text), actors)
}

/// [`extract`] over a text already read by [`Analysis`] (shared with the other layers).
pub fn extract_in(analysis: &Analysis<'_>, actors: &[ActorMention]) -> Vec<ClaimMention> {
    let ctx = Context::of(analysis);
    let found_quotes = quotes::find(&ctx);
    let found_cues = cues::find(&ctx);
    let scene = Scene::new(&ctx, &found_cues, &found_quotes);
    let mut used = vec![false; found_cues.len()];
    let mut consumed = vec![false; found_quotes.len()];
    let mut drafts = Vec::new();
    direct::attribute(&scene, &mut used, &mut consumed, &mut drafts);
    reported::find(&scene, &used, &mut drafts);
    nouns::find(&scene, &mut drafts);
    headlines::find(&ctx, &mut drafts);
    direct::follow_on(&scene, &consumed, &mut drafts);
    let drafts = draft::outermost(&ctx, drafts, |d| {
        scene.cue_from(d.cue.0).is_some_and(|c| {
            scene.cues[c].start == d.cue.0 && scene.cues[c].frame == cues::Frame::Mind
        })
    });

    // The actor layer gives its mentions in text order: copy (names and all) only
    // when they are not.
    let key = |a: &ActorMention| (a.span.start(), a.span.end());
    let sorted_actors: Cow<'_, [ActorMention]> = if actors.is_sorted_by_key(key) {
        Cow::Borrowed(actors)
    } else {
        let mut copy = actors.to_vec();
        crate::order::sort_by_key(&mut copy, key);
        Cow::Owned(copy)
    };
    let mut out: Vec<ClaimMention> = drafts
        .iter()
        .filter_map(|d| mention(&ctx, d, &sorted_actors))
        .collect();
    crate::order::sort_by_key(&mut out, |c| {
        (c.span.start(), c.span.end(), c.cue.map(|s| s.start()))
    });
    out.dedup_by(|a, b| a.span == b.span);
    drop_nested(out)
}

/// Drops a claim whose content lies inside another claim's content (`Y said that Z
/// called W a liar`): PARC-style corpora keep the inner attribution as part of the
/// outer content. A report relaying a statement keeps both levels (`the agency
/// reported that Aliyev said Y`), as the guidelines' nested attributions ask.
/// One pass over the claims by start (the longer first on a tie) keeps the
/// longest-reaching claim so far; the result is back in text order.
fn drop_nested(mut claims: Vec<ClaimMention>) -> Vec<ClaimMention> {
    claims.sort_by_key(|c| (c.span.start(), std::cmp::Reverse(c.span.end())));
    let mut out: Vec<ClaimMention> = Vec::with_capacity(claims.len());
    // End and stance of the claim reaching furthest so far, and its length.
    let mut reach: Option<(usize, usize, Option<Stance>)> = None;
    for c in claims {
        let (e, len) = (c.span.end().0, c.span.len());
        let inside = reach.is_some_and(|(end, reach_len, stance)| {
            end >= e && reach_len > len && stance != Some(Stance::Report)
        });
        if reach.is_none_or(|(end, _, _)| e > end) {
            reach = Some((e, len, c.stance));
        }
        if !inside {
            out.push(c);
        }
    }
    out.sort_by_key(|c| (c.span.start(), c.span.end(), c.cue.map(|s| s.start())));
    out
}

/// Turns a draft into byte spans, trimming each content piece.
fn mention(ctx: &Context, d: &Draft, actors: &[ActorMention]) -> Option<ClaimMention> {
    let pieces: Vec<ByteSpan> = d
        .content
        .iter()
        .filter_map(|&r| draft::trim(ctx, r))
        .collect();
    let first = pieces.first()?;
    let span = pieces.iter().fold(*first, |h, p| h.hull(p));
    let (source, source_entity) = match d.source {
        Some(s) => source::resolve(ctx, s, actors),
        None => (None, None),
    };
    Some(ClaimMention {
        span,
        kind: d.kind,
        source,
        cue: ctx.span(d.cue.0, d.cue.1),
        fragments: if pieces.len() > 1 { pieces } else { Vec::new() },
        stance: Some(d.stance),
        source_entity,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ActorKind;

    /// One claim as strings: content, source, cue, stance.
    pub(super) type Found = (String, String, String, Option<Stance>);

    pub(super) fn claims(text: &str) -> Vec<Found> {
        let cut = |s: Option<ByteSpan>| s.map_or(String::new(), |s| text[s.range()].to_string());
        extract(text, &[])
            .into_iter()
            .map(|c| (cut(Some(c.span)), cut(c.source), cut(c.cue), c.stance))
            .collect()
    }

    #[track_caller]
    pub(super) fn has(text: &str, content: &str, source: &str, cue: &str, stance: Stance) {
        let found = claims(text);
        let want = (
            content.to_string(),
            source.to_string(),
            cue.to_string(),
            Some(stance),
        );
        assert!(found.contains(&want), "{want:?} not in {found:?}");
    }

    /// What claims, by content, the text yields.
    fn contents(text: &str) -> Vec<String> {
        claims(text).into_iter().map(|c| c.0).collect()
    }

    #[test]
    fn beliefs_with_and_without_that() {
        has(
            "The mayor believes that the bridge will reopen in May.",
            "the bridge will reopen in May",
            "The mayor",
            "believes",
            Stance::Assert,
        );
        has(
            "Most farmers think the subsidy came too late.",
            "the subsidy came too late",
            "Most farmers",
            "think",
            Stance::Assert,
        );
    }

    #[test]
    fn intentions_with_an_infinitive() {
        has(
            "The governor plans to veto the budget bill.",
            "to veto the budget bill",
            "The governor",
            "plans",
            Stance::Assert,
        );
        has(
            "She wants the council to publish the audit.",
            "the council to publish the audit",
            "She",
            "wants",
            Stance::Assert,
        );
        has(
            "The union expects wages to rise next year.",
            "wages to rise next year",
            "The union",
            "expects",
            Stance::Assert,
        );
    }

    #[test]
    fn minds_that_are_no_claims() {
        // Agentless passive, noun use, question.
        assert!(contents("The vote is expected to take place on Monday.").is_empty());
        assert!(contents("The city unveiled its plans for a new stadium.").is_empty());
        assert!(contents("Does the mayor believe the figures are right?").is_empty());
        assert!(contents("Voters who want a change stayed home.").is_empty());
        assert!(contents("The Roe plan is simple.").is_empty());
    }

    #[test]
    fn agreements_and_knowledge() {
        has(
            "The company agreed to repay the loan by June.",
            "to repay the loan by June",
            "The company",
            "agreed",
            Stance::Assert,
        );
        has(
            "And I know the plant will close.",
            "the plant will close",
            "I",
            "know",
            Stance::Assert,
        );
    }

    #[test]
    fn minds_inside_a_statement_stay_in_its_content() {
        let text = "The senator said she wants to repeal the tax.";
        has(
            text,
            "she wants to repeal the tax",
            "The senator",
            "said",
            Stance::Assert,
        );
        assert_eq!(claims(text).len(), 1, "{:?}", claims(text));
    }

    #[test]
    fn title_case_headline_ending_in_a_period() {
        has(
            "Governor: New Bridge Will Open in May.\n\nThe works began in 2019.",
            "New Bridge Will Open in May",
            "Governor",
            ":",
            Stance::Assert,
        );
        assert!(contents("Note: the figures were revised later.\n").is_empty());
    }

    #[test]
    fn said_with_and_without_that() {
        has(
            "Armenia said that two villages were shelled.",
            "two villages were shelled",
            "Armenia",
            "said",
            Stance::Assert,
        );
        has(
            "The minister has said the talks failed.",
            "the talks failed",
            "The minister",
            "has said",
            Stance::Assert,
        );
    }

    #[test]
    fn content_before_the_cue() {
        has(
            "Two soldiers were wounded, the ministry said.",
            "Two soldiers were wounded",
            "the ministry",
            "said",
            Stance::Assert,
        );
        has(
            "The border is closed, said Ann Roe, a local official.",
            "The border is closed",
            "Ann Roe",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn told_with_a_hearer() {
        has(
            "The general has told reporters the town was retaken.",
            "the town was retaken",
            "The general",
            "has told reporters",
            Stance::Assert,
        );
        has(
            "Two fighters told Al Jazeera that they had been paid.",
            "they had been paid",
            "Two fighters",
            "told Al Jazeera",
            Stance::Assert,
        );
    }

    #[test]
    fn passive_with_an_agent_names_its_source_after_by() {
        has(
            "The shelling was first reported by local media.",
            "The shelling",
            "local media",
            "was first reported by",
            Stance::Report,
        );
    }

    #[test]
    fn raised_passive_keeps_its_source() {
        has(
            "The envoy is said to have told his host that the deal was dead.",
            "the deal was dead",
            "The envoy",
            "is said to have told",
            Stance::Assert,
        );
    }

    #[test]
    fn accuse_deny_urge_call() {
        has(
            "Baku accused Yerevan of shelling a school.",
            "Yerevan of shelling a school",
            "Baku",
            "accused",
            Stance::Accuse,
        );
        has(
            "Ankara denied sending troops.",
            "sending troops",
            "Ankara",
            "denied",
            Stance::Deny,
        );
        has(
            "The pope urged both sides to lay down arms.",
            "both sides to lay down arms",
            "The pope",
            "urged",
            Stance::Call,
        );
        has(
            "France has called for an urgent meeting.",
            "an urgent meeting",
            "France",
            "has called for",
            Stance::Call,
        );
    }

    #[test]
    fn warned_insisted_claimed_announced() {
        has(
            "Moscow warned that the war could spread.",
            "the war could spread",
            "Moscow",
            "warned",
            Stance::Assert,
        );
        has(
            "The rebels claimed they shot down a drone.",
            "they shot down a drone",
            "The rebels",
            "claimed",
            Stance::Assert,
        );
        has(
            "The government announced a curfew in the capital.",
            "a curfew in the capital",
            "The government",
            "announced",
            Stance::Assert,
        );
    }

    #[test]
    fn according_to_before_and_after() {
        has(
            "According to the ministry, six people died.",
            "six people died",
            "the ministry",
            "According to",
            Stance::Report,
        );
        has(
            "Six people died, according to local officials.",
            "Six people died",
            "local officials",
            "according to",
            Stance::Report,
        );
    }

    #[test]
    fn statements_as_sources() {
        has(
            "The Kremlin's statement said the leaders spoke by phone.",
            "the leaders spoke by phone",
            "The Kremlin's statement",
            "said",
            Stance::Assert,
        );
        has(
            "In a statement, the ministry said the road was open.",
            "the road was open",
            "the ministry",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn participles_take_the_main_source() {
        has(
            "Turkey rejected the report, saying it was propaganda.",
            "it was propaganda",
            "Turkey",
            "saying",
            Stance::Assert,
        );
    }

    #[test]
    fn direct_quotes_curly_and_straight() {
        has(
            "“Our cause is just,” Aliyev said.",
            "Our cause is just",
            "Aliyev",
            "said",
            Stance::Assert,
        );
        has(
            "\"We will not retreat,\" said the commander.",
            "We will not retreat",
            "the commander",
            "said",
            Stance::Assert,
        );
        has(
            "He said: “The talks are over. We leave today.”",
            "The talks are over. We leave today",
            "He",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn a_colon_ending_the_line_introduces_the_next_paragraph() {
        has(
            "The minister added:\n\nThe border will stay closed. Trade will wait.\n\nMore news.",
            "The border will stay closed. Trade will wait",
            "The minister",
            "added",
            Stance::Assert,
        );
    }

    #[test]
    fn split_quote_is_one_claim_with_fragments() {
        let text = "“We are ready,” the minister said, “but not at any price.”";
        let found = extract(text, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        let pieces: Vec<&str> = found[0]
            .fragments
            .iter()
            .map(|f| &text[f.range()])
            .collect();
        assert_eq!(pieces, ["We are ready", "but not at any price"]);
        assert_eq!(found[0].kind, ClaimKind::Direct);
    }

    #[test]
    fn follow_on_quote_keeps_the_speaker() {
        let text =
            "The mayor spoke at noon.\n“Help is coming,” she said.\n“Stay indoors until then.”";
        has(
            text,
            "Stay indoors until then",
            "she",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn live_blog_headlines() {
        has(
            "18:00 GMT – Turkey denies sending fighters to Azerbaijan\nMore text.",
            "sending fighters to Azerbaijan",
            "Turkey",
            "denies",
            Stance::Deny,
        );
        has(
            "Official: Azerbaijan seeks new talks\n",
            "Azerbaijan seeks new talks",
            "Official",
            ":",
            Stance::Assert,
        );
        has(
            "Death Toll Rises to 12 - Azerbaijani Presidential Assistant\n",
            "Death Toll Rises to 12",
            "Azerbaijani Presidential Assistant",
            "-",
            Stance::Assert,
        );
    }

    #[test]
    fn nested_attributions_give_both_levels() {
        let text = "Russia's RIA reported that Aliyev said the army had advanced.";
        has(
            text,
            "Aliyev said the army had advanced",
            "Russia's RIA",
            "reported",
            Stance::Report,
        );
        has(
            text,
            "the army had advanced",
            "Aliyev",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn statements_inside_a_statement_stay_in_its_content() {
        let found = claims("The minister said the mayor called the plan a disaster.");
        assert_eq!(found.len(), 1, "{found:?}");
        has(
            "The minister said the mayor called the plan a disaster.",
            "the mayor called the plan a disaster",
            "The minister",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn narration_passives_and_questions_are_not_claims() {
        assert!(claims("Fighting continued on Friday near the border.").is_empty());
        assert!(claims("It was reported that the bridge fell.").is_empty());
        assert!(claims("Did the minister say the bridge fell?").is_empty());
    }

    #[test]
    fn pronoun_sources_resolve_through_actors() {
        let text = "Aliyev spoke on TV. He said the war would end soon.";
        let actors = [ActorMention {
            span: ByteSpan::from_raw(0, 6).unwrap_or_else(|_| unreachable!()),
            kind: ActorKind::Person,
            entity: "Ilham Aliyev".to_string(),
        }];
        let found = extract(text, &actors);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].source_entity.as_deref(), Some("Ilham Aliyev"));
    }

    #[test]
    fn names_snap_and_roles_take_their_actor() {
        let text = "Prime Minister Nikol Pashinyan said the army held. \
                    Azerbaijan's defence ministry said it advanced.";
        let span = |a: usize, b: usize| ByteSpan::from_raw(a, b).unwrap_or_else(|_| unreachable!());
        let actors = [
            ActorMention {
                span: span(15, 30),
                kind: ActorKind::Person,
                entity: "Nikol Pashinyan".to_string(),
            },
            ActorMention {
                span: span(51, 61),
                kind: ActorKind::Country,
                entity: "Azerbaijan".to_string(),
            },
        ];
        let found = extract(text, &actors);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].source, Some(span(15, 30)));
        assert_eq!(found[0].source_entity.as_deref(), Some("Nikol Pashinyan"));
        let source = found[1].source.map(|s| &text[s.range()]);
        assert_eq!(source, Some("Azerbaijan's defence ministry"));
        assert_eq!(found[1].source_entity.as_deref(), Some("Azerbaijan"));
    }

    #[test]
    fn hearers_outlets_and_colons() {
        has(
            "Aliyev told the BBC: “We will win this war.”",
            "We will win this war",
            "Aliyev",
            "told the BBC",
            Stance::Assert,
        );
        has(
            "The spokeswoman wrote on Facebook that the attack was repelled.",
            "the attack was repelled",
            "The spokeswoman",
            "wrote on Facebook",
            Stance::Assert,
        );
        has(
            "The ministry said in a statement: “The attack was a provocation.”",
            "The attack was a provocation",
            "The ministry",
            "said",
            Stance::Assert,
        );
        has(
            "The council will meet on Monday, diplomats said.",
            "The council will meet on Monday",
            "diplomats",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn coordinated_and_interrupted_statements() {
        has(
            "Iran has called for calm and said it was ready to mediate.",
            "it was ready to mediate",
            "Iran",
            "said",
            Stance::Assert,
        );
        let text = "The deal, the minister said, was dead on arrival.";
        let found = extract(text, &[]);
        assert_eq!(found.len(), 1, "{found:?}");
        let pieces: Vec<&str> = found[0]
            .fragments
            .iter()
            .map(|f| &text[f.range()])
            .collect();
        assert_eq!(pieces, ["The deal", "was dead on arrival"]);
        has(
            "As the ministry has said, the border stays closed.",
            "the border stays closed",
            "the ministry",
            "has said",
            Stance::Assert,
        );
    }

    #[test]
    fn quotes_inside_phrases_and_pronouns_inside_quotes() {
        // A programme's name in quotes is not a quote of the speaker after it.
        let text = "On “Face the Nation,” the senator said the vote was close.";
        has(
            text,
            "the vote was close",
            "the senator",
            "said",
            Stance::Assert,
        );
        assert_eq!(claims(text).len(), 1);
        // The speaker's own verbs inside the quote are part of the quoted claim.
        let text = "“We condemn the attack,” the ministry said.";
        assert_eq!(claims(text).len(), 1, "{:?}", claims(text));
        has(
            text,
            "We condemn the attack",
            "the ministry",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn characterisations_with_call() {
        has(
            "Critics call the levy a tax on the poor.",
            "the levy a tax on the poor",
            "Critics",
            "call",
            Stance::Assert,
        );
        has(
            "The mayor calls the levy a tax on the poor.",
            "the levy a tax on the poor",
            "The mayor",
            "calls",
            Stance::Assert,
        );
        assert!(contents("Phone calls to the office went unanswered.").is_empty());
    }

    #[test]
    fn subjects_closed_by_an_object_pronoun() {
        has(
            "Those close to him say the mayor will run again.",
            "the mayor will run again",
            "Those close to him",
            "say",
            Stance::Assert,
        );
        has(
            "The residents, many of whom say the bridge is unsafe.",
            "the bridge is unsafe",
            "whom",
            "say",
            Stance::Assert,
        );
    }

    #[test]
    fn title_case_headline_ending_with_its_cue() {
        has(
            "Port Reopens After Storm, Harbour Chief Says.\n\nShips left at dawn.",
            "Port Reopens After Storm",
            "Harbour Chief",
            "Says",
            Stance::Assert,
        );
    }

    #[test]
    fn rulings_and_positions() {
        has(
            "The tribunal ruled that the fee was unlawful.",
            "the fee was unlawful",
            "The tribunal",
            "ruled that",
            Stance::Assert,
        );
        has(
            "A district court rules against the parking ban.",
            "the parking ban",
            "A district court",
            "rules against",
            Stance::Deny,
        );
        has(
            "The minister made it clear the border would stay shut.",
            "the border would stay shut",
            "The minister",
            "made it clear",
            Stance::Assert,
        );
        has(
            "The senator railed against the new tariffs.",
            "the new tariffs",
            "The senator",
            "railed against",
            Stance::Accuse,
        );
        has(
            "The mayor likened the budget to a shell game.",
            "the budget to a shell game",
            "The mayor",
            "likened",
            Stance::Accuse,
        );
        has(
            "The study highlighted the rising cost of rent.",
            "the rising cost of rent",
            "The study",
            "highlighted",
            Stance::Assert,
        );
        has(
            "The audit documented higher rents in the north.",
            "higher rents in the north",
            "The audit",
            "documented",
            Stance::Report,
        );
    }

    #[test]
    fn agreement_decision_and_worry() {
        has(
            "Analysts agreed the plan was top-heavy.",
            "the plan was top-heavy",
            "Analysts",
            "agreed",
            Stance::Assert,
        );
        has(
            "The judge agreed with the tenants that the rent was too high.",
            "the tenants that the rent was too high",
            "The judge",
            "agreed with",
            Stance::Assert,
        );
        has(
            "The board decided to close the plant.",
            "to close the plant",
            "The board",
            "decided",
            Stance::Assert,
        );
        has(
            "The panel decided against raising fees.",
            "raising fees",
            "The panel",
            "decided against",
            Stance::Deny,
        );
        has(
            "Farmers worry that the drought will last.",
            "the drought will last",
            "Farmers",
            "worry that",
            Stance::Assert,
        );
        has(
            "Economists worried about the rising debt.",
            "the rising debt",
            "Economists",
            "worried about",
            Stance::Assert,
        );
        assert!(contents("The decided change came late.").is_empty());
    }

    #[test]
    fn names_that_contain_a_cue_word() {
        has(
            "The United States said the talks would resume.",
            "the talks would resume",
            "The United States",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn participles_led_by_a_preposition() {
        has(
            "The mayor has said little, aside from saying he wants a new bridge.",
            "he wants a new bridge",
            "The mayor",
            "saying",
            Stance::Assert,
        );
        has(
            "The mayor has said little, aside from saying he wants a new bridge.",
            "little",
            "The mayor",
            "has said",
            Stance::Assert,
        );
        has(
            "Dean went on television and began by saying he would not resign.",
            "he would not resign",
            "Dean",
            "saying",
            Stance::Assert,
        );
    }

    #[test]
    fn charges_estimates_and_beliefs_with_that() {
        has(
            "The union charges that the firm hid its losses.",
            "the firm hid its losses",
            "The union",
            "charges that",
            Stance::Accuse,
        );
        has(
            "The agency estimates that rents will rise.",
            "rents will rise",
            "The agency",
            "estimates that",
            Stance::Assert,
        );
        has(
            "Analysts felt that the plan was weak.",
            "the plan was weak",
            "Analysts",
            "felt that",
            Stance::Assert,
        );
        has(
            "She realized the data were wrong.",
            "the data were wrong",
            "She",
            "realized",
            Stance::Assert,
        );
        assert!(contents("The charges were dropped in May.").is_empty());
    }

    #[test]
    fn aims_and_votes() {
        has(
            "The council voted to close the library.",
            "close the library",
            "The council",
            "voted to",
            Stance::Assert,
        );
        has(
            "The board aims to cut costs.",
            "cut costs",
            "The board",
            "aims to",
            Stance::Assert,
        );
    }

    #[test]
    fn judgements_reactions_and_refusals() {
        has(
            "The senator scolded the bank for its fees.",
            "the bank for its fees",
            "The senator",
            "scolded",
            Stance::Accuse,
        );
        has(
            "The minister downplayed the risk of a strike.",
            "the risk of a strike",
            "The minister",
            "downplayed",
            Stance::Deny,
        );
        has(
            "Economists doubt the plan will work.",
            "the plan will work",
            "Economists",
            "doubt",
            Stance::Deny,
        );
        has(
            "The firm declines to comment on the deal.",
            "comment on the deal",
            "The firm",
            "declines to",
            Stance::Deny,
        );
        has(
            "The bank signaled that rates would rise.",
            "rates would rise",
            "The bank",
            "signaled",
            Stance::Assert,
        );
        has(
            "The union implored the council to keep the library open.",
            "the council to keep the library open",
            "The union",
            "implored",
            Stance::Call,
        );
        has(
            "She viewed the deal as a mistake.",
            "the deal as a mistake",
            "She",
            "viewed",
            Stance::Assert,
        );
        has(
            "The mayor responded to the audit with a new budget.",
            "the audit with a new budget",
            "The mayor",
            "responded to",
            Stance::Assert,
        );
        assert!(contents("Regarding the budget, the vote is on Monday.").is_empty());
    }

    #[test]
    fn long_appositions_before_the_cue() {
        has(
            "Roe -- co-author of a book on budgets -- said the deficit would grow.",
            "the deficit would grow",
            "Roe",
            "said",
            Stance::Assert,
        );
        has(
            "Ann Roe, 56, who has chaired the board for a decade, told reporters the fund is safe.",
            "the fund is safe",
            "Ann Roe",
            "told reporters",
            Stance::Assert,
        );
        has(
            "Rep. Ed Roe (D-Ore.), chairman of the caucus, said members will help.",
            "members will help",
            "Rep. Ed Roe",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn positions_aims_and_needs() {
        has(
            "Most voters support the new tax.",
            "the new tax",
            "Most voters",
            "support",
            Stance::Assert,
        );
        has(
            "The senator voted against the bill.",
            "the bill",
            "The senator",
            "voted against",
            Stance::Deny,
        );
        has(
            "The governor seems to favour a delay.",
            "favour a delay",
            "The governor",
            "seems to",
            Stance::Assert,
        );
        has(
            "The council needs to raise taxes.",
            "raise taxes",
            "The council",
            "needs to",
            Stance::Assert,
        );
        has(
            "The firm offered a refund to its clients.",
            "a refund to its clients",
            "The firm",
            "offered",
            Stance::Assert,
        );
        has(
            "Economists see the cut as a mistake.",
            "the cut as a mistake",
            "Economists",
            "see",
            Stance::Assert,
        );
        has(
            "The city would like to build a tram.",
            "build a tram",
            "The city",
            "would like to",
            Stance::Assert,
        );
        assert!(contents("The support for the plan grew.").is_empty());
        assert!(contents("It seems to be raining.").is_empty());
    }

    #[test]
    fn evidence_before_its_document() {
        has(
            "Rents rose by a third, a city survey of landlords shows.",
            "Rents rose by a third",
            "a city survey of landlords",
            "shows",
            Stance::Report,
        );
        has(
            "A rolling mean of surveys from the last ten days shows the mayor ahead.",
            "the mayor ahead",
            "A rolling mean of surveys from the last ten days",
            "shows",
            Stance::Report,
        );
    }

    #[test]
    fn participle_after_a_quote_closing_on_a_comma() {
        has(
            "The mayor praised the plan as a “bold step,” comparing it to the tram of 1910.",
            "it to the tram of 1910",
            "The mayor",
            "comparing",
            Stance::Assert,
        );
    }

    #[test]
    fn title_case_headlines_with_infinitives_and_quoted_words() {
        has(
            "Mayor Vows To Rebuild The Old Bridge\n\nThe works begin soon.",
            "To Rebuild The Old Bridge",
            "Mayor",
            "Vows",
            Stance::Assert,
        );
        has(
            "Retired Judge Reveals ‘Painful’ Years On The Bench\n\nShe spoke on Monday.",
            "‘Painful’ Years On The Bench",
            "Retired Judge",
            "Reveals",
            Stance::Assert,
        );
        has(
            "The union vows to strike in May.",
            "to strike in May",
            "The union",
            "vows",
            Stance::Assert,
        );
    }

    #[test]
    fn relative_clauses_take_no_content_from_before() {
        let text = "The judge wrote that the party, who opposes this motion, is a public figure.";
        let found = claims(text);
        assert!(
            found.iter().all(|c| !c.0.starts_with("The judge")),
            "{found:?}"
        );
        has(text, "the party", "The judge", "wrote", Stance::Assert);
    }

    #[test]
    fn an_opinion_in_a_relative_clause_is_no_claim_of_its_own() {
        let text = "The mayor wrote that the plan, which critics oppose, will cost more.";
        let found = claims(text);
        assert!(found.iter().all(|c| c.2 != "oppose"), "{found:?}");
    }

    #[test]
    fn relative_clauses_with_their_own_attribution_end_the_content() {
        let text = "The envoy denounced the vote, which the ministry called a farce.";
        has(text, "the vote", "The envoy", "denounced", Stance::Accuse);
        has(text, "a farce", "the ministry", "called", Stance::Assert);
    }

    #[test]
    fn a_quote_closing_after_the_comma_still_ends_the_content() {
        let text = "Half the voters agreed that the mayor is “fit to serve,” while 40 percent \
                    said the same of his rival.";
        has(
            text,
            "the mayor is “fit to serve",
            "Half the voters",
            "agreed that",
            Stance::Assert,
        );
        has(
            text,
            "the same of his rival",
            "40 percent",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn a_semicolon_ends_reported_content() {
        has(
            "Officials said the delay was an error; they learned of it on Friday.",
            "the delay was an error",
            "Officials",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn coordinated_cues_in_an_opening_subordinate_clause() {
        let text = "Though she called the fee “unfair” and called for a refund, the minister \
                    voted for the budget.";
        has(text, "the fee “unfair”", "she", "called", Stance::Assert);
        has(text, "a refund", "she", "called for", Stance::Call);
    }

    #[test]
    fn nouns_in_ly_are_no_adverbs_of_the_cue() {
        let text = "The assembly has called on ministers to publish the rules and called on \
                    voters to stay calm.";
        has(
            text,
            "ministers to publish the rules",
            "The assembly",
            "has called on",
            Stance::Call,
        );
        has(
            text,
            "voters to stay calm",
            "The assembly",
            "called on",
            Stance::Call,
        );
    }

    #[test]
    fn participles_after_an_adverb() {
        has(
            "The nominee complained about the sound, even suggesting he was sabotaged.",
            "he was sabotaged",
            "The nominee",
            "even suggesting",
            Stance::Assert,
        );
        // With no comma, an adverb before the participle makes it read as a clause.
        has(
            "The region declared independence also stating it would join its neighbour.",
            "it would join its neighbour",
            "The region declared independence",
            "also stating",
            Stance::Assert,
        );
    }

    #[test]
    fn participles_opening_the_sentence_take_the_main_subject() {
        let text = "Claiming the vote was rigged, Roe told reporters that he would appeal.";
        has(
            text,
            "the vote was rigged",
            "Roe",
            "Claiming",
            Stance::Assert,
        );
        has(
            text,
            "he would appeal",
            "Roe",
            "told reporters",
            Stance::Assert,
        );
        has(
            "After saying the border was shut, she left the room.",
            "the border was shut",
            "she",
            "saying",
            Stance::Assert,
        );
    }

    #[test]
    fn participles_after_an_opening_time_phrase() {
        has(
            "On Monday, however, the mayor spoke to farmers, promising to cut the tax.",
            "to cut the tax",
            "the mayor",
            "promising",
            Stance::Assert,
        );
        has(
            "In May, Ann Roe visited the plant, saying it would stay open.",
            "it would stay open",
            "Ann Roe",
            "saying",
            Stance::Assert,
        );
    }

    #[test]
    fn participles_name_a_lower_case_opening_subject() {
        has(
            "Several groups granted the firm an extension, saying its capital was short.",
            "its capital was short",
            "Several groups",
            "saying",
            Stance::Assert,
        );
    }

    #[test]
    fn minds_after_an_apposition_and_before_a_clause_with_it() {
        has(
            "The union, which represents nurses, wants to keep its policy.",
            "to keep its policy",
            "The union",
            "wants",
            Stance::Assert,
        );
        has(
            "He dropped the levy, but analysts agreed it was still a lopsided plan.",
            "it was still a lopsided plan",
            "analysts",
            "agreed",
            Stance::Assert,
        );
        assert!(contents("He knows it.").is_empty());
    }

    #[test]
    fn aspect_verbs_with_to_join_the_cue() {
        has(
            "The board continues to insist that the plan is sound.",
            "the plan is sound",
            "The board",
            "continues to insist",
            Stance::Assert,
        );
        has(
            "The mayor has yet to explain why the fees rose.",
            "why the fees rose",
            "The mayor",
            "has yet to explain",
            Stance::Assert,
        );
        has(
            "Roe thanked the staff, going on to say the budget was safe.",
            "the budget was safe",
            "Roe",
            "going on to say",
            Stance::Assert,
        );
    }

    #[test]
    fn a_show_named_after_a_possessive_is_no_quote() {
        let text = "In an interview on NBC’s “Meet the Press,” Senator Ann Roe said the vote \
                    was close.";
        has(
            text,
            "the vote was close",
            "Senator Ann Roe",
            "said",
            Stance::Assert,
        );
        assert_eq!(claims(text).len(), 1, "{:?}", claims(text));
    }

    #[test]
    fn plural_nouns_joined_by_and_are_no_cues() {
        let text =
            "The senator said the spate of shootings and protests demands that voters listen.";
        has(
            text,
            "the spate of shootings and protests demands that voters listen",
            "The senator",
            "said",
            Stance::Assert,
        );
        assert_eq!(claims(text).len(), 1, "{:?}", claims(text));
        has(
            "Roe is wary of the loans and expects them to grow scarce.",
            "them to grow scarce",
            "Roe",
            "expects",
            Stance::Assert,
        );
    }

    #[test]
    fn sources_around_appositions_and_relatives() {
        has(
            "The mayor, like the governor, has urged residents to leave.",
            "residents to leave",
            "The mayor",
            "has urged",
            Stance::Call,
        );
        has(
            "He met Roe, now the party leader, who in 2010 said the goal was to win.",
            "the goal was to win",
            "who",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn inverted_speaker_followed_by_a_place() {
        has(
            "The talks went badly, said a union source in the room.",
            "The talks went badly",
            "a union source",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn passive_agents_need_no_capital() {
        has(
            "The plan has been endorsed by hundreds of doctors.",
            "The plan",
            "hundreds of doctors",
            "has been endorsed by",
            Stance::Assert,
        );
    }

    #[test]
    fn curly_contractions_and_participle_appositions() {
        has(
            "The attorney general isn’t saying if the charity broke any laws.",
            "if the charity broke any laws",
            "The attorney general",
            "isn’t saying",
            Stance::Assert,
        );
        has(
            "The report, released on Tuesday, said rents rose.",
            "rents rose",
            "The report",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn content_before_as_x_said() {
        has(
            "The bridge is unsafe, as engineers have said.",
            "The bridge is unsafe",
            "engineers",
            "have said",
            Stance::Assert,
        );
    }

    #[test]
    fn sources_named_by_a_reporting_word_and_subjects_after_a_quote() {
        has(
            "Roe often insulted guests, according to show insiders.",
            "Roe often insulted guests",
            "show insiders",
            "according to",
            Stance::Report,
        );
        has(
            "Bemoaning the “rigged system,” Roe accused the judge of bias.",
            "the “rigged system",
            "Roe",
            "Bemoaning",
            Stance::Accuse,
        );
        has(
            "The ban on night flights is supported by a broad alliance of residents.",
            "The ban on night flights",
            "a broad alliance of residents",
            "is supported by",
            Stance::Assert,
        );
    }

    #[test]
    fn participles_led_by_while() {
        has(
            "The senator made the remark while urging voters to stay home.",
            "voters to stay home",
            "The senator",
            "urging",
            Stance::Call,
        );
    }

    #[test]
    fn the_us_in_capitals_is_no_object_pronoun() {
        has(
            "08:15 GMT – US urges swift end to blockade\n\nMore soon.",
            "swift end to blockade",
            "US",
            "urges",
            Stance::Call,
        );
        has(
            "The US said the talks would resume.",
            "the talks would resume",
            "The US",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn headline_with_a_six_word_name_and_a_quote() {
        has(
            "Senator Ann Roe Grills Bank Chief: ‘You Should Be Investigated.’\n\nShe spoke on Tuesday.",
            "You Should Be Investigated",
            "Senator Ann Roe Grills Bank Chief",
            ":",
            Stance::Assert,
        );
    }

    #[test]
    fn statements_coordinated_with_but_share_the_source() {
        let text = "Ankara denied sending troops but admitted training fighters.";
        has(text, "sending troops", "Ankara", "denied", Stance::Deny);
        has(
            text,
            "training fighters",
            "Ankara",
            "admitted",
            Stance::Assert,
        );
        let text = "The mayor urged calm but said the curfew would stay.";
        has(text, "calm", "The mayor", "urged", Stance::Call);
        has(
            text,
            "the curfew would stay",
            "The mayor",
            "said",
            Stance::Assert,
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "\"",
            "said",
            "“",
            ", said",
            "according to",
            "\u{0}\u{ffff}said\"“‘''",
        ] {
            let _ = extract(text, &[]);
        }
        let unbalanced = "“He said ‘no\" ''".repeat(3000);
        let _ = extract(&unbalanced, &[]);
    }

    #[test]
    fn one_long_line_stays_linear() {
        // About 10 MB without a line break or a period: many cues, no sentence ends.
        let line = "officials said the “talks were said to have failed, ".repeat(200_000);
        let found = extract(&line, &[]);
        assert!(!found.is_empty());
        // An opening subordinate clause with no comma to close it.
        let line = format!(
            "If {}",
            "officials said the talks failed and ".repeat(50_000)
        );
        assert!(!extract(&line, &[]).is_empty());
    }
}

#[cfg(test)]
mod cue_families;

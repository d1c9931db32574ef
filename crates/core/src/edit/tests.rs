//! Every edit, applied through a history, then undone and redone: undo must give back
//! the document exactly, redo the edited one.

use super::*;
use crate::model::{
    ActorAttrs, ActorKind, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Origin, Stance, Status,
};
use crate::test_support::claim_attrs;

const TEXT: &str = "Azerbaijan's President Ilham Aliyev said on Sunday that \"we will win\". \
Aliyev accused Armenia.\r\nArmenia 🇦🇲 denied it on 27 September.";

/// The span of the `nth` occurrence (from 0) of `s`.
fn at(s: &str, nth: usize) -> ByteSpan {
    let i = TEXT
        .match_indices(s)
        .nth(nth)
        .map(|(i, _)| i)
        .expect("fixture text");
    ByteSpan::from_raw(i, i + s.len()).unwrap()
}

fn actor(kind: ActorKind, entity: &str) -> Attrs {
    Attrs::Actor(ActorAttrs {
        kind,
        entity: entity.into(),
    })
}

fn date(value: Option<&str>) -> Attrs {
    Attrs::Date(DateAttrs {
        kind: DateKind::Date,
        value: value.map(str::to_string),
    })
}

/// Ids: 1 Azerbaijan, 2 Ilham Aliyev, 3 Sunday, 4 claim "we will win", 5 Aliyev
/// (accepted), 6 and 7 Armenia, 8 "27 September" (no value).
fn fixture() -> Document {
    let mut doc = Document::new("t", TEXT, crate::calendar::CalendarDate::new(2020, 9, 28));
    let s = Status::Suggested;
    doc.add(
        at("Azerbaijan", 0),
        actor(ActorKind::Country, "Azerbaijan"),
        Origin::Auto,
        s,
    );
    doc.add(
        at("Ilham Aliyev", 0),
        actor(ActorKind::Person, "Ilham Aliyev"),
        Origin::Auto,
        s,
    );
    doc.add(at("Sunday", 0), date(Some("2020-09-27")), Origin::Auto, s);
    doc.add(
        at("we will win", 0),
        Attrs::Claim(ClaimAttrs {
            stance: Some(Stance::Assert),
            source_entity: Some("Ilham Aliyev".into()),
            ..claim_attrs(
                ClaimKind::Direct,
                Some(at("Ilham Aliyev", 0)),
                Some(at("said", 0)),
            )
        }),
        Origin::Auto,
        s,
    );
    doc.add(
        at("Aliyev", 1),
        actor(ActorKind::Person, "Ilham Aliyev"),
        Origin::Auto,
        Status::Accepted,
    );
    doc.add(
        at("Armenia", 0),
        actor(ActorKind::Country, "Armenia"),
        Origin::Auto,
        s,
    );
    doc.add(
        at("Armenia", 1),
        actor(ActorKind::Country, "Armenia"),
        Origin::Auto,
        s,
    );
    doc.add(at("27 September", 0), date(None), Origin::Auto, s);
    doc
}

fn id(n: u32) -> AnnotationId {
    AnnotationId(n)
}

/// Applies `edit` through a history, checks undo and redo, and returns the edited
/// document with the history.
fn edited(doc: &Document, edit: &Edit) -> (Document, History) {
    let mut work = doc.clone();
    let mut history = History::new();
    let patch = history.apply(&mut work, edit).expect("edit applies");
    assert_eq!(applied(doc, edit).unwrap(), work, "apply == applied");
    let after = work.clone();
    if !patch.is_empty() {
        assert_eq!(history.len(), 1, "one edit is one step");
    }
    history.undo(&mut work).unwrap();
    assert_eq!(&work, doc, "undo restores the document");
    history.redo(&mut work).unwrap();
    assert_eq!(work, after, "redo restores the edit");
    (work, history)
}

fn get(doc: &Document, n: u32) -> &Annotation {
    doc.get(id(n)).expect("annotation")
}

fn entity(doc: &Document, n: u32) -> &str {
    match &get(doc, n).attrs {
        Attrs::Actor(a) => &a.entity,
        _ => panic!("not an actor"),
    }
}

fn claim(doc: &Document, n: u32) -> &ClaimAttrs {
    match &get(doc, n).attrs {
        Attrs::Claim(c) => c,
        _ => panic!("not a claim"),
    }
}

#[test]
fn accept_and_reject_one() {
    let doc = fixture();
    let (d, _) = edited(&doc, &Edit::Accept(id(1)));
    assert_eq!(get(&d, 1).status, Status::Accepted);
    assert_eq!(get(&d, 1).origin, Origin::Auto);
    let (d, _) = edited(&doc, &Edit::Reject(id(3)));
    assert_eq!(get(&d, 3).status, Status::Rejected);
    // Accepting an accepted annotation changes nothing and records nothing.
    let mut work = doc.clone();
    let mut h = History::new();
    assert!(h.apply(&mut work, &Edit::Accept(id(5))).unwrap().is_empty());
    assert!(!h.can_undo());
    assert_eq!(
        apply(&doc, &Edit::Reject(id(99))),
        Err(EditError::UnknownAnnotation(99))
    );
}

#[test]
fn bulk_review_is_one_step_and_spares_decisions() {
    let doc = fixture();
    let edit = Edit::ReviewAll {
        decision: Decision::Accept,
        layer: Some(Layer::Actor),
        within: None,
    };
    let (d, h) = edited(&doc, &edit);
    assert_eq!(h.len(), 1);
    for n in [1, 2, 5, 6, 7] {
        assert_eq!(get(&d, n).status, Status::Accepted);
    }
    assert_eq!(get(&d, 3).status, Status::Suggested);
    // Rejecting all in the second line touches only what lies inside it.
    let line = ByteSpan::from_raw(TEXT.find("\r\n").unwrap(), TEXT.len()).unwrap();
    let edit = Edit::ReviewAll {
        decision: Decision::Reject,
        layer: None,
        within: Some(line),
    };
    let patch = apply(&doc, &edit).unwrap();
    let ids: Vec<u32> = patch.changes().iter().map(|c| c.id.0).collect();
    assert_eq!(ids, [7, 8]);
    edited(&doc, &edit);
    // Accepted ones stay accepted under a bulk reject.
    let all = Edit::ReviewAll {
        decision: Decision::Reject,
        layer: None,
        within: None,
    };
    let (d, _) = edited(&doc, &all);
    assert_eq!(get(&d, 5).status, Status::Accepted);
}

#[test]
fn create_with_defaults() {
    let doc = fixture();
    let span = at("President", 0);
    let (d, _) = edited(
        &doc,
        &Edit::Create {
            span,
            layer: Layer::Actor,
            kind: None,
        },
    );
    let new = get(&d, 9);
    assert_eq!((new.origin, new.status), (Origin::Manual, Status::Accepted));
    assert_eq!(entity(&d, 9), "President");
    assert_eq!(d.next_id, 10);
    // Another mention with the same text shares that mention's entity and kind.
    let (d, _) = edited(
        &doc,
        &Edit::Create {
            span: at("Aliyev", 0),
            layer: Layer::Actor,
            kind: None,
        },
    );
    assert_eq!(entity(&d, 9), "Ilham Aliyev");
    // A claim touching a quotation mark is direct; a kind picks the layer.
    let (d, _) = edited(
        &doc,
        &Edit::Create {
            span: at("we will", 0),
            layer: Layer::Claim,
            kind: None,
        },
    );
    assert_eq!(claim(&d, 9).kind, ClaimKind::Direct);
    let (d, _) = edited(
        &doc,
        &Edit::Create {
            span: at("Sunday", 0),
            layer: Layer::Actor,
            kind: Some(Kind::Date(DateKind::Time)),
        },
    );
    assert!(matches!(&get(&d, 3).attrs, Attrs::Date(x) if x.kind == DateKind::Time));
    assert_eq!(get(&d, 3).status, Status::Accepted);
    assert_eq!(
        d.next_id, 9,
        "a suggestion on the same span is accepted, not doubled"
    );
}

#[test]
fn create_refuses_bad_spans() {
    let doc = fixture();
    let create = |span| Edit::Create {
        span,
        layer: Layer::Actor,
        kind: None,
    };
    assert_eq!(
        apply(&doc, &create(at("Aliyev", 1))),
        Err(EditError::Duplicate {
            id: 5,
            layer: "actor"
        })
    );
    let flag = TEXT.find('🇦').unwrap();
    let inside = ByteSpan::from_raw(flag, flag + 4).unwrap();
    assert_eq!(
        apply(&doc, &create(inside)),
        Err(EditError::SplitsCharacter(flag + 4))
    );
    let past = ByteSpan::from_raw(0, TEXT.len() + 1).unwrap();
    assert!(matches!(
        apply(&doc, &create(past)),
        Err(EditError::SpanPastEnd { .. })
    ));
    let crlf = TEXT.find("\r\n").unwrap();
    let between = ByteSpan::from_raw(crlf, crlf + 1).unwrap();
    assert_eq!(
        apply(&doc, &create(between)),
        Err(EditError::SplitsCharacter(crlf + 1))
    );
    let blank = ByteSpan::from_raw(crlf, crlf + 2).unwrap();
    assert_eq!(apply(&doc, &create(blank)), Err(EditError::EmptySpan));
    let empty = ByteSpan::from_raw(3, 3).unwrap();
    assert_eq!(apply(&doc, &create(empty)), Err(EditError::EmptySpan));
}

#[test]
fn delete_and_undo() {
    let doc = fixture();
    let (d, _) = edited(&doc, &Edit::Delete(id(4)));
    assert!(d.get(id(4)).is_none());
    assert_eq!(d.annotations.len(), 7);
}

#[test]
fn change_layer_and_kind() {
    let doc = fixture();
    let (d, _) = edited(
        &doc,
        &Edit::SetLayer {
            id: id(3),
            layer: Layer::Actor,
        },
    );
    assert_eq!(entity(&d, 3), "Sunday", "the entity defaults to the text");
    assert_eq!(get(&d, 3).status, Status::Accepted);
    let (d, _) = edited(
        &doc,
        &Edit::SetLayer {
            id: id(6),
            layer: Layer::Claim,
        },
    );
    assert_eq!(claim(&d, 6).source, None);
    let (d, _) = edited(
        &doc,
        &Edit::SetKind {
            id: id(1),
            kind: Kind::Actor(ActorKind::Organisation),
        },
    );
    assert!(
        matches!(&get(&d, 1).attrs, Attrs::Actor(a) if a.kind == ActorKind::Organisation && a.entity == "Azerbaijan")
    );
    let (d, _) = edited(
        &doc,
        &Edit::SetKind {
            id: id(1),
            kind: Kind::Date(DateKind::Set),
        },
    );
    assert!(matches!(&get(&d, 1).attrs, Attrs::Date(x) if x.kind == DateKind::Set));
    // Relabelling to the same layer changes nothing.
    assert!(apply(
        &doc,
        &Edit::SetLayer {
            id: id(1),
            layer: Layer::Actor
        }
    )
    .unwrap()
    .is_empty());
}

#[test]
fn move_boundaries_by_word_and_char() {
    let doc = fixture();
    let mv = |n, side, step, direction| Edit::MoveBoundary {
        id: id(n),
        side,
        step,
        direction,
    };
    // "Ilham Aliyev" takes in "President" at the start: claims sourced there follow.
    let (d, _) = edited(&doc, &mv(2, Side::Start, Step::Word, Direction::Backward));
    let span = at("President Ilham Aliyev", 0);
    assert_eq!(get(&d, 2).span, span);
    assert_eq!(claim(&d, 4).source, Some(span));
    assert_eq!(
        entity(&d, 2),
        "Ilham Aliyev",
        "a shared entity keeps its name"
    );
    // Armenia's unique entity follows its text.
    let (d, _) = edited(&doc, &mv(7, Side::End, Step::Char, Direction::Forward));
    assert_eq!(get(&d, 7).span.slice(TEXT), Some("Armenia "));
    let (d, _) = edited(&doc, &mv(1, Side::End, Step::Char, Direction::Backward));
    assert_eq!(entity(&d, 1), "Azerbaija");
    let (d, _) = edited(&doc, &mv(8, Side::Start, Step::Word, Direction::Forward));
    assert_eq!(get(&d, 8).span.slice(TEXT), Some("September"));
    assert!(matches!(
        apply(&doc, &mv(1, Side::Start, Step::Char, Direction::Backward)),
        Err(EditError::CannotMove {
            id: 1,
            side: "start",
            ..
        })
    ));
    assert!(matches!(
        apply(&doc, &mv(3, Side::End, Step::Word, Direction::Backward)),
        Err(EditError::CannotMove {
            id: 3,
            side: "end",
            ..
        })
    ));
}

#[test]
fn set_span_clips_claim_fragments() {
    let mut doc = fixture();
    let content = at("we will win", 0);
    let we = at("we", 0);
    let win = at("win", 0);
    if let Some(a) = doc.annotations.iter_mut().find(|a| a.id == id(4)) {
        if let Attrs::Claim(c) = &mut a.attrs {
            c.fragments = vec![we, win];
        }
    }
    let shorter = at("we will", 0);
    let (d, _) = edited(
        &doc,
        &Edit::SetSpan {
            id: id(4),
            span: shorter,
        },
    );
    assert_eq!(get(&d, 4).span, shorter);
    assert!(claim(&d, 4).fragments.is_empty(), "one piece left");
    let wider = ByteSpan::from_raw(content.start().0 - 1, content.end().0 + 1).unwrap();
    let (d, _) = edited(
        &doc,
        &Edit::SetSpan {
            id: id(4),
            span: wider,
        },
    );
    let f = &claim(&d, 4).fragments;
    assert_eq!((f[0].start(), f[1].end()), (wider.start(), wider.end()));
}

#[test]
fn date_values_are_validated() {
    let doc = fixture();
    let set = |v: Option<&str>| Edit::SetDateValue {
        id: id(8),
        value: v.map(str::to_string),
    };
    let (d, _) = edited(&doc, &set(Some(" 2020-09-27 ")));
    assert!(
        matches!(&get(&d, 8).attrs, Attrs::Date(x) if x.value.as_deref() == Some("2020-09-27"))
    );
    let (d, _) = edited(&doc, &set(Some("xxxx-09-27")));
    assert!(
        matches!(&get(&d, 8).attrs, Attrs::Date(x) if x.value.as_deref() == Some("XXXX-09-27"))
    );
    let (d, _) = edited(
        &doc,
        &Edit::SetDateValue {
            id: id(3),
            value: Some("  ".into()),
        },
    );
    assert!(matches!(&get(&d, 3).attrs, Attrs::Date(x) if x.value.is_none()));
    let err = apply(&doc, &set(Some("27/09/2020"))).unwrap_err();
    assert!(matches!(err, EditError::InvalidValue(_)));
    assert!(err.to_string().contains("27/09/2020"), "{err}");
    assert!(matches!(
        apply(
            &doc,
            &Edit::SetDateValue {
                id: id(1),
                value: None
            }
        ),
        Err(EditError::WrongLayer {
            id: 1,
            expected: "date",
            found: "actor"
        })
    ));
}

#[test]
fn entity_edits() {
    let doc = fixture();
    // One mention.
    let (d, _) = edited(
        &doc,
        &Edit::SetEntity {
            id: id(2),
            entity: "  Ilham\nAliyev Jr ".into(),
        },
    );
    assert_eq!(entity(&d, 2), "Ilham Aliyev Jr");
    assert_eq!(entity(&d, 5), "Ilham Aliyev");
    assert_eq!(
        claim(&d, 4).source_entity.as_deref(),
        Some("Ilham Aliyev Jr")
    );
    // Everywhere.
    let (d, _) = edited(
        &doc,
        &Edit::RenameEntity {
            from: "Ilham Aliyev".into(),
            to: "Aliyev".into(),
        },
    );
    assert_eq!((entity(&d, 2), entity(&d, 5)), ("Aliyev", "Aliyev"));
    assert_eq!(claim(&d, 4).source_entity.as_deref(), Some("Aliyev"));
    assert_eq!(
        get(&d, 2).status,
        Status::Suggested,
        "renaming reviews nothing"
    );
    // Merge takes the surviving entity's kind.
    let (d, _) = edited(
        &doc,
        &Edit::MergeEntity {
            from: "Armenia".into(),
            into: "Ilham Aliyev".into(),
        },
    );
    assert_eq!(entity(&d, 6), "Ilham Aliyev");
    assert!(matches!(&get(&d, 7).attrs, Attrs::Actor(a) if a.kind == ActorKind::Person));
    // Split: the new name is the mention's text, made unique.
    let (d, _) = edited(
        &doc,
        &Edit::SplitMention {
            id: id(5),
            entity: None,
        },
    );
    assert_eq!(entity(&d, 5), "Aliyev");
    assert_eq!(entity(&d, 2), "Ilham Aliyev");
    let (d, _) = edited(
        &doc,
        &Edit::SplitMention {
            id: id(7),
            entity: None,
        },
    );
    assert_eq!(entity(&d, 7), "Armenia (2)");
    let errors = [
        (
            Edit::RenameEntity {
                from: "Nobody".into(),
                to: "X".into(),
            },
            EditError::UnknownEntity("Nobody".into()),
        ),
        (
            Edit::SetEntity {
                id: id(1),
                entity: " ".into(),
            },
            EditError::EmptyEntity,
        ),
        (
            Edit::MergeEntity {
                from: "Armenia".into(),
                into: "Armenia".into(),
            },
            EditError::SameEntity("Armenia".into()),
        ),
        (
            Edit::SplitMention {
                id: id(6),
                entity: Some("Azerbaijan".into()),
            },
            EditError::EntityExists("Azerbaijan".into()),
        ),
        (
            Edit::SplitMention {
                id: id(3),
                entity: None,
            },
            EditError::WrongLayer {
                id: 3,
                expected: "actor",
                found: "date",
            },
        ),
    ];
    for (edit, err) in errors {
        assert_eq!(apply(&doc, &edit), Err(err));
    }
}

#[test]
fn claim_roles_and_stance() {
    let doc = fixture();
    let (d, _) = edited(
        &doc,
        &Edit::SetSource {
            id: id(4),
            source: Some(Pick::Mention(id(5))),
        },
    );
    assert_eq!(claim(&d, 4).source, Some(at("Aliyev", 1)));
    assert_eq!(claim(&d, 4).source_entity.as_deref(), Some("Ilham Aliyev"));
    let (d, _) = edited(
        &doc,
        &Edit::SetSource {
            id: id(4),
            source: Some(Pick::Span(at("President", 0))),
        },
    );
    assert_eq!(claim(&d, 4).source_entity, None);
    let (d, _) = edited(
        &doc,
        &Edit::SetSource {
            id: id(4),
            source: Some(Pick::Span(at("Armenia", 0))),
        },
    );
    assert_eq!(claim(&d, 4).source_entity.as_deref(), Some("Armenia"));
    let (d, _) = edited(
        &doc,
        &Edit::SetSource {
            id: id(4),
            source: None,
        },
    );
    assert_eq!(
        (claim(&d, 4).source, claim(&d, 4).source_entity.clone()),
        (None, None)
    );
    let (d, _) = edited(
        &doc,
        &Edit::SetCue {
            id: id(4),
            cue: Some(Pick::Span(at("accused", 0))),
        },
    );
    assert_eq!(claim(&d, 4).cue, Some(at("accused", 0)));
    let (d, _) = edited(
        &doc,
        &Edit::SetStance {
            id: id(4),
            stance: Some(Stance::Accuse),
        },
    );
    assert_eq!(claim(&d, 4).stance, Some(Stance::Accuse));
    assert!(matches!(
        apply(
            &doc,
            &Edit::SetSource {
                id: id(4),
                source: Some(Pick::Mention(id(3)))
            }
        ),
        Err(EditError::WrongLayer { id: 3, .. })
    ));
    assert!(matches!(
        apply(
            &doc,
            &Edit::SetStance {
                id: id(1),
                stance: None
            }
        ),
        Err(EditError::WrongLayer { id: 1, .. })
    ));
}

#[test]
fn a_batch_is_one_step_and_all_or_nothing() {
    let doc = fixture();
    let batch = Edit::Batch(vec![
        Edit::Create {
            span: at("President", 0),
            layer: Layer::Actor,
            kind: None,
        },
        Edit::SetEntity {
            id: id(9),
            entity: "Office of the President".into(),
        },
        Edit::Accept(id(3)),
        Edit::Accept(id(3)),
        Edit::Delete(id(8)),
    ]);
    let (d, h) = edited(&doc, &batch);
    assert_eq!(h.len(), 1);
    assert_eq!(entity(&d, 9), "Office of the President");
    assert!(d.get(id(8)).is_none());
    let failing = Edit::Batch(vec![Edit::Accept(id(1)), Edit::Delete(id(42))]);
    let err = apply(&doc, &failing).unwrap_err();
    assert_eq!(
        err,
        EditError::InBatch {
            index: 1,
            source: Box::new(EditError::UnknownAnnotation(42))
        }
    );
    assert!(err.to_string().starts_with("step 2 of the batch"));
    // Create then delete in one batch leaves no trace but the spent id.
    let noop = Edit::Batch(vec![
        Edit::Create {
            span: at("President", 0),
            layer: Layer::Actor,
            kind: None,
        },
        Edit::Delete(id(9)),
    ]);
    let p = apply(&doc, &noop).unwrap();
    assert!(p.changes().is_empty());
    assert_eq!(p.next_id(), (9, 10));
    assert!(apply(&doc, &Edit::Batch(vec![])).unwrap().is_empty());
}

#[test]
fn history_stacks() {
    let mut doc = fixture();
    let original = doc.clone();
    let mut h = History::new();
    h.apply(&mut doc, &Edit::Accept(id(1))).unwrap();
    h.apply(&mut doc, &Edit::Delete(id(2))).unwrap();
    h.apply(&mut doc, &Edit::Reject(id(3))).unwrap();
    assert_eq!((h.len(), h.can_undo(), h.can_redo()), (3, true, false));
    let undone = h.undo(&mut doc).unwrap().unwrap();
    assert_eq!(undone.focus(), Some(id(3)));
    h.undo(&mut doc).unwrap();
    assert_eq!((h.len(), h.redo_len()), (1, 2));
    // A new edit clears the redo stack.
    h.apply(&mut doc, &Edit::Accept(id(6))).unwrap();
    assert!(!h.can_redo());
    assert_eq!(h.redo(&mut doc).unwrap(), None);
    while h.can_undo() {
        h.undo(&mut doc).unwrap();
    }
    assert_eq!(doc, original);
    assert_eq!(h.undo(&mut doc).unwrap(), None);
    // The oldest steps go past the limit.
    let mut small = History::with_limit(2);
    for n in [1, 2, 3] {
        small.apply(&mut doc, &Edit::Accept(id(n))).unwrap();
    }
    assert_eq!(small.len(), 2);
}

#[test]
fn history_survives_serialisation() {
    let mut doc = fixture();
    let mut h = History::new();
    h.apply(
        &mut doc,
        &Edit::SetSource {
            id: id(4),
            source: Some(Pick::Mention(id(5))),
        },
    )
    .unwrap();
    h.apply(&mut doc, &Edit::Delete(id(3))).unwrap();
    h.apply(
        &mut doc,
        &Edit::Create {
            span: at("🇦🇲", 0),
            layer: Layer::Actor,
            kind: Some(Kind::Actor(ActorKind::Country)),
        },
    )
    .unwrap();
    h.undo(&mut doc).unwrap();
    let json = serde_json::to_string(&h).unwrap();
    let mut back: History = serde_json::from_str(&json).unwrap();
    assert_eq!(back, h);
    back.redo(&mut doc).unwrap();
    while back.can_undo() {
        back.undo(&mut doc).unwrap();
    }
    assert_eq!(doc, fixture());
    for bad in [
        r#"{"undo":[{"unit":"codepoint","next_id":[1,1],"changes":[]}]}"#,
        r#"{"undo":[{"unit":"byte","next_id":[1,1],"changes":[{"id":1,"after":{"id":2,"start":0,"end":1,"origin":"auto","status":"accepted","layer":"date","kind":"date"}}]}]}"#,
        r#"{"undo":[{"unit":"byte","next_id":[1,1],"changes":[{"id":2,"after":{"id":2,"start":5,"end":1,"origin":"auto","status":"accepted","layer":"date","kind":"date"}}]}]}"#,
    ] {
        assert!(serde_json::from_str::<History>(bad).is_err(), "{bad}");
    }
}

#[test]
fn patches_that_no_longer_fit_are_refused() {
    let doc = fixture();
    let patch = apply(&doc, &Edit::Accept(id(1))).unwrap();
    let mut changed = doc.clone();
    changed.annotations.retain(|a| a.id != id(1));
    assert_eq!(patch.apply_to(&mut changed), Err(PatchError::Conflict(1)));
    let mut other_text = Document::new("t", "short", None);
    other_text.next_id = doc.next_id;
    let create = apply(
        &doc,
        &Edit::Create {
            span: at("September", 0),
            layer: Layer::Date,
            kind: None,
        },
    )
    .unwrap();
    assert_eq!(create.apply_to(&mut other_text), Err(PatchError::Span(9)));
    // Creating an id that exists meanwhile is a conflict, never a doubled id.
    let mut taken = doc.clone();
    taken.add(
        at("Sunday", 0),
        date(None),
        Origin::Manual,
        Status::Accepted,
    );
    assert_eq!(create.apply_to(&mut taken), Err(PatchError::Conflict(9)));
    // The history keeps a step it could not undo.
    let mut work = doc.clone();
    let mut h = History::new();
    h.apply(&mut work, &Edit::Accept(id(1))).unwrap();
    work.annotations.retain(|a| a.id != id(1));
    assert!(h.undo(&mut work).is_err());
    assert!(h.can_undo());
}

#[test]
fn patches_tell_what_to_redraw_and_focus() {
    let doc = fixture();
    let patch = apply(
        &doc,
        &Edit::MoveBoundary {
            id: id(2),
            side: Side::Start,
            step: Step::Word,
            direction: Direction::Backward,
        },
    )
    .unwrap();
    assert_eq!(patch.focus(), Some(id(2)));
    let touched = patch.touched();
    assert!(touched.contains(&at("Ilham Aliyev", 0)));
    assert!(touched.contains(&at("President Ilham Aliyev", 0)));
    assert!(
        touched.contains(&at("said", 0)),
        "the claim's cue is redrawn too"
    );
    assert_eq!(apply(&doc, &Edit::Delete(id(1))).unwrap().focus(), None);
}

/// A small deterministic generator: random edits on random offsets must never panic,
/// and whatever applies must undo exactly.
#[test]
fn random_edits_never_panic_and_always_undo() {
    let mut seed: u64 = 0x5eed;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % n.max(1)
    };
    let mut doc = fixture();
    let mut h = History::new();
    let len = TEXT.len() + 3;
    let mut applied_ok = 0;
    for _ in 0..2_000 {
        let a = next(len);
        let b = a + next(12);
        let span = ByteSpan::from_raw(a, b).unwrap();
        let target = id(next(14) as u32);
        let layer = Layer::ALL[next(3)];
        let edit = match next(12) {
            0 => Edit::Accept(target),
            1 => Edit::Create {
                span,
                layer,
                kind: None,
            },
            2 => Edit::SetSpan { id: target, span },
            3 => Edit::MoveBoundary {
                id: target,
                side: if next(2) == 0 { Side::Start } else { Side::End },
                step: if next(2) == 0 { Step::Word } else { Step::Char },
                direction: if next(2) == 0 {
                    Direction::Forward
                } else {
                    Direction::Backward
                },
            },
            4 => Edit::SetLayer { id: target, layer },
            5 => Edit::Delete(target),
            6 => Edit::SplitMention {
                id: target,
                entity: None,
            },
            7 => Edit::SetSource {
                id: target,
                source: Some(Pick::Span(span)),
            },
            8 => Edit::SetDateValue {
                id: target,
                value: Some(TEXT.get(..a).unwrap_or("").chars().rev().take(5).collect()),
            },
            9 => Edit::ReviewAll {
                decision: Decision::Reject,
                layer: Some(layer),
                within: Some(span),
            },
            10 => {
                if next(3) == 0 {
                    let _ = h.undo(&mut doc);
                } else {
                    let _ = h.redo(&mut doc);
                }
                continue;
            }
            _ => Edit::Batch(vec![
                Edit::Reject(target),
                Edit::SetKind {
                    id: target,
                    kind: Kind::ALL[next(10)],
                },
            ]),
        };
        let before = doc.clone();
        if let Ok(patch) = h.apply(&mut doc, &edit) {
            applied_ok += 1;
            let mut back = doc.clone();
            patch.inverse().apply_to(&mut back).unwrap();
            assert_eq!(back, before, "{edit:?}");
        } else {
            assert_eq!(doc, before, "a failed edit changes nothing: {edit:?}");
        }
        for a in &doc.annotations {
            assert!(a.span.slice(&doc.text).is_some());
        }
    }
    assert!(applied_ok > 300, "only {applied_ok} edits applied");
    while h.can_undo() {
        h.undo(&mut doc).unwrap();
    }
    assert_eq!(doc, fixture());
}

#[test]
fn suggestions_inside_a_cluster_can_still_be_reviewed() {
    let text = "Cafe\u{301} owner";
    let mut doc = Document::new("t", text, None);
    // An extractor's span ending between `e` and its combining accent.
    let id = doc.add(
        ByteSpan::from_raw(0, 4).unwrap(),
        actor(ActorKind::Organisation, "Cafe"),
        Origin::Auto,
        Status::Suggested,
    );
    let (d, _) = edited(&doc, &Edit::Accept(id));
    assert_eq!(d.get(id).map(|a| a.status), Some(Status::Accepted));
    // A person's span there is refused, and a move repairs it.
    assert_eq!(
        apply(
            &doc,
            &Edit::SetSpan {
                id,
                span: ByteSpan::from_raw(0, 4).unwrap()
            }
        ),
        Err(EditError::SplitsCharacter(4))
    );
    let (d, _) = edited(
        &doc,
        &Edit::MoveBoundary {
            id,
            side: Side::End,
            step: Step::Char,
            direction: Direction::Forward,
        },
    );
    assert_eq!(
        d.get(id).and_then(|a| a.span.slice(text)),
        Some("Cafe\u{301}")
    );
}

#[test]
fn history_survives_a_reload_through_the_native_format() {
    use crate::formats::native::{from_json, to_json};
    let mut doc = fixture();
    let mut h = History::new();
    h.apply(
        &mut doc,
        &Edit::Create {
            span: at("President", 0),
            layer: Layer::Actor,
            kind: None,
        },
    )
    .unwrap();
    h.apply(&mut doc, &Edit::Delete(id(9))).unwrap();
    // Reading the file recomputes the next id from the ids present (9, not 10).
    let mut reloaded = from_json(&to_json(&doc)).unwrap();
    let mut h: History = serde_json::from_str(&serde_json::to_string(&h).unwrap()).unwrap();
    h.undo(&mut reloaded).unwrap();
    assert_eq!(entity(&reloaded, 9), "President");
    h.undo(&mut reloaded).unwrap();
    assert!(reloaded.get(id(9)).is_none());
    h.redo(&mut reloaded).unwrap();
    h.redo(&mut reloaded).unwrap();
    assert!(reloaded.get(id(9)).is_none());
    // A new annotation never reuses a live id, even on a hand-built document.
    let mut odd = fixture();
    odd.next_id = 2;
    let p = apply(
        &odd,
        &Edit::Create {
            span: at("President", 0),
            layer: Layer::Actor,
            kind: None,
        },
    )
    .unwrap();
    assert_eq!(p.focus(), Some(id(9)));
    p.apply_to(&mut odd).unwrap();
    assert_eq!(odd.next_id, 10);
}

#[test]
fn corrupt_spans_in_a_hand_built_document_never_panic() {
    let text = "Ær 🇦🇲 said";
    let mut doc = Document::new("t", text, None);
    // Offsets inside `Æ` and inside the flag, and past the end.
    for (a, b) in [(1, 3), (4, 6), (2, 40)] {
        doc.annotations.push(Annotation {
            id: AnnotationId(doc.next_id),
            span: ByteSpan::from_raw(a, b).unwrap(),
            attrs: actor(ActorKind::Person, "x"),
            origin: Origin::Auto,
            status: Status::Suggested,
        });
        doc.next_id += 1;
    }
    for n in 1..=3 {
        let edits = [
            Edit::SetLayer {
                id: id(n),
                layer: Layer::Date,
            },
            Edit::SetKind {
                id: id(n),
                kind: Kind::Claim(ClaimKind::Direct),
            },
            Edit::SplitMention {
                id: id(n),
                entity: None,
            },
            Edit::MoveBoundary {
                id: id(n),
                side: Side::Start,
                step: Step::Word,
                direction: Direction::Backward,
            },
            Edit::Accept(id(n)),
            Edit::Delete(id(n)),
        ];
        for e in edits {
            let _ = apply(&doc, &e);
        }
    }
    let _ = crate::review::check(&doc);
    let _ = crate::views::claims_table(&doc);
    let _ = crate::views::timeline(&doc);
    let whole = ByteSpan::from_raw(0, text.len()).unwrap();
    let _ = crate::views::segments(&doc, whole, None);
}

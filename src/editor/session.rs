//! The editing session beside the document: its undo [`History`], the core's
//! [`EditorState`] (focus, filter), whether help or the attribute editor is open, the
//! last refused edit, and what the article needs to draw any of its blocks without
//! walking every annotation (the blocks, and `views::reach` over the annotations).
//!
//! [`reduce`] is the editor's whole reducer: every branch wraps a pure core function
//! (`History::apply`, `undo`, `redo`, `command::focus_after`), so it is tested natively.

use std::rc::Rc;

use claimlens_core::command::{focus_after, Action as Command, EditorState};
use claimlens_core::edit::fragments::pieces;
use claimlens_core::edit::{Edit, History, Patch};
use claimlens_core::model::{AnnotationId, Document, Layer};
use claimlens_core::review::{check, open_suggestions, recheck, Issue, SuggestionCounts};
use claimlens_core::text::ByteSpan;
use claimlens_core::views::{blocks, reach};

/// The longest piece of a paragraph drawn as one block (bytes): a few screens of
/// text, a few hundred highlights, a short task to lay out.
const BLOCK: usize = 8 * 1024;

/// Everything the editor keeps about the document being corrected.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    /// Undo and redo, shared until the next change so cloning the app state is cheap.
    pub history: Rc<History>,
    /// Focus and layer filter, as the core's command resolver reads them.
    pub state: EditorState,
    /// The shortcuts overlay is open.
    pub help: bool,
    /// The attribute editor has the keyboard (Enter opened it).
    pub editing: bool,
    /// Why the last edit was refused, in the core's words.
    pub notice: Option<String>,
    /// Counts explicit focus moves, so the view moves DOM focus only when asked.
    pub focus_seq: u32,
    /// The blocks the text is drawn in: its paragraphs, a long one cut outside the
    /// annotations it had when opened (the text never changes while editing).
    pub blocks: Rc<[ByteSpan]>,
    /// `views::reach` over the document's annotations, kept current edit by edit:
    /// the article draws a block from the few annotations it points to.
    pub reach: Rc<[usize]>,
    /// A revision per layer, so the reader's views recompute only when an edit
    /// touched their layer.
    pub revisions: Revisions,
    /// The live checks' findings, kept current edit by edit (`review::recheck` looks
    /// only at what an edit touched).
    pub issues: Rc<Vec<Issue>>,
    /// Open suggestions per layer, kept current edit by edit.
    pub counts: SuggestionCounts,
    /// Annotations per layer (any status), kept current edit by edit, so the legend
    /// and the status line never scan the document.
    pub totals: LayerTotals,
}

/// How many annotations each layer has, in [`Layer::ALL`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LayerTotals(pub [usize; 3]);

impl LayerTotals {
    /// Counted from the whole document (when it is opened).
    pub fn of(doc: &Document) -> LayerTotals {
        let mut out = [0; 3];
        for a in &doc.annotations {
            out[a.layer() as usize] += 1;
        }
        LayerTotals(out)
    }

    /// The totals after `patch`: only the annotations it changed are looked at.
    pub fn after(self, patch: &Patch) -> LayerTotals {
        let mut out = self.0;
        for a in patch.removed() {
            out[a.layer() as usize] = out[a.layer() as usize].saturating_sub(1);
        }
        for a in patch.added() {
            out[a.layer() as usize] = out[a.layer() as usize].saturating_add(1);
        }
        LayerTotals(out)
    }
}

/// A revision number per layer: it changes (to a number never used before, in any
/// session) whenever an edit changes an annotation that is or was on that layer.
/// The reader's views memoise on them: accepting an actor leaves the timeline's and
/// the claims table's rows alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Revisions {
    /// Actors.
    pub actors: u32,
    /// Dates.
    pub dates: u32,
    /// Claims.
    pub claims: u32,
}

impl Revisions {
    /// Fresh numbers for a newly opened document.
    pub fn fresh() -> Revisions {
        Revisions {
            actors: next_revision(),
            dates: next_revision(),
            claims: next_revision(),
        }
    }

    /// The revisions after `patch`: the layers it touched get fresh numbers.
    pub fn after(self, patch: &Patch) -> Revisions {
        let mut out = self;
        let mut touched = [false; 3];
        for a in patch.removed().chain(patch.added()) {
            touched[a.layer() as usize] = true;
        }
        for (layer, slot) in [
            (Layer::Actor, &mut out.actors),
            (Layer::Date, &mut out.dates),
            (Layer::Claim, &mut out.claims),
        ] {
            if touched[layer as usize] {
                *slot = next_revision();
            }
        }
        out
    }
}

/// A number never handed out before in this page.
fn next_revision() -> u32 {
    thread_local! {
        static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
    }
    NEXT.with(|n| {
        let v = n.get();
        n.set(v.wrapping_add(1));
        v
    })
}

impl Session {
    /// A fresh session over a newly loaded document (no history).
    pub fn open(doc: &Document) -> Session {
        let spans: Vec<ByteSpan> = doc.annotations.iter().map(|a| a.span).collect();
        let blocks: Rc<[ByteSpan]> = blocks(&doc.text, &spans, BLOCK).into();
        Session {
            reach: reach(&doc.annotations).into(),
            blocks,
            revisions: Revisions::fresh(),
            issues: Rc::new(check(doc)),
            counts: open_suggestions(doc),
            totals: LayerTotals::of(doc),
            ..Session::default()
        }
    }
}

/// What the editor can be asked to do.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorAction {
    /// A resolved shortcut (see `claimlens_core::command::resolve`).
    Run(Command),
    /// An edit from a form or a panel.
    Edit(Edit),
    /// Focus this annotation because the user put DOM focus on it (no focus move back).
    Focused(AnnotationId),
    /// Close the attribute editor.
    CloseEditor,
}

/// The document and session after `action`.
pub fn reduce(
    doc: &Rc<Document>,
    session: &Session,
    action: EditorAction,
) -> (Rc<Document>, Session) {
    let mut next = session.clone();
    next.notice = None;
    match action {
        EditorAction::Run(Command::Apply { edit, advance }) => {
            return edited(doc, next, &edit, advance);
        }
        EditorAction::Edit(edit) => return edited(doc, next, &edit, false),
        EditorAction::Run(Command::FocusFragment(fragment)) => next.state.fragment = fragment,
        EditorAction::Run(Command::Undo) => {
            return change(doc, next, |d, h| step(h.undo(d), "undo"), false)
        }
        EditorAction::Run(Command::Redo) => {
            return change(doc, next, |d, h| step(h.redo(d), "redo"), false)
        }
        EditorAction::Run(Command::Focus(id)) => focus(&mut next, Some(id)),
        EditorAction::Focused(id) => {
            if next.state.focused != Some(id) {
                next.state.fragment = None;
            }
            next.state.focused = Some(id);
        }
        EditorAction::Run(Command::ClearFocus) => {
            if next.help {
                next.help = false;
            } else if next.editing {
                next.editing = false;
                next.focus_seq = next.focus_seq.wrapping_add(1);
            } else {
                if let Some(a) = next.state.focused.and_then(|id| doc.get(id)) {
                    next.state.caret = a.span.start();
                }
                focus(&mut next, None);
            }
        }
        EditorAction::Run(Command::SetFilter(filter)) => next.state.filter = filter,
        EditorAction::Run(Command::OpenEditor(id)) => {
            next.state.focused = Some(id);
            next.editing = true;
            next.focus_seq = next.focus_seq.wrapping_add(1);
        }
        EditorAction::CloseEditor => {
            next.editing = false;
            next.focus_seq = next.focus_seq.wrapping_add(1);
        }
        EditorAction::Run(Command::ToggleHelp) => next.help = !next.help,
        EditorAction::Run(Command::Ignore) => {}
    }
    (doc.clone(), next)
}

fn focus(session: &mut Session, id: Option<AnnotationId>) {
    if session.state.focused != id {
        session.state.fragment = None;
    }
    session.state.focused = id;
    session.editing = false;
    session.focus_seq = session.focus_seq.wrapping_add(1);
}

/// Applies `edit` through the history; a fragment edit keeps the focus on the piece
/// it made or moved.
fn edited(
    doc: &Rc<Document>,
    next: Session,
    edit: &Edit,
    advance: bool,
) -> (Rc<Document>, Session) {
    let (doc, mut next) = change(
        doc,
        next,
        |d, h| h.apply(d, edit).map_err(|e| e.to_string()),
        advance,
    );
    if next.notice.is_none() {
        next.state.fragment = match edit {
            Edit::AddFragment { id, span } => doc
                .get(*id)
                .and_then(|a| pieces(a).iter().position(|p| p == span)),
            Edit::MoveFragment { id, index, .. } => {
                doc.get(*id).filter(|a| pieces(a).len() > 1).map(|_| *index)
            }
            Edit::RemoveFragment { .. } => None,
            _ => next.state.fragment,
        };
    }
    (doc, next)
}

/// An undo or redo step: `None` (nothing to undo) is not an error, just nothing.
fn step<E: std::fmt::Display>(r: Result<Option<Patch>, E>, what: &str) -> Result<Patch, String> {
    match r {
        Ok(Some(p)) => Ok(p),
        Ok(None) => Err(format!("Nothing to {what}.")),
        Err(e) => Err(e.to_string()),
    }
}

/// Runs one history step on a copy of the document; on success refreshes the touched
/// paragraphs and moves the focus where the core says.
fn change(
    doc: &Rc<Document>,
    mut next: Session,
    run: impl FnOnce(&mut Document, &mut History) -> Result<Patch, String>,
    advance: bool,
) -> (Rc<Document>, Session) {
    let mut edited = (**doc).clone();
    let mut history = (*next.history).clone();
    match run(&mut edited, &mut history) {
        Ok(patch) => {
            next.reach = reach(&edited.annotations).into();
            next.revisions = next.revisions.after(&patch);
            next.issues = Rc::new(recheck(&edited, &next.issues, &patch));
            next.counts = next.counts.after(&patch);
            next.totals = next.totals.after(&patch);
            let filter: Option<Layer> = next.state.filter;
            let target = focus_after(&edited, &patch, advance, filter)
                .or(next.state.focused.filter(|&id| edited.get(id).is_some()));
            next.history = Rc::new(history);
            next.state.selection = None;
            focus(&mut next, target);
            // An undo may take away the piece that had the focus.
            let pieces_now = target
                .and_then(|id| edited.get(id))
                .map_or(0, |a| pieces(a).len());
            next.state.fragment = next
                .state
                .fragment
                .filter(|&i| pieces_now > 1 && i < pieces_now);
            (Rc::new(edited), next)
        }
        Err(message) => {
            next.notice = Some(message);
            (doc.clone(), next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimlens_core::command::resolve;
    use claimlens_core::edit::Decision;
    use claimlens_core::keymap::Command as Key;
    use claimlens_core::model::{ActorAttrs, ActorKind, Attrs, Origin, Status};

    fn doc() -> Rc<Document> {
        let text = "Baku said no.\nYerevan agreed.\nNobody else spoke.";
        let mut doc = Document::new("t", text, None);
        for (word, entity) in [("Baku", "Azerbaijan"), ("Yerevan", "Armenia")] {
            let i = text.find(word).unwrap();
            doc.add(
                ByteSpan::from_raw(i, i + word.len()).unwrap(),
                Attrs::Actor(ActorAttrs {
                    kind: ActorKind::Country,
                    entity: entity.into(),
                }),
                Origin::Auto,
                Status::Suggested,
            );
        }
        Rc::new(doc)
    }

    fn run(doc: &Rc<Document>, s: &Session, key: Key) -> (Rc<Document>, Session) {
        let action = resolve(key, doc, &s.state);
        reduce(doc, s, EditorAction::Run(action))
    }

    #[test]
    fn accepting_advances_and_keeps_the_counts_current() {
        let d = doc();
        let mut s = Session::open(&d);
        s.state.focused = Some(AnnotationId(1));
        let (d2, s2) = run(&d, &s, Key::Accept);
        assert_eq!(d2.get(AnnotationId(1)).unwrap().status, Status::Accepted);
        assert_eq!(
            s2.state.focused,
            Some(AnnotationId(2)),
            "moves to the next suggestion"
        );
        assert_eq!(*s2.reach, reach(&d2.annotations));
        assert_eq!(s2.counts, open_suggestions(&d2), "counts follow the edit");
        assert_eq!(s2.totals, LayerTotals::of(&d2), "totals follow the edit");
        assert_eq!(*s2.issues, check(&d2));
    }

    #[test]
    fn an_edit_bumps_only_the_revisions_of_the_layers_it_touched() {
        let d = doc();
        let s = Session::open(&d);
        let other = Session::open(&d);
        assert_ne!(
            s.revisions, other.revisions,
            "a new session never reuses numbers"
        );
        let (_, s2) = reduce(&d, &s, EditorAction::Edit(Edit::Accept(AnnotationId(1))));
        assert_ne!(s2.revisions.actors, s.revisions.actors);
        assert_eq!(
            (s2.revisions.dates, s2.revisions.claims),
            (s.revisions.dates, s.revisions.claims)
        );
        let relabel = Edit::SetLayer {
            id: AnnotationId(1),
            layer: Layer::Date,
        };
        let (d3, s3) = reduce(&d, &s2, EditorAction::Edit(relabel));
        assert_eq!(s3.totals, LayerTotals::of(&d3), "a relabel moves the total");
        assert_ne!(s3.totals, s.totals);
        assert_ne!(s3.revisions.actors, s2.revisions.actors);
        assert_ne!(s3.revisions.dates, s2.revisions.dates);
        assert_eq!(s3.revisions.claims, s2.revisions.claims);
    }

    #[test]
    fn bulk_review_is_one_undo_step_and_redo_restores_it() {
        let d = doc();
        let s = Session::open(&d);
        let bulk = Edit::ReviewAll {
            decision: Decision::Reject,
            layer: None,
            within: None,
        };
        let (d2, s2) = reduce(&d, &s, EditorAction::Edit(bulk));
        assert!(d2.annotations.iter().all(|a| a.status == Status::Rejected));
        let (d3, s3) = reduce(&d2, &s2, EditorAction::Run(Command::Undo));
        assert_eq!(d3.annotations, d.annotations);
        assert_eq!(s3.reach, s.reach);
        let (d4, s4) = reduce(&d3, &s3, EditorAction::Run(Command::Redo));
        assert_eq!(d4.annotations, d2.annotations);
        let (_, s5) = reduce(&d4, &s4, EditorAction::Run(Command::Redo));
        assert_eq!(s5.notice.as_deref(), Some("Nothing to redo."));
    }

    #[test]
    fn a_refused_edit_keeps_the_document_and_says_why() {
        let d = doc();
        let s = Session::open(&d);
        let edit = Edit::SetDateValue {
            id: AnnotationId(1),
            value: Some("2020".into()),
        };
        let (d2, s2) = reduce(&d, &s, EditorAction::Edit(edit));
        assert!(Rc::ptr_eq(&d, &d2));
        assert!(s2.notice.unwrap().contains("date"));
    }

    #[test]
    fn escape_closes_help_then_the_editor_then_the_focus() {
        let d = doc();
        let mut s = Session::open(&d);
        s.help = true;
        s.editing = true;
        s.state.focused = Some(AnnotationId(2));
        let esc = |s: &Session| reduce(&d, s, EditorAction::Run(Command::ClearFocus)).1;
        let s = esc(&s);
        assert!(!s.help && s.editing);
        let s = esc(&s);
        assert!(!s.editing && s.state.focused.is_some());
        let s = esc(&s);
        assert_eq!(s.state.focused, None);
        assert_eq!(s.state.caret.0, 14, "the caret stays where the focus was");
    }
}

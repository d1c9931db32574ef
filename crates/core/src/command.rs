//! What a shortcut does right now: a [`Command`] from the keymap, read against the
//! editor's state (selection, focus, caret, layer filter), becomes one [`Action`]
//! for the UI's reducer. All the "if something is selected, else if something is
//! focused" logic lives here, tested natively, so the UI is a plain dispatcher:
//!
//! ```text
//! key event ─▶ Chord::from_event ─▶ keymap().lookup ─▶ resolve ─▶ Action
//!   Action::Apply { edit, .. } ─▶ History::apply ─▶ focus_after
//! ```
//!
//! # For the UI: one reducer over pure functions
//! - State: the [`Document`], its [`crate::edit::History`], and an [`EditorState`]
//!   (focus, selection, caret, filter) plus whether help is open.
//! - Offsets: DOM selections count UTF-16 units; turn them into bytes with
//!   [`crate::edit::snap::byte_from_utf16`], and spans back into UTF-16 for the DOM
//!   with [`crate::text::OffsetMap::to_utf16`].
//! - Keys: [`Chord::from_event`](crate::keymap::Chord::from_event) (falling back to
//!   [`Chord::from_code`](crate::keymap::Chord::from_code)), one
//!   [`Keymap::lookup`](crate::keymap::Keymap::lookup), [`resolve`]; on
//!   [`Action::Ignore`] let the browser have the key.
//! - Edits from forms and panels (a date value, an entity, a source picked from the
//!   actors panel) are [`Edit`]s too: `History::apply`, show an [`crate::edit::EditError`]'s
//!   message when it fails.
//! - After each step: re-render [`crate::views::touched_paragraphs`] of the patch
//!   (with [`crate::views::segments()`]), refresh [`crate::review::check`],
//!   [`crate::review::open_suggestions`] and the panels in [`crate::views`].
//! - Persistence: `History` and the document serialise with serde / the native
//!   format; a reload restores both, undo included.
//! - Help overlay: [`crate::keymap::keymap`]`().bindings()`, grouped by `group`;
//!   legend hover: [`crate::legend`].
//!
//! # Example
//! ```
//! use claimlens_core::command::{resolve, Action, EditorState};
//! use claimlens_core::edit::{Edit, History};
//! use claimlens_core::keymap::{keymap, Chord};
//! use claimlens_core::model::{Document, Layer};
//!
//! let mut doc = Document::new("d", "Baku said no.", None);
//! let mut history = History::new();
//! // The user drags over "ak" and presses `a`.
//! let state = EditorState { selection: Some((1, 3)), ..EditorState::default() };
//! let chord = Chord::from_event("a", false, false, false, false);
//! let command = keymap().lookup(&chord).unwrap().command;
//! match resolve(command, &doc, &state) {
//!     Action::Apply { edit, .. } => {
//!         history.apply(&mut doc, &edit).unwrap();
//!     }
//!     other => panic!("{other:?}"),
//! }
//! assert_eq!(doc.annotations[0].span.slice(&doc.text), Some("Baku"));
//! ```

use crate::edit::fragments::pieces;
use crate::edit::snap::{snap, Snap};
use crate::edit::{grapheme, Decision, Edit, Kind, Patch};
use crate::keymap::Command;
use crate::model::{AnnotationId, Document, Layer};
use crate::review::{self, Anchor};
use crate::text::{ByteOffset, ByteSpan};

/// The editor's state a command depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EditorState {
    /// The focused annotation.
    pub focused: Option<AnnotationId>,
    /// The text selection as raw byte offsets (either order; snapped here).
    pub selection: Option<(usize, usize)>,
    /// The caret, where navigation starts when nothing is focused.
    pub caret: ByteOffset,
    /// The layer filter (`None`: all layers).
    pub filter: Option<Layer>,
    /// The focused piece of the focused claim's content (from 0, in text order; see
    /// [`crate::edit::fragments::pieces`]): boundary moves then move that piece.
    /// `None`: the whole annotation.
    pub fragment: Option<usize>,
}

/// What the UI should do for a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Apply this edit through the history; then focus what
    /// [`focus_after`] says (with `advance`, the next open suggestion).
    Apply {
        /// The edit.
        edit: Edit,
        /// After a review decision, move on to the next open suggestion.
        advance: bool,
    },
    /// Move the focus to this annotation (and scroll it into view).
    Focus(AnnotationId),
    /// Focus this piece of the focused claim's content (`None`: the whole claim).
    FocusFragment(Option<usize>),
    /// Clear the focus (after closing any overlay first).
    ClearFocus,
    /// Show only this layer (`None`: all).
    SetFilter(Option<Layer>),
    /// Open the attribute editor of this annotation.
    OpenEditor(AnnotationId),
    /// Undo the last step.
    Undo,
    /// Redo the last undone step.
    Redo,
    /// Show or hide the shortcuts overlay.
    ToggleHelp,
    /// Nothing applies now: let the browser handle the key (e.g. Shift+arrows extend
    /// a selection when nothing is focused).
    Ignore,
}

/// What `command` does in `state`.
pub fn resolve(command: Command, doc: &Document, state: &EditorState) -> Action {
    let focused = state.focused.and_then(|id| doc.get(id));
    let apply = |edit| Action::Apply {
        edit,
        advance: false,
    };
    let selected = |mode| {
        state
            .selection
            .and_then(|(a, b)| snap(&doc.text, a, b, mode))
    };
    match command {
        Command::Accept | Command::Reject => match focused {
            Some(a) => Action::Apply {
                edit: if command == Command::Accept {
                    Edit::Accept(a.id)
                } else {
                    Edit::Reject(a.id)
                },
                advance: true,
            },
            None => Action::Ignore,
        },
        Command::AcceptAll | Command::RejectAll => {
            let decision = if command == Command::AcceptAll {
                Decision::Accept
            } else {
                Decision::Reject
            };
            let within = state.selection.and_then(|s| raw_span(&doc.text, s));
            let layer = match (within, focused) {
                (None, Some(a)) => Some(a.layer()),
                _ => state.filter,
            };
            apply(Edit::ReviewAll {
                decision,
                layer,
                within,
            })
        }
        Command::AcceptLayer(layer) | Command::RejectLayer(layer) => apply(Edit::ReviewAll {
            decision: if command == Command::AcceptLayer(layer) {
                Decision::Accept
            } else {
                Decision::Reject
            },
            layer: Some(layer),
            within: None,
        }),
        Command::NextFragment | Command::PreviousFragment => {
            let count = match focused {
                Some(a) if a.layer() == Layer::Claim => pieces(a).len(),
                _ => return Action::Ignore,
            };
            if count < 2 {
                return Action::Ignore;
            }
            // The whole claim, then each piece, then the whole claim again.
            let at = state.fragment.filter(|&i| i < count);
            Action::FocusFragment(match (command == Command::NextFragment, at) {
                (true, None) => Some(0),
                (true, Some(i)) => (i + 1 < count).then_some(i + 1),
                (false, None) => Some(count - 1),
                (false, Some(i)) => i.checked_sub(1),
            })
        }
        Command::AddFragment => {
            let Some(span) = state
                .selection
                .filter(|(a, b)| a != b)
                .and_then(|_| selected(Snap::Words))
            else {
                return Action::Ignore;
            };
            let claim = match focused {
                Some(a) if a.layer() == Layer::Claim => Some(a.id),
                _ => nearest_claim(doc, span),
            };
            claim.map_or(Action::Ignore, |id| apply(Edit::AddFragment { id, span }))
        }
        Command::RemoveFragment => match (focused, state.fragment) {
            (Some(a), Some(index)) if a.layer() == Layer::Claim => {
                apply(Edit::RemoveFragment { id: a.id, index })
            }
            _ => Action::Ignore,
        },
        Command::Layer(layer) => {
            // A real selection creates; with only a caret, the focused annotation is
            // relabelled, else the word at the caret is annotated.
            let caret_only = state.selection.is_none_or(|(a, b)| a == b);
            match (focused, caret_only) {
                (Some(a), true) => apply(Edit::SetLayer { id: a.id, layer }),
                _ => selected(Snap::Words).map_or(Action::Ignore, |span| {
                    apply(Edit::Create {
                        span,
                        layer,
                        kind: None,
                    })
                }),
            }
        }
        Command::LayerExact(layer) => match selected(Snap::Exact) {
            Some(span) => apply(Edit::Create {
                span,
                layer,
                kind: None,
            }),
            None => Action::Ignore,
        },
        Command::CycleKind => match focused {
            Some(a) => apply(Edit::SetKind {
                id: a.id,
                kind: Kind::of(&a.attrs).next(),
            }),
            None => Action::Ignore,
        },
        Command::Edit => focused.map_or(Action::Ignore, |a| Action::OpenEditor(a.id)),
        Command::Delete => focused.map_or(Action::Ignore, |a| apply(Edit::Delete(a.id))),
        Command::Move(side, step, direction) => match (focused, state.fragment) {
            (Some(a), Some(index)) if a.layer() == Layer::Claim && pieces(a).len() > 1 => {
                apply(Edit::MoveFragment {
                    id: a.id,
                    index,
                    side,
                    step,
                    direction,
                })
            }
            (Some(a), _) => apply(Edit::MoveBoundary {
                id: a.id,
                side,
                step,
                direction,
            }),
            (None, _) => Action::Ignore,
        },
        Command::Next
        | Command::Previous
        | Command::NextSuggestion
        | Command::PreviousSuggestion => {
            let from = match focused {
                Some(a) => Anchor::Annotation(a.id),
                None => Anchor::Offset(state.caret),
            };
            let found = match command {
                Command::Next => review::next(doc, from, state.filter),
                Command::Previous => review::previous(doc, from, state.filter),
                Command::NextSuggestion => review::next_suggestion(doc, from, state.filter),
                _ => review::previous_suggestion(doc, from, state.filter),
            };
            found.map_or(Action::Ignore, Action::Focus)
        }
        Command::NextOverlapping => {
            // The caret says where the stack is when it lies in the focused annotation.
            let at = match focused {
                Some(a) if !(a.span.start() <= state.caret && state.caret < a.span.end()) => {
                    a.span.start()
                }
                _ => state.caret,
            };
            review::next_overlapping(doc, at, state.focused).map_or(Action::Ignore, Action::Focus)
        }
        Command::CycleFilter => Action::SetFilter(match state.filter {
            None => Some(Layer::Actor),
            Some(Layer::Actor) => Some(Layer::Date),
            Some(Layer::Date) => Some(Layer::Claim),
            Some(Layer::Claim) => None,
        }),
        Command::Escape => Action::ClearFocus,
        Command::Undo => Action::Undo,
        Command::Redo => Action::Redo,
        Command::Help => Action::ToggleHelp,
    }
}

/// The claim nearest `span` (by the gap between them, then the earlier one), for a
/// fragment added while no claim is focused.
fn nearest_claim(doc: &Document, span: ByteSpan) -> Option<AnnotationId> {
    let gap = |s: ByteSpan| {
        if s.end() <= span.start() {
            span.start().0 - s.end().0
        } else if span.end() <= s.start() {
            s.start().0 - span.end().0
        } else {
            0
        }
    };
    doc.layer(Layer::Claim)
        .filter(|a| a.status != crate::model::Status::Rejected)
        .min_by_key(|a| (gap(a.span), a.span.start()))
        .map(|a| a.id)
}

/// A raw selection as a span rounded outward to whole characters, for bulk review
/// (which takes what lies inside, so no snapping is needed); `None` when empty.
fn raw_span(text: &str, (a, b): (usize, usize)) -> Option<ByteSpan> {
    let start = grapheme::floor(text, a.min(b));
    let end = grapheme::ceil(text, a.max(b));
    (start < end)
        .then(|| ByteSpan::from_raw(start, end).ok())
        .flatten()
}

/// The annotation to focus after an [`Action::Apply`] went through: with `advance`,
/// the next open suggestion after the one just decided (on the filtered layer), else
/// what the patch points at (a created or changed annotation), else nothing.
pub fn focus_after(
    doc: &Document,
    patch: &Patch,
    advance: bool,
    filter: Option<Layer>,
) -> Option<AnnotationId> {
    let changed = patch.focus();
    if advance {
        if let Some(id) = changed {
            return review::next_suggestion(doc, Anchor::Annotation(id), filter).or(Some(id));
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, Direction, Side, Step};
    use crate::model::{ActorAttrs, ActorKind, Attrs, Origin, Status};
    use crate::test_support::{claim_attrs, span_of};

    /// "Baku and Yerevan said": actors 1 Baku, 2 Yerevan (suggestions).
    fn doc() -> Document {
        let text = "Baku and Yerevan said";
        let mut doc = Document::new("d", text, None);
        for (a, b, e) in [(0, 4, "Azerbaijan"), (9, 16, "Armenia")] {
            doc.add(
                ByteSpan::from_raw(a, b).unwrap(),
                Attrs::Actor(ActorAttrs {
                    kind: ActorKind::Country,
                    entity: e.into(),
                }),
                Origin::Auto,
                Status::Suggested,
            );
        }
        doc
    }

    fn state(focused: Option<u32>, selection: Option<(usize, usize)>) -> EditorState {
        EditorState {
            focused: focused.map(AnnotationId),
            selection,
            ..EditorState::default()
        }
    }

    #[test]
    fn alt_layer_keys_review_a_whole_layer_as_one_step() {
        let mut d = doc();
        let action = resolve(
            Command::RejectLayer(Layer::Actor),
            &d,
            &state(Some(1), Some((0, 4))),
        );
        let Action::Apply { edit, .. } = action else {
            panic!("{action:?}")
        };
        assert_eq!(
            edit,
            Edit::ReviewAll {
                decision: Decision::Reject,
                layer: Some(Layer::Actor),
                within: None
            },
            "the whole layer, whatever is selected"
        );
        let mut history = crate::edit::History::new();
        history.apply(&mut d, &edit).unwrap();
        assert!(d.annotations.iter().all(|a| a.status == Status::Rejected));
        assert_eq!(history.len(), 1);
    }

    #[test]
    fn fragments_are_focused_moved_added_and_removed_from_the_keys() {
        use crate::model::ClaimKind;
        let text = "“We will win,” Aliyev said, “and soon.”";
        let at = |s: &str| span_of(text, s);
        let mut d = Document::new("d", text, None);
        let id = d.add(
            at("We will win"),
            Attrs::Claim(claim_attrs(ClaimKind::Direct, None, None)),
            Origin::Auto,
            Status::Suggested,
        );
        let soon = at("and soon");
        // No claim focused: the selection goes to the nearest claim.
        let sel = Some((soon.start().0 + 1, soon.end().0 - 1));
        let add = resolve(Command::AddFragment, &d, &state(None, sel));
        assert_eq!(
            add,
            Action::Apply {
                edit: Edit::AddFragment { id, span: soon },
                advance: false
            }
        );
        assert_eq!(
            resolve(Command::AddFragment, &d, &state(Some(id.0), None)),
            Action::Ignore
        );
        let Action::Apply { edit, .. } = add else {
            unreachable!()
        };
        let mut history = crate::edit::History::new();
        history.apply(&mut d, &edit).unwrap();
        let mut s = state(Some(id.0), None);
        let step = |c, s: &EditorState| resolve(c, &d, s);
        assert_eq!(
            step(Command::NextFragment, &s),
            Action::FocusFragment(Some(0))
        );
        s.fragment = Some(1);
        assert_eq!(step(Command::NextFragment, &s), Action::FocusFragment(None));
        assert_eq!(
            step(Command::PreviousFragment, &s),
            Action::FocusFragment(Some(0))
        );
        assert_eq!(
            step(
                Command::Move(Side::End, Step::Word, Direction::Backward),
                &s
            ),
            Action::Apply {
                edit: Edit::MoveFragment {
                    id,
                    index: 1,
                    side: Side::End,
                    step: Step::Word,
                    direction: Direction::Backward
                },
                advance: false
            }
        );
        assert_eq!(
            step(Command::RemoveFragment, &s),
            Action::Apply {
                edit: Edit::RemoveFragment { id, index: 1 },
                advance: false
            }
        );
        s.fragment = None;
        assert_eq!(step(Command::RemoveFragment, &s), Action::Ignore);
    }

    #[test]
    fn layer_keys_create_from_a_selection_or_relabel_the_focus() {
        let d = doc();
        let span = |a, b| ByteSpan::from_raw(a, b).unwrap();
        assert_eq!(
            resolve(
                Command::Layer(Layer::Claim),
                &d,
                &state(None, Some((18, 19)))
            ),
            Action::Apply {
                edit: Edit::Create {
                    span: span(17, 21),
                    layer: Layer::Claim,
                    kind: None
                },
                advance: false
            }
        );
        assert_eq!(
            resolve(
                Command::LayerExact(Layer::Claim),
                &d,
                &state(None, Some((18, 19)))
            ),
            Action::Apply {
                edit: Edit::Create {
                    span: span(18, 19),
                    layer: Layer::Claim,
                    kind: None
                },
                advance: false
            }
        );
        assert_eq!(
            resolve(Command::Layer(Layer::Date), &d, &state(Some(1), None)),
            Action::Apply {
                edit: Edit::SetLayer {
                    id: AnnotationId(1),
                    layer: Layer::Date
                },
                advance: false
            }
        );
        assert_eq!(
            resolve(Command::Layer(Layer::Date), &d, &state(None, None)),
            Action::Ignore
        );
        // A caret: relabel the focus, else annotate the word at the caret.
        assert_eq!(
            resolve(
                Command::Layer(Layer::Date),
                &d,
                &state(Some(2), Some((1, 1)))
            ),
            Action::Apply {
                edit: Edit::SetLayer {
                    id: AnnotationId(2),
                    layer: Layer::Date
                },
                advance: false
            }
        );
        assert_eq!(
            resolve(Command::Layer(Layer::Date), &d, &state(None, Some((1, 1)))),
            Action::Apply {
                edit: Edit::Create {
                    span: span(0, 4),
                    layer: Layer::Date,
                    kind: None
                },
                advance: false
            }
        );
        assert_eq!(
            resolve(
                Command::Layer(Layer::Date),
                &d,
                &state(Some(1), Some((4, 5)))
            ),
            Action::Ignore,
            "a blank selection neither creates nor relabels"
        );
    }

    #[test]
    fn review_keys_advance_to_the_next_suggestion() {
        let mut d = doc();
        let action = resolve(Command::Accept, &d, &state(Some(1), None));
        let Action::Apply { edit, advance } = action else {
            panic!("{action:?}")
        };
        assert!(advance);
        let patch = apply(&d, &edit).unwrap();
        patch.apply_to(&mut d).unwrap();
        assert_eq!(
            focus_after(&d, &patch, advance, None),
            Some(AnnotationId(2))
        );
        assert_eq!(
            resolve(Command::Reject, &d, &state(None, None)),
            Action::Ignore
        );
        // Bulk: the selection wins, then the focused layer, then the filter.
        assert_eq!(
            resolve(Command::RejectAll, &d, &state(Some(1), Some((0, 8)))),
            Action::Apply {
                edit: Edit::ReviewAll {
                    decision: Decision::Reject,
                    layer: None,
                    within: Some(ByteSpan::from_raw(0, 8).unwrap())
                },
                advance: false
            }
        );
        assert_eq!(
            resolve(Command::AcceptAll, &d, &state(Some(1), None)),
            Action::Apply {
                edit: Edit::ReviewAll {
                    decision: Decision::Accept,
                    layer: Some(Layer::Actor),
                    within: None
                },
                advance: false
            }
        );
    }

    #[test]
    fn focus_commands() {
        let d = doc();
        assert_eq!(
            resolve(Command::Next, &d, &state(Some(1), None)),
            Action::Focus(AnnotationId(2))
        );
        let at_caret = EditorState {
            caret: ByteOffset(5),
            ..EditorState::default()
        };
        assert_eq!(
            resolve(Command::Previous, &d, &at_caret),
            Action::Focus(AnnotationId(1))
        );
        assert_eq!(
            resolve(Command::NextSuggestion, &d, &at_caret),
            Action::Focus(AnnotationId(2))
        );
        assert_eq!(
            resolve(Command::NextOverlapping, &d, &state(Some(2), None)),
            Action::Focus(AnnotationId(2))
        );
        assert_eq!(
            resolve(
                Command::Move(Side::End, Step::Word, Direction::Forward),
                &d,
                &state(None, Some((0, 3)))
            ),
            Action::Ignore,
            "the browser extends the selection"
        );
        assert_eq!(
            resolve(Command::CycleKind, &d, &state(Some(2), None)),
            Action::Apply {
                edit: Edit::SetKind {
                    id: AnnotationId(2),
                    kind: Kind::Actor(ActorKind::Group)
                },
                advance: false
            }
        );
        let mut filter = None;
        for _ in 0..4 {
            let Action::SetFilter(f) = resolve(
                Command::CycleFilter,
                &d,
                &EditorState {
                    filter,
                    ..EditorState::default()
                },
            ) else {
                panic!()
            };
            filter = f;
        }
        assert_eq!(filter, None, "the filter cycles back to all layers");
        assert_eq!(
            resolve(Command::Edit, &d, &state(Some(9), None)),
            Action::Ignore
        );
        assert_eq!(
            resolve(Command::Help, &d, &state(None, None)),
            Action::ToggleHelp
        );
    }
}

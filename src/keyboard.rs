//! The editor's keyboard: one `keydown` listener on the window turns a key into a
//! chord (`keymap::Chord`), looks it up in the core's keymap, resolves it against the
//! editor state and the current text selection (`command::resolve`), and dispatches
//! the result. Keys the core ignores stay with the browser.

use std::cell::RefCell;
use std::cmp::Reverse;
use std::rc::Rc;

use claimlens_core::command::{resolve, Action as Resolved, EditorState};
use claimlens_core::edit::{Direction, Side, Step};
use claimlens_core::keymap::{keymap, Chord, Command};
use claimlens_core::model::{AnnotationId, Document};
use claimlens_core::text::ByteOffset;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::components::AppHandle;
use crate::editor::{dom, EditorAction};
use crate::state::Action;

/// Keys that also operate buttons, links and lists: the editor takes them only in the
/// article (or when nothing has focus).
fn is_navigation_key(key: &str) -> bool {
    matches!(
        key,
        "Tab"
            | "Enter"
            | "Space"
            | "Delete"
            | "Backspace"
            | "ArrowLeft"
            | "ArrowRight"
            | "ArrowUp"
            | "ArrowDown"
    )
}

/// What a key press asks of the editor, given the app state; `None` leaves the key to
/// the browser.
fn on_key(e: &KeyboardEvent, handle: &AppHandle) -> Option<EditorAction> {
    if e.default_prevented() || e.is_composing() {
        return None;
    }
    let doc = handle.document.as_ref()?;
    let session = &handle.editor;
    let target: Option<Element> = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    let key = e.key();
    if dom::is_text_entry(target.as_ref()) && key != "Escape" {
        return None;
    }
    let (ctrl, alt, shift, meta) = (e.ctrl_key(), e.alt_key(), e.shift_key(), e.meta_key());
    let chord = Chord::from_event(&key, ctrl, alt, shift, meta);
    let binding = keymap().lookup(&chord).or_else(|| {
        Chord::from_code(&e.code(), ctrl, alt, shift, meta).and_then(|c| keymap().lookup(&c))
    })?;
    if is_navigation_key(&chord.key) && !dom::in_article(target.as_ref()) {
        return None;
    }
    if session.help && !matches!(binding.command, Command::Help | Command::Escape) {
        return None;
    }
    let selection = dom::selection(&session.blocks, &doc.text);
    let state = EditorState {
        selection,
        caret: selection.map_or(session.state.caret, |(_, focus)| ByteOffset(focus)),
        ..session.state
    };
    match resolve(binding.command, doc, &state) {
        Resolved::Ignore => {
            // With nothing focused, Shift(+Ctrl)+arrows extend the selection from the
            // caret, as in a text box: the article is read-only, so do it here.
            if let Command::Move(Side::End, step, direction) = binding.command {
                if session.state.focused.is_none() {
                    e.prevent_default();
                    dom::extend_selection(direction == Direction::Forward, step == Step::Word);
                }
            }
            None
        }
        Resolved::ClearFocus => {
            e.prevent_default();
            if let (false, false, Some(id)) = (session.help, session.editing, session.state.focused)
            {
                dom::caret_at(id.0);
            }
            Some(EditorAction::Run(Resolved::ClearFocus))
        }
        // Tab past the last highlight (or Shift+Tab before the first) leaves the article
        // for the panels, as Tab does anywhere: wrapping around would trap the keyboard.
        Resolved::Focus(next)
            if chord.key == "Tab" && wraps(doc, session.state.focused, next, shift) =>
        {
            None
        }
        action => {
            e.prevent_default();
            Some(EditorAction::Run(action))
        }
    }
}

/// True when focusing `next` from `current` goes back to the start of the text (or,
/// with `backward`, round to its end).
fn wraps(
    doc: &Document,
    current: Option<AnnotationId>,
    next: AnnotationId,
    backward: bool,
) -> bool {
    let place = |id| {
        doc.get(id)
            .map(|a| (a.span.start(), Reverse(a.span.end()), id))
    };
    match (current.and_then(place), place(next)) {
        (Some(from), Some(to)) if backward => to >= from,
        (Some(from), Some(to)) => to <= from,
        _ => false,
    }
}

/// Listens for the editor's shortcuts on the whole page while mounted.
///
/// # Example
/// ```ignore
/// #[function_component]
/// fn Editor() -> Html {
///     let handle = use_context::<AppHandle>().expect("inside App");
///     use_editor_keys(&handle);
///     html! {}
/// }
/// ```
#[hook]
pub fn use_editor_keys(handle: &AppHandle) {
    // The listener is registered once; it reads the latest state through this cell.
    let latest = use_mut_ref(|| handle.clone());
    *latest.borrow_mut() = handle.clone();
    use_effect_with((), move |()| {
        let listener = register(latest);
        move || drop(listener)
    });
}

/// A registered listener; removed when dropped.
struct Listener {
    callback: Closure<dyn Fn(KeyboardEvent)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            // Failing to remove it only matters once the app is gone.
            let _ = w.remove_event_listener_with_callback(
                "keydown",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

fn register(latest: Rc<RefCell<AppHandle>>) -> Option<Listener> {
    let callback = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
        let handle = latest.borrow().clone();
        if let Some(action) = on_key(&e, &handle) {
            handle.dispatch(Action::Editor(action));
        }
    });
    web_sys::window()?
        .add_event_listener_with_callback("keydown", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(Listener { callback })
}

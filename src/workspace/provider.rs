//! The workspace container: owns the workspace reducer, starts persistence, keeps the
//! open document and the app state (which the article view and editor read) in step,
//! and shows the storage status.

use std::rc::Rc;

use claimlens_core::library::Entry;
use claimlens_core::model::Document;
use yew::prelude::*;

use super::{now, StorageBar, WorkspaceAction, WorkspaceState};
use crate::components::AppHandle;
use crate::state::Action;
use crate::storage::persist::{Persister, PersisterRef};

/// The workspace reducer handle, in context for the sidebar and the document bar.
pub type WorkspaceHandle = UseReducerHandle<WorkspaceState>;

/// Props of [`WorkspaceProvider`].
#[derive(Properties, PartialEq)]
pub struct WorkspaceProviderProps {
    /// The page inside the workspace.
    pub children: Html,
}

/// Provides the workspace to `children`; must sit inside the app's context.
#[function_component]
pub fn WorkspaceProvider(props: &WorkspaceProviderProps) -> Html {
    let ws = use_reducer(WorkspaceState::default);
    let app = use_context::<AppHandle>();
    let persister = use_mut_ref(|| None::<PersisterRef>);
    {
        let (persister, dispatcher) = (persister.clone(), ws.dispatcher());
        use_effect_with((), move |()| {
            let dispatch = Callback::from(move |a: WorkspaceAction| dispatcher.dispatch(a));
            crate::storage::offline::watch_updates(
                dispatch.reform(|()| WorkspaceAction::UpdateReady),
            );
            *persister.borrow_mut() = Some(Persister::start(dispatch));
        });
    }
    {
        // Every workspace change: schedule a write.
        let persister = persister.clone();
        use_effect_with(ws.clone(), move |ws| {
            if let Some(p) = persister.borrow().as_ref() {
                Persister::changed(p, Rc::new((**ws).clone()));
            }
        });
    }
    // What the library's open entry holds, as the app's own `Rc`: both effects below
    // check it before comparing whole documents, so an edit costs no deep comparison.
    let synced = use_mut_ref(|| None::<Synced>);
    {
        // Another document opened, or the open one changed outside the editor (date,
        // annotation run, clean-up, another tab): show it with its own history.
        // Keyed on the entry's stamp, so unrelated workspace changes never replace
        // what the editor shows.
        let (ws2, app, synced) = (ws.clone(), app.clone(), synced.clone());
        let key = (ws.current.clone(), ws.current_entry().map(|e| e.modified()));
        use_effect_with(key, move |_| {
            let Some(app) = app else { return };
            let entry = ws2.current_entry();
            if let (Some(e), Some(doc)) = (entry, &app.document) {
                if Synced::holds(&synced.borrow(), e, doc) {
                    return;
                }
            }
            let open = entry.map(|e| e.document());
            if open != app.document.as_deref() {
                let history = ws2
                    .current
                    .as_ref()
                    .and_then(|id| ws2.histories.get(id).cloned())
                    .unwrap_or_default();
                let document = open.map(|d| Rc::new(d.clone()));
                *synced.borrow_mut() = Synced::of(entry, document.as_ref());
                app.dispatch(Action::Open { document, history });
            } else {
                *synced.borrow_mut() = Synced::of(entry, app.document.as_ref());
            }
        });
    }
    {
        // An edit (or undo) in the editor goes back into the library with its history.
        // Keyed on the two `Rc`s' addresses: comparing the documents themselves would
        // walk both on every edit.
        let (ws, app2, synced) = (ws.clone(), app.clone(), synced.clone());
        let edited = app.as_ref().map(|a| {
            (
                a.document.as_ref().map(Rc::as_ptr),
                Rc::as_ptr(&a.editor.history),
            )
        });
        use_effect_with(edited, move |_| {
            let Some(app) = app2 else { return };
            let (Some(doc), history) = (&app.document, &app.editor.history) else {
                return;
            };
            let Some(e) = ws.current_entry().filter(|e| e.id() == doc.id) else {
                return;
            };
            let kept = ws.histories.get(e.id());
            let same_history = kept.map_or(history.is_empty(), |h| Rc::ptr_eq(h, history));
            let same_document = {
                let known = synced.borrow();
                match known.as_ref().filter(|k| k.describes(e)) {
                    // The entry still holds what the app last showed or sent: a new
                    // `Rc` there means the editor changed it.
                    Some(k) => Rc::ptr_eq(&k.document, doc),
                    None => e.document() == &**doc,
                }
            };
            if same_document && same_history {
                return;
            }
            let now = now();
            if !same_document {
                *synced.borrow_mut() = Some(Synced {
                    id: e.id().to_string(),
                    stamp: now,
                    document: doc.clone(),
                });
            }
            ws.dispatch(WorkspaceAction::DocumentEdited {
                id: e.id().to_string(),
                document: (!same_document).then(|| (**doc).clone()),
                history: history.clone(),
                now,
            });
        });
    }
    let onreload = {
        let persister = persister.clone();
        Callback::from(move |id: String| {
            if let Some(p) = persister.borrow().as_ref() {
                Persister::reload(p, &id);
            }
        })
    };
    html! {
        <ContextProvider<WorkspaceHandle> context={ws.clone()}>
            <StorageBar report={ws.storage.clone()} {onreload} />
            { props.children.clone() }
        </ContextProvider<WorkspaceHandle>>
    }
}

/// The app's document that a library entry holds, at the entry's time stamp: while
/// the entry keeps that stamp, its document equals this one, so checking the app's
/// `Rc` against it replaces comparing whole documents.
struct Synced {
    id: String,
    stamp: u64,
    document: Rc<Document>,
}

impl Synced {
    /// The entry as it is now, holding `document`; `None` when either is missing.
    fn of(entry: Option<&Entry>, document: Option<&Rc<Document>>) -> Option<Synced> {
        let (e, document) = (entry?, document?);
        Some(Synced {
            id: e.id().to_string(),
            stamp: e.modified(),
            document: document.clone(),
        })
    }

    /// True when this describes `e` at its current stamp. The constant-time look at
    /// the document guards against another change landing within the same millisecond
    /// (a batch result, another tab): it changes the length, the next id or the date.
    fn describes(&self, e: &Entry) -> bool {
        let (mine, held) = (&*self.document, e.document());
        self.id == e.id()
            && self.stamp == e.modified()
            && mine.dct == held.dct
            && mine.next_id == held.next_id
            && mine.text.len() == held.text.len()
            && mine.annotations.len() == held.annotations.len()
    }

    /// True when `known` says `e` holds exactly the app's `doc`.
    fn holds(known: &Option<Synced>, e: &Entry, doc: &Rc<Document>) -> bool {
        known
            .as_ref()
            .is_some_and(|k| k.describes(e) && Rc::ptr_eq(&k.document, doc))
    }
}

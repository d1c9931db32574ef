//! The workspace container: owns the workspace reducer, starts persistence, keeps the
//! open document and the app state (which the article view and editor read) in step,
//! and shows the storage status.

use std::rc::Rc;

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
    {
        // Another document opened, or the open one changed outside the editor (date,
        // annotation run, clean-up, another tab): show it with its own history.
        // Keyed on the entry's stamp, so unrelated workspace changes never replace
        // what the editor shows.
        let (ws2, app) = (ws.clone(), app.clone());
        let key = (ws.current.clone(), ws.current_entry().map(|e| e.modified()));
        use_effect_with(key, move |_| {
            let Some(app) = app else { return };
            let open = ws2.current_entry().map(|e| e.document());
            if open != app.document.as_deref() {
                let history = ws2
                    .current
                    .as_ref()
                    .and_then(|id| ws2.histories.get(id).cloned())
                    .unwrap_or_default();
                app.dispatch(Action::Open {
                    document: open.map(|d| Rc::new(d.clone())),
                    history,
                });
            }
        });
    }
    {
        // An edit (or undo) in the editor goes back into the library with its history.
        let ws = ws.clone();
        let edited = app
            .as_ref()
            .map(|a| (a.document.clone(), a.editor.history.clone()));
        use_effect_with(edited, move |edited| {
            let Some((Some(doc), history)) = edited else {
                return;
            };
            let Some(e) = ws.current_entry().filter(|e| e.id() == doc.id) else {
                return;
            };
            let kept = ws.histories.get(e.id());
            let same_history = kept.map_or(history.is_empty(), |h| Rc::ptr_eq(h, history));
            if e.document() != &**doc || !same_history {
                ws.dispatch(WorkspaceAction::DocumentEdited {
                    document: (**doc).clone(),
                    history: history.clone(),
                    now: now(),
                });
            }
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

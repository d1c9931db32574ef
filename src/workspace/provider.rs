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
            *persister.borrow_mut() = Some(Persister::start(dispatch));
        });
    }
    {
        // Every workspace change: schedule a write, and show the open document.
        let (persister, app) = (persister.clone(), app.clone());
        use_effect_with(ws.clone(), move |ws| {
            if let Some(p) = persister.borrow().as_ref() {
                Persister::changed(p, Rc::new((**ws).clone()));
            }
            if let Some(app) = app {
                let open = ws.current_entry().map(|e| e.document());
                if open != app.document.as_deref() {
                    app.dispatch(Action::Open(open.map(|d| Rc::new(d.clone()))));
                }
            }
        });
    }
    {
        // An edit in the app state goes back into the library.
        let ws = ws.clone();
        let document = app.as_ref().and_then(|a| a.document.clone());
        use_effect_with(document, move |document| {
            let Some(doc) = document else { return };
            let differs = ws
                .current_entry()
                .is_some_and(|e| e.id() == doc.id && e.document() != &**doc);
            if differs {
                ws.dispatch(WorkspaceAction::DocumentEdited {
                    document: (**doc).clone(),
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

//! The page: owns the app state (a reducer) and provides its handle as context, then
//! lays out the paste area, the legend, the export action and the article.

use claimlens_core::formats::native::to_json;
use yew::prelude::*;

use super::{AnnotateRequest, ExportButton, Legend, PasteArea};
use crate::download;
use crate::editor::{Editor, LayerTotals};
use crate::exchange::ExchangePanel;
use crate::state::{Action, AppState};
use crate::workspace::{
    use_paste_annotation, DocumentBar, LibrarySidebar, WorkspaceHandle, WorkspaceProvider,
};

/// The reducer handle every container reads from context.
pub type AppHandle = UseReducerHandle<AppState>;

/// The whole app.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(AppState::default);
    html! {
        <ContextProvider<AppHandle> context={state}>
            <WorkspaceProvider>
                <Workspace />
            </WorkspaceProvider>
        </ContextProvider<AppHandle>>
    }
}

/// Wires the presentational components to the state in context.
#[function_component]
fn Workspace() -> Html {
    let Some(state) = use_context::<AppHandle>() else {
        return html! {};
    };
    let library = use_context::<WorkspaceHandle>();
    // A pasted article becomes a library document (annotated, in the worker when
    // long, and opened).
    let busy = use_state_eq(|| false);
    let paste = use_paste_annotation(library.map(|l| l.dispatcher()), busy.clone());
    let onlong = paste.as_ref().map(|p| p.warm.clone()).unwrap_or_default();
    let onannotate = {
        let state = state.clone();
        Callback::from(move |req: AnnotateRequest| match &paste {
            Some(paste) => paste.annotate.emit((req.text, req.dct)),
            None => state.dispatch(Action::Annotate {
                text: req.text,
                dct: req.dct,
            }),
        })
    };
    let onexport = {
        let state = state.clone();
        Callback::from(move |()| {
            let Some(doc) = &state.document else { return };
            let name = format!("{}.json", doc.id);
            if let Err(e) = download::save(&name, "application/json", to_json(doc)) {
                state.dispatch(Action::ShowProblem(format!(
                    "The browser refused the download ({e:?}); try another browser."
                )));
            }
        })
    };
    html! {
        <>
            <header class="masthead">
                <h1>{ "claimlens" }</h1>
                <p>{ "Paste a news article to see who claims what, and when. Everything stays in this browser." }</p>
            </header>
            <div class="columns">
            <LibrarySidebar />
            <main class="workspace">
                <PasteArea {onannotate} {onlong} busy={*busy} />
                // Always present, so screen readers announce its changes.
                <p class="visually-hidden" role="status" data-testid="status">
                    { state.document.as_ref().map(|_| found(state.editor.totals)).unwrap_or_default() }
                </p>
                if let Some(problem) = &state.problem {
                    <p class="problem" role="alert" data-testid="problem">{ problem.clone() }</p>
                }
                if state.document.is_some() {
                    <section class="result" aria-labelledby="result-title">
                        <div class="toolbar">
                            <h2 id="result-title">{ "Annotated article" }</h2>
                            <ExportButton {onexport} />
                        </div>
                        <DocumentBar />
                        <Legend counts={state.editor.totals.0} />
                        <Editor />
                    </section>
                }
                <ExchangePanel current={state.document.clone()} />
            </main>
            </div>
        </>
    }
}

/// What annotating found, for screen readers (announced as a status); from the
/// editor's per-layer totals, which every edit keeps current, so no render scans
/// the annotations.
fn found(totals: LayerTotals) -> String {
    let LayerTotals([actors, dates, claims]) = totals;
    format!("Found {actors} actors, {dates} dates and {claims} claims.")
}

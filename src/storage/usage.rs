//! How much the browser lets the app store: asks once for persistent storage (so the
//! browser does not evict the workspace under pressure) and reports usage and quota.

use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::Callback;

use crate::workspace::WorkspaceAction;

/// Asks for persistent storage (once granted, asking again is free) and the current
/// estimate; reports both through `dispatch`. Browsers without the API report nothing.
pub fn ask(dispatch: Callback<WorkspaceAction>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Absent outside secure contexts.
    if !js_sys::Reflect::has(&navigator, &"storage".into()).unwrap_or(false) {
        return;
    }
    let storage = navigator.storage();
    let persist = storage.persist();
    let estimate = storage.estimate();
    spawn_local(async move {
        if let Ok(p) = persist {
            if let Ok(granted) = JsFuture::from(p).await {
                dispatch.emit(WorkspaceAction::Persisted(granted.is_truthy()));
            }
        }
        if let Ok(e) = estimate {
            if let Ok(e) = JsFuture::from(e).await {
                let number = |k: &str| {
                    js_sys::Reflect::get(&e, &k.into())
                        .ok()
                        .and_then(|v| v.as_f64())
                        .unwrap_or(0.0)
                };
                dispatch.emit(WorkspaceAction::Usage(number("usage"), number("quota")));
            }
        }
    });
}

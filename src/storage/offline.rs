//! Offline start-up: registers the service worker (`assets/sw.js`, copied to the root
//! of the build) in release builds only, so `trunk serve` never serves from a cache;
//! and the update prompt: a new build's worker waits until the user says "reload",
//! then takes over (`SKIP_WAITING`) and the page reloads once under it.

use js_sys::Reflect;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration};
use yew::Callback;

/// The service worker container, where the browser has one (secure contexts only).
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    Reflect::has(&navigator, &"serviceWorker".into())
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// Registers `sw.js` relative to the page, so the app works from a sub-path.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    if let Some(container) = container() {
        let _promise = container.register("sw.js");
    }
}

/// A field of a JavaScript object, `None` when absent or null.
fn field(of: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(of, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Calls `ready` when a new version of the app is installed and waiting: already at
/// start (installed during an earlier visit), or later while the page is open. Only
/// for a page a worker controls: the first visit's worker is no update.
pub fn watch_updates(ready: Callback<()>) {
    let Some(container) = container() else { return };
    let Ok(promise) = container.ready() else {
        return;
    };
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        let controlled = || field(&container, "controller").is_some();
        if controlled() && field(&registration, "waiting").is_some() {
            ready.emit(());
        }
        let reg = registration.clone();
        let onupdatefound = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = field(&reg, "installing") else {
                return;
            };
            let (worker, ready, container) = (installing.clone(), ready.clone(), container.clone());
            let onstate = Closure::<dyn FnMut()>::new(move || {
                let installed = field(&worker, "state").and_then(|s| s.as_string());
                if installed.as_deref() == Some("installed")
                    && field(&container, "controller").is_some()
                {
                    ready.emit(());
                }
            });
            let _ = Reflect::set(&installing, &"onstatechange".into(), onstate.as_ref());
            // Lives as long as that worker may change state.
            onstate.forget();
        });
        registration.set_onupdatefound(Some(onupdatefound.as_ref().unchecked_ref()));
        // Lives as long as the page.
        onupdatefound.forget();
    });
}

/// Lets the waiting version take over, and reloads the page once it has.
pub fn activate_update() {
    let Some(container) = container() else { return };
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    // Lives until the page reloads.
    reload.forget();
    let Ok(promise) = container.ready() else {
        return;
    };
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(promise).await else {
            return;
        };
        let Some(waiting) = field(&registration, "waiting") else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
        if let Some(post) = field(&waiting, "postMessage") {
            if let Ok(post) = post.dyn_into::<js_sys::Function>() {
                let _ = post.call1(&waiting, &message);
            }
        }
    });
}

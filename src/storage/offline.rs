//! Offline start-up: registers the service worker (`assets/sw.js`, copied to the root
//! of the build) in release builds only, so `trunk serve` never serves from a cache.

/// Registers `sw.js` relative to the page, so the app works from a sub-path.
pub fn register_service_worker() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    // Absent outside secure contexts (plain http on a non-localhost host): skip then.
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        let _promise = navigator.service_worker().register("sw.js");
    }
}

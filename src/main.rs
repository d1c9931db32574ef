//! The browser entry point: Trunk builds this binary; everything else is in the library
//! so the browser tests can mount single components.

fn main() {
    claimlens_app::run();
}

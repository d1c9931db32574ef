//! The claimlens web app (placeholder until the Yew front end lands).

fn main() {}

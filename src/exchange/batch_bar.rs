//! The batch controls: "Annotate all", the progress bar (`n / N`) and Cancel.

use yew::prelude::*;

use super::collection::BatchProgress;

/// Props of [`BatchBar`].
#[derive(Properties, PartialEq)]
pub struct BatchBarProps {
    /// Documents a new batch would annotate.
    pub waiting: usize,
    /// The current or last batch.
    pub progress: Option<BatchProgress>,
    /// Start a batch.
    pub onstart: Callback<()>,
    /// Cancel the running batch.
    pub oncancel: Callback<()>,
}

/// Annotate all / progress / Cancel.
#[function_component]
pub fn BatchBar(props: &BatchBarProps) -> Html {
    let running = props.progress.is_some_and(|p| p.running);
    let onstart = props.onstart.reform(|_: MouseEvent| ());
    let oncancel = props.oncancel.reform(|_: MouseEvent| ());
    html! {
        <div class="batch" data-testid="batch">
            <button type="button" class="primary" data-testid="annotate-all"
                disabled={running || props.waiting == 0} onclick={onstart}>
                { format!("Annotate all ({})", props.waiting) }
            </button>
            if let Some(p) = props.progress {
                // A native bar (no inline style, which the page's CSP forbids), with
                // the ARIA values spelled out for assistive technology and tests.
                <progress class="batch-progress" role="progressbar" data-testid="batch-progress"
                    aria-label="Batch annotation"
                    max={p.total.max(1).to_string()}
                    value={p.done.to_string()}
                    aria-valuemin="0"
                    aria-valuemax={p.total.to_string()}
                    aria-valuenow={p.done.to_string()} />
                <span class="batch-count" data-testid="batch-count">
                    { format!("{} / {}", p.done, p.total) }
                </span>
                if running {
                    <button type="button" data-testid="batch-cancel" onclick={oncancel}>{ "Cancel" }</button>
                } else {
                    <span class="batch-status" data-testid="batch-status" role="status">
                        { status(p) }
                    </span>
                }
            }
        </div>
    }
}

fn status(p: BatchProgress) -> String {
    let failed = match p.failed {
        0 => String::new(),
        n => format!(", {n} failed"),
    };
    if p.cancelled {
        format!("Cancelled after {} of {}{failed}", p.done, p.total)
    } else {
        format!("Done: {} annotated{failed}", p.done - p.failed.min(p.done))
    }
}

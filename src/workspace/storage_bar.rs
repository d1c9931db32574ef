//! The storage status line: how much is stored, whether storage is persistent, and
//! (as alerts) a failed write with an export of everything, or a conflict with
//! another tab and its two ways out.

use claimlens_core::formats::native::to_jsonl;
use claimlens_core::model::Document;
use yew::prelude::*;

use super::{now, StorageReport, WorkspaceAction, WorkspaceHandle};
use crate::decimals::fixed;
use crate::download;
use crate::storage::offline;

/// Props of [`StorageBar`].
#[derive(Properties, PartialEq)]
pub struct StorageBarProps {
    /// What storage last reported.
    pub report: StorageReport,
    /// Load the stored version of this document id (dropping this tab's).
    pub onreload: Callback<String>,
}

/// Bytes in a short human form.
fn size(bytes: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = bytes;
    let mut unit = 0;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    format!(
        "{} {}",
        fixed(v, if unit == 0 { 0 } else { 1 }),
        UNITS[unit]
    )
}

/// The storage line and its alerts.
#[function_component]
pub fn StorageBar(props: &StorageBarProps) -> Html {
    let ws = use_context::<WorkspaceHandle>();
    let onexport = {
        let ws = ws.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(ws) = &ws else { return };
            let docs: Vec<Document> = ws
                .library
                .entries()
                .iter()
                .map(|e| e.document().clone())
                .collect();
            if let Err(e) = download::save(
                "claimlens-workspace.jsonl",
                "application/x-ndjson",
                to_jsonl(&docs),
            ) {
                ws.dispatch(WorkspaceAction::WriteFailed(Some(format!(
                    "The browser refused the download too ({e:?}); copy your work out by hand."
                ))));
            }
        })
    };
    let r = &props.report;
    let usage = r
        .usage
        .map(|(used, quota)| format!("{} of {} used", size(used), size(quota)));
    let persisted = match r.persisted {
        Some(true) => "kept until you delete it",
        Some(false) => "the browser may clear it when space runs low",
        None => "",
    };
    let conflict = r.conflict.clone().map(|(id, message)| {
        let reload = {
            let (id, onreload) = (id.clone(), props.onreload.clone());
            Callback::from(move |_: MouseEvent| onreload.emit(id.clone()))
        };
        let keep = {
            let (onreload, ws) = (props.onreload.clone(), ws.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(ws) = &ws {
                    ws.dispatch(WorkspaceAction::KeepCopy {
                        id: id.clone(),
                        now: now(),
                    });
                }
                onreload.emit(id.clone());
            })
        };
        html! {
            <p class="problem" role="alert" data-testid="storage-conflict">
                { message }
                <button type="button" data-testid="conflict-load" onclick={reload}>{ "Load the other tab's version" }</button>
                <button type="button" data-testid="conflict-keep" onclick={keep}>{ "Keep mine as a copy" }</button>
            </p>
        }
    });
    html! {
        <div class="storage" data-testid="storage-status">
            <span class="hint" data-testid="storage-usage">
                { "Saved in this browser" }
                if let Some(usage) = usage { { format!(" · {usage}") } }
                if !persisted.is_empty() { { format!(" · {persisted}") } }
            </span>
            if let Some(failure) = &r.failure {
                <p class="problem" role="alert" data-testid="storage-error">
                    { failure.clone() }
                    <button type="button" data-testid="export-all" onclick={onexport}>{ "Export all documents" }</button>
                </p>
            }
            { for conflict }
            if r.update_ready {
                <p class="notice" role="status" data-testid="update-ready">
                    { "A new version of claimlens is ready. " }
                    <button type="button" data-testid="update-reload" onclick={Callback::from(|_: MouseEvent| offline::activate_update())}>
                        { "Reload to use it" }
                    </button>
                </p>
            }
        </div>
    }
}

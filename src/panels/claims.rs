//! The claims table, "who claimed what, when": source entity, stance, content and date;
//! sortable by each column (header buttons, `aria-sort`); a row's button jumps to the
//! claim.

use std::rc::Rc;

use claimlens_core::model::{AnnotationId, Document, Stance};
use claimlens_core::views::{claims_table, sort_claims, ClaimColumn};
use yew::prelude::*;

/// Props of [`ClaimsPanel`].
#[derive(Properties, PartialEq)]
pub struct ClaimsPanelProps {
    /// The document.
    pub document: Rc<Document>,
    /// The claims' and dates' revisions: the rows are recomputed when they change.
    pub revision: (u32, u32),
    /// Called with the claim to jump to.
    pub onjump: Callback<AnnotationId>,
}

const COLUMNS: [(ClaimColumn, &str); 4] = [
    (ClaimColumn::Source, "Who"),
    (ClaimColumn::Stance, "Stance"),
    (ClaimColumn::Content, "What"),
    (ClaimColumn::Date, "When"),
];

/// The table.
#[function_component]
pub fn ClaimsPanel(props: &ClaimsPanelProps) -> Html {
    let order = use_state(|| (ClaimColumn::Position, true));
    let rows = {
        let doc = props.document.clone();
        use_memo((props.revision, *order), move |(_, (column, ascending))| {
            let mut rows = claims_table(&doc);
            sort_claims(&mut rows, *column, *ascending);
            rows
        })
    };
    if rows.is_empty() {
        return html! { <p class="empty">{ "No claims yet." }</p> };
    }
    let header = COLUMNS.iter().map(|&(column, label)| {
        let (current, ascending) = *order;
        let sort = match (current == column, ascending) {
            (true, true) => "ascending",
            (true, false) => "descending",
            _ => "none",
        };
        let onclick = {
            let order = order.clone();
            Callback::from(move |_: MouseEvent| {
                order.set((column, !(current == column && ascending)));
            })
        };
        html! {
            <th scope="col" aria-sort={sort}>
                <button type="button" class="sort" data-testid={format!("sort-{}", label.to_lowercase())} {onclick}>
                    { label }
                </button>
            </th>
        }
    });
    html! {
        <table class="claims" data-testid="claims-table">
            <caption>{ "Who claimed what, when" }</caption>
            <thead><tr>{ for header }<th scope="col">{ "Go" }</th></tr></thead>
            <tbody>
                { for rows.iter().map(|r| {
                    let id = r.id;
                    let onclick = props.onjump.reform(move |_: MouseEvent| id);
                    html! {
                        <tr data-testid="claim-row">
                            <td data-testid="claim-source">{ r.source.clone().unwrap_or_else(|| "unknown".into()) }</td>
                            <td>{ r.stance.map_or("unknown", Stance::name) }</td>
                            <td data-testid="claim-content">{ r.content.clone() }</td>
                            <td>{ r.date.as_ref().map(|d| d.value.clone().unwrap_or_else(|| d.text.clone())).unwrap_or_default() }</td>
                            <td><button type="button" data-testid="claim-jump" {onclick}
                                aria-label={format!("Go to the claim: {}", r.content)}>{ "Go" }</button></td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}

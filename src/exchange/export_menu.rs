//! The export menu: which documents (the current one or all), which format, and for
//! doccano the offset unit; the container turns the choice into a download.

use claimlens_core::formats::{Format, OffsetUnit};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::exports::label;

/// Which documents an export covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The article annotated on the page.
    Current,
    /// The article and every document of the panel.
    All,
}

/// What the user asked to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportChoice {
    /// Which documents.
    pub scope: Scope,
    /// Which format.
    pub format: Format,
    /// doccano's offset unit.
    pub unit: OffsetUnit,
}

/// Props of [`ExportMenu`].
#[derive(Properties, PartialEq)]
pub struct ExportMenuProps {
    /// Called with the choice when the user presses Export.
    pub onexport: Callback<ExportChoice>,
}

/// Scope, format and unit selects, and the Export button.
#[function_component]
pub fn ExportMenu(props: &ExportMenuProps) -> Html {
    let choice = use_state(|| ExportChoice {
        scope: Scope::Current,
        format: Format::Json,
        unit: OffsetUnit::CodePoint,
    });
    let select = |set: fn(&mut ExportChoice, &str)| {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = *choice;
            set(&mut next, &value);
            choice.set(next);
        })
    };
    let onscope = select(|c, v| {
        c.scope = if v == "all" {
            Scope::All
        } else {
            Scope::Current
        }
    });
    let onformat = select(|c, v| {
        if let Some(f) = Format::from_name(v) {
            c.format = f;
        }
    });
    let onunit = select(|c, v| {
        c.unit = if v == "utf16" {
            OffsetUnit::Utf16
        } else {
            OffsetUnit::CodePoint
        }
    });
    let onclick = {
        let (choice, onexport) = (choice.clone(), props.onexport.clone());
        Callback::from(move |_: MouseEvent| onexport.emit(*choice))
    };
    html! {
        <div class="export-menu" data-testid="export-menu">
            <label>{ "Export " }
                <select data-testid="export-scope" onchange={onscope}>
                    <option value="current" selected={choice.scope == Scope::Current}>{ "this article" }</option>
                    <option value="all" selected={choice.scope == Scope::All}>{ "all documents" }</option>
                </select>
            </label>
            <label>{ " as " }
                <select data-testid="export-format" onchange={onformat}>
                    { for Format::ALL.iter().map(|f| html! {
                        <option value={f.name()} selected={choice.format == *f}>{ label(*f) }</option>
                    }) }
                </select>
            </label>
            if choice.format == Format::Doccano {
                <label>{ " offsets in " }
                    <select data-testid="export-unit" onchange={onunit}>
                        <option value="codepoint" selected={choice.unit == OffsetUnit::CodePoint}>{ "code points" }</option>
                        <option value="utf16" selected={choice.unit == OffsetUnit::Utf16}>{ "UTF-16 units" }</option>
                    </select>
                </label>
            }
            <button type="button" data-testid="export-download" {onclick}>{ "Download" }</button>
        </div>
    }
}

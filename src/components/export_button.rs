//! The export action: asks for the document JSON to be saved as a file.

use yew::prelude::*;

/// Props of [`ExportButton`].
#[derive(Properties, PartialEq)]
pub struct ExportButtonProps {
    /// Called when the user asks for the export.
    pub onexport: Callback<()>,
    /// True while there is nothing to export.
    #[prop_or_default]
    pub disabled: bool,
}

/// The "Export JSON" button.
#[function_component]
pub fn ExportButton(props: &ExportButtonProps) -> Html {
    let onclick = props.onexport.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="export" data-testid="export-button" disabled={props.disabled} {onclick}>
            { "Export JSON" }
        </button>
    }
}

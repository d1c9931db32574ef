//! The paste area: the article text, its optional date, and the Annotate action
//! (button, or Ctrl+Enter in the text box), and a notice while a long article is
//! annotated in the background.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

/// What the user asked to annotate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotateRequest {
    /// The article, exactly as the text box holds it.
    pub text: String,
    /// The article date as the date input gives it (`YYYY-MM-DD`), or empty.
    pub dct: String,
}

/// Props of [`PasteArea`].
#[derive(Properties, PartialEq)]
pub struct PasteAreaProps {
    /// Called with the text and date when the user asks to annotate.
    pub onannotate: Callback<AnnotateRequest>,
    /// True while a long article is annotated in the background.
    #[prop_or_default]
    pub busy: bool,
    /// Called when the text box holds more than [`LONG`] UTF-16 units (a long article
    /// is on its way: the page can get ready for it).
    #[prop_or_default]
    pub onlong: Callback<()>,
}

/// How long a text is "long" for [`PasteAreaProps::onlong`] (the length the page
/// annotates in its worker, `workspace::paste::IN_PLACE_LIMIT`, in UTF-16 units).
pub const LONG: u32 = crate::workspace::paste::IN_PLACE_LIMIT as u32;

/// A text box for the article, a date input and the Annotate button.
#[function_component]
pub fn PasteArea(props: &PasteAreaProps) -> Html {
    // Read on demand rather than mirrored into state on every keystroke: a pasted
    // megabyte is then copied once, when it is annotated.
    let text_ref = use_node_ref();
    let dct_ref = use_node_ref();
    let submit = {
        let (text_ref, dct_ref) = (text_ref.clone(), dct_ref.clone());
        let onannotate = props.onannotate.clone();
        Callback::from(move |()| {
            let text = text_ref
                .cast::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default();
            let dct = dct_ref
                .cast::<HtmlInputElement>()
                .map(|d| d.value())
                .unwrap_or_default();
            onannotate.emit(AnnotateRequest { text, dct });
        })
    };
    let onsubmit = submit.reform(|e: SubmitEvent| e.prevent_default());
    // The length alone is read (no copy of the text), on every input.
    let oninput = {
        let onlong = props.onlong.clone();
        Callback::from(move |e: InputEvent| {
            let long = e
                .target_dyn_into::<HtmlTextAreaElement>()
                .is_some_and(|t| t.text_length() > LONG);
            if long {
                onlong.emit(());
            }
        })
    };
    let onkeydown = {
        let submit = submit.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                submit.emit(());
            }
        })
    };
    html! {
        <form class="paste" data-testid="paste-form" {onsubmit}>
            <label for="article-text">{ "Article text" }</label>
            <textarea
                id="article-text"
                ref={text_ref}
                data-testid="paste-area"
                rows="10"
                spellcheck="false"
                placeholder="Paste a news article here"
                {onkeydown}
                {oninput}
            />
            <div class="paste-row">
                <label for="article-date">{ "Article date (optional)" }</label>
                <input id="article-date" type="date" ref={dct_ref} data-testid="dct-input" />
                <button type="submit" class="primary" data-testid="annotate-button">{ "Annotate" }</button>
                if props.busy {
                    <span class="hint" role="status" data-testid="annotating">{ "Annotating the long article in the background…" }</span>
                } else {
                    <span class="hint">{ "or Ctrl+Enter in the text box" }</span>
                }
            </div>
        </form>
    }
}

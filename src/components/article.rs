//! The annotated article: its paragraphs, and the tooltip of whichever highlight is
//! hovered or focused. Pointer and focus events are handled once, here, for every
//! highlight (event delegation), so paragraphs stay pure views.

use std::rc::Rc;

use claimlens_core::model::{AnnotationId, Document};
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget};
use yew::prelude::*;

use super::{Paragraph, Tooltip};
use crate::describe::details;
use crate::layout::paragraph_views;

/// The widest the tooltip gets (matches `.tooltip` in `styles/app.css`), so it is
/// kept inside the article.
const TOOLTIP_WIDTH: f64 = 320.0;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The annotated document.
    pub document: Rc<Document>,
}

/// The highlight whose tooltip is shown, and where.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Active {
    id: u32,
    top: i32,
    left: i32,
}

/// What a pointer or focus event means for the tooltip.
enum Hint {
    Show(Active),
    Keep,
    Hide,
}

/// Finds the highlight an event happened in, and where its tooltip goes.
fn hint(target: Option<EventTarget>, container: &NodeRef) -> Hint {
    let Some(el) = target.and_then(|t| t.dyn_into::<Element>().ok()) else {
        return Hint::Hide;
    };
    // Moving onto the tooltip itself keeps it open, so it can be read and hovered.
    if let Ok(Some(_)) = el.closest("[data-tooltip]") {
        return Hint::Keep;
    }
    let Ok(Some(hl)) = el.closest("[data-ann-id]") else {
        return Hint::Hide;
    };
    let (Some(id), Some(area)) = (
        hl.get_attribute("data-ann-id")
            .and_then(|v| v.parse::<u32>().ok()),
        container.cast::<Element>(),
    ) else {
        return Hint::Hide;
    };
    let (r, c) = (
        hl.get_bounding_client_rect(),
        area.get_bounding_client_rect(),
    );
    let max_left = (c.width() - TOOLTIP_WIDTH).max(0.0);
    Hint::Show(Active {
        id,
        top: (r.bottom() - c.top() + 6.0).round() as i32,
        left: (r.left() - c.left()).clamp(0.0, max_left).round() as i32,
    })
}

/// The article, paragraph by paragraph, with tooltips on its highlights.
#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let views = use_memo(props.document.clone(), |doc| paragraph_views(doc));
    let active = use_state_eq(|| None::<Active>);
    let container = use_node_ref();
    {
        // A new document's ids mean other annotations: drop the old tooltip.
        let active = active.clone();
        use_effect_with(props.document.clone(), move |_| active.set(None));
    }
    let follow = {
        let (active, container) = (active.clone(), container.clone());
        Callback::from(
            move |target: Option<EventTarget>| match hint(target, &container) {
                Hint::Show(a) => active.set(Some(a)),
                Hint::Keep => {}
                Hint::Hide => active.set(None),
            },
        )
    };
    let hide = {
        let active = active.clone();
        Callback::from(move |()| active.set(None))
    };
    let onmouseover = follow.reform(|e: MouseEvent| e.target());
    let onfocusin = follow.reform(|e: FocusEvent| e.target());
    let onmouseleave = hide.reform(|_: MouseEvent| ());
    let onfocusout = hide.reform(|_: FocusEvent| ());
    // Escape dismisses the tooltip without moving focus (WCAG 1.4.13).
    let onkeydown = {
        let hide = hide.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                hide.emit(());
            }
        })
    };
    let doc = &props.document;
    let tooltip = active.and_then(|a| {
        doc.get(AnnotationId(a.id))
            .map(|ann| (a, details(doc, ann)))
    });
    html! {
        <div class="article-area" ref={container}
            {onmouseover} {onmouseleave} {onfocusin} {onfocusout} {onkeydown}>
            <article class="article" data-testid="article" aria-label="Annotated article">
                { for views.iter().map(|v| html! {
                    <Paragraph key={v.start} text={v.text.clone()} marks={v.marks.clone()} />
                }) }
            </article>
            if let Some((a, d)) = tooltip {
                <Tooltip details={d} top={a.top} left={a.left} />
            }
        </div>
    }
}

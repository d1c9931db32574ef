//! The editor container: reads the app state from context, listens for shortcuts,
//! keeps DOM focus on the focused annotation, and lays out the review bar, the
//! article, the attribute panel, the reader views and the shortcuts overlay.

use std::cell::RefCell;
use std::rc::Rc;

use claimlens_core::command::{resolve, Action as Command};
use claimlens_core::edit::grapheme;
use claimlens_core::keymap::Command as Key;
use claimlens_core::model::{AnnotationId, Document, Layer};
use claimlens_core::text::ByteSpan;
use claimlens_core::views::{actors_panel, block_at};
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget};
use yew::prelude::*;

use super::sections::ArticleText;
use super::{dom, AttributePanel, EditorAction, ReviewBar};
use crate::components::{AppHandle, Tooltip};
use crate::describe::details;
use crate::keyboard::use_editor_keys;
use crate::panels::{HelpOverlay, ReaderPanels};
use crate::state::Action;

/// The widest the tooltip gets (as `.tooltip` in `styles/app.css`).
const TOOLTIP_WIDTH: f64 = 320.0;

/// The annotation id of the highlight an event happened in.
fn highlight_id(target: Option<EventTarget>) -> Option<(u32, Element)> {
    let el = target?.dyn_into::<Element>().ok()?;
    let hl = el.closest("[data-ann-id]").ok()??;
    Some((hl.get_attribute("data-ann-id")?.parse().ok()?, hl))
}

/// A tooltip's place: the annotation id, then top and left in pixels from the article
/// area.
type Tip = (u32, i32, i32);

/// How the editor moves the tooltip without re-rendering itself: the tooltip's own
/// component puts its setter here when it renders.
#[derive(Clone, Default)]
struct TipChannel(Rc<RefCell<Option<Callback<Option<Tip>>>>>);

impl PartialEq for TipChannel {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl TipChannel {
    fn show(&self, tip: Option<Tip>) {
        // Cloned out first: the setter may re-render synchronously.
        let setter = self.0.borrow().clone();
        if let Some(set) = setter {
            set.emit(tip);
        }
    }
}

/// Props of [`TooltipLayer`].
#[derive(Properties, PartialEq)]
struct TooltipLayerProps {
    document: Rc<Document>,
    channel: TipChannel,
}

/// The tooltip, in a component of its own: hovering or focusing another highlight
/// re-renders only this, not the editor around it.
#[function_component]
fn TooltipLayer(props: &TooltipLayerProps) -> Html {
    let tip = use_state_eq(|| None::<Tip>);
    let setter = tip.setter();
    *props.channel.0.borrow_mut() = Some(Callback::from(move |t| setter.set(t)));
    let doc = &props.document;
    match *tip {
        Some((id, top, left)) => doc.get(AnnotationId(id)).map_or_else(
            || html! {},
            |a| html! { <Tooltip details={details(doc, a)} {top} {left} /> },
        ),
        None => html! {},
    }
}

/// Where the tooltip of the highlight an event happened in goes; `None` off any
/// highlight.
fn place(target: Option<EventTarget>, container: &NodeRef) -> Option<Tip> {
    let (id, hl) = highlight_id(target)?;
    let area = container.cast::<Element>()?;
    let (r, c) = (
        hl.get_bounding_client_rect(),
        area.get_bounding_client_rect(),
    );
    let left = (r.left() - c.left()).clamp(0.0, (c.width() - TOOLTIP_WIDTH).max(0.0));
    Some((
        id,
        (r.bottom() - c.top() + 6.0).round() as i32,
        left.round() as i32,
    ))
}

/// The whole editor; render it once a document is loaded.
#[function_component]
pub fn Editor() -> Html {
    let handle = use_context::<AppHandle>();
    let fallback = use_reducer(crate::state::AppState::default);
    let handle = handle.unwrap_or(fallback);
    use_editor_keys(&handle);
    let s = &handle.editor;
    {
        // Not keyed on `help`: closing the shortcuts gives focus back where it was
        // (the overlay does), which may be a button rather than the highlight.
        let help = s.help;
        let deps = (s.state.focused, s.focus_seq, s.editing);
        use_effect_with(deps, move |&(focused, _, editing)| {
            if help {
                return;
            }
            if editing {
                dom::focus_selector("#attr-layer");
            } else if let Some(id) = focused {
                dom::focus_highlight(id.0);
            }
        });
    }
    let tips = use_memo((), |()| TipChannel::default());
    let entities = {
        let doc = handle.document.clone();
        // Counted only once an actor has the focus (its panel offers them), and again
        // only after an edit of actors: revisions are never reused.
        let wanted = s
            .state
            .focused
            .and_then(|id| doc.as_ref()?.get(id).map(|a| a.layer() == Layer::Actor))
            .unwrap_or(false);
        let counted = use_mut_ref(|| None::<(u32, Rc<[String]>)>);
        let mut counted = counted.borrow_mut();
        match (&*counted, doc) {
            (Some((revision, names)), _) if *revision == s.revisions.actors => names.clone(),
            (_, Some(d)) if wanted => {
                let names: Rc<[String]> = actors_panel(&d).into_iter().map(|r| r.entity).collect();
                *counted = Some((s.revisions.actors, names.clone()));
                names
            }
            _ => Rc::default(),
        }
    };
    let container = use_node_ref();
    let Some(doc) = handle.document.clone() else {
        return html! {};
    };
    let dispatch = {
        let handle = handle.clone();
        Callback::from(move |a: EditorAction| handle.dispatch(Action::Editor(a)))
    };
    let onkey = {
        let (handle, dispatch) = (handle.clone(), dispatch.clone());
        Callback::from(move |k: Key| {
            let Some(doc) = &handle.document else { return };
            match resolve(k, doc, &handle.editor.state) {
                Command::Ignore => {}
                action => dispatch.emit(EditorAction::Run(action)),
            }
        })
    };
    let selection = {
        let (blocks, text) = (s.blocks.clone(), doc.clone());
        Callback::from(move |()| {
            let (a, b) = dom::selection(&blocks, &text.text)?;
            let (start, end) = (
                grapheme::floor(&text.text, a.min(b)),
                grapheme::ceil(&text.text, a.max(b)),
            );
            ByteSpan::from_raw(start, end)
                .ok()
                .filter(|s| !s.is_empty())
        })
    };
    // The focused highlight's block: its section is drawn, so focus can land on it.
    let focus = s
        .state
        .focused
        .and_then(|id| doc.get(id))
        .and_then(|a| block_at(&s.blocks, a.span.start().0));
    let onjump = dispatch.reform(|id: AnnotationId| EditorAction::Run(Command::Focus(id)));
    // The tooltip follows the pointer and the keyboard focus; Escape or leaving hides it.
    let follow = {
        let (tips, container) = (tips.clone(), container.clone());
        Callback::from(move |target: Option<EventTarget>| {
            let on_tooltip = target
                .as_ref()
                .and_then(|t| t.dyn_ref::<Element>())
                .is_some_and(|el| matches!(el.closest("[data-tooltip]"), Ok(Some(_))));
            if !on_tooltip {
                tips.show(place(target, &container));
            }
        })
    };
    let onfocusin = {
        let (dispatch, focused, follow) = (dispatch.clone(), s.state.focused, follow.clone());
        Callback::from(move |e: FocusEvent| {
            let target = e.target();
            if let Some((id, hl)) = highlight_id(target.clone()) {
                if hl.has_attribute("tabindex") && focused != Some(AnnotationId(id)) {
                    dispatch.emit(EditorAction::Focused(AnnotationId(id)));
                }
            }
            follow.emit(target);
        })
    };
    let onmouseover = follow.reform(|e: MouseEvent| e.target());
    let hide = {
        let tips = tips.clone();
        Callback::from(move |()| tips.show(None))
    };
    let onmouseleave = hide.reform(|_: MouseEvent| ());
    let onfocusout = hide.reform(|_: FocusEvent| ());
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            hide.emit(());
        }
    });
    html! {
        <div class="editor" data-testid="editor">
            <ReviewBar counts={s.counts} filter={s.state.filter}
                can_undo={s.history.can_undo()} can_redo={s.history.can_redo()}
                selection={selection} ondispatch={dispatch.clone()} {onkey} />
            if let Some(notice) = &s.notice {
                <p class="notice" role="status" data-testid="editor-notice">{ notice.clone() }</p>
            }
            <div class="editor-body">
                <div class="article-area" data-editor-keys="" ref={container}
                    {onfocusin} {onfocusout} {onmouseover} {onmouseleave} {onkeydown}>
                    <ArticleText key={doc.id.clone()} document={doc.clone()} blocks={s.blocks.clone()}
                        reach={s.reach.clone()} revisions={s.revisions}
                        filter={s.state.filter} {focus} />
                    // A fixed slot: the article before it is never moved (a move would blur it).
                    <div class="tooltip-slot"><TooltipLayer document={doc.clone()} channel={(*tips).clone()} /></div>
                </div>
                <div class="editor-side">
                    if let Some(id) = s.state.focused.filter(|&id| doc.get(id).is_some()) {
                        <AttributePanel key={id.0} document={doc.clone()} {id} blocks={s.blocks.clone()} fragment={s.state.fragment}
                            {entities}
                            ondispatch={dispatch.clone()} />
                    } else {
                        <p class="attr-hint" data-testid="attr-hint">
                            { "Focus a highlight (click it, or Tab / j / k) to review and edit it. Select text and press a, d or c to create one. Press ? for all shortcuts." }
                        </p>
                    }
                    <ReaderPanels document={doc.clone()} revisions={s.revisions} focused={s.state.focused} issues={s.issues.clone()} {onjump} />
                </div>
            </div>
            if s.help {
                <HelpOverlay onclose={dispatch.reform(|()| EditorAction::Run(Command::ToggleHelp))} />
            }
        </div>
    }
}

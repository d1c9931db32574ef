//! The article drawn a section at a time, only near what the reader sees
//! (`claimlens_core::views::sections` decides the sections, their heights and which
//! meet the view). Every other section is an empty box of its height, so the page
//! scrolls as if the whole text were there; scrolling near one draws it, and a
//! section far out of view goes back to its box. The section holding the focused
//! highlight is always drawn, so the keyboard reaches every annotation: focusing one
//! draws its section first and the browser then scrolls to it.
//!
//! Where the sections lie is read from the page after each change, in a task of its
//! own (a zero-delay timer, which a hidden tab still runs), so drawing what came
//! into view never shares a task with the change that moved it.

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use claimlens_core::model::Layer;
use claimlens_core::text::ByteSpan;
use claimlens_core::views::{near, section_of, sections, Heights};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::components::Paragraph;
use crate::layout::ParagraphView;

/// Bytes of text per section: a few screens, drawn in a few milliseconds.
const SECTION: usize = 8 * 1024;
/// Height per byte of text before any section was measured (1.05rem text at line
/// height 2 in a column of about 90 characters).
const PER_BYTE: f64 = 0.4;
/// A measured height this far (a fraction) from what was assumed redraws the boxes.
const TOLERANCE: f64 = 0.1;
/// How far beyond the view sections are drawn, in view heights, above and below.
const MARGIN: f64 = 1.0;

/// Props of [`Group`].
#[derive(Properties)]
pub struct GroupProps {
    /// All the article's paragraph views.
    pub views: Rc<[Rc<ParagraphView>]>,
    /// The first block of the group.
    pub from: usize,
    /// One past its last.
    pub to: usize,
}

impl PartialEq for GroupProps {
    /// Equal when the group shows the same views: after an edit elsewhere, the views
    /// of its blocks are the same `Rc`s, so it is not re-rendered.
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (
            self.views.get(self.from..self.to),
            other.views.get(other.from..other.to),
        );
        self.from == other.from
            && self.to == other.to
            && (Rc::ptr_eq(&self.views, &other.views)
                || a.zip(b).is_some_and(|(a, b)| {
                    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Rc::ptr_eq(x, y))
                }))
    }
}

/// A run of blocks.
#[function_component]
pub fn Group(props: &GroupProps) -> Html {
    let views = props.views.get(props.from..props.to).unwrap_or_default();
    html! {
        { for views.iter().map(|v| html! {
            <Paragraph key={v.start} start={v.start} text={v.text.clone()} marks={v.marks.clone()} continues={v.continues} />
        }) }
    }
}

/// Props of [`ArticleText`].
#[derive(Properties, PartialEq)]
pub struct ArticleTextProps {
    /// The blocks the text is drawn in (fixed while the document is open).
    pub blocks: Rc<[ByteSpan]>,
    /// One view per block.
    pub views: Rc<[Rc<ParagraphView>]>,
    /// The layer filter.
    pub filter: Option<Layer>,
    /// The block holding the focused highlight's start: its section is drawn.
    pub focus: Option<usize>,
}

/// The sections of one document and what is known of their heights.
struct Layout {
    sections: Vec<Range<usize>>,
    heights: RefCell<Heights>,
    /// The height each section's element was given as a box (the page's security
    /// policy refuses style attributes, so it is set through the element's style
    /// object after each render); `None` while drawn, or not set yet.
    applied: RefCell<Vec<Option<f64>>>,
}

/// The article's text, drawn section by section near the view. Give it a `key` per
/// document.
#[function_component]
pub fn ArticleText(props: &ArticleTextProps) -> Html {
    let layout = use_memo(props.blocks.clone(), |blocks| {
        let sections = sections(blocks.iter().map(|b| b.len()), SECTION);
        let bytes = sections
            .iter()
            .map(|s| {
                blocks
                    .get(s.clone())
                    .map_or(0, |b| b.iter().map(|b| b.len()).sum())
            })
            .collect();
        Layout {
            applied: RefCell::new(vec![None; sections.len()]),
            sections,
            heights: RefCell::new(Heights::new(bytes, PER_BYTE)),
        }
    });
    let window = use_state_eq(|| 0..1);
    // Bumped when measured heights move the boxes' estimate: they are drawn again.
    let remeasured = use_state(|| 0u32);
    let article = use_node_ref();
    let checker = use_mut_ref(|| None::<Check>);
    {
        // Every scroll or resize, and every render: where the sections are now.
        let (article, window, checker) = (article.clone(), window.clone(), checker.clone());
        use_effect_with((), move |()| {
            let check = Check::new(article, window);
            let listeners = check.listen();
            *checker.borrow_mut() = Some(check);
            move || drop(listeners)
        });
    }
    {
        let (article, layout, remeasured, checker) = (
            article.clone(),
            layout.clone(),
            remeasured.clone(),
            checker.clone(),
        );
        use_effect(move || {
            size_boxes(&article, &layout);
            if measure(&article, &layout) {
                remeasured.set(remeasured.wrapping_add(1));
            }
            if let Some(check) = checker.borrow().as_ref() {
                check.soon();
            }
        });
    }
    let focused = props.focus.and_then(|b| section_of(&layout.sections, b));
    let drawn = |k: usize| window.contains(&k) || focused == Some(k);
    let filter_class = props.filter.map(|l| format!("only-{}", l.name()));
    html! {
        <article class={classes!("article", filter_class)} data-testid="article" aria-busy="false" ref={article}
            aria-label="Annotated article: Tab or j/k move between highlights, ? lists all shortcuts">
            { for layout.sections.iter().enumerate().map(|(k, s)| if drawn(k) {
                html! {
                    <div key={k} class="section" data-section={k.to_string()}>
                        <Group views={props.views.clone()} from={s.start} to={s.end} />
                    </div>
                }
            } else {
                html! {
                    <div key={k} class="section-box" data-section={k.to_string()} data-testid="undrawn"
                        data-blocks={s.len().to_string()} aria-hidden="true"></div>
                }
            }) }
        </article>
    }
}

/// Gives every box its section's height and takes it from every drawn section,
/// touching only the elements whose height changed.
fn size_boxes(article: &NodeRef, layout: &Layout) {
    let Some(article) = article.cast::<Element>() else {
        return;
    };
    let children = article.child_nodes();
    let heights = layout.heights.borrow();
    let mut applied = layout.applied.borrow_mut();
    for (k, slot) in applied.iter_mut().enumerate() {
        let Some(el) = u32::try_from(k)
            .ok()
            .and_then(|i| children.item(i))
            .and_then(|n| n.dyn_into::<HtmlElement>().ok())
        else {
            continue;
        };
        let boxed = el.class_name() == "section-box";
        let want = boxed.then(|| heights.height(k).round());
        if *slot == want {
            continue;
        }
        // A refused style change leaves the box at its last height: the page still
        // scrolls, only less evenly.
        let _ = match want {
            Some(px) => el.style().set_property("height", &format!("{px}px")),
            None => el.style().remove_property("height").map(|_| ()),
        };
        *slot = want;
    }
}

/// Records the heights of the drawn sections; true when the boxes should be redrawn.
fn measure(article: &NodeRef, layout: &Layout) -> bool {
    let Some(article) = article.cast::<Element>() else {
        return false;
    };
    let Ok(drawn) = article.query_selector_all(":scope > .section") else {
        return false;
    };
    let mut heights = layout.heights.borrow_mut();
    let mut moved = false;
    for i in 0..drawn.length() {
        let Some(el) = drawn.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let Some(k) = el
            .get_attribute("data-section")
            .and_then(|k| k.parse::<usize>().ok())
        else {
            continue;
        };
        moved |= heights.measure(k, el.get_bounding_client_rect().height(), TOLERANCE);
    }
    moved
}

/// Reads which sections meet the view (and its margins) and sets the window to them,
/// in a task after the one that asked.
#[derive(Clone)]
struct Check {
    article: NodeRef,
    window: UseStateHandle<Range<usize>>,
    pending: Rc<RefCell<Option<Timer>>>,
}

/// The scroll and resize listeners; removed when dropped.
struct Listeners {
    callback: Closure<dyn Fn()>,
}

impl Drop for Listeners {
    fn drop(&mut self) {
        if let Some(w) = web_sys::window() {
            for event in ["scroll", "resize"] {
                // Failing to remove it only matters once the article is gone.
                let _ = w.remove_event_listener_with_callback(
                    event,
                    self.callback.as_ref().unchecked_ref(),
                );
            }
        }
    }
}

impl Check {
    fn new(article: NodeRef, window: UseStateHandle<Range<usize>>) -> Check {
        Check {
            article,
            window,
            pending: Rc::default(),
        }
    }

    /// Checks after every scroll and resize of the page, while the listeners live.
    fn listen(&self) -> Option<Listeners> {
        let check = self.clone();
        let callback = Closure::<dyn Fn()>::new(move || check.soon());
        let w = web_sys::window()?;
        for event in ["scroll", "resize"] {
            w.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref())
                .ok()?;
        }
        Some(Listeners { callback })
    }

    /// Checks in a task of its own, unless a check is already waiting.
    fn soon(&self) {
        if self.pending.borrow().is_some() {
            return;
        }
        let check = self.clone();
        let timer = schedule(move || {
            check.pending.borrow_mut().take();
            check.now();
        });
        *self.pending.borrow_mut() = Some(timer);
    }

    fn now(&self) {
        let (Some(article), Some(view)) = (
            self.article.cast::<Element>(),
            web_sys::window().and_then(|w| w.inner_height().ok()?.as_f64()),
        ) else {
            return;
        };
        let children = article.child_nodes();
        let extent = |k: usize| {
            u32::try_from(k)
                .ok()
                .and_then(|k| children.item(k))
                .and_then(|n| n.dyn_into::<Element>().ok())
                .map_or((f64::MAX, f64::MAX), |el| {
                    let r = el.get_bounding_client_rect();
                    (r.top(), r.bottom())
                })
        };
        let count = children.length() as usize;
        let near = near(count, extent, -MARGIN * view, view * (1.0 + MARGIN));
        // Nothing in view (the article is above or below it): keep what is drawn.
        if !near.is_empty() {
            self.window.set(near);
        }
    }
}

/// A zero-delay timer, cleared when dropped.
struct Timer {
    id: Option<i32>,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let (Some(id), Some(window)) = (self.id, web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
    }
}

/// Runs `f` in a task of its own, soon.
fn schedule(f: impl FnOnce() + 'static) -> Timer {
    let mut f = Some(f);
    let callback = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = f.take() {
            f();
        }
    });
    let id = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            0,
        )
        .ok()
    });
    Timer {
        id,
        _callback: callback,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text_len: usize, marks: usize) -> Rc<ParagraphView> {
        let mark = crate::layout::Mark {
            id: 1,
            span: ByteSpan::from_raw(0, 1).unwrap(),
            layer: Layer::Actor,
            status: claimlens_core::model::Status::Suggested,
            starts_here: true,
            label: "a".into(),
        };
        Rc::new(ParagraphView {
            start: 0,
            text: "x".repeat(text_len).into(),
            marks: vec![mark; marks].into(),
            continues: false,
        })
    }

    #[test]
    fn a_group_equals_another_over_the_same_views() {
        let views: Rc<[Rc<ParagraphView>]> = (0..10).map(|_| view(3, 1)).collect();
        let mut edited: Vec<_> = views.to_vec();
        edited[8] = view(3, 2);
        let edited: Rc<[Rc<ParagraphView>]> = edited.into();
        let group = |views: &Rc<[Rc<ParagraphView>]>, from, to| GroupProps {
            views: views.clone(),
            from,
            to,
        };
        assert!(group(&views, 0, 5) == group(&edited, 0, 5));
        assert!(group(&views, 5, 10) != group(&edited, 5, 10));
        assert!(group(&views, 0, 5) != group(&views, 0, 6));
    }
}

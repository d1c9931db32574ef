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
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use claimlens_core::model::{Document, Layer};
use claimlens_core::text::ByteSpan;
use claimlens_core::views::{candidates, near, section_of, sections, Heights};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::Revisions;
use crate::components::Paragraph;
use crate::layout::{range_views, ParagraphView};

/// Bytes of text per section: a few screens, drawn in a few milliseconds.
const SECTION: usize = 8 * 1024;
/// Height per byte of text before any section was measured (1.05rem text at line
/// height 2 in a column of about 90 characters).
const PER_BYTE: f64 = 0.4;
/// A measured height this far (a fraction) from what was assumed redraws the boxes.
const TOLERANCE: f64 = 0.1;
/// How far beyond the view sections are drawn, in view heights, above and below.
const MARGIN: f64 = 1.0;
/// An article up to this long (bytes) is drawn whole, a section per task after the
/// ones in view: the browser's own find then sees all of it, and a few hundred
/// kilobytes stay quick to lay out. A longer one is drawn only near the view.
const WHOLE: usize = 512 * 1024;

/// Props of [`Group`].
#[derive(Properties)]
pub struct GroupProps {
    /// The views of the section's blocks.
    pub views: Rc<[Rc<ParagraphView>]>,
}

impl PartialEq for GroupProps {
    /// Equal when the group shows the same views: after an edit elsewhere, the views
    /// of its blocks are the same `Rc`s, so it is not re-rendered.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.views, &other.views)
            || (self.views.len() == other.views.len()
                && self
                    .views
                    .iter()
                    .zip(other.views.iter())
                    .all(|(x, y)| Rc::ptr_eq(x, y)))
    }
}

/// A section's blocks.
#[function_component]
pub fn Group(props: &GroupProps) -> Html {
    html! {
        { for props.views.iter().map(|v| html! {
            <Paragraph key={v.start} start={v.start} text={v.text.clone()} marks={v.marks.clone()} continues={v.continues} />
        }) }
    }
}

/// Props of [`ArticleText`].
#[derive(Properties)]
pub struct ArticleTextProps {
    /// The document.
    pub document: Rc<Document>,
    /// The blocks its text is drawn in (fixed while the document is open).
    pub blocks: Rc<[ByteSpan]>,
    /// `views::reach` over its annotations.
    pub reach: Rc<[usize]>,
    /// The editor's revisions: they change with every change of the document, so
    /// a section drawn at the same revisions is drawn as it was.
    pub revisions: Revisions,
    /// The layer filter.
    pub filter: Option<Layer>,
    /// The block holding the focused highlight's start: its section is drawn.
    pub focus: Option<usize>,
}

impl PartialEq for ArticleTextProps {
    /// The document and its companions by address (a changed document is a new
    /// `Rc`): comparing 10 MB documents on every render would cost more than drawing.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.document, &other.document)
            && Rc::ptr_eq(&self.blocks, &other.blocks)
            && Rc::ptr_eq(&self.reach, &other.reach)
            && self.revisions == other.revisions
            && self.filter == other.filter
            && self.focus == other.focus
    }
}

/// The views of the sections drawn, each at the revisions it was drawn at.
type Drawn = HashMap<usize, (Revisions, Rc<[Rc<ParagraphView>]>)>;

/// The views of section `k` (blocks `range`) at `props`' revisions: the ones drawn
/// last if nothing changed since, else built again from the few annotations that
/// touch it, keeping each block's old view where it is the same (so its paragraph is
/// not drawn again).
fn section_views(
    drawn: &mut Drawn,
    k: usize,
    range: Range<usize>,
    props: &ArticleTextProps,
) -> Rc<[Rc<ParagraphView>]> {
    if let Some((revisions, views)) = drawn.get(&k) {
        if *revisions == props.revisions {
            return views.clone();
        }
    }
    let doc = &props.document;
    let (first, last) = (
        props.blocks.get(range.start),
        range.end.checked_sub(1).and_then(|i| props.blocks.get(i)),
    );
    let near = match (first, last) {
        (Some(a), Some(b)) => ByteSpan::from_raw(a.start().0, b.end().0.max(a.start().0))
            .map(|span| candidates(&doc.annotations, &props.reach, span))
            .unwrap_or(0..0),
        _ => 0..0,
    };
    let fresh = range_views(
        doc,
        &props.blocks,
        range,
        doc.annotations.get(near).unwrap_or_default(),
    );
    let old = drawn.get(&k).map(|(_, v)| v.clone());
    let views: Rc<[Rc<ParagraphView>]> = match old {
        Some(old) if old.len() == fresh.len() && old.iter().zip(&fresh).all(|(o, f)| **o == *f) => {
            old
        }
        Some(old) if old.len() == fresh.len() => old
            .iter()
            .zip(fresh)
            .map(|(o, f)| if **o == f { o.clone() } else { Rc::new(f) })
            .collect(),
        _ => fresh.into_iter().map(Rc::new).collect(),
    };
    drawn.insert(k, (props.revisions, views.clone()));
    views
}

/// The sections of one document and what is known of their heights.
struct Layout {
    sections: Vec<Range<usize>>,
    heights: RefCell<Heights>,
    /// Short enough to be drawn whole ([`WHOLE`]).
    whole: bool,
}

/// One child of the article element: a drawn section, or one box for a run of
/// sections not drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Drawn(usize),
    Boxed(Range<usize>),
}

impl Piece {
    /// One past its last section.
    fn end(&self) -> usize {
        match self {
            Piece::Drawn(k) => k + 1,
            Piece::Boxed(r) => r.end,
        }
    }
}

/// The article's children for `count` sections of which `drawn` (in order) are drawn.
fn pieces(count: usize, drawn: &[usize]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for &k in drawn.iter().filter(|&&k| k < count) {
        if at < k {
            out.push(Piece::Boxed(at..k));
        }
        if k >= at {
            out.push(Piece::Drawn(k));
            at = k + 1;
        }
    }
    if at < count {
        out.push(Piece::Boxed(at..count));
    }
    out
}

/// What the article shows now, for the checks made after it is drawn.
#[derive(Default)]
struct Shown {
    layout: Option<Rc<Layout>>,
    pieces: Vec<Piece>,
    /// The sections near the view when it was drawn.
    window: Range<usize>,
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
        let bytes: Vec<usize> = bytes;
        Layout {
            whole: bytes.iter().sum::<usize>() <= WHOLE,
            sections,
            heights: RefCell::new(Heights::new(bytes, PER_BYTE)),
        }
    });
    let window = use_state_eq(|| 0..1);
    // Bumped when measured heights move the boxes' estimate: they are drawn again.
    let remeasured = use_state(|| 0u32);
    let article = use_node_ref();
    let shown = use_mut_ref(Shown::default);
    let views_cache = use_mut_ref(Drawn::new);
    let checker = use_mut_ref(|| None::<Check>);
    {
        // Every scroll or resize, and every render: where the sections are now.
        let (article, window, checker, shown) = (
            article.clone(),
            window.clone(),
            checker.clone(),
            shown.clone(),
        );
        use_effect_with((), move |()| {
            let check = Check::new(article, window, shown);
            let listeners = check.listen();
            *checker.borrow_mut() = Some(check);
            move || drop(listeners)
        });
    }
    {
        let (article, shown, remeasured, checker) = (
            article.clone(),
            shown.clone(),
            remeasured.clone(),
            checker.clone(),
        );
        use_effect(move || {
            if measure(&article, &shown.borrow()) {
                remeasured.set(remeasured.wrapping_add(1));
            }
            if let Some(check) = checker.borrow().as_ref() {
                check.soon();
            }
        });
    }
    let count = layout.sections.len();
    let mut drawn: Vec<usize> = (*window).clone().filter(|&k| k < count).collect();
    if let Some(k) = props.focus.and_then(|b| section_of(&layout.sections, b)) {
        if !drawn.contains(&k) {
            drawn.push(k);
            drawn.sort_unstable();
        }
    }
    let children = pieces(count, &drawn);
    let mut cache = views_cache.borrow_mut();
    cache.retain(|k, _| drawn.contains(k));
    let groups: HashMap<usize, Rc<[Rc<ParagraphView>]>> = drawn
        .iter()
        .filter_map(|&k| {
            let range = layout.sections.get(k)?.clone();
            Some((k, section_views(&mut cache, k, range, props)))
        })
        .collect();
    drop(cache);
    *shown.borrow_mut() = Shown {
        layout: Some(layout.clone()),
        pieces: children.clone(),
        window: (*window).clone(),
    };
    let filter_class = props.filter.map(|l| format!("only-{}", l.name()));
    // Busy while an article drawn whole still has sections to come: screen readers
    // wait, and so can tests.
    let busy = (layout.whole && *window != (0..count)).to_string();
    html! {
        <article class={classes!("article", filter_class)} data-testid="article" aria-busy={busy} ref={article}
            aria-label="Annotated article: Tab or j/k move between highlights, ? lists all shortcuts">
            { for children.into_iter().map(|piece| match piece {
                Piece::Drawn(k) => {
                    let views = groups.get(&k).cloned().unwrap_or_else(|| Rc::new([]));
                    html! {
                        <div key={format!("s{k}")} class="section" data-section={k.to_string()}>
                            <Group {views} />
                        </div>
                    }
                }
                Piece::Boxed(r) => {
                    let blocks: usize = layout.sections.get(r.clone()).map_or(0, |s| s.iter().map(|s| s.len()).sum());
                    html! {
                        <div key={format!("b{}", r.start)} class="section-box" data-testid="undrawn"
                            data-blocks={blocks.to_string()} aria-hidden="true"></div>
                    }
                }
            }) }
        </article>
    }
}

/// Records the heights of the drawn sections and gives every box the height of its
/// sections (the page's security policy refuses style attributes, so it is set through
/// the element's style object); true when the boxes should be drawn again.
fn measure(article: &NodeRef, shown: &Shown) -> bool {
    let (Some(article), Some(layout)) = (article.cast::<Element>(), shown.layout.as_ref()) else {
        return false;
    };
    let children = article.child_nodes();
    let child = |i: usize| {
        u32::try_from(i)
            .ok()
            .and_then(|i| children.item(i))
            .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    };
    let mut moved = false;
    {
        let mut heights = layout.heights.borrow_mut();
        for (i, piece) in shown.pieces.iter().enumerate() {
            if let (Piece::Drawn(k), Some(el)) = (piece, child(i)) {
                moved |= heights.measure(*k, el.get_bounding_client_rect().height(), TOLERANCE);
            }
        }
    }
    let heights = layout.heights.borrow();
    for (i, piece) in shown.pieces.iter().enumerate() {
        if let (Piece::Boxed(r), Some(el)) = (piece, child(i)) {
            // A refused style change leaves the box at its last height: the page
            // still scrolls, only less evenly. Whole pixels, written as an integer:
            // printing an f64 would bring Rust's float formatting back into the wasm
            // (about 7 KB gzipped, removed in session 4).
            let px = heights.total(r.clone()).round() as u64;
            let _ = el.style().set_property("height", &format!("{px}px"));
        }
    }
    moved
}

/// Reads which sections meet the view (and its margins) and sets the window to them,
/// in a task after the one that asked.
#[derive(Clone)]
struct Check {
    article: NodeRef,
    window: UseStateHandle<Range<usize>>,
    shown: Rc<RefCell<Shown>>,
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
    fn new(
        article: NodeRef,
        window: UseStateHandle<Range<usize>>,
        shown: Rc<RefCell<Shown>>,
    ) -> Check {
        Check {
            article,
            window,
            shown,
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
        let shown = self.shown.borrow();
        let Some(layout) = shown.layout.as_ref() else {
            return;
        };
        let heights = layout.heights.borrow();
        let children = article.child_nodes();
        // A section's place: its element's, or its share of the box it is in.
        let extent = |k: usize| {
            let i = shown.pieces.partition_point(|p| p.end() <= k);
            let el = u32::try_from(i)
                .ok()
                .and_then(|i| children.item(i))
                .and_then(|n| n.dyn_into::<Element>().ok());
            match (shown.pieces.get(i), el) {
                (Some(Piece::Boxed(r)), Some(el)) => {
                    let top = el.get_bounding_client_rect().top() + heights.total(r.start..k);
                    (top, top + heights.height(k))
                }
                (Some(Piece::Drawn(_)), Some(el)) => {
                    let r = el.get_bounding_client_rect();
                    (r.top(), r.bottom())
                }
                _ => (f64::MAX, f64::MAX),
            }
        };
        let near = near(
            layout.sections.len(),
            extent,
            -MARGIN * view,
            view * (1.0 + MARGIN),
        );
        // Nothing in view (the article is above or below it): keep what is drawn.
        let mut next = if near.is_empty() {
            shown.window.clone()
        } else {
            near
        };
        if layout.whole {
            // One more section a task, until all are drawn.
            let (now, count) = (&shown.window, layout.sections.len());
            next = next.start.min(now.start)..next.end.max(now.end + 1).min(count);
        }
        drop(heights);
        drop(shown);
        self.window.set(next);
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

    #[test]
    fn boxes_stand_for_the_runs_of_sections_not_drawn() {
        use Piece::{Boxed, Drawn};
        assert_eq!(
            pieces(5, &[1, 2]),
            [Boxed(0..1), Drawn(1), Drawn(2), Boxed(3..5)]
        );
        assert_eq!(pieces(3, &[0, 2]), [Drawn(0), Boxed(1..2), Drawn(2)]);
        assert_eq!(pieces(2, &[]), [Boxed(0..2)]);
        assert_eq!(
            pieces(2, &[1, 1, 7]),
            [Boxed(0..1), Drawn(1)],
            "once, and only sections there are"
        );
        assert!(pieces(0, &[0]).is_empty());
    }

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
        let group = |views: &Rc<[Rc<ParagraphView>]>, from: usize, to: usize| GroupProps {
            views: views[from..to].iter().cloned().collect(),
        };
        assert!(group(&views, 0, 5) == group(&edited, 0, 5));
        assert!(group(&views, 5, 10) != group(&edited, 5, 10));
        assert!(group(&views, 0, 5) != group(&views, 0, 6));
    }
}

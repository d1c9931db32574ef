//! Drawing a long article a slice at a time. Mounting a megabyte of paragraphs with
//! twenty thousand highlights in one task would hold the page for seconds; instead
//! the first slice is drawn at once and each next one in its own task, so key
//! presses and scrolling are answered in between. A slice is cut by an estimate of
//! the DOM it builds (text bytes, and a few elements per highlight piece), so a
//! dense paragraph counts for more than a plain one. Slices are scheduled with a
//! zero-delay timer rather than an animation frame, which a hidden tab never runs.
//! Paragraphs are drawn in fixed [`Group`]s, so each new slice costs the article a
//! comparison per group, not one per paragraph drawn so far (which, over thousands
//! of slices, would grow with the square of the article's length).

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::Paragraph;
use crate::layout::ParagraphView;

/// The budget of one slice, in estimated bytes of DOM: under a hundred milliseconds of
/// rendering on a slow machine. Not smaller: every slice also costs the browser a
/// frame over the whole article drawn so far, which on a 10 MB article is what the
/// drawing waits on.
const SLICE: usize = 96 * 1024;
/// What one highlight piece weighs against text bytes (its elements and attributes).
const MARK_WEIGHT: usize = 160;

/// The end of the slice that starts at paragraph `from`: at least one paragraph, then
/// as many as fit the budget.
pub fn slice_end(views: &[Rc<ParagraphView>], from: usize) -> usize {
    let mut spent = 0;
    let mut end = from;
    for v in views.iter().skip(from) {
        spent += v.text.len() + v.marks.len() * MARK_WEIGHT;
        end += 1;
        if spent >= SLICE {
            break;
        }
    }
    end
}

/// Paragraphs per [`Group`].
const GROUP: usize = 64;

/// The groups to draw when the first `shown` paragraphs are: `(from, to)` index ranges
/// in order; all but the last are full, so they stay the same as more are shown.
pub fn groups(shown: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..shown)
        .step_by(GROUP)
        .map(move |from| (from, (from + GROUP).min(shown)))
}

/// Props of [`Group`].
#[derive(Properties)]
pub struct GroupProps {
    /// All the article's paragraph views.
    pub views: Rc<[Rc<ParagraphView>]>,
    /// The first paragraph of the group.
    pub from: usize,
    /// One past its last.
    pub to: usize,
}

impl PartialEq for GroupProps {
    /// Equal when the group shows the same views: after an edit elsewhere, the views
    /// of its paragraphs are the same `Rc`s, so it is not re-rendered.
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

/// A run of paragraphs.
#[function_component]
pub fn Group(props: &GroupProps) -> Html {
    let views = props.views.get(props.from..props.to).unwrap_or_default();
    html! {
        { for views.iter().map(|v| html! {
            <Paragraph key={v.start} start={v.start} text={v.text.clone()} marks={v.marks.clone()} continues={v.continues} />
        }) }
    }
}

/// How many of `views` to draw now: the first slice at once, then one more slice per
/// task until all are drawn. Give the component a `key` per document, so another
/// document starts again from its first slice.
#[hook]
pub fn use_progressive(views: Rc<[Rc<ParagraphView>]>) -> usize {
    let shown = use_state_eq(|| slice_end(&views, 0));
    {
        let shown = shown.clone();
        use_effect_with((*shown, views), move |(drawn, views)| {
            let pending = (*drawn < views.len()).then(|| {
                let next = slice_end(views, *drawn);
                schedule(move || shown.set(next))
            });
            move || drop(pending)
        });
    }
    *shown
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
            span: claimlens_core::text::ByteSpan::from_raw(0, 1).unwrap(),
            layer: claimlens_core::model::Layer::Actor,
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
    fn slices_cover_every_paragraph_once_and_weigh_marks() {
        let views: Vec<_> = (0..1000).map(|i| view(300, i % 10)).collect();
        let (mut at, mut slices) = (0, 0);
        while at < views.len() {
            let end = slice_end(&views, at);
            assert!(end > at, "a slice takes at least one paragraph");
            at = end;
            slices += 1;
        }
        assert_eq!(at, views.len());
        assert!(slices > 10, "a long article is cut ({slices} slices)");
        let dense: Vec<_> = (0..100).map(|_| view(300, 20)).collect();
        let plain: Vec<_> = (0..100).map(|_| view(300, 0)).collect();
        assert!(slice_end(&dense, 0) < slice_end(&plain, 0));
    }

    #[test]
    fn groups_cover_what_is_shown_and_keep_their_ranges_as_it_grows() {
        assert_eq!(groups(0).count(), 0);
        let small: Vec<_> = groups(GROUP * 2 + 5).collect();
        assert_eq!(
            small,
            [(0, GROUP), (GROUP, 2 * GROUP), (2 * GROUP, 2 * GROUP + 5)]
        );
        let more: Vec<_> = groups(GROUP * 3).collect();
        assert_eq!(more[..2], small[..2]);
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

    #[test]
    fn a_huge_paragraph_is_one_slice_and_the_end_stays_put() {
        let views = vec![view(1_000_000, 0), view(10, 0)];
        assert_eq!(slice_end(&views, 0), 1);
        assert_eq!(slice_end(&views, 2), 2);
        assert_eq!(slice_end(&[], 0), 0);
    }
}

//! Drawing a long article a slice at a time. Mounting a megabyte of paragraphs with
//! twenty thousand highlights in one task would hold the page for seconds; instead
//! the first slice is drawn at once and each next one in its own task, so key
//! presses and scrolling are answered in between. A slice is cut by an estimate of
//! the DOM it builds (text bytes, and a few elements per highlight piece), so a
//! dense paragraph counts for more than a plain one. Slices are scheduled with a
//! zero-delay timer rather than an animation frame, which a hidden tab never runs.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::layout::ParagraphView;

/// The budget of one slice, in estimated bytes of DOM: a few tens of milliseconds of
/// rendering on a slow machine.
const SLICE: usize = 48 * 1024;
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
    fn a_huge_paragraph_is_one_slice_and_the_end_stays_put() {
        let views = vec![view(1_000_000, 0), view(10, 0)];
        assert_eq!(slice_end(&views, 0), 1);
        assert_eq!(slice_end(&views, 2), 2);
        assert_eq!(slice_end(&[], 0), 0);
    }
}

//! The editor's few direct DOM reads and writes: the text selection as document byte
//! offsets, putting focus on a highlight, placing the caret. Offsets: the DOM counts
//! UTF-16 units from a paragraph's start (`data-start` holds its byte offset); the
//! core converts them with `snap::byte_from_utf16`, so no unit is ever mixed up.

use claimlens_core::edit::snap::byte_from_utf16;
use claimlens_core::text::{ByteSpan, OffsetMap, Utf16Offset};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The paragraph element holding `node`, and its text in the document.
fn paragraph_of<'t>(
    node: &Node,
    blocks: &[ByteSpan],
    text: &'t str,
) -> Option<(Element, usize, &'t str)> {
    let el = match node.dyn_ref::<Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    let para = el.closest(".article .para[data-start]").ok()??;
    let start: usize = para.get_attribute("data-start")?.parse().ok()?;
    let i = blocks.binary_search_by_key(&start, |b| b.start().0).ok()?;
    Some((para, start, blocks.get(i)?.slice(text)?))
}

/// The document byte offset of a DOM point (`node`, `offset`) inside the article.
fn byte_at(node: &Node, offset: u32, blocks: &[ByteSpan], text: &str) -> Option<usize> {
    let (para, start, block) = paragraph_of(node, blocks, text)?;
    let range = document()?.create_range().ok()?;
    range.set_start(&para, 0).ok()?;
    range.set_end(node, offset).ok()?;
    // The text before the point, as the DOM holds it; its length in UTF-16 units.
    let before = range
        .clone_contents()
        .ok()?
        .text_content()
        .unwrap_or_default();
    let units = before.encode_utf16().count();
    let map = OffsetMap::new(block);
    Some(start + byte_from_utf16(&map, Utf16Offset(units)))
}

/// The article's text selection as raw byte offsets (anchor, focus), when both ends
/// lie in the article (drawn in `blocks` of `text`); a collapsed one is the caret.
pub fn selection(blocks: &[ByteSpan], text: &str) -> Option<(usize, usize)> {
    let sel = web_sys::window()?.get_selection().ok()??;
    let (anchor, focus) = (sel.anchor_node()?, sel.focus_node()?);
    Some((
        byte_at(&anchor, sel.anchor_offset(), blocks, text)?,
        byte_at(&focus, sel.focus_offset(), blocks, text)?,
    ))
}

/// Extends the DOM selection by a character or word, as the browser would in editable
/// text: the article is read-only, so Shift+arrows from the caret are done here.
pub fn extend_selection(forward: bool, word: bool) {
    if let Some(Ok(Some(sel))) = web_sys::window().map(|w| w.get_selection()) {
        let direction = if forward { "forward" } else { "backward" };
        let unit = if word { "word" } else { "character" };
        // A refused extension leaves the selection as it was.
        let _ = sel.modify("extend", direction, unit);
    }
}

/// The focusable highlight of annotation `id`.
fn highlight(id: u32) -> Option<HtmlElement> {
    document()?
        .query_selector(&format!(".article [data-ann-id=\"{id}\"][tabindex]"))
        .ok()??
        .dyn_into::<HtmlElement>()
        .ok()
}

/// Moves DOM focus to annotation `id`'s highlight (the browser scrolls it into view),
/// unless it has it already.
pub fn focus_highlight(id: u32) {
    let Some(el) = highlight(id) else { return };
    let active = document().and_then(|d| d.active_element());
    if active.as_ref() != Some(el.as_ref()) {
        // Focus failing leaves the page usable; the state still names the annotation.
        let _ = el.focus();
    }
}

/// Puts the caret at the start of annotation `id`'s highlight, after its focus was
/// cleared, so Shift+arrows select from there.
pub fn caret_at(id: u32) {
    let (Some(el), Some(Ok(Some(sel)))) =
        (highlight(id), web_sys::window().map(|w| w.get_selection()))
    else {
        return;
    };
    let _ = el.blur();
    let _ = sel.collapse_with_offset(Some(&el), 0);
}

/// Moves DOM focus to the element matching `selector` (a form's first field).
pub fn focus_selector(selector: &str) {
    if let Some(el) = document()
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// True when a key event's target takes text itself (a text box or a list), so the
/// editor must leave the key alone.
pub fn is_text_entry(target: Option<&Element>) -> bool {
    target.is_some_and(|t| {
        matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || t.dyn_ref::<HtmlElement>()
                .is_some_and(|h| h.is_content_editable())
    })
}

/// True when a key event happened in the article or on the page itself (nothing
/// focused), where Tab, Enter and arrows belong to the editor.
pub fn in_article(target: Option<&Element>) -> bool {
    match target {
        None => true,
        Some(t) => {
            matches!(t.tag_name().as_str(), "BODY" | "HTML")
                || t.closest("[data-editor-keys]").ok().flatten().is_some()
        }
    }
}

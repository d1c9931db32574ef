//! Browser tests of the editor's components: each mounts one into a fresh `<div>` in
//! headless Chromium and checks the DOM it produced and the actions it emits. Run by
//! `make wasm-test`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use claimlens_app::editor::{AttributePanel, AttributePanelProps, EditorAction, Session};
use claimlens_core::edit::Edit;
use claimlens_core::model::{AnnotationId, Attrs, DateAttrs, DateKind, Document, Origin, Status};
use claimlens_core::text::ByteSpan;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn find<T: JsCast>(root: &Element, selector: &str) -> T {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .dyn_into::<T>()
        .expect("element type")
}

#[wasm_bindgen_test]
async fn the_date_panel_refuses_a_bad_value_inline_and_emits_a_good_one() {
    let text = "They met on Sunday.";
    let mut doc = Document::new("t", text, None);
    doc.add(
        ByteSpan::from_raw(12, 18).expect("ordered"),
        Attrs::Date(DateAttrs {
            kind: DateKind::Date,
            value: Some("2020-09-27".into()),
        }),
        Origin::Auto,
        Status::Suggested,
    );
    let session = Session::open(&doc);
    let emitted: Rc<RefCell<Vec<EditorAction>>> = Rc::default();
    let sink = emitted.clone();
    let root = fresh_root();
    yew::Renderer::<AttributePanel>::with_root_and_props(
        root.clone(),
        AttributePanelProps {
            document: Rc::new(doc),
            id: AnnotationId(1),
            blocks: session.blocks,
            fragment: None,
            entities: Rc::default(),
            ondispatch: Callback::from(move |a| sink.borrow_mut().push(a)),
        },
    )
    .render();
    settle().await;

    let field: HtmlInputElement = find(&root, "[data-testid=attr-value]");
    assert_eq!(field.value(), "2020-09-27");
    let save: HtmlElement = find(&root, "[data-testid=attr-value-save]");

    field.set_value("2020-13-01");
    save.click();
    settle().await;
    let error: Element = find(&root, "[data-testid=attr-value-error]");
    assert!(!error.text_content().unwrap_or_default().is_empty());
    assert_eq!(field.value(), "2020-13-01", "the typed value is kept");
    assert!(
        emitted.borrow().is_empty(),
        "nothing is emitted for a bad value"
    );

    field.set_value("p6w");
    save.click();
    settle().await;
    assert_eq!(
        emitted.borrow().as_slice(),
        [EditorAction::Edit(Edit::SetDateValue {
            id: AnnotationId(1),
            value: Some("P6W".into()),
        })]
    );
}

//! Browser tests of the components: each mounts one component into a fresh `<div>` in
//! headless Chromium and checks the DOM it produced. Run by `make wasm-test`.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use claimlens_app::components::{ArticleView, ArticleViewProps, Legend, LegendProps};
use claimlens_core::model::{
    ActorAttrs, ActorKind, Attrs, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Document, Origin,
    Stance, Status,
};
use claimlens_core::text::ByteSpan;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str =
    "Armenia's Foreign Ministry said on Sunday that the talks had failed.\nNo one else spoke.";

fn at(text: &str, s: &str) -> ByteSpan {
    let i = text.find(s).expect("fixture text");
    ByteSpan::from_raw(i, i + s.len()).expect("ordered")
}

/// An article with one annotation per layer; the claim's content holds the date.
fn article(text: &str) -> Rc<Document> {
    let mut doc = Document::new("fixture", text, None);
    doc.add(
        at(text, "Armenia's Foreign Ministry"),
        Attrs::Actor(ActorAttrs {
            kind: ActorKind::Organisation,
            entity: "Armenia's Foreign Ministry".into(),
        }),
        Origin::Auto,
        Status::Suggested,
    );
    doc.add(
        at(text, "Sunday"),
        Attrs::Date(DateAttrs {
            kind: DateKind::Date,
            value: Some("2020-09-27".into()),
        }),
        Origin::Auto,
        Status::Suggested,
    );
    doc.add(
        at(text, "on Sunday that the talks had failed"),
        Attrs::Claim(ClaimAttrs {
            kind: ClaimKind::Indirect,
            source: Some(at(text, "Armenia's Foreign Ministry")),
            cue: Some(at(text, "said")),
            fragments: vec![],
            stance: Some(Stance::Assert),
            source_entity: Some("Armenia".into()),
        }),
        Origin::Auto,
        Status::Suggested,
    );
    Rc::new(doc)
}

fn fresh_root() -> Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    root
}

/// Lets Yew's scheduler run the pending renders and effects.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

fn render_article(doc: Rc<Document>) -> Element {
    let root = fresh_root();
    yew::Renderer::<ArticleView>::with_root_and_props(
        root.clone(),
        ArticleViewProps { document: doc },
    )
    .render();
    root
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .expect("valid selector")
        .length()
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

#[wasm_bindgen_test]
async fn each_layer_is_highlighted_and_overlaps_nest() {
    let root = render_article(article(ARTICLE));
    settle().await;

    assert_eq!(count(&root, "[data-testid=paragraph]"), 2);
    for layer in ["actor", "date", "claim"] {
        let selector = format!("[data-testid=highlight][data-layer={layer}]");
        assert_eq!(count(&root, &selector), 1, "{layer}");
    }
    // The date lies inside the claim's content, so its element sits inside the claim's.
    assert_eq!(count(&root, "[data-layer=claim] [data-layer=date]"), 1);
    // Cutting at boundaries loses no text.
    let first = find(&root, "[data-testid=paragraph]");
    assert_eq!(first.text_content().as_deref(), ARTICLE.lines().next());
    let actor = find(&root, "[data-layer=actor]");
    assert_eq!(actor.get_attribute("tabindex").as_deref(), Some("0"));
    let label = actor.get_attribute("aria-label").unwrap_or_default();
    assert!(label.starts_with("actor (organisation)"), "{label}");
}

#[wasm_bindgen_test]
async fn focusing_a_highlight_shows_its_tooltip() {
    let root = render_article(article(ARTICLE));
    settle().await;
    assert_eq!(count(&root, "[data-testid=tooltip]"), 0);

    let claim: HtmlElement =
        find(&root, "[data-testid=highlight][data-layer=claim]").unchecked_into();
    claim.focus().expect("focusable");
    settle().await;

    let text = find(&root, "[data-testid=tooltip]")
        .text_content()
        .unwrap_or_default();
    for expected in [
        "claim",
        "indirect",
        "“Armenia's Foreign Ministry”",
        "“said”",
        "assert",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
}

#[wasm_bindgen_test]
async fn markup_in_the_text_stays_text() {
    let text = "<img src=x onerror=\"document.title='pwned'\"> <b>bold</b>";
    let root = render_article(Rc::new(Document::new("m", text, None)));
    settle().await;

    assert_eq!(count(&root, "img, b, script"), 0);
    assert_eq!(root.text_content().as_deref(), Some(text));
}

#[wasm_bindgen_test]
async fn the_legend_names_each_layer_with_its_count() {
    let root = fresh_root();
    yew::Renderer::<Legend>::with_root_and_props(root.clone(), LegendProps { counts: [3, 1, 2] })
        .render();
    settle().await;

    for (layer, n) in [("actor", "3"), ("date", "1"), ("claim", "2")] {
        let item = find(&root, &format!("[data-testid=count-{layer}]"));
        assert_eq!(item.text_content().as_deref(), Some(n), "{layer}");
    }
    let swatches = count(&root, ".swatch.hl-actor, .swatch.hl-date, .swatch.hl-claim");
    assert_eq!(swatches, 3);
}

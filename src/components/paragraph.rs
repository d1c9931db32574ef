//! One paragraph of the article with its highlights. Its props are the paragraph's
//! text and marks only, so it re-renders when those change and not otherwise.
//!
//! Overlaps: the text is cut at every mark boundary (`claimlens_core::segments`) and
//! each piece is wrapped in one element per covering mark, outermost first. The piece
//! where a mark begins carries its focus stop and accessible name.

use std::rc::Rc;

use claimlens_core::model::Status;
use claimlens_core::segments::segments;
use claimlens_core::text::ByteSpan;
use yew::prelude::*;

use super::layer_class;
use crate::layout::Mark;

/// Props of [`Paragraph`].
#[derive(Properties, PartialEq)]
pub struct ParagraphProps {
    /// The paragraph's text.
    pub text: Rc<str>,
    /// Its marks, spans counted in bytes from the paragraph's start.
    pub marks: Rc<[Mark]>,
    /// Where it starts in the document, in bytes: the editor maps a DOM selection
    /// (counted in UTF-16 units from here) back to document offsets with it.
    #[prop_or_default]
    pub start: usize,
    /// A later block of a long paragraph, drawn flush with the block before it.
    #[prop_or_default]
    pub continues: bool,
}

/// A paragraph; the pasted text only ever becomes text nodes.
#[function_component]
pub fn Paragraph(props: &ParagraphProps) -> Html {
    let spans: Vec<ByteSpan> = props.marks.iter().map(|m| m.span).collect();
    let Ok(extent) = ByteSpan::from_raw(0, props.text.len()) else {
        return html! {};
    };
    let pieces = segments(extent, &spans).into_iter().map(|seg| {
        let text = seg.span.slice(&props.text).unwrap_or_default().to_string();
        seg.covering
            .iter()
            .rev()
            .fold(html! { { text } }, |inner, &i| {
                let mark = &props.marks[i];
                wrap(
                    mark,
                    mark.starts_here && seg.span.start() == mark.span.start(),
                    inner,
                )
            })
    });
    let (class, testid) = if props.continues {
        ("para para-cont", "paragraph-part")
    } else {
        ("para", "paragraph")
    };
    html! { <p {class} data-testid={testid} data-start={props.start.to_string()}>{ for pieces }</p> }
}

/// Suggestions are drawn dashed and rejected ones greyed (see `styles/app.css`), so
/// what still needs a decision stands out.
fn status_class(status: Status) -> &'static str {
    match status {
        Status::Suggested => "is-suggested",
        Status::Accepted => "is-accepted",
        Status::Rejected => "is-rejected",
    }
}

/// Wraps `inner` in `mark`'s highlight; the `lead` piece is the one a user focuses.
fn wrap(mark: &Mark, lead: bool, inner: Html) -> Html {
    let class = classes!("hl", layer_class(mark.layer), status_class(mark.status));
    let id = mark.id.to_string();
    let layer = mark.layer.name();
    let status = status_class(mark.status).trim_start_matches("is-");
    if lead {
        html! {
            <span {class} data-ann-id={id} data-layer={layer} data-status={status} data-testid="highlight"
                role="group" tabindex="0" aria-label={AttrValue::from(mark.label.clone())}>
                { inner }
            </span>
        }
    } else {
        html! {
            <span {class} data-ann-id={id} data-layer={layer} data-part="continued">{ inner }</span>
        }
    }
}

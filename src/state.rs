//! The app state and the actions that change it. The reducer wraps pure core functions
//! (`claimlens_core::annotate`), so every transition is testable without a browser.

use std::rc::Rc;

use claimlens_core::calendar::CalendarDate;
use claimlens_core::edit::History;
use claimlens_core::model::Document;
use yew::Reducible;

use crate::editor::{EditorAction, Session};

/// The id given to a pasted article (also the stem of the export's file name).
pub const PASTED_ID: &str = "pasted-article";

/// Everything the page shows that outlives a single component.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct AppState {
    /// The annotated article, once the user pressed Annotate.
    pub document: Option<Rc<Document>>,
    /// Why the last action could not be done, in words the user can act on.
    pub problem: Option<String>,
    /// The correction editor's session over `document` (undo history, focus, views).
    /// Whatever loads a new document starts a new one with `Session::open`.
    pub editor: Session,
}

/// What the user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Annotate pasted `text`; `dct` is the article's date as `YYYY-MM-DD`, or empty.
    Annotate {
        /// The article, exactly as pasted.
        text: String,
        /// The article's creation date, or an empty string to infer it.
        dct: String,
    },
    /// Tell the user why something the browser was asked to do failed.
    ShowProblem(String),
    /// Correct the document: an edit, undo/redo, focus, help (see `crate::editor`).
    Editor(EditorAction),
    /// Show this document from the library (`None`: no document is open).
    Open {
        /// The document.
        document: Option<Rc<Document>>,
        /// Its undo history, as the library kept it.
        history: Rc<History>,
    },
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Annotate { text, dct } => Rc::new(annotate(&self, &text, &dct)),
            Action::ShowProblem(problem) => Rc::new(AppState {
                problem: Some(problem),
                ..(*self).clone()
            }),
            Action::Editor(action) => {
                let Some(doc) = &self.document else {
                    return self;
                };
                let (document, editor) = crate::editor::reduce(doc, &self.editor, action);
                Rc::new(AppState {
                    document: Some(document),
                    problem: self.problem.clone(),
                    editor,
                })
            }
            Action::Open { document, history } => {
                let editor = document
                    .as_deref()
                    .map_or_else(Session::default, |d| Session {
                        history,
                        ..Session::open(d)
                    });
                Rc::new(AppState {
                    document,
                    problem: None,
                    editor,
                })
            }
        }
    }
}

fn annotate(before: &AppState, text: &str, dct: &str) -> AppState {
    let refuse = |problem: String| AppState {
        problem: Some(problem),
        ..before.clone()
    };
    if text.trim().is_empty() {
        return refuse("Paste an article into the text box first.".into());
    }
    match read_dct(dct) {
        Ok(dct) => {
            let doc = claimlens_core::annotate(PASTED_ID, text, dct);
            AppState {
                editor: Session::open(&doc),
                document: Some(Rc::new(doc)),
                problem: None,
            }
        }
        Err(problem) => refuse(problem),
    }
}

/// Reads the optional article date: empty means "infer it from the text".
///
/// # Errors
/// A message naming the bad value and the expected form.
pub fn read_dct(dct: &str) -> Result<Option<CalendarDate>, String> {
    CalendarDate::parse_optional(dct)
        .map_err(|e| format!("Article date: {e}. Leave it empty to take the date from the text."))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(state: AppState, action: Action) -> Rc<AppState> {
        Rc::new(state).reduce(action)
    }

    #[test]
    fn annotate_keeps_the_text_exactly() {
        let text = "  Baku said\r\nno.  ";
        let after = run(
            AppState::default(),
            Action::Annotate {
                text: text.into(),
                dct: "2020-09-27".into(),
            },
        );
        let doc = after.document.as_ref().expect("annotated");
        assert_eq!(doc.text, text);
        assert_eq!(doc.dct, CalendarDate::new(2020, 9, 27));
        assert_eq!(after.problem, None);
    }

    #[test]
    fn an_empty_date_is_inferred_not_refused() {
        assert_eq!(read_dct(" "), Ok(None));
    }

    #[test]
    fn a_bad_date_is_refused_and_the_last_article_kept() {
        let first = run(
            AppState::default(),
            Action::Annotate {
                text: "Baku said no.".into(),
                dct: String::new(),
            },
        );
        let after = run(
            (*first).clone(),
            Action::Annotate {
                text: "Other text.".into(),
                dct: "27/09/2020".into(),
            },
        );
        assert_eq!(after.document, first.document);
        let problem = after.problem.as_deref().unwrap_or("");
        assert!(problem.contains("27/09/2020"), "{problem}");
    }

    #[test]
    fn blank_text_asks_for_an_article() {
        let after = run(
            AppState::default(),
            Action::Annotate {
                text: " \n ".into(),
                dct: String::new(),
            },
        );
        assert!(after.document.is_none());
        assert!(after.problem.is_some());
    }
}

//! The agreement view: two exports (two annotators, or two versions of the same
//! documents) are chosen, and the view shows per-layer precision, recall and F1
//! (strict and relaxed), Cohen's kappa over tokens, and the disagreements side by side.

use std::rc::Rc;

use claimlens_core::agree::{agree, AgreeOptions, Agreement, DisagreementKind, Side};
use claimlens_core::formats::{import, InputFile};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::browser::read_files;
use crate::decimals::fixed;

/// How many disagreements the table lists.
const SHOWN: usize = 200;

/// Imports both versions and compares them, `a` as the reference.
///
/// # Errors
/// A version that does not import, or two versions that cannot be compared, with
/// the core's message.
pub fn compare(a: &[InputFile], b: &[InputFile]) -> Result<Agreement, String> {
    if a.is_empty() || b.is_empty() {
        return Err("Choose a file for version A and one for version B.".into());
    }
    let a = import(a, None).map_err(|e| format!("Version A: {e}"))?;
    let b = import(b, None).map_err(|e| format!("Version B: {e}"))?;
    agree(&a.documents, &b.documents, &AgreeOptions::default()).map_err(|e| e.to_string())
}

/// Two pickers, a Compare button, and the result.
#[function_component]
pub fn AgreementView() -> Html {
    let a_ref = use_node_ref();
    let b_ref = use_node_ref();
    let result = use_state(|| None::<Result<Rc<Agreement>, String>>);
    let onclick = {
        let (a_ref, b_ref, result) = (a_ref.clone(), b_ref.clone(), result.clone());
        Callback::from(move |_: MouseEvent| {
            let files = |r: &NodeRef| r.cast::<HtmlInputElement>().and_then(|i| i.files());
            let (a, b) = (files(&a_ref), files(&b_ref));
            let result = result.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let read = async { Ok::<_, String>((read_files(a).await?, read_files(b).await?)) };
                let outcome = match read.await {
                    Ok((a, b)) => compare(&a, &b).map(Rc::new),
                    Err(e) => Err(e),
                };
                result.set(Some(outcome));
            });
        })
    };
    html! {
        <section class="agreement" aria-labelledby="agreement-title" data-testid="agreement">
            <h3 id="agreement-title">{ "Agreement" }</h3>
            <div class="agreement-pick">
                <label>{ "Version A (reference) " }
                    <input type="file" ref={a_ref} data-testid="agreement-a" accept=".json,.jsonl,.ann,.txt,.zip,.jsonld" />
                </label>
                <label>{ "Version B " }
                    <input type="file" ref={b_ref} data-testid="agreement-b" accept=".json,.jsonl,.ann,.txt,.zip,.jsonld" />
                </label>
                <button type="button" data-testid="agreement-compare" {onclick}>{ "Compare" }</button>
            </div>
            { match &*result {
                None => html! {},
                Some(Err(problem)) => html! {
                    <p class="problem" role="alert" data-testid="agreement-problem">{ problem.clone() }</p>
                },
                Some(Ok(agreement)) => view(agreement),
            } }
        </section>
    }
}

fn view(agreement: &Agreement) -> Html {
    let pct = |x: f64| fixed(x * 100.0, 1);
    html! {
        <>
            <table class="agreement-scores" data-testid="agreement-scores">
                <caption>{ format!("{} document(s); P, R, F1 in %, A as reference", agreement.documents) }</caption>
                <thead><tr>
                    <th>{ "Layer" }</th><th>{ "A" }</th><th>{ "B" }</th>
                    <th>{ "Strict P" }</th><th>{ "R" }</th><th>{ "F1" }</th>
                    <th>{ "Relaxed P" }</th><th>{ "R" }</th><th>{ "F1" }</th>
                    <th>{ "Kappa" }</th>
                </tr></thead>
                <tbody>
                    { for agreement.layers.iter().map(|l| html! {
                        <tr data-testid="agreement-layer" data-layer={l.layer.name()}>
                            <th scope="row">{ l.layer.name() }</th>
                            <td>{ l.a }</td><td>{ l.b }</td>
                            <td>{ pct(l.strict.p) }</td><td>{ pct(l.strict.r) }</td>
                            <td data-testid="strict-f1">{ pct(l.strict.f1) }</td>
                            <td>{ pct(l.relaxed.p) }</td><td>{ pct(l.relaxed.r) }</td>
                            <td>{ pct(l.relaxed.f1) }</td>
                            <td data-testid="kappa">{ fixed(l.kappa, 3) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            <table class="disagreements" data-testid="disagreements">
                <caption>{ format!("{} disagreement(s)", agreement.disagreements.len()) }</caption>
                <thead><tr>
                    <th>{ "Document" }</th><th>{ "Layer" }</th><th>{ "What" }</th>
                    <th>{ "A" }</th><th>{ "B" }</th>
                </tr></thead>
                <tbody>
                    { for agreement.disagreements.iter().take(SHOWN).map(|d| html! {
                        <tr data-testid="disagreement">
                            <td>{ d.document.clone() }</td>
                            <td>{ d.layer.name() }</td>
                            <td>{ kind(d.kind) }{ if d.detail.is_empty() { String::new() } else { format!(": {}", d.detail) } }</td>
                            <td data-testid="side-a">{ side(d.a.as_ref()) }</td>
                            <td data-testid="side-b">{ side(d.b.as_ref()) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}

fn kind(k: DisagreementKind) -> &'static str {
    match k {
        DisagreementKind::OnlyA => "only in A",
        DisagreementKind::OnlyB => "only in B",
        DisagreementKind::Boundary => "boundary",
        DisagreementKind::Attributes => "attributes",
    }
}

fn side(s: Option<&Side>) -> Html {
    match s {
        None => html! { <span class="none">{ "—" }</span> },
        Some(s) => html! {
            <>
                <q>{ s.text.clone() }</q>
                <span class="side-label">{ format!(" {} [{}, {})", s.label, s.start, s.end) }</span>
            </>
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimlens_core::formats::native::to_json;

    fn file(name: &str, json: String) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: json.into_bytes(),
        }
    }

    #[test]
    fn a_version_against_itself_agrees_fully() {
        let doc = claimlens_core::annotate("a", "Baku said on Monday that Yerevan lied.", None);
        let a = [file("a.json", to_json(&doc))];
        let agreement = compare(&a, &a).expect("comparable");
        assert!(agreement.disagreements.is_empty());
        assert!(agreement.layers.iter().all(|l| l.strict.f1 == 1.0));
    }

    #[test]
    fn a_missing_or_broken_version_is_named() {
        let good = [file(
            "a.json",
            to_json(&claimlens_core::annotate("a", "x", None)),
        )];
        assert!(compare(&good, &[]).is_err());
        let e = compare(&good, &[file("b.json", "{".into())]).expect_err("broken");
        assert!(e.starts_with("Version B"), "{e}");
    }
}

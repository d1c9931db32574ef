//! Agreement between two annotated versions of the same documents (two annotators,
//! or an annotator and the machine): per layer precision, recall and F1 (strict and
//! relaxed, with the definitions of the project's scorer, version A as reference),
//! Cohen's kappa over tokens, and the list of disagreements for a side-by-side view.
//!
//! Documents are paired by id and must have the same text. Rejected suggestions
//! and empty spans never count; open suggestions count unless
//! [`AgreeOptions::include_suggestions`] is off.

pub mod kappa;
pub mod matching;

use std::collections::HashMap;

use serde::Serialize;
use thiserror::Error;

use crate::formats::segments::{boundaries, cut_tokens};
use crate::model::{Annotation, Attrs, Document, Layer, Status};
use crate::text::{ByteSpan, OffsetMap};

use kappa::Confusion;
use matching::Extent;

/// What counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgreeOptions {
    /// Count open suggestions (rejected ones never count).
    pub include_suggestions: bool,
}

impl Default for AgreeOptions {
    fn default() -> Self {
        AgreeOptions {
            include_suggestions: true,
        }
    }
}

/// Why two sets of documents cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AgreeError {
    /// A document is in one version only.
    #[error("document {id:?} is in {side} only; both versions must hold the same documents")]
    Unpaired {
        /// The document id.
        id: String,
        /// `A` or `B`.
        side: &'static str,
    },
    /// Two documents of one version share an id.
    #[error("document id {id:?} appears twice in {side}")]
    Duplicate {
        /// The document id.
        id: String,
        /// `A` or `B`.
        side: &'static str,
    },
    /// The two versions of a document have different texts.
    #[error(
        "document {id:?} has different texts in A and B (first difference at code point {at})"
    )]
    TextDiffers {
        /// The document id.
        id: String,
        /// Where the texts first differ, in code points.
        at: usize,
    },
}

/// Precision, recall and F1 with their counts.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Matched pairs.
    pub tp: usize,
    /// B spans without a partner.
    pub fp: usize,
    /// A spans without a partner.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / |B|.
    pub p: f64,
    /// tp / |A|.
    pub r: f64,
    /// Harmonic mean of p and r.
    pub f1: f64,
}

impl Prf {
    /// As the scorer computes it: an empty denominator gives 0, except that no spans
    /// on either side is perfect agreement.
    pub fn new(tp: usize, in_b: usize, in_a: usize) -> Self {
        let (p, r, f1) = if in_a == 0 && in_b == 0 {
            (1.0, 1.0, 1.0)
        } else {
            let p = if in_b > 0 {
                tp as f64 / in_b as f64
            } else {
                0.0
            };
            let r = if in_a > 0 {
                tp as f64 / in_a as f64
            } else {
                0.0
            };
            let f = if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            (p, r, f)
        };
        Prf {
            tp,
            fp: in_b - tp,
            fn_: in_a - tp,
            p,
            r,
            f1,
        }
    }
}

/// Agreement on one layer, over all documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerAgreement {
    /// The layer.
    pub layer: Layer,
    /// Spans in A.
    pub a: usize,
    /// Spans in B.
    pub b: usize,
    /// Same extent.
    pub strict: Prf,
    /// Any overlap.
    pub relaxed: Prf,
    /// Cohen's kappa over tokens labelled with the covering kind or `O`.
    pub kappa: f64,
    /// Tokens the kappa is computed over.
    pub tokens: usize,
}

/// What kind of disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// A span only A has (no overlapping B span left).
    OnlyA,
    /// A span only B has.
    OnlyB,
    /// Overlapping spans with different extents.
    Boundary,
    /// The same extent with a different kind or attributes.
    Attributes,
}

/// One side of a disagreement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
    /// The covered text.
    pub text: String,
    /// Kind and attributes, e.g. `country (Armenia)`.
    pub label: String,
}

/// A place where A and B differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// The document.
    pub document: String,
    /// The layer.
    pub layer: Layer,
    /// What differs.
    pub kind: DisagreementKind,
    /// A's annotation, if any.
    pub a: Option<Side>,
    /// B's annotation, if any.
    pub b: Option<Side>,
    /// The attributes that differ (`kind: person / organisation`), if any.
    pub detail: String,
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Agreement {
    /// Documents compared.
    pub documents: usize,
    /// One entry per layer, in [`Layer::ALL`] order.
    pub layers: Vec<LayerAgreement>,
    /// Disagreements, by document then position.
    pub disagreements: Vec<Disagreement>,
}

/// Compares version `a` (the reference) with version `b`.
///
/// # Errors
/// A document in one version only, a duplicate id, or different texts.
pub fn agree(
    a: &[Document],
    b: &[Document],
    options: &AgreeOptions,
) -> Result<Agreement, AgreeError> {
    let index =
        |docs: &[Document], side: &'static str| -> Result<HashMap<String, usize>, AgreeError> {
            let mut m = HashMap::new();
            for (i, d) in docs.iter().enumerate() {
                if m.insert(d.id.clone(), i).is_some() {
                    return Err(AgreeError::Duplicate {
                        id: d.id.clone(),
                        side,
                    });
                }
            }
            Ok(m)
        };
    let in_b = index(b, "B")?;
    let in_a = index(a, "A")?;
    if let Some(d) = b.iter().find(|d| !in_a.contains_key(&d.id)) {
        return Err(AgreeError::Unpaired {
            id: d.id.clone(),
            side: "B",
        });
    }
    let mut counts: Vec<Counts> = Layer::ALL.iter().map(|_| Counts::default()).collect();
    let mut disagreements = Vec::new();
    for da in a {
        let db = in_b
            .get(&da.id)
            .map(|&i| &b[i])
            .ok_or_else(|| AgreeError::Unpaired {
                id: da.id.clone(),
                side: "A",
            })?;
        if da.text != db.text {
            let at = da
                .text
                .chars()
                .zip(db.text.chars())
                .take_while(|(x, y)| x == y)
                .count();
            return Err(AgreeError::TextDiffers {
                id: da.id.clone(),
                at,
            });
        }
        let map = OffsetMap::new(&da.text);
        for (li, layer) in Layer::ALL.into_iter().enumerate() {
            let (xa, xb) = (counted(da, layer, options), counted(db, layer, options));
            compare_layer(
                da,
                &map,
                layer,
                &xa,
                &xb,
                &mut counts[li],
                &mut disagreements,
            );
        }
    }
    let layers = Layer::ALL
        .into_iter()
        .zip(counts)
        .map(|(layer, c)| LayerAgreement {
            layer,
            a: c.a,
            b: c.b,
            strict: Prf::new(c.strict, c.b, c.a),
            relaxed: Prf::new(c.relaxed, c.b, c.a),
            kappa: c.tokens.kappa(),
            tokens: c.tokens.total(),
        })
        .collect();
    Ok(Agreement {
        documents: a.len(),
        layers,
        disagreements,
    })
}

/// The annotations of `layer` that take part in the comparison. Empty spans are
/// left out, as the scorer leaves them out.
fn counted<'d>(doc: &'d Document, layer: Layer, options: &AgreeOptions) -> Vec<&'d Annotation> {
    doc.layer(layer)
        .filter(|x| !x.span.is_empty())
        .filter(|x| match x.status {
            Status::Rejected => false,
            Status::Suggested => options.include_suggestions,
            Status::Accepted => true,
        })
        .collect()
}

#[derive(Default)]
struct Counts {
    a: usize,
    b: usize,
    strict: usize,
    relaxed: usize,
    tokens: Confusion,
}

fn extent(map: &OffsetMap<'_>, s: ByteSpan) -> Extent {
    map.to_chars(s).map_or((0, 0), |c| (c.start().0, c.end().0))
}

fn compare_layer(
    doc: &Document,
    map: &OffsetMap<'_>,
    layer: Layer,
    a: &[&Annotation],
    b: &[&Annotation],
    counts: &mut Counts,
    out: &mut Vec<Disagreement>,
) {
    let ea: Vec<Extent> = a.iter().map(|x| extent(map, x.span)).collect();
    let eb: Vec<Extent> = b.iter().map(|x| extent(map, x.span)).collect();
    let strict = matching::strict(&ea, &eb);
    let relaxed = matching::relaxed(&ea, &eb);
    counts.a += a.len();
    counts.b += b.len();
    counts.strict += strict.len();
    counts.relaxed += relaxed.len();

    let side = |x: &Annotation| {
        let (start, end) = extent(map, x.span);
        Side {
            start,
            end,
            text: x.span.slice(&doc.text).unwrap_or("").to_string(),
            label: label(x, &doc.text),
        }
    };
    let mut found = Vec::new();
    let mut paired_a = vec![false; a.len()];
    let mut paired_b = vec![false; b.len()];
    for &(i, j) in &strict {
        paired_a[i] = true;
        paired_b[j] = true;
        let detail = differences(a[i], b[j], &doc.text);
        if !detail.is_empty() {
            found.push((
                ea[i],
                DisagreementKind::Attributes,
                Some(i),
                Some(j),
                detail,
            ));
        }
    }
    // Among what strict matching left, overlapping pairs differ in their boundaries.
    let rest_a: Vec<usize> = (0..a.len()).filter(|&i| !paired_a[i]).collect();
    let rest_b: Vec<usize> = (0..b.len()).filter(|&j| !paired_b[j]).collect();
    let ra: Vec<Extent> = rest_a.iter().map(|&i| ea[i]).collect();
    let rb: Vec<Extent> = rest_b.iter().map(|&j| eb[j]).collect();
    for (x, y) in matching::relaxed(&ra, &rb) {
        let (i, j) = (rest_a[x], rest_b[y]);
        paired_a[i] = true;
        paired_b[j] = true;
        found.push((
            ea[i],
            DisagreementKind::Boundary,
            Some(i),
            Some(j),
            differences(a[i], b[j], &doc.text),
        ));
    }
    for i in (0..a.len()).filter(|&i| !paired_a[i]) {
        found.push((ea[i], DisagreementKind::OnlyA, Some(i), None, String::new()));
    }
    for j in (0..b.len()).filter(|&j| !paired_b[j]) {
        found.push((eb[j], DisagreementKind::OnlyB, None, Some(j), String::new()));
    }
    crate::order::sort_by_key(&mut found, |f| f.0);
    out.extend(
        found
            .into_iter()
            .map(|(_, kind, i, j, detail)| Disagreement {
                document: doc.id.clone(),
                layer,
                kind,
                a: i.map(|i| side(a[i])),
                b: j.map(|j| side(b[j])),
                detail,
            }),
    );

    // Token kappa: tokens cut at every boundary of both versions.
    let spans: Vec<ByteSpan> = a.iter().chain(b).map(|x| x.span).collect();
    let tokens = cut_tokens(&doc.text, &boundaries(&spans));
    let la = token_labels(&tokens, a);
    let lb = token_labels(&tokens, b);
    for (x, y) in la.into_iter().zip(lb) {
        counts.tokens.add(x, y);
    }
}

/// Each token's label: the kind of the first annotation (by start, longer first)
/// covering it, or `O`.
fn token_labels(tokens: &[ByteSpan], anns: &[&Annotation]) -> Vec<&'static str> {
    let mut sorted: Vec<&Annotation> = anns.to_vec();
    crate::order::sort_by_key(&mut sorted, |x| {
        (x.span.start(), std::cmp::Reverse(x.span.end()))
    });
    let mut labels = vec!["O"; tokens.len()];
    let mut set = vec![false; tokens.len()];
    for x in sorted {
        let mut i = tokens.partition_point(|t| t.start() < x.span.start());
        while i < tokens.len() && tokens[i].end() <= x.span.end() {
            if !set[i] {
                set[i] = true;
                labels[i] = x.attrs.kind_name();
            }
            i += 1;
        }
    }
    labels
}

fn label(x: &Annotation, text: &str) -> String {
    let slice = |s: ByteSpan| s.slice(text).unwrap_or("").to_string();
    let kind = x.attrs.kind_name();
    match &x.attrs {
        Attrs::Actor(a) => format!("{kind} ({})", a.entity),
        Attrs::Date(d) => match &d.value {
            Some(v) => format!("{kind} = {v}"),
            None => kind.to_string(),
        },
        Attrs::Claim(c) => {
            let mut s = kind.to_string();
            if let Some(src) = c.source {
                s += &format!(", source {:?}", slice(src));
            }
            if let Some(cue) = c.cue {
                s += &format!(", cue {:?}", slice(cue));
            }
            if let Some(st) = c.stance {
                s += &format!(", {}", st.name());
            }
            s
        }
    }
}

/// The attributes that differ between two annotations of one layer, as
/// `name: A / B` items joined by `; `.
fn differences(a: &Annotation, b: &Annotation, text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut diff = |name: &str, x: String, y: String| {
        if x != y {
            out.push(format!("{name}: {x} / {y}"));
        }
    };
    let span = |s: Option<ByteSpan>| {
        s.map_or_else(
            || "none".to_string(),
            |s| format!("{:?}", s.slice(text).unwrap_or("")),
        )
    };
    diff(
        "kind",
        a.attrs.kind_name().into(),
        b.attrs.kind_name().into(),
    );
    match (&a.attrs, &b.attrs) {
        (Attrs::Actor(x), Attrs::Actor(y)) => diff("entity", x.entity.clone(), y.entity.clone()),
        (Attrs::Date(x), Attrs::Date(y)) => diff(
            "value",
            x.value.clone().unwrap_or_else(|| "none".into()),
            y.value.clone().unwrap_or_else(|| "none".into()),
        ),
        (Attrs::Claim(x), Attrs::Claim(y)) => {
            diff("source", span(x.source), span(y.source));
            diff("cue", span(x.cue), span(y.cue));
            let stance =
                |s: Option<crate::model::Stance>| s.map_or("none", |s| s.name()).to_string();
            diff("stance", stance(x.stance), stance(y.stance));
            let pieces = |f: &[ByteSpan]| {
                f.iter()
                    .map(|p| span(Some(*p)))
                    .collect::<Vec<_>>()
                    .join(" + ")
            };
            diff("pieces", pieces(&x.fragments), pieces(&y.fragments));
        }
        _ => {}
    }
    out.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, Origin};
    use crate::test_support::span_of;

    fn doc(spans: &[(&str, ActorKind, Status)]) -> Document {
        let text = "Armenia and Azerbaijan met the UN in Moscow.";
        let mut d = Document::new("d", text, None);
        for (s, kind, status) in spans {
            d.add(
                span_of(text, s),
                Attrs::Actor(ActorAttrs {
                    kind: *kind,
                    entity: s.to_string(),
                }),
                Origin::Auto,
                *status,
            );
        }
        d
    }

    #[test]
    fn identical_versions_agree_fully() {
        let a = doc(&[
            ("Armenia", ActorKind::Country, Status::Accepted),
            ("UN", ActorKind::Organisation, Status::Accepted),
        ]);
        let r = agree(
            std::slice::from_ref(&a),
            std::slice::from_ref(&a),
            &AgreeOptions::default(),
        )
        .unwrap();
        let actors = &r.layers[0];
        assert_eq!(
            (actors.strict.f1, actors.relaxed.f1, actors.kappa),
            (1.0, 1.0, 1.0)
        );
        assert!(r.disagreements.is_empty());
        // Layers with nothing on either side agree too.
        assert_eq!(r.layers[1].strict.f1, 1.0);
    }

    #[test]
    fn disagreements_are_listed_by_kind() {
        let a = doc(&[
            ("Armenia", ActorKind::Country, Status::Accepted),
            ("Azerbaijan", ActorKind::Country, Status::Accepted),
            ("the UN", ActorKind::Organisation, Status::Accepted),
            ("Moscow", ActorKind::Country, Status::Rejected),
        ]);
        let b = doc(&[
            ("Armenia", ActorKind::Group, Status::Accepted),
            ("UN", ActorKind::Organisation, Status::Suggested),
            ("Moscow", ActorKind::Country, Status::Accepted),
        ]);
        let r = agree(&[a], &[b], &AgreeOptions::default()).unwrap();
        let actors = &r.layers[0];
        assert_eq!((actors.a, actors.b), (3, 3));
        assert_eq!(actors.strict.tp, 1);
        assert_eq!(actors.relaxed.tp, 2);
        let kinds: Vec<DisagreementKind> = r.disagreements.iter().map(|d| d.kind).collect();
        use DisagreementKind::*;
        assert_eq!(kinds, [Attributes, OnlyA, Boundary, OnlyB]);
        assert_eq!(r.disagreements[0].detail, "kind: country / group");
        assert_eq!(r.disagreements[2].a.as_ref().unwrap().text, "the UN");
        assert!(actors.kappa < 1.0 && actors.kappa > -1.0);
        let suggested = [doc(&[("UN", ActorKind::Organisation, Status::Suggested)])];
        let accepted_only = AgreeOptions {
            include_suggestions: false,
        };
        let r = agree(&[doc(&[])], &suggested, &accepted_only).unwrap();
        assert_eq!(r.layers[0].b, 0);
    }

    #[test]
    fn versions_must_pair_up() {
        let a = doc(&[]);
        let mut other = doc(&[]);
        other.text.push('!');
        assert!(matches!(
            agree(std::slice::from_ref(&a), &[other], &AgreeOptions::default()),
            Err(AgreeError::TextDiffers { at: 44, .. })
        ));
        assert!(matches!(
            agree(std::slice::from_ref(&a), &[], &AgreeOptions::default()),
            Err(AgreeError::Unpaired { side: "A", .. })
        ));
        assert!(matches!(
            agree(&[a.clone(), a.clone()], &[a], &AgreeOptions::default()),
            Err(AgreeError::Duplicate { .. })
        ));
    }
}

//! brat standoff: per document a `.txt` with the exact text and an `.ann` with the
//! annotations, plus one `annotation.conf` declaring the types.
//!
//! - `T` lines: `Actor`, `Date` and `Claim` spans, and a claim's `Source` and `Cue`
//!   as spans of their own; a claim in pieces uses brat's `start end;start end`.
//! - `R` lines: `Source` and `Cue` relations from a claim to those spans.
//! - `A` lines: `Kind` (person, date, direct, ...), `Stance`, and the binary
//!   `Suggested` (an open suggestion) and `Manual` (made by a person).
//! - `N` lines: `Reference Tn TIMEX3:value` for date values, `Entity:name` for an
//!   actor's canonical entity (and a source's); the real value is the text field.
//!
//! Offsets are Python string offsets (code points) over the exact text, CRLF
//! included: a reader must open the `.txt` without newline translation (Python:
//! `open(path, encoding="utf-8", newline="")`), as brat itself does. The text
//! field of a `T` line cannot hold a line break or tab, so those are written as
//! spaces and compared the same way on import.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::edit::Kind;
use crate::model::{Attrs, Document, Origin, Stance, Status};
use crate::text::{ByteSpan, OffsetMap};

use super::draft::{finish, Draft, DraftAttrs, DraftItem};
use super::import::{ImportError, Notice, Place};
use super::labels::{self, Label};
use super::units::RawSpan;
use super::{exported, ExportOptions, FileNames, OutputFile};

/// The type declarations brat needs to show (and edit) the exported files.
pub fn annotation_conf() -> String {
    format!(
        "# claimlens: actors, dates and claims (source, cue, content)\n\
         [entities]\nActor\nDate\nClaim\nSource\nCue\n\n\
         [relations]\nSource\tArg1:Claim, Arg2:Source\nCue\tArg1:Claim, Arg2:Cue\n\
         <OVERLAP>\tArg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>\n\n\
         [events]\n\n\
         [attributes]\nKind\tArg:Actor|Date|Claim, Value:{}\nStance\tArg:Claim, Value:{}\n\
         Suggested\tArg:<ENTITY>\nManual\tArg:<ENTITY>\n",
        Kind::ALL.map(Kind::name).join("|"),
        Stance::ALL.map(Stance::name).join("|")
    )
}

/// Writes each document as `.txt` + `.ann`, and `annotation.conf`.
pub fn export(
    docs: &[Document],
    options: &ExportOptions,
    names: &mut FileNames,
) -> Vec<OutputFile> {
    let mut out = Vec::with_capacity(docs.len() * 2 + 1);
    for doc in docs {
        let stem = names.unique_stem(&doc.id);
        out.push(OutputFile::text(format!("{stem}.txt"), doc.text.clone()));
        out.push(OutputFile::text(format!("{stem}.ann"), ann(doc, options)));
    }
    out.push(OutputFile::text("annotation.conf", annotation_conf()));
    out
}

/// A `T` line's text field: the covered pieces joined by a space, on one line.
fn field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// The `.ann` file of one document.
pub fn ann(doc: &Document, options: &ExportOptions) -> String {
    let map = OffsetMap::new(&doc.text);
    let mut out = String::new();
    let (mut t, mut a, mut r, mut n) = (0u32, 0u32, 0u32, 0u32);
    let mut roles: HashMap<(ByteSpan, &str), u32> = HashMap::new();
    let mut tline = |out: &mut String, kind: &str, pieces: &[ByteSpan]| -> u32 {
        t += 1;
        let offsets: Vec<String> = pieces
            .iter()
            .map(|p| {
                let c = map
                    .to_chars(*p)
                    .map_or((0, 0), |c| (c.start().0, c.end().0));
                format!("{} {}", c.0, c.1)
            })
            .collect();
        let quoted: Vec<&str> = pieces
            .iter()
            .map(|p| p.slice(&doc.text).unwrap_or(""))
            .collect();
        let _ = writeln!(
            out,
            "T{t}\t{kind} {}\t{}",
            offsets.join(";"),
            field(&quoted.join(" "))
        );
        t
    };
    for ann in exported(doc, options) {
        let (kind, pieces) = match &ann.attrs {
            Attrs::Claim(c) if !c.fragments.is_empty() => ("Claim", c.fragments.clone()),
            attrs => (
                match attrs.layer() {
                    crate::model::Layer::Actor => "Actor",
                    crate::model::Layer::Date => "Date",
                    crate::model::Layer::Claim => "Claim",
                },
                vec![ann.span],
            ),
        };
        let id = tline(&mut out, kind, &pieces);
        a += 1;
        let _ = writeln!(out, "A{a}\tKind T{id} {}", ann.attrs.kind_name());
        if ann.status == Status::Suggested {
            a += 1;
            let _ = writeln!(out, "A{a}\tSuggested T{id}");
        }
        if ann.origin == Origin::Manual {
            a += 1;
            let _ = writeln!(out, "A{a}\tManual T{id}");
        }
        let mut reference = |out: &mut String, target: u32, db: &str, value: &str| {
            n += 1;
            let key: String = value.split_whitespace().collect::<Vec<_>>().join("_");
            let _ = writeln!(
                out,
                "N{n}\tReference T{target} {db}:{key}\t{}",
                field(value)
            );
        };
        match &ann.attrs {
            Attrs::Actor(x) => reference(&mut out, id, "Entity", &x.entity),
            Attrs::Date(x) => {
                if let Some(v) = &x.value {
                    reference(&mut out, id, "TIMEX3", v);
                }
            }
            Attrs::Claim(c) => {
                if let Some(s) = c.stance {
                    a += 1;
                    let _ = writeln!(out, "A{a}\tStance T{id} {}", s.name());
                }
                for (role, span) in [("Source", c.source), ("Cue", c.cue)] {
                    let Some(span) = span else { continue };
                    let target = match roles.get(&(span, role)) {
                        Some(&t) => t,
                        None => {
                            let t = tline(&mut out, role, &[span]);
                            roles.insert((span, role), t);
                            if role == "Source" {
                                if let Some(e) = &c.source_entity {
                                    reference(&mut out, t, "Entity", e);
                                }
                            }
                            t
                        }
                    };
                    r += 1;
                    let _ = writeln!(out, "R{r}\t{role} Arg1:T{id} Arg2:T{target}");
                }
            }
        }
    }
    out
}

/// brat compares the text field with line breaks and tabs read as spaces.
fn brat_quote(quoted: &str, covered: &str) -> bool {
    quoted == field(covered)
}

/// What a `T` line declares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TType {
    Actor,
    Date,
    Claim,
    Source,
    Cue,
}

/// One `T` line, with what the other lines say about it.
struct Entity {
    line: usize,
    ty: TType,
    label: Option<Label>,
    span: usize,
    kind: Option<String>,
    stance: Option<String>,
    suggested: bool,
    manual: bool,
    reference: Option<String>,
    source: Option<usize>,
    cue: Option<usize>,
    linked: bool,
}

/// Reads one document from its text and `.ann` contents; `file` names the `.ann`.
/// Notes (`#` lines) are counted in a notice, not read.
///
/// # Errors
/// A malformed line, an unknown type or value, a reference to a missing `T`, an
/// unlinked `Source`/`Cue`, or a span that does not fit the text; each with its line.
pub fn import(
    id: &str,
    text: &str,
    ann: &str,
    file: &str,
) -> Result<(Document, Vec<Notice>), ImportError> {
    let mut draft = Draft::new(id, text);
    draft.matches = brat_quote;
    let mut ents: Vec<Entity> = Vec::new();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    let mut later: Vec<(usize, &str)> = Vec::new();
    let mut notes = 0usize;
    for (i, raw) in ann.split('\n').enumerate() {
        let n = i + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.starts_with('#') {
            notes += 1;
            continue;
        }
        if line.trim().is_empty() {
            continue;
        }
        let err = |msg: String| ImportError::new(file, Place::line(n), msg);
        let mut parts = line.splitn(3, '\t');
        let (Some(tid), Some(body)) = (parts.next(), parts.next()) else {
            return Err(err("expected an id, a tab, then the annotation".into()));
        };
        if !tid.starts_with('T') {
            later.push((n, line));
            continue;
        }
        let quote = parts.next().map(str::to_string);
        let (ty_name, offsets) = body
            .split_once(' ')
            .ok_or_else(|| err("a T line is `Tn<TAB>Type start end<TAB>text`".into()))?;
        let (ty, label) = match ty_name.to_ascii_lowercase().as_str() {
            "actor" => (TType::Actor, None),
            "date" => (TType::Date, None),
            "claim" => (TType::Claim, None),
            "source" => (TType::Source, None),
            "cue" => (TType::Cue, None),
            _ => match labels::parse(ty_name) {
                Some(l @ Label::Actor(_)) => (TType::Actor, Some(l)),
                Some(l @ Label::Date(_)) => (TType::Date, Some(l)),
                Some(l @ Label::Claim(_)) => (TType::Claim, Some(l)),
                Some(Label::Source) => (TType::Source, None),
                Some(Label::Cue) => (TType::Cue, None),
                None => return Err(err(format!("unknown entity type {ty_name:?}"))),
            },
        };
        let mut pieces = Vec::new();
        for piece in offsets.split(';') {
            let mut nums = piece.split_whitespace().map(str::parse::<usize>);
            match (nums.next(), nums.next(), nums.next()) {
                (Some(Ok(a)), Some(Ok(b)), None) => pieces.push((a, b)),
                _ => {
                    return Err(err(format!(
                        "offsets {offsets:?} are not `start end[;start end]`"
                    )))
                }
            }
        }
        let span = draft.span(RawSpan {
            pieces,
            quote,
            place: Place::line(n),
        });
        if by_id.insert(tid, ents.len()).is_some() {
            return Err(err(format!("{tid} is defined twice")));
        }
        ents.push(Entity {
            line: n,
            ty,
            label,
            span,
            kind: None,
            stance: None,
            suggested: false,
            manual: false,
            reference: None,
            source: None,
            cue: None,
            linked: false,
        });
    }
    for (n, line) in later {
        let err = |msg: String| ImportError::new(file, Place::line(n), msg);
        let mut parts = line.splitn(3, '\t');
        let tid = parts.next().unwrap_or("");
        let body = parts.next().unwrap_or("");
        let value_field = parts.next();
        let words: Vec<&str> = body.split_whitespace().collect();
        let target = |w: &str| -> Result<usize, ImportError> {
            by_id
                .get(w.rsplit(':').next().unwrap_or(w))
                .copied()
                .ok_or_else(|| err(format!("{w} names no T annotation of this file")))
        };
        match tid.chars().next() {
            Some('A' | 'M') => {
                let (Some(name), Some(t)) = (words.first(), words.get(1)) else {
                    return Err(err("an A line is `An<TAB>Name Tn [value]`".into()));
                };
                let e = &mut ents[target(t)?];
                let value = words.get(2).map(|v| v.to_string());
                match name.to_ascii_lowercase().as_str() {
                    "kind" => e.kind = value,
                    "stance" => e.stance = value,
                    "suggested" => e.suggested = true,
                    "manual" => e.manual = true,
                    _ => return Err(err(format!("unknown attribute {name:?}"))),
                }
            }
            Some('N') => {
                let (Some(t), Some(reference)) = (words.get(1), words.get(2)) else {
                    return Err(err(
                        "an N line is `Nn<TAB>Reference Tn db:id<TAB>text`".into()
                    ));
                };
                let value = value_field
                    .map(str::to_string)
                    .or_else(|| reference.split_once(':').map(|(_, v)| v.to_string()));
                ents[target(t)?].reference = value;
            }
            Some('R') => {
                let (Some(name), Some(a1), Some(a2)) = (words.first(), words.get(1), words.get(2))
                else {
                    return Err(err("an R line is `Rn<TAB>Type Arg1:Tx Arg2:Ty`".into()));
                };
                let (from, to) = (target(a1)?, target(a2)?);
                let expect = match name.to_ascii_lowercase().as_str() {
                    "source" => TType::Source,
                    "cue" => TType::Cue,
                    _ => {
                        return Err(err(format!(
                            "unknown relation {name:?}; expected Source or Cue"
                        )))
                    }
                };
                if ents[from].ty != TType::Claim || ents[to].ty != expect {
                    return Err(err(format!(
                        "{name} must link a Claim (Arg1) to a {name} span (Arg2)"
                    )));
                }
                if expect == TType::Source {
                    ents[from].source = Some(to);
                } else {
                    ents[from].cue = Some(to);
                }
                ents[to].linked = true;
            }
            Some('E') => {
                return Err(err(
                    "brat events are not part of the claimlens scheme".into()
                ))
            }
            _ => return Err(err(format!("unknown annotation id {tid:?}"))),
        }
    }
    for e in &ents {
        let err = |msg: String| ImportError::new(file, Place::line(e.line), msg);
        let kind = e.kind.as_deref().unwrap_or("");
        let bad_kind = || err(format!("unknown kind {kind:?}"));
        let attrs = match e.ty {
            TType::Source | TType::Cue if e.linked => continue,
            TType::Source | TType::Cue => {
                return Err(err(
                    "a Source or Cue span must be linked to a Claim by an R line".into(),
                ))
            }
            TType::Actor => DraftAttrs::Actor {
                kind: match (kind, e.label) {
                    ("", Some(Label::Actor(k))) => k,
                    _ => labels::actor_kind(kind).ok_or_else(bad_kind)?,
                },
                entity: e.reference.clone(),
            },
            TType::Date => DraftAttrs::Date {
                kind: match (kind, e.label) {
                    ("", Some(Label::Date(k))) => k,
                    _ => labels::date_kind(kind).ok_or_else(bad_kind)?,
                },
                value: e.reference.clone(),
            },
            TType::Claim => DraftAttrs::Claim {
                kind: match (kind, e.label) {
                    ("", Some(Label::Claim(k))) => k,
                    _ => labels::claim_kind(kind).ok_or_else(bad_kind)?,
                },
                source: e.source.map(|s| ents[s].span),
                cue: e.cue.map(|c| ents[c].span),
                stance: match e.stance.as_deref() {
                    None => None,
                    Some(s) => {
                        Some(Stance::parse(s).ok_or_else(|| err(format!("unknown stance {s:?}")))?)
                    }
                },
                source_entity: e.source.and_then(|s| ents[s].reference.clone()),
            },
        };
        draft.items.push(DraftItem {
            span: e.span,
            attrs,
            origin: if e.manual {
                Origin::Manual
            } else {
                Origin::Auto
            },
            status: if e.suggested {
                Status::Suggested
            } else {
                Status::Accepted
            },
        });
    }
    let (doc, unit) = finish(draft, file)?;
    let mut notices: Vec<Notice> = unit.into_iter().collect();
    if notes > 0 {
        notices.push(Notice {
            file: file.to_string(),
            document: doc.id.clone(),
            message: format!(
                "{notes} note line(s) (#) have no place in claimlens and were not read"
            ),
        });
    }
    Ok((doc, notices))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorAttrs, ActorKind, ClaimAttrs, ClaimKind, DateAttrs, DateKind, Stance};
    use crate::test_support::span_of;

    #[test]
    fn ann_lines_follow_the_standoff_format() {
        let text = "\"We won\", 😀 Baku said on Sunday, \"again\".";
        let mut doc = Document::new("d", text, None);
        doc.add(
            span_of(text, "Baku"),
            Attrs::Actor(ActorAttrs {
                kind: ActorKind::Country,
                entity: "Azerbaijan government".into(),
            }),
            Origin::Manual,
            Status::Accepted,
        );
        doc.add(
            span_of(text, "Sunday"),
            Attrs::Date(DateAttrs {
                kind: DateKind::Date,
                value: Some("2020-09-27".into()),
            }),
            Origin::Auto,
            Status::Suggested,
        );
        let (a, b) = (span_of(text, "We won"), span_of(text, "again"));
        doc.add(
            a.hull(&b),
            Attrs::Claim(ClaimAttrs {
                kind: ClaimKind::Direct,
                source: Some(span_of(text, "Baku")),
                cue: Some(span_of(text, "said")),
                fragments: vec![a, b],
                stance: Some(Stance::Assert),
                source_entity: None,
            }),
            Origin::Auto,
            Status::Accepted,
        );
        let out = ann(&doc, &ExportOptions::default());
        let expected = "\
T1\tClaim 1 7;34 39\tWe won again
A1\tKind T1 direct
A2\tStance T1 assert
T2\tSource 12 16\tBaku
R1\tSource Arg1:T1 Arg2:T2
T3\tCue 17 21\tsaid
R2\tCue Arg1:T1 Arg2:T3
T4\tActor 12 16\tBaku
A3\tKind T4 country
A4\tManual T4
N1\tReference T4 Entity:Azerbaijan_government\tAzerbaijan government
T5\tDate 25 31\tSunday
A5\tKind T5 date
A6\tSuggested T5
N2\tReference T5 TIMEX3:2020-09-27\t2020-09-27
";
        assert_eq!(out, expected);
        let (back, notices) = import("d", text, &out, "d.ann").unwrap();
        assert!(notices.is_empty());
        assert_eq!(back.annotations.len(), 3);
        assert!(annotation_conf().contains("Kind\tArg:Actor|Date|Claim"));
    }

    #[test]
    fn unlinked_parts_and_unknown_types_are_refused_by_line() {
        let text = "Baku said no.";
        let noted = "#1\tAnnotatorNotes T1\tcheck\nT1\tActor 0 4\tBaku\n";
        let (_, notices) = import("d", text, noted, "d.ann").unwrap();
        assert!(notices[0].message.contains("1 note line"), "{notices:?}");
        let e = import("d", text, "T1\tSource 0 4\tBaku\n", "d.ann").unwrap_err();
        assert_eq!(
            (e.place.line, e.message.contains("linked")),
            (Some(1), true)
        );
        let e = import("d", text, "\nT1\tPlanet 0 4\tBaku\n", "d.ann").unwrap_err();
        assert_eq!(e.place.line, Some(2));
        let e = import(
            "d",
            text,
            "T1\tActor 0 4\tBaku\nA1\tKind T9 person\n",
            "d.ann",
        )
        .unwrap_err();
        assert!(e.message.contains("T9"), "{e}");
    }
}

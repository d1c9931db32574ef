//! The `claimlens` binary end to end: the `annotate` contract the evaluation relies
//! on (errors name file and line, exit codes, a bad input never loses the others'
//! output), `convert` through every format and back, and `agree`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/unicode.jsonl");

fn claimlens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimlens"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fresh scratch folder for one test.
fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "claimlens-cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

// ---------------------------------------------------------------- annotate

#[test]
fn annotate_jsonl_keeps_ids_and_texts() {
    let dir = scratch();
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"a\",\"text\":\"Baku said\\r\\nno 😀.\",\"dct\":\"2020-09-27\",\"extra\":1}\n\n{\"id\":7,\"text\":\"\"}\n",
    )
    .unwrap();
    let o = claimlens(&["annotate", "--jsonl", path(&input)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["text"], "Baku said\r\nno 😀.");
    assert_eq!(lines[1]["id"], "7");
}

#[test]
fn annotate_jsonl_bad_line_is_named_and_the_rest_is_written() {
    let dir = scratch();
    let input = dir.join("in.jsonl");
    let mut bytes = b"{\"id\":\"a\",\"text\":\"one\"}\n{\"id\":\"b\",\"text\":\n".to_vec();
    bytes
        .extend_from_slice(b"{\"id\":\"c\",\"text\":\"\xff\"}\n{\"id\":\"d\",\"text\":\"four\"}\n");
    std::fs::write(&input, bytes).unwrap();
    let o = claimlens(&["annotate", "--jsonl", path(&input)]);
    assert_eq!(o.status.code(), Some(1));
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    assert_eq!(ids, ["\"a\"", "\"d\""]);
    let err = stderr(&o);
    assert!(err.contains(&format!("{}:2:", path(&input))), "{err}");
    assert!(
        err.contains(&format!("{}:3: not valid UTF-8", path(&input))),
        "{err}"
    );
}

#[test]
fn annotate_files_missing_and_invalid_utf8() {
    let dir = scratch();
    let good = dir.join("good.txt");
    let bad = dir.join("bad.txt");
    std::fs::write(&good, "Armenia said no.").unwrap();
    std::fs::write(&bad, b"line one\nline \xc3\x28 two").unwrap();
    let missing = dir.join("missing.txt");
    let o = claimlens(&["annotate", path(&bad), path(&missing), path(&good)]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "the good file is still annotated");
    assert!(out.contains("\"id\":\"good\""));
    let err = stderr(&o);
    assert!(
        err.contains(&format!("{}:2: not valid UTF-8", path(&bad))),
        "{err}"
    );
    assert!(err.contains(path(&missing)), "{err}");
    let o = claimlens(&["annotate", "--jsonl", path(&missing)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(path(&missing)));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(claimlens(&[]).status.code(), Some(2));
    assert_eq!(claimlens(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(claimlens(&["annotate", "--bogus"]).status.code(), Some(2));
    assert_eq!(claimlens(&["convert", FIXTURE]).status.code(), Some(2));
    assert_eq!(
        claimlens(&["convert", FIXTURE, "--to", "xml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        claimlens(&["convert", FIXTURE, "--to", "json", "--from", "csv"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(claimlens(&["agree", FIXTURE]).status.code(), Some(2));
    let o = claimlens(&["help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("claimlens convert"));
}

// ---------------------------------------------------------------- convert

#[test]
fn every_importable_format_round_trips_through_the_cli() {
    for (format, out) in [
        ("jsonl", "x.jsonl"),
        ("brat", "x.zip"),
        ("doccano", "x.jsonl"),
        ("labelstudio", "x.json"),
        ("w3c", "x.zip"),
    ] {
        let dir = scratch();
        let exported = dir.join(out);
        let o = claimlens(&["convert", FIXTURE, "--to", format, "-o", path(&exported)]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        let back = claimlens(&["agree", FIXTURE, path(&exported), "--json"]);
        assert!(back.status.success(), "{format}: {}", stderr(&back));
        let v: serde_json::Value = serde_json::from_str(&stdout(&back)).unwrap();
        for layer in v["agreement"]["layers"].as_array().unwrap() {
            assert_eq!(layer["strict"]["f1"], 1.0, "{format}: {layer}");
            assert_eq!(layer["kappa"], 1.0, "{format}: {layer}");
        }
        // doccano keeps no attributes, so only span-level agreement is asked of it.
        if format != "doccano" {
            assert_eq!(
                v["agreement"]["disagreements"],
                serde_json::json!([]),
                "{format}"
            );
        }
    }
}

#[test]
fn native_round_trip_is_lossless() {
    let o = claimlens(&["convert", FIXTURE, "--to", "jsonl"]);
    assert!(o.status.success());
    let parse = |s: &str| -> Vec<serde_json::Value> {
        s.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let fixture = std::fs::read_to_string(FIXTURE).unwrap();
    assert!(parse(&stdout(&o)) == parse(&fixture), "{}", stdout(&o));
}

#[test]
fn archives_open_with_python_zipfile() {
    let dir = scratch();
    let zip = dir.join("brat.zip");
    let o = claimlens(&["convert", FIXTURE, "--to", "brat", "-o", path(&zip)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let script = "import sys, zipfile\n\
        z = zipfile.ZipFile(sys.argv[1])\n\
        assert z.testzip() is None\n\
        names = sorted(z.namelist())\n\
        print(' '.join(names))\n\
        t = z.read('crlf-combining.txt').decode('utf-8')\n\
        assert '\\r\\n' in t, repr(t)\n";
    match Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&zip)
        .output()
    {
        Ok(p) if p.status.success() || !stderr(&p).is_empty() => {
            assert!(p.status.success(), "python zipfile: {}", stderr(&p));
            assert_eq!(
                stdout(&p).trim(),
                "annotation.conf crlf-combining.ann crlf-combining.txt emoji-zwj.ann emoji-zwj.txt rtl.ann rtl.txt"
            );
        }
        // No python here: our own reader must at least agree.
        _ => {
            let files =
                claimlens_core::formats::archive::read(&std::fs::read(&zip).unwrap()).unwrap();
            assert_eq!(files.len(), 7);
        }
    }
}

#[test]
fn multi_file_exports_go_to_a_folder_or_need_an_output() {
    let dir = scratch();
    let o = claimlens(&["convert", FIXTURE, "--to", "html"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "three reports cannot go to stdout"
    );
    let folder = dir.join("reports");
    let o = claimlens(&["convert", FIXTURE, "--to", "html", "-o", path(&folder)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["crlf-combining.html", "emoji-zwj.html", "rtl.html"]);
    // The folder reads back as brat too.
    let bratdir = dir.join("brat");
    assert!(
        claimlens(&["convert", FIXTURE, "--to", "brat", "-o", path(&bratdir)])
            .status
            .success()
    );
    let o = claimlens(&["convert", path(&bratdir), "--to", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 3);
}

#[test]
fn html_report_is_escaped_and_has_no_script() {
    let dir = scratch();
    let folder = dir.join("html");
    assert!(
        claimlens(&["convert", FIXTURE, "--to", "html", "-o", path(&folder)])
            .status
            .success()
    );
    let html = std::fs::read_to_string(folder.join("rtl.html")).unwrap();
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(
        html.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;"),
        "the text's markup is shown, not run"
    );
    assert!(html.contains("Who claimed what, when"));
    assert!(html.contains("dir=\"auto\""));
}

#[test]
fn csv_cells_cannot_become_formulas() {
    let dir = scratch();
    let hostile = dir.join("hostile.json");
    std::fs::write(
        &hostile,
        r#"{"id":"=cmd|' /C calc'!A0","text":"+cmd said \"=SUM(A1)\" @x -5","dates":[{"start":24,"end":26,"text":"-5"}],"claims":[{"start":11,"end":19,"text":"=SUM(A1)","source":{"start":0,"end":4,"text":"+cmd"},"cue":{"start":5,"end":9,"text":"said"},"source_entity":"@x","status":"accepted"}]}"#,
    )
    .unwrap();
    let o = claimlens(&["convert", FIXTURE, path(&hostile), "--to", "csv"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("'=SUM(A1)"), "{}", stdout(&o));
    assert!(stdout(&o).contains("'-5"), "{}", stdout(&o));
    let csv = stdout(&o);
    assert!(csv.starts_with("document,claim_id,status,source"));
    // No field may start with a formula character once quoting is taken off.
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = csv.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',' | '\n', false) => fields.push(std::mem::take(&mut cur)),
            ('\r', false) => {}
            _ => cur.push(c),
        }
    }
    assert!(fields.len() > 12);
    for f in &fields {
        assert!(!f.starts_with(['=', '+', '-', '@', '\t', '\r']), "{f:?}");
    }
}

#[test]
fn spacy_export_rebuilds_the_text_from_tokens() {
    let o = claimlens(&["convert", FIXTURE, "--to", "spacy"]);
    assert!(o.status.success());
    for line in stdout(&o).lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = v["text"].as_str().unwrap();
        let chars: Vec<char> = text.chars().collect();
        let mut rebuilt = String::new();
        for t in v["tokens"].as_array().unwrap() {
            rebuilt.push_str(t["text"].as_str().unwrap());
            if t["ws"] == true {
                rebuilt.push(' ');
            }
        }
        assert_eq!(rebuilt, text);
        for s in v["spans"].as_array().unwrap() {
            let (a, b) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            let first = &v["tokens"][s["token_start"].as_u64().unwrap() as usize];
            let last = &v["tokens"][s["token_end"].as_u64().unwrap() as usize];
            assert_eq!(
                (first["start"].as_u64(), last["end"].as_u64()),
                (Some(a as u64), Some(b as u64))
            );
            assert!(!chars[a..b].is_empty());
        }
    }
}

#[test]
fn conll_names_its_scheme() {
    let o = claimlens(&["convert", FIXTURE, "--to", "conll"]);
    let out = stdout(&o);
    assert!(out.contains("scheme = IOB2"));
    assert!(out.contains("Armenia\t"));
    assert!(out.contains("\tB-COUNTRY\t"));
}

// ---------------------------------------------------------------- import errors

#[test]
fn a_misfit_span_is_reported_with_file_and_line() {
    let dir = scratch();
    std::fs::write(dir.join("d.txt"), "Armenia said no.").unwrap();
    std::fs::write(
        dir.join("d.ann"),
        "T1\tActor 0 7\tArmenia\nT2\tDate 1 8\tArmenia\n",
    )
    .unwrap();
    let ann = dir.join("d.ann");
    let o = claimlens(&[
        "convert",
        path(&dir.join("d.txt")),
        path(&ann),
        "--to",
        "jsonl",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty(), "nothing partial is written");
    assert!(
        stderr(&o).contains(&format!("{}:2: span 1..8", path(&ann))),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_utf16_doccano_file_is_detected_and_said() {
    let dir = scratch();
    let f = dir.join("js.jsonl");
    // "Baku" after an emoji: UTF-16 offsets 3..7, code points 2..6.
    std::fs::write(
        &f,
        "{\"id\":1,\"text\":\"😀 Baku said 😀 no\",\"entities\":[{\"id\":1,\"label\":\"COUNTRY\",\"start_offset\":3,\"end_offset\":7}],\"relations\":[]}\n",
    )
    .unwrap();
    let o = claimlens(&["convert", path(&f), "--to", "jsonl"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("UTF-16"), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["actors"][0]["text"], "Baku");
    assert_eq!(v["actors"][0]["start"], 2);
}

#[test]
fn agree_prints_a_table_and_lists_disagreements() {
    let dir = scratch();
    let changed = dir.join("b.jsonl");
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    // B calls Armenia a group instead of a country.
    std::fs::write(
        &changed,
        text.replacen("\"kind\": \"country\"", "\"kind\": \"group\"", 1),
    )
    .unwrap();
    let o = claimlens(&["agree", FIXTURE, path(&changed)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("strict P"), "{out}");
    assert!(out.contains("disagreements: 1"), "{out}");
    assert!(out.contains("Attributes"), "{out}");
    assert!(out.contains("kind: country / group"), "{out}");
    let other = dir.join("other.jsonl");
    std::fs::write(&other, "{\"id\":\"emoji-zwj\",\"text\":\"different\"}\n").unwrap();
    let o = claimlens(&["agree", FIXTURE, path(&other)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("in A only") || stderr(&o).contains("different texts"),
        "{}",
        stderr(&o)
    );
}

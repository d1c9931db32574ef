#!/usr/bin/env bash
# Loads claimlens's spaCy/Prodigy export with the real spaCy package and checks that
# Doc.char_span finds every span, with the right text and tokens, on documents with
# emoji (ZWJ sequences, flags), combining marks, CRLF and right-to-left text.
#
# Run from anywhere; works from the repository root. The virtualenv under .tools/venv
# (gitignored) is made once and reused; a blank English pipeline, spacy.blank("en"),
# needs no model download. Exits non-zero on failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

VENV=.tools/venv
FIXTURE=crates/cli/tests/fixtures/unicode.jsonl

if ! "$VENV/bin/python" -c 'import spacy' 2>/dev/null; then
    echo "spacy-load: setting up $VENV with spaCy from PyPI (once)"
    if ! python3 -m venv "$VENV" 2>/dev/null; then
        # Debian splits venv out of python3; install it when we can.
        if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
            apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
            rm -rf "$VENV"
            python3 -m venv "$VENV"
        else
            echo "spacy-load: FAIL: python3 -m venv does not work (install python3-venv)" >&2
            exit 1
        fi
    fi
    "$VENV/bin/pip" install --quiet --disable-pip-version-check spacy
fi

cargo build --quiet --release -p claimlens-cli
BIN=${CARGO_TARGET_DIR:-target}/release/claimlens

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
"$BIN" convert "$FIXTURE" --to spacy -o "$WORK/docs.spacy.jsonl" 2>/dev/null

"$VENV/bin/python" - "$WORK/docs.spacy.jsonl" <<'PY'
import json
import sys

import spacy
from spacy.tokens import Doc

nlp = spacy.blank("en")
problems, spans, docs = [], 0, 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        task = json.loads(line)
        docs += 1
        text = task["text"]
        name = task.get("meta", {}).get("id", f"line {docs}")
        words = [t["text"] for t in task["tokens"]]
        spaces = [t["ws"] for t in task["tokens"]]
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        if doc.text != text:
            problems.append(f"{name}: the tokens do not rebuild the text")
            continue
        for t in task["tokens"]:
            if doc[t["id"]].idx != t["start"] or doc[t["id"]].idx + len(doc[t["id"]].text) != t["end"]:
                problems.append(f"{name}: token {t['id']} {t['text']!r} is not at {t['start']}..{t['end']}")
        for s in task["spans"]:
            spans += 1
            found = doc.char_span(s["start"], s["end"], label=s["label"])
            want = text[s["start"]:s["end"]]
            if found is None:
                problems.append(f"{name}: char_span({s['start']}, {s['end']}) found nothing for {want!r}")
            elif found.text != want or found.start != s["token_start"] or found.end - 1 != s["token_end"]:
                problems.append(f"{name}: span {s['start']}..{s['end']} gave {found.text!r} "
                                f"tokens {found.start}..{found.end - 1}, expected {want!r} "
                                f"tokens {s['token_start']}..{s['token_end']}")
if problems or spans == 0:
    for p in problems or ["no spans in the export"]:
        print("spacy-load: FAIL:", p)
    sys.exit(1)
print(f"spacy-load: PASS: spaCy {spacy.__version__} Doc.char_span found all {spans} spans "
      f"of {docs} documents with the right text and tokens")
PY

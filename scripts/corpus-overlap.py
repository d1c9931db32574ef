#!/usr/bin/env python3
"""Flags project text that repeats a development corpus word for word.

The corpora in ../shared are for measuring only; fixtures, comments and word lists
must be our own words. This lists every run of N words (default 8, case and
punctuation ignored) in the repository's source, data, docs and specs that also
occurs in a corpus text. Names of real organisations and places will show up: they
are facts, not copied sentences, and are left to the reader's judgement.

usage: scripts/corpus-overlap.py [N]      (exits 0 with a note when ../shared is absent)
"""
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPORA = os.path.join(ROOT, "..", "shared", "corpus", "*.jsonl")
SKIP = ("/target", "/node_modules", "/.git", "/dist", "fuzz/corpus", "fuzz/artifacts")
KINDS = (".rs", ".txt", ".mjs", ".js", ".md", ".json", ".html", ".tsv", ".csv")


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower())


def runs(seq, n):
    return (" ".join(seq[i : i + n]) for i in range(len(seq) - n + 1))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 8
    files = glob.glob(CORPORA)
    if not files:
        print("corpus-overlap: no ../shared/corpus here; nothing to compare")
        return 0
    corpus = set()
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                corpus.update(runs(words(json.loads(line).get("text", "")), n))
    hits = 0
    for folder, _, names in os.walk(ROOT):
        if any(s in folder for s in SKIP):
            continue
        for name in names:
            if not name.endswith(KINDS):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, encoding="utf-8") as f:
                    own = words(f.read())
            except (UnicodeDecodeError, OSError):
                continue
            for run in sorted(set(runs(own, n)) & corpus):
                hits += 1
                print(f"{os.path.relpath(path, ROOT)}: {run}")
    print(f"corpus-overlap: {hits} runs of {n} words shared with the corpora")
    return 0


if __name__ == "__main__":
    sys.exit(main())

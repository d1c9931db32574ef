#!/usr/bin/env bash
# Checks the service worker's precache list (scripts/precache.sh) against the release
# build in dist/:
# - on a copy of dist/, the generator lists every file with its SHA-256 and nothing
#   else, stamps the same version into sw.js, gives the same version when run again,
#   and a new version when any file changes;
# - when the build already ships a service worker (dist/sw.js), its dist/precache.json
#   must be current: every file listed with its hash, the version stamped into sw.js.
# Skips (exit 0) when dist/ does not exist yet. Run from anywhere; works from the repo root.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ ! -d dist ]; then
  echo "precache: no dist/ yet (build the release first); skipped"
  exit 0
fi

fail() {
  echo "precache: FAIL: $*" >&2
  exit 1
}

version_of() { sed -n 's/^{"version": "\([0-9a-f]*\)".*/\1/p' "$1/precache.json"; }

# Every file of $1 but sw.js and precache.json is listed with its hash, nothing else
# is, and sw.js carries the list's version.
check_listed() {
  local dir="$1" n=0 rel hash file
  [ -f "$dir/precache.json" ] || fail "$dir/precache.json is missing"
  while IFS= read -r -d '' file; do
    rel="${file#"$dir"/}"
    case "$rel" in sw.js | precache.json) continue ;; esac
    hash="$(sha256sum -- "$file" | cut -d' ' -f1)"
    grep -qF "{\"url\": \"$rel\", \"sha256\": \"$hash\"}" "$dir/precache.json" ||
      fail "$rel (sha256 $hash) is not listed in $dir/precache.json"
    n=$((n + 1))
  done < <(find "$dir" -type f -print0)
  local listed
  listed="$(grep -c '^{"url": ' "$dir/precache.json" || true)"
  [ "$listed" -eq "$n" ] || fail "$dir/precache.json lists $listed files, the directory has $n"
  local v
  v="$(version_of "$dir")"
  [ -n "$v" ] || fail "$dir/precache.json has no version"
  grep -q "^const VERSION = '$v';" "$dir/sw.js" || fail "$dir/sw.js does not carry version $v"
  if command -v node >/dev/null; then
    node -e 'JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"))' "$dir/precache.json" ||
      fail "$dir/precache.json is not valid JSON"
  fi
  echo "precache: $dir: all $n files listed, version $v"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp -R dist/. "$tmp/"
if [ ! -f "$tmp/sw.js" ]; then
  echo "precache: dist/ has no sw.js (the service worker is not wired into the build yet); checking with assets/sw.js"
  cp assets/sw.js "$tmp/sw.js"
fi

scripts/precache.sh "$tmp" >/dev/null
check_listed "$tmp"
first="$(version_of "$tmp")"
scripts/precache.sh "$tmp" >/dev/null
[ "$(version_of "$tmp")" = "$first" ] || fail "running the generator twice changed the version"
echo "/* changed */" >>"$tmp/index.html"
scripts/precache.sh "$tmp" >/dev/null
check_listed "$tmp"
[ "$(version_of "$tmp")" != "$first" ] || fail "a changed file did not change the version"

if [ -f dist/sw.js ]; then
  check_listed dist
else
  echo "precache: dist/sw.js absent, so the build's own list was not checked"
fi
echo "precache: ok"

#!/usr/bin/env bash
# Writes the service worker's precache list for a finished build and stamps the build's
# version into its sw.js. Run after `trunk build` (as the last Trunk post_build hook,
# or by hand):
#
#   scripts/precache.sh [DIR]      DIR: the build directory; default $TRUNK_STAGING_DIR, else dist
#
# DIR/precache.json lists every file of DIR (but sw.js and precache.json themselves),
# one a line, with its SHA-256:
#   {"version": "<16 hex>", "files": [
#   {"url": "index.html", "sha256": "<64 hex>"},
#   ...]}
# The version is a hash of that list, so it changes exactly when some file changes;
# it replaces the value of `const VERSION = '...';` in DIR/sw.js, which is how the
# browser learns there is a new build. Needs only bash and coreutils. Idempotent.
set -euo pipefail

dir="${1:-${TRUNK_STAGING_DIR:-dist}}"
dir="${dir%/}"
sw="$dir/sw.js"
if [ ! -d "$dir" ]; then
  echo "precache: no build directory $dir: run trunk build first" >&2
  exit 1
fi
if ! grep -q "^const VERSION = '[^']*';" "$sw" 2>/dev/null; then
  echo "precache: $sw is missing or has no \"const VERSION = '...';\" line: copy assets/sw.js into the build (see Trunk.toml)" >&2
  exit 1
fi

# Escapes a path for a JSON string.
json_string() {
  local s="$1"
  s="${s//\\/\\\\}"
  s="${s//\"/\\\"}"
  printf '"%s"' "$s"
}

entries=()
while IFS= read -r -d '' file; do
  rel="${file#"$dir"/}"
  case "$rel" in
    sw.js | precache.json) continue ;;
  esac
  if [[ "$rel" == *$'\n'* ]]; then
    echo "precache: file name with a line break: $rel" >&2
    exit 1
  fi
  hash="$(sha256sum -- "$file" | cut -d' ' -f1)"
  entries+=("{\"url\": $(json_string "$rel"), \"sha256\": \"$hash\"}")
done < <(find "$dir" -type f -print0 | LC_ALL=C sort -z)

if [ "${#entries[@]}" -eq 0 ]; then
  echo "precache: $dir holds no file to precache" >&2
  exit 1
fi

version="$(printf '%s\n' "${entries[@]}" | sha256sum | cut -c1-16)"
{
  printf '{"version": "%s", "files": [\n' "$version"
  last=$((${#entries[@]} - 1))
  for i in "${!entries[@]}"; do
    if [ "$i" -lt "$last" ]; then printf '%s,\n' "${entries[$i]}"; else printf '%s\n' "${entries[$i]}"; fi
  done
  printf ']}\n'
} >"$dir/precache.json.tmp"
mv "$dir/precache.json.tmp" "$dir/precache.json"

sed -i "s/^const VERSION = '[^']*';/const VERSION = '$version';/" "$sw"
echo "precache: ${#entries[@]} files, version $version, written to $dir/precache.json and $sw"

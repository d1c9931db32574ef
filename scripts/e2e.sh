#!/usr/bin/env bash
# Serves the release build (dist/) on a free localhost port and runs the end-to-end
# specs against it (node's test runner + playwright-core + Debian Chromium), then stops
# the server. Build first: trunk build --release --offline.
# With arguments, runs only those spec files: scripts/e2e.sh tests/e2e/offline.test.mjs
set -euo pipefail
cd "$(dirname "$0")/.."

[ -f dist/index.html ] || { echo "e2e: no dist/index.html; run trunk build --release --offline" >&2; exit 1; }
port_file="$(mktemp)"
node scripts/serve.mjs dist --port 0 --port-file "$port_file" &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$port_file"' EXIT
for _ in $(seq 100); do
  [ -s "$port_file" ] && break
  kill -0 "$server" 2>/dev/null || { echo "e2e: the server did not start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$port_file" ] || { echo "e2e: the server did not report its port" >&2; exit 1; }
export CLAIMLENS_URL="http://127.0.0.1:$(cat "$port_file")/"
echo "e2e: testing $CLAIMLENS_URL"
log="$(mktemp)"
trap 'kill "$server" 2>/dev/null || true; rm -f "$port_file" "$log"' EXIT
if [ $# -gt 0 ]; then specs=("$@"); else specs=(tests/e2e/*.test.mjs); fi
node --test "${specs[@]}" 2>&1 | tee "$log" && exit 0
# A spec that fails is run once more on its own, and said loudly: a spec that only
# passes on retry is a known intermittent failure to fix, not a pass to forget.
failed="$(grep -oE "location: '[^']+\.test\.mjs" "$log" | sed "s/^location: '//" | sort -u)"
[ -n "$failed" ] || exit 1
echo "e2e: retrying failed spec files once:" $failed
node --test $failed || exit 1
echo "e2e: FLAKY: these spec files failed once and passed on retry:" $failed >&2

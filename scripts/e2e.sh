#!/usr/bin/env bash
# Serves the release build (dist/) on a free localhost port and runs the end-to-end
# specs against it (node's test runner + playwright-core + Debian Chromium), then stops
# the server. Build first: trunk build --release --offline.
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
node --test tests/e2e/*.test.mjs

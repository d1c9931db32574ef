#!/usr/bin/env bash
# Prints the transfer size of the built app (every file in dist/, raw and gzip -9)
# against the 350 KB budget of issue 9. It reports and does not fail: the budget is
# tracked in the issue, and a number in every `make test` keeps it visible.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d dist ] || { echo "size-report: no dist/ (run trunk build --release --offline); skipped"; exit 0; }
budget=$((350 * 1000))
total_raw=0
total_gz=0
printf '%-48s %10s %10s\n' file raw gzip
for f in dist/*; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-48s %10d %10d\n' "${f#dist/}" "$raw" "$gz"
done
printf '%-48s %10d %10d\n' total "$total_raw" "$total_gz"
if [ "$total_gz" -le "$budget" ]; then
  echo "size-report: within budget ($total_gz of $budget bytes gzipped)"
else
  echo "size-report: OVER budget by $((total_gz - budget)) bytes ($total_gz of $budget gzipped)"
fi

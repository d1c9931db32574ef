#!/usr/bin/env bash
# Runs every executable tests/scripts/*.sh (checks other parts of the project drop in:
# size budget, model loading, ...) from the repository root; fails if any fails.
set -euo pipefail
cd "$(dirname "$0")/.."

failed=()
shopt -s nullglob
for check in tests/scripts/*.sh; do
  [ -x "$check" ] || continue
  echo "== $check"
  if ! "./$check"; then failed+=("$check"); fi
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "failed checks: ${failed[*]}" >&2
  exit 1
fi

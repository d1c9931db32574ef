#!/usr/bin/env bash
# Installs what claimlens needs, and only what is missing, on Debian (as root, or with
# sudo). Quick when everything is present: each tool's version is checked first.
#
#   scripts/install.sh run    # build tools: Rust + wasm target, trunk, wasm-bindgen-cli,
#                             # node + npm packages (wasm-opt from npm binaryen)
#   scripts/install.sh test   # the above, plus rustfmt/clippy, Chromium and chromedriver
#
# Versions: trunk is pinned below; wasm-bindgen-cli must equal the wasm-bindgen in
# Cargo.lock (read from it); npm packages come from package-lock.json (`npm ci`).
set -euo pipefail

mode="${1:-run}"
case "$mode" in run | test) ;; *)
  echo "usage: $0 run|test" >&2
  exit 2
  ;;
esac
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION="$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)"
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '[install] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "[install] need root (or sudo) to run: $*" >&2
    exit 1
  fi
}

apt_updated=""
# Installs the Debian packages among "$@" that are not installed yet.
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  say "apt-get install ${missing[*]}"
  if [ -z "$apt_updated" ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# C toolchain for crates with native parts (trunk's TLS and compression), git for cargo.
command -v cc >/dev/null 2>&1 && command -v pkg-config >/dev/null 2>&1 && command -v curl >/dev/null 2>&1 \
  || apt_install build-essential pkg-config libssl-dev curl ca-certificates git

if ! command -v cargo >/dev/null 2>&1; then
  say "Rust is missing: installing it with rustup (stable, minimal profile)"
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$mode" = test ]; then
  for component in rustfmt clippy; do
    rustup component list --installed | grep -q "^$component" || {
      say "rustup component add $component"
      rustup component add "$component"
    }
  done
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "cargo install trunk $TRUNK_VERSION (takes several minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes several minutes)"
  # Not --locked: the published lock file of this version does not build here.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || apt_install nodejs npm

# npm ci when node_modules does not match package-lock.json (a stamp records the match).
stamp=node_modules/.claimlens-lock.json
if ! cmp -s package-lock.json "$stamp"; then
  say "npm ci (wasm-opt from binaryen, playwright-core)"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi

if [ "$mode" = test ]; then
  # Debian's Chromium drives both browser layers; Playwright never downloads a browser.
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || apt_install chromium chromium-driver
fi

say "ready ($mode): $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -n1), node $(node --version)"

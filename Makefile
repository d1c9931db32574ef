# claimlens: two commands.
#   make run    install what is missing, build the release, serve it on http://127.0.0.1:8080
#   make test   install what is missing, then every check: format, lint, native tests,
#               browser component tests, release build, end-to-end specs, drop-in checks
# Installs live in scripts/install.sh (idempotent, quick when everything is present).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

HOST ?= 127.0.0.1
PORT ?= 8080

# The browser component tests (tests/*.rs) run in headless Chromium via chromedriver;
# chromedriver's Chromium flags are in webdriver.json.
WASM_TEST_ENV := CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=300

.PHONY: run test build install install-test lint native-test wasm-test e2e checks corpus-overlap

run: install build
	node scripts/serve.mjs dist --host $(HOST) --port $(PORT)

test: install-test lint native-test wasm-test build e2e checks
	@echo "make test: all layers passed"

install:
	scripts/install.sh run

install-test:
	scripts/install.sh test

build:
	trunk build --release --offline

lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -p claimlens-app --all-targets -- -D warnings

native-test:
	cargo test --workspace

wasm-test:
	$(WASM_TEST_ENV) cargo test --target wasm32-unknown-unknown -p claimlens-app

e2e:
	scripts/e2e.sh

checks:
	scripts/run-checks.sh

# For maintainers with ../shared beside the clone: project text that repeats a
# development corpus word for word (not part of `make test`: a user's clone has no corpora).
corpus-overlap:
	scripts/corpus-overlap.py

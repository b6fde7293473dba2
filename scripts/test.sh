#!/usr/bin/env bash
# Sets up what is missing and runs every test: formatting and lints, native
# tests (types, backend, contract), component tests in headless Chromium, and
# end-to-end tests of the release build against the real backend.
set -euo pipefail
"$(dirname "$0")/setup.sh"
source "$(dirname "$0")/env.sh"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all --check

step "lints"
cargo clippy --locked -p ntm-types -p ntm-views -p ntm-server --all-targets --quiet -- -D warnings
cargo clippy --locked -p ntm-web --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "native tests: shared types, backend (SQLite and, on a throwaway MariaDB, NukeViet), contract"
# Stopped at the end unless it was running before (someone's own session).
if ! "$ROOT/scripts/mariadb.sh" status; then
  trap '"$ROOT/scripts/mariadb.sh" stop' EXIT
fi
# The end-to-end tests' `nukeviet` project uses it too.
NTM_TEST_MARIADB=$("$ROOT/scripts/mariadb.sh" start)
export NTM_TEST_MARIADB
# The small-disk test mounts a tmpfs in a namespace of its own (unshare).
NTM_REQUIRE_MARIADB=1 NTM_REQUIRE_SMALL_DISK=1 cargo test --locked -p ntm-types -p ntm-views -p ntm-server

step "component tests in headless Chromium"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test --locked -p ntm-web --target wasm32-unknown-unknown

step "end to end: release build against the reference backend (its own database, and a NukeViet site's)"
"$ROOT/scripts/build.sh"
cargo build --locked -p ntm-server --quiet
npx playwright test --config tests/e2e/playwright.config.ts

#!/usr/bin/env bash
# Installs whatever is missing for building, running and testing the product.
# Idempotent: every step checks first, so a second run takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
WASM_BINDGEN_VERSION=${WASM_BINDGEN_VERSION:-0.2.130}

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

# rust-toolchain.toml pins 1.95.0. Where that is the machine's stable compiler
# but rustup knows it only as "stable" (and cannot download it again), the
# same toolchain is given the pinned name, before rustup is asked anything
# here: asked first, it would try to fetch 1.95.0.
PINNED=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
RUSTUP_DIR=${RUSTUP_HOME:-$HOME/.rustup}
HOST=$(cd / && rustc -vV | sed -n 's/^host: //p')
if [ ! -e "$RUSTUP_DIR/toolchains/$PINNED-$HOST" ] && [ -d "$RUSTUP_DIR/toolchains/stable-$HOST" ] \
   && "$RUSTUP_DIR/toolchains/stable-$HOST/bin/rustc" --version | grep -q "^rustc $PINNED "; then
  log "naming the stable toolchain $PINNED, as rust-toolchain.toml asks"
  ln -s "$RUSTUP_DIR/toolchains/stable-$HOST" "$RUSTUP_DIR/toolchains/$PINNED-$HOST"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm is built with its own std (scripts/wasm-release-env.sh).
if ! rustup component list --installed | grep -qx 'rust-src'; then
  log "adding the rust-src component"
  rustup component add rust-src
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  # Not --locked: the published lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
command -v brotli >/dev/null || need_apt+=(brotli)
# pdftotext reads the demo PDFs back in the backend's tests.
command -v pdftotext >/dev/null || need_apt+=(poppler-utils)
# The NukeViet mode's tests run against a real MariaDB, started by
# scripts/mariadb.sh as a throwaway process (never the system service).
command -v mariadbd >/dev/null || need_apt+=(mariadb-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# npm tools live in node_modules/ (ignored by git): wasm-opt from binaryen, esbuild, Playwright, axe-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] || [ ! -d node_modules/@playwright/test ] \
   || [ package-lock.json -nt node_modules/.stamp ]; then
  log "installing npm tools (binaryen@$BINARYEN_VERSION, esbuild, Playwright, axe-core)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  touch node_modules/.stamp
fi

log "toolchain ready"

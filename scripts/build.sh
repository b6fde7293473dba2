#!/usr/bin/env bash
# Release build of the front end into dist/, with .br and .gz copies of the
# wasm, js and css for the server to send as they are. Skipped when dist/ is
# newer than every source it is built from.
set -euo pipefail
source "$(dirname "$0")/env.sh"

stamp=dist/.build-stamp
sources=(src types/src style public index.html Cargo.toml Cargo.lock Trunk.toml types/Cargo.toml)
if [ -f "$stamp" ] && [ -z "$(find "${sources[@]}" -newer "$stamp" -print -quit)" ]; then
  echo "[build] dist/ is up to date"
  exit 0
fi

echo "[build] trunk build --release"
cargo fetch --locked --quiet
trunk build --release --offline

for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  brotli -f -k -q 11 "$f"
  gzip -f -k -9 "$f"
done
touch "$stamp"
echo "[build] dist/ ready"

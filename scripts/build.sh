#!/usr/bin/env bash
# Release build of the front end into dist/, with .br and .gz copies of the
# wasm, js and css for the server to send as they are. Skipped when dist/ is
# newer than every source it is built from.
set -euo pipefail
source "$(dirname "$0")/env.sh"

stamp=dist/.build-stamp
sources=(src types/src style public index.html Cargo.toml Cargo.lock Trunk.toml types/Cargo.toml vendor)
if [ -f "$stamp" ] && [ -z "$(find "${sources[@]}" -newer "$stamp" -print -quit)" ]; then
  echo "[build] dist/ is up to date"
  exit 0
fi

echo "[build] trunk build --release"
cargo fetch --locked --quiet
trunk build --release --offline

# The service worker learns this release's files and version (see public/sw.js).
shell=$(cd dist && ls -1 *.wasm *.js *.css | grep -v '^sw\.js$' | sed "s|^|'/|; s|$|'|" | paste -sd, -)
version=$(printf '%s' "$shell" | sha256sum | cut -c1-16)
sed -i "s|__VERSION__|$version|; s|/\*__SHELL__\*/|, $shell|" dist/sw.js

for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  [ "$f" = dist/sw.js ] && continue
  brotli -f -k -q 11 "$f"
  gzip -f -k -9 "$f"
done
touch "$stamp"
echo "[build] dist/ ready"

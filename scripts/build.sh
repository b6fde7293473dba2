#!/usr/bin/env bash
# Release build of the front end into dist/, with .br and .gz copies of the
# wasm, js and css for the server to send as they are. Skipped when dist/ is
# newer than every source it is built from.
set -euo pipefail
source "$(dirname "$0")/env.sh"

stamp=dist/.build-stamp
sources=(src types/src views/src views/Cargo.toml style public index.html Cargo.toml Cargo.lock rust-toolchain.toml Trunk.toml types/Cargo.toml vendor scripts/build.sh scripts/minify.mjs scripts/csp-meta.mjs scripts/wasm-release-env.sh .cargo)
if [ -f "$stamp" ] && [ -z "$(find "${sources[@]}" -newer "$stamp" -print -quit)" ]; then
  echo "[build] dist/ is up to date"
  exit 0
fi

echo "[build] trunk build --release"
source scripts/wasm-release-env.sh
cargo fetch --locked --quiet --target wasm32-unknown-unknown
trunk build --release --offline

# A page that comes with its first view (server/src/first_view.rs) shows it,
# pictures included, before the app's code takes the line: on a slow line the
# picture would otherwise share it with the wasm. So the boot script waits for
# the page's load, its loaded pictures decoded and painted; at most 3 s, so a
# slow picture cannot hold the app back. The backend drops the wasm's preload
# on such pages.
grep -q '^const wasm = await init(' dist/index.html || {
  echo "[build] trunk's boot script changed: no 'const wasm = await init(' in dist/index.html" >&2
  exit 1
}
wait_for_first_view=$(cat <<'JS'
if (document.getElementById('ntm-first-view')) {
  const shown = (async () => {
    if (document.readyState !== 'complete') await new Promise((r) => addEventListener('load', r, { once: true }));
    await Promise.all([...document.images].filter((i) => i.complete).map((i) => i.decode().catch(() => {})));
    // Two frames: the one that paints them, and the one that shows it.
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  })();
  await Promise.race([shown, new Promise((r) => setTimeout(r, 3000))]);
}
JS
)
WAIT="$wait_for_first_view" awk '/^const wasm = await init\(/ { print ENVIRON["WAIT"] } { print }' dist/index.html >dist/index.html.new
mv dist/index.html.new dist/index.html

# The service worker learns this release's files and version (see public/sw.js).
shell=$(cd dist && ls -1 *.wasm *.js *.css | grep -v '^sw\.js$' | sed "s|^|'/|; s|$|'|" | paste -sd, -)
version=$(printf '%s' "$shell" | sha256sum | cut -c1-16)
sed -i "s|__VERSION__|$version|; s|/\*__SHELL__\*/|, $shell|" dist/sw.js

node scripts/minify.mjs dist

# A static host sends no Content-Security-Policy: the page carries what a
# meta tag can of the backend's, its inline scripts' hashes included.
node scripts/csp-meta.mjs dist/index.html

for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  [ "$f" = dist/sw.js ] && continue
  brotli -f -k -q 11 "$f"
  gzip -f -k -9 "$f"
done
touch "$stamp"
echo "[build] dist/ ready"

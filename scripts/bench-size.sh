#!/usr/bin/env bash
# Prints the release build's sizes (raw, gzip -9, brotli -q 11) of the wasm, js
# and css, and how long the release build took. A measurement, not a test.
#   scripts/bench-size.sh           time a rebuild of the front-end crate only
#   scripts/bench-size.sh --clean   time a build from nothing (all dependencies)
# It also builds bench/floor, the least an app on the design card's crates
# carries (router, one fetched and decoded resource), and prints its size: the
# floor under the product's.
set -euo pipefail
"$(dirname "$0")/setup.sh" >/dev/null
source "$(dirname "$0")/env.sh"

if [ "${1:-}" = "--clean" ]; then
  cargo clean --release --target wasm32-unknown-unknown
  kind="clean release build (all crates)"
else
  # Touching the crate root makes cargo rebuild this crate (and re-run LTO,
  # wasm-bindgen and wasm-opt) but not the dependencies.
  touch src/lib.rs
  kind="release rebuild of the front-end crate"
fi
rm -f dist/.build-stamp
start=$(date +%s.%N)
scripts/build.sh >/dev/null 2>&1
end=$(date +%s.%N)

printf '\n%-34s %10s %10s %10s\n' "file" "raw" "gzip" "brotli"
total_raw=0 total_gz=0 total_br=0 code_br=0
for f in dist/*.wasm dist/*.js dist/*.css; do
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-34s %10d %10d %10d\n' "$(basename "$f")" "$raw" "$gz" "$br"
  total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
  case "$f" in *.wasm|*.js) code_br=$((code_br + br)) ;; esac
done
printf '%-34s %10d %10d %10d\n' "total" "$total_raw" "$total_gz" "$total_br"
awk -v b="$code_br" 'BEGIN { printf "\nwasm + js after brotli: %d B (%.1f KiB)\n", b, b / 1024 }'
awk -v s="$start" -v e="$end" -v k="$kind" 'BEGIN { printf "%s: %.1f s\n", k, e - s }'

# The floor: the same crates, profile, std build and wasm-opt settings, almost
# no app.
(source scripts/wasm-release-env.sh && cd bench/floor && trunk build --release --offline >/dev/null 2>&1)
floor_wasm=$(brotli -q 11 -c target/floor-dist/*.wasm | wc -c)
floor_js=$(brotli -q 11 -c target/floor-dist/*.js | wc -c)
awk -v w="$floor_wasm" -v j="$floor_js" -v b="$code_br" 'BEGIN {
  printf "\nfloor (bench/floor: leptos + leptos_router + gloo-net + serde-wasm-bindgen,\n"
  printf "  two routes, one fetched and decoded resource): wasm %d B + js %d B = %d B (%.1f KiB) after brotli\n", w, j, w + j, (w + j) / 1024
  printf "the product above the floor: %d B (%.1f KiB) of wasm + js (sw.js included)\n", b - w - j, (b - w - j) / 1024
}'

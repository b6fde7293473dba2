#!/usr/bin/env bash
# Front-end performance benchmark (issue #9): a measurement, not a test.
# Builds the release front end and the reference backend, serves them on a free
# port with a fresh database, next to a static HTML copy of one article (the
# floor: same stylesheet, no JS, no wasm), and prints for the home page, the
# SPA article and the static page:
#   - bytes transferred on a first view, by kind (Playwright + CDP)
#   - Lighthouse 12.2.3 mobile performance, median of 3 runs
#   - time until the article's text is painted, SPA vs static, slow 4G + 4x CPU
#   - the main thread's long tasks on home and article, and what fills them
#     (LONG_TASK_RUNS=3)
#   - how long taps on the menu, a star and a poll option wait during start-up
#     (Interaction to Next Paint, INP_RUNS=3)
#   - the issue's targets, MET / NOT MET
# Exits 0 whatever the numbers; non-zero only when something fails to run.
#   scripts/bench-perf.sh
#   LH_RUNS=5 TEXT_RUNS=9 scripts/bench-perf.sh    more runs
#   PERF_RESULTS=/tmp/perf scripts/bench-perf.sh   keep the raw results
set -euo pipefail
"$(dirname "$0")/setup.sh" >/dev/null
"$(dirname "$0")/build.sh"
source "$(dirname "$0")/env.sh" # cargo and node tools on PATH, cd to the repository root

echo "[perf] building the reference backend"
cargo build --locked --profile server -p ntm-server --quiet

# Lighthouse lives in .bench/ (ignored by git) so the root package files stay
# as they are.
LH_VERSION=12.2.3
LIGHTHOUSE="$PWD/.bench/node_modules/.bin/lighthouse"
if [ "$("$LIGHTHOUSE" --version 2>/dev/null)" != "$LH_VERSION" ]; then
  echo "[perf] installing lighthouse@$LH_VERSION into .bench/"
  mkdir -p .bench
  [ -f .bench/package.json ] || echo '{ "private": true }' >.bench/package.json
  npm install --prefix .bench --save-exact --no-audit --no-fund --loglevel=error "lighthouse@$LH_VERSION" >/dev/null
fi
export LIGHTHOUSE LH_VERSION

TMP="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# A copy of dist/ to add the static page to, leaving the real build alone.
cp -a dist "$TMP/dist"
rm -f "$TMP/dist/.build-stamp"
ls "$TMP"/dist/*.wasm "$TMP"/dist/index.html >/dev/null 2>&1 \
  || { echo "dist/ is incomplete (another build running?)" >&2; exit 1; }

source "$(dirname "$0")/start-backend.sh"
start_backend "$TMP" --database "$TMP/perf.sqlite3" --dist "$TMP/dist"
echo "[perf] server on $HOST (database and dist copy in $TMP)"

# The static page, with brotli and gzip copies: the server sends a file's
# precompressed sibling as it is (ServeDir in server/src/web.rs), like the wasm.
node scripts/perf/static-page.mjs "$HOST" "$TMP/dist"
brotli -f -k -q 11 "$TMP/dist/bai-tinh.html"
gzip -f -k -9 "$TMP/dist/bai-tinh.html"

# Real files are served as files (200), unknown paths as index.html with a 404:
# make sure the static page is the former, and show how it is sent.
headers="$(curl -sS --compressed -o "$TMP/static.check" -D - "$HOST/bai-tinh.html" | tr -d '\r')"
status="$(sed -n '1s/^HTTP\/[0-9.]* \([0-9]*\).*/\1/p' <<<"$headers")"
if [ "$status" != 200 ] || ! grep -q 'class="article-title"' "$TMP/static.check"; then
  echo "the static page is not served as written (HTTP $status):" >&2
  echo "$headers" >&2
  exit 1
fi
header() { sed -n "s/^$1: *//Ip" <<<"$headers"; }
echo "[perf] /bai-tinh.html: HTTP $status, content-encoding: $(header content-encoding), cache-control: $(header cache-control)"

# PERF_RESULTS=DIR keeps the measurements (Lighthouse reports included) there.
RESULTS="${PERF_RESULTS:-$TMP/results}"
echo
node scripts/perf/transfer.mjs "$HOST" "$RESULTS"
echo
echo "[perf] Lighthouse runs (a few minutes)"
node scripts/perf/lighthouse.mjs "$HOST" "$RESULTS"
echo
node scripts/perf/text-time.mjs "$HOST" "$RESULTS"
echo
node scripts/perf/long-tasks.mjs "$HOST" "$RESULTS"
echo
node scripts/perf/inp.mjs "$HOST" "$RESULTS"

# The code every visitor downloads, compressed as the server sends it (files
# as scripts/bench-size.sh counts them), from the copy that was measured.
echo
printf '%-34s %10s\n' "file" "brotli"
code_br=0
for f in "$TMP"/dist/*.wasm "$TMP"/dist/*.js "$TMP"/dist/*.css; do
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-34s %10d\n' "$(basename "$f")" "$br"
  code_br=$((code_br + br))
done
printf '%-34s %10d\n' "wasm + js + css" "$code_br"

echo
CODE_BR="$code_br" node scripts/perf/summary.mjs "$HOST" "$RESULTS"

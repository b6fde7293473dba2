#!/usr/bin/env bash
# Soak of the reference backend: a measurement, not a test. Starts the release
# backend on a fresh database, measures its maximum throughput with the mixed
# load (scripts/load/mixed.lua, 20 s, 32 connections), then runs the same mix
# for SOAK_MINUTES at half that rate, one wrk run a minute, and prints each
# minute's throughput, p99 latency, the server's memory (RSS) and the
# database's size, and the first and last minute side by side.
#   scripts/bench-soak.sh                 30 minutes
#   SOAK_MINUTES=2 scripts/bench-soak.sh
set -euo pipefail
source "$(dirname "$0")/env.sh" # cargo on PATH, cd to the repository root

SOAK_MINUTES="${SOAK_MINUTES:-30}"
CONNECTIONS=32
source "$(dirname "$0")/start-backend.sh"
prepare_load

TMP="$(mktemp -d)"
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$TMP"' EXIT
source "$(dirname "$0")/load/targets.sh"
DB="$TMP/soak.sqlite3"
start_backend "$TMP" --database "$DB" --trust-forwarded-for
API="$HOST/api"
find_targets "$API"
export LOAD_SLUGS="$slugs" LOAD_RATE_SLUGS="$rate_slugs" LOAD_POLL="$poll" LOAD_OPTIONS="$options"

# One wrk run: seconds, script; prints "throughput p99".
run() {
  LOAD_SECONDS="$1" wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d "$1s" --timeout 10s -s "$2" "$HOST" >"$TMP/wrk.txt"
  echo "$(sed -n 's/^throughput *\([0-9.]*\) req\/s$/\1/p' "$TMP/wrk.txt") $(sed -n 's/^latency .* p99 \([0-9.]*\) ms .*/\1/p' "$TMP/wrk.txt")"
}
rss_mib() { awk '/^VmRSS/ { print int($2 / 1024) }' "/proc/$server_pid/status"; }

read -r max _ < <(run 20 scripts/load/mixed.lua)
target="$(python3 -c "print(round($max / 2))")"
export LOAD_PACE_MS="$(python3 -c "print(max(1, round($CONNECTIONS * 1000 / $target)))")"
echo "maximum ${max} req/s: soak at about ${target} req/s (${LOAD_PACE_MS} ms between a connection's requests), ${SOAK_MINUTES} min"
printf '%-7s %12s %10s %9s %10s\n' minute "req/s" "p99 ms" "RSS MiB" "db KiB"
first="" last=""
for minute in $(seq "$SOAK_MINUTES"); do
  read -r rps p99 < <(run 60 scripts/load/paced.lua)
  line="$(printf '%-7s %12s %10s %9s %10s' "$minute" "$rps" "$p99" "$(rss_mib)" "$(du -k "$DB" | cut -f1)")"
  echo "$line"
  [ -n "$first" ] || first="$line"
  last="$line"
done
echo
echo "start: $first"
echo "end:   $last"
grep -Eic 'panick|the database failed' "$TMP/server.err" | sed 's/^/server errors logged: /'

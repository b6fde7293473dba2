#!/usr/bin/env bash
# Crash safety of the reference backend: a measurement, not a test. Starts
# the release backend on a fresh database, then CRASH_ROUNDS times: drives the
# mixed load of scripts/load/mixed.lua (reads, ratings, votes, visits) with
# wrk for CRASH_SECONDS, kills the server with SIGKILL at a random moment in
# it, starts it again over the same file and checks that every rating, vote
# and visit it acknowledged is counted (and no more than the requests that
# were in flight at the kill). At the end PRAGMA integrity_check on the file.
#   scripts/bench-crash.sh                         10 rounds of 8 s, 16 connections
#   CRASH_ROUNDS=3 CRASH_SECONDS=6 scripts/bench-crash.sh
# Exits non-zero when an acknowledged write is missing or the file is damaged.
set -euo pipefail
source "$(dirname "$0")/env.sh" # cargo on PATH, cd to the repository root

CRASH_ROUNDS="${CRASH_ROUNDS:-10}"
CRASH_SECONDS="${CRASH_SECONDS:-8}"
CRASH_CONNECTIONS="${CRASH_CONNECTIONS:-16}"
((CRASH_SECONDS >= 6)) || { echo "CRASH_SECONDS must be at least 6" >&2; exit 2; }
source "$(dirname "$0")/start-backend.sh"
prepare_load

TMP="$(mktemp -d)"
server_pid=""
trap '[ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null; rm -rf "$TMP"' EXIT
source "$(dirname "$0")/load/targets.sh"
DB="$TMP/crash.sqlite3"
# Writes come from addresses of their own (X-Forwarded-For, see mixed.lua).
caps=(--trust-forwarded-for)

start_backend "$(mkdir -p "$TMP/r0" && echo "$TMP/r0")" --database "$DB" "${caps[@]}"
API="$HOST/api"
find_targets "$API"

# ratings (count), votes (sum over options), visits (total), as one line.
counts() {
  local ratings=0 r
  for s in ${rate_slugs//,/ }; do
    r="$(curl -fsS "$API/articles/$s/rating" | json 'print(d["count"])')"
    ratings=$((ratings + r))
  done
  echo "$ratings $(curl -fsS "$API/polls/$poll/results" | json 'print(sum(o["votes"] for o in d["options"]))') $(curl -fsS "$API/stats" | json 'print(d["total"])')"
}

printf '%-6s %-8s %28s %28s %s\n' round "kill at" "acknowledged (r/v/visits)" "counted after restart" verdict
status=0
for round in $(seq "$CRASH_ROUNDS"); do
  read -r r0 v0 t0 < <(counts)
  LOAD_SLUGS="$slugs" LOAD_RATE_SLUGS="$rate_slugs" LOAD_POLL="$poll" LOAD_OPTIONS="$options" \
    LOAD_SECONDS="$CRASH_SECONDS" LOAD_RESULT="$TMP/result-$round.txt" \
    wrk -t "$CRASH_CONNECTIONS" -c "$CRASH_CONNECTIONS" -d "${CRASH_SECONDS}s" --timeout 5s \
    -s scripts/load/mixed.lua "$HOST" >"$TMP/wrk-$round.txt" 2>&1 &
  wrk_pid=$!
  # A random moment while writes still flow (mixed.lua stops them near the end).
  kill_at="$(python3 -c "import random; print(round(random.uniform(1, $CRASH_SECONDS - 3), 2))")"
  sleep "$kill_at"
  kill -9 "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  wait "$wrk_pid" || true
  mkdir -p "$TMP/r$round"
  start_backend "$TMP/r$round" --database "$DB" "${caps[@]}"
  API="$HOST/api"
  read -r r1 v1 t1 < <(counts)
  read -r ar av at < <(python3 - "$TMP/result-$round.txt" <<'PY'
import sys
res = {}
for line in open(sys.argv[1]):
    k, v = line.rsplit(" ", 1)
    res[k] = int(v)
print(res.get("ok rating", 0), res.get("ok vote", 0), res.get("ok visit", 0))
PY
)
  verdict=ok
  # Each counted write was acknowledged or was in flight at the kill (one
  # request per connection at most).
  for pair in "$((r1 - r0)) $ar" "$((v1 - v0)) $av" "$((t1 - t0)) $at"; do
    read -r counted acked <<<"$pair"
    if ((counted < acked)); then verdict="LOST $((acked - counted))"; status=1; fi
    if ((counted > acked + CRASH_CONNECTIONS)); then verdict="EXTRA"; status=1; fi
  done
  printf '%-6s %-8s %28s %28s %s\n' "$round" "${kill_at}s" "$ar/$av/$at" "$((r1 - r0))/$((v1 - v0))/$((t1 - t0))" "$verdict"
done
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
integrity="$(python3 -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA integrity_check').fetchone()[0])" "$DB")"
echo "integrity_check: $integrity"
[ "$integrity" = ok ] || status=1
if [ "$status" = 0 ]; then echo "crash benchmark: PASS"; else echo "crash benchmark: FAIL"; fi
exit "$status"

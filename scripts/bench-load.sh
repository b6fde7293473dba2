#!/usr/bin/env bash
# Load benchmark of the reference backend (ntm-server): a measurement, not a test.
# For each store, starts the server on fresh content, drives it with wrk for
# LOAD_SECONDS with a mix of reads, ratings, poll votes and visit beacons
# (scripts/load/mixed.lua), prints throughput, latency and errors, then checks
# that the server's counters moved by exactly what it acknowledged. Stores:
# `sqlite`, its own database (seeded demo content), and `nukeviet`, a NukeViet
# 4 site's database on a throwaway MariaDB (scripts/mariadb.sh) loaded with
# the backend's NukeViet fixture (server/tests/nukeviet/). The figures of both
# are printed side by side at the end.
#   scripts/bench-load.sh                    60 s each, 32 connections, both stores
#   LOAD_SECONDS=10 LOAD_CONNECTIONS=8 LOAD_STORES=nukeviet scripts/bench-load.sh
# Exits non-zero on a counter mismatch, a 5xx, a lost write, or a database
# error / "busy" in the server's stderr.
set -euo pipefail
source "$(dirname "$0")/env.sh" # cargo on PATH, cd to the repository root

LOAD_SECONDS="${LOAD_SECONDS:-60}"
# wrk runs one thread per connection: see the top of scripts/load/mixed.lua.
LOAD_CONNECTIONS="${LOAD_CONNECTIONS:-32}"
LOAD_STORES="${LOAD_STORES:-sqlite nukeviet}"
if ((LOAD_SECONDS < 5)); then
  echo "LOAD_SECONDS must be at least 5 (writes stop 1-2 s before the end)" >&2
  exit 2
fi

source "$(dirname "$0")/start-backend.sh"
prepare_load

ROOT_TMP="$(mktemp -d)"
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=""
}
cleanup() {
  stop_server
  close_nukeviet_site
  rm -rf "$ROOT_TMP"
}
trap cleanup EXIT
source "$(dirname "$0")/load/targets.sh"

run_store() {
local store="$1"
TMP="$ROOT_TMP/$store"
mkdir -p "$TMP"
# Each write comes from an address of its own (X-Forwarded-For, see
# mixed.lua), so the per-address caps work as they do for real readers.
local caps=(--trust-forwarded-for)
case "$store" in
  sqlite) start_backend "$TMP" --database "$TMP/load.sqlite3" "${caps[@]}" ;;
  nukeviet)
    open_nukeviet_site
    start_backend "$TMP" --database "$TMP/side.sqlite3" --nukeviet "$NUKEVIET_URL" "${caps[@]}" ;;
  *) echo "unknown store $store (sqlite or nukeviet)" >&2; exit 2 ;;
esac
API="$HOST/api"
echo
echo "=== $store: server on $HOST"

find_targets "$API"
[ -n "$slugs" ] && [ -n "$rate_slugs" ] || { echo "no articles (to rate)" >&2; exit 1; }
[ -n "$poll" ] || { echo "no open poll: votes would all be refused" >&2; exit 1; }
echo "reading ${slugs//,/ }"
echo "rating  ${rate_slugs//,/ }"
echo "voting  poll $poll, options $options"

# The counters the writes move: rating totals of the rated articles, the poll's
# results, the visit statistics, and the day in Vietnam ("today" is its day).
snapshot() {
  local d="$TMP/$1"
  mkdir -p "$d"
  for s in ${rate_slugs//,/ }; do curl -fsS "$API/articles/$s/rating" >"$d/rating-$s.json"; done
  curl -fsS "$API/polls/$poll/results" >"$d/poll.json"
  curl -fsS "$API/stats" >"$d/stats.json"
  date -u -d '+7 hours' +%F >"$d/day"
}
snapshot before

echo "wrk: $LOAD_SECONDS s, $LOAD_CONNECTIONS connections ($LOAD_CONNECTIONS threads)"
LOAD_SLUGS="$slugs" LOAD_RATE_SLUGS="$rate_slugs" LOAD_POLL="$poll" LOAD_OPTIONS="$options" \
  LOAD_SECONDS="$LOAD_SECONDS" LOAD_RESULT="$TMP/result.txt" \
  wrk -t "$LOAD_CONNECTIONS" -c "$LOAD_CONNECTIONS" -d "${LOAD_SECONDS}s" --timeout 10s \
  -s scripts/load/mixed.lua "$HOST" | tee "$TMP/wrk.txt"

snapshot after

# Compare: each counter must have moved by exactly the 2xx answers of its kind.
echo
status=0
python3 - "$TMP" "$rate_slugs" "$LOAD_SECONDS" <<'EOF' || status=1
import json, sys
tmp, rate_slugs, seconds = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
res = {}
for line in open(f"{tmp}/result.txt"):
    key, value = line.rsplit(" ", 1)
    res[key] = int(value)
load = lambda when, name: json.load(open(f"{tmp}/{when}/{name}"))
ok = True

def check(what, delta, expected):
    global ok
    good = delta == expected
    ok &= good
    print(f"{'PASS' if good else 'FAIL'}  {what}: moved by {delta}, {expected} acknowledged")

for s in rate_slugs:
    b, a = load("before", f"rating-{s}.json"), load("after", f"rating-{s}.json")
    check(f"rating count of {s}", a["count"] - b["count"], res.get(f"count {s}", 0))
    check(f"rating points of {s}", a["total"] - b["total"], res.get(f"points {s}", 0))

b, a = load("before", "poll.json"), load("after", "poll.json")
before_votes = {o["id"]: o["votes"] for o in b["options"]}
for o in a["options"]:
    check(f"votes for option {o['id']}", o["votes"] - before_votes[o["id"]], res.get(f"option {o['id']}", 0))
# A NukeViet poll of several answers has no voter count.
if "voters" in a:
    check("poll voters", a["voters"] - b["voters"], res.get("ok vote", 0))

b, a = load("before", "stats.json"), load("after", "stats.json")
visits = res.get("ok visit", 0)
check("visits in all (stats.total)", a["total"] - b["total"], visits)
if open(f"{tmp}/before/day").read() == open(f"{tmp}/after/day").read():
    check("visits today (stats.today)", a["today"] - b["today"], visits)
else:
    print("SKIP  visits today: the day changed during the run")
# Every visit came from a new visitor, all seen within the 5-minute window.
if seconds <= 240:
    check("online now (stats.online)", a["online"] - b["online"], visits)

fivexx = {k: v for k, v in res.items() if k.startswith("status ") and k.split()[2].startswith("5")}
ok &= not fivexx
print(f"{'FAIL' if fivexx else 'PASS'}  5xx answers: {fivexx or 0}")
lost = {k: v for k, v in res.items() if k.startswith("unanswered ") or k in ("errors connect", "errors read", "errors write")}
lost = {k: v for k, v in lost.items() if v}
ok &= not lost
print(f"{'FAIL' if lost else 'PASS'}  lost requests (socket errors, writes cut off): {lost or 0}")
if res.get("errors timeout"):
    print(f"NOTE  {res['errors timeout']} answers took over 10 s (wrk timeouts)")
sys.exit(0 if ok else 1)
EOF

# The server logs "database error: ..." for every failed query (SQLITE_BUSY included).
if grep -Eiq 'database|busy|panick' "$TMP/server.err"; then
  echo "FAIL  server stderr reports errors:"
  grep -Ei 'database|busy|panick' "$TMP/server.err" | sort | uniq -c | sort -rn | head -20
  status=1
else
  echo "PASS  server stderr: no database / busy errors ($(wc -l <"$TMP/server.err") lines)"
fi

stop_server
throughput="$(sed -n 's/^throughput *\([0-9.]*\) req\/s$/\1/p' "$TMP/wrk.txt")"
p99="$(sed -n 's/^latency .* p99 \([0-9.]* ms\) .*/\1/p' "$TMP/wrk.txt")"
printf '%-9s %10s req/s   p99 %10s   %s\n' "$store" "$throughput" "$p99" \
  "$([ "$status" = 0 ] && echo PASS || echo FAIL)" >>"$ROOT_TMP/summary"
[ "$status" = 0 ] || overall=1
}

overall=0
for store in $LOAD_STORES; do
  run_store "$store"
done
echo
echo "=== side by side: $LOAD_SECONDS s, $LOAD_CONNECTIONS connections each, the same mix"
printf '%-9s %16s   %14s   %s\n' store throughput latency checks
cat "$ROOT_TMP/summary"
if [ "$overall" = 0 ]; then echo "load benchmark: PASS"; else echo "load benchmark: FAIL"; fi
exit "$overall"

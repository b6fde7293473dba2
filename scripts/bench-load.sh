#!/usr/bin/env bash
# Load benchmark of the reference backend (ntm-server): a measurement, not a test.
# Starts the server on a fresh database, drives it with wrk for LOAD_SECONDS
# with a mix of reads, ratings, poll votes and visit beacons
# (scripts/load/mixed.lua), prints throughput, latency and errors, then checks
# that the server's counters moved by exactly what it acknowledged.
#   scripts/bench-load.sh                    60 s, 32 connections
#   LOAD_SECONDS=10 LOAD_CONNECTIONS=8 scripts/bench-load.sh
# Exits non-zero on a counter mismatch, a 5xx, a lost write, or a database
# error / "busy" in the server's stderr.
set -euo pipefail
source "$(dirname "$0")/env.sh" # cargo on PATH, cd to the repository root

LOAD_SECONDS="${LOAD_SECONDS:-60}"
# wrk runs one thread per connection: see the top of scripts/load/mixed.lua.
LOAD_CONNECTIONS="${LOAD_CONNECTIONS:-32}"
if ((LOAD_SECONDS < 5)); then
  echo "LOAD_SECONDS must be at least 5 (writes stop 1-2 s before the end)" >&2
  exit 2
fi

# wrk is the load generator; installed on first use (Debian, as root).
if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

cargo build --profile server -p ntm-server

TMP="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

# High per-IP caps: every request comes from 127.0.0.1, and the caps are not
# what is measured here.
source "$(dirname "$0")/start-backend.sh"
start_backend "$TMP" --database "$TMP/load.sqlite3" \
  --ratings-per-ip 100000000 --votes-per-ip 100000000 --new-visitors-per-ip 100000000
API="$HOST/api"
echo "server on $HOST (database $TMP/load.sqlite3)"

# Real ids to aim at: the slugs of the first page of news (the 3 newest with
# rating switched on get rated), the current poll and its options.
json() { python3 -c "import json, sys; d = json.load(sys.stdin); $1"; }
slugs="$(curl -fsS "$API/articles?page=1" | json 'print(",".join(i["slug"] for i in d["items"]))')"
rate_slugs="" rated=0
for s in ${slugs//,/ }; do
  if ((rated < 3)) && [ "$(curl -fsS "$API/articles/$s/rating" | json 'print(d["enabled"])')" = True ]; then
    rate_slugs="${rate_slugs:+$rate_slugs,}$s" rated=$((rated + 1))
  fi
done
read -r poll options open < <(curl -fsS "$API/polls/current" |
  json 'print(d["id"], ",".join(str(o["id"]) for o in d["options"]), d["open"])')
[ -n "$slugs" ] && [ -n "$rate_slugs" ] || { echo "no articles (to rate)" >&2; exit 1; }
[ "$open" = True ] || { echo "poll $poll is not open: votes would all be refused" >&2; exit 1; }
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
  -s scripts/load/mixed.lua "$HOST"

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

if [ "$status" = 0 ]; then echo "load benchmark: PASS"; else echo "load benchmark: FAIL"; fi
exit "$status"

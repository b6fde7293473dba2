#!/usr/bin/env bash
# What /api/stats costs as the audience grows: a measurement, not a test.
# Starts the release backend on a fresh database, measures GET /api/stats with
# wrk (STATS_SECONDS, 8 connections) with next to no one online, then brings
# STATS_ONLINE new browsers (POST /api/visits, each with a new cookie, within
# the 5-minute "online" window) and measures again. Prints both, and how fast
# the new browsers came. STATS_STORE picks the store: `sqlite` (its own
# database) or `nukeviet` (the NukeViet fixture on the throwaway MariaDB, as
# in bench-load.sh), where "online" is NukeViet's sessions table.
#   scripts/bench-stats.sh                       100,000 online, 15 s each
#   STATS_ONLINE=20000 STATS_SECONDS=5 STATS_STORE=nukeviet scripts/bench-stats.sh
set -euo pipefail
source "$(dirname "$0")/env.sh" # cargo on PATH, cd to the repository root

STATS_ONLINE="${STATS_ONLINE:-100000}"
STATS_SECONDS="${STATS_SECONDS:-15}"
STATS_STORE="${STATS_STORE:-sqlite}"
source "$(dirname "$0")/start-backend.sh"
prepare_load

TMP="$(mktemp -d)"
server_pid=""
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; close_nukeviet_site; rm -rf "$TMP"' EXIT
case "$STATS_STORE" in
  sqlite) start_backend "$TMP" --database "$TMP/stats.sqlite3" --trust-forwarded-for ;;
  nukeviet)
    open_nukeviet_site
    # NukeViet's sessions table is MEMORY: room for STATS_ONLINE browsers
    # (MariaDB's default 16 MiB holds about 25,000; see the README).
    nukeviet_client "$nukeviet_db" -e "SET SESSION max_heap_table_size = 512 * 1024 * 1024; ALTER TABLE nv4_sessions ENGINE=MEMORY"
    start_backend "$TMP" --database "$TMP/stats.sqlite3" --nukeviet "$NUKEVIET_URL" --trust-forwarded-for ;;
  *) echo "unknown store $STATS_STORE (sqlite or nukeviet)" >&2; exit 2 ;;
esac
online() { curl -fsS "$HOST/api/stats" | python3 -c 'import json, sys; print(json.load(sys.stdin)["online"])'; }

measure() {
  echo "--- GET /api/stats with $(online) online"
  wrk -t 2 -c 8 -d "${STATS_SECONDS}s" --latency "$HOST/api/stats" |
    grep -E 'Requests/sec|^ +(50|99)%|Non-2xx'
}

measure
started=$SECONDS
while (( $(online) < STATS_ONLINE )); do
  rate="$(wrk -t 2 -c 16 -d 10s -s scripts/load/new-visitors.lua "$HOST" | sed -n 's/^Requests\/sec: *//p')"
  echo "  $(online) online after $((SECONDS - started)) s ($rate new browsers/s)"
  (( SECONDS - started < 270 )) || { echo "could not bring $STATS_ONLINE online within 4.5 minutes (online is the last 5)" >&2; exit 1; }
done
echo "(brought online in $((SECONDS - started)) s)"
measure
echo "database file: $(du -k "$TMP/stats.sqlite3" | cut -f1) KiB, wal $(du -k "$TMP/stats.sqlite3-wal" 2>/dev/null | cut -f1) KiB"

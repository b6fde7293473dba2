# Sourced by the benchmark scripts. prepare_load installs wrk, the load
# generator, on first use (Debian, as root) and builds the release backend.
prepare_load() {
  if ! command -v wrk >/dev/null; then
    apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  fi
  cargo build --profile server -p ntm-server
}

# start_backend DIR ARGS... starts the
# release backend (target/server/ntm-server) on a free loopback port with ARGS,
# its output in DIR/server.out and DIR/server.err; sets server_pid and HOST.
start_backend() {
  local dir="$1"
  shift
  target/server/ntm-server --listen 127.0.0.1:0 "$@" >"$dir/server.out" 2>"$dir/server.err" &
  server_pid=$!
  # The first start seeds the database, then prints "Listening on http://127.0.0.1:PORT/".
  local port=""
  for _ in $(seq 300); do
    port="$(sed -n 's#^Listening on http://127\.0\.0\.1:\([0-9]*\)/$#\1#p' "$dir/server.out")"
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.err" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "server did not start" >&2; exit 1; }
  HOST="http://127.0.0.1:$port"
}

# open_nukeviet_site sets NUKEVIET_URL, a NukeViet site for the backend's
# --nukeviet: a database of its own on the throwaway MariaDB
# (scripts/mariadb.sh, started if it was not running), loaded with the
# backend's fixture (server/tests/nukeviet/). close_nukeviet_site drops that
# database, and stops MariaDB again if open_nukeviet_site started it.
NUKEVIET_URL=""
nukeviet_db=ntm_bench_$$
mariadb_started=""
nukeviet_client() {
  local server
  server="$(scripts/mariadb.sh url)"
  mariadb --no-defaults --socket="${server#*socket=}" --user=ntm --password=ntm-test --default-character-set=utf8mb4 "$@"
}
open_nukeviet_site() {
  if ! scripts/mariadb.sh status; then mariadb_started=1; fi
  local server
  server="$(scripts/mariadb.sh start)"
  nukeviet_client -e "DROP DATABASE IF EXISTS $nukeviet_db; CREATE DATABASE $nukeviet_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  cat server/tests/nukeviet/schema.sql server/tests/nukeviet/content.sql | nukeviet_client "$nukeviet_db"
  NUKEVIET_URL="${server/\/\?//$nukeviet_db?}"
}
close_nukeviet_site() {
  [ -n "$NUKEVIET_URL" ] || return 0
  nukeviet_client -e "DROP DATABASE IF EXISTS $nukeviet_db" || true
  if [ -n "$mariadb_started" ]; then scripts/mariadb.sh stop || true; fi
  NUKEVIET_URL=""
}

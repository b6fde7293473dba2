#!/usr/bin/env bash
# A throwaway MariaDB for the NukeViet mode's tests: its own data directory and
# socket under target/mariadb/ (NTM_MARIADB_DIR), no network, no system
# service, run as the current user. Idempotent: `start` reuses a server that
# already answers on the socket.
#
#   scripts/mariadb.sh start   start it if needed; print the URL tests use
#   scripts/mariadb.sh url     print that URL
#   scripts/mariadb.sh status  exit 0 when it answers
#   scripts/mariadb.sh stop    stop it
#
# The URL names no database: each test creates its own and drops it after.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=${NTM_MARIADB_DIR:-$ROOT/target/mariadb}
SOCK=$DIR/mysqld.sock
# The account the tests use; the server listens on no port, so a fixed
# password lets in only those who can reach the socket.
USER_NAME=ntm
PASSWORD=ntm-test

log() { printf '\033[1m[mariadb]\033[0m %s\n' "$*" >&2; }

answers() {
  mariadb-admin --no-defaults --socket="$SOCK" --user="$(id -un)" ping >/dev/null 2>&1
}

url() {
  echo "mysql://$USER_NAME:$PASSWORD@localhost/?socket=$SOCK"
}

start() {
  if ! command -v mariadbd >/dev/null; then
    log "mariadbd is missing: scripts/setup.sh installs Debian's mariadb-server"
    exit 1
  fi
  if answers; then
    url
    return
  fi
  mkdir -p "$DIR"
  if [ ! -d "$DIR/data/mysql" ]; then
    log "creating a data directory in $DIR/data"
    mariadb-install-db --no-defaults --datadir="$DIR/data" --user="$(id -un)" \
      --auth-root-authentication-method=socket >"$DIR/install.log" 2>&1 \
      || { cat "$DIR/install.log" >&2; exit 1; }
  fi
  local as_root=()
  [ "$(id -u)" = 0 ] && as_root=(--user=root)
  log "starting on $SOCK"
  # setsid: the server outlives this script and the test run's process group.
  setsid mariadbd --no-defaults --datadir="$DIR/data" --socket="$SOCK" --skip-networking \
    --pid-file="$DIR/mariadbd.pid" --log-error="$DIR/error.log" \
    --innodb-buffer-pool-size=32M --max-connections=200 "${as_root[@]}" </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 150); do
    answers && break
    kill -0 $! 2>/dev/null || { tail -20 "$DIR/error.log" >&2; exit 1; }
    sleep 0.2
  done
  answers || { log "no answer after 30 s"; tail -20 "$DIR/error.log" >&2; exit 1; }
  mariadb --no-defaults --socket="$SOCK" --user="$(id -un)" -e "
    CREATE USER IF NOT EXISTS '$USER_NAME'@'localhost' IDENTIFIED BY '$PASSWORD';
    GRANT ALL PRIVILEGES ON *.* TO '$USER_NAME'@'localhost';"
  url
}

stop() {
  if answers; then
    mariadb-admin --no-defaults --socket="$SOCK" --user="$(id -un)" shutdown
  fi
}

case "${1:-start}" in
  start) start ;;
  url) url ;;
  status) answers ;;
  stop) stop ;;
  *) echo "usage: $0 start|url|status|stop" >&2; exit 2 ;;
esac

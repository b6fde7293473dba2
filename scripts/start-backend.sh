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

#!/usr/bin/env bash
# Sets up what is missing, builds, and runs the product: the reference backend
# serving the API and the built front end. Ctrl-C stops it.
#   NTM_LISTEN=0.0.0.0:8080 scripts/run.sh     another address
#   NTM_DATABASE=/var/lib/ntm.sqlite3 …          another database file
set -euo pipefail
"$(dirname "$0")/setup.sh"
"$(dirname "$0")/build.sh"
source "$(dirname "$0")/env.sh"

echo "[run] building the reference backend"
cargo build --locked --profile server -p ntm-server --quiet
mkdir -p data
export NTM_DATABASE="${NTM_DATABASE:-data/ntm.sqlite3}"
export NTM_LISTEN="${NTM_LISTEN:-127.0.0.1:8080}"
echo "[run] database: $NTM_DATABASE (demo content is added on first start)"
exec target/server/ntm-server --dist dist

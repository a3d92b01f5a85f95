#!/usr/bin/env bash
# What `docker compose up` starts, as plain processes on this machine (docs/deploy.md): the schema
# migrated, one `parley serve --no-worker`, and once it is ready (GET /api/ready) N `parley worker`
# processes, all on one PostgreSQL database. Runs until SIGTERM or Ctrl-C, then stops them all
# (each finishes or hands back the chunk it is computing). When the server exits, the workers are
# stopped too; a worker that exits is reported and the others carry on (the queue gives its chunk
# to another).
#
#   PARLEY_DB=postgres://parley:secret@db.internal/parley PARLEY_TOKEN=$(openssl rand -hex 24) \
#     scripts/team-up.sh --workers 4 --host 0.0.0.0
#
# Options: --workers N (default PARLEY_WORKERS or 2), --host H (default 127.0.0.1; beyond loopback a
# token or an admin account is required), --port P (default PARLEY_PORT or 4242), --log-dir D (each
# process's standard error to D/server.log, D/worker-1.log, …; default: this script's). Everything
# else parley reads from the environment (PARLEY_TOKEN, PARLEY_LOG, PARLEY_PUBLIC_NAMES, …) is
# passed through. test/deploy/team-up.test.ts runs it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
parley=(node "$root/bin/parley.js")
workers="${PARLEY_WORKERS:-2}"
host=127.0.0.1
port="${PARLEY_PORT:-4242}"
log_dir=""
ready_timeout="${PARLEY_READY_TIMEOUT:-60}"

say() { printf 'team-up: %s\n' "$*" >&2; }
fail() { say "error: $*"; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers="${2:-}"; shift 2 ;;
    --host) host="${2:-}"; shift 2 ;;
    --port) port="${2:-}"; shift 2 ;;
    --log-dir) log_dir="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) fail "unknown argument $1 (see --help)" ;;
  esac
done

case "${PARLEY_DB:-}" in
  postgres://*|postgresql://*) ;;
  "") fail "PARLEY_DB is not set: give the PostgreSQL database, e.g. PARLEY_DB=postgres://parley:secret@localhost/parley" ;;
  *) fail "PARLEY_DB must be a postgres:// URL (workers share the jobs through PostgreSQL); one machine on SQLite needs only parley serve" ;;
esac
[[ "$workers" =~ ^[0-9]+$ ]] && [ "$workers" -le 64 ] || fail "--workers: expected 0 to 64, got '$workers'"
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || fail "--port: expected 1 to 65535, got '$port'"
if [ -n "$log_dir" ]; then mkdir -p "$log_dir"; fi

# Start one process in the background (its pid in $!), its standard error the script's or its file in --log-dir.
launch() {
  local name="$1"
  shift
  if [ -n "$log_dir" ]; then "$@" 2>>"$log_dir/$name.log" & else "$@" & fi
}

# The URL without its password, for messages.
shown_db="$(printf '%s' "$PARLEY_DB" | sed -E 's#(//[^:/@]+:)[^@]*@#\1***@#')"

say "migrating $shown_db"
"${parley[@]}" db migrate --db "$PARLEY_DB" >&2

server_pid=""
worker_pids=()
stop_all() {
  trap - INT TERM
  say "stopping ${#worker_pids[@]} worker(s) and the server"
  for pid in "${worker_pids[@]}" $server_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${worker_pids[@]}" $server_pid; do wait "$pid" 2>/dev/null || true; done
  say "stopped"
}
trap 'stop_all; exit 0' INT TERM

launch server "${parley[@]}" serve --host "$host" --port "$port" --no-worker
server_pid=$!
say "server pid $server_pid"

# Ready: the database answers and is migrated (the same check as the image's HEALTHCHECK).
probe_host="$host"
case "$host" in 0.0.0.0|::|'[::]') probe_host=127.0.0.1 ;; esac
case "$probe_host" in *:*) probe_host="[${probe_host#[}"; probe_host="${probe_host%]}]" ;; esac
ready_url="http://$probe_host:$port/api/ready"
deadline=$((SECONDS + ready_timeout))
until node -e "fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$ready_url"; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    wait "$server_pid" && code=0 || code=$?
    fail "the server exited (status $code) before it was ready"
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then stop_all; fail "the server was not ready at $ready_url after ${ready_timeout} s"; fi
  sleep 0.3
done
say "server ready at http://$probe_host:$port/"

for i in $(seq 1 "$workers"); do
  launch "worker-$i" "${parley[@]}" worker --db "$PARLEY_DB"
  worker_pids+=($!)
  say "worker $i pid $!"
done
say "up: 1 server, $workers worker(s) on $shown_db"

# Until a signal, or the server exits. `wait -n` returns when any one child exits (or a trap fires).
while true; do
  wait -n || true
  if ! kill -0 "$server_pid" 2>/dev/null; then
    wait "$server_pid" && code=0 || code=$?
    say "the server exited (status $code)"
    stop_all
    exit "$code"
  fi
  alive=()
  for pid in "${worker_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then alive+=("$pid"); else say "worker pid $pid exited"; fi
  done
  worker_pids=("${alive[@]}")
done

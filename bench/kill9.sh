#!/usr/bin/env bash
# Durability under a crash: drives POST /v1/batch, kills the server with SIGKILL in the middle of the
# load, restarts it on the same store while the load goes on, then stops it and checks that every
# acknowledged messageId is stored exactly once. Exit status 0 on PASS.
# Usage: bench/kill9.sh [--pg] [--connections 16] [--kill-after 15] [--after-restart 15] [--keep]
#   --kill-after     seconds of load before the kill
#   --after-restart  seconds of load once the restarted server is healthy (it keeps sending while
#                    the server is down)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

store=duckdb connections=16 kill_after=15 after_restart=15 keep=
while [[ $# -gt 0 ]]; do
  case $1 in
    --pg) store=postgresql; shift ;;
    --connections) connections=$2; shift 2 ;;
    --kill-after) kill_after=$2; shift 2 ;;
    --after-restart) after_restart=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bench_build
work=$(mktemp -d /tmp/touchpoint-kill9.XXXXXX)
cleanup() {
  [[ -n "${LOAD_PID:-}" ]] && kill "$LOAD_PID" 2>/dev/null || true
  stop_server
  drop_postgres
  if [[ -z "$keep" ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

[[ $store == postgresql ]] && use_fresh_postgres
echo "== $(date -u +%FT%TZ)  $(nproc) cores  load average: $(cut -d' ' -f1-3 /proc/loadavg)  store: $store"
start_server "$work/data" "$work/server.log"
java -cp "$BENCH_CP" IngestLoad --url "http://127.0.0.1:$PORT" --key "$WRITE_KEY" \
  --connections "$connections" --warmup 0 --duration 86400 --stop-file "$work/stop" --acked "$work/acked.txt" \
  >"$work/load.out" 2>&1 &
LOAD_PID=$!
sleep "$kill_after"
echo "== kill -9 $SERVER_PID after $kill_after s of load"
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
echo "== restarting on the same store"
echo "---- restart after kill -9" >>"$work/server.log"
start_server "$work/data" "$work/server.log"
echo "== server back; $after_restart s more of load"
sleep "$after_restart"
touch "$work/stop"
wait "$LOAD_PID" || true
LOAD_PID=
grep -v '^RESULT' "$work/load.out" | sed 's/^/  /'
stop_server

echo "== checking acknowledged messageIds against the store"
if [[ $store == postgresql ]]; then
  java -cp "$BENCH_CP" AckCheck --acked "$work/acked.txt" --pg "$TOUCHPOINT_DB_URL"
else
  java -cp "$BENCH_CP" AckCheck --acked "$work/acked.txt" --duckdb "$work/data/touchpoint.duckdb"
fi

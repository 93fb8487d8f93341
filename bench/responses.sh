#!/usr/bin/env bash
# Write cost of the rollups' change log (ADR 0024): survey responses recorded one per request, with
# touchpoint.metrics.rollups off and on in turn, each round on a fresh store (bench/README.md).
# Usage: bench/responses.sh [--pg] [--rounds 2] [--connections 4] [--warmup 300] [--count 3000]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
SECRET_KEY=bench-secret-key-0123456789abcdef
pg= rounds=2 connections=4 warmup=300 count=3000
while [[ $# -gt 0 ]]; do
  case $1 in
    --pg) pg=1; shift ;;
    --rounds) rounds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --count) count=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
bench_build
work=$(mktemp -d /tmp/touchpoint-responses.XXXXXX)
trap 'stop_server; drop_postgres; rm -rf "$work"' EXIT
export TOUCHPOINT_BOOTSTRAP_SECRET_KEY=$SECRET_KEY
echo "== $(date -u +%FT%TZ) $(nproc) cores, store $([[ -n $pg ]] && echo postgresql || echo duckdb)," \
  "$count responses per run, $connections connections"
for round in $(seq "$rounds"); do
  for mode in off on; do
    if [[ -n $pg ]]; then drop_postgres; use_fresh_postgres; fi
    rm -rf "$work/data"
    start_server "$work/data" "$work/server.log" -Dtouchpoint.metrics.rollups=$mode
    load=$(cut -d' ' -f1-3 /proc/loadavg)
    java -cp "$BENCH_CP" ResponseLoad --url "http://127.0.0.1:$PORT" --key "$SECRET_KEY" \
      --connections "$connections" --warmup "$warmup" --count "$count" >"$work/load.out"
    echo "round $round rollups=$mode load average $load: $(grep -v '^RESULT' "$work/load.out")"
    stop_server
  done
done

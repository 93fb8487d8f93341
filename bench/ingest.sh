#!/usr/bin/env bash
# Ingestion throughput: starts the packaged server on a fresh store, drives POST /v1/batch from a
# separate process, then measures the raw bulk-load ceiling for the same rows and prints a summary.
# Usage: bench/ingest.sh [--pg] [--connections 16] [--warmup 60] [--duration 30] [--raw-rows 500000]
#                        [--jfr FILE] [--wait-quiet SECONDS] [--keep] [--from-store DIR]
#   --pg      run the server on a fresh PostgreSQL database (127.0.0.1:5432, user postgres)
#   --jfr     record the server with Java Flight Recorder into FILE (profile settings) during the
#             measured period; summarise it with: java -cp target/bench-classes JfrTop FILE
#   --wait-quiet  first wait up to SECONDS for the 1-minute load average to drop below 1
#   --keep    keep the data directory, logs and acknowledged-id file
#   --from-store  start from a copy of this embedded store directory instead of an empty one (e.g. the
#             10M-event store `bench/metrics.sh --data DIR --generate-only` makes)
# Environment: SERVER_OPTS (JVM options of the server), JAR (server jar; default target/touchpoint-*.jar),
#              PORT (18080), WRITE_KEY.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh

store=duckdb connections=16 warmup=60 duration=30 raw_rows=500000 jfr= keep= quiet=0 from_store=
while [[ $# -gt 0 ]]; do
  case $1 in
    --pg) store=postgresql; shift ;;
    --connections) connections=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --raw-rows) raw_rows=$2; shift 2 ;;
    --jfr) jfr=$(realpath -m "$2"); shift 2 ;;
    --wait-quiet) quiet=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --from-store) from_store=$(realpath "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

bench_build
work=$(mktemp -d /tmp/touchpoint-bench.XXXXXX)
cleanup() {
  stop_server
  drop_postgres
  if [[ -z "$keep" ]]; then rm -rf "$work"; else echo "kept $work"; fi
}
trap cleanup EXIT

[[ $store == postgresql ]] && use_fresh_postgres
wait_for_quiet "$quiet"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $(date -u +%FT%TZ)  $(nproc) cores  load average before: $load_before  store: $store"
if [[ -n "$from_store" ]]; then
  [[ $store == duckdb && -f "$from_store/touchpoint.duckdb" ]] || { echo "--from-store needs an embedded store directory" >&2; exit 2; }
  echo "== copying the store $from_store ($(du -sh "$from_store" | cut -f1)) to start from its data"
  cp -r "$from_store" "$work/data"
fi
start_server "$work/data" "$work/server.log"

echo "== load: $connections connections, warm-up $warmup s, measured $duration s"
java -cp "$BENCH_CP" IngestLoad --url "http://127.0.0.1:$PORT" --key "$WRITE_KEY" \
  --connections "$connections" --warmup "$warmup" --duration "$duration" --acked "$work/acked.txt" \
  > >(tee "$work/load.out") &
load_pid=$!
sleep "$warmup"
server_cpu_start=$(process_cpu_seconds "$SERVER_PID")
[[ -n "$jfr" ]] && jcmd "$SERVER_PID" JFR.start name=bench settings=profile >/dev/null
wait "$load_pid"
server_cpu=$(awk -v a="$server_cpu_start" -v b="$(process_cpu_seconds "$SERVER_PID")" 'BEGIN { printf "%.2f", b - a }')
if [[ -n "$jfr" ]]; then
  jcmd "$SERVER_PID" JFR.stop name=bench filename="$jfr" >/dev/null
  echo "== JFR recording of the measured period: $jfr"
fi
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
server_rss=$(awk '/VmHWM/ {print int($2 / 1024)}' /proc/"$SERVER_PID"/status)
stop_server

echo "== raw DuckDB Appender, $raw_rows rows (server stopped)"
java -Xmx4g -cp "$BENCH_CP" RawAppend --migration src/main/resources/db/migration/duckdb/V2__customers_events_orders.sql \
  --db "$work/raw.duckdb" --rows "$raw_rows" | tee "$work/raw.out"
if [[ $store == postgresql ]]; then
  echo "== raw PostgreSQL COPY, $raw_rows rows"
  psql -q -h 127.0.0.1 -U postgres -c "create database ${PG_DB}_raw" >/dev/null
  java -Xmx4g -cp "$BENCH_CP" RawCopy --migration src/main/resources/db/migration/postgresql/V2__customers_events_orders.sql \
    --url "jdbc:postgresql://127.0.0.1:5432/${PG_DB}_raw" --rows "$raw_rows" | tee "$work/copy.out" || true
  psql -q -h 127.0.0.1 -U postgres -c "drop database if exists ${PG_DB}_raw" >/dev/null
fi

api=$(result_field "$work/load.out" events_per_s)
raw=$(result_field "$work/raw.out" rows_per_s)
echo
echo "== summary ($store, $(nproc) cores, load average before $load_before, after load $load_after)"
printf '%-40s %s\n' \
  "API events/s (2xx, measured ${duration} s)" "$api" \
  "request latency p50 / p99 / max (ms)" "$(result_field "$work/load.out" p50_ms) / $(result_field "$work/load.out" p99_ms) / $(result_field "$work/load.out" max_ms)" \
  "requests measured" "$(result_field "$work/load.out" requests)" \
  "refused requests (by status)" "$(result_field "$work/load.out" refused) ($(result_field "$work/load.out" refused_by_status))" \
  "server CPU, measured period (s)" "$server_cpu (of $(($(nproc) * duration)) on $(nproc) cores)" \
  "CPU per event: server / load (µs)" "$(awk -v s="$server_cpu" -v l="$(result_field "$work/load.out" load_cpu_s)" -v n="$(result_field "$work/load.out" acked_measured)" 'BEGIN { if (n > 0) printf "%.1f / %.1f", 1e6 * s / n, 1e6 * l / n; else print "-" }')" \
  "server peak RSS (MB)" "$server_rss" \
  "raw DuckDB Appender rows/s" "$raw" \
  "API / raw Appender" "$(awk -v a="$api" -v r="$raw" 'BEGIN { printf "%.1f%%", 100 * a / r }')"
if [[ $store == postgresql && -s "$work/copy.out" ]]; then
  copy=$(result_field "$work/copy.out" rows_per_s)
  printf '%-40s %s\n' "raw PostgreSQL COPY rows/s" "$copy" \
    "API / raw COPY" "$(awk -v a="$api" -v r="$copy" 'BEGIN { printf "%.1f%%", 100 * a / r }')"
fi

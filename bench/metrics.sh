#!/usr/bin/env bash
# Metric queries on a large store: generates customers, survey responses, events and orders through
# the store's bulk path, then starts the server on that store and times the dashboard's metric calls
# over HTTP against the same numbers computed by plain SQL on the same store (bench/README.md).
# Usage: bench/metrics.sh [--pg] [--customers 100000] [--responses 1000000] [--events 10000000]
#                         [--warmup 5] [--runs 30] [--data DIR] [--pg-db NAME] [--keep] [--generate-only]
#   --pg        PostgreSQL (127.0.0.1:5432, user postgres) instead of the embedded store
#   --data DIR  embedded store directory: reused if it holds a store, else generated there and kept
#   --pg-db NAME  PostgreSQL database: reused if it exists, else created, generated and kept
#   --keep      keep the generated temporary store
#   --cohort-path PATH  the cohort endpoint to time (default /api/v1/metrics/cohorts?from=…&to=…)
# Environment: SERVER_OPTS (JVM options of the benchmark's server JVM), JAR (server jar),
#              PORT (18084 embedded, 18085 PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-}
source bench/common.sh
SECRET_KEY=${SECRET_KEY:-bench-secret-key-0123456789abcdef}

store=duckdb customers=100000 responses=1000000 events=10000000 warmup=5 runs=30
data= pg_db= keep= generate_only= cohort=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --pg) store=postgresql; shift ;;
    --customers) customers=$2; shift 2 ;;
    --responses) responses=$2; shift 2 ;;
    --events) events=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --data) data=$(realpath -m "$2"); shift 2 ;;
    --pg-db) pg_db=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    --generate-only) generate_only=1; shift ;;
    --cohort-path) cohort=(--cohort-path "$2"); shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[[ -z "$port" ]] && port=$([[ $store == postgresql ]] && echo 18085 || echo 18084)
if [[ -z "${JAR:-}" ]]; then
  ls target/touchpoint-*.jar 2>/dev/null | grep -qv original || ./mvnw -q package -DskipTests -Dspotless.check.skip=true
  JAR=$(ls target/touchpoint-*.jar | grep -v original | head -1)
fi
# The generator and the benchmark run the jar's own classes in their JVM, so they are compiled
# against them. Each build of the jar and of the programs gets its own directory: a run started
# meanwhile (a generator in the background) keeps the classes it was started with.
stamp=$( (md5sum "$JAR" bench/metrics/*.java) | md5sum | cut -c1-12)
app=target/bench-app-$stamp
if [[ ! -f $app/ready ]]; then
  rm -rf "$app"
  mkdir -p "$app"
  unzip -q -o "$JAR" 'BOOT-INF/classes/*' 'BOOT-INF/lib/*' -d "$app"
  javac -d "$app/bench" -cp "$app/BOOT-INF/classes:$app/BOOT-INF/lib/*" bench/metrics/*.java
  touch "$app/ready"
fi
APP_CP="$app/bench:$app/BOOT-INF/classes:$app/BOOT-INF/lib/*"

work=$(mktemp -d /tmp/touchpoint-metrics.XXXXXX)
generate=1
if [[ $store == postgresql ]]; then
  if [[ -n "$pg_db" ]]; then
    PG_DB=$pg_db
    if psql -h 127.0.0.1 -U postgres -lqt | cut -d'|' -f1 | grep -qw "$PG_DB"; then
      generate=
    else
      psql -q -h 127.0.0.1 -U postgres -c "create database $PG_DB" >/dev/null
    fi
    keep=1
  else
    PG_DB="touchpoint_metrics_$(date +%s)_$$"
    psql -q -h 127.0.0.1 -U postgres -c "create database $PG_DB" >/dev/null
  fi
  export TOUCHPOINT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB" TOUCHPOINT_DB_USER=postgres TOUCHPOINT_DB_PASSWORD=
  data=$work/data
elif [[ -n "$data" ]]; then
  [[ -f "$data/touchpoint.duckdb" ]] && generate=
  keep=1
else
  data=$work/data
fi
cleanup() {
  if [[ -z "$keep" ]]; then
    [[ $store == postgresql ]] && drop_postgres
    rm -rf "$work"
  else
    echo "kept: ${PG_DB:-$data}"
  fi
}
trap cleanup EXIT
export TOUCHPOINT_BOOTSTRAP_SECRET_KEY=$SECRET_KEY TOUCHPOINT_ADMIN_PASSWORD=bench-admin-password

if [[ -n "$generate" ]]; then
  echo "== $(date -u +%FT%TZ) generating $customers customers, $responses responses, $events events ($store);" \
    "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx6g -cp "$APP_CP" MetricsData --data-dir "$data" --port 0 --customers "$customers" \
    --responses "$responses" --events "$events" | tee "$work/generate.out"
  if [[ $store == postgresql ]]; then
    # what autovacuum would do after a bulk load, before anybody looks at a dashboard
    time psql -q -h 127.0.0.1 -U postgres -d "$PG_DB" -c "vacuum analyze"
  fi
  [[ $store == duckdb ]] && du -sh "$data"
fi
[[ -n "$generate_only" ]] && exit 0

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $(date -u +%FT%TZ)  $(nproc) cores  load average before: $load_before  store: $store"
java ${SERVER_OPTS:-} -cp "$APP_CP" MetricsBench --data-dir "$data" --port "$port" --key "$SECRET_KEY" \
  --warmup "$warmup" --runs "$runs" "${cohort[@]}" | tee "$work/bench.out"
echo "== load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

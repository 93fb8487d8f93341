# Shared by bench/ingest.sh and bench/kill9.sh: build, compile the benchmark programs, start and stop
# the server. Source it from the repository root.

WRITE_KEY=${WRITE_KEY:-bench-write-key-0123456789abcdef}
PORT=${PORT:-18080}
BENCH_CLASSES=target/bench-classes
BENCH_CP="$BENCH_CLASSES:target/bench-lib/*"

# Packages the jar if there is none (JAR=path runs another build of the server instead), then
# compiles bench/*.java against the jar's own JDBC drivers.
bench_build() {
  if [[ -z "${JAR:-}" ]]; then
    if ! ls target/touchpoint-*.jar 2>/dev/null | grep -qv original; then
      echo "== packaging the jar"
      ./mvnw -q package -DskipTests -Dspotless.check.skip=true
    fi
    JAR=$(ls target/touchpoint-*.jar | grep -v original | head -1)
  fi
  rm -rf target/bench-lib "$BENCH_CLASSES"
  mkdir -p target/bench-lib
  unzip -o -q -j "$JAR" 'BOOT-INF/lib/duckdb_jdbc-*.jar' 'BOOT-INF/lib/postgresql-*.jar' -d target/bench-lib
  javac -d "$BENCH_CLASSES" -cp "target/bench-lib/*" bench/*.java
}

# Creates a fresh PostgreSQL database and points the server at it (local server, user postgres, trust).
use_fresh_postgres() {
  PG_DB="touchpoint_bench_$(date +%s)_$$"
  psql -q -h 127.0.0.1 -U postgres -c "create database $PG_DB" >/dev/null
  export TOUCHPOINT_DB_URL="jdbc:postgresql://127.0.0.1:5432/$PG_DB"
  export TOUCHPOINT_DB_USER=postgres
  export TOUCHPOINT_DB_PASSWORD=
}

drop_postgres() {
  if [[ -n "${PG_DB:-}" ]]; then
    psql -q -h 127.0.0.1 -U postgres -c "drop database if exists $PG_DB" >/dev/null || true
  fi
}

# start_server DATA_DIR LOG [extra JVM options...]: starts the jar in the background (SERVER_PID) and
# waits until it is healthy. The bootstrap write key is registered on the first start of a store.
start_server() {
  local dir=$1 log=$2
  shift 2
  TOUCHPOINT_BOOTSTRAP_WRITE_KEY=$WRITE_KEY TOUCHPOINT_ADMIN_PASSWORD=bench-admin-password \
    java ${SERVER_OPTS:-} "$@" -jar "$JAR" --server.port="$PORT" --touchpoint.data-dir="$dir" >>"$log" 2>&1 &
  SERVER_PID=$!
  until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "server exited during start; log: $log" >&2
      tail -20 "$log" >&2
      return 1
    fi
    sleep 0.2
  done
}

# Stops the server gracefully (SIGTERM) and waits for it to exit.
stop_server() {
  if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}

# Value of NAME=value in a "RESULT …" line.
result_field() {
  grep '^RESULT' "$1" | tr ' ' '\n' | grep "^$2=" | head -1 | cut -d= -f2-
}

# wait_for_quiet SECONDS: waits (at most that long) until the 1-minute load average is below 1, so that
# other builds on the machine do not skew the figures; the load average is printed with the results.
wait_for_quiet() {
  local deadline=$((SECONDS + $1))
  while awk '{ exit !($1 >= 1) }' /proc/loadavg && ((SECONDS < deadline)); do
    echo "waiting for a quiet machine: load average $(cut -d' ' -f1-3 /proc/loadavg)"
    sleep 15
  done
}

# CPU seconds (user + system) a process has used so far, all its threads (DuckDB's included).
process_cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$1/stat"
}

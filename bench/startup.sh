#!/usr/bin/env bash
# Measures start-to-healthy time and resident memory of the packaged jar on a fresh embedded store.
# Usage: bench/startup.sh [--demo]    (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/touchpoint-*.jar | grep -v original | head -1)
port=${PORT:-18080}
dir=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$dir"' EXIT
start=$(date +%s.%N)
java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" --touchpoint.data-dir="$dir" "$@" >"$dir.log" 2>&1 &
pid=$!
until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do
  kill -0 $pid 2>/dev/null || { echo "server exited; log: $dir.log"; exit 1; }
  sleep 0.2
done
healthy=$(date +%s.%N)
if [[ " $* " == *" --demo "* ]]; then
  # the demo loads in the background after startup; wait for it to finish
  until grep -q -- "--demo: loaded" "$dir.log"; do kill -0 $pid || exit 1; sleep 0.5; done
fi
done_at=$(date +%s.%N)
sleep 2
rss_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
printf 'healthy after %.1f s, ready (demo loaded if requested) after %.1f s, RSS %d MB, store %s\n' \
  "$(echo "$healthy - $start" | bc)" "$(echo "$done_at - $start" | bc)" $((rss_kb / 1024)) "$(du -sh "$dir" | cut -f1)"

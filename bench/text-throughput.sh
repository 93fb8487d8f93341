#!/usr/bin/env bash
# Throughput of the text pipeline (comments/s, one thread) beside Nori tokenisation alone, on
# Korean reviews from NSMC's dev.tsv; medians of the rounds after the warm-up rounds.
# Usage: bench/text-throughput.sh [count [warm-up rounds [measured rounds]]]   (DATA: NSMC folder)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$cp" -DincludeScope=runtime >/dev/null
java -cp "target/classes:$(cat "$cp")" io.touchpoint.text.internal.training.TextBenchmark \
  "${DATA:-../shared/data/nsmc}" "${1:-10000}" "${2:-3}" "${3:-5}" 2>&1 | grep -v SLF4J

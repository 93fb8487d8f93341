#!/usr/bin/env bash
# Trains, tunes or evaluates the shipped Korean sentiment model on the NSMC files.
#
#   scripts/train-sentiment.sh tune [features,… [C,…]]   # dev.tsv figures for a grid of settings
#   scripts/train-sentiment.sh train     # writes the shipped model, prints dev figures
#   scripts/train-sentiment.sh dev       # the shipped model, as served, on dev.tsv
#   scripts/train-sentiment.sh holdout   # the one final measurement on holdout.tsv
#
# DATA (default ../shared/data/nsmc) holds train.tsv, dev.tsv and holdout.tsv.
# Extra arguments of train: features C minCount balanced (defaults in SentimentTraining).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:?usage: scripts/train-sentiment.sh tune|train|dev|holdout [train settings]}
shift
data=${DATA:-../shared/data/nsmc}
model=src/main/resources/io/touchpoint/text/internal/sentiment_ko.model.gz
./mvnw -q compile
cp=$(mktemp)
trap 'rm -f "$cp"' EXIT
./mvnw -q dependency:build-classpath -Dmdep.outputFile="$cp" -DincludeScope=runtime >/dev/null
run() { java -Xmx6g -cp "target/classes:$(cat "$cp")" io.touchpoint.text.internal.training.SentimentTraining "$@"; }
case "$mode" in
  tune) run tune "$data" "$@" ;;
  train) run train "$data" "$model" "$@" ;;
  dev) run dev "$data" "$model" ;;
  holdout) run holdout "$data" "$model" ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac

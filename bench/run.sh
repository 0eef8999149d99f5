#!/usr/bin/env bash
# Swift SegmentsClient vs the official Python SDK (segments-ai 1.33.0), same server, same run.
#   bench/run.sh                       # 10,000 samples, 5 rounds
#   SAMPLES=100000 ROUNDS=3 bench/run.sh
#   BIN=.build/release bench/run.sh   # binaries built already (a folder with segments-tui and segments-bench)
# Builds release, seeds a temp workspace with jane/scale-$SAMPLES, serves it on a free
# port, then alternates Swift and Python rounds: list every sample (per_page 1000) and
# time get_dataset. Prints medians and the Python/Swift ratio.
set -euo pipefail
cd "$(dirname "$0")/.."

SAMPLES=${SAMPLES:-10000}
ROUNDS=${ROUNDS:-5}
GETS=${GETS:-200}
PER_PAGE=1000

source bench/lib.sh

echo "== seeding $SAMPLES samples" >&2
"$BIN/segments-tui" seed --path "$WORK/ws" --samples "$SAMPLES" --samples-per-dataset 1 > "$WORK/seed.txt"
KEY=$(awk '$1 == "jane:" { print $2 }' "$WORK/seed.txt")
DATASET="jane/scale-$SAMPLES"
[ -n "$KEY" ] || { echo "no API key for jane in the seed output" >&2; cat "$WORK/seed.txt" >&2; exit 1; }

start_server --no-access-log
echo "== server at $URL, dataset $DATASET; $ROUNDS rounds each, alternating" >&2

for round in $(seq 1 "$ROUNDS"); do
    "$BIN/segments-bench" --url "$URL/" --key "$KEY" --dataset "$DATASET" --rounds 1 --per-page "$PER_PAGE" --gets "$GETS" >> "$WORK/swift.txt"
    .venv-bench/bin/python bench/sdk_bench.py --url "$URL/" --key "$KEY" --dataset "$DATASET" --rounds 1 --per-page "$PER_PAGE" --gets "$GETS" >> "$WORK/python.txt"
    echo "   round $round done" >&2
done

echo "machine: $(nproc) cores, $(uname -sr); swift $(swift --version 2>/dev/null | sed -n 's/.*Swift version \([^ ]*\).*/\1/p' | head -n 1); $(.venv-bench/bin/python --version)"
python3 bench/summarize.py "$WORK/swift.txt" "$WORK/python.txt"

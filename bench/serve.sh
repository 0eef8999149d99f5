#!/usr/bin/env bash
# The server and store side of performance (docs/performance.md), one command:
#   bench/serve.sh                                  # 100k samples served, then a 1M-sample workspace
#   SAMPLES=20000 SCALE=100000 ROUNDS=3 bench/serve.sh   # shorter
#   SCALE=0 bench/serve.sh                          # skip the million
# Prints, from one release build on this machine:
#   1. serve's own time per 1000-sample get_samples page and per get_dataset (small dataset and
#      the $SAMPLES one), read from its access log (handler start to answer built, no network);
#   2. decoding one recorded 1000-sample page: the Swift client vs the Python SDK's parsing into
#      its models, same bytes, no server;
#   3. seeding $SCALE samples, then on that workspace whole-process headless runs (open the
#      dataset, G, a status filter, a sort, a metadata filter) and in-process store queries for
#      every documented sort with and without filters.
# The $SCALE workspace is kept in $SCALE_WORKSPACE (default /tmp/segments-scale-$SCALE) and
# reused by later runs unless FRESH=1. BIN=dir uses binaries built elsewhere (e.g. an older commit).
set -euo pipefail
cd "$(dirname "$0")/.."

SAMPLES=${SAMPLES:-100000}
SCALE=${SCALE:-1000000}
ROUNDS=${ROUNDS:-5}
PAGES=${PAGES:-20}
GETS=${GETS:-200}
SCALE_WORKSPACE=${SCALE_WORKSPACE:-/tmp/segments-scale-$SCALE}
FRESH=${FRESH:-0}

source bench/lib.sh

now_ns() { date +%s%N; }
# median of numbers on stdin
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print v[int((NR + 1) / 2)] }'; }
# "median (min–max)" of numbers on stdin, in ms with one decimal
spread() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else printf "%8.1f ms  (min %.1f, max %.1f, n=%d)", v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }

echo "machine: $(nproc) cores, $(uname -sr); load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

# ---- 1. serve: pages and get_dataset --------------------------------------------------------
echo "== seeding $SAMPLES samples (+ 4 demo datasets of 100)" >&2
started=$(now_ns)
"$BIN/segments-tui" seed --path "$WORK/ws" --samples "$SAMPLES" --samples-per-dataset 100 > "$WORK/seed.txt"
seed_ms=$(( ($(now_ns) - started) / 1000000 ))
KEY=$(awk '$1 == "jane:" { print $2 }' "$WORK/seed.txt")
DATASET="jane/scale-$SAMPLES"

start_server --access-log "$WORK/access.log"

# One curl process per batch: a keep-alive connection, like the SDK's session.
batch() { # batch FILE URL... : GET each URL, bodies to /dev/null except the first to FILE
    local out=$1; shift
    { echo "header = \"Authorization: APIKey $KEY\""
      local first=1
      for u in "$@"; do
          echo "url = \"$u\""
          if [ $first = 1 ]; then echo "output = \"$out\""; first=0; else echo "output = \"/dev/null\""; fi
      done; } > "$WORK/curl.cfg"
    curl -s -f -K "$WORK/curl.cfg"
}
pages=$(( SAMPLES / 1000 < PAGES ? SAMPLES / 1000 : PAGES ))
[ "$pages" -ge 1 ] || pages=1
urls=()
for round in $(seq 1 "$ROUNDS"); do
    for page in $(seq 1 "$pages"); do urls+=("$URL/datasets/$DATASET/samples/?per_page=1000&page=$page"); done
done
batch "$WORK/page.json" "${urls[@]}"
for name in jane/street-scenes "$DATASET"; do
    urls=()
    for _ in $(seq 1 "$GETS"); do urls+=("$URL/datasets/$name/"); done
    batch /dev/null "${urls[@]}"
done
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

# access log: ... "GET /path" status bytes 12.3ms
durations() { grep -F "\"GET $1" "$WORK/access.log" | awk '$NF ~ /ms$/ { sub(/ms$/, "", $NF); print $NF }'; }
page_bytes=$(wc -c < "$WORK/page.json")
echo
echo "serve, own time per request (access log; $DATASET seeded in $(awk "BEGIN { printf \"%.1f\", $seed_ms / 1000 }") s):"
echo "  get_samples, 1000 per page ($page_bytes bytes), $pages pages x $ROUNDS: $(durations "/datasets/$DATASET/samples/" | spread)"
echo "  get_dataset, 100 samples (jane/street-scenes):        $(durations "/datasets/jane/street-scenes/\"" | spread)"
echo "  get_dataset, $SAMPLES samples ($DATASET):   $(durations "/datasets/$DATASET/\"" | spread)"

# ---- 2. decoding one recorded page ------------------------------------------------------------
# Alternating, so that both meet the same moments of a busy machine.
: > "$WORK/decode-swift.txt"; : > "$WORK/decode-python.txt"
for _ in $(seq 1 "$ROUNDS"); do
    "$BIN/segments-bench" decode "$WORK/page.json" --rounds 2 --repeat 10 >> "$WORK/decode-swift.txt"
    .venv-bench/bin/python bench/sdk_decode.py "$WORK/page.json" 2 5 >> "$WORK/decode-python.txt"
done
# column 2: wall seconds, column 4: the thread's CPU seconds (what the decoding itself costs,
# whatever else the shared machine runs meanwhile)
pick() { awk -v what="$2" -v column="$3" '$1 == what { print $column * 1000 }' "$1"; }
low() { sort -g | head -n 1; }
row() { # row LABEL FILE KIND
    printf "  %-42s %8.2f ms  %8.2f ms  %8.2f ms\n" "$1" "$(pick "$2" "$3" 4 | median)" "$(pick "$2" "$3" 4 | low)" \
        "$(pick "$2" "$3" 2 | median)"
}
echo
echo "decoding that page (1000 samples, $page_bytes bytes) into models, $ROUNDS rounds:"
echo "                                              CPU median    CPU min   wall median"
row "Swift SegmentsClient (tape decoder)" "$WORK/decode-swift.txt" decode
row "Swift JSONDecoder alone (the old path)" "$WORK/decode-swift.txt" decode-foundation
row "Python SDK: json.loads + pydantic" "$WORK/decode-python.txt" decode
row "Python SDK: its own path (json twice)" "$WORK/decode-python.txt" decode-sdk
awk -v s="$(pick "$WORK/decode-swift.txt" decode 4 | median)" -v p="$(pick "$WORK/decode-python.txt" decode 4 | median)" \
    -v sm="$(pick "$WORK/decode-swift.txt" decode 4 | low)" -v pm="$(pick "$WORK/decode-python.txt" decode 4 | low)" \
    -v q="$(pick "$WORK/decode-python.txt" decode-sdk 4 | median)" \
    'BEGIN { printf "  Swift / Python (CPU): median %.2f, min %.2f  (Python / Swift %.1fx; the SDK'"'"'s own path %.1fx)\n", s / p, sm / pm, p / s, q / s }'

# ---- 3. a million samples ----------------------------------------------------------------------
[ "$SCALE" -gt 0 ] || exit 0
SCALE_DATASET="jane/scale-$SCALE"
if [ "$FRESH" = 1 ] || [ ! -f "$SCALE_WORKSPACE/workspace.sqlite" ]; then
    rm -rf "$SCALE_WORKSPACE"
    echo "== seeding $SCALE samples into $SCALE_WORKSPACE" >&2
    started=$(now_ns)
    "$BIN/segments-tui" seed --path "$SCALE_WORKSPACE" --samples "$SCALE" --samples-per-dataset 100 > "$WORK/scale-seed.txt"
    scale_seed_ms=$(( ($(now_ns) - started) / 1000000 ))
    echo
    echo "seed --samples $SCALE: $(awk "BEGIN { printf \"%.1f\", $scale_seed_ms / 1000 }") s whole process ($(head -n 1 "$WORK/scale-seed.txt" | sed 's/.* in //') inside), database $(du -sh "$SCALE_WORKSPACE/workspace.sqlite" | cut -f1)"
else
    echo
    echo "seed --samples $SCALE: reusing $SCALE_WORKSPACE (FRESH=1 seeds anew and times it)"
fi

headless() { # headless KEYS: whole-process wall time in ms
    local started; started=$(now_ns)
    "$BIN/segments-tui" --headless --path "$SCALE_WORKSPACE" --size 120x35 --keys "$1" > "$WORK/screen.txt"
    echo $(( ($(now_ns) - started) / 1000000 ))
}
echo
echo "whole process, headless 120x35, on $SCALE_DATASET (median of $ROUNDS):"
for case in "start only|" "open the dataset|:dataset $SCALE_DATASET<Enter>" \
            "open, G (last page)|:dataset $SCALE_DATASET<Enter>G" \
            "open, status LABELED|:dataset $SCALE_DATASET<Enter>s3<Enter>" \
            "open, status LABELED, G|:dataset $SCALE_DATASET<Enter>s3<Enter>G" \
            "open, sort priority desc|:dataset $SCALE_DATASET<Enter>o3<Enter>O" \
            "open, metadata city:Paris|:dataset $SCALE_DATASET<Enter>mcity:Paris<Enter>"; do
    label=${case%%|*}; keys=${case#*|}
    headless "$keys" > /dev/null # warm the page cache
    times=$(for _ in $(seq 1 "$ROUNDS"); do headless "$keys"; done)
    printf "  %-28s %s\n" "$label" "$(echo "$times" | spread)"
done

echo
echo "store queries in process on $SCALE_DATASET (pages of 100 with the ground-truth summary, median of $ROUNDS):"
"$BIN/segments-bench" store "$SCALE_WORKSPACE" "$SCALE_DATASET" --rounds "$ROUNDS" |
    awk -F'\t' '{ printf "  %-52s %8.2f ms  (%d rows)\n", $2, $3, $4 }'
echo
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at end"

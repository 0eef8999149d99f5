#!/usr/bin/env bash
# segments-tui, less and visidata on the same rows, measured the same way in tmux (120×35,
# tmux's own TERM): cold start → first full frame, key → screen changed p50/p99, bytes to
# the terminal per row step, RSS. One run prints the table, idle and then with LOAD busy
# processes on the machine's cores.
#
#   bench/tui.sh                 # the one-file release build, 100,000 rows, 100 × j, 7 starts; idle and loaded
#   QUICK=1 bench/tui.sh         # a few rows and keys: checks that it works (scripts/test), not its figures
#   ROWS=10000 KEYS=50 RUNS=3 LOAD=0 BIN=.build/debug/segments-tui bench/tui.sh
#   REMOTE=0 bench/tui.sh        # without the remote figures (bench/remote.sh, run at the end)
#   DYNAMIC=1 bench/tui.sh       # `swift build -c release`'s binary, with the Swift runtime and
#                                # Foundation as shared libraries, instead (bench/browser-bin.sh)
#   SMAPS=/tmp/smaps bench/tui.sh  # also keeps each program's /proc/PID/smaps after the keys
#                                  # there (bench/smaps_summary.py /tmp/smaps/0.segments-tui.smaps)
#   DROP_CACHES=1 bench/tui.sh     # (root) empties the page cache before each series, as after a
#                                  # reboot: right after `strip` wrote it, the kernel mapped far more
#                                  # of the one-file binary at each fault (54 MiB RSS) than of a copy
#                                  # or of the file read back from disk (36.5; docs/performance.md)
#
# The rows: `segments-tui seed --samples ROWS` makes jane/scale-ROWS; its rows in the table's
# order (name ↑) are also written as a text file for less and a CSV for visidata.
# Needs tmux, less, visidata (Debian: apt-get install tmux less visidata) and python3.
# How each figure is taken: bench/tui_bench.py (its docstring).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8

QUICK=${QUICK:-}
if [ -n "$QUICK" ]; then
  ROWS=${ROWS:-2000} KEYS=${KEYS:-10} RUNS=${RUNS:-1} LOAD=${LOAD:-0} PER_DATASET=${PER_DATASET:-10}
else
  ROWS=${ROWS:-100000} KEYS=${KEYS:-100} RUNS=${RUNS:-7} LOAD=${LOAD:-2} PER_DATASET=${PER_DATASET:-300}
fi

for tool in tmux less vd python3; do
  command -v "$tool" >/dev/null || { echo "bench/tui.sh: $tool is missing (Debian: apt-get install tmux less visidata python3)" >&2; exit 1; }
done

source bench/browser-bin.sh bench/tui.sh

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home" "$WORK/state" "$WORK/cache" "$WORK/config"

echo "== seeding jane/scale-$ROWS" >&2
"$BIN" seed --path "$WORK/ws" --samples "$ROWS" --samples-per-dataset "$PER_DATASET" > "$WORK/seed.txt"

# The seed leaves one release PENDING (the demo shows one being finished), and whichever
# process opens the workspace first builds it in the background: let a server do that now,
# so that every measured run browses the same, settled workspace.
"$BIN" serve --path "$WORK/ws" --port 0 --no-access-log > "$WORK/serve.txt" 2>&1 &
SERVE_PID=$!
settled=""
for _ in $(seq 1 600); do
  if python3 -c "import sqlite3, sys; sys.exit(sqlite3.connect('$WORK/ws/workspace.sqlite').execute(\"SELECT count(*) FROM dataset_release WHERE status = 'PENDING'\").fetchone()[0])" 2>/dev/null; then
    settled=1; break
  fi
  sleep 0.1
done
kill "$SERVE_PID" 2>/dev/null || true
wait "$SERVE_PID" 2>/dev/null || true
[ -n "$settled" ] || { echo "bench/tui.sh: the seeded release never finished" >&2; cat "$WORK/serve.txt" >&2; exit 1; }

# The same rows for less and visidata: name, label status, score, priority, updated.
python3 - "$WORK/ws/workspace.sqlite" "scale-$ROWS" "$WORK/rows.txt" "$WORK/rows.csv" <<'PY'
import csv, sqlite3, sys
database, dataset, text_path, csv_path = sys.argv[1:]
rows = sqlite3.connect(database).execute("""
    SELECT s.name, coalesce(l.label_status, 'UNLABELED'), l.score, s.priority, coalesce(l.updated_at, s.created_at)
    FROM sample s JOIN dataset d ON s.dataset_id = d.id
    LEFT JOIN labelset ls ON ls.dataset_id = d.id AND ls.is_groundtruth = 1
    LEFT JOIN label l ON l.sample_id = s.id AND l.labelset_id = ls.id
    WHERE d.name = ? ORDER BY s.name""", (dataset,)).fetchall()
def status(raw): return raw.lower().replace("_", " ")
with open(text_path, "w") as text, open(csv_path, "w", newline="") as table:
    writer = csv.writer(table)
    writer.writerow(["name", "label_status", "score", "priority", "updated"])
    for name, label_status, score, priority, updated in rows:
        score_text = "" if score is None else f"{score:g}"
        text.write(f"{name:<26} {status(label_status):<21} {score_text:>5} {priority:>8g} {updated[:10]}\n")
        writer.writerow([name, status(label_status), score_text, f"{priority:g}", updated[:10]])
if len(rows) == 0:
    sys.exit(f"no rows in {dataset}")
PY

COUNT=$(python3 -c "print(f'{int(\"$ROWS\"):,}')")
# Each program: how to start it, the screen of its first full frame and of its first rows,
# and the keys before the measured ones (segments-tui opens the dataset first).
python3 - "$WORK" "$BIN" "$COUNT" "$ROWS" > "$WORK/programs.json" <<'PY'
import json, shlex, sys
work, binary, count, rows = sys.argv[1:]
env = f"env HOME={work}/home XDG_STATE_HOME={work}/state XDG_CACHE_HOME={work}/cache XDG_CONFIG_HOME={work}/config"
programs = [
    {"name": "less", "command": f"{env} less {shlex.quote(work + '/rows.txt')}",
     "full_frame": r"rows\.txt", "data_frame": r"\.jpg"},
    {"name": "visidata", "command": f"{env} vd {shlex.quote(work + '/rows.csv')}",
     "full_frame": r"^ name .*label_status[\s\S]*\n.*rows\|", "data_frame": r"^ \S+\.(jpg|png) "},
    {"name": "segments-tui", "command": f"{env} {shlex.quote(binary)} --path {shlex.quote(work + '/ws')}",
     # Complete: the header, both boxes closed, the status line written.
     "full_frame": r"^ ◆ segments-tui[\s\S]*╯\n \S", "data_frame": f"scale-{rows} ",
     "prelude": [{"type": f":dataset jane/scale-{rows}"}, {"keys": "Enter", "wait": f" 1 of {count} "}]},
]
print(json.dumps(programs))
PY

machine() {
  echo "machine: $(nproc) cores, $(uname -sr), $(tmux -V), load average$(uptime | sed 's/.*load average//')"
}

run() {
  local load=$1 label=$2
  echo
  echo "== $label"
  machine
  local smaps=()
  if [ -n "${SMAPS:-}" ]; then mkdir -p "$SMAPS" && smaps=(--smaps "$SMAPS/$load"); fi
  if [ -n "${DROP_CACHES:-}" ]; then
    sync && echo 3 > /proc/sys/vm/drop_caches || { echo "bench/tui.sh: DROP_CACHES needs root" >&2; exit 1; }
  fi
  python3 bench/tui_bench.py --programs "$WORK/programs.json" --runs "$RUNS" --keys "$KEYS" --load "$load" \
    --json "$WORK/results-$load.json" --check "${smaps[@]}"
}

echo "segments-tui $("$BIN" --version 2>/dev/null || echo '?') at $BIN; $ROWS rows, $KEYS × j, median of $RUNS starts"
if [ -z "${DROP_CACHES:-}" ]; then
  echo "note: RSS depends on how the binary sits in the page cache (just built: up to ~50% more);" \
    "DROP_CACHES=1 (root) measures it as after a reboot"
fi
run 0 "idle (nothing else started by the bench)"
if [ "$LOAD" -gt 0 ]; then
  run "$LOAD" "loaded: $LOAD busy processes on the $(nproc) cores during the whole run"
fi

# Issue 15's remote figures, in the same run: the same binary in remote mode through a
# delaying proxy at 0, 50 and 150 ms round trip (bench/remote.sh; REMOTE=0 leaves them out,
# and QUICK runs leave them to scripts/test's own short remote step).
if [ -z "$QUICK" ] && [ "${REMOTE:-1}" != 0 ]; then
  echo
  echo "== remote (bench/remote.sh)"
  BIN="$BIN" ROWS="$ROWS" bench/remote.sh
fi

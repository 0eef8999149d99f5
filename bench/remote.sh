#!/usr/bin/env bash
# segments-tui in remote mode over a slow link: the browser against `segments-tui serve`
# through bench/delay_proxy.py at several round-trip times, in tmux (120×35). Per RTT: the
# time to the first page of a dataset (median of 3 starts), then j held for 2,000 rows and
# PgDn held for 10,000 rows (30 presses a second): frames drawn, frames with unloaded rows on
# screen, the most unloaded rows in one frame, the longest time rows stayed unloaded, and
# keys lost.
#
#   bench/remote.sh                # the one-file release build, 100,000 samples, RTT 0, 50 and 150 ms
#   QUICK=1 bench/remote.sh        # 2,000 samples, 300 × j, PgDn over 1,000 rows, RTT 0 and 50:
#                                  # checks that it works (scripts/test), not its figures
#   RTTS="direct 0 150" RATE=20 KBPS=2000 BIN=.build/debug/segments-tui bench/remote.sh
#   DYNAMIC=1 bench/remote.sh      # `swift build -c release`'s binary instead (bench/browser-bin.sh)
#
# RTTS: round-trip times in ms ("direct": no proxy, to see the proxy's own cost). RATE: key
# presses per second while a key is held. KBPS: a bandwidth cap per direction (0: none).
# ROWS, J_ROWS, PGDN_ROWS: the dataset's samples, j presses, rows PgDn passes. OPENS: browser
# starts per RTT, each timing the first page (median; 3, QUICK 1). KEEP=DIR
# keeps the frame logs, the proxies' logs and serve's access log there. Needs tmux and python3.
# How each figure is taken: bench/remote_bench.py (its docstring).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8 LC_ALL=C.UTF-8

QUICK=${QUICK:-}
if [ -n "$QUICK" ]; then
  ROWS=${ROWS:-2000} J_ROWS=${J_ROWS:-300} PGDN_ROWS=${PGDN_ROWS:-1000} RTTS=${RTTS:-"0 50"} OPENS=${OPENS:-1}
else
  ROWS=${ROWS:-100000} J_ROWS=${J_ROWS:-2000} PGDN_ROWS=${PGDN_ROWS:-10000} RTTS=${RTTS:-"0 50 150"} OPENS=${OPENS:-3}
fi
RATE=${RATE:-30} KBPS=${KBPS:-0} KEEP=${KEEP:-}
# The demo datasets get fewer samples than the table shows rows (28 at 120×35), so a full
# table of loaded rows can only be the scale dataset's (the bench tells them apart by that).
PER_DATASET=${PER_DATASET:-10}

fail() { echo "bench/remote.sh: $*" >&2; exit 1; }

for tool in tmux python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (Debian: apt-get install tmux python3)"
done

source bench/browser-bin.sh bench/remote.sh

WORK=$(mktemp -d)
SERVER_PID="" BENCH_PID=""
cleanup() {
  # The driver first: on SIGTERM it stops its browser, proxies and tmux server.
  if [ -n "$BENCH_PID" ]; then
    kill "$BENCH_PID" 2>/dev/null || true
    wait "$BENCH_PID" 2>/dev/null || true
  fi
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ -n "$KEEP" ]; then
    mkdir -p "$KEEP" && cp "$WORK"/frames-*.log "$WORK"/proxy-*.err "$WORK"/results.json "$WORK"/serve.log "$KEEP"/ 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
# Interrupted: exit through the EXIT trap, so the server stops and the folder goes.
trap 'exit 130' INT
trap 'exit 143' TERM

echo "== seeding jane/scale-$ROWS" >&2
"$BIN" seed --path "$WORK/ws" --samples "$ROWS" --samples-per-dataset "$PER_DATASET" > "$WORK/seed.txt" \
  || fail "seed failed"

# No rate limit: holding PgDn asks for pages faster than serve's default 600 a minute, and
# it is the link that is measured here, not the limiter.
source scripts/lib/serve.sh
start_serve --rate-limit 0
# The seed leaves one release PENDING, and whichever process opens the workspace first
# builds it in the background: here the server. Measure once it is done, so that every
# RTT browses the same, settled workspace.
settled=""
for _ in $(seq 1 600); do
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log" >&2; fail "segments-tui serve exited"; }
  if python3 -c "import sqlite3, sys; sys.exit(sqlite3.connect('$WORK/ws/workspace.sqlite').execute(\"SELECT count(*) FROM dataset_release WHERE status = 'PENDING'\").fetchone()[0])" 2>/dev/null; then
    settled=1; break
  fi
  sleep 0.1
done
[ -n "$settled" ] || fail "the seeded release never finished (60 s)"

machine() {
  echo "machine: $(nproc) cores, $(uname -sr), $(tmux -V), load average$(uptime | sed 's/.*load average//')"
}

echo "segments-tui $("$BIN" --version 2>/dev/null || echo '?') at $BIN"
echo "jane/scale-$ROWS through $URL; j × $J_ROWS, PgDn over $PGDN_ROWS rows, $RATE presses/s; RTT (ms): $RTTS$([ "$KBPS" != 0 ] && echo "; $KBPS kbit/s per direction")"
machine
# In the background and waited for: bash runs its INT/TERM traps during `wait`, not while a
# foreground command runs, and the trap's cleanup stops the driver.
python3 bench/remote_bench.py --binary "$BIN" --serve-url "$URL" --key "$KEY" --work "$WORK" \
  --rows "$ROWS" --per-dataset "$PER_DATASET" --rtts "$RTTS" --kbps "$KBPS" --rate "$RATE" --opens "$OPENS" \
  --j-rows "$J_ROWS" --pgdn-rows "$PGDN_ROWS" --json "$WORK/results.json" &
BENCH_PID=$!
status=0
wait "$BENCH_PID" || status=$?
BENCH_PID=""
[ "$status" -eq 0 ] || fail "the measurement failed (above: what it said)"
machine

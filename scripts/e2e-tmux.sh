#!/usr/bin/env bash
# End-to-end: the built binary in a real terminal (tmux), driven and read through
# scripts/tmux-driver. Every wait polls for content with a timeout; nothing sleeps blindly.
# Usage: scripts/e2e-tmux.sh [path/to/segments-tui]
set -euo pipefail
BIN=${1:-.build/debug/segments-tui}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
export TMUX_DRIVER_SOCKET="segtui-e2e-$$"
D() { "$(dirname "$0")/tmux-driver" "$@"; }
WORK=$(mktemp -d)
export LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME="$WORK/state"
unset SEGMENTS_API_KEY SEGMENTS_API_URL
cleanup() { D kill; [[ -n "${SERVER_PID:-}" ]] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- screen ---"; D capture || true; exit 1; }
# wait_for TEXT [SECONDS] / wait_gone TEXT [SECONDS]: the driver polls the pane every 20 ms
# (its message and the screen go to stderr on a timeout).
wait_for() { D wait-for -t "${2:-20}" -- "$1" || fail "timed out waiting for: $1"; }
wait_gone() { D wait-for --gone -t "${2:-20}" -- "$1" || fail "still showing: $1"; }
keys() { D keys "$@"; }
step() { echo "ok - $*"; }

# A shell pane, so we can see what the terminal looks like after the app exits.
D start -x 120 -y 35 -- bash --norc --noprofile
keys "PS1='$ '; clear" Enter
keys "$BIN --path $WORK/ws" Enter
wait_for "seeded the demo workspace" 60
wait_for "street-scenes"
step "first start seeds the demo and shows the datasets"

D type ":dataset jane/street-scenes"; keys Enter
wait_for "1 of 300"
D type "/0001"; wait_for "name~0001"; keys Enter
wait_for "1 of 11"
step "open a dataset and filter samples by name"
keys Enter
wait_for "── Attributes ──"
wait_for "image · "
step "open a sample (detail with preview)"
keys Escape; wait_gone "── Attributes ──"
keys c; wait_for "1 of 300"

for tab in Issues Collaborators Releases Labelsets Workunits Stats Info; do
  keys "]"
  wait_for "› $tab"
done
wait_for "── Label status ──"
step "browse each tab"

D resize 80 24
wait_for "── Label status ──"
D capture | awk 'length > 0' | head -1 | grep -q "segments-tui" || fail "no header after resize"
D resize 160 45
wait_for "Label status"
step "resize redraws at 80x24 and 160x45"

# The mouse, as the terminal reports it (X10: ESC [ M, then button, column, row, each + 32):
# a press and release on the third dataset (column 6, row 6) selects it.
keys Escape Escape
wait_for "jane/street-scenes › "
D type $'\e[M &&'; D type $'\e[M#&&'
wait_for "jane/lidar-highway › "
step "a click selects a dataset"
keys "?"; wait_for "Keys — ? or Esc closes"; keys Escape; wait_gone "Keys — ? or Esc closes"
keys Escape Escape Escape Escape
wait_for "Esc never quits: q or :q quits"
D capture | grep -q "╭─ Datasets" || fail "Esc quit the browser"
step "Esc in a burst goes back and never quits"

# One burst: the dataset, its end, and Enter (tmux sends Enter as Ctrl-J) before the last
# page has come: Enter waits for it and opens the last sample.
keys ":tab samples" Enter ":dataset jane/flower-segmentation" Enter G Enter
wait_for "── Attributes ──"
keys Escape; wait_for "300 of 300"
step "a burst of :dataset, G and Enter opens the last sample"
keys C-c
wait_gone "╭─ Datasets" 10
keys "echo still-a-shell" Enter
wait_for "still-a-shell"
D capture | grep -q "╭─ Datasets" && fail "the browser's screen was left behind"
step "Ctrl-C quits and restores the terminal"

keys "clear; $BIN --path $WORK/ws --as zed; echo exit=\$?" Enter
wait_for "exit=1"
wait_for "There is no user zed in the workspace"
step "--as an unknown user says so and exits 1"

# The config file fails closed: a misspelt or bad safety setting stops the program.
mkdir -p "$WORK/config/segments-tui"
printf 'readonly = yes\n' > "$WORK/config/segments-tui/config"
OUT=$(XDG_CONFIG_HOME="$WORK/config" "$BIN" --path "$WORK/ws" --headless 2>&1 && echo "ran") || true
[[ "$OUT" == *"config:1: unknown key readonly; did you mean read_only?"* && "$OUT" != *ran* ]] || fail "readonly = yes: $OUT"
printf 'read_only = maybe\n' > "$WORK/config/segments-tui/config"
OUT=$(XDG_CONFIG_HOME="$WORK/config" "$BIN" --path "$WORK/ws" --headless 2>&1 && echo "ran") || true
[[ "$OUT" == *"read_only = maybe is neither true nor false"* && "$OUT" != *ran* ]] || fail "read_only = maybe: $OUT"
printf 'read_only = yes\ncolour = blue\n' > "$WORK/config/segments-tui/config"
OUT=$(XDG_CONFIG_HOME="$WORK/config" "$BIN" --path "$WORK/ws" --headless --keys "<Enter>" 2>&1) || fail "a config with an unknown key did not run: $OUT"
[[ "$OUT" == *"warning:"*"unknown key colour is ignored"* && "$OUT" == *"[read-only]"* ]] || fail "unknown key: $OUT"
printf 'graphics = sixels\n' > "$WORK/config/segments-tui/config"
OUT=$(XDG_CONFIG_HOME="$WORK/config" "$BIN" --path "$WORK/ws" --headless 2>&1 && echo "ran") || true
[[ "$OUT" == *"graphics = sixels is not one of auto, kitty, sixel"* && "$OUT" != *ran* ]] || fail "graphics = sixels: $OUT"
printf 'image_cache_mb = lots\n' > "$WORK/config/segments-tui/config"
OUT=$(XDG_CONFIG_HOME="$WORK/config" "$BIN" --path "$WORK/ws" --headless 2>&1 && echo "ran") || true
[[ "$OUT" == *"image_cache_mb = lots is not a size in MiB"* && "$OUT" != *ran* ]] || fail "image_cache_mb = lots: $OUT"
OUT=$("$BIN" --path "$WORK/ws" --graphics bogus 2>&1 && echo "ran") || true
[[ "$OUT" == *"--graphics bogus is not one of"* && "$OUT" != *ran* ]] || fail "--graphics bogus: $OUT"
rm -rf "$WORK/config"
[[ "$("$BIN" --version)" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || fail "--version"
step "the config file fails closed on typos and bad values, warns on unknown keys; --version"

# A row of scrolling sends about a row, not the table: 100 × j through a dataset, one frame
# per key, with every byte the browser writes recorded; then Ctrl-L repaints every cell and
# the screen, colours included, must be what the steps had left. At 120×35, as bench/tui.sh.
D resize 120 35
keys "clear; $BIN --path $WORK/ws" Enter
wait_for "1 of 300"
D type ":dataset jane/street-scenes"; keys Enter
wait_for "jane/street-scenes › Samples"
wait_for " 1 of 300 "
# The other tabs' lists are read ahead once the rows are in: let them land (and the
# status line's "N requests" go) before counting the bytes of the steps.
wait_gone " request"
D record "$WORK/pty.out"
for row in $(seq 2 101); do keys j; wait_for " $row of 300 "; done
# pipe-pane writes behind the screen: wait until the recording stops growing.
settled() { local size=-1; while [[ "$(stat -c %s "$1")" != "$size" ]]; do size=$(stat -c %s "$1"); sleep 0.1; done; echo "$size"; }
SCROLLED=$(settled "$WORK/pty.out")
PER_STEP=$((SCROLLED / 100))
(( PER_STEP < 430 )) || fail "100 × j sent $SCROLLED bytes, $PER_STEP per row step (at most 430)"
BEFORE=$(D capture -e)
keys C-l
D wait-until -t 10 "(( \$(stat -c %s $WORK/pty.out) > $SCROLLED + 4000 ))" >/dev/null || fail "Ctrl-L repainted nothing"
settled "$WORK/pty.out" >/dev/null
D record --stop
[[ "$(D capture -e)" == "$BEFORE" ]] || { diff <(echo "$BEFORE") <(D capture -e) | head -20; fail "the screen after 100 × j differs from its repaint"; }
keys q; keys q
wait_gone "╭─ Datasets"
step "100 × j sends $PER_STEP bytes per row step; the screen equals a full repaint (Ctrl-L)"

# Remote mode: the same workspace served over HTTP, browsed through the client.
source "$(dirname "$0")/lib/serve.sh"
start_serve
PORT=${URL##*:}
BUSY=$("$BIN" serve --path "$WORK/ws" --port "$PORT" 2>&1 && echo "started twice" || true)
[[ "$BUSY" == *"port $PORT is in use; pick another with --port"* ]] || fail "serve on a busy port said: $BUSY"
step "serve on a busy port names the port and the fix"
keys "clear; SEGMENTS_API_KEY=$KEY SEGMENTS_API_URL=$URL $BIN" Enter
wait_for "${URL#http://}"
wait_for "street-scenes"
D type ":dataset jane/street-scenes"; keys Enter
wait_for "1 of 300"
keys q; keys q
wait_gone "╭─ Datasets"
step "remote mode against segments-tui serve"
echo "all tmux end-to-end checks passed"

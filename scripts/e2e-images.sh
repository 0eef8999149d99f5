#!/usr/bin/env bash
# End-to-end for sample pictures (issue 12): the built binary in tmux shows the open
# sample's picture as 24-bit colour symbols with its boxes in their categories' colours,
# hides it under a dialog and brings it back, changes it with `n`, and does the same in
# remote mode against `segments-tui serve`. Read with `capture-pane -e` (colours kept).
# Usage: scripts/e2e-images.sh [path/to/segments-tui]
set -euo pipefail
BIN=${1:-.build/debug/segments-tui}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SOCKET="segtui-img-$$"
WORK=$(mktemp -d)
export LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
unset SEGMENTS_API_KEY SEGMENTS_API_URL
T() { tmux -L "$SOCKET" "$@"; }
cleanup() { T kill-server 2>/dev/null || true; [[ -n "${SERVER_PID:-}" ]] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- screen ---"; T capture-pane -p -t img || true; exit 1; }
# wait_until SECONDS COMMAND...: polls COMMAND every 20 ms until it succeeds.
wait_until() {
  local deadline=$(( $(date +%s%N) + $1 * 1000000000 )); shift
  while (( $(date +%s%N) < deadline )); do "$@" && return 0; sleep 0.02; done
  return 1
}
screen_has() { T capture-pane -p -t img 2>/dev/null | grep -qF -- "$1"; }
# Cells drawn in 24-bit colour (SGR 38;2 / 48;2), counted on the whole pane.
truecolor_cells() { T capture-pane -p -e -t img 2>/dev/null | grep -o '[34]8;2;[0-9]*;[0-9]*;[0-9]*' | wc -l; }
has_pictures() { (( $(truecolor_cells) > 200 )); }
no_pictures() { (( $(truecolor_cells) == 0 )); }
# The demo's category colours (car, pedestrian, cyclist, traffic light, bus).
has_category_colour() {
  T capture-pane -p -e -t img | grep -qE '[34]8;2;(230;25;75|60;180;75|255;225;25|0;130;200|245;130;48)m'
}
keys() { T send-keys -t img "$@"; }
step() { echo "ok - $*"; }

"$BIN" seed --path "$WORK/ws" >/dev/null
T new-session -d -s img -x 140 -y 40 "bash --norc --noprofile"
T set-option -t img status off
# tmux is the terminal here: symbols (kitty/sixel do not survive it); COLORTERM asks for 24-bit.
keys "PS1='$ '; clear; export COLORTERM=truecolor" Enter
keys "$BIN --path $WORK/ws" Enter
wait_until 30 screen_has "street-scenes" || fail "no datasets"
keys -l ":dataset jane/street-scenes"; keys Enter
wait_until 20 screen_has "1 of 300" || fail "no samples"
open_first_sample() {
  # Enter opens the selected row once the samples table has the focus; until then it is
  # taken by the datasets pane, so try a few times.
  for _ in 1 2 3 4 5; do
    keys Enter
    wait_until 4 screen_has "── Attributes ──" && return 0
  done
  fail "no detail"
}
open_first_sample
wait_until 20 has_pictures || fail "no 24-bit picture in the detail"
step "the sample's picture shows as 24-bit colour symbols"
wait_until 5 has_category_colour || fail "no box in a category colour"
step "its boxes are drawn in their categories' colours"

first=$(T capture-pane -p -e -t img | md5sum)
keys "?"; wait_until 10 screen_has "Keys — ? or Esc closes" || fail "no help"
wait_until 10 no_pictures || fail "the picture stayed over the help dialog"
step "a dialog hides the picture (no stray cells)"
keys Escape
wait_until 10 has_pictures || fail "the picture did not come back after the dialog"
step "closing the dialog brings it back"

keys n
wait_until 20 sh -c "[ \"\$(tmux -L $SOCKET capture-pane -p -e -t img | md5sum)\" != \"$first\" ]" || fail "n did not change the screen"
wait_until 20 has_pictures || fail "no picture for the next sample"
step "n shows the next sample's picture"

T resize-window -t img -x 100 -y 30
wait_until 20 has_pictures || fail "no picture after a resize"
step "a resize redraws the picture"

keys q; keys q; keys q
wait_until 20 sh -c "! tmux -L $SOCKET capture-pane -p -t img | grep -qF '╭─ Datasets'" || fail "did not quit"
wait_until 5 no_pictures || fail "picture cells left after quitting"
step "quitting leaves no picture behind"

# Remote mode: the pictures come over HTTP from serve, through the client.
source "$(dirname "$0")/lib/serve.sh"
start_serve
T resize-window -t img -x 140 -y 40
keys "clear; SEGMENTS_API_KEY=$KEY SEGMENTS_API_URL=$URL $BIN" Enter
wait_until 30 screen_has "street-scenes" || fail "no datasets in remote mode"
keys -l ":dataset acme/parking-lots"; keys Enter
wait_until 20 screen_has "1 of 300" || fail "no samples in remote mode"
open_first_sample
wait_until 20 has_pictures || fail "no picture in remote mode"
ls "$WORK/cache/segments-tui/images/"*.img >/dev/null 2>&1 || fail "the remote picture was not kept in the disk cache"
step "remote mode: the picture comes from serve and lands in the disk cache"
keys q; keys q; keys q
wait_until 10 no_pictures || fail "picture cells left after quitting remote mode"
browser_gone() { ! screen_has "segments-tui  jane"; }
wait_until 10 browser_gone || fail "the browser did not quit"

# --graphics none: the outline only, no picture (a negative check, bounded to 3 s).
keys "clear; $BIN --path $WORK/ws --graphics none" Enter
wait_until 30 screen_has "street-scenes" || fail "no datasets with --graphics none"
keys -l ":dataset jane/street-scenes"; keys Enter
wait_until 20 screen_has "1 of 300" || fail "no samples with --graphics none"
open_first_sample
wait_until 3 has_pictures && fail "--graphics none still drew a picture"
step "--graphics none keeps to the outline"
keys q; keys q; keys q
echo "all image end-to-end checks passed"

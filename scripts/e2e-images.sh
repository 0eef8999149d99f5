#!/usr/bin/env bash
# End-to-end for sample pictures (issue 12): the built binary in tmux shows the open
# sample's picture as 24-bit colour symbols with its boxes in their categories' colours,
# hides it under a dialog and brings it back, changes it with `n`, and does the same in
# remote mode against `segments-tui serve`. Driven through scripts/tmux-driver; read with colours kept.
# Usage: scripts/e2e-images.sh [path/to/segments-tui]
set -euo pipefail
BIN=${1:-.build/debug/segments-tui}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
export TMUX_DRIVER_SOCKET="segtui-img-$$"
D() { "$(dirname "$0")/tmux-driver" "$@"; }
WORK=$(mktemp -d)
export LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
unset SEGMENTS_API_KEY SEGMENTS_API_URL
cleanup() { D kill; [[ -n "${SERVER_PID:-}" ]] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- screen ---"; D capture || true; exit 1; }
# wait_for SECONDS TEXT: until TEXT shows. wait_screen SECONDS CHECK: until CHECK, a shell
# command reading the screen with its colours, holds. Both poll every 20 ms; on a timeout
# the caller's `fail` shows the screen.
wait_for() { D wait-for -t "$1" -- "$2" 2>/dev/null; }
wait_screen() { D wait-until -e -t "$1" "$2" 2>/dev/null; }
# Cells drawn in 24-bit colour (SGR 38;2 / 48;2), counted on the whole pane.
truecolor_cells='grep -o "[34]8;2;[0-9]*;[0-9]*;[0-9]*" | wc -l'
has_pictures="(( \$($truecolor_cells) > 200 ))"
no_pictures="(( \$($truecolor_cells) == 0 ))"
# The demo's category colours (car, pedestrian, cyclist, traffic light, bus).
has_category_colour="grep -qE '[34]8;2;(230;25;75|60;180;75|255;225;25|0;130;200|245;130;48)m'"
keys() { D keys "$@"; }
step() { echo "ok - $*"; }

"$BIN" seed --path "$WORK/ws" >/dev/null
D start -x 140 -y 40 -- bash --norc --noprofile
# tmux is the terminal here: symbols (kitty/sixel do not survive it); COLORTERM asks for 24-bit.
keys "PS1='$ '; clear; export COLORTERM=truecolor" Enter
keys "$BIN --path $WORK/ws" Enter
wait_for 30 "street-scenes" || fail "no datasets"
D type ":dataset jane/street-scenes"; keys Enter
wait_for 20 "1 of 300" || fail "no samples"
open_first_sample() {
  # Enter opens the selected row once the samples table has the focus; until then it is
  # taken by the datasets pane, so try a few times.
  for _ in 1 2 3 4 5; do
    keys Enter
    wait_for 4 "── Attributes ──" && return 0
  done
  fail "no detail"
}
open_first_sample
wait_screen 20 "$has_pictures" || fail "no 24-bit picture in the detail"
step "the sample's picture shows as 24-bit colour symbols"
wait_screen 5 "$has_category_colour" || fail "no box in a category colour"
step "its boxes are drawn in their categories' colours"

D capture -e > "$WORK/first-picture"
keys "?"; wait_for 10 "Keys — ? or Esc closes" || fail "no help"
wait_screen 10 "$no_pictures" || fail "the picture stayed over the help dialog"
step "a dialog hides the picture (no stray cells)"
keys Escape
wait_screen 10 "$has_pictures" || fail "the picture did not come back after the dialog"
step "closing the dialog brings it back"

keys n
D wait-change -t 20 -e < "$WORK/first-picture" >/dev/null 2>&1 || fail "n did not change the screen"
wait_screen 20 "$has_pictures" || fail "no picture for the next sample"
step "n shows the next sample's picture"

D resize 100 30
wait_screen 20 "$has_pictures" || fail "no picture after a resize"
step "a resize redraws the picture"

# Ctrl-Z gives the terminal back to the shell; fg repaints the text and sends the picture again.
keys C-z
wait_screen 10 "$no_pictures" || fail "the picture stayed after Ctrl-Z"
wait_for 10 "$ " || fail "no shell prompt after Ctrl-Z"
keys "fg" Enter
wait_for 20 "── Attributes ──" || fail "fg did not bring the detail back"
wait_screen 20 "$has_pictures" || fail "no picture after Ctrl-Z and fg"
step "Ctrl-Z and fg bring the picture back"

keys q; keys q; keys q
D wait-for --gone -t 20 "╭─ Datasets" 2>/dev/null || fail "did not quit"
wait_screen 5 "$no_pictures" || fail "picture cells left after quitting"
step "quitting leaves no picture behind"

# Remote mode: the pictures come over HTTP from serve, through the client.
source "$(dirname "$0")/lib/serve.sh"
start_serve
D resize 140 40
keys "clear; SEGMENTS_API_KEY=$KEY SEGMENTS_API_URL=$URL $BIN" Enter
wait_for 30 "street-scenes" || fail "no datasets in remote mode"
D type ":dataset acme/parking-lots"; keys Enter
wait_for 20 "1 of 300" || fail "no samples in remote mode"
open_first_sample
wait_screen 20 "$has_pictures" || fail "no picture in remote mode"
ls "$WORK/cache/segments-tui/images/"*.img >/dev/null 2>&1 || fail "the remote picture was not kept in the disk cache"
step "remote mode: the picture comes from serve and lands in the disk cache"
keys q; keys q; keys q
wait_screen 10 "$no_pictures" || fail "picture cells left after quitting remote mode"
D wait-for --gone -t 10 "segments-tui  jane" 2>/dev/null || fail "the browser did not quit"

# --graphics none: the outline only, no picture (a negative check, bounded to 3 s).
keys "clear; $BIN --path $WORK/ws --graphics none" Enter
wait_for 30 "street-scenes" || fail "no datasets with --graphics none"
D type ":dataset jane/street-scenes"; keys Enter
wait_for 20 "1 of 300" || fail "no samples with --graphics none"
open_first_sample
wait_screen 3 "$has_pictures" && fail "--graphics none still drew a picture"
step "--graphics none keeps to the outline"
keys q; keys q; keys q
echo "all image end-to-end checks passed"

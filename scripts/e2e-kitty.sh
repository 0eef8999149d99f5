#!/usr/bin/env bash
# End-to-end in a real kitty (Debian's, on a virtual X server with Mesa's software OpenGL),
# running the built binary WITHOUT --graphics: kitty must answer the terminal query's
# graphics request, so the browser picks the kitty protocol from the answer (not from
# KITTY_WINDOW_ID), and it must report its cell size. The sample's picture is then checked on
# the X screen's pixels against a --graphics symbols run in the same terminal: kitty shows
# the photo pixel for pixel, so the screen holds several times the distinct colours that
# symbols (two colours per cell) can show.
# Usage: scripts/e2e-kitty.sh [path/to/segments-tui] [screenshot.png]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib/xvfb.sh" kitty "$@"

# run NAME ARGS...: a fresh kitty (the bytes it receives dumped to $WORK/NAME.out) with a
# shell in it; once the prompt shows, the browser is started from it as a user would (a
# kitty that has only just opened can take longer than the query's timeout to answer), and
# its first street scene opened.
run() {
  local name=$1; shift
  clean_env PS1='ready$ ' kitty --config NONE -o initial_window_width=1000 -o initial_window_height=600 \
    --dump-bytes "$WORK/$name.out" bash --norc --noprofile >"$WORK/$name.kitty.log" 2>&1 &
  TERMINAL_PID=$!
  poll 60 grep -qsF 'ready$ ' "$WORK/$name.out" || fail "no shell prompt in kitty"
  xdotool mousemove 200 200
  xdotool type --delay 10 "exec $BIN --path $WORK/ws $*"
  xdotool key Return
  open_sample "$WORK/$name.out"
}
wrote_kitty_image() { grep -qa $'\e_Ga=T' "$WORK/$1.out" || grep -qa $'\e_G[a-z=0-9,]*a=T' "$WORK/$1.out"; }

# 1. Detection alone.
run detected
grep -qF "graphics kitty: terminal answers the kitty graphics query" "$APP_LOG" \
  || fail "detection did not pick kitty from the terminal's answer"
query=$(grep -oE "terminal query answered in [0-9]+ ms: DA1 [0-9;]*, kitty OK, cell [0-9]+×[0-9]+ px" "$APP_LOG" | tail -1)
[[ -n "$query" ]] || fail "kitty's answer (OK and its cell size) is not in the log"
step "kitty is asked, answers the graphics query OK and its cell size, and gets kitty ($query)"
kitty_drawn() { wrote_kitty_image detected && (( $(stat distinct) > 3000 )); }
poll 60 kitty_drawn || fail "no kitty picture on the X screen"
poll 20 steady || fail "the kitty screen did not settle"
detected_stats=$(screen_stats)
detected_distinct=$(stat distinct)
if [[ -n "$SHOT" ]]; then python3 "$HERE/lib/xscreen.py" png "$SCREEN" "$SHOT"; fi
quit_browser

# 2. The control: colour symbols in the same terminal.
run symbols --graphics symbols
grep -qF "graphics symbols: --graphics" "$APP_LOG" || fail "the flag did not decide"
symbols_drawn() { (( $(stat distinct) > 200 )); }
poll 60 symbols_drawn || fail "no symbols picture"
poll 20 steady || fail "the symbols screen did not settle"
symbols_distinct=$(stat distinct)
wrote_kitty_image symbols && fail "--graphics symbols sent a kitty image"
(( detected_distinct > 3 * symbols_distinct )) \
  || fail "kitty's picture has $detected_distinct distinct colours, symbols $symbols_distinct: not told apart"
step "the picture is on the X screen pixel for pixel: $detected_distinct distinct colours, $symbols_distinct with symbols ($detected_stats)"
quit_browser
echo "all kitty end-to-end checks passed"

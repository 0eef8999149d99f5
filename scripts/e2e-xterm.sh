#!/usr/bin/env bash
# End-to-end in a real sixel terminal: Debian's xterm as a VT340 on a virtual X server
# (Xvfb), running the built binary WITHOUT --graphics, so the terminal query itself must
# find sixel. The sample's picture is then checked on the X server's own pixels: a sixel
# picture shows the photo's colours, most of them off xterm's 256-colour palette, and the
# demo's category colours on its boxes; colour symbols (the fallback) can only show palette
# colours, none of them near a category colour. A second run with --graphics symbols, in
# the same terminal, must fail that check: it sees sixel, not merely colour.
# Usage: scripts/e2e-xterm.sh [path/to/segments-tui] [screenshot.png]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
source "$HERE/lib/xvfb.sh" xterm "$@"

# run NAME ARGS...: the browser in a fresh xterm (its output logged to $WORK/NAME.out), as a
# VT340 with 256 sixel colour registers and a bitmap font (antialiased text would blend
# colours off the palette), then its first street scene opened.
run() {
  local name=$1; shift
  clean_env xterm -ti vt340 -xrm 'XTerm*decTerminalID: vt340' -xrm 'XTerm*numColorRegisters: 256' \
    -fn 9x15 -geometry 110x36+0+0 -l -lf "$WORK/$name.out" -e "$BIN" --path "$WORK/ws" "$@" &
  TERMINAL_PID=$!
  open_sample "$WORK/$name.out"
}
# A sixel picture: many pixels off xterm's palette, and the demo's category colours on its boxes.
sixel_drawn() { (( $(stat off_palette) > 20000 && $(stat categories) > 40 )); }
wrote_sixel() { grep -qa $'\eP[0-9;]*q' "$WORK/$1.out"; }

# 1. Detection alone.
run detected
grep -qF "graphics sixel: terminal reports sixel (DA1 4)" "$APP_LOG" \
  || fail "detection did not pick sixel from the terminal's answer"
query=$(grep -oE "terminal query answered in [0-9]+ ms: DA1 [0-9;]*" "$APP_LOG" | tail -1)
[[ -n "$query" ]] || fail "no answer to the terminal query in the log"
step "xterm -ti vt340 is asked, answers DA1 with 4, and gets sixel ($query)"
poll 60 sixel_drawn || fail "no sixel picture on the X screen"
wrote_sixel detected || fail "no sixel sequence (DCS … q) went to the terminal"
detected_stats=$(screen_stats)
step "the sample's picture is on the X screen in the photo's own colours ($detected_stats)"
if [[ -n "$SHOT" ]]; then python3 "$HERE/lib/xscreen.py" png "$SCREEN" "$SHOT"; fi
quit_browser

# 2. The control: colour symbols in the same terminal must fail that check.
run symbols --graphics symbols
grep -qF "graphics symbols: --graphics" "$APP_LOG" || fail "the flag did not decide"
symbols_drawn() { (( $(stat distinct) > 20 )); }
poll 60 symbols_drawn || fail "no symbols picture"
poll 20 steady || fail "the symbols screen did not settle"
symbols_stats=$(screen_stats)
sixel_drawn && fail "the sixel check passes on colour symbols too ($symbols_stats): it proves nothing"
wrote_sixel symbols && fail "--graphics symbols wrote sixel"
step "the same check fails on colour symbols ($symbols_stats)"
quit_browser
echo "all xterm end-to-end checks passed"

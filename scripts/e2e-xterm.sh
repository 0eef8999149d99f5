#!/usr/bin/env bash
# End-to-end in a real sixel terminal: Debian's xterm as a VT340 on a virtual X server
# (Xvfb), running the built binary WITHOUT --graphics, so the terminal query itself must
# find sixel. The sample's picture is then checked on the X server's own pixels: a sixel
# picture shows the photo's colours, most of them off xterm's 256-colour palette, and the
# demo's category colours (car 230,25,75 ...); colour symbols (the fallback) can only show
# palette colours, none of them near a category colour. A second run with
# --graphics symbols, in the same terminal, proves the check fails without sixel.
# Keys are typed through the X server (xdotool); every wait polls (the terminal's output
# log, the app's log or the screen) against a deadline.
# Usage: scripts/e2e-xterm.sh [path/to/segments-tui] [screenshot.png]
set -euo pipefail
BIN=${1:-.build/debug/segments-tui}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SHOT=${2:-}
HERE=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb xterm xdotool python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (see .ci/run)"; exit 1; }
done
WORK=$(mktemp -d)
XVFB_PID="" XTERM_PID=""
cleanup() {
  [[ -n "$XTERM_PID" ]] && kill "$XTERM_PID" 2>/dev/null || true
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "ok - $*"; }
fail() {
  echo "FAIL: $*"
  echo "--- screen: $(python3 "$HERE/lib/xscreen.py" stats "$SCREEN" 2>&1 || true)"
  echo "--- app log:"; tail -5 "$WORK/state/segments-tui/log" 2>/dev/null || true
  exit 1
}
# poll SECONDS COMMAND...: until COMMAND succeeds, every 100 ms.
poll() {
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    (( SECONDS < deadline )) || return 1
    sleep 0.1
  done
}

# A virtual X server on a display it picks itself; its framebuffer is kept as an XWD file.
mkdir -p "$WORK/fb"
Xvfb -displayfd 3 -screen 0 1024x640x24 -fbdir "$WORK/fb" -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
poll 20 grep -q '[0-9]' "$WORK/display" || { cat "$WORK/xvfb.log"; fail "Xvfb did not start"; }
export DISPLAY=":$(tr -dc 0-9 < "$WORK/display")"
SCREEN="$WORK/fb/Xvfb_screen0"

"$BIN" seed --path "$WORK/ws" >/dev/null

# run NAME ARGS...: the browser in a fresh xterm, as a VT340 with 256 sixel colour registers,
# a bitmap font (no antialiased text, whose blended pixels are off the palette) and a clean
# environment: no tmux, no COLORTERM (symbols stay in the 256 palette), TERM as xterm sets it.
run() {
  local name=$1; shift
  env -i PATH="$PATH" HOME="$WORK" LANG=C.UTF-8 DISPLAY="$DISPLAY" XDG_STATE_HOME="$WORK/state" \
    XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" \
    xterm -ti vt340 -xrm 'XTerm*decTerminalID: vt340' -xrm 'XTerm*numColorRegisters: 256' \
      -fn 9x15 -geometry 110x36+0+0 -l -lf "$WORK/$name.out" \
      -e "$BIN" --path "$WORK/ws" "$@" &
  XTERM_PID=$!
  poll 30 grep -qF "street-scenes" "$WORK/$name.out" 2>/dev/null || fail "$name: no datasets on the screen"
  # Keys go through the X server to the window under the pointer (no window manager here).
  xdotool mousemove 200 200
  xdotool type --delay 30 ":dataset jane/street-scenes"
  xdotool key Return
  poll 30 grep -qF "1 of 300" "$WORK/$name.out" || fail "$name: no samples"
  # Enter opens the selected row once the samples table has the focus; try a few times.
  local tries=0
  until grep -qF "Attributes" "$WORK/$name.out"; do
    (( tries++ < 5 )) || fail "$name: the sample did not open"
    xdotool key Return
    poll 4 grep -qF "Attributes" "$WORK/$name.out" || true
  done
}
quit() {
  xdotool key q q q
  poll 20 bash -c "! kill -0 $XTERM_PID 2>/dev/null" || fail "the browser did not quit"
  XTERM_PID=""
}
stat() { python3 "$HERE/lib/xscreen.py" stats "$SCREEN" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
# A sixel picture: many pixels off xterm's palette, and the car's colour on its boxes.
sixel_drawn() { (( $(stat off_palette) > 20000 && $(stat car) > 40 )); }

# 1. Detection alone.
run detected
poll 20 grep -qF "graphics sixel: terminal reports sixel (DA1 4)" "$WORK/state/segments-tui/log" \
  || fail "detection did not pick sixel from the terminal's answer"
grep -qE "terminal query answered in [0-9]+ ms: DA1 [0-9;]*" "$WORK/state/segments-tui/log" || fail "no query line in the log"
step "xterm -ti vt340 is asked and answers DA1 with 4: sixel ($(grep -oE 'terminal query answered[^"]*' "$WORK/state/segments-tui/log" | tail -1))"
poll 60 sixel_drawn || fail "no sixel picture on the X screen"
read -r detected_stats < <(python3 "$HERE/lib/xscreen.py" stats "$SCREEN")
grep -q $'\eP[0-9;]*q' "$WORK/detected.out" || fail "no sixel sequence (DCS … q) went to the terminal"
step "the sample's picture is on the X screen in real pixels ($detected_stats)"
if [[ -n "$SHOT" ]]; then python3 "$HERE/lib/xscreen.py" png "$SCREEN" "$SHOT"; fi
quit

# 2. The control: colour symbols in the same terminal must fail that check.
run symbols --graphics symbols
# Wait until the symbols picture is drawn and the screen holds still.
symbols_drawn() { (( $(stat distinct) > 20 )); }
poll 60 symbols_drawn || fail "no symbols picture"
steady() { local a b; a=$(python3 "$HERE/lib/xscreen.py" stats "$SCREEN"); sleep 0.3; b=$(python3 "$HERE/lib/xscreen.py" stats "$SCREEN"); [[ "$a" == "$b" ]]; }
poll 20 steady || fail "the symbols screen did not settle"
read -r symbols_stats < <(python3 "$HERE/lib/xscreen.py" stats "$SCREEN")
sixel_drawn && fail "the sixel check passes on colour symbols too ($symbols_stats): it proves nothing"
grep -q $'\eP[0-9;]*q' "$WORK/symbols.out" && fail "--graphics symbols wrote sixel"
grep -qF "graphics symbols: --graphics" "$WORK/state/segments-tui/log" || fail "the flag did not decide"
step "the same check fails on colour symbols ($symbols_stats): it sees sixel, not just colour"
quit
echo "all xterm end-to-end checks passed"

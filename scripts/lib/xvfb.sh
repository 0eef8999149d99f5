# Shared by scripts/e2e-xterm.sh and scripts/e2e-kitty.sh: a real terminal on a virtual X
# server, the browser in it, keys typed through the X server, the screen read back as pixels.
# Source it after setting HERE, as `source "$HERE/lib/xvfb.sh" TERMINAL "$@"` (TERMINAL: the
# terminal program it needs; the script's own arguments: [path/to/segments-tui] [screenshot.png]).
# It sets BIN (absolute), SHOT, WORK, DISPLAY, SCREEN and a cleanup trap.
# Every wait polls against a deadline; none sleeps blindly.
BIN=${2:-.build/debug/segments-tui}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
SHOT=${3:-}
for tool in "$1" Xvfb xdotool python3; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (see .ci/run)"; exit 1; }
done
WORK=$(mktemp -d)
XVFB_PID="" TERMINAL_PID=""
cleanup() {
  [[ -n "$TERMINAL_PID" ]] && kill "$TERMINAL_PID" 2>/dev/null || true
  [[ -n "$XVFB_PID" ]] && kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "ok - $*"; }
fail() {
  echo "FAIL: $*"
  echo "--- screen: $(python3 "$HERE/lib/xscreen.py" stats "$SCREEN" 2>&1 || true)"
  echo "--- app log:"; tail -5 "$WORK/state/segments-tui/log" 2>/dev/null || true
  if [[ -n "${FAILED_SCREEN:-}" ]]; then python3 "$HERE/lib/xscreen.py" png "$SCREEN" "$FAILED_SCREEN" || true; fi
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

# A virtual X server on a display it picks itself, with no pointer drawn; its framebuffer is
# kept as an XWD file.
mkdir -p "$WORK/fb"
Xvfb -displayfd 3 -screen 0 1024x640x24 -fbdir "$WORK/fb" -nocursor -nolisten tcp 3>"$WORK/display" 2>"$WORK/xvfb.log" &
XVFB_PID=$!
SCREEN="$WORK/fb/Xvfb_screen0"
poll 20 grep -qs '[0-9]' "$WORK/display" || { cat "$WORK/xvfb.log"; fail "Xvfb did not start"; }
export DISPLAY=":$(tr -dc 0-9 < "$WORK/display")"
APP_LOG="$WORK/state/segments-tui/log"

"$BIN" seed --path "$WORK/ws" >/dev/null

# The terminal's environment: nothing of ours (no tmux, no COLORTERM, no query switch);
# TERM and the like are what the terminal itself sets.
clean_env() {
  env -i PATH="$PATH" HOME="$WORK" LANG=C.UTF-8 DISPLAY="$DISPLAY" XDG_STATE_HOME="$WORK/state" \
    XDG_CACHE_HOME="$WORK/cache" XDG_CONFIG_HOME="$WORK/config" "$@"
}

# open_sample OUTPUT: with the browser starting in the terminal whose output is logged to
# OUTPUT, opens the street scenes and their first sample.
open_sample() {
  local output=$1
  poll 60 grep -qsF "street-scenes" "$output" || fail "no datasets on the screen"
  # Keys go through the X server to the window under the pointer (no window manager here).
  xdotool mousemove 200 200
  xdotool type --delay 30 ":dataset jane/street-scenes"
  xdotool key Return
  poll 30 grep -qF "1 of 300" "$output" || fail "no samples"
  # Enter opens the selected row once the samples table has the focus; try a few times.
  local tries=0
  until grep -qF "Attributes" "$output"; do
    (( tries++ < 5 )) || fail "the sample did not open"
    xdotool key Return
    poll 4 grep -qF "Attributes" "$output" || true
  done
}

quit_browser() {
  xdotool key q q q
  poll 20 bash -c "! kill -0 $TERMINAL_PID 2>/dev/null" || fail "the browser did not quit"
  TERMINAL_PID=""
}

# stat KEY: one count from `xscreen.py stats` of the screen now.
stat() { python3 "$HERE/lib/xscreen.py" stats "$SCREEN" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
screen_stats() { python3 "$HERE/lib/xscreen.py" stats "$SCREEN"; }
# The screen holds still: the same counts 300 ms apart.
steady() {
  local before; before=$(screen_stats)
  sleep 0.3
  [[ "$(screen_stats)" == "$before" ]]
}

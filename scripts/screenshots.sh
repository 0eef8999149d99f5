#!/usr/bin/env bash
# Regenerates screenshots/*.png from real tmux runs of the built binary: capture-pane -e
# (text with colours) rendered by scripts/render_ansi.py (pyte + Pillow in .venv-shots).
# Usage: scripts/screenshots.sh [path/to/segments-tui]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$(realpath "${1:-.build/debug/segments-tui}")
# Fonts for the PNGs: DejaVu Sans Mono for text, Noto for CJK names and colour emoji.
fonts=()
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || fonts+=(fonts-dejavu-core)
[[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]] || fonts+=(fonts-noto-cjk)
[[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ]] || fonts+=(fonts-noto-color-emoji)
if (( ${#fonts[@]} )); then
  echo "installing ${fonts[*]} (Debian packages) for the screenshots"
  apt-get install -y -qq "${fonts[@]}" >/dev/null
fi
if [[ ! -x .venv-shots/bin/python ]]; then
  python3 -m venv .venv-shots
  .venv-shots/bin/pip install --quiet pyte Pillow
fi
SOCKET="segtui-shots-$$"
WORK=$(mktemp -d)
# COLORTERM: sample pictures in 24-bit colour symbols (tmux is the terminal: no pixel protocol).
export LANG=C.UTF-8 TERM=xterm-256color COLORTERM=truecolor XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
unset SEGMENTS_API_KEY SEGMENTS_API_URL NO_COLOR
T() { tmux -L "$SOCKET" "$@"; }
trap 'T kill-server 2>/dev/null || true; rm -rf "$WORK"' EXIT
W=120; H=35
wait_for() {
  local deadline=$(( $(date +%s%N) + ${2:-30} * 1000000000 ))
  while (( $(date +%s%N) < deadline )); do
    T capture-pane -p -t shots 2>/dev/null | grep -qF -- "$1" && return 0
    sleep 0.02
  done
  echo "timed out waiting for: $1"; T capture-pane -p -t shots; exit 1
}
wait_gone() {
  local deadline=$(( $(date +%s%N) + ${2:-30} * 1000000000 ))
  while (( $(date +%s%N) < deadline )); do
    T capture-pane -p -t shots 2>/dev/null | grep -qF -- "$1" || return 0
    sleep 0.02
  done
  echo "still showing: $1"; T capture-pane -p -t shots; exit 1
}
keys() { T send-keys -t shots "$@"; }
shot() {
  # Let the spinner settle: wait until no request is shown in flight (SETTLE=0: as it is).
  local deadline=$(( $(date +%s%N) + ${SETTLE:-10} * 1000000000 ))
  while (T capture-pane -p -t shots | tail -1 | grep -q "request" || T capture-pane -p -t shots | grep -qF "loading image…") \
    && (( $(date +%s%N) < deadline )); do sleep 0.02; done
  # …and until the screen holds still (a picture may be going out to the terminal).
  local previous="" current
  while current=$(T capture-pane -p -e -t shots) && [[ "$current" != "$previous" ]] && (( $(date +%s%N) < deadline )); do
    previous=$current; sleep 0.1
  done
  T capture-pane -p -e -t shots > "$WORK/$1.ansi"
  .venv-shots/bin/python scripts/render_ansi.py "$WORK/$1.ansi" "screenshots/$1.png" "$W" "$H" "segments-tui — $2"
  echo "screenshots/$1.png"
}
mkdir -p screenshots
# The workspace in its default place under a home of its own, so the top bar and the
# URLs read as on a user's machine, not as a temporary folder.
mkdir -p "$WORK/home"
T new-session -d -s shots -x $W -y $H "env HOME=$WORK/home XDG_DATA_HOME= $BIN"
T set-option -t shots status off
wait_for "street-scenes" 60
keys -l ":dataset jane/street-scenes"; keys Enter; wait_for "jane/street-scenes  bboxes"; wait_for "1 of 300"
shot 01-samples "samples of a dataset"
keys s; wait_for "Label status filter"; keys Space j Space; shot 02-status-filter "label status filter"
keys Enter; wait_for "status reviewed"; wait_for "1 of "
keys Enter; wait_for "image · "
keys n n n n; wait_for "image · 5 shapes"; shot 03-sample-detail "sample detail with bounding boxes"
keys Escape; wait_for "Label status"; keys c
keys -l ":dataset jane/lidar-highway"; keys Enter; wait_for "jane/lidar-highway  pointcloud"
keys -l "s"; keys Space Enter; wait_for "status reviewed"; wait_for "1 of "; keys Enter; wait_for "top-down · "
shot 04-cuboids "point-cloud cuboids, top-down"
keys Escape; wait_for "Label status"
keys -l ":dataset jane/flower-segmentation"; keys Enter; wait_for "jane/flower-segmentation  "; wait_for "1 of "
keys Enter; wait_for "── Attributes ──"; keys z
shot 12-segmentation-mask "a segmentation label: instance masks blended over the picture"
keys z; keys Escape; wait_for "1 of "
keys -l ":dataset jane/lidar-highway"; keys Enter; wait_for "jane/lidar-highway  pointcloud"
keys -l ":tab issues"; keys Enter; wait_for "showing open"; shot 05-issues "issues"
keys -l ":tab info"; keys Enter; wait_for "── Label status ──"; shot 06-info "dataset info"
keys "?"; wait_for "Keys — ? or Esc closes"; shot 07-help "help from the key table"
keys Escape; wait_for "── Label status ──"
keys -l ":dataset acme/parking-lots"; keys Enter; keys -l ":tab collaborators"; keys Enter; wait_for "Role"
keys -l "/dave"; keys Enter; wait_for "reviewer"; keys e; wait_for "Role of dave"; keys j
shot 08-collaborators "collaborators: e changes a role"
keys Escape; wait_gone "Role of dave"
keys -l ":dataset jane/street-scenes"; keys Enter; wait_for "jane/street-scenes  bboxes"
keys -l ":tab releases"; keys Enter; wait_for "v1.0"
keys N; wait_for "Name of the release"; keys -l "v3.0"; keys Enter
wait_for "Description (optional)"; keys -l "night shots added"; keys Enter; wait_for "PENDING · checked"
SETTLE=0 shot 09-release-pending "a new release: PENDING, polled with backoff"
wait_for "release v3.0 SUCCEEDED"
shot 09-release "the release succeeded: its URL, y copies it"
keys -l ":tab samples"; keys Enter; wait_for "1 of "; keys T; wait_for "TRIAGE"; wait_for "image · "
keys a; wait_for "1 of 32 reviewed this session"; wait_for "image · "
shot 10-triage "the triage queue: a accepts and shows the next sample"
keys X; wait_for "Why? This opens an issue"; keys -l "the cyclist box cuts off the wheel"; keys C-j; keys -l "see the front camera"
wait_for "see the front camera"
shot 11-reject-with-issue "X: reject and open an issue in one step"
keys Escape; keys Escape
keys C-c

#!/usr/bin/env bash
# Regenerates screenshots/*.png from real tmux runs of the built binary (driven through
# scripts/tmux-driver): the screen with its colours (capture -e) rendered by
# scripts/render_ansi.py (pyte + Pillow in .venv-shots).
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
export TMUX_DRIVER_SOCKET="segtui-shots-$$"
D() { scripts/tmux-driver "$@"; }
WORK=$(mktemp -d)
# COLORTERM: sample pictures in 24-bit colour symbols (tmux is the terminal: no pixel protocol).
export LANG=C.UTF-8 TERM=xterm-256color COLORTERM=truecolor XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
unset SEGMENTS_API_KEY SEGMENTS_API_URL NO_COLOR
trap 'D kill; rm -rf "$WORK"' EXIT
W=120; H=35
wait_for() { D wait-for -t "${2:-30}" -- "$1" || exit 1; }
wait_gone() { D wait-for --gone -t "${2:-30}" -- "$1" || exit 1; }
keys() { D keys "$@"; }
shot() {
  # Let the spinner settle: wait until no request is shown in flight (SETTLE=0: as it is).
  local settle=${SETTLE:-10}
  D wait-until -t "$settle" 'screen=$(cat); ! tail -1 <<<"$screen" | grep -q "request" && [[ "$screen" != *"loading image…"* ]]' \
    2>/dev/null || true
  # …and until the screen holds still for 0.1 s (a picture may be going out to the terminal).
  D capture -e > "$WORK/$1.ansi"
  local deadline=$(( ${EPOCHREALTIME/./} + settle * 1000000 ))
  while (( ${EPOCHREALTIME/./} < deadline )) && D wait-change -e -t 0.1 < "$WORK/$1.ansi" >/dev/null 2>&1; do
    D capture -e > "$WORK/$1.ansi"
  done
  .venv-shots/bin/python scripts/render_ansi.py "$WORK/$1.ansi" "screenshots/$1.png" "$W" "$H" "segments-tui — $2"
  echo "screenshots/$1.png"
}
mkdir -p screenshots
# The workspace in its default place under a home of its own, so the top bar and the
# URLs read as on a user's machine, not as a temporary folder.
mkdir -p "$WORK/home"
D start -x $W -y $H -e "HOME=$WORK/home" -e XDG_DATA_HOME= -- "$BIN"
wait_for "street-scenes" 60
D type ":dataset jane/street-scenes"; keys Enter; wait_for "jane/street-scenes  bboxes"; wait_for "1 of 300"
shot 01-samples "samples of a dataset"
keys s; wait_for "Label status filter"; keys Space j Space; shot 02-status-filter "label status filter"
keys Enter; wait_for "status reviewed"; wait_for "1 of "
keys Enter; wait_for "image · "
keys n n n n; wait_for "image · 5 shapes"; shot 03-sample-detail "sample detail with bounding boxes"
keys Escape; wait_for "Label status"; keys c
D type ":dataset jane/lidar-highway"; keys Enter; wait_for "jane/lidar-highway  pointcloud"
D type "s"; keys Space Enter; wait_for "status reviewed"; wait_for "1 of "; keys Enter; wait_for "top-down · "
shot 04-cuboids "point-cloud cuboids, top-down"
keys Escape; wait_for "Label status"
D type ":dataset jane/flower-segmentation"; keys Enter; wait_for "jane/flower-segmentation  "; wait_for "1 of "
keys Enter; wait_for "── Attributes ──"; keys z
shot 12-segmentation-mask "a segmentation label: instance masks blended over the picture"
keys z; keys Escape; wait_for "1 of "
D type ":dataset jane/dashcam-clips"; keys Enter; wait_for "jane/dashcam-clips  image-vector-sequence"; wait_for "1 of "
keys s; wait_for "Label status filter"; keys Space Enter; wait_for "1 of "; keys Enter; wait_for "frame 1/6"
keys . . .; wait_for "frame 4/6"; wait_for "Annotations in frame 4"
shot 13-sequence-frame "an image sequence: . and , step the frames, the boxes follow their tracks"
keys + +; wait_for "4× · frame 4/6"; keys Left Down
shot 14-zoom "+ zooms into the picture, the arrows pan it"
keys 0; keys Escape; wait_for "1 of "; keys c
D type ":dataset jane/lidar-highway"; keys Enter; wait_for "jane/lidar-highway  pointcloud"
D type ":tab issues"; keys Enter; wait_for "showing open"; shot 05-issues "issues"
D type ":tab info"; keys Enter; wait_for "── Label status ──"; shot 06-info "dataset info"
keys "?"; wait_for "Keys — ? or Esc closes"; shot 07-help "help from the key table"
keys Escape; wait_for "── Label status ──"
D type ":dataset acme/parking-lots"; keys Enter; D type ":tab collaborators"; keys Enter; wait_for "Role"
D type "/dave"; keys Enter; wait_for "reviewer"; keys e; wait_for "Role of dave"; keys j
shot 08-collaborators "collaborators: e changes a role"
keys Escape; wait_gone "Role of dave"
D type ":dataset jane/street-scenes"; keys Enter; wait_for "jane/street-scenes  bboxes"
D type ":tab releases"; keys Enter; wait_for "v1.0"
keys N; wait_for "Name of the release"; D type "v3.0"; keys Enter
wait_for "Description (optional)"; D type "night shots added"; keys Enter; wait_for "PENDING · checked"
SETTLE=0 shot 09-release-pending "a new release: PENDING, polled with backoff"
wait_for "release v3.0 SUCCEEDED"
shot 09-release "the release succeeded: its URL, y copies it"
D type ":tab samples"; keys Enter; wait_for "1 of "; keys T; wait_for "TRIAGE"; wait_for "image · "
keys a; wait_for "1 of 32 reviewed this session"; wait_for "image · "
shot 10-triage "the triage queue: a accepts and shows the next sample"
keys X; wait_for "Why? This opens an issue"; D type "the cyclist box cuts off the wheel"; keys C-j; D type "see the front camera"
wait_for "see the front camera"
shot 11-reject-with-issue "X: reject and open an issue in one step"
keys Escape; keys Escape
keys C-c

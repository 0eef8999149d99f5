# Shared by bench/tui.sh and bench/remote.sh: sets BIN to the segments-tui they measure, as an
# absolute path. BIN given: that one. STATIC=1: the one-file release (scripts/build-static.sh).
# QUICK: the debug build there is. Otherwise a release build. Source it from the repository's
# root after setting QUICK; $1 names the caller in the error.
if [ -z "${BIN:-}" ]; then
  if [ -n "${STATIC:-}" ]; then
    echo "== building the one-file release (scripts/build-static.sh)" >&2
    BIN=$(scripts/build-static.sh | tail -1)
  elif [ -n "${QUICK:-}" ]; then
    BIN="$(swift build --show-bin-path)/segments-tui"
  else
    echo "== building release (segments-tui)" >&2
    swift build -c release --product segments-tui >&2
    BIN="$(swift build -c release --show-bin-path)/segments-tui"
  fi
fi
[ -x "$BIN" ] || { echo "$1: no segments-tui at $BIN (swift build first)" >&2; exit 1; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

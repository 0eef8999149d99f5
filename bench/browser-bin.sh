# Shared by bench/tui.sh and bench/remote.sh: sets BIN to the segments-tui they measure, as an
# absolute path. BIN given: that one. QUICK: the debug build there is. DYNAMIC=1: the release
# build of `swift build -c release`, which loads the Swift runtime and Foundation as shared
# libraries. Otherwise the one-file release (scripts/build-static.sh): what users copy to the
# box they browse from. Source it from the repository's root after setting QUICK; $1 names the
# caller in the error.
if [ -z "${BIN:-}" ]; then
  if [ -n "${QUICK:-}" ]; then
    BIN="$(swift build --show-bin-path)/segments-tui"
  elif [ -n "${DYNAMIC:-}" ]; then
    echo "== building release (segments-tui)" >&2
    swift build -c release --product segments-tui >&2
    BIN="$(swift build -c release --show-bin-path)/segments-tui"
  else
    echo "== building the one-file release (scripts/build-static.sh)" >&2
    BIN=$(scripts/build-static.sh | tail -1)
  fi
fi
[ -x "$BIN" ] || { echo "$1: no segments-tui at $BIN (swift build first)" >&2; exit 1; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

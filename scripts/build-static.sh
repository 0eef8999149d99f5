#!/usr/bin/env bash
# One file to copy: a release build of segments-tui with the Swift runtime and Foundation
# linked in statically (--static-swift-stdlib), stripped. It runs on a Debian/Ubuntu host
# without Swift; what it still needs from the system is listed at the end (ldd).
# It exports no symbols (scripts/static-exports.map): smaller, and less to read at start.
# Builds in .build-static/ (its own scratch folder, so it never invalidates .build/).
# The build's output goes to stderr; the last line on stdout is the binary's path.
# Usage: scripts/build-static.sh [--debug]
#   --debug   the same build in debug, in .build-static-debug/: ~5 min instead of ~15 on two
#             cores, for CI to prove the one-file build runs without Swift (scripts/check-static.sh --debug)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=release scratch=.build-static
case "${1:-}" in
  --debug) configuration=debug scratch=.build-static-debug ;;
  "") ;;
  *) echo "usage: scripts/build-static.sh [--debug]" >&2; exit 2 ;;
esac
flags=(-c "$configuration" --static-swift-stdlib --scratch-path "$scratch"
       -Xlinker "--version-script=$PWD/scripts/static-exports.map")

started=$EPOCHREALTIME
swift build "${flags[@]}" --product segments-tui >&2
bin_dir=$(swift build "${flags[@]}" --show-bin-path)
built=$EPOCHREALTIME

out="$scratch/segments-tui"
strip -o "$out" "$bin_dir/segments-tui"
echo "built in $(awk -v a="$started" -v b="$built" 'BEGIN { printf "%.0f", b - a }') s;" \
  "$(du -m "$bin_dir/segments-tui" | cut -f1) MB unstripped, $(du -m "$out" | cut -f1) MB stripped"
echo "shared libraries it needs:" $(ldd "$out" | awk '{print $1}' | grep -v '^/' | sort | tr '\n' ' ')
realpath "$out"

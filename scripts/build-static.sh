#!/usr/bin/env bash
# One file to copy: a release build of segments-tui with the Swift runtime and Foundation
# linked in statically (--static-swift-stdlib), stripped. It runs on a Debian/Ubuntu host
# without Swift; what it still needs from the system is listed at the end (ldd).
# It exports no symbols (scripts/static-exports.map): smaller, and less to read at start.
# It is linked at a fixed address (-no-pie, as Go links k9s and lazygit): a position-
# independent binary this size carries 144,000 relocations (a 3.3 MB table) that the loader
# reads and applies at every start, ~3 MiB of memory for nothing (docs/performance.md,
# "Memory"). The system libraries it loads still get random addresses; --pie keeps the
# executable's own address random as well, at that cost.
# Builds in .build-static/ (its own scratch folder, so it never invalidates .build/).
# The build's output goes to stderr; the last line on stdout is the binary's path.
# Usage: scripts/build-static.sh [--debug] [--pie]
#   --debug   the same build in debug, in .build-static-debug/: ~5 min instead of ~15 on two
#             cores, for CI to prove the one-file build runs without Swift (scripts/check-static.sh --debug)
#   --pie     a position-independent executable, in its own scratch folder (-pie suffix)
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=release scratch=.build-static pie=""
for option in "$@"; do
  case "$option" in
    --debug) configuration=debug scratch=.build-static-debug ;;
    --pie) pie=1 ;;
    *) echo "usage: scripts/build-static.sh [--debug] [--pie]" >&2; exit 2 ;;
  esac
done
flags=(-c "$configuration" --static-swift-stdlib -Xlinker "--version-script=$PWD/scripts/static-exports.map")
if [ -n "$pie" ]; then
  scratch=$scratch-pie
else
  # To clang, which then links with crt1.o and without -pie; passed through swiftc, so the
  # flag is part of the compile commands too: hence a scratch folder per choice.
  flags+=(-Xswiftc -Xclang-linker -Xswiftc -no-pie)
fi
flags+=(--scratch-path "$scratch")

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

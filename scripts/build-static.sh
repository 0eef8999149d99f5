#!/usr/bin/env bash
# One file to copy: a release build of segments-tui with the Swift runtime and Foundation
# linked in statically (--static-swift-stdlib), stripped. It runs on a Debian/Ubuntu host
# without Swift; what it still needs from the system is listed at the end (ldd).
# Builds in .build-static/ (its own scratch folder, so it never invalidates .build/).
# The build's output goes to stderr; the last line on stdout is the binary's path.
# Usage: scripts/build-static.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-static
flags=(-c release --static-swift-stdlib --scratch-path "$scratch")

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

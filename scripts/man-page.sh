#!/usr/bin/env bash
# Writes docs/man/segments-tui.1 (and a page per subcommand) from the ArgumentParser
# definitions, with swift-argument-parser's generate-manual plugin (a release build).
# Usage: scripts/man-page.sh; then `man docs/man/segments-tui.1`.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/man
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The plugin writes a manual for every executable product; only segments-tui's are kept.
swift package --allow-writing-to-package-directory generate-manual \
  --output-directory "$out" --multi-page --authors "the segments-tui developers"
rm -f docs/man/segments-tui*.1
cp "$out"/segments-tui*.1 docs/man/
ls docs/man

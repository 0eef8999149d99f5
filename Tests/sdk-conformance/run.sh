#!/usr/bin/env bash
# The official Python SDK (segments-ai 1.33.0) against `segments-tui serve`.
# Uses a virtualenv at <repo>/.venv-sdk (created on first run). Builds nothing:
# the binary comes from $SEGMENTS_TUI_BIN (default: swift build's bin path).
# Extra arguments go to pytest. Exits with pytest's status.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/.venv-sdk"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import segments, pytest" 2>/dev/null \
   || [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("segments-ai"))')" != "1.33.0" ]; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
fi

if [ -z "${SEGMENTS_TUI_BIN:-}" ]; then
  SEGMENTS_TUI_BIN="$(cd "$repo" && swift build --show-bin-path)/segments-tui"
fi
if [ ! -x "$SEGMENTS_TUI_BIN" ]; then
  echo "segments-tui binary not found at $SEGMENTS_TUI_BIN (run 'swift build' first)" >&2
  exit 2
fi
export SEGMENTS_TUI_BIN

set +e
"$venv/bin/python" -m pytest -q -p no:cacheprovider "$here" "$@"
status=$?
exit $status

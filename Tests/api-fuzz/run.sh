#!/usr/bin/env bash
# Schemathesis against `segments-tui serve`: every operation of /openapi.json,
# generated requests checked for server errors, answers that contradict the
# document, and schema-valid requests refused (see hooks.py for the two
# state-dependent exceptions).
#
#   Tests/api-fuzz/run.sh            the long run (10 minutes, many examples)
#   Tests/api-fuzz/run.sh --short    the CI run (about a minute)
#
# Uses the SDK suite's virtualenv (.venv-sdk) and adds schemathesis to it. Only
# 127.0.0.1 is used. Builds nothing: the binary is $SEGMENTS_TUI_BIN (default:
# swift build's bin path). Exits with schemathesis's status.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="$repo/.venv-sdk"
version="4.32.5"

examples=${FUZZ_EXAMPLES:-50} max_time=${FUZZ_MAX_TIME:-600} seed_args=()
if [ "${1:-}" = "--short" ]; then
  # A fixed seed keeps CI repeatable; the long run explores anew each time.
  examples=5 max_time=75 seed_args=(--seed 16)
fi

if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
if [ "$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$version" ]; then
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi
bin="${SEGMENTS_TUI_BIN:-$(cd "$repo" && swift build --show-bin-path)/segments-tui}"
[ -x "$bin" ] || { echo "segments-tui binary not found at $bin" >&2; exit 2; }

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

key=$("$bin" admin create-user jane --path "$work/ws" | tail -1 | tr -d ' ')
"$bin" serve --path "$work/ws" --port 0 --rate-limit 0 --no-access-log > "$work/serve.out" 2> "$work/serve.err" &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^Listening on //p' "$work/serve.out")
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "serve did not start"; cat "$work/serve.err"; exit 2; }

set +e
# One worker: hypothesis's lambda descriptions are not thread-safe (a rare internal error with two).
# Run inside the temporary folder: schemathesis and hypothesis leave caches in the working directory.
cd "$work"
SCHEMATHESIS_HOOKS="$here/hooks.py" "$venv/bin/schemathesis" run "$url/openapi.json" \
  -H "Authorization: APIKey $key" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,schema_valid_requests_are_accepted \
  --phases examples,coverage,fuzzing --max-examples "$examples" --max-time "$max_time" --workers 1 \
  --request-timeout 20 --no-shrink "${seed_args[@]}" --output-truncate false
status=$?
if grep -q "Fatal\|panic" "$work/serve.err"; then echo "serve crashed:"; cat "$work/serve.err"; status=1; fi
exit $status

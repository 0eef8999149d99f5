# Shared by bench/run.sh and bench/serve.sh: the release build of segments-tui and
# segments-bench (unless BIN names a folder with them), the official SDK in .venv-bench, a
# temporary WORK folder, and start_server, whose server (SERVER_PID) is stopped on exit.
# Source it from the repository's root.

if [ -z "${BIN:-}" ]; then
    echo "== building release (segments-tui, segments-bench)" >&2
    swift build -c release --product segments-tui >&2
    swift build -c release --product segments-bench >&2
    BIN=$(swift build -c release --show-bin-path)
fi
if [ ! -x .venv-bench/bin/python ] || ! .venv-bench/bin/python -c 'import segments' 2>/dev/null; then
    echo "== installing segments-ai==1.33.0 into .venv-bench" >&2
    python3 -m venv .venv-bench
    .venv-bench/bin/pip install -q segments-ai==1.33.0 >&2
fi

WORK=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# start_server ARGS...: serves $WORK/ws on a free port, no rate limit (ARGS: its access log),
# and sets URL once it listens.
start_server() {
    "$BIN/segments-tui" serve --path "$WORK/ws" --port 0 --rate-limit 0 "$@" > "$WORK/serve.txt" 2>&1 &
    SERVER_PID=$!
    URL=""
    for _ in $(seq 1 100); do
        URL=$(sed -n 's/.*Listening on \(http[^ ]*\).*/\1/p' "$WORK/serve.txt" | head -n 1)
        [ -n "$URL" ] && break
        sleep 0.1
    done
    [ -n "$URL" ] || { echo "server did not start:" >&2; cat "$WORK/serve.txt" >&2; exit 1; }
}

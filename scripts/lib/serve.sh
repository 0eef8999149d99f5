# Sourced by the tmux end-to-end scripts: serves $WORK/ws with $BIN on an ephemeral port.
# Sets KEY (a fresh API key for jane), URL and SERVER_PID; calls `fail` (the caller's)
# when the server does not start. Arguments are passed on to serve (e.g. --rate-limit 0).
start_serve() {
  KEY=$("$BIN" admin rotate-key --path "$WORK/ws" jane 2>/dev/null | tail -1 | awk '{print $NF}')
  [[ -n "$KEY" ]] || fail "admin rotate-key printed no API key"
  "$BIN" serve --path "$WORK/ws" --port 0 "$@" >"$WORK/serve.log" 2>&1 & SERVER_PID=$!
  URL=""
  for _ in $(seq 1 1500); do
    URL=$(grep -o "Listening on http://[0-9.:]*" "$WORK/serve.log" 2>/dev/null | awk '{print $3}' || true)
    [[ -n "$URL" ]] && break
    sleep 0.02
  done
  [[ -n "$URL" ]] || { cat "$WORK/serve.log"; fail "segments-tui serve did not start"; }
}

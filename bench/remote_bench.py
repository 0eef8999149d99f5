#!/usr/bin/env python3
"""segments-tui in remote mode over a slow link: what holding a key shows at a given RTT.

bench/remote.sh seeds a workspace, starts `segments-tui serve` and calls this with the
server's URL and an API key. For each RTT, bench/delay_proxy.py is started in front of the
server, and the browser (remote mode through the proxy) in a tmux window of 120×35 watched
by one tmux control-mode client (tui_bench.ControlledTmux, shared with bench/tui.sh).

The browser writes one line per drawn frame to SEGMENTS_TUI_FRAME_LOG:
`<CLOCK_MONOTONIC ns> <unloaded visible rows> <loaded visible rows> <selected row>`. Key
times here are time.monotonic_ns(), the same clock, so frames line up with keys.

Per RTT:
  first page   from sending `:dataset jane/scale-N` and Enter to the first frame whose
               samples table shows loaded rows (a table fuller than the demo datasets', so
               the list's preview of another dataset cannot count). Median of --opens
               starts of the browser, each with a fresh home; the last one goes on with:
  j, PgDn      the key sent --rate times per second, without waiting for the screen, like
               a held key; then wait until the screen settles (no frame for --quiet-ms and
               none of the visible rows unloaded). Over the frames drawn from the first key
               to then: how many, how many showed ≥1 unloaded row, the most unloaded rows in
               one frame, the longest stretch during which some row on screen was unloaded
               (from the frame that showed it to the next frame with none), the share of
               the phase (first key to settled) with some row unloaded, and the keys
               lost: the selected row of the last frame against the keys sent (j moves one
               row, PgDn one screen of rows).
  cross-check  while keys are sent, capture-pane a few times per second and count the
               rows whose Name cell is just `…` (how an unloaded row is drawn); each
               capture should match the frame log's count of the frame then on screen (or
               the one before: tmux may not have drawn the latest yet). A capture with
               `…` rows in a phase whose frames never had any fails the run.

Below the table, each proxy's closing line: connections, how many ended by an error (the
browser dropping a request for rows that scrolled away closes its connection mid-answer),
bytes each way.
"""

import argparse
import json
import math
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import time
from bisect import bisect_right
from collections import namedtuple

from tui_bench import ControlledTmux, tmux_quote

HERE = os.path.dirname(os.path.abspath(__file__))
Frame = namedtuple("Frame", "t unloaded loaded selected")
# An unloaded row on screen: right of the datasets pane's border, a Name cell that is only "…".
UNLOADED_ROW = re.compile(r"││… ")


class Failed(Exception):
    """A step could not be run (not a figure that looks bad)."""


class FrameLog:
    """Reads the browser's frame log as it grows."""

    def __init__(self, path):
        self.path = path
        self.frames = []
        self.offset = 0
        self.partial = b""

    def read(self):
        try:
            with open(self.path, "rb") as f:
                f.seek(self.offset)
                data = f.read()
        except FileNotFoundError:
            return self.frames
        self.offset += len(data)
        data = self.partial + data
        lines = data.split(b"\n")
        self.partial = lines.pop()  # a line still being written
        for line in lines:
            fields = line.split()
            if len(fields) != 4:
                raise Failed(f"{self.path}: not a frame line: {line!r}")
            self.frames.append(Frame(*map(int, fields)))
        return self.frames


class Proxy:
    """bench/delay_proxy.py in front of the server; its first stdout line is its port."""

    def __init__(self, target, rtt_ms, kbps, stderr_path, timeout=10):
        self.stderr_path = stderr_path
        with open(stderr_path, "wb") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, os.path.join(HERE, "delay_proxy.py"), "--target", target,
                 "--rtt-ms", str(rtt_ms), "--kbps", str(kbps)],
                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=stderr)
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        line = self.process.stdout.readline().strip() if ready else b""
        if not line.isdigit():
            self.stop()
            raise Failed(f"delay_proxy.py did not start (said {line!r}): {self.summary()}")
        self.port = int(line)

    def stop(self):
        """Stops the proxy; its closing line (connections, bytes)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        return self.summary()

    def summary(self):
        try:
            with open(self.stderr_path, errors="replace") as f:
                lines = f.read().strip().splitlines()
        except FileNotFoundError:
            return ""
        return lines[-1] if lines else ""


class Run:
    """One browser, at one RTT, in the tmux window of `tmux`."""

    def __init__(self, tmux, log, args):
        self.tmux, self.log, self.args = tmux, log, args
        self.visible = None  # the samples table's rows on screen, once the dataset is open

    def pump(self, seconds):
        """Reads tmux's output for up to `seconds` (the control client must be read, or tmux
        stalls), then the new frames."""
        self.tmux.pump(seconds)
        return self.log.read()

    def wait_frame(self, predicate, since_ns, what):
        """The first frame drawn after `since_ns` for which `predicate` holds."""
        deadline = time.monotonic() + self.args.timeout
        checked = 0
        while True:
            frames = self.log.read()
            for frame in frames[checked:]:
                if frame.t >= since_ns and predicate(frame):
                    return frame
            checked = len(frames)
            if time.monotonic() > deadline:
                last = frames[-1] if frames else None
                raise Failed(f"no frame {what} within {self.args.timeout:.0f} s (last frame: {last})\n"
                             + "\n".join(self.tmux.capture()))
            self.pump(0.02)

    def settle(self):
        """Waits until no frame was drawn for --quiet-ms and the last one had every visible row
        loaded; that last frame."""
        quiet_ns = int(self.args.quiet_ms * 1e6)
        deadline = time.monotonic() + self.args.timeout
        while True:
            frames = self.pump(0.05)
            now = time.monotonic_ns()
            if frames and now - frames[-1].t >= quiet_ns and frames[-1].unloaded == 0:
                return frames[-1]
            if time.monotonic() > deadline:
                last = frames[-1] if frames else None
                raise Failed(f"the screen did not settle within {self.args.timeout:.0f} s (last frame: {last})\n"
                             + "\n".join(self.tmux.capture()))

    def hold(self, key, count):
        """Sends `key` `count` times at --rate per second without waiting for the screen;
        captures the screen every --capture-ms meanwhile. (send times ns, captures)."""
        interval = 1 / self.args.rate
        sent, captures = [], []
        start = time.monotonic()
        next_capture = start + self.args.capture_ms / 1000
        for index in range(count):
            due = start + index * interval
            while True:
                now = time.monotonic()
                if now >= due:
                    break
                # A capture takes a millisecond or two: only when the next key is not that close.
                if now >= next_capture and due - now > 0.005:
                    screen = self.tmux.capture()
                    captures.append((time.monotonic_ns(), sum(1 for line in screen if UNLOADED_ROW.search(line))))
                    next_capture += self.args.capture_ms / 1000
                    continue
                self.pump(due - now)
            sent.append(time.monotonic_ns())
            self.tmux.send(f"send-keys -t {self.tmux.target} {key}")
        return sent, captures

    def phase(self, key, count, step, label):
        """Holds `key` `count` times (each moves the selection `step` rows); the phase's figures."""
        before = self.settle()
        expected = before.selected + count * step
        sent, captures = self.hold(key, count)
        settled = self.settle()
        frames = [f for f in self.log.read() if sent[0] <= f.t <= settled.t]
        longest, since = 0, None
        for frame in frames:
            if frame.unloaded and since is None:
                since = frame.t
            elif not frame.unloaded and since is not None:
                longest, since = max(longest, frame.t - since), None
        # A frame is on screen until the next one: the time some row was unloaded.
        unloaded_ns = sum(b.t - a.t for a, b in zip(frames, frames[1:]) if a.unloaded)
        lost_rows = expected - settled.selected
        checked = cross_check(captures, self.log.read())
        if checked["with_unloaded"] and not any(f.unloaded for f in frames):
            raise Failed(f"{label}: capture-pane saw unloaded rows (…) that the frame log never reported")
        return {
            "phase": label, "key": key, "keys": count, "step_rows": step,
            "from_row": before.selected, "expected_row": expected, "final_row": settled.selected,
            "keys_lost": lost_rows / step,
            "frames": len(frames),
            "frames_unloaded": sum(1 for f in frames if f.unloaded),
            "max_unloaded": max((f.unloaded for f in frames), default=0),
            "longest_unloaded_ms": longest / 1e6,
            "unloaded_share": unloaded_ns / max(1, settled.t - sent[0]),
            "keys_s": (sent[-1] - sent[0]) / 1e9,
            "settle_ms": (settled.t - sent[-1]) / 1e6,
            "cross_check": checked,
        }


def cross_check(captures, frames):
    """How many captures saw `…` rows, and how many agree with the frame log."""
    agree = 0
    times = [f.t for f in frames]
    for when, count in captures:
        # The frames drawn before the capture answered: the last one, or the one before it.
        index = bisect_right(times, when)
        candidates = {frames[i].unloaded for i in (index - 1, index - 2) if i >= 0}
        agree += count in candidates
    return {"captures": len(captures), "with_unloaded": sum(1 for _, n in captures if n),
            "max_seen": max((n for _, n in captures), default=0), "agree": agree}


def measure(tmux, args, rtt):
    """One RTT: a proxy; --opens starts of the browser, each opening the dataset; in the last
    one, j held, then PgDn held."""
    label = "direct" if rtt == "direct" else f"{rtt} ms"
    proxy = None
    if rtt != "direct":
        proxy = Proxy(args.target, float(rtt), args.kbps, os.path.join(args.work, f"proxy-{rtt}.err"))
    url = args.serve_url if proxy is None else f"http://127.0.0.1:{proxy.port}"
    result = {"rtt": rtt, "label": label, "first_page_all_ms": []}
    try:
        for start in range(args.opens):
            last = start == args.opens - 1
            # The last start's frame log is frames-RTT.log (the one bench/remote.sh keeps).
            frame_path = os.path.join(args.work, f"frames-{rtt}.log" if last else f"frames-{rtt}-open{start}.log")
            run, first = open_dataset(tmux, args, url, f"{rtt}-{start}", frame_path)
            result["first_page_all_ms"].append(first)
            if not last:
                tmux.stop_program()
        result["first_page_ms"] = statistics.median(result["first_page_all_ms"])
        visible = run.visible
        pgdn_keys = math.ceil(args.pgdn_rows / visible)
        if args.j_rows + pgdn_keys * visible >= args.rows:
            raise Failed(f"{args.rows} rows are too few for {args.j_rows} × j and {pgdn_keys} × PgDn")
        result["visible_rows"] = visible
        result["j"] = run.phase("j", args.j_rows, 1, "j")
        result["pgdn"] = run.phase("NPage", pgdn_keys, visible, "PgDn")
        tmux.stop_program()
    finally:
        if proxy is not None:
            result["proxy"] = proxy.stop()
    return result


def open_dataset(tmux, args, url, name, frame_path):
    """Starts the browser (a home of its own, nothing remembered) and opens the scale dataset:
    (the run, ms from the command to its first loaded rows)."""
    home = os.path.join(args.work, f"home-{name}")
    for sub in ("state", "cache", "config"):
        os.makedirs(os.path.join(home, sub), exist_ok=True)
    environment = {
        "HOME": home, "XDG_STATE_HOME": f"{home}/state", "XDG_CACHE_HOME": f"{home}/cache",
        "XDG_CONFIG_HOME": f"{home}/config", "SEGMENTS_API_URL": url, "SEGMENTS_API_KEY": args.key,
        "SEGMENTS_TUI_FRAME_LOG": frame_path, "SEGMENTS_TUI_NO_TERMINAL_QUERY": "1",
    }
    command = "env " + " ".join(f"{k}={tmux_quote(v)}" for k, v in environment.items()) + " " + tmux_quote(args.binary)
    # The datasets list is on screen (the scale dataset among them), then quiet: keys typed
    # while the first dataset still loads may be lost.
    listed = re.compile(rf"scale-{args.rows} ")
    tmux.start(command, lambda screen: bool(listed.search("\n".join(screen))), args.timeout)
    run = Run(tmux, FrameLog(frame_path), args)
    run.settle()
    # The command and Enter back to back, timed from the first key (typing it starts no request).
    enter = time.monotonic_ns()
    tmux.send(f"send-keys -t {tmux.target} -l " + tmux_quote(f":dataset jane/scale-{args.rows}"))
    tmux.send(f"send-keys -t {tmux.target} Enter")
    first = run.wait_frame(lambda f: f.loaded > 0 and f.loaded + f.unloaded > args.per_dataset, enter,
                           "with loaded rows of the scale dataset")
    run.visible = first.loaded + first.unloaded
    opened = re.compile(rf" 1 of {args.rows:,} ")
    tmux.wait_screen(lambda screen: bool(opened.search("\n".join(screen))), args.timeout, since=0)
    return run, (first.t - enter) / 1e6


def table(results, args):
    def phase_rows(name, title):
        return [
            (title, None),
            ("  frames drawn", lambda r: f"{r[name]['frames']}"),
            ("  frames with unloaded rows", lambda r: f"{r[name]['frames_unloaded']}"),
            ("  most unloaded rows in a frame", lambda r: f"{r[name]['max_unloaded']}/{r['visible_rows']}"),
            ("  longest unloaded stretch (ms)", lambda r: f"{r[name]['longest_unloaded_ms']:.0f}"),
            ("  time with unloaded rows on screen", lambda r: f"{r[name]['unloaded_share']:.0%}"),
            ("  keys lost", lambda r: f"{r[name]['keys_lost']:g}"),
            ("  last key → settled (ms)", lambda r: f"{r[name]['settle_ms']:.0f}"),
            ("  capture-pane: with … rows / agree", lambda r: "{with_unloaded}/{captures} / {agree}".format(**r[name]["cross_check"])),
        ]
    first = results[0]
    j, pgdn = first["j"], first["pgdn"]
    rows = [(f"first page after :dataset (ms, median of {args.opens})" if args.opens > 1
             else "first page after :dataset (ms)", lambda r: f"{r['first_page_ms']:.0f}")]
    if args.opens > 1:
        rows.append(("  … min–max", lambda r: f"{min(r['first_page_all_ms']):.0f}–{max(r['first_page_all_ms']):.0f}"))
    rows += phase_rows("j", f"j × {j['keys']:,} at {args.rate:g}/s ({j['keys']:,} rows)")
    rows += phase_rows("pgdn", f"PgDn × {pgdn['keys']:,} at {args.rate:g}/s ({pgdn['keys'] * pgdn['step_rows']:,} rows)")
    labels = ["RTT " + r["label"] for r in results]
    cells = [[getter(r) if getter else "" for r in results] for _, getter in rows]
    width = max(len(label) for label, _ in rows) + 2
    columns = [max(len(label), *(len(c[i]) for c in cells)) + 3 for i, label in enumerate(labels)]
    lines = ["".ljust(width) + "".join(l.rjust(c) for l, c in zip(labels, columns))]
    for (label, _), values in zip(rows, cells):
        lines.append((label.ljust(width) + "".join(v.rjust(c) for v, c in zip(values, columns))).rstrip())
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--serve-url", required=True, help="the server, e.g. http://127.0.0.1:8321")
    parser.add_argument("--key", required=True, help="an API key of jane")
    parser.add_argument("--work", required=True, help="a scratch folder (frame logs, homes, proxy logs)")
    parser.add_argument("--rows", type=int, required=True, help="samples of jane/scale-ROWS")
    parser.add_argument("--per-dataset", type=int, default=10,
                        help="samples of each demo dataset (fewer than the table's visible rows)")
    parser.add_argument("--rtts", default="0 50 150", help="round-trip times in ms; 'direct' skips the proxy")
    parser.add_argument("--kbps", type=float, default=0, help="bandwidth cap of the proxy per direction (0: none)")
    parser.add_argument("--opens", type=int, default=3, help="browser starts per RTT, each timing the first page (median)")
    parser.add_argument("--j-rows", type=int, default=2000, help="j presses")
    parser.add_argument("--pgdn-rows", type=int, default=10000, help="rows PgDn passes (one screen per press)")
    parser.add_argument("--rate", type=float, default=30, help="key presses per second while a key is held")
    parser.add_argument("--quiet-ms", type=float, default=600, help="no frame for this long: the screen settled")
    parser.add_argument("--capture-ms", type=float, default=250, help="capture-pane this often while keys are sent")
    parser.add_argument("--timeout", type=float, default=60, help="seconds any one wait may take")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    args.target = re.sub(r"^https?://", "", args.serve_url).rstrip("/")
    rtts = [r if r == "direct" else int(r) for r in args.rtts.split()]
    if args.opens < 1 or args.rate <= 0 or not rtts:
        parser.error("--opens ≥ 1, --rate > 0 and at least one RTT")
    # SIGTERM (e.g. a timeout around the bench) ends like Ctrl-C: tmux and the proxies stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    tmux = ControlledTmux(120, 35, name="remote-bench")
    results = []
    try:
        for rtt in rtts:
            results.append(measure(tmux, args, rtt))
    except (Failed, TimeoutError, RuntimeError) as error:
        # TimeoutError: tui_bench's screen waits time out, with the last screen as the message.
        print(f"bench/remote_bench.py: RTT {rtt}: {error or type(error).__name__}", file=sys.stderr)
        return 1
    finally:
        tmux.close()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    print(table(results, args))
    for r in results:
        if "proxy" in r:
            print(f"RTT {r['label']}: {r['proxy']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

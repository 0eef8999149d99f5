#!/usr/bin/env python3
"""Terminal figures of segments-tui, less and visidata, measured the same way in tmux.

bench/tui.sh prepares the data (a seeded workspace, the same rows as a text file and a
CSV) and calls this with one --program per browser. Every program runs in one tmux pane
(tmux's own TERM, tmux-256color) that a tmux *control-mode* client watches: tmux sends
it every byte the program writes (%output, in order with the replies to its commands),
so one process here sends the keys, timestamps the program's output and reads the
screen, with no tmux client started per key.

Per program:
  start     respawn the pane with the program (t0 just before the command is sent);
            after each piece of output, capture the screen; the first frame is
            complete when the program's "full frame" pattern holds, and the time is
            that of the last output before that capture (tmux keeps output and replies
            in order). Median of --runs starts.
  keys      after the prelude (e.g. opening the dataset) and a quiet screen, each key
            is sent and its latency is the time to the last output of the burst it
            caused (the screen fully changed; a burst ends after --quiet-ms without
            output). p50/p99 over --keys keys.
  bytes     the program's output during those keys, divided by the number of keys, and
            the largest burst one key caused (what must cross a slow link at once).
  rss       VmRSS of the program (/proc/PID/status) after the keys, and its RssAnon;
            --smaps keeps a copy of /proc/PID/smaps then (bench/smaps_summary.py reads it).

Prints one JSON object per program (--json) or the table (default).
"""

import argparse
import json
import os
import re
import select
import signal
import statistics
import subprocess
import sys
import time


class ControlledTmux:
    """A private tmux server with one session and a control-mode client attached to it."""

    def __init__(self, cols, rows, name="tui-bench"):
        self.socket = f"{name}-{os.getpid()}"  # a tmux server of our own (tmux -L)
        self.base = ["tmux", "-L", self.socket, "-f", "/dev/null"]
        subprocess.run(
            self.base
            + ["new-session", "-d", "-s", "main", "-x", str(cols), "-y", str(rows), "sleep 86400",
               ";", "set-option", "-g", "status", "off",
               ";", "set-option", "-g", "history-limit", "0",
               ";", "set-option", "-g", "remain-on-exit", "on",
               # Every window COLS×ROWS (the control client has no size of its own). Not
               # window-size manual: with it, tmux 3.3a crashes on new-window under control mode.
               ";", "set-option", "-g", "default-size", f"{cols}x{rows}"],
            check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # tmux 3.3a leaves its socket file behind after kill-server: close() removes it.
        self.socket_path = subprocess.run(
            self.base + ["display-message", "-p", "#{socket_path}"], check=True, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
        self.client = subprocess.Popen(
            self.base + ["-C", "attach", "-t", "main"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=open(os.environ.get("TUI_BENCH_TMUX_LOG", os.devnull), "ab"), bufsize=0)
        self.pending = b""
        self.outputs = []  # (monotonic seconds, bytes) per %output notification of the program's pane
        self.target = None  # the pane running the program measured (a window of its own)
        self.replies = []  # completed command replies, in order: (monotonic seconds, ok, [lines])
        self.current = None
        # The attach answers first, unasked: count our commands from after it.
        deadline = time.monotonic() + 10
        while not self.replies and time.monotonic() < deadline:
            self.pump(deadline - time.monotonic())
        self.sent = len(self.replies)

    def close(self):
        try:
            self.client.stdin.close()
        except OSError:
            pass
        subprocess.run(self.base + ["kill-server"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        try:
            self.client.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.client.kill()
        if self.socket_path:
            try:
                os.unlink(self.socket_path)
            except FileNotFoundError:
                pass

    # -- the control protocol

    def pump(self, timeout):
        """Reads what tmux sent within `timeout` seconds; False when nothing came."""
        ready, _, _ = select.select([self.client.stdout], [], [], max(0.0, timeout))
        if not ready:
            return False
        data = os.read(self.client.stdout.fileno(), 1 << 16)
        now = time.monotonic()
        if not data:
            raise RuntimeError("the tmux control client exited")
        self.pending += data
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            self.handle(now, line)
        return True

    def handle(self, now, line):
        if self.current is not None:
            if line.startswith(b"%end ") or line.startswith(b"%error "):
                self.replies.append((now, line.startswith(b"%end "), self.current))
                self.current = None
            else:
                self.current.append(line.decode("utf-8", "replace"))
            return
        if line.startswith(b"%begin "):
            self.current = []
        elif line.startswith(b"%output "):
            _, pane, data = line.split(b" ", 2) if line.count(b" ") >= 2 else (b"", b"", b"")
            # While a window is being made its pane's id is not known yet; nothing else writes.
            if self.target == "pending" or pane.decode() == self.target:
                self.outputs.append((now, unescape(data)))

    def send(self, command):
        self.client.stdin.write(command.encode() + b"\n")
        self.sent += 1

    def wait_reply(self, index, timeout=30):
        deadline = time.monotonic() + timeout
        while len(self.replies) <= index:
            if time.monotonic() > deadline:
                raise RuntimeError(f"tmux did not answer command {index}")
            self.pump(deadline - time.monotonic())
        return self.replies[index]

    def command(self, command):
        index = self.sent
        self.send(command)
        _, ok, lines = self.wait_reply(index)
        if not ok:
            raise RuntimeError(f"tmux refused {command!r}: {' '.join(lines)}")
        return lines

    def capture(self):
        return self.command(f"capture-pane -p -t {self.target}")

    def pane_pid(self):
        return int(self.command(f"display-message -p -t {self.target} '#{{pane_pid}}'")[0])

    def pane_dead(self):
        return self.command(f"display-message -p -t {self.target} '#{{pane_dead}}'")[0].strip() == "1"

    # -- measurements

    def stop_program(self, timeout=10):
        """Ends the program (SIGTERM, then SIGKILL), waits until its pane is dead and closes
        its window: each start gets a new window."""
        if self.target is None:
            return
        if not self.pane_dead():
            pid = self.pane_pid()
            for sig in (signal.SIGTERM, signal.SIGKILL):
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
                deadline = time.monotonic() + timeout
                while time.monotonic() < deadline and not self.pane_dead():
                    self.pump(0.02)
                if self.pane_dead():
                    break
        self.quiet(0.05)
        self.command(f"kill-window -t {self.target}")
        self.target = None

    def start(self, command_line, full_frame, timeout):
        """Runs `command_line` in a new window; (t0, time at which `full_frame(screen)` first held)."""
        self.stop_program()
        self.outputs.clear()
        index = self.sent
        t0 = time.monotonic()
        # The pane's output is kept from here on; its id comes with the reply.
        self.target = "pending"
        self.send("new-window -d -P -F '#{pane_id}' " + tmux_quote("exec " + command_line))
        _, ok, lines = self.wait_reply(index)
        if not ok or not lines:
            raise RuntimeError(f"tmux could not start {command_line!r}: {' '.join(lines)}")
        self.target = lines[0].strip()
        return t0, self.wait_screen(full_frame, timeout, since=0)

    def wait_screen(self, predicate, timeout, since):
        """Time of the output that first made `predicate(screen)` hold: a capture follows
        each new piece of output, and the answer is the last output before that capture."""
        deadline = time.monotonic() + timeout
        seen = -1
        while True:
            if len(self.outputs) != seen or seen == -1:
                seen = len(self.outputs)
                index = self.sent
                self.send(f"capture-pane -p -t {self.target}")
                _, _, screen = self.wait_reply(index)
                if predicate(screen):
                    before = [t for t, _ in self.outputs[since:]]
                    return before[-1] if before else time.monotonic()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("\n".join(self.capture()))
            self.pump(min(remaining, 0.5))

    def quiet(self, seconds, timeout=120):
        """Waits until the program has written nothing for `seconds`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.pump(seconds):
                return
        raise TimeoutError("the program never went quiet")

    def key(self, key, quiet_s, timeout):
        """Sends one key; (seconds to the end of the output burst it caused, bytes)."""
        start = len(self.outputs)
        t0 = time.monotonic()
        self.send(f"send-keys -t {self.target} " + key)
        deadline = t0 + timeout
        while len(self.outputs) == start:
            if time.monotonic() > deadline:
                return None, 0
            self.pump(deadline - time.monotonic())
        while self.pump(quiet_s):
            pass
        burst = self.outputs[start:]
        self.last_burst = b"".join(data for _, data in burst)
        return burst[-1][0] - t0, len(self.last_burst)


def unescape(data):
    """%output data: bytes below 32 and backslash arrive as \\ooo."""
    out = bytearray()
    i = 0
    while i < len(data):
        byte = data[i]
        if byte == 0x5C and i + 4 <= len(data) and data[i + 1:i + 4].isdigit():
            out.append(int(data[i + 1:i + 4], 8))
            i += 4
        else:
            out.append(byte)
            i += 1
    return bytes(out)


def tmux_quote(text):
    return "'" + text.replace("'", "'\\''") + "'"


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(0, min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1)))))
    return ordered[rank]


def cpu_seconds(pid):
    """User plus system CPU time of the process so far (/proc/PID/stat)."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def status_mib(pid, field):
    """A field of /proc/PID/status in MiB (VmRSS: resident; RssAnon: its private part)."""
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return None


def measure(tmux, program, args):
    full = re.compile(program["full_frame"], re.M)
    result = {"name": program["name"], "starts_ms": []}
    for run in range(args.runs):
        t0, done = tmux.start(program["command"], lambda s: bool(full.search("\n".join(s))), args.timeout)
        result["starts_ms"].append((done - t0) * 1000)
        if program.get("data_frame"):
            data = re.compile(program["data_frame"], re.M)
            shown = tmux.wait_screen(lambda s: bool(data.search("\n".join(s))), args.timeout, since=0)
            result.setdefault("data_ms", []).append((shown - t0) * 1000)
    # The prelude (e.g. open the dataset) on a quiet screen (keys typed into segments-tui
    # while its first dataset is still loading can be lost), then a quiet screen again
    # before the first key.
    tmux.quiet(args.settle_ms / 1000)
    for step in program.get("prelude", []):
        if "type" in step:
            tmux.command(f"send-keys -t {tmux.target} -l " + tmux_quote(step["type"]))
        if "keys" in step:
            tmux.command(f"send-keys -t {tmux.target} " + step["keys"])
        if "wait" in step:
            pattern = re.compile(step["wait"], re.M)
            tmux.wait_screen(lambda s: bool(pattern.search("\n".join(s))), args.timeout, since=0)
    tmux.quiet(args.settle_ms / 1000)
    pid = tmux.pane_pid()
    cpu_before = cpu_seconds(pid)
    latencies, total, largest = [], 0, 0
    for _ in range(args.keys):
        latency, sent = tmux.key(program.get("key", "j"), args.quiet_ms / 1000, args.timeout)
        if latency is None:
            raise RuntimeError(f"{program['name']}: no output after a key")
        latencies.append(latency * 1000)
        total += sent
        largest = max(largest, sent)
        if args.dump:
            with open(f"{args.dump}.{program['name']}.keys", "ab") as dump:
                dump.write(tmux.last_burst + b"\n=====\n")
    cpu = cpu_seconds(pid) - cpu_before
    if args.smaps:
        # What the RSS is made of, for bench/smaps_summary.py.
        with open(f"/proc/{pid}/smaps") as source, open(f"{args.smaps}.{program['name']}.smaps", "w") as copy:
            copy.write(source.read())
    result.update(
        cpu_per_key_ms=cpu * 1000 / args.keys,
        start_ms=statistics.median(result["starts_ms"]),
        data_ms=statistics.median(result["data_ms"]) if result.get("data_ms") else None,
        key_p50_ms=percentile(latencies, 0.50), key_p99_ms=percentile(latencies, 0.99),
        key_max_ms=max(latencies), bytes_per_key=total / args.keys, bytes_max=largest, rss_mib=status_mib(pid, "VmRSS"),
        anon_mib=status_mib(pid, "RssAnon"),
        screen=tmux.capture())
    tmux.stop_program()
    return result


def table(results, args):
    def cell(value, fmt):
        return "—" if value is None else fmt.format(value)
    names = [r["name"] for r in results]
    rows = [
        ("cold start → first full frame (ms)", [cell(r["start_ms"], "{:.0f}") for r in results]),
        ("  … → first rows of data (ms)", [cell(r.get("data_ms"), "{:.0f}") for r in results]),
        ("key → screen changed p50/p99 (ms)",
         [f"{r['key_p50_ms']:.1f}/{r['key_p99_ms']:.1f}" for r in results]),
        ("  … CPU time of the program per key (ms)", [f"{r['cpu_per_key_ms']:.1f}" for r in results]),
        (f"bytes to the terminal per row step ({args.keys} × {args.key_label})",
         [f"{r['bytes_per_key']:.0f}" for r in results]),
        ("  … the largest step (bytes)", [f"{r['bytes_max']}" for r in results]),
        ("RSS after the keys (MiB)", [cell(r["rss_mib"], "{:.1f}") for r in results]),
        ("  … of it private (anonymous) (MiB)", [cell(r.get("anon_mib"), "{:.1f}") for r in results]),
    ]
    width = max(len(label) for label, _ in rows) + 2
    columns = [max(len(n), max(len(v[i]) for _, v in rows)) + 2 for i, n in enumerate(names)]
    lines = ["figure".ljust(width) + "".join(n.rjust(c) for n, c in zip(names, columns))]
    for label, values in rows:
        lines.append(label.ljust(width) + "".join(v.rjust(c) for v, c in zip(values, columns)))
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--programs", required=True, help="JSON file: a list of programs (see bench/tui.sh)")
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=35)
    parser.add_argument("--runs", type=int, default=5, help="starts per program (median)")
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--key-label", default="j")
    parser.add_argument("--quiet-ms", type=float, default=25, help="silence that ends a key's output burst")
    parser.add_argument("--settle-ms", type=float, default=400, help="silence before the first key")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--dump", help="append each key's output to DUMP.NAME.keys (separated by =====)")
    parser.add_argument("--smaps", help="after the keys, copy each program's /proc/PID/smaps to SMAPS.NAME.smaps")
    parser.add_argument("--load", type=int, default=0, help="busy processes (`yes`) running during the whole run")
    parser.add_argument("--check", action="store_true", help="exit 1 unless every figure was measured")
    args = parser.parse_args()
    with open(args.programs) as f:
        programs = json.load(f)
    busy = [subprocess.Popen(["yes"], stdout=subprocess.DEVNULL) for _ in range(args.load)]
    tmux = ControlledTmux(args.cols, args.rows)
    results = []
    try:
        for program in programs:
            results.append(measure(tmux, program, args))
    finally:
        tmux.close()
        for process in busy:
            process.kill()
            process.wait()
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    print(table(results, args))
    if args.check:
        missing = [f"{r['name']}: {key}" for r in results for key in ("start_ms", "key_p50_ms", "key_p99_ms", "rss_mib")
                   if r.get(key) is None]
        missing += [f"{r['name']}: no bytes after the keys" for r in results if not r["bytes_per_key"]]
        if missing:
            print("not measured: " + ", ".join(missing), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A real terminal for end-to-end tests: one program in a tmux pane on a private socket,
driven through scripts/tmux-driver (the same driver as the shell and Swift tests).

Keys go in with `keys`/`type`; the screen comes back with `capture`. Every wait polls the
screen every 20 ms until a deadline, inside the driver: waits on text are the driver's
`wait-for`; waits on a Python predicate test each new screen and block in the driver's
`wait-change` until the next one. Nothing sleeps blindly. A failed wait raises with the
whole screen, so the test report shows what was there.
"""

import os
import pathlib
import subprocess
import time
import uuid

POLL = 0.02
DRIVER = str(pathlib.Path(__file__).resolve().parents[2] / "scripts" / "tmux-driver")
# The driver's exit statuses (see scripts/tmux-driver).
TIMED_OUT, EXITED = 1, 3


class ScreenTimeout(AssertionError):
    """A wait ran out of time; the message carries the screen as it was."""


class Terminal:
    """`command` running in a tmux session of `width`×`height` cells on its own tmux server.

    Use it as a context manager (or call `close()`): the tmux server is always killed."""

    def __init__(self, command, env=None, width=120, height=35, cwd=None, diagnostics=None):
        # diagnostics: a callable whose text is added to every failure (e.g. the program's log).
        self.diagnostics = diagnostics
        self.sent = []  # every key sent, for failure messages
        self.socket = f"segtui-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.command = list(command)
        # `env` sets the program's environment exactly (the tmux server's own environment
        # would otherwise leak in through the default shell). --remain: the pane stays after
        # the program exits, so a crash leaves its last screen behind.
        environment = dict(env if env is not None else os.environ)
        arguments = ["start", "-x", str(width), "-y", str(height), "--remain", "--clean-env"]
        for key, value in sorted(environment.items()):
            arguments += ["-e", f"{key}={value}"]
        if cwd:
            arguments += ["-c", str(cwd)]
        try:
            self._driver(*arguments, "--", *self.command)
        except BaseException:
            self.close()
            raise

    # -- the driver --------------------------------------------------------------

    def _driver(self, *args, check=True, input=None, timeout=30):
        done = subprocess.run(
            [DRIVER, "-L", self.socket, *args], capture_output=True, text=True, input=input, timeout=timeout,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux-driver {' '.join(args)} failed: {done.stderr.strip()}")
        return done

    def close(self):
        self._driver("kill", check=False)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # -- input -------------------------------------------------------------------

    def send_keys(self, *keys):
        """tmux key names: "Enter", "Escape", "C-c", "]", "o" …"""
        self.sent.extend(keys)
        self._driver("keys", *keys)

    def type(self, text):
        """Literal text (no key-name lookup): `:dataset jane/street-scenes`, a description…"""
        self.sent.append(repr(text))
        self._driver("type", text)

    # -- output ------------------------------------------------------------------

    def screen(self):
        """The visible screen as text, one line per row."""
        done = self._driver("capture", check=False)
        return done.stdout if done.returncode == 0 else f"<capture failed: {done.stderr.strip()}>"

    def has_exited(self):
        return self._driver("display", "#{pane_dead}", check=False).stdout.strip() == "1"

    def _fail(self, what):
        extra = ""
        if self.diagnostics is not None:
            try:
                extra = self.diagnostics() or ""
            except Exception as error:  # diagnostics must never hide the real failure
                extra = f"<diagnostics failed: {error}>"
        raise ScreenTimeout(
            f"{what}\n--- screen ---\n{self.screen()}--- end of screen ---"
            + f"\nkeys sent: {' '.join(self.sent)}"
            + (f"\n{extra}" if extra else "")
        )

    def _wait(self, what, timeout, command, *args, input=None, overall=None):
        """One driver wait (`wait-for …` or `wait-change`, for `timeout` seconds, part of a
        wait of `overall` seconds); returns the screen it ended on."""
        done = self._driver(
            command, "-p", "-t", f"{max(timeout, 0):.3f}", *args, check=False, input=input, timeout=timeout + 30
        )
        if done.returncode == TIMED_OUT:
            self._fail(f"timed out after {overall or timeout:g} s waiting for {what}")
        if done.returncode == EXITED:
            self._fail(f"the program exited while waiting for {what}")
        if done.returncode != 0:
            raise RuntimeError(f"tmux-driver {command} failed: {done.stderr.strip()}")
        return done.stdout

    def wait_until(self, predicate, what, timeout=30):
        """Tests every new screen until `predicate(screen)` is true; returns that screen."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while not predicate(screen):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._fail(f"timed out after {timeout:g} s waiting for {what}")
            screen = self._wait(what, remaining, "wait-change", input=screen, overall=timeout)
        return screen

    def wait_for(self, text, timeout=30):
        """Polls until `text` is on the screen; returns the screen."""
        return self._wait(repr(text), timeout, "wait-for", "--", text)

    def wait_for_all(self, texts, timeout=30):
        """Polls until every one of `texts` is on the same screen; returns it."""
        return self._wait(f"all of {texts!r}", timeout, "wait-for", "--", *texts)

    def wait_for_any(self, texts, timeout=30):
        """Polls until one of `texts` is on the screen; returns (that text, the screen)."""
        screen = self._wait(f"any of {texts!r}", timeout, "wait-for", "--any", "--", *texts)
        return next(t for t in texts if t in screen), screen

    def wait_gone(self, text, timeout=30):
        """Polls until `text` is no longer on the screen; returns the screen."""
        return self._wait(f"{text!r} to go away", timeout, "wait-for", "--gone", "--", text)


def eventually(condition, timeout=30, what="the condition", describe=None):
    """Polls `condition()` every 20 ms until it returns a truthy value, which it returns.

    For effects observed through another client (the SDK): a write lands a moment after
    the screen shows it. On timeout the message names `what` and, if given,
    `describe()` (e.g. the last value the SDK returned). Exceptions from `condition`
    count as "not yet" until the deadline, then propagate."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = condition()
        except Exception:
            if time.monotonic() > deadline:
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            detail = ""
            if describe is not None:
                try:
                    detail = f": {describe()}"
                except Exception as error:
                    detail = f": ({error!r})"
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}{detail}")
        time.sleep(POLL)

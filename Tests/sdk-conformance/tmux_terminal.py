"""A real terminal for end-to-end tests: one program in a tmux pane on a private socket.

Keys go in with `send-keys`; the screen comes back with `capture-pane -p`. Every wait
polls the screen (or a condition) every 20 ms until a deadline: nothing sleeps blindly.
A failed wait raises with the whole screen, so the test report shows what was there.
"""

import os
import shlex
import subprocess
import tempfile
import time
import uuid

POLL = 0.02


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
        self.session = "tui"
        self.command = list(command)
        # No user configuration; no status line (it would take a row from the program);
        # the pane stays after the program exits, so a crash leaves its last screen behind.
        self._config = tempfile.NamedTemporaryFile("w", prefix="tmux-conf-", suffix=".conf", delete=False)
        self._config.write("set -g status off\nset -g remain-on-exit on\nset -g history-limit 0\n")
        self._config.close()
        # `env` sets the program's environment exactly (the tmux server's own environment
        # would otherwise leak in through the default shell).
        environment = dict(env if env is not None else os.environ)
        shell_command = "exec env -i " + " ".join(
            shlex.quote(f"{k}={v}") for k, v in sorted(environment.items())
        ) + " " + shlex.join(self.command)
        try:
            self._tmux(
                "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                *(["-c", cwd] if cwd else []), shell_command,
            )
        except BaseException:
            self.close()
            raise
        # The server leaves its socket file behind when killed: note it, close() removes it.
        self._socket_path = self._tmux("display-message", "-p", "#{socket_path}", check=False).stdout.strip()

    # -- tmux --------------------------------------------------------------------

    def _tmux(self, *args, check=True):
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", self._config.name, *args],
            capture_output=True, text=True, timeout=30,
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)} failed: {done.stderr.strip()}")
        return done

    def close(self):
        self._tmux("kill-server", check=False)
        for path in (self._config.name, getattr(self, "_socket_path", "")):
            try:
                if path:
                    os.unlink(path)
            except OSError:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # -- input -------------------------------------------------------------------

    def send_keys(self, *keys):
        """tmux key names: "Enter", "Escape", "C-c", "]", "o" …"""
        self.sent.extend(keys)
        self._tmux("send-keys", "-t", self.session, *keys)

    def type(self, text):
        """Literal text (no key-name lookup): `:dataset jane/street-scenes`, a description…"""
        self.sent.append(repr(text))
        self._tmux("send-keys", "-t", self.session, "-l", text)

    # -- output ------------------------------------------------------------------

    def screen(self):
        """The visible screen as text, one line per row."""
        done = self._tmux("capture-pane", "-p", "-t", self.session, check=False)
        return done.stdout if done.returncode == 0 else f"<capture-pane failed: {done.stderr.strip()}>"

    def has_exited(self):
        done = self._tmux("display-message", "-p", "-t", self.session, "#{pane_dead}", check=False)
        return done.stdout.strip() == "1"

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

    def wait_until(self, predicate, what, timeout=30):
        """Polls until `predicate(screen)` is true; returns that screen."""
        deadline = time.monotonic() + timeout
        polls = 0
        while True:
            screen = self.screen()
            if predicate(screen):
                return screen
            if time.monotonic() > deadline:
                self._fail(f"timed out after {timeout:g} s waiting for {what}")
            polls += 1
            # A program that has exited will not draw what we wait for: say so at once.
            if polls % 10 == 0 and self.has_exited():
                self._fail(f"the program exited while waiting for {what}")
            time.sleep(POLL)

    def wait_for(self, text, timeout=30):
        """Polls until `text` is on the screen; returns the screen."""
        return self.wait_until(lambda screen: text in screen, repr(text), timeout)

    def wait_for_all(self, texts, timeout=30):
        """Polls until every one of `texts` is on the same screen; returns it."""
        return self.wait_until(lambda screen: all(t in screen for t in texts), f"all of {texts!r}", timeout)

    def wait_for_any(self, texts, timeout=30):
        """Polls until one of `texts` is on the screen; returns (that text, the screen)."""
        screen = self.wait_until(lambda screen: any(t in screen for t in texts), f"any of {texts!r}", timeout)
        return next(t for t in texts if t in screen), screen

    def wait_gone(self, text, timeout=30):
        """Polls until `text` is no longer on the screen; returns the screen."""
        return self.wait_until(lambda screen: text not in screen, f"{text!r} to go away", timeout)


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

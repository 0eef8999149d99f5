"""Fixtures: a fresh workspace with users made by `segments-tui admin`, and
`segments-tui serve --port 0` on it, stopped with SIGTERM (which must exit 0)."""

import os
import shutil
import signal
import subprocess
import tempfile
import time
import uuid

import pytest
from segments import SegmentsClient

BIN = os.environ.get("SEGMENTS_TUI_BIN", "segments-tui")


def admin(path, *args):
    """Runs an admin subcommand; returns its stdout (a new API key, where there is one)."""
    done = subprocess.run(
        [BIN, "admin", *args, "--path", path], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"admin {args}: {done.stderr}"
    return done.stdout.strip()


class Server:
    """One `segments-tui serve` process on an ephemeral port."""

    def __init__(self, path, *extra):
        self.path = path
        self.log_path = os.path.join(path, "access.log")
        self.stderr = open(os.path.join(path, "serve.stderr"), "w")
        self.process = subprocess.Popen(
            [BIN, "serve", "--path", path, "--port", "0", "--access-log", self.log_path, *extra],
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
        )
        self.stdout_lines = []
        deadline = time.time() + 120
        self.url = None
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.stdout_lines.append(line)
            if line.startswith("Listening on "):
                self.url = line.split("Listening on ", 1)[1].strip()
                break
        if self.url is None:
            self.process.kill()
            raise RuntimeError("serve did not start: " + "".join(self.stdout_lines))

    def stop(self):
        """SIGTERM must stop the server gracefully with exit status 0."""
        self.process.send_signal(signal.SIGTERM)
        try:
            status = self.process.wait(timeout=60)
        finally:
            self.stderr.close()
        return status

    def access_log(self):
        with open(self.log_path) as f:
            return f.read()


@pytest.fixture(scope="session")
def workspace():
    path = tempfile.mkdtemp(prefix="segments-sdk-")
    keys = {
        # The first user of a workspace is its owner, so serve creates no other.
        "jane": admin(path, "create-user", "jane", "--email", "jane@example.org"),
        "bob": admin(path, "create-user", "bob"),
        "lucy": admin(path, "create-user", "lucy"),
    }
    admin(path, "create-org", "acme", "--owner", "jane")
    admin(path, "add-member", "acme", "bob", "--role", "admin")
    admin(path, "add-member", "acme", "lucy", "--role", "labeler")
    yield path, keys
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="session")
def server(workspace):
    path, keys = workspace
    srv = Server(path, "--rate-limit", "0")
    yield srv
    status = srv.stop()
    assert status == 0, f"serve exited with {status}"
    log = srv.access_log()
    assert log.strip(), "the access log is empty"
    for key in keys.values():
        assert key not in log, "an API key leaked into the access log"


@pytest.fixture(scope="session")
def keys(workspace):
    return workspace[1]


@pytest.fixture(scope="session")
def jane(server, keys):
    return SegmentsClient(keys["jane"], api_url=server.url + "/")


@pytest.fixture(scope="session")
def bob(server, keys):
    return SegmentsClient(keys["bob"], api_url=server.url + "/")


@pytest.fixture(scope="session")
def lucy(server, keys):
    return SegmentsClient(keys["lucy"], api_url=server.url + "/")


@pytest.fixture
def unique():
    return uuid.uuid4().hex[:8]


@pytest.fixture
def dataset(jane, unique):
    """A fresh bboxes dataset owned by jane, deleted afterwards."""
    ds = jane.add_dataset(
        f"conf-{unique}",
        task_type="bboxes",
        task_attributes={"format_version": "0.1", "categories": [{"id": 1, "name": "car"}]},
        metadata={"k": "v"},
    )
    yield ds.full_name
    try:
        jane.delete_dataset(ds.full_name)
    except Exception:
        pass

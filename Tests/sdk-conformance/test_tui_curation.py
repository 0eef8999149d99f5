"""Curation end to end: the real browser in tmux against `segments-tui serve`, and every
effect checked through the official Python SDK.

One seeded demo workspace and one server for the module. Each test makes its own
uniquely named issues, samples and releases through the SDK first, so the tests do
not depend on each other or on their order. Each test starts its own browser in its
own tmux server (a private socket), killed afterwards.

Demo roles on jane/street-scenes: jane owner, bob labeler, carol reviewer.
"""

import os
import shutil
import signal
import subprocess
import tempfile
import uuid

import pytest
import requests
from segments import SegmentsClient

from conftest import BIN, Server, admin
from tmux_terminal import Terminal, eventually

DATASET = "jane/street-scenes"
BOX = {"format_version": "0.1", "annotations": [{"id": 1, "category_id": 1, "type": "bbox", "points": [[10, 20], [300, 400]]}]}
REFUSED = "You do not have permission to perform this action."
# Generous for a loaded two-core machine; every wait returns as soon as its text shows.
TIMEOUT = 30
# No test may take longer than this: the SDK has no request timeout, so a server that
# stops answering would otherwise hang the suite.
TEST_LIMIT = 180


class Demo:
    def __init__(self, path, server, keys):
        self.path = path
        self.server = server
        self.keys = keys
        self.url = server.url
        self.sdk = {user: SegmentsClient(key, api_url=server.url + "/") for user, key in keys.items()}


class TestTimedOut(BaseException):
    """Raised by the watchdog; a BaseException so that no `except Exception` retries it."""


def server_answers(url):
    try:
        requests.get(url + "/user", timeout=3)
        return True
    except requests.RequestException:
        return False


@pytest.fixture(scope="module")
def demo():
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the browser's end-to-end tests")
    path = tempfile.mkdtemp(prefix="segments-tui-curation-")
    seeded = subprocess.run([BIN, "seed", "--path", path], capture_output=True, text=True, timeout=300)
    assert seeded.returncode == 0, f"seed failed: {seeded.stderr}"
    # Fresh keys through the admin command (the last word of its last line).
    keys = {user: admin(path, "rotate-key", user).splitlines()[-1].split()[-1] for user in ("jane", "bob", "carol")}
    server = Server(path, "--rate-limit", "0")
    try:
        yield Demo(path, server, keys)
    finally:
        answering = server_answers(server.url)
        try:
            status = server.stop()
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()
            status = "no exit within 60 s of SIGTERM (killed)"
        shutil.rmtree(path, ignore_errors=True)
    assert answering, "segments-tui serve stopped answering during the tests"
    assert status == 0, f"serve exited with {status}"


@pytest.fixture(autouse=True)
def watchdog(demo):
    """Fails a test that runs longer than TEST_LIMIT (e.g. an SDK call to a hung server)."""

    def expired(signum, frame):
        state = "still answers" if server_answers(demo.url) else "does NOT answer (hung?)"
        raise TestTimedOut(f"the test ran longer than {TEST_LIMIT} s; the server at {demo.url} {state}")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, TEST_LIMIT)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def jane(demo):
    return demo.sdk["jane"]


@pytest.fixture
def unique():
    return uuid.uuid4().hex[:8]


@pytest.fixture
def tui(demo, tmp_path):
    """tui(user, *flags) starts the browser as `user` against the demo server."""
    terminals = []

    def start(user, *flags):
        home = tmp_path / f"home-{len(terminals)}"
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "LANG": "C.UTF-8",
            "TERM": "xterm-256color",
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "SEGMENTS_API_KEY": demo.keys[user],
            "SEGMENTS_API_URL": demo.url,
        }
        log = home / "state" / "segments-tui" / "log"

        def diagnostics():
            text = log.read_text(errors="replace") if log.exists() else "(no browser log)"
            return "--- browser log (last 40 lines) ---\n" + "\n".join(text.splitlines()[-40:])

        terminal = Terminal([BIN, *flags], env=env, diagnostics=diagnostics)
        terminals.append(terminal)
        terminal.wait_for(f"{user} @ {demo.url}", TIMEOUT)
        return terminal

    yield start
    for terminal in terminals:
        terminal.close()


# -- driving the browser -----------------------------------------------------------

def open_dataset(t):
    """`:dataset jane/street-scenes` from the datasets pane, until its samples are listed."""
    t.wait_for("street-scenes", TIMEOUT)
    t.type(f":dataset {DATASET}")
    t.send_keys("Enter")
    t.wait_for_all([f"{DATASET} › Samples", "1 of "], TIMEOUT)


def next_tab_until(t, tab):
    """`]` one tab at a time until the breadcrumb names `tab`."""
    order = ["Samples", "Issues", "Collaborators", "Releases", "Labelsets", "Workunits", "Info"]
    for name in order[1 : order.index(tab) + 1]:
        t.send_keys("]")
        t.wait_for(f"{DATASET} › {name}", TIMEOUT)


def filter_list(t, text):
    """`/text` then Enter: the focused list narrowed as you type, the prompt closed."""
    t.type("/" + text)
    t.wait_for("/" + text, TIMEOUT)
    t.send_keys("Enter")
    t.wait_for("? help", TIMEOUT)  # the footer is back: the prompt is closed


def open_sample(t, text, rows, first):
    """Samples tab: filter names by `text` (`rows` match), open the first, `first`,
    and wait until its label is loaded."""
    t.type("/" + text)
    t.wait_for_all([f"name~{text}", f"1 of {rows} "], TIMEOUT)
    t.send_keys("Enter")
    t.wait_for("? help", TIMEOUT)
    t.send_keys("Enter")
    wait_detail(t, first)


def wait_detail(t, sample_name):
    """The sample detail of `sample_name` with its label loaded (a/x refuse while it loads)."""
    t.wait_until(
        lambda s: f"› Samples › {sample_name}" in s and "── Annotations (1) ──" in s and "loading label" not in s,
        f"the detail of {sample_name} with its label",
        TIMEOUT,
    )


def rows_with(screen, text):
    """The table rows showing `text` (not the list's `/text` filter line), without borders."""
    return [
        line.split("││", 1)[-1].lstrip("│")
        for line in screen.splitlines()
        if text in line and "/" + text not in line
    ]


def wait_row(t, text, starts_with=""):
    """Waits until a table row shows `text` (and starts with `starts_with`); returns it."""
    screen = t.wait_until(
        lambda s: any(row.startswith(starts_with) for row in rows_with(s, text)),
        f"a row with {text!r}" + (f" starting {starts_with!r}" if starts_with else ""),
        TIMEOUT,
    )
    return next(row for row in rows_with(screen, text) if row.startswith(starts_with))


# -- SDK helpers -------------------------------------------------------------------

def add_labeled_sample(sdk, name, status="LABELED"):
    sample = sdk.add_sample(DATASET, name, {"image": {"url": f"http://example.org/{name}"}})
    sdk.add_label(sample.uuid, "ground-truth", BOX, label_status=status)
    return sample


def some_sample(sdk):
    return sdk.get_samples(DATASET, per_page=1)[0]


def issue_by_uuid(sdk, issue_uuid):
    return next((i for i in sdk.get_issues(DATASET) if i.uuid == issue_uuid), None)


def label_status(sdk, sample_uuid):
    return sdk.get_label(sample_uuid, "ground-truth").label_status


def wait_label_status(sdk, sample_uuid, status):
    eventually(
        lambda: label_status(sdk, sample_uuid) == status,
        TIMEOUT,
        f"the label of {sample_uuid} to be {status}",
        lambda: f"it is {label_status(sdk, sample_uuid)}",
    )


def wait_issue_status(sdk, issue_uuid, status):
    eventually(
        lambda: getattr(issue_by_uuid(sdk, issue_uuid), "status", None) == status,
        TIMEOUT,
        f"issue {issue_uuid} to be {status}",
        lambda: f"it is {getattr(issue_by_uuid(sdk, issue_uuid), 'status', 'gone')}",
    )


# -- issues ------------------------------------------------------------------------

def test_closing_an_issue_in_the_tui_closes_it_for_the_sdk_and_reopening_reopens_it(tui, jane, unique):
    description = f"tui-close-{unique}"
    issue = jane.add_issue(some_sample(jane).uuid, description)
    t = tui("jane")
    open_dataset(t)
    next_tab_until(t, "Issues")
    t.wait_for("showing open", TIMEOUT)
    filter_list(t, description)
    wait_row(t, description, "open ")

    t.send_keys("o")
    t.wait_for(f"closed issue “{description}”", TIMEOUT)
    wait_issue_status(jane, issue.uuid, "CLOSED")

    t.send_keys("s")
    t.wait_for("showing closed", TIMEOUT)
    wait_row(t, description, "closed ")
    t.send_keys("o")
    t.wait_for(f"reopened issue “{description}”", TIMEOUT)
    wait_issue_status(jane, issue.uuid, "OPEN")


def test_a_new_issue_typed_in_the_sample_detail_is_opened_on_that_sample_for_the_sdk(tui, jane, unique):
    name = f"tui-issue-{unique}"
    sample = add_labeled_sample(jane, f"{name}.jpg")
    description = f"tui new issue {unique} 🚧"
    t = tui("jane")
    open_dataset(t)
    open_sample(t, name, 1, f"{name}.jpg")

    t.send_keys("N")
    t.wait_for_all([f"New issue on {name}.jpg", "Describe the problem, Enter to open it:"], TIMEOUT)
    t.type(description)
    t.wait_for(description, TIMEOUT)
    t.send_keys("Enter")
    t.wait_for(f"opened issue “{description}” on {name}.jpg", TIMEOUT)

    def opened():
        return [i for i in jane.get_issues(DATASET) if i.description == description]

    issues = eventually(opened, TIMEOUT, f"an issue described {description!r}")
    assert len(issues) == 1
    assert issues[0].sample_uuid == sample.uuid
    assert issues[0].status == "OPEN"
    assert issues[0].created_by == "jane"


def test_deleting_an_issue_asks_first_and_then_removes_it_for_the_sdk(tui, jane, unique):
    description = f"tui-delete-{unique}"
    sample = some_sample(jane)
    issue = jane.add_issue(sample.uuid, description)
    t = tui("jane")
    open_dataset(t)
    next_tab_until(t, "Issues")
    filter_list(t, description)
    wait_row(t, description, "open ")

    # The dialog names the issue and starts on "Keep": Enter keeps it.
    t.send_keys("D")
    t.wait_for_all(["Delete issue", f"Delete the issue “{description}” on {sample.name}?"], TIMEOUT)
    t.send_keys("Enter")
    t.wait_gone("Delete the issue", TIMEOUT)
    wait_row(t, description, "open ")
    assert issue_by_uuid(jane, issue.uuid) is not None, "Enter on the delete dialog deleted the issue"

    t.send_keys("D")
    t.wait_for(f"Delete the issue “{description}”", TIMEOUT)
    t.send_keys("y")
    t.wait_for(f"deleted issue “{description}”", TIMEOUT)
    eventually(lambda: issue_by_uuid(jane, issue.uuid) is None, TIMEOUT, f"issue {issue.uuid} to be gone")


# -- triage --------------------------------------------------------------------------

def test_accept_reject_and_undo_in_the_sample_detail_set_the_label_status_for_the_sdk(tui, demo, jane, unique):
    name = f"tui-triage-{unique}"
    first = add_labeled_sample(jane, f"{name}-a.jpg")
    second = add_labeled_sample(jane, f"{name}-b.jpg")
    t = tui("carol")
    open_dataset(t)
    open_sample(t, name, 2, f"{name}-a.jpg")

    t.send_keys("a")
    t.wait_for(f"accepted {name}-a.jpg (REVIEWED)", TIMEOUT)
    wait_label_status(jane, first.uuid, "REVIEWED")

    # `a` moved on to the next sample.
    wait_detail(t, f"{name}-b.jpg")
    t.send_keys("x")
    t.wait_for(f"rejected {name}-b.jpg (REJECTED)", TIMEOUT)
    wait_label_status(jane, second.uuid, "REJECTED")

    t.send_keys("u")
    t.wait_for(f"undid reject of {name}-b.jpg: back to LABELED", TIMEOUT)
    wait_label_status(jane, second.uuid, "LABELED")
    assert label_status(jane, first.uuid) == "REVIEWED", "undo took back more than the last decision"

    # Each decision is a workunit by the reviewer (workunits are visible to managers and up).
    def work_by_carol(sample_uuid):
        units = jane.get_workunits(DATASET, start="2000-01-01T00:00:00", end="2100-01-01T00:00:00", direction="asc")
        return [u.next_label_status for u in units if u.sample_uuid == sample_uuid and u.created_by == "carol"]

    assert work_by_carol(first.uuid) == ["REVIEWED"]
    assert work_by_carol(second.uuid) == ["REJECTED", "LABELED"]


# -- releases ------------------------------------------------------------------------

def test_a_release_created_in_the_tui_is_watched_until_it_succeeded_as_the_sdk_sees_it(tui, jane, unique):
    name = f"tui-release-{unique}"
    t = tui("jane")
    open_dataset(t)
    next_tab_until(t, "Releases")
    t.wait_for("v1.0", TIMEOUT)

    t.send_keys("N")
    t.wait_for("Name of the release, Enter to create it:", TIMEOUT)
    t.type(name)
    t.wait_for(name, TIMEOUT)
    t.send_keys("Enter")
    screen = t.wait_for(f"release {name} SUCCEEDED", 60)

    release = jane.get_release(DATASET, name)
    assert release.status == "SUCCEEDED"
    assert release.attributes.url, "a SUCCEEDED release has the URL of its export"
    # The message ends with the release's URL (as far as the line has room for it).
    message = next(line for line in screen.splitlines() if f"release {name} SUCCEEDED" in line).strip()
    assert message.startswith(f"release {name} SUCCEEDED · ")
    shown = message.split(" · ", 1)[1].rstrip("…")
    assert release.attributes.url.startswith(shown) and len(shown) > len("http://")
    wait_row(t, name, f"{name} succeeded")


# -- permissions -----------------------------------------------------------------------

def test_a_labeler_cannot_accept_a_label_and_the_sdk_sees_it_unchanged(tui, jane, unique):
    name = f"tui-labeler-{unique}"
    sample = add_labeled_sample(jane, f"{name}.jpg")
    t = tui("bob")
    open_dataset(t)
    open_sample(t, name, 1, f"{name}.jpg")
    assert REFUSED not in t.screen()

    t.send_keys("a")
    t.wait_for(f"AuthorizationError: {REFUSED}", TIMEOUT)
    # Refused: still on the same sample, and nothing changed on the server.
    assert f"› Samples › {name}.jpg" in t.screen()
    assert label_status(jane, sample.uuid) == "LABELED"
    units = jane.get_workunits(DATASET, start="2000-01-01T00:00:00", end="2100-01-01T00:00:00")
    assert not [u for u in units if u.sample_uuid == sample.uuid and u.created_by == "bob"]


def test_a_labeler_cannot_create_a_release_and_the_sdk_lists_none(tui, jane, unique):
    name = f"tui-labeler-release-{unique}"
    t = tui("bob")
    open_dataset(t)
    next_tab_until(t, "Releases")
    t.wait_for("v1.0", TIMEOUT)
    assert REFUSED not in t.screen()

    t.send_keys("N")
    t.wait_for("Name of the release, Enter to create it:", TIMEOUT)
    t.type(name)
    t.send_keys("Enter")
    t.wait_for(f"AuthorizationError: {REFUSED}", TIMEOUT)
    assert name not in t.screen(), "the refused release is listed"
    assert name not in [r.name for r in jane.get_releases(DATASET)]


# -- read-only mode --------------------------------------------------------------------

def test_read_only_mode_refuses_every_write_and_sends_none(tui, demo, jane, unique):
    description = f"tui-readonly-{unique}"
    name = f"tui-readonly-{unique}"
    sample = add_labeled_sample(jane, f"{name}.jpg")
    issue = jane.add_issue(sample.uuid, description)
    issues_before = len(jane.get_issues(DATASET))
    releases_before = [r.name for r in jane.get_releases(DATASET)]
    log_start = os.path.getsize(demo.server.log_path)

    t = tui("jane", "--read-only")
    open_dataset(t)

    # Sample detail: accept, reject, new issue.
    open_sample(t, name, 1, f"{name}.jpg")
    for key, description_of_key in [
        ("a", "Accept the label (REVIEWED) and go to the next sample"),
        ("x", "Reject the label (REJECTED) and go to the next sample"),
        ("N", "New issue on this sample"),
    ]:
        t.send_keys(key)
        t.wait_for(f"{description_of_key}: read-only mode", TIMEOUT)
    t.send_keys("Escape")
    t.wait_gone(f"› Samples › {name}.jpg", TIMEOUT)

    # Issues tab: close, new, delete.
    next_tab_until(t, "Issues")
    filter_list(t, description)
    wait_row(t, description, "open ")
    for key, description_of_key in [
        ("o", "Close the selected issue, or reopen a closed one"),
        ("N", "New issue on the selected issue's sample"),
        ("D", "Delete the selected issue (asks first)"),
    ]:
        t.send_keys(key)
        t.wait_for(f"{description_of_key}: read-only mode", TIMEOUT)
    assert "Delete issue" not in t.screen(), "read-only mode asked to confirm a delete"
    assert [row for row in rows_with(t.screen(), description) if row.startswith("open ")]

    # Releases tab: create.
    next_tab_until(t, "Releases")
    t.wait_for("v1.0", TIMEOUT)
    t.send_keys("N")
    t.wait_for("Create a release and watch it until it finishes: read-only mode", TIMEOUT)
    assert "Name of the release" not in t.screen()

    # Nothing changed, and the browser sent nothing but reads.
    assert issue_by_uuid(jane, issue.uuid).status == "OPEN"
    assert len(jane.get_issues(DATASET)) == issues_before
    assert label_status(jane, sample.uuid) == "LABELED"
    assert [r.name for r in jane.get_releases(DATASET)] == releases_before
    with open(demo.server.log_path, encoding="utf-8", errors="replace") as log:
        log.seek(log_start)
        requests = [line for line in log.read().splitlines() if line.strip()]
    assert requests, "the access log shows no requests from the read-only browser"
    writes = [line for line in requests if '"GET ' not in line]
    assert not writes, "read-only mode sent writes:\n" + "\n".join(writes)

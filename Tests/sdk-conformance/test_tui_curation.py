"""Curation end to end: the real browser in tmux against `segments-tui serve`, and every
effect checked through the official Python SDK.

One seeded demo workspace and one server for the module. Each test makes its own
uniquely named issues, samples and releases through the SDK first, so the tests do
not depend on each other or on their order. Each test starts its own browser in its
own tmux server (a private socket), killed afterwards.

Every wait polls the screen (through scripts/tmux-driver) or the SDK until a deadline; nothing
sleeps. A test that outlives TEST_LIMIT, or runs after the server stopped answering,
fails at once and says so.

Demo roles on jane/street-scenes: jane owner, bob labeler, carol reviewer; rita (made
here) reviewer, lowered to labeler by one test while she browses.
"""

import os
import shutil
import signal
import subprocess
import tempfile

import pytest
import requests
from segments import SegmentsClient
from segments.exceptions import NotFoundError

from conftest import BIN, Server, admin
from tmux_terminal import Terminal, eventually

DATASET = "jane/street-scenes"
BOX = {"format_version": "0.1", "annotations": [{"id": 1, "category_id": 1, "type": "bbox", "points": [[10, 20], [300, 400]]}]}
# The server's refusal, as the browser shows it.
REFUSED = "AuthorizationError: You do not have permission to perform this action."
# Generous for a loaded two-core machine; every wait returns as soon as its text shows.
TIMEOUT = 30
# No test may take longer than this, whatever hangs (a server that stops answering).
TEST_LIMIT = 120
# The SDK sets no timeout on its requests; ours do, so a hung server fails a test quickly.
SDK_TIMEOUT = 30


def sdk_client(key, url):
    """The official SDK client, with a timeout on each request (it has none by default)."""
    client = SegmentsClient(key, api_url=url + "/")
    session = getattr(client, "api_session", None)
    if session is not None:
        send = session.send

        def send_with_timeout(request, **kwargs):
            if kwargs.get("timeout") is None:
                kwargs["timeout"] = SDK_TIMEOUT
            return send(request, **kwargs)

        session.send = send_with_timeout
    return client


class Demo:
    def __init__(self, path, server, keys):
        self.path = path
        self.server = server
        self.keys = keys
        self.url = server.url
        self.sdk = {user: sdk_client(key, server.url) for user, key in keys.items()}


class WatchdogExpired(BaseException):
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
    # rita: a reviewer on jane/street-scenes whose role a test lowers while she browses.
    keys["rita"] = admin(path, "create-user", "rita").splitlines()[-1].split()[-1]
    # vera: a labeler whose role jane changes, removes and adds back in the TUI.
    admin(path, "create-user", "vera")
    server = Server(path, "--rate-limit", "0")
    try:
        demo = Demo(path, server, keys)
        demo.sdk["jane"].add_dataset_collaborator(DATASET, "rita", role="reviewer")
        demo.sdk["jane"].add_dataset_collaborator(DATASET, "vera", role="labeler")
        yield demo
    finally:
        answering = server_answers(server.url)
        if answering:
            try:
                status = server.stop()
            except subprocess.TimeoutExpired:
                server.process.kill()
                server.process.wait()
                status = "no exit within 60 s of SIGTERM (killed)"
        else:
            # A hung server does not finish its requests, so SIGTERM would not stop it.
            server.process.kill()
            server.process.wait()
            server.stderr.close()
            status = "killed"
        shutil.rmtree(path, ignore_errors=True)
    assert answering, "segments-tui serve stopped answering during the tests"
    assert status == 0, f"serve exited with {status}"


@pytest.fixture(autouse=True)
def watchdog(demo):
    """Fails a test that runs longer than TEST_LIMIT, and every test at once after the
    server has stopped answering (instead of each waiting for its timeouts)."""
    if not server_answers(demo.url):
        pytest.fail(f"segments-tui serve at {demo.url} stopped answering in an earlier test")

    def expired(signum, frame):
        state = "still answers" if server_answers(demo.url) else "does NOT answer (hung?)"
        raise WatchdogExpired(f"the test ran longer than {TEST_LIMIT} s; the server at {demo.url} {state}")

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


TABS = ["Samples", "Issues", "Collaborators", "Releases", "Labelsets", "Workunits", "Info"]


def next_tab_until(t, tab):
    """`]` one tab at a time, from the tab the breadcrumb names, until it names `tab`."""
    header = t.screen().splitlines()[0]
    current = next(name for name in TABS if f"{DATASET} › {name}" in header)
    for name in TABS[TABS.index(current) + 1 : TABS.index(tab) + 1]:
        t.send_keys("]")
        t.wait_for(f"{DATASET} › {name}", TIMEOUT)


def show_tab(t, tab):
    """`:tab <name>`: straight to a tab."""
    t.type(f":tab {tab.lower()}")
    t.send_keys("Enter")
    t.wait_for(f"{DATASET} › {tab}", TIMEOUT)


def filter_list(t, text):
    """`/text` then Enter: the focused list narrowed as you type, the prompt closed.
    (On the Issues tab the filter is local; on the Samples tab every keystroke is a
    request, see `open_sample`.)"""
    t.type("/" + text)
    t.wait_for("/" + text, TIMEOUT)
    t.send_keys("Enter")
    t.wait_for("? help", TIMEOUT)  # the footer is back: the prompt is closed


def show_issue(t, description):
    """The demo dataset's Issues tab narrowed to the one open issue described `description`."""
    open_dataset(t)
    show_tab(t, "Issues")
    t.wait_for("showing open", TIMEOUT)
    filter_list(t, description)
    wait_row(t, description, "open ")


def open_sample(t, sample):
    """`:sample <uuid>`: the sample's detail, waited for until its label is loaded.

    Not `/name` on the Samples tab: typing a name there sends one request per
    keystroke, and such a burst of concurrent requests can hang `segments-tui serve`
    on a loaded two-core machine (the server's own bug, not what these tests are about)."""
    t.type(f":sample {sample.uuid}")
    t.send_keys("Enter")
    wait_detail(t, sample.name)


def wait_idle(t):
    """Until no request is in flight (the status bar's "⠹ 1 request" is gone): e.g. the
    browser has learnt the user's role on the dataset."""
    t.wait_until(lambda s: " request" not in footer_of(s), "no request in flight", TIMEOUT)


def submit_release(t, name, description):
    """Types the name into the open "New release" dialog and submits it. A build that
    also asks for a description (a second dialog) gets `description`; returns whether
    it was asked."""
    t.type(name)
    t.wait_for(name, TIMEOUT)
    t.send_keys("Enter")
    asked, _ = t.wait_for_any(
        [
            "Description (optional)",
            f"creating release {name}…",
            f"release {name} is PENDING",
            f"release {name} SUCCEEDED",
            "AuthorizationError",
        ],
        TIMEOUT,
    )
    if asked != "Description (optional)":
        return False
    t.type(description)
    t.wait_for(description, TIMEOUT)
    t.send_keys("Enter")
    return True


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


def footer_of(screen):
    """The bottom row: key hints, or the last message."""
    return screen.rstrip("\n").splitlines()[-1]


def sample_rows(screen):
    """The sample names of the Samples table, top to bottom."""
    lines = [line.split("││", 1)[-1] for line in screen.splitlines()]
    header = next((i for i, line in enumerate(lines) if line.startswith("Name ") and "Label status" in line), None)
    if header is None:
        return []
    return [line.split()[0] for line in lines[header + 1 :] if line.strip("│ ╰─╯")]


def wait_row(t, text, starts_with=""):
    """Waits until a table row shows `text` (and starts with `starts_with`); returns it."""
    screen = t.wait_until(
        lambda s: any(row.startswith(starts_with) for row in rows_with(s, text)),
        f"a row with {text!r}" + (f" starting {starts_with!r}" if starts_with else ""),
        TIMEOUT,
    )
    return next(row for row in rows_with(screen, text) if row.startswith(starts_with))


# -- SDK helpers -------------------------------------------------------------------

def add_labeled_sample(sdk, name, status="LABELED", priority=0):
    sample = sdk.add_sample(DATASET, name, {"image": {"url": f"http://example.org/{name}"}}, priority=priority)
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
    show_issue(t, description)

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
    open_sample(t, sample)

    t.send_keys("N")
    t.wait_for_all([f"New issue on {name}.jpg", "Describe the problem"], TIMEOUT)
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
    show_issue(t, description)

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
    # The two highest priorities in the dataset: first and second by priority, descending.
    first = add_labeled_sample(jane, f"{name}-a.jpg", priority=2_000_001)
    second = add_labeled_sample(jane, f"{name}-b.jpg", priority=2_000_000)
    t = tui("carol")
    open_dataset(t)
    t.send_keys("o")
    t.wait_for("Sort samples by", TIMEOUT)
    t.send_keys("j", "j", "Enter")  # name, created, priority
    t.wait_for("sort priority ↑", TIMEOUT)
    t.send_keys("O")
    t.wait_until(
        lambda s: "sort priority ↓" in s and sample_rows(s)[:2] == [f"{name}-a.jpg", f"{name}-b.jpg"],
        f"{name}-a.jpg and -b.jpg as the first samples by priority, descending",
        TIMEOUT,
    )
    t.send_keys("Enter")
    wait_detail(t, f"{name}-a.jpg")

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
    show_tab(t, "Releases")
    t.wait_for("v1.0", TIMEOUT)

    t.send_keys("N")
    t.wait_for_all(["New release", "Name of the release"], TIMEOUT)
    description = f"made in the TUI {unique}"
    assert submit_release(t, name, description), "the description is asked for"
    screen = t.wait_for(f"release {name} SUCCEEDED", 60)

    release = jane.get_release(DATASET, name)
    assert release.status == "SUCCEEDED"
    assert release.description == description
    assert release.attributes.url, "a SUCCEEDED release has the URL of its export"
    # The message goes on with the release's URL (as far as the line has room for it).
    message = next(line for line in screen.splitlines() if f"release {name} SUCCEEDED" in line).strip()
    assert message.startswith(f"release {name} SUCCEEDED · "), message
    shown = message.split(" · ", 1)[1].split(" ", 1)[0].rstrip("…")
    assert release.attributes.url.startswith(shown) and len(shown) > len("http://"), message
    wait_row(t, name, f"{name} succeeded")


# -- permissions -----------------------------------------------------------------------

def test_a_labeler_cannot_accept_a_label_and_the_sdk_sees_it_unchanged(tui, jane, unique):
    name = f"tui-labeler-{unique}"
    sample = add_labeled_sample(jane, f"{name}.jpg")
    t = tui("bob")
    open_dataset(t)
    open_sample(t, sample)
    wait_idle(t)
    assert REFUSED not in t.screen()

    # Refused at once: the browser knows bob's role (the server's own refusal: see rita's test).
    t.send_keys("a")
    t.wait_for("needs the reviewer role; you are labeler", TIMEOUT)
    # Refused: still on the same sample, and nothing changed on the server.
    assert f"› Samples › {name}.jpg" in t.screen()
    assert label_status(jane, sample.uuid) == "LABELED"
    units = jane.get_workunits(DATASET, start="2000-01-01T00:00:00", end="2100-01-01T00:00:00")
    assert not [u for u in units if u.sample_uuid == sample.uuid and u.created_by == "bob"]


def test_a_labeler_cannot_create_a_release_and_the_sdk_lists_none(tui, jane, unique):
    name = f"tui-labeler-release-{unique}"
    t = tui("bob")
    open_dataset(t)
    show_tab(t, "Releases")
    t.wait_for("v1.0", TIMEOUT)
    wait_idle(t)
    assert REFUSED not in t.screen()

    # Refused at once: the browser knows bob's role, and no dialog opens.
    footer = footer_of(t.screen())
    assert "N new" not in footer, footer
    t.send_keys("N")
    t.wait_for("needs the manager role; you are labeler", TIMEOUT)
    assert "Name of the release" not in t.screen()
    assert not rows_with(t.screen(), name), "the refused release is listed"
    assert name not in [r.name for r in jane.get_releases(DATASET)]


def test_the_servers_refusal_shows_when_the_role_was_lowered_after_the_browser_learnt_it(tui, jane, unique):
    name = f"tui-demoted-{unique}"
    sample = add_labeled_sample(jane, f"{name}.jpg")
    try:
        t = tui("rita")
        open_dataset(t)
        open_sample(t, sample)
        wait_idle(t)  # the browser knows rita as a reviewer (or does not ask)
        jane.update_dataset_collaborator(DATASET, "rita", role="labeler")

        t.send_keys("a")
        t.wait_for(f"Accept of {name}.jpg not saved: AuthorizationError: You do not have", TIMEOUT)
        assert f"› Samples › {name}.jpg" in t.screen()
        assert label_status(jane, sample.uuid) == "LABELED"
    finally:
        jane.update_dataset_collaborator(DATASET, "rita", role="reviewer")


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

    # Sample detail: the footer offers no writes; accept, reject, undo, new issue say why not.
    open_sample(t, sample)
    t.send_keys("j")  # any key clears the "Looking up sample …" message: the hints come back
    screen = t.wait_until(lambda s: "L labelset" in footer_of(s), "the sample detail's key hints", TIMEOUT)
    assert "accept" not in footer_of(screen) and "reject" not in footer_of(screen), footer_of(screen)
    for key, description_of_key in [
        ("a", "Accept the label (REVIEWED) and go to the next sample"),
        ("x", "Reject the label (REJECTED) and go to the next sample"),
        ("u", "Undo the last accept or reject of this session"),
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
    footer = footer_of(t.screen())
    assert "s open/closed" in footer and "close/reopen" not in footer and "delete" not in footer, footer
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
    show_tab(t, "Releases")
    t.wait_for("v1.0", TIMEOUT)
    t.send_keys("N")
    t.wait_for("Create a release and watch it until it finishes: read-only mode", TIMEOUT)
    assert "Name of the release" not in t.screen()

    # Nothing changed, and the browser sent nothing but reads.
    assert issue_by_uuid(jane, issue.uuid).status == "OPEN"
    assert len(jane.get_issues(DATASET)) == issues_before
    assert label_status(jane, sample.uuid) == "LABELED"
    assert [r.name for r in jane.get_releases(DATASET)] == releases_before
    with open(demo.server.log_path, "rb") as log:
        log.seek(log_start)
        lines = [line for line in log.read().decode("utf-8", "replace").splitlines() if line.strip()]
    assert [line for line in lines if " jane " in line], "the access log shows no requests from the browser"
    writes = [line for line in lines if '"GET ' not in line]
    assert not writes, "read-only mode sent writes:\n" + "\n".join(writes)


# -- collaborators -----------------------------------------------------------------------

def collaborator_role(sdk, username):
    try:
        return sdk.get_dataset_collaborator(DATASET, username).role
    except Exception as error:  # the SDK's NotFoundError: not a collaborator
        return type(error).__name__


def test_changing_removing_and_adding_a_collaborator_in_the_tui_shows_in_the_sdk(tui, jane):
    t = tui("jane")
    open_dataset(t)
    show_tab(t, "Collaborators")
    t.wait_for("you are owner", TIMEOUT)
    # The API cannot list collaborators: vera is none the browser knows of, so the
    # filter finds no row and Enter asks the server about her.
    t.type("/vera")
    t.wait_for("/vera", TIMEOUT)
    t.send_keys("Enter")
    t.wait_for("vera is labeler", TIMEOUT)
    wait_row(t, "vera", "vera")

    t.send_keys("e")
    t.wait_for_all(["Role of vera (now labeler)", "Enter chooses"], TIMEOUT)
    t.send_keys("2")  # reviewer
    t.wait_for("vera is now reviewer (was labeler)", TIMEOUT)
    eventually(lambda: collaborator_role(jane, "vera") == "reviewer", TIMEOUT, "vera to be a reviewer")

    t.send_keys("D")
    t.wait_for("Remove vera (reviewer) from jane/street-scenes?", TIMEOUT)
    t.send_keys("y")
    t.wait_for("removed vera from jane/street-scenes", TIMEOUT)
    eventually(lambda: collaborator_role(jane, "vera") == "NotFoundError", TIMEOUT, "vera to be gone")

    t.send_keys("N")
    t.wait_for("Username:", TIMEOUT)
    t.type("vera")
    t.wait_for("vera", TIMEOUT)
    t.send_keys("Enter")
    t.wait_for("Role for vera", TIMEOUT)
    t.send_keys("1")  # labeler
    t.wait_for("added vera as labeler", TIMEOUT)
    eventually(lambda: collaborator_role(jane, "vera") == "labeler", TIMEOUT, "vera to be a labeler again")


def test_a_labeler_is_not_offered_collaborator_changes(tui, jane):
    t = tui("bob")
    open_dataset(t)
    show_tab(t, "Collaborators")
    t.wait_for("you are labeler", TIMEOUT)
    footer = footer_of(t.screen())
    assert "add" not in footer and "role" not in footer and "remove" not in footer, footer
    t.send_keys("e")
    t.wait_for("needs the admin role; you are labeler", TIMEOUT)
    assert collaborator_role(jane, "bob") == "labeler"


# -- labelsets ---------------------------------------------------------------------------

def test_a_labelset_added_and_deleted_in_the_tui_comes_and_goes_for_the_sdk(tui, jane, unique):
    name = f"tui-labelset-{unique}"
    t = tui("jane")
    open_dataset(t)
    show_tab(t, "Labelsets")
    t.wait_for("ground-truth", TIMEOUT)

    t.send_keys("N")
    t.wait_for("New labelset", TIMEOUT)
    t.type(name)
    t.wait_for(name, TIMEOUT)
    t.send_keys("Enter")
    t.wait_for("Description (optional)", TIMEOUT)
    t.type("second opinion")
    t.wait_for("second opinion", TIMEOUT)
    t.send_keys("Enter")
    t.wait_for(f"added labelset {name}", TIMEOUT)
    labelset = eventually(
        lambda: next((l for l in jane.get_labelsets(DATASET) if l.name == name), None), TIMEOUT, f"labelset {name}")
    assert labelset.description == "second opinion"

    filter_list(t, name)
    t.send_keys("D")
    t.wait_for(f"Delete labelset {name} of jane/street-scenes?", TIMEOUT)
    t.send_keys("y")
    t.wait_for(f"deleted labelset {name}", TIMEOUT)
    eventually(lambda: name not in [l.name for l in jane.get_labelsets(DATASET)], TIMEOUT, f"labelset {name} to be gone")


# -- the triage queue --------------------------------------------------------------------

def test_the_triage_queue_accepts_then_rejects_with_an_issue_in_one_step(tui, jane, unique):
    name = f"tui-queue-{unique}"
    # The highest priorities of all LABELED samples: the queue's first two.
    first = add_labeled_sample(jane, f"{name}-a.jpg", priority=9_000_001)
    second = add_labeled_sample(jane, f"{name}-b.jpg", priority=9_000_000)
    t = tui("carol")
    open_dataset(t)
    wait_idle(t)
    t.send_keys("T")
    t.wait_for("TRIAGE", TIMEOUT)
    wait_detail(t, f"{name}-a.jpg")
    t.wait_for("0 of ", TIMEOUT)

    t.send_keys("a")
    t.wait_for(f"accepted {name}-a.jpg (REVIEWED)", TIMEOUT)
    wait_detail(t, f"{name}-b.jpg")
    t.wait_for("1 of ", TIMEOUT)

    reason = f"box misses the mirror {unique}"
    t.send_keys("X")
    t.wait_for(f"Reject {name}-b.jpg", TIMEOUT)
    t.type(reason)
    t.wait_for(reason, TIMEOUT)
    t.send_keys("Enter")
    t.wait_for(f"opened issue “{reason}” on {name}-b.jpg", TIMEOUT)
    wait_label_status(jane, first.uuid, "REVIEWED")
    wait_label_status(jane, second.uuid, "REJECTED")
    issues = [i for i in jane.get_issues(DATASET) if i.sample_uuid == second.uuid]
    assert [(i.description, i.status, i.created_by) for i in issues] == [(reason, "OPEN", "carol")]

    t.send_keys("Escape")
    t.wait_for("Left the triage queue: 2 of", TIMEOUT)


def test_a_burst_of_twenty_triage_keys_gives_twenty_decisions_in_order_for_the_sdk(tui, jane, unique):
    """Typed faster than the server answers: one send-keys call with 20 keys. Each decision
    lands on the sample it was meant for, in order, and none is lost."""
    name = f"tui-burst-{unique}"
    keys = list("aaxaxxaaxaaaxaxaaxxa")
    # Higher priorities than any other LABELED sample: the queue's first twenty, in this order.
    samples = [add_labeled_sample(jane, f"{name}-{i:02d}.jpg", priority=9_500_000 - i) for i in range(len(keys))]
    t = tui("carol")
    open_dataset(t)
    wait_idle(t)
    t.send_keys("T")
    t.wait_for("TRIAGE", TIMEOUT)
    wait_detail(t, f"{name}-00.jpg")
    t.send_keys(*keys)
    t.wait_for("20 of ", TIMEOUT)
    for sample, key in zip(samples, keys):
        wait_label_status(jane, sample.uuid, "REVIEWED" if key == "a" else "REJECTED")
    wait_idle(t)
    assert "saving" not in t.screen()


# -- issue edits and release deletion ---------------------------------------------------

def test_an_issue_edited_in_the_tui_has_the_new_description_for_the_sdk(tui, jane, unique):
    description = f"tui-edit-{unique}"
    issue = jane.add_issue(some_sample(jane).uuid, description)
    t = tui("jane")
    show_issue(t, description)

    t.send_keys("e")
    t.wait_for_all(["Edit issue on", "Ctrl-J or Alt-Enter: new line"], TIMEOUT)
    t.send_keys("C-j")
    t.type("see frame 3")
    t.wait_for("see frame 3", TIMEOUT)
    t.send_keys("Enter")
    t.wait_for("saved the description of issue", TIMEOUT)
    eventually(
        lambda: getattr(issue_by_uuid(jane, issue.uuid), "description", None) == description + "\nsee frame 3",
        TIMEOUT, "the two-line description")


def test_a_release_deleted_in_the_tui_is_gone_for_the_sdk(tui, jane, unique):
    name = f"tui-delete-release-{unique}"
    jane.add_release(DATASET, name)
    t = tui("jane")
    open_dataset(t)
    show_tab(t, "Releases")
    filter_list(t, name)
    wait_row(t, name[:20], name[:20])  # the Name column is narrower than the name

    t.send_keys("D")
    t.wait_for(f"Delete release {name}", TIMEOUT)
    t.send_keys("y")
    t.wait_for(f"deleted release {name}", TIMEOUT)
    eventually(lambda: name not in [r.name for r in jane.get_releases(DATASET)], TIMEOUT, f"release {name} to be gone")


def test_the_demos_clips_are_sequences_the_sdk_reads_with_a_jpeg_served_for_every_frame(demo):
    """The demo's image-vector-sequence dataset: the SDK parses its samples and labels, each
    frame's image is a JPEG that `serve` answers, and the boxes follow their tracks."""
    jane = demo.sdk["jane"]
    samples = jane.get_samples("jane/dashcam-clips", per_page=10)
    assert len(samples) == 10
    labeled = None
    for sample in samples:
        assert len(sample.attributes.frames) == 6
        try:
            labeled = (sample, jane.get_label(sample.uuid, "ground-truth"))
            break
        except NotFoundError:
            continue
    assert labeled is not None, "one of the first ten clips has a label"
    sample, label = labeled
    assert label.label_type == "image-vector-sequence"
    assert len(label.attributes.frames) == 6
    tracks = [{a.track_id for a in frame.annotations} for frame in label.attributes.frames]
    assert tracks[0] and all(track is not None for track in tracks[0])
    for frame in sample.attributes.frames:
        answer = requests.get(frame.image.url, timeout=10)
        assert answer.status_code == 200, frame.image.url
        assert answer.headers["content-type"].startswith("image/jpeg")
        assert answer.content[:3] == b"\xff\xd8\xff"

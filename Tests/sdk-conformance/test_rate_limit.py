"""Flooding. Two facts of the SDK's transport shape this test:
- the SDK raises APILimitError only at construction on a 429 (its /api_status/
  check) or on a 2xx body saying "throttled"; a 429 on a normal call is a
  NetworkError;
- its urllib3 Retry(total=3) honours Retry-After on 429: it sleeps that long and
  retries, so with the server's Retry-After a flooding script simply slows down.
Part 1 checks the back-off with a short window; part 2 turns urllib3's
Retry-After handling off to see the exceptions the SDK maps."""

import os
import shutil
import tempfile
import time

import pytest
import requests
from segments import SegmentsClient
from segments.exceptions import APILimitError, NetworkError
from urllib3.util.retry import Retry

from conftest import Server, admin


@pytest.fixture
def flood_server():
    path = tempfile.mkdtemp(prefix="segments-flood-")
    keys = [admin(path, "create-user", name) for name in ("flooder", "calm", "patient")]
    server = Server(path, "--rate-limit", "5", "--rate-window", "2")
    yield server, keys
    assert server.stop() == 0
    shutil.rmtree(path, ignore_errors=True)


def test_flood_answers_429_with_retry_after(flood_server):
    server, (key, other, patient) = flood_server
    statuses = [requests.get(server.url + "/user", headers={"Authorization": f"APIKey {key}"}) for _ in range(7)]
    assert [r.status_code for r in statuses[:5]] == [200] * 5
    limited = statuses[5]
    assert limited.status_code == 429 and "throttled" in limited.json()["detail"]
    assert 1 <= int(limited.headers["Retry-After"]) <= 2
    # The limit is per key.
    assert SegmentsClient(other, api_url=server.url + "/").get_user().username == "calm"

    # With the SDK's default transport, an over-the-limit call waits for Retry-After and then succeeds.
    client = SegmentsClient(patient, api_url=server.url + "/")
    started = time.time()
    for _ in range(8):
        assert client.get_user().username == "patient"
    assert time.time() - started >= 1


def test_flood_gives_api_limit_error(flood_server, monkeypatch):
    server, (key, _, _) = flood_server
    monkeypatch.setattr(Retry, "RETRY_AFTER_STATUS_CODES", frozenset())
    client = SegmentsClient(key, api_url=server.url + "/")  # request 1
    with pytest.raises(NetworkError):
        for _ in range(10):
            client.get_user()  # requests 2..5 pass, then 429 → NetworkError on normal calls
    with pytest.raises(APILimitError):
        SegmentsClient(key, api_url=server.url + "/")


def test_first_start_creates_owner_and_key_file():
    path = tempfile.mkdtemp(prefix="segments-first-")
    try:
        server = Server(path, "--owner", "root")
        try:
            key_file = os.path.join(path, "owner-api-key")
            assert oct(os.stat(key_file).st_mode & 0o777) == "0o600"
            with open(key_file) as f:
                key = f.read().strip()
            assert any(key in line for line in server.stdout_lines)
            assert SegmentsClient(key, api_url=server.url + "/").get_user().username == "root"
        finally:
            assert server.stop() == 0
        # A second start does not create another owner or print a key.
        again = Server(path)
        try:
            assert not any("API key" in line for line in again.stdout_lines)
        finally:
            assert again.stop() == 0
    finally:
        shutil.rmtree(path, ignore_errors=True)

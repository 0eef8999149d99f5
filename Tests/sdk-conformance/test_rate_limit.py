"""Flooding: the SDK raises APILimitError only when constructed while over the
limit (429 on /api_status/), so this uses its own server with a tiny limit."""

import os
import shutil
import tempfile

import pytest
import requests
from segments import SegmentsClient
from segments.exceptions import APILimitError, NetworkError

from conftest import Server, admin


def test_flood_gives_api_limit_error():
    path = tempfile.mkdtemp(prefix="segments-flood-")
    try:
        key = admin(path, "create-user", "flooder")
        other = admin(path, "create-user", "calm")
        server = Server(path, "--rate-limit", "5", "--rate-window", "60")
        try:
            client = SegmentsClient(key, api_url=server.url + "/")  # request 1
            with pytest.raises(NetworkError):
                for _ in range(10):
                    client.get_user()  # 2..5 pass, then 429 → NetworkError on normal calls
            with pytest.raises(APILimitError):
                SegmentsClient(key, api_url=server.url + "/")
            raw = requests.get(server.url + "/user", headers={"Authorization": f"APIKey {key}"})
            assert raw.status_code == 429 and "throttled" in raw.json()["detail"]
            assert int(raw.headers["Retry-After"]) >= 1
            # The limit is per key.
            assert SegmentsClient(other, api_url=server.url + "/").get_user().username == "calm"
        finally:
            assert server.stop() == 0
    finally:
        shutil.rmtree(path, ignore_errors=True)


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

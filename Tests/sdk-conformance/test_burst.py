"""A burst of concurrent requests on a busy machine, as the browser's type-ahead
filter sends them (one request per key). Every request authenticates, so every
request reads the database. A blocking read on the server's cooperative threads
once waited for a reader that async reads held until they were resumed on those
same threads: the server stopped answering for good, even SIGTERM. It runs in a
process of its own here, so that a hang fails this test instead of the suite."""

import multiprocessing
import shutil
import signal
import tempfile
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from segments import SegmentsClient

from conftest import Server, admin


def spin():
    while True:
        pass


@pytest.fixture
def burst_server():
    path = tempfile.mkdtemp(prefix="segments-burst-")
    key = admin(path, "create-user", "burst")
    server = Server(path, "--rate-limit", "0")
    yield server, key
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=30)
        except Exception:
            server.process.kill()
            server.process.wait()
    server.stderr.close()
    shutil.rmtree(path, ignore_errors=True)


def test_a_burst_of_concurrent_requests_on_a_busy_machine_is_answered_in_full(burst_server):
    server, key = burst_server
    client = SegmentsClient(api_key=key, api_url=server.url)
    client.add_dataset("burst", task_type="bboxes")
    for index in range(20):
        client.add_sample("burst/burst", f"frame_{index:03}.jpg", {"image": {"url": f"https://example.org/{index}.jpg"}})
    headers = {"Authorization": f"APIKey {key}"}

    def get(index):
        url = f"{server.url}/datasets/burst/burst/samples/?name__contains={index % 10}&per_page=50"
        try:
            return requests.get(url, headers=headers, timeout=30).status_code
        except requests.RequestException as error:
            return type(error).__name__

    # Two processes that spin, as a training job would: the server's threads get little time.
    burners = [multiprocessing.Process(target=spin, daemon=True) for _ in range(2)]
    for burner in burners:
        burner.start()
    try:
        with ThreadPoolExecutor(max_workers=120) as pool:
            statuses = list(pool.map(get, range(120)))
    finally:
        for burner in burners:
            burner.kill()
            burner.join()
    counts = {status: statuses.count(status) for status in set(statuses)}
    assert counts == {200: 120}, f"answers to the burst: {counts}"
    assert requests.get(f"{server.url}/api_status/?lib_version=1.33.0", headers=headers, timeout=30).status_code == 200
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=60) == 0, "serve stops on SIGTERM after the burst"

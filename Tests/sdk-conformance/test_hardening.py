"""Issue 16 through the official SDK (and raw requests where the SDK cannot
say it): the contract details the SDK relies on, NUL and deep JSON refused,
idle connections closed, private workspace files."""

import json
import os
import shutil
import socket
import stat
import tempfile
import time

import pytest
import requests
import unicodedata

from segments.exceptions import AlreadyExistsError, NetworkError, NotFoundError

from conftest import Server, admin


def image(url="http://example.org/x.png"):
    return {"image": {"url": url}}


def raw(server, keys, path, user="jane"):
    return requests.get(server.url + path, headers={"Authorization": f"APIKey {keys[user]}"}, timeout=30)


# Item 9: every documented sort value, organisations as assignees, tolerant query parameters.

def test_every_documented_sort_value(jane, dataset):
    for name in ("b.png", "a.png", "c.png"):
        jane.add_sample(dataset, name, image(), priority=len(name))
    for sort in ("name", "created", "priority", "updated_at", "gt_label__updated_at"):
        for direction in ("asc", "desc"):
            assert len(jane.get_samples(dataset, sort=sort, direction=direction)) == 3, (sort, direction)
    created = [s.name for s in jane.get_samples(dataset, sort="created", direction="asc")]
    assert created == ["b.png", "a.png", "c.png"]


def test_an_organisation_may_be_assigned(jane, dataset):
    sample = jane.add_sample(dataset, "org.png", image(), assigned_labeler="acme", assigned_reviewer="acme")
    assert sample.assigned_labeler == "acme" and sample.assigned_reviewer == "acme"
    assert jane.update_sample(sample.uuid, assigned_reviewer="jane").assigned_reviewer == "jane"
    with pytest.raises(NetworkError):
        jane.add_sample(dataset, "nobody.png", image(), assigned_labeler="nobody-xyz")


def test_tolerated_query_parameters_fall_back(server, keys, jane, dataset):
    jane.add_sample(dataset, "a.png", image(), metadata={"city": "Paris"})
    base = f"/datasets/{dataset}/samples/"
    for query in ("per_page=many", "per_page=0", "sort=colour", "sort=-colour", "labelset=nope", "filters=city",
                  "filters=city,city:Paris"):
        response = raw(server, keys, f"{base}?{query}")
        assert response.status_code == 200, (query, response.text)
        assert [s["name"] for s in response.json()] == ["a.png"], query
    assert raw(server, keys, f"/datasets/{dataset}/workunits/?sort=priority&per_page=x").status_code == 200
    assert raw(server, keys, "/user/datasets/?per_page=lots").status_code == 200


def test_private_organisation_datasets_are_not_every_members(jane, bob, lucy, unique):
    secret = jane.add_dataset(f"org-secret-{unique}", organization="acme")
    public = jane.add_dataset(f"org-public-{unique}", organization="acme", public=True)
    try:
        with pytest.raises(NotFoundError):
            lucy.get_dataset(secret.full_name)
        names = [d.full_name for d in lucy.get_datasets()]
        assert secret.full_name not in names and public.full_name in names
        assert bob.get_dataset(secret.full_name).name == secret.name  # an organisation admin sees all
        jane.add_dataset_collaborator(secret.full_name, "lucy", "reviewer")
        assert lucy.get_dataset(secret.full_name).role == "reviewer"
    finally:
        jane.delete_dataset(secret.full_name)
        jane.delete_dataset(public.full_name)


# Items 2 and 4: NUL characters and deep nesting are refused, never stored cut short.

def test_nul_characters_are_refused_whole(server, keys, jane, dataset):
    with pytest.raises(NetworkError):
        jane.update_dataset(dataset, description="before\u0000after")
    with pytest.raises(NetworkError):
        jane.add_sample(dataset, "a\u0000b.png", image())
    with pytest.raises(NetworkError):
        jane.add_release(dataset, "v1", description="x\u0000y")
    assert jane.get_dataset(dataset).description == ""
    owner, name = dataset.split("/")
    assert raw(server, keys, f"/datasets/{owner}/{name}%00zzz/").status_code == 404
    assert raw(server, keys, f"/datasets/{owner}/{name}/").status_code == 200


def test_deep_nesting_is_refused_naming_the_field(server, keys, jane, dataset):
    def nested(depth):
        value = {}
        for _ in range(depth - 1):
            value = {"a": value}
        return value

    jane.add_sample(dataset, "ok.png", image(), metadata=nested(64))
    with pytest.raises(NetworkError):
        jane.add_sample(dataset, "deep.png", image(), metadata=nested(65))
    response = requests.post(
        f"{server.url}/datasets/{dataset}/samples/",
        data=json.dumps({"name": "deep.png", "attributes": image(), "metadata": nested(500)}),
        headers={"Authorization": f"APIKey {keys['jane']}", "Content-Type": "application/json"}, timeout=30)
    assert response.status_code == 400
    assert list(response.json()) == ["metadata"]
    assert [s.name for s in jane.get_samples(dataset)] == ["ok.png"]


# Item 5: one name, one meaning, whatever the Unicode form.

def test_names_and_keys_in_two_unicode_forms(jane, dataset):
    nfc, nfd = unicodedata.normalize("NFC", "café"), unicodedata.normalize("NFD", "café")
    assert nfc != nfd
    sample = jane.add_sample(dataset, nfd, image())
    assert sample.name == nfc
    with pytest.raises(AlreadyExistsError):
        jane.add_sample(dataset, nfc, image())
    assert jane.update_sample(sample.uuid, name=nfd).name == nfc
    with pytest.raises(NetworkError) as refused:
        jane.add_sample(dataset, "keys.png", image(), metadata={nfc: 1, nfd: 2})
    assert "metadata" in str(refused.value)
    assert [s.name for s in jane.get_samples(dataset, name=nfd)] == [nfc]


# Items 1 and 6: a fresh serve closes silent connections and keeps its workspace private.

@pytest.fixture
def fresh_workspace():
    """A workspace folder our own code creates (with `admin create-user`), under the usual umask."""
    base = tempfile.mkdtemp(prefix="segments-harden-")
    path = os.path.join(base, "workspace")
    previous = os.umask(0o022)
    try:
        admin(path, "create-user", "jane")
    finally:
        os.umask(previous)
    yield path
    shutil.rmtree(base, ignore_errors=True)


def test_silent_connections_are_closed_and_files_are_private(fresh_workspace):
    server = Server(fresh_workspace, "--header-timeout", "1", "--idle-timeout", "2")
    try:
        host, port = server.url.removeprefix("http://").rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=10) as silent:
            started = time.time()
            assert silent.recv(1) == b""  # closed by the server, not by our 10 s timeout
            assert time.time() - started < 5
        assert stat.S_IMODE(os.stat(fresh_workspace).st_mode) == 0o700
        for name in ("workspace.sqlite", "workspace.sqlite-wal", "workspace.sqlite-shm"):
            file = os.path.join(fresh_workspace, name)
            if os.path.exists(file):
                assert stat.S_IMODE(os.stat(file).st_mode) == 0o600, name
        assert requests.get(server.url + "/user/", timeout=10).status_code == 401  # still serving
    finally:
        assert server.stop() == 0
    with open(os.path.join(fresh_workspace, "serve.stderr")) as f:
        assert "chmod" not in f.read()


def test_serve_warns_about_a_workspace_others_can_read(fresh_workspace):
    os.chmod(fresh_workspace, 0o755)
    os.chmod(os.path.join(fresh_workspace, "workspace.sqlite"), 0o644)
    server = Server(fresh_workspace)
    assert server.stop() == 0
    with open(os.path.join(fresh_workspace, "serve.stderr")) as f:
        warnings = f.read()
    assert f"chmod 700 {fresh_workspace}" in warnings
    assert f"chmod 600 {os.path.join(fresh_workspace, 'workspace.sqlite')}" in warnings


# Item 11: a key file or config file others can read is warned about, naming the fix.

def test_browser_warns_about_readable_key_files(server, keys, tmp_path):
    import subprocess

    from conftest import BIN

    key_file = tmp_path / "key"
    key_file.write_text(keys["jane"] + "\n")
    key_file.chmod(0o644)
    config_home = tmp_path / "config"
    (config_home / "segments-tui").mkdir(parents=True)
    config = config_home / "segments-tui" / "config"
    config.write_text(f"api_key = {keys['jane']}\napi_url = {server.url}/\n")
    config.chmod(0o640)
    env = dict(os.environ, XDG_CONFIG_HOME=str(config_home), XDG_STATE_HOME=str(tmp_path / "state"))
    env.pop("SEGMENTS_API_KEY", None)
    for args, named in ((["--api-key-file", str(key_file), "--api-url", server.url + "/"], key_file), ([], config)):
        done = subprocess.run([BIN, *args, "--headless", "--size", "100x30", "--keys", ""],
                              capture_output=True, text=True, timeout=120, env=env)
        assert done.returncode == 0, done.stderr
        assert f"chmod 600 {named}" in done.stderr, done.stderr
        assert keys["jane"] not in done.stderr
    key_file.chmod(0o600)
    config.chmod(0o600)
    quiet = subprocess.run([BIN, "--api-key-file", str(key_file), "--api-url", server.url + "/", "--headless",
                            "--size", "100x30", "--keys", ""], capture_output=True, text=True, timeout=120, env=env)
    assert "chmod" not in quiet.stderr

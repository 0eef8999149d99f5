"""Every SegmentsClient method of segments-ai 1.33.0 against `segments-tui serve`
(reference section 11, plus every collaborator role and several label types)."""

import gzip
import io
import json
import time

import pytest
import requests
from segments import SegmentsClient, SegmentsDataset
from segments.exceptions import (
    AlreadyExistsError,
    AuthenticationError,
    AuthorizationError,
    CollaboratorError,
    NetworkError,
    NotFoundError,
)
from segments.utils import load_release

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
BOX = {"format_version": "0.1", "annotations": [{"id": 1, "category_id": 1, "type": "bbox", "points": [[1, 2], [3, 4]]}]}


def image(url="http://example.org/x.png"):
    return {"image": {"url": url}}


# 1–2: construction and users

def test_construction_and_users(server, jane, keys):
    with pytest.raises(AuthenticationError):
        SegmentsClient("WRONG", api_url=server.url + "/")
    assert jane.get_user().username == "jane"
    assert jane.get_user("bob").username == "bob"
    with pytest.raises(NotFoundError):
        jane.get_user("nobody-xyz")


# 3–7: datasets

def test_datasets(jane, bob, unique):
    name = f"conf-{unique}"
    ds = jane.add_dataset(
        name,
        task_type="bboxes",
        task_attributes={"format_version": "0.1", "categories": [{"id": 1, "name": "car"}]},
        metadata={"k": "v"},
    )
    full = f"jane/{name}"
    assert ds.full_name == full and ds.task_type == "bboxes" and ds.metadata == {"k": "v"}
    with pytest.raises(AlreadyExistsError):
        jane.add_dataset(name)

    org = jane.add_dataset(f"conf-org-{unique}", organization="acme")
    assert org.owner.username == "acme"
    jane.delete_dataset(org.full_name)

    assert full in [d.full_name for d in jane.get_datasets()]
    assert len(jane.get_datasets(per_page=1, page=1)) == 1
    with pytest.raises(NotFoundError):
        jane.get_datasets(per_page=1, page=999999)
    assert isinstance(jane.get_datasets("bob"), list)

    assert jane.get_dataset(full).name == name
    with pytest.raises(NotFoundError):
        jane.get_dataset("abcde")

    updated = jane.update_dataset(full, description="d2", enable_confirm_on_commit=True, metadata={"k": "w"})
    assert updated.description == "d2" and updated.enable_confirm_on_submit is True
    assert updated.metadata == {"k": "w"}

    jane.delete_dataset(full)
    with pytest.raises(NotFoundError):
        jane.get_dataset(full)


# 8: collaborators in every role

@pytest.mark.parametrize("role", ["labeler", "reviewer", "manager", "admin"])
def test_collaborators(jane, dataset, role):
    added = jane.add_dataset_collaborator(dataset, "bob", role)
    assert added.role == role and added.user.username == "bob"
    assert jane.get_dataset_collaborator(dataset, "bob").role == role
    with pytest.raises((CollaboratorError, AlreadyExistsError)):
        jane.add_dataset_collaborator(dataset, "bob", role)
    other = "admin" if role != "admin" else "labeler"
    assert jane.update_dataset_collaborator(dataset, "bob", other).role == other
    assert jane.delete_dataset_collaborator(dataset, "bob") is None
    with pytest.raises(NotFoundError):
        jane.get_dataset_collaborator(dataset, "bob")


def test_labeler_cannot_change_roles(jane, lucy, dataset):
    jane.add_dataset_collaborator(dataset, "lucy", "labeler")
    jane.add_dataset_collaborator(dataset, "bob", "reviewer")
    with pytest.raises(AuthorizationError):
        lucy.update_dataset_collaborator(dataset, "bob", "admin")
    with pytest.raises(AuthorizationError):
        lucy.add_dataset_collaborator(dataset, "jane", "admin")
    assert jane.get_dataset_collaborator(dataset, "bob").role == "reviewer"


# 9: upload_asset

def test_upload_asset(jane):
    asset = jane.upload_asset(io.BytesIO(PNG), "a.png")
    assert asset.filename == "a.png"
    fetched = requests.get(asset.url)
    assert fetched.status_code == 200 and fetched.content == PNG


# 10–15, 22: samples

def test_samples(jane, dataset):
    asset = jane.upload_asset(io.BytesIO(PNG), "a.png")
    a = jane.add_sample(dataset, "a.png", image(asset.url), metadata={"city": "London"}, priority=5)
    assert a.uuid and a.priority == 5
    b = jane.add_sample(dataset, "b.png", image(), metadata={"city": "Paris"}, enable_compression=False)
    with pytest.raises(AlreadyExistsError):
        jane.add_sample(dataset, "a.png", image())
    bulk = jane.add_samples(dataset, [{"name": "c.png", "attributes": image()}, {"name": "a.png", "attributes": image()}])
    assert len(bulk) == 2 and bulk[1].uuid == a.uuid
    c = bulk[0]

    names = [s.name for s in jane.get_samples(dataset)]
    assert names == ["a.png", "b.png", "c.png"]
    assert [s.name for s in jane.get_samples(dataset, direction="desc")] == ["c.png", "b.png", "a.png"]
    assert [s.name for s in jane.get_samples(dataset, name="b")] == ["b.png"]
    assert [s.name for s in jane.get_samples(dataset, metadata=["city:London"])] == ["a.png"]
    assert [s.name for s in jane.get_samples(dataset, metadata="city:Paris")] == ["b.png"]
    assert jane.get_samples(dataset, sort="priority", direction="desc")[0].name == "a.png"
    assert len(jane.get_samples(dataset, sort="created_at")) == 3
    assert len(jane.get_samples(dataset, sort="gt_label__updated_at")) == 3
    assert len(jane.get_samples(dataset, label_status=["UNLABELED"])) == 3
    assert len(jane.get_samples(dataset, per_page=2, page=2)) == 1
    with pytest.raises(NotFoundError):
        jane.get_samples(dataset, per_page=2, page=3)

    got = jane.get_sample(a.uuid)
    assert got.dataset_full_name == dataset
    with pytest.raises(NotFoundError):
        jane.get_sample("12345")

    jane.add_dataset_collaborator(dataset, "bob", "labeler")
    updated = jane.update_sample(a.uuid, metadata={"city": "Paris"}, assigned_labeler="bob")
    assert updated.metadata == {"city": "Paris"} and updated.assigned_labeler == "bob"
    assert jane.update_sample(a.uuid, assigned_labeler=None).assigned_labeler is None
    assert jane.update_sample(a.uuid, priority=7, enable_compression=False).priority == 7

    with pytest.raises(NotFoundError):
        jane.get_label(a.uuid)

    deleted = jane.delete_samples(dataset, [b.uuid, "00000000-0000-0000-0000-000000000000"])
    assert deleted.deleted_count == 1
    assert jane.delete_sample(c.uuid) is None
    with pytest.raises(NotFoundError):
        jane.get_sample(c.uuid)


# 16–18: labels of several task types, labelsets

def test_labels_bboxes_and_labelsets(jane, dataset):
    a = jane.add_sample(dataset, "a.png", image())
    label = jane.add_label(a.uuid, "ground-truth", BOX)
    assert label.label_status == "PRELABELED" and label.label_type == "bboxes" and label.sample_uuid == a.uuid
    assert jane.get_label(a.uuid).attributes.annotations[0].points == [[1.0, 2.0], [3.0, 4.0]]
    updated = jane.update_label(a.uuid, "ground-truth", label_status="LABELED", score=0.9)
    assert updated.label_status == "LABELED" and updated.score == 0.9

    labeled = jane.get_samples(dataset, labelset="ground-truth", label_status="LABELED")
    assert [s.name for s in labeled] == ["a.png"] and labeled[0].label.label_status == "LABELED"
    full = jane.get_samples(dataset, labelset="ground-truth", include_full_label=True)
    assert full[0].label.labelset == "ground-truth"
    assert jane.get_sample(a.uuid, labelset="ground-truth").label is not None
    assert jane.get_sample(a.uuid, labelset="ground-truth", include_signed_url=True).label is not None

    assert jane.add_labelset(dataset, "preds", "model").name == "preds"
    with pytest.raises(AlreadyExistsError):
        jane.add_labelset(dataset, "preds")
    assert {"ground-truth", "preds"} <= {ls.name for ls in jane.get_labelsets(dataset)}
    assert jane.get_labelset(dataset, "preds").description == "model"
    assert jane.add_label(a.uuid, "preds", BOX, score=0.5).labelset == "preds"
    assert jane.delete_label(a.uuid, "preds") is None
    with pytest.raises(NotFoundError):
        jane.get_label(a.uuid, "preds")
    assert jane.delete_labelset(dataset, "preds") is None
    with pytest.raises(NotFoundError):
        jane.get_labelset(dataset, "preds")


@pytest.mark.parametrize(
    "task_type, sample_attributes, label_attributes",
    [
        (
            "segmentation-bitmap",
            image(),
            {"format_version": "0.1", "annotations": [{"id": 1, "category_id": 1}],
             "segmentation_bitmap": {"url": "http://example.org/bitmap.png"}},
        ),
        (
            "vector",
            image(),
            {"format_version": "0.1", "annotations": [
                {"id": 1, "category_id": 1, "type": "polygon", "points": [[0, 0], [5, 0], [5, 5]]}]},
        ),
        (
            "pointcloud-cuboid",
            {"pcd": {"url": "http://example.org/a.pcd", "type": "pcd"}},
            {"format_version": "0.2", "annotations": [
                {"id": 1, "category_id": 1, "type": "cuboid", "position": {"x": 1, "y": 2, "z": 3},
                 "dimensions": {"x": 1, "y": 1, "z": 1}, "yaw": 0.5}]},
        ),
        (
            "image-vector-sequence",
            {"frames": [{"image": {"url": "http://example.org/f0.png"}}]},
            {"format_version": "0.2", "frames": [{"annotations": [
                {"id": 1, "category_id": 1, "track_id": 1, "type": "bbox", "points": [[1, 1], [2, 2]]}]}]},
        ),
    ],
)
def test_labels_of_other_task_types(jane, unique, task_type, sample_attributes, label_attributes):
    ds = jane.add_dataset(f"conf-{task_type}-{unique}", task_type=task_type).full_name
    sample = jane.add_sample(ds, "s1", sample_attributes)
    label = jane.add_label(sample.uuid, "ground-truth", label_attributes, label_status="LABELED")
    assert label.label_type == task_type
    again = jane.get_label(sample.uuid, "ground-truth")
    assert again.attributes.model_dump(exclude_unset=True) == label.attributes.model_dump(exclude_unset=True)
    assert jane.update_label(sample.uuid, "ground-truth", attributes=label_attributes).label_status == "LABELED"
    assert jane.delete_label(sample.uuid, "ground-truth") is None
    jane.delete_dataset(ds)


# 19: issues

def test_issues(jane, dataset):
    a = jane.add_sample(dataset, "a.png", image())
    issue = jane.add_issue(a.uuid, "fix the box")
    assert issue.status == "OPEN" and issue.comments == [] and issue.sample_uuid == a.uuid
    anchored = jane.add_issue(a.uuid, "here", anchor={"type": "location", "location": {"type": "2d", "x": 1, "y": 2}})
    assert anchored.anchor.location.x == 1
    assert len(jane.get_issues(dataset)) == 2
    closed = jane.update_issue(issue.uuid, status="CLOSED")
    assert closed.status == "CLOSED"
    assert jane.update_issue(issue.uuid, description="reworded").description == "reworded"
    assert jane.delete_issue(issue.uuid) is None
    assert len(jane.get_issues(dataset)) == 1
    with pytest.raises(NotFoundError):
        jane.update_issue("12345", "x")


# 20, 26: releases and the export file

def wait_for_release(client, ds, name):
    release = client.get_release(ds, name)
    deadline = time.time() + 60
    while release.status == "PENDING" and time.time() < deadline:
        time.sleep(0.2)
        release = client.get_release(ds, name)
    return release


def test_releases(jane, dataset):
    a = jane.add_sample(dataset, "a.png", image())
    jane.add_sample(dataset, "b.png", image())
    jane.add_label(a.uuid, "ground-truth", BOX, label_status="LABELED")
    created = jane.add_release(dataset, "v0.1", "first")
    assert created.release_type == "JSON"
    release = wait_for_release(jane, dataset, "v0.1")
    assert release.status == "SUCCEEDED" and release.attributes.url
    assert "v0.1" in [r.name for r in jane.get_releases(dataset)]

    exported = load_release(release)
    assert exported["name"] == "v0.1" and len(exported["dataset"]["samples"]) == 2

    segments_dataset = SegmentsDataset(release, labelset="ground-truth", filter_by=["LABELED"], segments_dir=None)
    assert len(segments_dataset) == 1
    assert segments_dataset.categories[0].name == "car"

    with pytest.raises(AlreadyExistsError):
        jane.add_release(dataset, "v0.1")
    assert jane.delete_release(dataset, "v0.1") is None
    with pytest.raises(NotFoundError):
        jane.get_release(dataset, "v0.1")


# 21: workunits

def test_workunits(jane, dataset):
    a = jane.add_sample(dataset, "a.png", image())
    jane.add_label(a.uuid, "ground-truth", BOX, label_status="LABELED")
    assert isinstance(jane.get_workunits(dataset), list)
    ranged = jane.get_workunits(
        dataset, start="2000-01-01T00:00:00", end="2100-01-01T00:00:00", direction="asc",
        include_session_time_metrics=True,
    )
    assert isinstance(ranged, list)
    assert isinstance(jane.get_workunits(dataset, per_page=1, page=1), list)


# 23–24: clones

def test_clone(jane, dataset):
    a = jane.add_sample(dataset, "a.png", image())
    jane.add_label(a.uuid, "ground-truth", BOX)
    name = dataset.split("/")[1]
    copy = jane.clone_dataset(dataset, new_name=f"{name}-copy", clone_labels=True)
    assert copy.name == f"{name}-copy" and copy.task_type == "bboxes"
    clone = jane.clone_dataset(dataset)
    assert clone.name == f"{name}-clone"
    with pytest.raises(AlreadyExistsError):
        jane.clone_dataset(dataset)
    org_clone = jane.clone_dataset(dataset, new_name=f"{name}-org", organization="acme", new_public=False)
    assert org_clone.owner.username == "acme"
    for full in (copy.full_name, clone.full_name, org_clone.full_name):
        assert jane.delete_dataset(full) is None
        with pytest.raises(NotFoundError):
            jane.get_dataset(full)


# 25: transport checks with a raw HTTP client

def test_transport(server, keys, dataset):
    no_auth = requests.get(server.url + "/user", allow_redirects=False)
    assert no_auth.status_code == 401
    assert "Authentication credentials were not provided" in no_auth.text
    body = gzip.compress(json.dumps({"name": "gz.png", "attributes": image()}).encode())
    posted = requests.post(
        f"{server.url}/datasets/{dataset}/samples/",
        data=body,
        headers={"Authorization": f"APIKey {keys['jane']}", "Content-Encoding": "gzip",
                 "Content-Type": "application/json"},
        allow_redirects=False,
    )
    assert 200 <= posted.status_code < 300, posted.text
    for path in ("/user", "/user/", f"/datasets/{dataset}", f"/datasets/{dataset}/"):
        answer = requests.get(server.url + path, headers={"Authorization": f"APIKey {keys['jane']}"},
                              allow_redirects=False)
        assert answer.status_code == 200, path
    assert requests.get(server.url + "/openapi.json").json()["openapi"].startswith("3.1")


def test_unknown_key_is_a_network_error_after_construction(server, keys, jane):
    client = SegmentsClient(keys["bob"], api_url=server.url + "/")
    client.api_key = "WRONG"
    client.api_session.headers["Authorization"] = "APIKey WRONG"
    with pytest.raises((NetworkError, AuthenticationError)):
        client.get_user()

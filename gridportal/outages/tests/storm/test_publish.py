"""Static publishing: the snapshot as files for nginx, swapped in atomically."""

import json
import os

import pytest
from django.core.management import CommandError, call_command

from gridportal.outages import services as outages
from gridportal.outages.storm.services import snapshot_publish, snapshot_rebuild
from gridportal.outages.storm.snapshots import snapshot_build

pytestmark = pytest.mark.django_db


def test_publishing_writes_every_file_the_pages_need(
    client, network, other_network, outage, planned, tmp_path
):
    snapshot = snapshot_rebuild()
    release = snapshot_publish(snapshot=snapshot, directory=tmp_path)
    current = tmp_path / "current"
    assert current.is_symlink() and current.resolve() == release.resolve()
    out = network.substations[0].pk
    assert json.loads((current / f"status/substation/{out}.json").read_bytes())["state"] == "outage"
    assert (
        json.loads((current / f"status/substation/{network.substations[-1].pk}.json").read_bytes())[
            "state"
        ]
        == "planned"
    )
    # Unaffected substations have no file of their own: nginx falls back to none.json.
    assert not (current / f"status/substation/{network.substations[3].pk}.json").exists()
    assert json.loads((current / "status/none.json").read_bytes())["state"] == "none"
    assert (current / "branch/karelia/summary.json").exists()
    assert (current / "branch/pskov/summary.json").exists()
    # The files are byte for byte what Django serves.
    pairs = {
        f"status/substation/{out}.json": client.get(
            "/outages/live/status.json", {"substation": out}
        ),
        "summary.json": client.get("/outages/live/summary.json"),
        "feed.json": client.get("/outages/live/feed.json"),
        "feed.geojson": client.get("/outages/live/feed.geojson"),
        "branch/karelia/summary.json": client.get(
            "/outages/live/summary.json", {"branch": "karelia"}
        ),
    }
    for path, response in pairs.items():
        assert (current / path).read_bytes() == response.content, path
    assert json.loads((current / "version.json").read_bytes())["version"] == snapshot.version


def test_a_new_release_is_swapped_in_and_the_previous_one_kept(network, officer, outage, tmp_path):
    first = snapshot_publish(snapshot=snapshot_build(), directory=tmp_path)
    outages.incident_update(incident=outage, actor=officer, public_message="Бригада на месте")
    second = snapshot_publish(snapshot=snapshot_build(), directory=tmp_path)
    assert first != second
    assert (tmp_path / "current").resolve() == second.resolve()
    assert first.exists()  # a reader that opened the old tree a moment ago still finds its files
    outages.incident_update(incident=outage, actor=officer, public_message="Ремонт идёт")
    third = snapshot_publish(snapshot=snapshot_build(), directory=tmp_path)
    assert not first.exists() and second.exists() and third.exists()
    assert sorted(p.name for p in (tmp_path / "releases").iterdir()) == sorted(
        [second.name, third.name]
    )
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left
    message = json.loads((tmp_path / "current/feed.json").read_bytes())["outages"][0]
    assert message["public_message"] == "Ремонт идёт"


def test_the_current_link_is_replaced_never_removed(network, outage, tmp_path):
    snapshot_publish(snapshot=snapshot_build(), directory=tmp_path)
    before = os.lstat(tmp_path / "current")
    snapshot_publish(snapshot=snapshot_build(), directory=tmp_path)
    after = os.lstat(tmp_path / "current")
    # os.replace renames a fresh link over the old one: a new inode, never a missing path.
    assert before.st_ino != after.st_ino


def test_a_rebuild_publishes_when_a_directory_is_configured(network, outage, settings, tmp_path):
    settings.STORM_PUBLISH_DIR = str(tmp_path)
    snapshot = snapshot_rebuild()
    assert os.readlink(tmp_path / "current").endswith(snapshot.version)
    # Nothing changed: the next rebuild keeps the published release.
    release = os.readlink(tmp_path / "current")
    snapshot_rebuild()
    assert os.readlink(tmp_path / "current") == release


def test_the_publish_command(network, outage, settings, tmp_path, capsys):
    call_command("storm_publish", "--dir", str(tmp_path))
    assert (tmp_path / "current/status/none.json").exists()
    assert "published to" in capsys.readouterr().out
    settings.STORM_PUBLISH_DIR = ""
    with pytest.raises(CommandError):
        call_command("storm_publish")


def test_unchanged_answers_keep_their_file_and_changed_ones_get_a_later_time(
    network, officer, outage, planned, tmp_path
):
    first = snapshot_publish(snapshot=snapshot_build(), directory=tmp_path)
    outages.incident_update(incident=outage, actor=officer, public_message="Бригада на месте")
    second = snapshot_publish(snapshot=snapshot_build(), directory=tmp_path)
    out = f"status/substation/{network.substations[0].pk}.json"
    quiet = f"status/substation/{network.substations[-1].pk}.json"
    # The planned-work answer did not change: same inode, so nginx gives the same ETag.
    assert os.stat(first / quiet).st_ino == os.stat(second / quiet).st_ino
    # The outage answer changed: a strictly later modification time, so a new ETag.
    assert int(os.stat(second / out).st_mtime) > int(os.stat(first / out).st_mtime)


def test_every_substation_answer_is_also_in_its_bucket_file():
    from gridportal.outages.storm.snapshots import STATUS_BUCKETS, Snapshot

    snapshot = Snapshot.__new__(Snapshot)
    snapshot.none = b'{"state":"none"}'
    snapshot.answers = {5: b'{"state":"outage"}', 5 + STATUS_BUCKETS: b'{"state":"planned"}'}
    files = snapshot.bucket_files()
    assert len(files) == STATUS_BUCKETS
    bucket = json.loads(files["status/bucket/5.json"])
    assert bucket["answers"] == {
        "5": {"state": "outage"},
        str(5 + STATUS_BUCKETS): {"state": "planned"},
    }
    assert json.loads(files["status/bucket/6.json"]) == {"none": {"state": "none"}, "answers": {}}

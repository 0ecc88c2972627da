"""What a server checks in a release before serving it, and while serving it, in process.

A release is verified before it is served: every file SHA256SUMS lists is a regular file of the
folder itself with that SHA-256, and a release's files are all there. Once served, a file is
sent only while it is still the file verified (inode, size, modification time); the small
files pages are made from were read when it was verified. Under gunicorn the last release
verified is recorded, and a worker whose link points at a bad release serves that one.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pytest

from publisher.errors import ReleaseError
from publisher.release.files import MANIFEST, REPORT, SUMS, VOID, gzipped
from publisher.release.lastgood import Record, choose, verified_quads
from publisher.release.reader import (
    QUADS,
    WRITTEN,
    ReleaseChanged,
    open_release,
    verify_checksums,
)
from publisher.release.verified import Verified
from publisher.store.opening import build_ahead
from publisher.web import create_app
from tests.hostile.releases import GOOD, NEXT, change_in_place, folder, make_home, point
from tests.web.fixture_release import app_config

LOG = logging.getLogger("test-release-checks")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return make_home(tmp_path / "home")


def _refused(link: Path, match: str) -> None:
    with pytest.raises(ReleaseError, match=match):
        open_release(link, required=WRITTEN)


# ---- verified before it is served --------------------------------------------------------


def test_a_whole_release_opens_and_keeps_the_small_files(home):
    release = open_release(home / "release", required=WRITTEN)
    assert release.name == GOOD and release.folder == folder(home, GOOD)
    assert set(WRITTEN) | {SUMS} == set(release.files)
    assert set(release.kept) == {MANIFEST, VOID, REPORT}
    assert release.read(VOID) == (folder(home, GOOD) / VOID).read_bytes()
    assert release.changed() == {}


def test_a_truncated_file_is_refused(home):
    path = folder(home, NEXT) / QUADS
    path.write_bytes(path.read_bytes()[:100])
    point(home, NEXT)
    _refused(home / "release", r"dataset\.nq: the sha256 differs from SHA256SUMS")


def test_a_missing_file_is_refused(home):
    (folder(home, NEXT) / VOID).unlink()
    point(home, NEXT)
    _refused(home / "release", r"void\.ttl is missing \(SHA256SUMS lists it\)")


def test_a_file_missing_from_the_list_too_is_refused(home):
    """A release's files are all required, not only those SHA256SUMS happens to list."""
    target = folder(home, NEXT)
    (target / VOID).unlink()
    lines = (target / SUMS).read_text().splitlines(keepends=True)
    (target / SUMS).write_text("".join(line for line in lines if not line.endswith(f" {VOID}\n")))
    point(home, NEXT)
    _refused(home / "release", r"has no void\.ttl \(SHA256SUMS does not list it\)")


def test_a_file_linked_out_of_the_folder_is_refused_even_with_the_right_sum(home, tmp_path):
    target = folder(home, NEXT)
    outside = tmp_path / "elsewhere.ttl"
    outside.write_bytes((target / VOID).read_bytes())
    (target / VOID).unlink()
    (target / VOID).symlink_to(outside)
    point(home, NEXT)
    _refused(home / "release", r"void\.ttl is a symbolic link")


def test_a_fifo_under_a_file_name_is_refused_without_waiting(home):
    target = folder(home, NEXT)
    (target / REPORT).unlink()
    os.mkfifo(target / REPORT)
    point(home, NEXT)
    _refused(home / "release", r"validation\.ttl is not a regular file")


def test_a_dangling_link_is_refused(home):
    point(home, "gone")
    _refused(home / "release", "which does not exist")


@pytest.mark.parametrize(
    "sums, problem",
    [
        (b"", "lists no file"),
        (b"\xff\xfe\n", "is not UTF-8"),
        (b"0123  dataset.nq\n", "is not `<sha256>  <file name>`"),
        (b"a" * 64 + b"  ../release.json\n", "is not the name of a file of the folder"),
        (b"a" * 64 + b"  SHA256SUMS\n", "is not the name of a file of the folder"),
        (b"a" * 64 + b"  x\n" + b"b" * 64 + b"  x\n", "listed twice"),
    ],
)
def test_a_malformed_list_is_refused(home, sums, problem):
    (folder(home, NEXT) / SUMS).write_bytes(sums)
    point(home, NEXT)
    _refused(home / "release", problem)
    assert verify_checksums(folder(home, NEXT))


# ---- served only while it is what was verified ------------------------------------------


def test_a_file_changed_in_place_is_refused_when_opened(home):
    release = open_release(home / "release", required=WRITTEN)
    change_in_place(release.path(QUADS))
    assert release.changed() == {QUADS: "was modified"}
    with pytest.raises(ReleaseChanged, match=r"dataset\.nq was modified after it was verified"):
        release.open(QUADS)
    release.open(gzipped(QUADS)).close()  # the others are still served


def test_a_file_replaced_by_a_link_after_verification_is_refused(home, tmp_path):
    release = open_release(home / "release", required=WRITTEN)
    outside = tmp_path / "copy.nq"
    outside.write_bytes(release.path(QUADS).read_bytes())
    release.path(QUADS).unlink()
    release.path(QUADS).symlink_to(outside)
    with pytest.raises(ReleaseChanged, match="symbolic link"):
        release.open(QUADS)


def test_a_file_changed_while_it_is_sent_is_never_received_whole(home, monkeypatch):
    """The last block waits until the file is known unchanged (fingerprint, and SHA-256 when
    sent whole): a change during the transfer ends it short of its length."""
    monkeypatch.setattr("publisher.release.reader._SEND_BLOCK", 1024)
    release = open_release(home / "release", required=WRITTEN)
    whole = release.path(QUADS).read_bytes()
    assert b"".join(release.send(QUADS)) == whole
    assert b"".join(release.send(QUADS, 10, 100)) == whole[10:110]
    told: list[ReleaseChanged] = []
    body = release.send(QUADS, on_change=told.append)
    blocks = iter(body)
    received = next(blocks)
    change_in_place(release.path(QUADS))
    with pytest.raises(ReleaseChanged, match="was modified while it was being sent"):
        for block in blocks:
            received += block
    body.close()
    assert len(received) < len(whole) and told and told[0].name == QUADS


def _app(home: Path, **settings: object):
    return create_app(app_config(home, home / "release", QUERY_WORKERS=0, **settings))


def test_a_changed_download_is_a_503_and_is_logged(home, caplog):
    app = _app(home)
    client = app.test_client()
    with client.get(f"/download/{QUADS}") as before:
        assert before.status_code == 200
    change_in_place(folder(home, GOOD) / QUADS)
    with caplog.at_level(logging.ERROR), client.get(f"/download/{QUADS}") as after:
        assert after.status_code == 503
        assert "changed on disk" in after.get_data(as_text=True)
        assert "ETag" not in after.headers
    assert any(
        "dataset.nq was modified" in r.getMessage() and r.levelno == logging.ERROR
        for r in caplog.records
    )
    with client.get(f"/download/{VOID}") as other:
        assert other.status_code == 200  # only the changed file is refused


def test_pages_made_from_small_files_survive_their_deletion(home):
    app = _app(home)
    client = app.test_client()
    void = client.get("/.well-known/void", headers={"Accept": "text/turtle"}).get_data()
    for name in (VOID, REPORT, MANIFEST):
        (folder(home, GOOD) / name).unlink()
    assert client.get("/.well-known/void", headers={"Accept": "text/turtle"}).get_data() == void
    for accept in ("text/html", "application/ld+json"):
        assert client.get("/.well-known/void", headers={"Accept": accept}).status_code == 200
    home_page = client.get("/", headers={"Accept": "text/html"})
    assert home_page.status_code == 200
    listing = json.loads(client.get("/download/", headers={"Accept": "application/json"}).data)
    assert listing["release"].endswith(GOOD)
    assert client.get(f"/download/{VOID}").status_code == 503


def test_reload_refuses_the_served_release_once_it_changed_and_keeps_serving_it(home):
    from publisher.web import reload

    app = _app(home)
    change_in_place(folder(home, GOOD) / QUADS)
    with pytest.raises(ReleaseError, match=r"changed after it was verified \(dataset\.nq was"):
        reload(app)
    client = app.test_client()
    assert client.get(f"/download/{QUADS}").status_code == 503
    assert client.get("/sparql?query=ASK%7B%7D").status_code == 200


def test_a_file_deleted_from_the_served_release_then_a_reload(home):
    """The probe's case: void.ttl deleted, then SIGHUP. The reload is refused, the VoID page
    still answers from what was verified, the download is a 503, nothing is a 500."""
    from publisher.web import reload

    app = _app(home)
    (folder(home, GOOD) / VOID).unlink()
    with pytest.raises(ReleaseError, match=r"void\.ttl is missing"):
        reload(app)
    client = app.test_client()
    for accept in ("text/turtle", "text/html"):
        assert client.get("/.well-known/void", headers={"Accept": accept}).status_code == 200
    assert client.get(f"/download/{VOID}").status_code == 503


# ---- the last good release (gunicorn's workers) ------------------------------------------


def test_without_a_record_a_bad_link_is_an_error(home):
    point(home, "gone")
    with pytest.raises(ReleaseError, match="does not exist"):
        choose(home / "release", None, LOG, required=WRITTEN)


def test_a_bad_link_falls_back_to_the_recorded_release(home, tmp_path, caplog):
    record = Record(tmp_path / "record" / "last-good.json")
    assert record.read() is None
    first = choose(home / "release", record, LOG, required=WRITTEN)
    assert first.name == GOOD and record.path.exists()
    assert oct(record.path.stat().st_mode & 0o777) == "0o600"
    (folder(home, NEXT) / VOID).unlink()
    point(home, NEXT)
    with caplog.at_level(logging.ERROR):
        again = choose(home / "release", record, LOG, required=WRITTEN)
    assert again.name == GOOD and again.read(VOID) == first.read(VOID)
    assert again.files[QUADS].sha256 == first.files[QUADS].sha256
    message = "\n".join(r.getMessage() for r in caplog.records)
    assert "void.ttl is missing" in message and "serving the last good release good" in message


def test_a_good_link_replaces_the_record(home, tmp_path):
    record = Record(tmp_path / "last-good.json")
    choose(home / "release", record, LOG, required=WRITTEN)
    point(home, NEXT)
    assert choose(home / "release", record, LOG, required=WRITTEN).name == NEXT
    point(home, "gone")
    assert choose(home / "release", record, LOG, required=WRITTEN).name == NEXT


def test_an_unchanged_recorded_release_is_not_read_again(home, tmp_path, monkeypatch):
    record = Record(tmp_path / "last-good.json")
    choose(home / "release", record, LOG, required=WRITTEN)

    def never(*args, **kwargs):
        raise AssertionError("verified again")

    monkeypatch.setattr("publisher.release.lastgood.open_release", never)
    assert choose(home / "release", record, LOG, required=WRITTEN).name == GOOD


def test_a_recorded_release_changed_in_place_is_served_with_the_change_refused(home, tmp_path):
    """The link still points at the recorded release, whose N-Quads changed on disk: the
    store gets them from the gzip copy, checked against SHA256SUMS; the file is refused."""
    record = Record(tmp_path / "last-good.json")
    original = (folder(home, GOOD) / QUADS).read_bytes()
    choose(home / "release", record, LOG, required=WRITTEN)
    change_in_place(folder(home, GOOD) / QUADS)
    release = choose(home / "release", record, LOG, required=WRITTEN)
    assert release.name == GOOD and QUADS in release.changed()
    with verified_quads(release) as source:
        assert source != release.path(QUADS) and source.read_bytes() == original
    assert not source.exists()
    with pytest.raises(ReleaseChanged):
        release.open(QUADS)


def test_a_worker_started_over_a_changed_release_serves_it(home, tmp_path, monkeypatch):
    monkeypatch.setenv("PUBLISHER_LAST_GOOD", str(tmp_path / "last-good.json"))
    _app(home)  # the first worker records the release
    change_in_place(folder(home, GOOD) / QUADS)
    client = _app(home).test_client()  # a worker started by a HUP
    assert client.get(f"/download/{QUADS}").status_code == 503
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    answer = client.get("/sparql", query_string={"query": count}, headers={"Accept": "text/csv"})
    assert answer.status_code == 200 and int(answer.get_data(as_text=True).split()[1]) > 0


def test_a_recorded_release_whose_quads_cannot_be_restored_is_an_error(home, tmp_path):
    record = Record(tmp_path / "last-good.json")
    choose(home / "release", record, LOG, required=WRITTEN)
    change_in_place(folder(home, GOOD) / QUADS)
    change_in_place(folder(home, GOOD) / gzipped(QUADS))
    release = choose(home / "release", record, LOG, required=WRITTEN)
    with pytest.raises(ReleaseError, match="cannot restore it"), verified_quads(release):
        pass


def test_the_gunicorn_settings_give_the_workers_the_record(tmp_path, monkeypatch):
    """deploy/gunicorn.conf.py names the record as lastgood does, in a fresh private folder
    per server, removed when it stops."""
    import runpy

    from publisher.release.lastgood import RECORD_ENV
    from tests.liveserver import GUNICORN_CONF

    settings = runpy.run_path(str(GUNICORN_CONF))
    assert settings["RECORD_ENV"] == RECORD_ENV
    assert settings["worker_class"] == "publisher.web.worker.BalancedThreadWorker"
    assert settings["threads"] > 1
    assert settings["timeout"] > 30 and settings["graceful_timeout"] > 0
    monkeypatch.delenv(RECORD_ENV, raising=False)
    settings["on_starting"](None)
    path = Path(os.environ[RECORD_ENV])
    assert path.parent.is_dir() and oct(path.parent.stat().st_mode & 0o777) == "0o700"
    assert not path.exists()
    settings["on_exit"](None)
    assert not path.parent.exists() and RECORD_ENV not in os.environ


def test_the_gunicorn_workers_leave_what_they_made_at_start_out_of_full_collections():
    """deploy/gunicorn.conf.py freezes a worker's objects once it has made the app, so that
    the garbage collector's full collections during requests do not scan them again."""
    import gc
    import runpy

    from tests.liveserver import GUNICORN_CONF

    settings = runpy.run_path(str(GUNICORN_CONF))
    assert gc.get_freeze_count() == 0
    try:
        settings["post_worker_init"](None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


# ---- verified once per release (release/verified.py) --------------------------------------


def _hashes(monkeypatch) -> list[int]:
    """Counts the SHA-256 computations of the release reader from now on."""
    import hashlib
    from types import SimpleNamespace

    made: list[int] = []

    def sha256(*args):
        made.append(1)
        return hashlib.sha256(*args)

    monkeypatch.setattr("publisher.release.reader.hashlib", SimpleNamespace(sha256=sha256))
    return made


def test_a_release_verified_once_is_not_hashed_again(home, tmp_path, monkeypatch):
    notes = Verified(tmp_path / "verified")
    first = open_release(home / "release", required=WRITTEN, verified=notes)
    made = _hashes(monkeypatch)
    again = open_release(home / "release", required=WRITTEN, verified=notes)
    # only the small files pages are made from are read (and SHA256SUMS, for the ETags)
    assert len(made) <= len(again.kept) + 1
    assert again.files == first.files and again.kept == first.kept
    assert again.digest == first.digest


@pytest.mark.parametrize(
    "change",
    ["in place, modification time put back", "replaced by a copy", "touched"],
)
def test_a_file_changed_after_it_was_verified_is_verified_again(home, tmp_path, change):
    notes = Verified(tmp_path / "verified")
    open_release(home / "release", required=WRITTEN, verified=notes)
    path = folder(home, GOOD) / QUADS
    if change == "touched":  # same bytes: verified again, and served
        os.utime(path)
        assert open_release(home / "release", required=WRITTEN, verified=notes).name == GOOD
        return
    status = path.stat()
    if change == "replaced by a copy":
        copy = path.with_name("copy")
        copy.write_bytes(path.read_bytes())
        change_in_place(copy)
        os.replace(copy, path)
    else:
        change_in_place(path)
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    _refused_with(home / "release", notes, r"dataset\.nq: the sha256 differs from SHA256SUMS")


def test_a_note_for_another_folder_or_another_sum_is_not_trusted(home, tmp_path):
    notes = Verified(tmp_path / "verified")
    open_release(home / "release", required=WRITTEN, verified=notes)
    change_in_place(folder(home, NEXT) / QUADS)
    point(home, NEXT)
    _refused_with(home / "release", notes, r"dataset\.nq: the sha256 differs")
    point(home, GOOD)
    path = notes._path(folder(home, GOOD))
    data = json.loads(path.read_text())
    data["files"][QUADS][0] = "0" * 64  # the sum noted is not the one SHA256SUMS gives
    path.write_text(json.dumps(data))
    change_in_place(folder(home, GOOD) / VOID)
    _refused_with(home / "release", notes, r"void\.ttl: the sha256 differs")


def test_workers_starting_together_verify_once(home, tmp_path, monkeypatch):
    """The app factory notes what it verified in STATE_DIR; the next worker reads the note."""
    state = tmp_path / "state"
    _app(home, STATE_DIR=str(state))
    made = _hashes(monkeypatch)
    client = _app(home, STATE_DIR=str(state)).test_client()
    assert len(made) <= 4
    assert client.get(f"/download/{VOID}").status_code == 200
    assert list((state / "verified").glob("*.json"))


def _refused_with(link: Path, notes: Verified, match: str) -> None:
    with pytest.raises(ReleaseError, match=match):
        open_release(link, required=WRITTEN, verified=notes)


# ---- the store folder built while the release is verified (store/opening.py) ---------------


def test_the_store_folder_is_built_while_the_release_is_verified(home, tmp_path):
    state = tmp_path / "state"
    digest = open_release(home / "release").files[QUADS].sha256
    ahead = build_ahead({"EMBEDDED_STORE": "disk", "STATE_DIR": str(state)}, home / "release")
    assert ahead is not None
    ahead.join()
    built = state / "stores" / digest
    assert (built / "CURRENT").is_file()
    modified = built.stat().st_mtime_ns
    client = _app(home, STATE_DIR=str(state), EMBEDDED_STORE="disk").test_client()
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    answer = client.get("/sparql", query_string={"query": count}, headers={"Accept": "text/csv"})
    assert answer.status_code == 200 and int(answer.get_data(as_text=True).split()[1]) > 0
    assert sorted(p.name for p in (state / "stores").iterdir() if p.is_dir()) == [digest]
    assert built.stat().st_mtime_ns >= modified  # opened, not built again
    # built already, or not the store on disk: nothing to start
    assert (
        build_ahead({"EMBEDDED_STORE": "disk", "STATE_DIR": str(state)}, home / "release") is None
    )
    assert (
        build_ahead({"EMBEDDED_STORE": "memory", "STATE_DIR": str(state)}, home / "release") is None
    )


def test_a_release_refused_at_the_first_start_leaves_no_store_folder(home, tmp_path):
    """Its N-Quads do not match SHA256SUMS: the folder built ahead is never named by that sum,
    and the app refuses the release."""
    state = tmp_path / "state"
    change_in_place(folder(home, NEXT) / QUADS)
    point(home, NEXT)
    with pytest.raises(ReleaseError, match=r"dataset\.nq: the sha256 differs"):
        _app(home, STATE_DIR=str(state), EMBEDDED_STORE="disk")
    stores = state / "stores"
    assert not stores.exists() or not [p for p in stores.iterdir() if p.is_dir()]

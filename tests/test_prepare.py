"""A release made ready for its server in the background once `publisher build` has written
it (publisher/store/prepare.py): verified and noted, its store folder built, so that the
server's first start on it verifies nothing and builds nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from publisher.release.reader import QUADS, open_release
from publisher.store import prepare
from publisher.web import create_app
from tests.hostile.releases import GOOD, NEXT, change_in_place, folder, make_home, point
from tests.web.fixture_release import app_config


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return make_home(tmp_path / "home")


def _finished(process: subprocess.Popen[bytes]) -> int:
    return process.wait(timeout=120)


def test_the_release_is_verified_and_its_store_built_in_the_background(home, monkeypatch):
    state = home / ".cache" / "server"
    process = prepare.start(home / "release", state)
    assert _finished(process) == 0
    digest = open_release(home / "release").files[QUADS].sha256
    assert (state / "stores" / digest / "CURRENT").is_file()
    assert list((state / "verified").glob("*.json"))
    assert "verified, store folder" in (state / prepare.LOG).read_text()

    # the server's start then hashes nothing but the small files it keeps, and builds nothing
    import hashlib
    from types import SimpleNamespace

    made: list[int] = []

    def sha256(*args):
        made.append(1)
        return hashlib.sha256(*args)

    monkeypatch.setattr("publisher.release.reader.hashlib", SimpleNamespace(sha256=sha256))
    monkeypatch.setattr("publisher.store.ondisk._build", _never)
    app = create_app(app_config(home, home / "release", QUERY_WORKERS=0, EMBEDDED_STORE="disk"))
    assert len(made) <= 4
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    answer = app.test_client().get(
        "/sparql", query_string={"query": count}, headers={"Accept": "text/csv"}
    )
    assert answer.status_code == 200 and int(answer.get_data(as_text=True).split()[1]) > 0


def _never(*args):
    raise AssertionError("the store folder was built again")


def test_a_damaged_release_gets_no_store_and_the_log_says_why(home):
    state = home / ".cache" / "server"
    change_in_place(folder(home, NEXT) / QUADS)
    point(home, NEXT)
    assert _finished(prepare.start(home / "release", state)) == 1
    assert "the sha256 differs from SHA256SUMS" in (state / prepare.LOG).read_text()
    assert not (state / "stores").exists() or not any((state / "stores").iterdir())


def test_a_release_no_longer_current_is_skipped(home):
    state = home / ".cache" / "server"
    old = folder(home, GOOD)
    point(home, NEXT)
    said = prepare.prepare(home / "release", old, state)
    assert "skipped" in said and not (state / "stores").exists()


def test_publisher_build_starts_it_as_the_settings_say(tmp_path):
    """The CLI's switch: on by default for a server on the store on disk, off otherwise."""
    on = {"HOME": str(tmp_path), "STATE_DIR": ".cache/server", "EMBEDDED_STORE": "disk"}
    assert prepare.wanted(on | {"PREPARE_STORE": "on"})
    assert prepare.state_dir(on) == tmp_path / ".cache" / "server"
    for off in ({"PREPARE_STORE": "off"}, {"EMBEDDED_STORE": "memory"}, {"STORE": "http://x/"}):
        assert not prepare.wanted(on | {"PREPARE_STORE": "on"} | off)
    code = (
        "from publisher.settings import defaults; from publisher.store import prepare; "
        "print(prepare.wanted(defaults()))"
    )
    environment = {k: v for k, v in os.environ.items() if k != "PUBLISHER_PREPARE_STORE"}
    found = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert found.stdout.strip() == "True"  # the default


def test_publisher_build_prepares_the_release_it_wrote(home, monkeypatch):
    from publisher.commands.build import prepare_for_server

    monkeypatch.setenv("PUBLISHER_PREPARE_STORE", "on")
    monkeypatch.setenv("PUBLISHER_STATE_DIR", "state")
    started = prepare_for_server(home, home / "release")
    assert started is not None
    process, log = started
    assert _finished(process) == 0 and log == home / "state" / prepare.LOG
    digest = open_release(home / "release").files[QUADS].sha256
    assert (home / "state" / "stores" / digest / "CURRENT").is_file()
    monkeypatch.setenv("PUBLISHER_PREPARE_STORE", "off")
    assert prepare_for_server(home, home / "release") is None

"""Reloads that must not take the service down, under `publisher serve` (SIGHUP through
`publisher reload`) and under gunicorn with deploy/gunicorn.conf.py (HUP to the master).

For each kind of broken release (dataset.nq truncated, a file missing, void.ttl a link out of
the folder, the release link dangling, a file of the served release changed in place), a
reload is asked for while clients keep sending requests: no request fails, every answer comes
from the last good release (its id in release.json, the ETag of SHA256SUMS), the refusal is
logged with its reason, and a file changed in place is refused (503), never served under its
old ETag.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from publisher.release.files import MANIFEST, SUMS, VOID
from publisher.release.reader import QUADS
from tests.hostile.releases import GOOD, NEXT, change_in_place, folder, make_home, point
from tests.liveserver import ROOT, LiveServer

pytestmark = pytest.mark.live

MODES = {"serve": 0, "gunicorn": 2}  # gunicorn workers (0: publisher serve)
ENV = {"PUBLISHER_QUERY_WORKERS": "1"}
JSON = "application/sparql-results+json"
REQUESTS = [
    (f"/download/{MANIFEST}", {}),
    (f"/download/{SUMS}", {}),
    (f"/download/{QUADS}", {}),
    ("/.well-known/void", {"Accept": "text/turtle"}),
    ("/sparql?query=ASK%7B%7D", {"Accept": JSON}),
    ("/doc/id/actor/iran", {"Accept": "text/turtle"}),
    ("/download/", {"Accept": "application/json"}),
]
CLIENTS = 4
AFTER = 1.5  # seconds of load once the reload is done


@dataclass
class Damage:
    """What is broken, what the log must say about it, and the file refused, if any."""

    apply: Callable[[Path], None]
    logged: str
    refused: str | None = None


def _truncated_quads(home: Path) -> None:
    path = folder(home, NEXT) / QUADS
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    point(home, NEXT)


def _missing_file(home: Path) -> None:
    (folder(home, NEXT) / VOID).unlink()
    point(home, NEXT)


def _void_linked_outside(home: Path) -> None:
    target = folder(home, NEXT)
    outside = home / "elsewhere.ttl"
    outside.write_bytes((target / VOID).read_bytes())  # SHA256SUMS matches it
    (target / VOID).unlink()
    (target / VOID).symlink_to(outside)
    point(home, NEXT)


def _dangling_link(home: Path) -> None:
    point(home, "gone")


def _changed_in_place(home: Path) -> None:
    change_in_place(folder(home, GOOD) / QUADS)  # the link still points at it


DAMAGES = {
    "truncated-quads": Damage(_truncated_quads, "dataset.nq: the sha256 differs from SHA256SUMS"),
    "missing-file": Damage(_missing_file, "void.ttl is missing"),
    "void-linked-outside": Damage(_void_linked_outside, "void.ttl is a symbolic link"),
    "dangling-link": Damage(_dangling_link, "which does not exist"),
    "changed-in-place": Damage(_changed_in_place, "dataset.nq was modified", refused=QUADS),
}


@pytest.fixture(params=list(MODES))
def live(request, tmp_path: Path) -> Iterator[LiveServer]:
    home = make_home(tmp_path / "home")
    server = LiveServer(home, home / "release", env=ENV, gunicorn_workers=MODES[request.param])
    yield server.start()
    server.stop()


@dataclass
class Seen:
    path: str
    status: int  # 0: no answer (refused, reset, timed out)
    release: str | None = None  # the id in release.json
    etag: str | None = None
    body: bytes = b""
    started: float = 0.0  # time.monotonic() when it was sent


@contextmanager
def load(server: LiveServer) -> Iterator[list[Seen]]:
    """CLIENTS threads sending REQUESTS in turn until the block ends."""
    seen: list[Seen] = []
    stop = threading.Event()

    def client(offset: int) -> None:
        number = offset
        while not stop.is_set():
            path, headers = REQUESTS[number % len(REQUESTS)]
            number += 1
            started = time.monotonic()
            try:
                answer = server.request("GET", path, headers, timeout=30)
            except (OSError, http.client.HTTPException):  # no answer, or one cut short
                seen.append(Seen(path, 0, started=started))
                continue
            release = None
            if path.endswith(MANIFEST) and answer.status == 200:
                release = json.loads(answer.body)["id"]
            etag = answer.header("ETag")
            seen.append(Seen(path, answer.status, release, etag, answer.body, started))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    try:
        yield seen
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)


def _reload(server: LiveServer) -> None:
    if server.gunicorn_workers:
        os.kill(server.process.pid, signal.SIGHUP)  # what docs/operations.md says to do
        return
    result = subprocess.run(
        [sys.executable, "-m", "publisher", "reload", "--pid-file", str(server.pid_file)],
        check=False, capture_output=True, text=True, timeout=30,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def _log(server: LiveServer) -> str:
    return server.log.read_text(errors="replace")


def _wait(server: LiveServer, done: Callable[[str], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not done(_log(server)):
        assert time.monotonic() < deadline, _log(server)[-4000:]
        assert server.process.poll() is None, _log(server)[-4000:]
        time.sleep(0.05)


def _reloaded(server: LiveServer) -> Callable[[str], bool]:
    """True once the reload is over: refused by `publisher serve`, or under gunicorn, each new
    worker on the last good release and every old one gone."""
    if not server.gunicorn_workers:
        return lambda log: "reload refused" in log
    workers = server.gunicorn_workers

    def done(log: str) -> bool:
        booted = len(re.findall(r"Booting worker", log))
        exited = len(re.findall(r"Worker exiting", log))
        fallen_back = log.count("serving the last good release")
        return booted >= 2 * workers and exited >= workers and fallen_back >= workers

    return done


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_a_reload_to_a_broken_release_keeps_serving_the_last_good_one(live, damage):
    server = live
    before = server.request("GET", f"/download/{SUMS}")
    assert before.status == 200
    case = DAMAGES[damage]
    with load(server) as seen:
        time.sleep(0.5)
        case.apply(server.home)
        changed = time.monotonic()
        _reload(server)
        _wait(server, _reloaded(server))
        time.sleep(AFTER)
    log = _log(server)
    assert case.logged in log, log[-4000:]

    failed = [(s.path, s.status) for s in seen if s.status != 200 and s.path != _download(case)]
    assert not failed, (failed[:10], log[-4000:])
    assert len(seen) > 20 * CLIENTS
    assert {s.release for s in seen if s.release} == {GOOD}  # the last good release all along
    assert {s.etag for s in seen if s.path.endswith(SUMS)} == {before.header("ETag")}
    if case.refused is not None:
        # Before the change, sent whole; during it, cut short (never received whole with
        # other bytes); from then on refused, by old and new workers alike.
        answers = [s for s in seen if s.path == _download(case)]
        good = gzip.decompress((folder(server.home, GOOD) / f"{case.refused}.gz").read_bytes())
        for answer in answers:
            if answer.status == 200:
                assert answer.started < changed and answer.body == good
            if answer.status == 0:
                assert answer.started < changed
        after = [s for s in answers if s.started > changed + 0.05]
        assert after and {s.status for s in after} == {503}
        assert all(b"changed on disk" in s.body and s.etag is None for s in after)
        assert f"{case.refused} was modified" in log
    if server.gunicorn_workers:
        # The new workers run: the release is still served after the old ones are gone.
        after = server.request("GET", f"/download/{MANIFEST}")
        assert after.status == 200 and json.loads(after.body)["id"] == GOOD
    # The only tracebacks: the server's own report of a transfer it cut short.
    assert log.count("Traceback") == log.count("ReleaseChanged: "), log[-4000:]


def _download(case: Damage) -> str | None:
    return f"/download/{case.refused}" if case.refused else None


def test_a_good_release_after_a_refused_one_is_served(live):
    """Refused, then the link is put right and a new reload serves the new release."""
    server = live
    _dangling_link(server.home)
    _reload(server)
    _wait(server, _reloaded(server))
    point(server.home, NEXT)
    _reload(server)
    if server.gunicorn_workers:
        _wait(server, lambda log: len(re.findall(r"Booting worker", log)) >= 3 * MODES["gunicorn"])
    else:
        _wait(server, lambda log: f"now serving release {NEXT}" in log)
    deadline = time.monotonic() + 30
    while True:
        answer = server.request("GET", f"/download/{MANIFEST}")
        if answer.status == 200 and json.loads(answer.body)["id"] == NEXT:
            break
        assert time.monotonic() < deadline, _log(server)[-4000:]
        time.sleep(0.1)


@pytest.mark.parametrize("damage", ["dangling-link", "truncated-quads"])
def test_a_bad_release_at_the_first_start_is_a_clear_error(tmp_path, damage):
    """Under gunicorn too: nothing was verified before, so there is nothing to fall back to."""
    home = make_home(tmp_path / "home")
    DAMAGES[damage].apply(home)
    server = LiveServer(home, home / "release", env=ENV, gunicorn_workers=MODES["gunicorn"])
    with pytest.raises(AssertionError, match="the server exited"):
        server.start(timeout=60)
    server.stop()
    assert server.process.wait(timeout=30) != 0
    assert DAMAGES[damage].logged in _log(server)

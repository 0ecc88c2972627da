"""Releases in service: checked at start, swapped without dropping a request, and never broken
by a build that dies half-way (killed at random moments, twenty times)."""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pyoxigraph
import pytest
import rdflib

from publisher.errors import ReleaseError
from publisher.release.reader import verify_checksums
from publisher.release.writer import Staging, pin, prune_for_new, write_release
from tests.liveserver import ROOT, LiveServer
from tests.markers import starts
from tests.web.fixture_release import write_release as write_fixture_release

SPARQL_COUNT = "/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D"
JSON = {"Accept": "application/sparql-results+json"}
SERVER_ENV = {"PUBLISHER_QUERY_WORKERS": "2"}


def _home_with(tmp_path: Path, built_release: Path) -> Path:
    """A project folder whose release link points at a copy of the real release."""
    home = tmp_path / "home"
    folder = home / "release.d" / built_release.name
    shutil.copytree(built_release, folder)
    os.symlink(os.path.relpath(folder, home), home / "release")
    shutil.copytree(ROOT / "queries", home / "queries")
    return home


def _switch(link: Path, folder: Path) -> None:
    """Point `link` at `folder` atomically, as `publisher build` does."""
    temporary = link.with_name(".switch")
    os.symlink(os.path.relpath(folder, link.parent), temporary)
    os.replace(temporary, link)


def _serve(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "publisher", "serve", "--home", str(home), "--port", "1", *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


# ---- checked at start ----------------------------------------------------------------------


def _flip_a_byte(folder: Path) -> str:
    path = folder / "dataset.nq"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    return "dataset.nq"


def _truncate(folder: Path) -> str:
    path = folder / "dataset.trig"
    path.write_bytes(path.read_bytes()[:1000])
    return "dataset.trig"


def _remove(folder: Path) -> str:
    (folder / "void.ttl").unlink()
    return "void.ttl"


def _drop_sums(folder: Path) -> str:
    (folder / "SHA256SUMS").unlink()
    return "SHA256SUMS"


def _garble_sums(folder: Path) -> str:
    (folder / "SHA256SUMS").write_text("not a checksum line\n")
    return "SHA256SUMS"


DAMAGES = [_flip_a_byte, _truncate, _remove, _drop_sums, _garble_sums]


@pytest.mark.live  # `publisher serve` as a process (which must refuse to start)
@pytest.mark.parametrize("damage", DAMAGES, ids=[d.__name__.strip("_") for d in DAMAGES])
def test_serve_refuses_a_damaged_release(tmp_path, built_release, damage):
    home = _home_with(tmp_path, built_release)
    named = damage((home / "release").resolve())
    result = _serve(home)
    assert result.returncode != 0
    assert "publisher serve: error:" in result.stderr and named in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.live  # `publisher serve` as a process (which must refuse to start)
def test_serve_refuses_a_dangling_release_link(tmp_path, built_release):
    home = _home_with(tmp_path, built_release)
    shutil.rmtree((home / "release").resolve())
    result = _serve(home)
    assert result.returncode != 0 and "does not exist" in result.stderr
    assert not (home / "release").exists()  # and it did not build a new one over it


def test_a_release_file_that_is_a_link_is_never_served(tmp_path, built_release):
    """Even when SHA256SUMS matches what the link points to: a release's files are in its own
    folder, so a release with a link among them is refused."""
    from publisher.errors import ReleaseError
    from publisher.web import create_app

    home = _home_with(tmp_path, built_release)
    folder = (home / "release").resolve()
    outside = tmp_path / "outside.ttl"
    outside.write_bytes((folder / "validation.ttl").read_bytes())
    (folder / "validation.ttl").unlink()
    (folder / "validation.ttl").symlink_to(outside)
    with pytest.raises(ReleaseError, match=r"validation\.ttl is a symbolic link"):
        create_app(
            {"TESTING": True, "HOME": str(home), "RELEASE_DIR": str(home / "release"),
             "QUERY_WORKERS": 0}
        )  # fmt: skip


# ---- reloaded without dropping a request ---------------------------------------------------


@pytest.fixture
@starts("live")
def reloadable(tmp_path, built_release):
    """A server over the real release, and a second, different release ready beside it."""
    home = _home_with(tmp_path, built_release)
    other = home / "release.d" / "fixture"
    other.mkdir()
    write_fixture_release(other, "http://127.0.0.1:8080/")
    with LiveServer(home, home / "release", env=SERVER_ENV) as server:
        yield server, built_release, other


def _count(server: LiveServer) -> int:
    answer = server.request("GET", SPARQL_COUNT, JSON)
    assert answer.status == 200, answer.text
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])


def _reload(server: LiveServer) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "publisher", "reload", "--pid-file", str(server.pid_file)],
        check=False, capture_output=True, text=True, timeout=30,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def _wait_for_log(server: LiveServer, text: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while text not in server.log.read_text(errors="replace"):
        assert time.monotonic() < deadline, server.log.read_text(errors="replace")
        time.sleep(0.05)


def _description(server: LiveServer, folder: Path) -> tuple[rdflib.Graph, rdflib.Graph]:
    """Hamas's description as served, and Hamas's own triples in the release at `folder`."""
    answer = server.request("GET", "/doc/id/actor/hamas.nt", {})
    assert answer.status == 200, answer.text
    served = rdflib.Graph().parse(data=answer.body, format="nt")
    released = rdflib.Dataset()
    released.parse(folder / "dataset.nq", format="nquads")
    hamas = rdflib.URIRef("http://127.0.0.1:8080/id/actor/hamas")
    own = rdflib.Graph()
    for s, p, o, _ in released.quads((hamas, None, None, None)):
        own.add((s, p, o))
    return served, own


def test_reload_swaps_release_without_dropping_requests(reloadable):
    server, old, new = reloadable
    old_count = _count(server)
    # Descriptions are rendered once per release and kept (web/rendered.py): asked twice
    # before the swap, the one after it must come from the new release, not the kept one.
    for _ in range(2):
        before, own_before = _description(server, old)
        assert set(own_before) <= set(before)
    statuses: list[int] = []
    stop = threading.Event()

    def hammer():
        while not stop.is_set():
            for path, headers in (
                (SPARQL_COUNT, JSON),
                ("/download/", {"Accept": "application/json"}),
                ("/sparql", {"Accept": "text/turtle"}),
            ):
                statuses.append(server.request("GET", path, headers).status)

    clients = [threading.Thread(target=hammer) for _ in range(4)]
    for client in clients:
        client.start()
    # A slow download begins on the old release and goes on through the swap.
    download = server.request_stream("/download/dataset.nq")
    first = download.read(4096)
    _switch(server.release, new)
    _reload(server)
    _wait_for_log(server, "now serving release fixture")
    rest = download.read()
    download.close()
    time.sleep(0.5)
    stop.set()
    for client in clients:
        client.join()

    assert first + rest == (old / "dataset.nq").read_bytes()  # the old file, whole
    assert statuses and set(statuses) == {200}, sorted(set(statuses))
    new_count = _count(server)
    assert new_count == _triples(new) and new_count != old_count
    after, own_after = _description(server, new)
    assert set(own_after) <= set(after) and set(own_before) - set(own_after)
    assert not (set(own_before) - set(own_after)) & set(after)
    fresh = server.request("GET", "/download/dataset.nq")
    assert (
        hashlib.sha256(fresh.body).hexdigest()
        == hashlib.sha256((new / "dataset.nq").read_bytes()).hexdigest()
    )


def _triples(folder: Path) -> int:
    """What COUNT(*) over the union default graph gives for a release, asked of pyoxigraph."""
    store = pyoxigraph.Store()
    store.bulk_load(path=str(folder / "dataset.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    return int(next(iter(store.query(query, use_default_graph_as_union=True)))["n"].value)


def test_reload_refuses_a_damaged_release_and_keeps_serving(reloadable):
    server, old, new = reloadable
    before = _count(server)
    _flip_a_byte(new)
    _switch(server.release, new)
    _reload(server)
    _wait_for_log(server, "reload refused")
    assert "dataset.nq" in server.log.read_text()
    assert _count(server) == before
    listing = json.loads(server.request("GET", "/download/", {"Accept": "application/json"}).body)
    assert listing["release"].endswith(old.name)


# ---- pruning never removes what is served --------------------------------------------------


def test_builds_do_not_prune_a_release_being_served(tmp_path):
    out = tmp_path / "release"
    first = write_release(out, "first", {"release.json": b"{}", "dataset.nq": b""})
    holder = pin(first)
    try:
        for number in range(5):
            time.sleep(0.01)
            write_release(out, f"later-{number}", {"release.json": b"{}", "dataset.nq": b"\n"})
        assert first.is_dir() and not verify_checksums(first)
    finally:
        os.close(holder)
    write_release(out, "last", {"release.json": b"{}", "dataset.nq": b"\n\n"})
    assert not first.exists()  # no longer served: pruned like any old release


# ---- killed at random moments --------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from publisher.release.writer import write_release
    out = Path(sys.argv[1])
    files = {"release.json": b"{}", "dataset.nq": os.urandom(1 << 20) * 4}
    number = 0
    while True:
        number += 1
        write_release(out, f"{os.getpid()}-{number}", files)
        print(number, flush=True)
    """
)


def _assert_whole(link: Path) -> str:
    """The link points at a complete release; returns its folder name."""
    assert link.is_symlink() and link.resolve().is_dir(), link
    assert verify_checksums(link.resolve()) == []
    return link.resolve().name


@pytest.mark.long  # twenty writers killed at moments up to 1.2 s
def test_a_writer_killed_at_random_moments_never_leaves_a_broken_release(tmp_path):
    """Twenty kills (SIGKILL) at random moments of `write_release` with 4 MB files: after
    each, the link points at a whole release, and leftovers are cleaned by the next write."""
    out = tmp_path / "release"
    write_release(out, "good", {"release.json": b"{}", "dataset.nq": b"first\n"})
    chance = random.Random(6)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seen = set()
    for _ in range(20):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(out)], env=env, stdout=subprocess.PIPE
        )
        time.sleep(chance.uniform(0.05, 1.2))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        seen.add(_assert_whole(out))
    assert len(seen) > 1  # some kills came after a switch, some before
    write_release(out, "after", {"release.json": b"{}", "dataset.nq": b"last\n"})
    leftovers = [p.name for p in out.parent.iterdir() if p.name.startswith(".")]
    leftovers += [p.name for p in (tmp_path / "release.d").iterdir() if p.name.startswith(".")]
    assert leftovers == []


@pytest.mark.soak
@pytest.mark.live
def test_a_build_killed_at_random_moments_leaves_the_last_good_release_served(
    tmp_path, built_release
):
    """`publisher build` killed twenty times (half at moments over the whole build, half over
    its last fifth, where it writes): the link always points at a whole release, the server
    serves its release all along, and a last build is picked up by `publisher reload`."""
    home = _home_with(tmp_path, built_release)
    for part in ("data", "ontology", "shapes"):
        shutil.copytree(ROOT / part, home / part)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    build = [sys.executable, "-m", "publisher", "build", "--home", str(home)]
    started = time.monotonic()
    subprocess.run(build, env=env, check=True, capture_output=True, timeout=600)
    duration = time.monotonic() - started
    server = LiveServer(home, home / "release", env=SERVER_ENV).start()
    try:
        served = (home / "release").resolve()
        sums = (served / "SHA256SUMS").read_bytes()
        chance = random.Random(20)
        for number in range(20):
            with open(home / "data" / "documents.yaml", "a", encoding="utf-8") as inputs:
                inputs.write(f"# kill test {number}\n")  # a new input: a new release id
            moment = (
                chance.uniform(0, duration) if number % 2 else chance.uniform(0.8, 1.05) * duration
            )
            process = subprocess.Popen(
                build, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(moment)
            process.send_signal(signal.SIGKILL)
            process.wait()
            _assert_whole(home / "release")
            answer = server.request("GET", "/download/SHA256SUMS")
            assert answer.status == 200 and answer.body == sums
            assert _count(server) > 0
        subprocess.run(build, env=env, check=True, capture_output=True, timeout=600)
        latest = _assert_whole(home / "release")
        _reload(server)
        _wait_for_log(server, f"now serving release {latest}")
        assert server.request("GET", "/download/SHA256SUMS").body == (
            (home / "release" / "SHA256SUMS").read_bytes()
        )
    finally:
        server.stop()


def test_a_failed_write_keeps_the_release_served_even_when_it_is_not_the_newest(
    tmp_path, monkeypatch
):
    """A write that fails leaves the release the link points at served and every release in
    place, even when the one served is an older id built again (its folder reused, its time
    the oldest)."""
    out = tmp_path / "release"
    files = {"release.json": b"{}", "dataset.nq": b""}
    for name in ("a", "b", "c"):
        write_release(out, name, files)
        time.sleep(0.01)
    os.utime(tmp_path / "release.d" / "a", (1, 1))  # the oldest, then built again: reused
    assert write_release(out, "a", files).name == "a"

    def failing(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("publisher.release.writer._write_files", failing)
    with pytest.raises(OSError):
        write_release(out, "d", files)
    assert out.resolve().name == "a" and not verify_checksums(out.resolve())
    assert sorted(p.name for p in (tmp_path / "release.d").iterdir()) == ["a", "b", "c"]


def test_a_build_prunes_as_it_starts_to_the_newest_two_and_the_one_served(tmp_path, monkeypatch):
    """What a build removes before it writes (in a process of its own, beside its work): all
    but the newest KEEP - 1 releases and the one the link points at, even when that one is the
    oldest; the new release then makes KEEP."""
    out = tmp_path / "release"
    files = {"release.json": b"{}", "dataset.nq": b""}
    monkeypatch.setattr("publisher.release.writer.KEEP", 5)
    for name in ("a", "b", "c", "d"):
        write_release(out, name, files)
        time.sleep(0.01)
    os.utime(tmp_path / "release.d" / "a", (1, 1))
    write_release(out, "a", files)  # the oldest, served again
    monkeypatch.setattr("publisher.release.writer.KEEP", 3)
    prune_for_new(out)
    assert sorted(p.name for p in (tmp_path / "release.d").iterdir()) == ["a", "c", "d"]
    assert out.resolve().name == "a"


# ---- dumps written before the release's id is known ----------------------------------------


def _sha256(segments: list[bytes]) -> str:
    return hashlib.sha256(b"".join(segments)).hexdigest()


def _write(staging: Staging, name: str, segments: list[bytes]) -> None:
    """What the build does with a drafted dump: the file written a segment at a time."""
    with staging.writing(name) as write:
        for segment in segments:
            write(segment)


def test_files_written_before_the_id_are_finished_with_it(tmp_path):
    """What a build does (build/publish.py): the dumps written with a placeholder for the id
    while it is computed, then written again from where the id first is; the release is then
    the final bytes, its checksums theirs, and the link points at it."""
    out = tmp_path / "release"
    old = write_release(out, "old", {"release.json": b"{}", "dataset.nq": b"old\n"})
    drafted = [b"<a> <b> <c> <g> .\n", b"<r/0000> <b> <c> <r> .\n", b"<z> <b> <c> <g> .\n"]
    final = [drafted[0], b"<r/1234> <b> <c> <r> .\n", drafted[2]]
    staging = Staging(out)
    _write(staging, "dataset.nq", drafted)
    assert out.resolve() == old  # nothing is served from the staging folder meanwhile
    files = {"release.json": b"{}", "dataset.nq": final}
    same = {"dataset.nq": len(drafted[0]) + 3}  # where the id first is
    folder = staging.finish("new", files, {"dataset.nq": _sha256(final)}, same)
    assert folder.name == "new" and out.resolve() == folder
    assert (folder / "dataset.nq").read_bytes() == b"".join(final)
    assert verify_checksums(folder) == []
    assert not [p.name for p in (tmp_path / "release.d").iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("new", [[b"00", b"12345\n"], [b"00", b"1\n"]], ids=["longer", "shorter"])
def test_a_file_written_again_from_an_offset_is_its_new_content_whatever_its_length(tmp_path, new):
    """The tail written again may be longer or shorter (a .gz file whose last members are
    compressed again with the id): the file is the new content, nothing of the old left."""
    staging = Staging(tmp_path / "release")
    _write(staging, "dataset.nq.gz", [b"00", b"0000\n"])
    staging.write_from("dataset.nq.gz", new, 2)
    assert (staging.folder / "dataset.nq.gz").read_bytes() == b"".join(new)
    staging.abandon()


def test_a_staging_folder_that_goes_wrong_leaves_the_release_served(tmp_path):
    """A file written early whose digest is not given, or a build that gives up (`abandon`):
    the link stays, and no staging folder is left."""
    out = tmp_path / "release"
    old = write_release(out, "old", {"release.json": b"{}", "dataset.nq": b"old\n"})
    versions = tmp_path / "release.d"

    staging = Staging(out)
    _write(staging, "dataset.nq", [b"0000\n"])
    staging.abandon()
    assert sorted(p.name for p in versions.iterdir()) == ["old"]

    staging = Staging(out)
    _write(staging, "dataset.nq", [b"0000\n"])
    with pytest.raises(ReleaseError, match=r"dataset\.nq was written before .* without its"):
        staging.finish("new", {"release.json": b"{}", "dataset.nq": [b"1234\n"]})
    assert out.resolve() == old and verify_checksums(old) == []
    assert sorted(p.name for p in versions.iterdir()) == ["old"]


def test_a_staging_folder_of_an_id_released_before_gives_way_to_it(tmp_path):
    """The same content built again: its folder is reused as it is, the staging one removed."""
    out = tmp_path / "release"
    files = {"release.json": b"{}", "dataset.nq": b"same\n"}
    first = write_release(out, "same", files)
    write_release(out, "other", {"release.json": b"{}", "dataset.nq": b"other\n"})
    staging = Staging(out)
    _write(staging, "dataset.nq", [b"same\n"])
    again = staging.finish("same", files, {"dataset.nq": _sha256([b"same\n"])})
    assert again == first and out.resolve() == first and verify_checksums(first) == []
    assert sorted(p.name for p in (tmp_path / "release.d").iterdir()) == ["other", "same"]


def test_the_bytes_after_an_offset_are_pieces_of_the_segments():
    from publisher.files import after

    segments = [b"ab", b"", b"cde", b"f"]
    for offset in range(7):
        assert b"".join(after(segments, offset)) == b"abcdef"[offset:]
    assert next(after(segments, 0)) is segments[0]  # not copied

"""`publisher load`: every graph of a release into a real oxigraph server by the Graph Store
Protocol, replaced whole; then the store's counts against the release's VoID."""

from __future__ import annotations

import hashlib
import json
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from publisher.cli import main
from publisher.store.loading import graph_store_for
from publisher.store.remote import RemoteStore
from tests.markers import starts
from tests.remote.servers import OxigraphServer, free_port
from tests.web.fixture_release import BASE, make_home

DROPPED_GRAPH = BASE + "graph/document/hamas-iran-ties-en-opinion"
THINNED_GRAPH = BASE + "graph/reference"
FOREIGN_GRAPH = "urn:example:someone-elses-graph"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return make_home(tmp_path / "home")


@pytest.fixture
@starts("remote")
def oxigraph(tmp_path: Path):
    with OxigraphServer(tmp_path / "oxigraph") as server:
        yield server


def write_release(folder: Path, quads: list[ox.Quad], void: bytes | None = None) -> Path:
    """A release folder with these quads, release.json (counts per graph) and SHA256SUMS."""
    folder.mkdir(parents=True)
    counts: dict[str, int] = {}
    for quad in quads:
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    files = {
        "dataset.nq": ox.serialize(quads, format=ox.RdfFormat.N_QUADS),
        "release.json": json.dumps({"base": BASE, "graphs": counts}).encode(),
    }
    if void is not None:
        files["void.ttl"] = void
    sums = "".join(f"{hashlib.sha256(c).hexdigest()}  {n}\n" for n, c in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode()
    for name, content in files.items():
        (folder / name).write_bytes(content)
    return folder


def quads_of(release: Path) -> list[ox.Quad]:
    return list(ox.parse(path=str(release / "dataset.nq"), format=ox.RdfFormat.N_QUADS))


def held(server: OxigraphServer) -> dict[str, int]:
    from publisher.store.catalog import graph_sizes

    return graph_sizes(RemoteStore(server.query_url))


def test_load_puts_every_graph_and_checks_the_counts(home, oxigraph, capsys):
    release = home / "release"
    assert main(["load", "--to", oxigraph.query_url, "--release", str(release)]) == 0
    out = capsys.readouterr().out
    expected = json.loads((release / "release.json").read_text())["graphs"]
    assert held(oxigraph) == expected
    assert f"{len(expected)} graphs, {sum(expected.values())} triples" in out
    assert "matches the release's VoID" in out


def test_a_reload_leaves_no_stale_triples(home, oxigraph, tmp_path, capsys):
    first = home / "release"
    assert main(["load", "--to", oxigraph.query_url, "--release", str(first)]) == 0
    # Someone else's graph in the same store, outside the release's base: left alone.
    put = urllib.request.Request(
        oxigraph.query_url.replace("/query", "/store") + "?graph=" + FOREIGN_GRAPH,
        data=b"<urn:a> <urn:b> <urn:c> .\n",
        method="PUT",
        headers={"Content-Type": "application/n-triples"},
    )
    urllib.request.urlopen(put, timeout=10).close()

    # The next release drops a graph and a triple of another graph.
    quads = [q for q in quads_of(first) if q.graph_name.value != DROPPED_GRAPH]
    gone = next(q for q in quads if q.graph_name.value == THINNED_GRAPH)
    quads.remove(gone)
    second = write_release(tmp_path / "second", quads)
    capsys.readouterr()
    assert main(["load", "--to", oxigraph.query_url, "--release", str(second)]) == 0
    out = capsys.readouterr().out

    counts = held(oxigraph)
    assert DROPPED_GRAPH not in counts and f"deleted  <{DROPPED_GRAPH}>" in out
    assert counts[FOREIGN_GRAPH] == 1 and f"<{FOREIGN_GRAPH}> (1 triples)" in out
    ours = {g: n for g, n in counts.items() if g != FOREIGN_GRAPH}
    assert ours == json.loads((second / "release.json").read_text())["graphs"]
    ask = f"ASK {{ GRAPH <{THINNED_GRAPH}> {{ {gone.subject} {gone.predicate} {gone.object} }} }}"
    assert RemoteStore(oxigraph.query_url).query(ask).boolean is False


def test_a_count_that_differs_from_the_void_is_reported(home, oxigraph, tmp_path, capsys):
    first = (home / "release").resolve()
    void = (first / "void.ttl").read_bytes()
    line = f'<{THINNED_GRAPH}> a void:Dataset ; void:triples "17"'.encode()
    assert line in void
    wrong = write_release(
        tmp_path / "wrong", quads_of(first), void.replace(line, line.replace(b'"17"', b'"18"'))
    )
    assert main(["load", "--to", oxigraph.query_url, "--release", str(wrong)]) == 5
    err = capsys.readouterr().err
    assert f"<{THINNED_GRAPH}>: the release has 18 triples, the store 17" in err


def test_an_unreachable_store_is_a_clear_error(home, capsys):
    url = f"http://127.0.0.1:{free_port()}/query"
    assert main(["load", "--to", url, "--release", str(home / "release")]) == 1
    err = capsys.readouterr().err
    assert url.replace("/query", "/store") in err and "connection refused" in err
    assert "Traceback" not in err


def test_a_wrong_graph_store_is_a_clear_error(home, oxigraph, capsys):
    wrong = oxigraph.query_url.replace("/query", "/nothing")
    code = main(
        [
            "load",
            "--to",
            oxigraph.query_url,
            "--graph-store",
            wrong,
            "--release",
            str(home / "release"),
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert wrong in err and "404" in err and "PUT of graph" in err


def test_the_graph_store_is_found_next_to_the_query_endpoint(home, capsys):
    assert graph_store_for("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/store"
    assert graph_store_for("http://h:3030/ds/sparql") == "http://h:3030/ds/data"
    url = "http://127.0.0.1:9/repositories/kg"
    assert main(["load", "--to", url, "--release", str(home / "release")]) == 1
    assert "--graph-store" in capsys.readouterr().err
    assert main(["load", "--to", "ftp://127.0.0.1/query", "--release", str(home / "release")]) == 1
    assert "is not the http(s) URL of a SPARQL endpoint" in capsys.readouterr().err


def test_check_only_sends_nothing_and_finds_stale_graphs(home, oxigraph, tmp_path, capsys):
    release = home / "release"
    assert (
        main(["load", "--to", oxigraph.query_url, "--check-only", "--release", str(release)]) == 5
    )
    err = capsys.readouterr().err
    assert f"<{THINNED_GRAPH}>: the release has 17 triples, the store 0" in err
    assert held(oxigraph) == {}

    assert main(["load", "--to", oxigraph.query_url, "--release", str(release)]) == 0
    assert (
        main(["load", "--to", oxigraph.query_url, "--check-only", "--release", str(release)]) == 0
    )
    # A graph under the release's base that the release does not have is stale.
    quads = [q for q in quads_of(release) if q.graph_name.value != DROPPED_GRAPH]
    smaller = write_release(tmp_path / "smaller", quads)
    capsys.readouterr()
    assert (
        main(["load", "--to", oxigraph.query_url, "--check-only", "--release", str(smaller)]) == 5
    )
    assert f"<{DROPPED_GRAPH}>: not in the release, the store has" in capsys.readouterr().err

"""Blue-green releases under load: `publisher serve` with two replica sets (deploy/replicas.py
behind deploy/replicas.cfg), the next release loaded into the set not in service while the
first is served, then the release link switched and the server reloaded. No request fails,
and every answer is the whole of one release: the one served when the request began, or the
next once the reload is under way, and only the next after it."""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from publisher.release.writer import write_release
from tests.stores.conftest import needs_haproxy
from tests.stores.load import Load, sparql_path
from tests.stores.servers import Publisher, ReplicaSet, wait_until

pytestmark = [pytest.mark.stores, pytest.mark.live]

BASE = "http://127.0.0.1:8080/"
THINGS = {"blue": 40, "green": 60}  # the two releases differ in size and in every value
TABLE = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
MARKS = f"SELECT ?r (COUNT(?s) AS ?n) WHERE {{ ?s <{BASE}def/release> ?r }} GROUP BY ?r"
PATHS = [sparql_path(TABLE), sparql_path(MARKS), "/doc/id/thing/1", "/doc/id/thing/39"]


def release_files(name: str) -> dict[str, bytes]:
    """A small release called `name`: its things each marked with its name, in one graph, and
    the release described in another."""
    data, about = ox.NamedNode(BASE + "graph/data"), ox.NamedNode(BASE + "graph/release")
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    mark = ox.NamedNode(BASE + "def/release")
    iri = ox.NamedNode(f"{BASE}id/release/{name}")
    quads = [ox.Quad(iri, label, ox.Literal(f"release {name}"), about)]
    for n in range(THINGS[name]):
        thing = ox.NamedNode(f"{BASE}id/thing/{n}")
        quads += [
            ox.Quad(thing, mark, ox.Literal(name), data),
            ox.Quad(thing, label, ox.Literal(f"thing {n} of {name}"), data),
        ]
    fmt = ox.RdfFormat
    return {
        "dataset.nq": ox.serialize(quads, format=fmt.N_QUADS),
        "dataset.trig": ox.serialize(quads, format=fmt.TRIG),
        "dataset.ttl": ox.serialize([q.triple for q in quads], format=fmt.TURTLE),
        "dataset.jsonld": ox.serialize(quads, format=fmt.JSON_LD),
        "dataset-rdf12.trig": ox.serialize(quads, format=fmt.TRIG),  # nothing to reify
        "release.json": json.dumps(
            {"release": iri.value, "base": BASE, "graphs": {data.value: 2 * n + 2, about.value: 1}}
        ).encode(),
        "void.ttl": b"",
        "validation.ttl": b"",
    }


def release_of(path: str, body: bytes) -> str | None:
    """The release a whole answer comes from; None for a mixed, cut or unknown answer."""
    if path.startswith("/sparql"):
        rows = json.loads(body)["results"]["bindings"]
        table = Counter(tuple(v["value"] for v in row.values()) for row in rows)
        for name, things in THINGS.items():
            if path == PATHS[0] and table == Counter(
                [(BASE + "graph/data", str(2 * things)), (BASE + "graph/release", "1")]
            ):
                return name
            if path == PATHS[1] and table == Counter([(name, str(things))]):
                return name
        return None
    thing = BASE + path[len("/doc/") :]
    quads = [q for q in ox.parse(body, format=ox.RdfFormat.N_QUADS) if q.subject.value == thing]
    marks = {q.object.value for q in quads if q.predicate.value == BASE + "def/release"}
    labels = {
        q.object.value.rsplit(" ", 1)[-1] for q in quads if q.predicate.value.endswith("label")
    }
    names = marks | labels
    return names.pop() if len(names) == 1 and len(quads) == 2 else None


def test_a_release_switch_under_load_fails_no_request_and_mixes_no_releases(tmp_path: Path):
    needs_haproxy()
    home = tmp_path / "home"
    home.mkdir()
    blue = write_release(home / "release", "blue", release_files("blue"))
    stores = [ReplicaSet(tmp_path / "blue-store", blue)]
    try:
        stores[0].start()
        # The store for the next release is named from the start; it is down until loaded.
        green_store = ReplicaSet(tmp_path / "green-store", tmp_path / "not-yet")
        urls = f"{stores[0].query_url} {green_store.query_url}"
        log = tmp_path / "serve.log"
        with Publisher(home, urls, log) as server:
            with Load(server.url, PATHS, threads=4, seconds=60) as load:
                load.wait(40)
                # The next release, built beside the one served, loaded into the other store.
                green = home / "release.d" / "green"
                green_store.release = write_release(
                    tmp_path / "staged", "green", release_files("green")
                )
                green_store.start()
                stores.append(green_store)
                os.replace(green_store.release, green)
                link = home / "next"
                link.symlink_to(Path("release.d") / "green")
                os.replace(link, home / "release")
                load.wait(len(load.answers) + 40)
                asked = time.monotonic()
                server.reload()
                wait_until(
                    lambda: "now serving release green" in log.read_text(),
                    "the reload",
                    server.process,
                    log,
                )
                reloaded = time.monotonic()
                load.wait(len(load.answers) + 80)
            answers = load.answers
    finally:
        for store in stores:
            store.stop()

    failed = [(a.path, a.status, a.body[:200]) for a in answers if a.status != 200]
    assert not failed
    seen = [(a, release_of(a.path, a.body)) for a in answers]
    mixed = [(a.path, a.body[:300]) for a, name in seen if name is None]
    assert not mixed
    # Before the reload was asked for, the blue release alone; once it is done, green alone.
    assert {name for a, name in seen if a.ended < asked} == {"blue"}
    assert {name for a, name in seen if a.started > reloaded} == {"green"}
    assert len([a for a, _ in seen if a.started > reloaded]) >= 80

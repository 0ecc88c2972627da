"""Every IRI minted under the base dereferences on the server started with that base."""

from __future__ import annotations

import random
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef

from publisher.web import create_app
from tests.web.fixture_release import BASE, app_config


def minted(release_dir: Path) -> list[str]:
    iris: set[str] = set()
    for quad in pyoxigraph.parse(
        path=str(release_dir / "dataset.nq"), format=pyoxigraph.RdfFormat.N_QUADS
    ):
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, pyoxigraph.NamedNode) and term.value.startswith(BASE):
                iris.add(term.value)
    void = Graph().parse(release_dir / "void.ttl")
    iris |= {str(t) for t in void.all_nodes() if isinstance(t, URIRef) and str(t).startswith(BASE)}
    return sorted(iris)


@pytest.fixture(scope="module")
def embedded(home: Path, release_dir: Path):
    app = create_app(app_config(home, release_dir))
    with app.test_client() as client:
        yield client


@pytest.mark.slow  # a request for each of the release's 2000 and more IRIs
def test_every_minted_iri_answers(embedded, release_dir: Path) -> None:
    iris = minted(release_dir)
    assert len(iris) > 2000
    failures = []
    for iri in iris:
        response = embedded.head(iri[len(BASE) - 1 :], headers={"Accept": "text/turtle"})
        response.close()  # downloads are streamed from open files
        if response.status_code not in (200, 303):
            failures.append((iri, response.status_code))
        elif response.status_code == 303:
            assert response.headers["Location"].startswith("/doc/"), iri
    assert failures == []


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_a_sample_of_descriptions_parses_and_is_about_its_thing(
    embedded, release_dir: Path
) -> None:
    """The full round trip, 303 then a Turtle description that names the thing, on a fixed
    sample of every kind of IRI (all of them would take a minute)."""
    things = [iri for iri in minted(release_dir) if iri.startswith((BASE + "id/", BASE + "def/"))]
    sample = random.Random(7).sample(things, 120)
    for iri in sample:
        response = embedded.get(
            iri[len(BASE) - 1 :], headers={"Accept": "text/turtle"}, follow_redirects=True
        )
        assert response.status_code == 200, iri
        graph = Graph().parse(data=response.get_data(as_text=True), format="turtle")
        assert (URIRef(iri), None, None) in graph or (None, None, URIRef(iri)) in graph, iri

"""N3.js and jsonld.js read the dumps and the descriptions.

N3.js parses the Turtle, TriG and N-Quads dumps (from /download/) and every RDF format of the
descriptions; what it parsed is written back as N-Quads and compared with the release and with
the server's own description. jsonld.js expands the JSON-LD and converts it to RDF in safe mode
(an undefined term, a relative IRI, a bad language tag is an error, not a silent loss); the
triples must be the same as the Turtle's, compared as graphs.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph

from tests.external.clients import run_js, same_dataset, same_graph

pytestmark = pytest.mark.external

DUMPS = {
    "dataset.ttl": "text/turtle",
    "dataset.trig": "application/trig",
    "dataset.nq": "application/n-quads",
}
DESCRIPTION_TYPES = {
    "turtle": "text/turtle",
    "trig": "application/trig",
    "nquads": "application/n-quads",
    "ntriples": "application/n-triples",
}
QUAD_TYPES = {"application/trig", "application/n-quads"}
RESOURCES = [
    "id/actor/iran",  # paged: the first page, with hydra links
    "id/claim/ihr-state-dept-100m",  # amounts, times, attributions
    "id/document/iran-hamas-relations-ar-wikipedia",  # Arabic
    "id/text/hamas-new-phase-ar-interview",  # a whole Arabic text as one literal
    "def/relation/financial-support",
    "def/shapes/ClaimShape",  # blank nodes and lists
]


def release_nquads(server) -> bytes:
    return (server.release / "dataset.nq").read_bytes()


def distinct_triples(nquads: str | bytes) -> bytes:
    """The triples of an N-Quads document, whatever their graph (what Turtle carries), as
    N-Triples (N-Quads in the default graph)."""
    data = nquads.encode() if isinstance(nquads, str) else nquads
    triples = {q.triple for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)}
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


@pytest.mark.parametrize("name", sorted(DUMPS))
def test_n3js_parses_the_dumps(server, name):
    media_type = DUMPS[name]
    parsed = run_js("n3.mjs", server.iri(f"download/{name}"), media_type)
    assert parsed["contentType"] == media_type
    release = release_nquads(server)
    if media_type in QUAD_TYPES:
        assert same_dataset(parsed["nquads"], release) == []
    else:
        assert same_dataset(distinct_triples(parsed["nquads"]), distinct_triples(release)) == []


def test_jsonld_js_reads_the_jsonld_dump_in_safe_mode(server):
    """The dump keeps each named graph as a JSON-LD @graph: the same dataset as the N-Quads."""
    parsed = run_js("jsonld.mjs", server.iri("download/dataset.jsonld"))
    assert parsed["contentType"] == "application/ld+json"
    assert same_dataset(parsed["nquads"], release_nquads(server)) == []


def description(server, store, path: str) -> list[ox.Quad]:
    """The server's own description of B path (its first page), as quads."""
    from publisher.describe import describe

    return describe(store, server.iri(path), base=server.base).quads


@pytest.mark.parametrize("fmt", sorted(DESCRIPTION_TYPES))
@pytest.mark.parametrize("path", RESOURCES)
def test_n3js_parses_the_descriptions(server, store, path, fmt):
    """N3.js given the thing's IRI and one media type (the 303 followed, content negotiated)."""
    media_type = DESCRIPTION_TYPES[fmt]
    parsed = run_js("n3.mjs", server.iri(path), media_type)
    assert parsed["contentType"] == media_type
    assert parsed["url"] == server.iri("doc/" + path)
    expected = ox.serialize(description(server, store, path), format=ox.RdfFormat.N_QUADS)
    if media_type in QUAD_TYPES:
        assert same_dataset(parsed["nquads"], expected) == []
    else:
        parsed_graph = Graph().parse(data=distinct_triples(parsed["nquads"]), format="nt")
        expected_graph = Graph().parse(data=distinct_triples(expected), format="nt")
        assert same_graph(parsed_graph, expected_graph)


@pytest.mark.parametrize("path", RESOURCES)
def test_jsonld_js_converts_descriptions_to_the_turtle_triples(server, path):
    """jsonld.js (safe mode) on the JSON-LD, rdflib on the Turtle: the same graph."""
    parsed = run_js("jsonld.mjs", server.iri(path))
    assert parsed["contentType"] == "application/ld+json"
    assert parsed["expanded"] > 0
    turtle = Graph().parse(server.iri(path), format="turtle")
    converted = Graph().parse(data=parsed["nquads"], format="nt")
    assert len(turtle) > 5
    assert same_graph(converted, turtle), f"{len(converted)} vs {len(turtle)} triples"


def test_a_description_holds_the_dumps_own_literals(server):
    """Every quad the dump has about a claim and its parts (evidence, selectors, amount, time,
    attributions) is in the claim's description exactly: same graph, same literal datatypes."""
    claim = server.iri("id/claim/ihr-state-dept-100m")
    parsed = run_js("n3.mjs", claim, "application/n-quads")
    described = set(ox.parse(parsed["nquads"].encode(), format=ox.RdfFormat.N_QUADS))
    dump = [
        quad
        for quad in ox.parse(release_nquads(server), format=ox.RdfFormat.N_QUADS)
        if quad.subject.value == claim or quad.subject.value.startswith(claim + "/")
    ]
    assert len(dump) > 20
    assert [str(quad) for quad in dump if quad not in described] == []

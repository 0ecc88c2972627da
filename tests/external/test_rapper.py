"""rapper (Debian's raptor2-utils, the Redland parsers in C) reads the descriptions and the dump.

rapper is given the thing's own IRI: with `-i rdfxml` or `-i turtle` it asks for that type and
follows the 303; with `-g` it sends the Accept header of all its parsers and guesses the parser
from the answer. Its N-Triples output is compared, as a graph, with the server's description.
"""

from __future__ import annotations

import re
import subprocess

import pyoxigraph as ox
import pytest
from rdflib import Graph

from tests.external.clients import same_graph

pytestmark = pytest.mark.external

RESOURCES = [
    "id/actor/hamas",
    "id/claim/ihr-state-dept-100m",
    "id/document/iran-hamas-relations-ar-wikipedia",
    "def/shapes/ClaimShape",  # blank nodes and lists
]
PARSERS = {"rdfxml": ["-i", "rdfxml"], "turtle": ["-i", "turtle"], "guess": ["-g"]}


def read_with_rapper(rapper: str, options: list[str], url: str) -> tuple[Graph, str]:
    """rapper's N-Triples for `url` as an rdflib graph, and what rapper said on stderr."""
    done = subprocess.run(
        [rapper, *options, "-o", "ntriples", url], check=False, capture_output=True, timeout=120
    )
    stderr = done.stderr.decode("utf-8", errors="replace")
    assert done.returncode == 0, stderr
    assert "Error" not in stderr and "Warning" not in stderr, stderr
    return Graph().parse(data=done.stdout, format="nt"), stderr


def expected_description(server, store, path: str) -> Graph:
    from publisher.describe import describe

    quads = describe(store, server.iri(path), base=server.base).quads
    triples = ox.serialize({q.triple for q in quads}, format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=triples, format="nt")


@pytest.mark.parametrize("parser", sorted(PARSERS))
@pytest.mark.parametrize("path", RESOURCES)
def test_rapper_reads_the_description(server, store, rapper, path, parser):
    graph, stderr = read_with_rapper(rapper, PARSERS[parser], server.iri(path))
    if parser == "guess":
        # rapper guesses from the answer's media type; the server prefers Turtle among equals.
        assert re.search(r"Guessed parser name '(turtle|rdfxml)'", stderr), stderr
    expected = expected_description(server, store, path)
    assert same_graph(graph, expected), f"{len(graph)} vs {len(expected)} triples"


def test_rapper_reads_the_turtle_dump(server, rapper):
    """The whole Turtle dump through raptor's Turtle parser: every distinct triple of the release."""
    done = subprocess.run(
        [rapper, "-i", "turtle", "-c", server.iri("download/dataset.ttl")],
        check=False,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    counted = int(re.search(r"returned (\d+) triples", done.stderr).group(1))
    quads = ox.parse(path=str(server.release / "dataset.nq"), format=ox.RdfFormat.N_QUADS)
    assert counted == len({q.triple for q in quads})

"""Every client reads the same number of triples for the same resource.

One actor's description (one page, so that no client reads more pages than another), fetched by
each client its own way: rdflib by content negotiation alone, rapper in RDF/XML and in Turtle,
N3.js in Turtle, N-Triples, TriG and N-Quads, jsonld.js from JSON-LD, Comunica by dereferencing
the IRI. The number of distinct triples must be the same everywhere, and the server's own.
"""

from __future__ import annotations

import re
import subprocess

import pyoxigraph as ox
import pytest
import requests
from rdflib import Graph

from tests.external.clients import comunica, js_term, run_js

pytestmark = pytest.mark.external


@pytest.fixture(scope="module")
def actor(server, store) -> str:
    """The actor with the most claims whose description fits on one page."""
    rows = store.query(
        f"""SELECT ?actor (COUNT(?claim) AS ?claims) WHERE {{
          ?actor a <{server.iri("def/Actor")}> .
          OPTIONAL {{ ?claim <{server.iri("def/subject")}> ?actor }}
        }} GROUP BY ?actor ORDER BY DESC(?claims) ?actor"""
    ).rows
    for row in rows:
        iri = row["actor"].value
        head = requests.head(
            iri, headers={"Accept": "text/turtle"}, allow_redirects=True, timeout=30
        )
        head.raise_for_status()
        if 'rel="next"' not in head.headers.get("Link", ""):
            assert int(row["claims"].value) > 0
            return iri
    raise AssertionError("every actor's description is paged")


def test_every_client_reads_the_same_number_of_triples(server, store, rapper, actor):
    from publisher.describe import describe

    expected = len({q.triple for q in describe(store, actor, base=server.base).quads})
    counts: dict[str, int] = {}

    counts["rdflib (content negotiation)"] = len(Graph().parse(actor))
    for parser in ("rdfxml", "turtle"):
        done = subprocess.run(
            [rapper, "-i", parser, "-c", actor],
            check=False,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        counts[f"rapper -i {parser}"] = int(re.search(r"returned (\d+) triples", done.stderr)[1])
    for media_type in (
        "text/turtle",
        "application/n-triples",
        "application/trig",
        "application/n-quads",
    ):
        parsed = run_js("n3.mjs", actor, media_type)
        assert parsed["contentType"] == media_type
        triples = {
            q.triple for q in ox.parse(parsed["nquads"].encode(), format=ox.RdfFormat.N_QUADS)
        }
        counts[f"N3.js {media_type}"] = len(triples)
    counts["jsonld.js (safe)"] = run_js("jsonld.mjs", actor)["count"]
    answer = comunica("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", [actor], unionDefaultGraph=True)
    counts["Comunica"] = len({tuple(js_term(row[v]) for v in "spo") for row in answer["rows"]})

    assert expected > 100
    assert counts == dict.fromkeys(counts, expected), f"{actor}: server {expected}, {counts}"

"""HTTP details a client sees: caching, redirects that keep their parameters, JSON-LD compacted
against a context this server serves, the home page's title."""

from __future__ import annotations

import json
import re

import pyoxigraph
import pytest

from publisher.web.jsonld import compact, context_url
from tests.web.fixture_release import BASE
from tests.web.web_helpers import find, inline_context, path


@pytest.fixture(scope="module")
def actor(store) -> str:
    return find(store, "?c sup:subject ?x . ?x a sup:Actor")


@pytest.mark.parametrize(
    ("url", "accept"),
    [
        ("/", "text/html"),
        ("/funding", "text/html"),
        ("/network", "text/html"),
        ("/search?q=iran", "text/html"),
        ("/download/", "application/json"),
        ("/.well-known/void", "text/turtle"),
        ("/context.jsonld", "application/ld+json"),
        ("/sparql", "text/turtle"),
    ],
)
def test_pages_say_how_long_they_may_be_kept(client, url, accept):
    response = client.get(url, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.cache_control.public and response.cache_control.max_age == 300
    assert response.headers["ETag"]


def test_descriptions_say_how_long_they_may_be_kept(client, actor):
    for suffix in ("", ".ttl", ".jsonld", ".html"):
        response = client.get("/doc" + path(actor) + suffix)
        assert response.status_code == 200
        assert response.cache_control.max_age == 300, suffix
    again = client.get(
        "/doc" + path(actor) + ".ttl", headers={"If-None-Match": response.headers["ETag"]}
    )
    assert again.cache_control.max_age == 300


def test_the_303_keeps_the_query_parameters(client, actor):
    response = client.get(path(actor) + "?page=2", headers={"Accept": "text/turtle"})
    assert response.status_code == 303
    assert response.headers["Location"] == "/doc" + path(actor) + "?page=2"
    plain = client.get(path(actor))
    assert plain.headers["Location"] == "/doc" + path(actor)
    assert plain.cache_control.max_age == 300


def test_jsonld_is_compacted_with_a_context_this_server_serves(client, actor):
    response = client.get("/doc" + path(actor) + ".jsonld")
    document = json.loads(response.get_data())
    assert document["@context"] == context_url(BASE) == BASE + "context.jsonld"
    # The context resolves here, and holds the prefixes the document uses.
    served = client.get("/context.jsonld")
    assert served.status_code == 200 and served.mimetype == "application/ld+json"
    definitions = json.loads(served.get_data())["@context"]
    assert definitions["sup"] == BASE + "def/" and definitions["rdfs"].endswith("rdf-schema#")
    nodes = document["@graph"]
    subject = next(n for n in nodes if n["@id"] == "actor:" + actor.rsplit("/", 1)[-1])
    assert "sup:Actor" in subject["@type"]
    assert "rdfs:label" in subject
    text = response.get_data(as_text=True)
    assert "http://www.w3.org/2000/01/rdf-schema#label" not in text
    # The same statements as the N-Triples (a JSON-LD description has no named graphs).
    compacted = inline_context(response.get_data(), definitions)
    triples = client.get("/doc" + path(actor) + ".nt").get_data()
    assert _quads(compacted, "json-ld") == _quads(triples, "nt")


def test_compaction_keeps_every_term():
    """Datatypes, languages, blank nodes, named graphs, rdf:type with a blank node, an IRI
    that ends a namespace, IRIs outside every namespace."""
    o = pyoxigraph
    sup = BASE + "def/"
    g = o.NamedNode(BASE + "graph/x")
    quads = [
        o.Quad(o.NamedNode(BASE + "id/actor/a"), o.NamedNode(sup + "p"), o.Literal("1", datatype=o.NamedNode("http://www.w3.org/2001/XMLSchema#integer")), g),
        o.Quad(o.NamedNode(BASE + "id/actor/a"), o.NamedNode(sup + "p"), o.Literal("حماس", language="ar"), g),
        o.Quad(o.NamedNode(BASE + "id/actor/a"), o.NamedNode(sup + "p"), o.Literal("plain"), g),
        o.Quad(o.NamedNode(BASE + "id/actor/a"), o.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), o.BlankNode("t"), g),
        o.Quad(o.BlankNode("t"), o.NamedNode(sup + "q"), o.NamedNode(sup), o.DefaultGraph()),
        o.Quad(o.BlankNode("t"), o.NamedNode("http://example.org/other#p"), o.NamedNode("http://example.org/x"), o.DefaultGraph()),
        o.Quad(o.NamedNode(BASE + "id/actor/a"), o.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), o.NamedNode(sup + "Actor"), o.DefaultGraph()),
    ]  # fmt: skip
    expanded = o.serialize(quads, format=o.RdfFormat.JSON_LD)
    compacted = inline_context(compact(expanded, BASE))
    assert _quads(compacted, "json-ld") == _quads(expanded, "json-ld")
    assert len(_quads(compacted, "json-ld")) == len(quads)


def test_the_home_page_title_is_a_title(client):
    html = client.get("/").get_data(as_text=True)
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert title.startswith("Home") and len(title) < 100


def _quads(data: bytes, fmt: str) -> set[tuple[str, ...]]:
    """The quads of a document, blank nodes named by what they say (the tests' graphs have at
    most one per subject role)."""
    import rdflib

    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=fmt, publicID=BASE)
    found = set()
    for s, p, o, graph in dataset.quads((None, None, None, None)):
        name = getattr(graph, "identifier", graph)
        if isinstance(name, rdflib.BNode) or name == rdflib.graph.DATASET_DEFAULT_GRAPH_ID:
            name = None
        found.add(
            tuple(
                "_" if isinstance(t, rdflib.BNode) else t.n3() if t is not None else ""
                for t in (s, p, o, name)
            )
        )
    return found

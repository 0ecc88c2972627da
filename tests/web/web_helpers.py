"""Helpers for the web tests: parse RDF answers back into rdflib, find things in any release."""

from __future__ import annotations

import warnings

import pyoxigraph
import rdflib

from tests.web.fixture_release import BASE

SUP = rdflib.Namespace(BASE + "def/")
OA = rdflib.Namespace("http://www.w3.org/ns/oa#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
HYDRA = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
FOAF = rdflib.Namespace("http://xmlns.com/foaf/0.1/")
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

RDFLIB_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/trig": "trig",
    "application/n-quads": "nquads",
}
PREFIXES = f"""PREFIX sup: <{SUP}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX nif: <{NIF}>
PREFIX sh: <http://www.w3.org/ns/shacl#>
"""


def parse(response) -> rdflib.Dataset:
    """An RDF answer as an rdflib Dataset (triples formats land in its default graph)."""
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    dataset = rdflib.Dataset()
    with warnings.catch_warnings():
        # rdflib 7.6's own N-Quads and TriG parsers use its deprecated Dataset.default_context.
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(
            data=response.get_data(), format=RDFLIB_FORMATS[response.mimetype], publicID=BASE
        )
    return dataset


def triples(response) -> rdflib.Graph:
    """All triples of an RDF answer, whatever graph they are in."""
    graph = rdflib.Graph()
    for s, p, o, _ in parse(response).quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def find(store, where: str, var: str = "x") -> str:
    """The first value of ?var for a WHERE pattern, looked up in whatever release is served."""
    rows = store.query(f"{PREFIXES}SELECT ?{var} WHERE {{ {where} }} ORDER BY ?{var} LIMIT 1").rows
    assert rows, f"the release has nothing matching {where}"
    return rows[0][var].value


def actor_with_arabic_label(store) -> str:
    return find(store, "?x a/rdfs:subClassOf* sup:Actor ; rdfs:label ?l FILTER(LANG(?l) = 'ar')")


def actor_with_claims(store, at_least: int = 1) -> str:
    """An actor that is the subject of claims that have evidence words and a document."""
    rows = store.query(
        PREFIXES
        + f"""SELECT ?x (COUNT(DISTINCT ?c) AS ?n) WHERE {{
        ?c a sup:Claim ; sup:subject ?x ; sup:statedIn ?d ;
           prov:wasDerivedFrom/oa:hasSelector/oa:exact ?e .
    }} GROUP BY ?x HAVING (COUNT(DISTINCT ?c) >= {at_least}) ORDER BY DESC(?n) ?x LIMIT 1"""
    ).rows
    assert rows, "the release has no actor with claims"
    return rows[0]["x"].value


def document_graph(store) -> str:
    return find(
        store, f"GRAPH ?x {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?x), '{BASE}graph/document/'))"
    )


def arabic_text(store) -> str:
    return find(store, "?x nif:isString ?s FILTER(REGEX(?s, '[\\u0600-\\u06FF]'))")


def path(iri: str) -> str:
    """The request path of an IRI under BASE."""
    assert iri.startswith(BASE), iri
    return "/" + iri[len(BASE) :]


def results(response):
    """A SPARQL results answer parsed by pyoxigraph, by its media type."""
    fmt = pyoxigraph.QueryResultsFormat.from_media_type(response.mimetype)
    return pyoxigraph.parse_query_results(response.get_data(), format=fmt)

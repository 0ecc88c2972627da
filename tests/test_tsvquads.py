"""SPARQL TSV rows of ?s ?p ?o ?g read as N-Quads (publisher/store/tsvquads.py) are the quads
the rows are when read as solutions, whatever their terms; anything N-Quads cannot say is left
to the rows (None). The TSV is written by pyoxigraph's own writer, the one the Oxigraph server
uses."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from publisher.store.tsvquads import nquads_of

EX = "http://example.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
SELECT = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"

OBJECTS = [
    ox.Literal("42", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("-7", datatype=ox.NamedNode(XSD + "integer")),
    ox.Literal("1.50", datatype=ox.NamedNode(XSD + "decimal")),
    ox.Literal("1.5E3", datatype=ox.NamedNode(XSD + "double")),
    ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean")),
    ox.Literal("12", datatype=ox.NamedNode(XSD + "nonNegativeInteger")),
    ox.Literal("2023-10-07", datatype=ox.NamedNode(XSD + "date")),
    ox.Literal("plain"),
    ox.Literal('a "quoted"\ttab,\nnew line and \\ backslash'),
    ox.Literal("حماس", language="ar"),
    ox.Literal("Hamas", language="en"),
    ox.Literal("1e3 is not a number here"),
    ox.Literal("true"),
    ox.NamedNode(EX + "id/actor/ḥamās"),
    ox.BlankNode("b1"),
]


def tsv_of(store: ox.Store, query: str = SELECT) -> bytes:
    answer = store.query(query)
    assert isinstance(answer, ox.QuerySolutions)
    written = answer.serialize(format=ox.QueryResultsFormat.TSV)
    assert written is not None
    return written


def rows_as_quads(tsv: bytes) -> list[ox.Quad]:
    rows = ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV)
    return [ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in rows]


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    graph = ox.NamedNode(EX + "graph/document/one")
    for number, value in enumerate(OBJECTS):
        subject = ox.NamedNode(f"{EX}id/claim/{number}")
        store.add(ox.Quad(subject, ox.NamedNode(EX + "def/value"), value, graph))
    store.add(ox.Quad(ox.BlankNode("b1"), ox.NamedNode(EX + "def/part"), ox.Literal("x"), graph))
    return store


def test_every_kind_of_term_reads_as_the_rows_do(store):
    tsv = tsv_of(store)
    assert b"\t42\t" in tsv and b"\ttrue\t" in tsv  # the writer does abbreviate these
    found = nquads_of(tsv)
    assert found is not None
    assert sorted(map(str, found)) == sorted(map(str, rows_as_quads(tsv)))
    assert len(found) == len(OBJECTS) + 1


def test_an_empty_answer_is_no_quads(store):
    tsv = tsv_of(store, "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(false) }")
    assert nquads_of(tsv) == []


@pytest.mark.parametrize(
    "query",
    [
        # other columns, or the same in another order
        "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
        "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
        # an unbound graph: no N-Quads line
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?h { ?s ?p ?o } OPTIONAL { ?s <urn:none> ?g } }",
        # an unbound subject, predicate or object, on every row or on one row only (its
        # terms read one place to the left: a row without a graph, or not a row at all)
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?x ?p ?o } OPTIONAL { ?x <urn:none> ?s } }",
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?x ?o } OPTIONAL { ?s <urn:none> ?p } }",
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?x } OPTIONAL { ?s <urn:none> ?o } }",
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?x } BIND(IF(isBLANK(?s), ?u, ?x) AS ?o) }",
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?x ?p ?o } BIND(IF(isBLANK(?x), ?u, ?x) AS ?s) }",
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?h { ?s ?p ?o } BIND(IF(isBLANK(?s), ?u, ?h) AS ?g) }",
        # a literal as subject, which N-Quads cannot say
        "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?x ?p ?o } BIND(STR(?x) AS ?s) }",
    ],
)
def test_what_n_quads_cannot_say_is_left_to_the_rows(store, query):
    assert nquads_of(tsv_of(store, query)) is None

"""Terms between rdflib and Oxigraph: blank nodes of the ontology and shapes labelled from the
graph's structure (RDFC-1.0), so the same triples give the same release however the Turtle was
written; the triples of a document graph kept without an rdflib store, in the same quads."""

from __future__ import annotations

from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from publisher.corpus.inputs import read_turtle_folder
from publisher.rdf.terms import Triples, canonical_graph, sorted_quads
from publisher.settings import DEFAULT_BASE

ROOT = Path(__file__).resolve().parent.parent

WRITTEN_ONE_WAY = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
ex:Shape a sh:NodeShape ;
    sh:property [ sh:path ex:name ; sh:minCount 1 ] ,
                [ sh:path ex:age ; sh:in ( 1 2 3 ) ] .
"""

# The same triples: other blank node labels, another order, the list spelled out.
WRITTEN_ANOTHER_WAY = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <http://example.org/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
_:x sh:in _:l1 ; sh:path ex:age .
_:l1 rdf:first 1 ; rdf:rest _:l2 .
_:l2 rdf:first 2 ; rdf:rest _:l3 .
_:l3 rdf:first 3 ; rdf:rest rdf:nil .
ex:Shape sh:property _:x , _:y ; a sh:NodeShape .
_:y sh:minCount 1 ; sh:path ex:name .
"""


def test_the_same_triples_written_two_ways_get_the_same_labels() -> None:
    one = canonical_graph(Graph().parse(data=WRITTEN_ONE_WAY, format="turtle"))
    other = canonical_graph(Graph().parse(data=WRITTEN_ANOTHER_WAY, format="turtle"))
    assert len(one) == 13
    assert set(one) == set(other)
    assert any(isinstance(term, BNode) for triple in one for term in triple)


def test_the_labelled_graph_is_the_graph_it_was_made_from() -> None:
    graph = Graph().parse(data=WRITTEN_ONE_WAY, format="turtle")
    labelled = canonical_graph(graph)
    assert len(labelled) == len(graph)
    assert isomorphic(labelled, graph)
    assert dict(labelled.namespaces())["sh"] == dict(graph.namespaces())["sh"]


def test_the_shapes_folder_read_twice_is_the_same_graph() -> None:
    first = read_turtle_folder(ROOT / "shapes", DEFAULT_BASE)
    second = read_turtle_folder(ROOT / "shapes", DEFAULT_BASE)
    blank = {t for t in first if any(isinstance(term, BNode) for term in t)}
    assert len(blank) > 1000  # sh:property nodes and lists: the case this is for
    assert set(first) == set(second)


def test_triples_keep_one_of_each_and_give_the_quads_an_rdflib_graph_gives() -> None:
    ex = "http://example.org/"
    added = [
        (URIRef(ex + "b"), URIRef(ex + "p"), Literal("x", lang="ar")),
        (URIRef(ex + "a"), URIRef(ex + "p"), Literal(3, datatype=XSD.integer)),
        (URIRef(ex + "a"), URIRef(ex + "q"), BNode("n1")),
        (URIRef(ex + "b"), URIRef(ex + "p"), Literal("x", lang="ar")),  # again
        (BNode("n1"), URIRef(ex + "p"), Literal("plain")),
    ]
    triples, graph = Triples(), Graph()
    for triple in added:
        triples.add(triple)
        graph.add(triple)
    assert len(triples) == len(graph) == 4
    assert list(triples) == [added[0], added[1], added[2], added[4]]  # the order first added
    assert sorted_quads(triples, ex + "g") == sorted_quads(graph, ex + "g")


def test_turtle_is_the_graph_in_one_order_with_the_prefixes_it_uses():
    """The release's VoID and report are written so: the same triples give the same bytes
    whatever order they were added in, only the prefixes used are declared, and a blank node
    (whose label would change from run to run) is refused."""
    import pytest
    from rdflib import BNode, Graph, Literal, Namespace, URIRef
    from rdflib.compare import isomorphic

    from publisher.rdf.terms import turtle

    ex, unused = Namespace("http://example.org/"), Namespace("http://example.org/unused#")
    triples = [
        (ex.b, ex.p, Literal("ب", lang="ar")),
        (ex.a, ex.p, Literal(3)),
        (ex.a, ex.q, URIRef("http://other.example/x")),
    ]
    graphs = []
    for order in (triples, triples[::-1]):
        graph = Graph()
        graph.bind("ex", ex)
        graph.bind("unused", unused)
        for triple in order:
            graph.add(triple)
        graphs.append(graph)
    first, second = (turtle(graph) for graph in graphs)
    assert first == second
    assert b"@prefix ex: <http://example.org/> ." in first
    assert b"unused" not in first
    assert isomorphic(Graph().parse(data=first, format="turtle"), graphs[0])
    graphs[0].add((ex.c, ex.p, BNode()))
    with pytest.raises(ValueError, match="blank node"):
        turtle(graphs[0])

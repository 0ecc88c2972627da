"""Validating one unit of the graph with a SHACL engine (shacl.py).

A unit is some named graphs of the release (its own nodes: a few documents, or the reference
data with the ontology, or the release metadata) plus the context its nodes point into (the
reference data, the ontology, the types of the claims and documents other units hold). The
engine runs on the union, but only results about the unit's own nodes are kept:

* the data graph's store (unitstore.py) answers "which subjects have rdf:type C?" (the lookup
  behind sh:targetClass, through rdfs:subClassOf too) with the unit's own typed nodes only,
  while every other lookup, "what are the types of X?" included, sees the whole union (pySHACL
  reads the store, so context nodes are not even validated; pyshacl-turbo reads every triple
  into its own store and validates them too, which is cheap in it);
* results whose focus node is not the unit's own are dropped (SPARQL-based targets select
  their nodes by query, so they may pick context nodes, which another unit reports).

A node is the unit's own when the unit's graphs hold its rdf:type (claims are also subjects
of sup:conflictsWith in the reference graph, but their types are in their document's graph);
a node typed nowhere belongs to the units where it is a subject.
The shapes' SPARQL constraints bind their type patterns from $this, so hiding context nodes
from the targets changes nothing else; tests/test_incremental_build.py compares the union of
the units' results with one run over the whole graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from publisher.validate.engines import DEFAULT_ENGINE
from publisher.validate.shacl import run_shacl
from publisher.validate.unitstore import UnitStore

Triple = tuple[Node, Node, Node]


def own_nodes(triples: Iterable[Triple]) -> set[Node]:
    """The typed subjects of some triples."""
    return {s for s, p, _ in triples if p == RDF.type}


def store_of(
    triples: Iterable[Triple], own: set[Node] | None = None, base: UnitStore | None = None
) -> UnitStore:
    store = UnitStore(own, base)
    for triple in triples:
        store.add(triple)
    return store


def validate_unit(
    own: list[Triple],
    context: Iterable[Triple],
    shapes: Graph,
    base: UnitStore | None = None,
    *,
    engine: str = DEFAULT_ENGINE,
) -> list[tuple[Node, list[Triple]]]:
    """The engine on own + context (+ the triples of `base`), results about own nodes only:
    (focus node, result triples) for each of them."""
    mine = own_nodes(own)
    data = Graph(store=store_of([*own, *context], mine, base))
    # In place: a copy would lose the target filter (and the shapes have no sh:rules).
    _, report = run_shacl(data, shapes, inplace=True, engine=engine)
    subjects = {s for s, _, _ in own}
    nested = set(report.objects(None, SH.detail))
    kept = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if result in nested:
            continue  # travels with the result it explains
        focus = report.value(result, SH.focusNode)
        # A node typed nowhere is the unit's own where it is a subject.
        if focus in mine or (focus in subjects and (focus, RDF.type, None) not in data):
            kept.append((focus, _with_details(report, result)))
    return kept


RDF_TYPE = b"<" + str(RDF.type).encode() + b">"


def validate_unit_lines(
    own: bytes, context: bytes, shapes: Graph
) -> list[tuple[Node, list[Triple]]] | None:
    """pyshacl-turbo on N-Triples lines, own + context, with the results `validate_unit`
    gives; None when an own subject is a blank node (then use `validate_unit`).

    The lines go to the engine as they are (no rdflib terms, no store), and only the unit's
    own nodes are asked for as focus nodes (the engine keeps those that its shapes target),
    so the shared context is not validated again with every unit."""
    from pyshacl_turbo.rdf import Input

    subjects: set[bytes] = set()
    mine: set[bytes] = set()  # typed here
    typed: set[bytes] = set()  # typed here or in the context
    for lines, own_lines in ((own, True), (context, False)):
        for line in lines.splitlines():
            if not line:
                continue
            subject, predicate, _ = line.split(b" ", 2)
            if own_lines:
                subjects.add(subject)
            if predicate == RDF_TYPE:
                typed.add(subject)
                if own_lines:
                    mine.add(subject)
    # A node typed nowhere is the unit's own where it is a subject.
    wanted = mine | {s for s in subjects if s not in typed}
    if any(not s.startswith(b"<") for s in wanted):
        return None
    # Sorted as strings, then made terms: rdflib's comparison of terms took a second a build.
    focus = [URIRef(iri) for iri in sorted(s[1:-1].decode("utf-8") for s in wanted)]
    if not focus:
        return []
    text = b"\n".join((own, context)).decode("utf-8")
    _, report, _ = _compiled(shapes).validate(
        Input(text, "nt", None, {}), allow_warnings=True, focus_nodes=focus
    )
    nested = set(report.objects(None, SH.detail))
    kept = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        node = report.value(result, SH.focusNode)
        if result not in nested and f"<{node}>".encode() in wanted:
            kept.append((node, _with_details(report, result)))
    return kept


_COMPILED: list[tuple[Graph, Any]] = []


def _compiled(shapes: Graph) -> Any:
    """The shapes compiled by pyshacl-turbo, once per process and shapes graph."""
    import pyshacl_turbo

    compile_shapes: Any = pyshacl_turbo.compile_shapes
    if not _COMPILED or _COMPILED[0][0] is not shapes:
        _COMPILED[:] = [(shapes, compile_shapes(shapes, advanced=True))]
    return _COMPILED[0][1]


def _with_details(report: Graph, result: Node) -> list[Triple]:
    """A result's triples and those of the sh:detail results under it."""
    triples, todo, seen = [], [result], set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in report.predicate_objects(node):
            triples.append((node, p, o))
            if p == SH.detail:
                todo.append(o)
    return triples


def encode(results: list[list[Triple]]) -> bytes:
    """Result triples as N-Triples (blank nodes stay blank nodes) for the cache."""
    graph = Graph()
    for triples in results:
        for triple in triples:
            graph.add(triple)
    return graph.serialize(format="nt", encoding="utf-8") if len(graph) else b""


def merged_report(encoded: Iterable[bytes]) -> Graph:
    """One report graph holding the results of every unit."""
    report = Graph()
    report.bind("sh", SH)
    for data in encoded:
        if data:
            report.parse(data=data.decode("utf-8"), format="nt")
    return report

"""OWL-Time for the time values of claims, events and memberships."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from publisher.corpus.model import Instant, TimeSpec
from publisher.graph.terms import boolean, instant_literal
from publisher.rdf.namespaces import TIME
from publisher.rdf.terms import TripleSink

INSTANT_PROPERTY = {
    "year": TIME.inXSDgYear,
    "year-month": TIME.inXSDgYearMonth,
    "date": TIME.inXSDDate,
}


def _instant(graph: TripleSink, node: URIRef, instant: Instant) -> None:
    graph.add((node, RDF.type, TIME.Instant))
    graph.add((node, INSTANT_PROPERTY[instant.precision], instant_literal(instant)))


def add_time(graph: TripleSink, node: URIRef, spec: TimeSpec, approximate_term: URIRef) -> None:
    """Describe `node` as an OWL-Time instant or interval (its parts at node/beginning, node/end)."""
    if spec.instant is not None:
        _instant(graph, node, spec.instant)
    else:
        graph.add((node, RDF.type, TIME.Interval))
        if spec.begin is not None:
            beginning = URIRef(f"{node}/beginning")
            graph.add((node, TIME.hasBeginning, beginning))
            _instant(graph, beginning, spec.begin)
        if spec.end is not None:
            end = URIRef(f"{node}/end")
            graph.add((node, TIME.hasEnd, end))
            _instant(graph, end, spec.end)
    if spec.approximate:
        graph.add((node, approximate_term, boolean(True)))
    if spec.label:
        graph.add((node, RDFS.label, Literal(spec.label, lang="en")))

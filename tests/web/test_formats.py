"""Content negotiation over the one registry of formats."""

from __future__ import annotations

import pytest

from publisher.rdf import formats
from publisher.web import negotiation

RDFLIB_76 = (
    "application/rdf+xml, text/n3, text/turtle, application/n-triples, application/ld+json, "
    "application/n-quads, application/trix, application/trig"
)
COMUNICA = (
    "application/n-quads,application/trig;q=0.95,application/ld+json;q=0.9,"
    "application/n-triples;q=0.8,text/turtle;q=0.6,application/rdf+xml;q=0.5,text/n3;q=0.35,"
    "application/xml;q=0.3,image/svg+xml;q=0.3,text/xml;q=0.3,text/html;q=0.2,"
    "application/xhtml+xml;q=0.18,application/json;q=0.135,text/shaclc;q=0.1,"
    "text/shaclc-ext;q=0.05"
)
RAPPER = (
    "application/rdf+xml, text/rdf;q=0.6, */*;q=0.1"  # raptor's rdfxml parser, rapper's default
)
FIREFOX = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
CHROME = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,"
    "*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
)
SPARQLWRAPPER_JSON = (
    "application/sparql-results+json,application/json,text/javascript,application/javascript"
)


@pytest.mark.parametrize(
    "accept, expected",
    [
        (RDFLIB_76, formats.TURTLE),  # all equal: the tie-break puts Turtle first
        (COMUNICA, formats.N_QUADS),
        (RAPPER, formats.RDF_XML),
        (FIREFOX, formats.HTML),
        (CHROME, formats.HTML),
        (None, formats.TURTLE),
        ("", formats.TURTLE),
        ("*/*", formats.TURTLE),
        ("text/*", formats.TURTLE),
        ("application/*", formats.JSON_LD),
        ("text/turtle;q=0.5, application/ld+json", formats.JSON_LD),
        ("TEXT/Turtle", formats.TURTLE),
        ("text/turtle;q=0, */*", formats.JSON_LD),  # q=0 means "not this one"
        ("application/x-turtle", formats.TURTLE),
        ("application/trig", formats.TRIG),
        ("application/n-triples", formats.N_TRIPLES),
        ("garbage, application/rdf+xml", formats.RDF_XML),  # one bad range spoils nothing
        ("text/html;q=0.9, text/turtle", formats.TURTLE),
    ],
)
def test_description_negotiation(accept, expected):
    assert negotiation.negotiate(accept, formats.DESCRIPTION_FORMATS) is expected


@pytest.mark.parametrize(
    "accept, expected",
    [
        (None, formats.RESULTS_JSON),
        ("*/*", formats.RESULTS_JSON),
        (SPARQLWRAPPER_JSON, formats.RESULTS_JSON),
        ("application/sparql-results+xml", formats.RESULTS_XML),
        ("text/csv", formats.RESULTS_CSV),
        ("text/tab-separated-values", formats.RESULTS_TSV),
        ("application/json", formats.RESULTS_JSON),
        (FIREFOX, formats.HTML),
        ("text/*", formats.RESULTS_CSV),
    ],
)
def test_results_negotiation(accept, expected):
    assert negotiation.negotiate(accept, formats.SOLUTION_FORMATS) is expected


def test_nothing_acceptable():
    assert negotiation.negotiate("image/png", formats.DESCRIPTION_FORMATS) is None
    assert negotiation.negotiate("text/turtle", formats.SOLUTION_FORMATS) is None


def test_registry_is_consistent():
    suffixes = [f.suffix for f in formats.DESCRIPTION_FORMATS]
    assert len(set(suffixes)) == len(suffixes)
    assert {f.key for f in formats.RDF_FORMATS if f.graph_aware} == {"trig", "nquads"}
    for fmt in formats.RDF_FORMATS:
        assert fmt.writer.media_type == fmt.media_type
        assert formats.by_suffix(fmt.suffix) is fmt
    assert formats.by_media_type("text/turtle; charset=utf-8") is formats.TURTLE

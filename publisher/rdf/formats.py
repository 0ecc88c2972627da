"""The one registry of formats: RDF syntaxes, SPARQL results, HTML and plain data.

Each format is data: media type, the other media types clients use for it, URL suffix and the
pyoxigraph format that writes it. The candidate lists are in the server's order of
preference (web/negotiation.py picks from them by the Accept header).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph


@dataclass(frozen=True)
class Format:
    """One representation: `kind` is "rdf", "results" (SPARQL results) or "html"."""

    key: str
    label: str
    media_type: str
    suffix: str | None
    kind: str
    writer: pyoxigraph.RdfFormat | pyoxigraph.QueryResultsFormat | None = None
    graph_aware: bool = False  # carries the named graph of each triple
    aliases: tuple[str, ...] = ()
    # What clients call it in a `format=` or `output=` parameter besides its key and suffix
    # (SPARQLWrapper sends json-ld and rdf+xml; for a graph, xml and json mean RDF syntaxes).
    names: tuple[str, ...] = ()

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)

    def is_named(self, name: str) -> bool:
        """Whether `name` (lower case) means this format: its key, suffix, one of its other
        names or one of its media types."""
        return name in (self.key, self.suffix, *self.names, *self.media_types)

    @property
    def rdf(self) -> pyoxigraph.RdfFormat:
        """pyoxigraph's RDF syntax of this format (ValueError for the others)."""
        if not isinstance(self.writer, pyoxigraph.RdfFormat):
            raise ValueError(f"{self.label} is not an RDF syntax")
        return self.writer

    @property
    def results(self) -> pyoxigraph.QueryResultsFormat:
        """pyoxigraph's SPARQL results format of this format (ValueError for the others)."""
        if not isinstance(self.writer, pyoxigraph.QueryResultsFormat):
            raise ValueError(f"{self.label} is not a SPARQL results format")
        return self.writer

    @property
    def content_type(self) -> str:
        """The Content-Type header value; every text format here is UTF-8."""
        return (
            f"{self.media_type}; charset=utf-8"
            if self.media_type.startswith("text/")
            else self.media_type
        )


RDF = pyoxigraph.RdfFormat
RESULTS = pyoxigraph.QueryResultsFormat

TURTLE = Format(
    "turtle",
    "Turtle",
    "text/turtle",
    "ttl",
    "rdf",
    RDF.TURTLE,
    aliases=("application/x-turtle", "application/turtle"),
)
# JSON-LD stays a plain graph (no @graph per named graph): most JSON-LD consumers load it into
# one graph; TriG and N-Quads are there for clients that want the graphs.
JSON_LD = Format(
    "jsonld",
    "JSON-LD",
    "application/ld+json",
    "jsonld",
    "rdf",
    RDF.JSON_LD,
    aliases=("application/json",),
    names=("json-ld", "json"),
)
N_TRIPLES = Format(
    "ntriples",
    "N-Triples",
    "application/n-triples",
    "nt",
    "rdf",
    RDF.N_TRIPLES,
    aliases=("text/plain",),
    names=("n-triples",),
)
RDF_XML = Format(
    "rdfxml",
    "RDF/XML",
    "application/rdf+xml",
    "rdf",
    "rdf",
    RDF.RDF_XML,
    aliases=("application/xml", "text/xml"),
    names=("rdf+xml", "xml"),
)
TRIG = Format("trig", "TriG", "application/trig", "trig", "rdf", RDF.TRIG, graph_aware=True)
N_QUADS = Format(
    "nquads",
    "N-Quads",
    "application/n-quads",
    "nq",
    "rdf",
    RDF.N_QUADS,
    graph_aware=True,
    aliases=("text/x-nquads",),
    names=("n-quads",),
)
HTML = Format("html", "HTML", "text/html", "html", "html", aliases=("application/xhtml+xml",))

RESULTS_JSON = Format(
    "json",
    "SPARQL JSON",
    "application/sparql-results+json",
    "srj",
    "results",
    RESULTS.JSON,
    aliases=("application/json",),
)
RESULTS_XML = Format(
    "xml",
    "SPARQL XML",
    "application/sparql-results+xml",
    "srx",
    "results",
    RESULTS.XML,
    aliases=("application/xml", "text/xml"),
)
RESULTS_CSV = Format("csv", "CSV", "text/csv", "csv", "results", RESULTS.CSV)
RESULTS_TSV = Format("tsv", "TSV", "text/tab-separated-values", "tsv", "results", RESULTS.TSV)
PLAIN_JSON = Format("plainjson", "JSON", "application/json", "json", "json")
PLAIN_TEXT = Format("text", "Plain text", "text/plain", "txt", "text")

# Candidate lists, most preferred first: the first one also answers a missing Accept or */*.
RDF_FORMATS: tuple[Format, ...] = (TURTLE, JSON_LD, TRIG, N_QUADS, N_TRIPLES, RDF_XML)
DESCRIPTION_FORMATS: tuple[Format, ...] = (*RDF_FORMATS, HTML)
SOLUTION_FORMATS: tuple[Format, ...] = (RESULTS_JSON, RESULTS_XML, RESULTS_CSV, RESULTS_TSV, HTML)
BOOLEAN_FORMATS: tuple[Format, ...] = (RESULTS_JSON, RESULTS_XML, RESULTS_CSV, RESULTS_TSV, HTML)
LISTING_FORMATS: tuple[Format, ...] = (HTML, PLAIN_JSON, *RDF_FORMATS)

ALL_FORMATS: tuple[Format, ...] = (
    *DESCRIPTION_FORMATS,
    RESULTS_JSON,
    RESULTS_XML,
    RESULTS_CSV,
    RESULTS_TSV,
    PLAIN_JSON,
)


def by_suffix(suffix: str, candidates: Sequence[Format] = DESCRIPTION_FORMATS) -> Format | None:
    """The candidate written with URL suffix `suffix` (without the dot), if any."""
    return next((f for f in candidates if f.suffix == suffix.lower()), None)


def by_media_type(media_type: str, candidates: Sequence[Format] = ALL_FORMATS) -> Format | None:
    """The candidate answering exactly `media_type` (parameters ignored)."""
    bare = media_type.split(";", maxsplit=1)[0].strip().lower()
    return next((f for f in candidates if bare in f.media_types), None)

"""The one registry of formats the server speaks, and content negotiation over it.

Each format is data: media type, the other media types clients use for it, URL suffix and the
pyoxigraph format that writes it. Negotiation reads the Accept header with python-mimeparse
(q-values, wildcards, specificity) and breaks ties by the order of the candidate list, which is
the server's preference: Turtle first among equally acceptable RDF types, JSON first among
SPARQL results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import mimeparse
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

    @property
    def media_types(self) -> tuple[str, ...]:
        return (self.media_type, *self.aliases)

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
)
N_TRIPLES = Format(
    "ntriples",
    "N-Triples",
    "application/n-triples",
    "nt",
    "rdf",
    RDF.N_TRIPLES,
    aliases=("text/plain",),
)
RDF_XML = Format(
    "rdfxml",
    "RDF/XML",
    "application/rdf+xml",
    "rdf",
    "rdf",
    RDF.RDF_XML,
    aliases=("application/xml", "text/xml"),
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
    bare = media_type.split(";")[0].strip().lower()
    return next((f for f in candidates if bare in f.media_types), None)


def negotiate(accept: str | None, candidates: Sequence[Format]) -> Format | None:
    """The best candidate for an Accept header, None if none is acceptable.

    Each candidate gets the q-value of the most specific range matching its media type, or
    one of its aliases named without wildcards (so that `text/*` does not pick RDF/XML for its
    alias text/xml); the highest q wins and ties go to the earlier candidate. No header, an
    empty one or one that cannot be parsed at all means "anything": the first candidate.
    """
    ranges = _parse_accept(accept)
    if not ranges:
        return candidates[0] if candidates else None
    named = [r for r in ranges if "*" not in (r[0], r[1])]
    best, best_q = None, 0.0
    for candidate in candidates:
        q = mimeparse.quality_parsed(candidate.media_type, ranges)
        for alias in candidate.aliases:
            q = max(q, mimeparse.quality_parsed(alias, named))
        if q > best_q:
            best, best_q = candidate, q
    return best


def _parse_accept(accept: str | None) -> list[tuple[str, str, dict[str, str]]]:
    ranges = []
    for part in (accept or "").lower().split(","):
        if not part.strip():
            continue
        try:
            ranges.append(mimeparse.parse_media_range(part))
        except ValueError:
            continue  # one malformed range must not spoil the others
    return ranges


def available(candidates: Sequence[Format]) -> str:
    """The media types of `candidates`, for a 406 answer."""
    return ", ".join(f.media_type for f in candidates)


def prefixes(base: str) -> dict[str, str]:
    """Prefixes for readable Turtle and TriG and for compact names in HTML."""
    return {
        "sup": base + "def/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        "owl": "http://www.w3.org/2002/07/owl#",
        "skos": "http://www.w3.org/2004/02/skos/core#",
        "prov": "http://www.w3.org/ns/prov#",
        "dcterms": "http://purl.org/dc/terms/",
        "dcat": "http://www.w3.org/ns/dcat#",
        "foaf": "http://xmlns.com/foaf/0.1/",
        "sh": "http://www.w3.org/ns/shacl#",
        "void": "http://rdfs.org/ns/void#",
        "sd": "http://www.w3.org/ns/sparql-service-description#",
        "hydra": "http://www.w3.org/ns/hydra/core#",
        "oa": "http://www.w3.org/ns/oa#",
        "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
        "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
        "schema": "http://schema.org/",
        "time": "http://www.w3.org/2006/time#",
        "org": "http://www.w3.org/ns/org#",
        "actor": base + "id/actor/",
        "claim": base + "id/claim/",
        "relation": base + "def/relation/",
        "graph": base + "graph/",
    }

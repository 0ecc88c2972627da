"""Writing an answer in the format a client asked for, chunk by chunk.

Each chunk of the stream (store/results.py) is written by pyoxigraph's own writer, as a
document of its own, and the documents are spliced: the opening of the first, the bodies of all
(joined by a comma in JSON), the closing once. So a large answer is converted in pieces of
about a quarter of a megabyte, with no Python work per binding, and a one-chunk answer is
byte for byte what the writer gives for the whole. Where the format has comments, an answer
cut at a cap says so at its end.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

import pyoxigraph

from publisher.rdf.formats import Format
from publisher.rdf.terms import serialised
from publisher.store.results import Cut, QueryResult, prefixes_used, tsv_head

RESULTS = pyoxigraph.QueryResultsFormat
RDF = pyoxigraph.RdfFormat


@dataclass(frozen=True)
class Splice:
    """Where a document's body starts and ends, what joins two bodies, and how a note is said."""

    opening: re.Pattern[bytes]  # matches the opening at the start of a document
    closing: bytes
    separator: bytes = b""
    comment: tuple[bytes, bytes] | None = None  # a note is written as start + text + end


_LINE = re.compile(rb"[^\n]*\n")
SPLICES: dict[RESULTS | RDF, Splice] = {
    RESULTS.JSON: Splice(re.compile(rb'.*?"bindings":\['), b"]}}", b","),
    RESULTS.XML: Splice(
        re.compile(rb".*?<results>"), b"</results></sparql>", comment=(b"<!-- ", b" -->")
    ),
    RESULTS.CSV: Splice(_LINE, b""),
    RESULTS.TSV: Splice(_LINE, b""),
    RDF.N_TRIPLES: Splice(re.compile(rb""), b"", comment=(b"# ", b"\n")),
    RDF.N_QUADS: Splice(re.compile(rb""), b"", comment=(b"# ", b"\n")),
    RDF.TURTLE: Splice(re.compile(rb"(?:@prefix [^\n]*\n)*"), b"", comment=(b"# ", b"\n")),
    RDF.TRIG: Splice(re.compile(rb"(?:@prefix [^\n]*\n)*"), b"", comment=(b"# ", b"\n")),
    RDF.JSON_LD: Splice(re.compile(rb"\["), b"]", b","),
    RDF.RDF_XML: Splice(
        re.compile(rb".*?<rdf:RDF[^>]*>\n?", re.DOTALL),
        b"</rdf:RDF>",
        comment=(b"<!-- ", b" -->\n"),
    ),
}


def write_answer(
    result: QueryResult, fmt: Format, prefixes: dict[str, str] | None = None
) -> Iterator[bytes]:
    """`result` in `fmt` (a results format for solutions and booleans, an RDF one for graphs),
    as it is read from the store."""
    if result.kind == "boolean":
        yield _boolean(result.boolean, fmt)
        return
    if result.kind == "solutions" and fmt.kind != "results":
        raise ValueError(f"{fmt.label} cannot carry solutions")
    if result.written is fmt:  # the store's own bytes, cut at the caps (store/passthrough.py)
        yield from result.raw()
        return
    splice = SPLICES[fmt.results if result.kind == "solutions" else fmt.rdf]
    head = tsv_head(result.variables)
    chosen: dict[str, str] | None = None
    opened = written = False
    closing = splice.closing
    for number, chunk in enumerate(result.stream()):
        if result.kind == "solutions":
            tsv = chunk if number == 0 else head + chunk
            document = _results(pyoxigraph.parse_query_results(tsv, format=RESULTS.TSV), fmt)
        else:
            triples = [q.triple for q in pyoxigraph.parse(chunk, format=RDF.N_TRIPLES)]
            if chosen is None:  # the prefixes of the first chunk serve for all
                chosen = prefixes_used(fmt, prefixes, triples) or {}
            document = _triples(triples, fmt, chosen)
        opening = splice.opening.match(document)
        start = opening.end() if opening else 0
        if not document.endswith(closing):
            raise ValueError(f"{fmt.label} writer gave an unexpected ending")
        body = document[start : len(document) - len(closing)]
        if not opened:
            yield document[:start]
            opened = True
        if body:
            yield (splice.separator if written and splice.separator else b"") + body
            written = True
    if not opened:  # no chunk at all: an empty document
        yield _empty(result, fmt)
        return
    yield note(result.cut, splice, result.kind) + closing


def note(cut: Cut | None, splice: Splice, kind: str) -> bytes:
    """The comment that says an answer was cut, where the format has comments."""
    if cut is None or splice.comment is None:
        return b""
    unit = "rows" if kind == "solutions" else "triples"
    text = f"truncated: {cut.describe(unit)}; this answer is incomplete"
    return splice.comment[0] + text.encode() + splice.comment[1]


def _results(parsed: pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean, fmt: Format) -> bytes:
    """Parsed results written in `fmt` (pyoxigraph returns None only when writing to a file)."""
    document = parsed.serialize(format=fmt.results)
    assert document is not None
    return document


def _triples(triples: list[pyoxigraph.Triple], fmt: Format, prefixes: dict[str, str]) -> bytes:
    if fmt.graph_aware:
        quads = [
            pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.DefaultGraph())
            for t in triples
        ]
        return serialised(quads, fmt.rdf, prefixes or None)
    return serialised(triples, fmt.rdf, prefixes or None)


def _empty(result: QueryResult, fmt: Format) -> bytes:
    if result.kind == "solutions":
        return _results(
            pyoxigraph.parse_query_results(tsv_head(result.variables), format=RESULTS.TSV), fmt
        )
    return _triples([], fmt, {})


def _boolean(value: bool, fmt: Format) -> bytes:
    document = json.dumps({"head": {}, "boolean": value}).encode()
    if fmt.writer == RESULTS.JSON:
        return document
    return _results(pyoxigraph.parse_query_results(document, format=RESULTS.JSON), fmt)


def serialize(result: QueryResult, fmt: Format, prefixes: dict[str, str] | None = None) -> bytes:
    """The whole answer in `fmt` (for answers known to be small, and for tests)."""
    return b"".join(write_answer(result, fmt, prefixes))

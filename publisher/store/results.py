"""QueryResult: one small, store-independent shape for SPARQL answers.

Answers are materialised (up to a row cap) so that they can be rendered as HTML, counted and
serialised in any format. Solutions are written through the SPARQL JSON results format and
pyoxigraph's results writers, so that every store gives byte-compatible output.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pyoxigraph

from publisher.rdf.formats import Format
from publisher.store.errors import QueryTimeout

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple


@dataclass
class QueryResult:
    """kind is "boolean", "solutions" or "graph"; `truncated` says the row cap cut the rows."""

    kind: str
    boolean: bool = False
    variables: tuple[str, ...] = ()
    rows: Sequence[pyoxigraph.QuerySolution] = field(default_factory=list)
    triples: list[pyoxigraph.Triple] = field(default_factory=list)
    truncated: bool = False
    tsv: bytes | None = None  # the rows as SPARQL TSV, when they came so (query workers)

    def serialize(self, fmt: Format, prefixes: dict[str, str] | None = None) -> bytes:
        """This result in `fmt` (a results format for solutions/boolean, an RDF one for graphs).

        Solutions are written by pyoxigraph's writers from their TSV form, whatever the store:
        the same bytes from every store, and no Python work per binding (which cost the
        endpoint a fifth of its time on fifty rows; benchmarks/README.md)."""
        if self.kind == "graph":
            return serialize_triples(self.triples, fmt, prefixes)
        if fmt.kind != "results":
            raise ValueError(f"{fmt.label} cannot carry a {self.kind} result")
        if self.kind == "boolean":
            document = json.dumps({"head": {}, "boolean": self.boolean}).encode()
            if fmt.writer == pyoxigraph.QueryResultsFormat.JSON:
                return document
            parsed = pyoxigraph.parse_query_results(
                document, format=pyoxigraph.QueryResultsFormat.JSON
            )
            return parsed.serialize(format=fmt.writer)
        tsv = self.tsv if self.tsv is not None else solutions_tsv(self.variables, self.rows)
        parsed = pyoxigraph.parse_query_results(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
        return parsed.serialize(format=fmt.writer)


def serialize_triples(
    triples: Iterable[pyoxigraph.Triple], fmt: Format, prefixes: dict[str, str] | None = None
) -> bytes:
    """Triples in an RDF format; a graph-aware format gets them in its default graph."""
    triples = list(triples)
    if fmt.graph_aware:
        items = [
            pyoxigraph.Quad(t.subject, t.predicate, t.object, pyoxigraph.DefaultGraph())
            for t in triples
        ]
        return serialize_quads(items, fmt, prefixes)
    return pyoxigraph.serialize(
        triples, format=fmt.writer, prefixes=_prefixes_for(fmt, prefixes, triples)
    )


def serialize_quads(
    quads: Iterable[pyoxigraph.Quad], fmt: Format, prefixes: dict[str, str] | None = None
) -> bytes:
    """Quads in an RDF format; a format without graphs gets the distinct triples."""
    quads = list(quads)
    if not fmt.graph_aware:
        triples = list(dict.fromkeys(q.triple for q in quads))
        return pyoxigraph.serialize(
            triples, format=fmt.writer, prefixes=_prefixes_for(fmt, prefixes, triples)
        )
    return pyoxigraph.serialize(
        quads, format=fmt.writer, prefixes=_prefixes_for(fmt, prefixes, quads)
    )


def _prefixes_for(
    fmt: Format, prefixes: dict[str, str] | None, statements: list
) -> dict[str, str] | None:
    """The prefixes the statements use, for the formats that declare prefixes at all."""
    if not prefixes or fmt.writer not in (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG):
        return None
    iris = {t.value for s in statements for t in s if isinstance(t, pyoxigraph.NamedNode)}
    iris |= {t.datatype.value for s in statements for t in s if isinstance(t, pyoxigraph.Literal)}
    return {name: ns for name, ns in prefixes.items() if any(i.startswith(ns) for i in iris)}


class TsvRows(Sequence):
    """Solutions kept as the SPARQL TSV they came in, read into QuerySolutions on first use:
    most answers are only written out again (QueryResult.serialize reads the TSV itself), so
    the rows are not made at all for them."""

    def __init__(self, tsv: bytes) -> None:
        self._tsv, self._rows = tsv, None

    def _read(self) -> list[pyoxigraph.QuerySolution]:
        if self._rows is None:
            self._rows = list(
                pyoxigraph.parse_query_results(self._tsv, format=pyoxigraph.QueryResultsFormat.TSV)
            )
        return self._rows

    def __getitem__(self, index):
        return self._read()[index]

    def __len__(self) -> int:
        return len(self._read())


def solutions_tsv(variables: Iterable[str], rows: Iterable) -> bytes:
    """Solutions in SPARQL TSV (each row a sequence of terms or None, in variable order)."""
    lines = ["\t".join("?" + v for v in variables)]
    lines += ["\t".join("" if t is None else tsv_term(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode()


def tsv_term(term: Term) -> str:
    """A term in SPARQL TSV: N-Triples syntax, a triple term as <<( s p o )>>."""
    if isinstance(term, pyoxigraph.Triple):
        return (
            f"<<( {tsv_term(term.subject)} {tsv_term(term.predicate)} {tsv_term(term.object)} )>>"
        )
    return str(term)


def collect(
    answer: pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples,
    *,
    row_cap: int | None = None,
    deadline: float | None = None,
) -> QueryResult:
    """A QueryResult from a pyoxigraph answer, reading rows until the cap or the deadline."""
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return QueryResult("boolean", boolean=bool(answer))
    solutions = isinstance(answer, pyoxigraph.QuerySolutions)
    cap = row_cap if solutions else None  # the cap is on SELECT rows, not on graphs
    items: list = []
    truncated = False
    for item in answer:
        if deadline is not None and time.monotonic() > deadline:
            raise QueryTimeout("the query ran past the time limit and was stopped")
        if cap is not None and len(items) >= cap:
            truncated = True
            break
        items.append(item)
    if solutions:
        variables = tuple(v.value for v in answer.variables)
        return QueryResult("solutions", variables=variables, rows=items, truncated=truncated)
    return QueryResult("graph", triples=items)

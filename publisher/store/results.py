"""QueryResult: one small, store-independent shape for SPARQL answers.

An answer to a query from outside is a stream: chunks of SPARQL TSV (solutions, the first chunk
opening with the header line) or N-Triples (graphs), cut at whole rows, and at the caps on rows
and on bytes (`Caps`). Where the stream comes from a query worker or a remote store, it is read
as the client reads it, so no answer is ever held whole in the request process; what cut it is
known once it has ended (`QueryResult.cut`). The server's own queries get materialised rows.
The writers of every format are in writers.py.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import pyoxigraph

from publisher.rdf.formats import Format
from publisher.rdf.terms import serialised, used_prefixes
from publisher.store.errors import AnswerTooLarge, QueryTimeout

Term = pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal | pyoxigraph.Triple
CHUNK_BYTES = 256 * 1024  # about this much is sent at once, and converted at once


@dataclass(frozen=True)
class Caps:
    """The most rows (or triples) and the most bytes (in TSV or N-Triples) an answer may have."""

    rows: int | None = None
    bytes: int | None = None


NO_CAPS = Caps()


@dataclass(frozen=True)
class Cut:
    """Why an answer stopped short: `reason` is "rows" or "bytes", `limit` the cap it met."""

    reason: str
    limit: int

    def describe(self, unit: str) -> str:
        if self.reason == "rows":
            return f"{unit} cut at {self.limit}"
        return f"{unit} cut at {self.limit} bytes"


@dataclass
class QueryResult:
    """kind is "boolean", "solutions" or "graph".

    A streamed result has `chunks`; its rows or triples are read from them on first use (at
    most the byte cap). A materialised one has `rows` or `triples` from the start. `written`:
    the chunks are the answer in that results format as the store wrote it, to be sent on as
    they are (store/passthrough.py), rather than TSV.
    """

    kind: str
    boolean: bool = False
    variables: tuple[str, ...] = ()
    chunks: Iterator[bytes] | None = None
    cut: Cut | None = None
    written: Format | None = None
    _rows: list[pyoxigraph.QuerySolution] | None = None
    _triples: list[pyoxigraph.Triple] | None = None

    @classmethod
    def of_rows(
        cls,
        variables: tuple[str, ...],
        rows: list[pyoxigraph.QuerySolution],
        cut: Cut | None = None,
    ) -> QueryResult:
        return cls("solutions", variables=variables, _rows=rows, cut=cut)

    @classmethod
    def of_triples(cls, triples: list[pyoxigraph.Triple], cut: Cut | None = None) -> QueryResult:
        return cls("graph", _triples=triples, cut=cut)

    @property
    def truncated(self) -> bool:
        return self.cut is not None

    def stream(self) -> Iterator[bytes]:
        """The answer as TSV (solutions) or N-Triples (graph) chunks. A streamed answer can be
        read once, and nothing of it is kept: rows are made from it only on demand."""
        if self.written is not None and self.written.writer != pyoxigraph.QueryResultsFormat.TSV:
            # Another format of the store's (only where the client asked for it, so rarely
            # here): read whole, as the answer is already within the caps.
            parsed = pyoxigraph.parse_query_results(
                b"".join(self.raw()), format=self.written.results
            )
            rows: Iterable[pyoxigraph.QuerySolution] = (
                parsed if isinstance(parsed, pyoxigraph.QuerySolutions) else []
            )
            yield solutions_tsv(self.variables, ([row[v] for v in self.variables] for row in rows))
            return
        yield from self.raw()

    def raw(self) -> Iterator[bytes]:
        """The chunks as they are: TSV or N-Triples, or the format `written`."""
        if self.chunks is None:
            if self.kind == "solutions":
                yield solutions_tsv(self.variables, self.rows)
            elif self.kind == "graph":
                yield serialised(self.triples, pyoxigraph.RdfFormat.N_TRIPLES)
            return
        chunks, self.chunks = self.chunks, iter(())
        try:
            yield from chunks
        finally:
            # A reader that stops early (a client gone) closes the source, which frees the
            # query worker or the store's connection behind it.
            close = getattr(chunks, "close", None)
            if close is not None:
                close()

    def _whole(self) -> bytes:
        return b"".join(self.stream())

    @property
    def rows(self) -> Sequence[pyoxigraph.QuerySolution]:
        if self._rows is None:
            tsv = self._whole() if self.kind == "solutions" else b""
            parsed = pyoxigraph.parse_query_results(tsv, format=pyoxigraph.QueryResultsFormat.TSV)
            self._rows = list(parsed) if isinstance(parsed, pyoxigraph.QuerySolutions) else []
        return self._rows

    @property
    def triples(self) -> list[pyoxigraph.Triple]:
        if self._triples is None:
            data = self._whole() if self.kind == "graph" else b""
            quads = pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES)
            self._triples = [q.triple for q in quads]
        return self._triples


class Chunks:
    """Lines (TSV rows or N-Triples) after a head, in chunks of about CHUNK_BYTES, cut at the
    caps. Iterating yields the chunks; `cut` says afterwards whether a cap was met. A first line
    alone over the byte cap raises AnswerTooLarge: an answer would be empty and misleading."""

    def __init__(
        self, head: bytes, lines: Iterable[bytes], caps: Caps, *, deadline: float | None = None
    ) -> None:
        self.head, self.lines, self.caps, self.deadline = head, lines, caps, deadline
        self.cut: Cut | None = None

    def __iter__(self) -> Iterator[bytes]:
        buffer, pending = [self.head], len(self.head)
        count, total = 0, len(self.head)
        rows, size = self.caps.rows, self.caps.bytes
        for line in self.lines:  # lazy: stopping here stops the evaluation
            if self.deadline is not None and time.monotonic() > self.deadline:
                raise QueryTimeout("the query ran past the time limit and was stopped")
            if rows is not None and count >= rows:
                self.cut = Cut("rows", rows)
                break
            if size is not None and total + len(line) > size:
                if count == 0:
                    raise AnswerTooLarge(
                        f"the first row of the answer alone is {len(line)} bytes, over the "
                        f"limit of {size} bytes an answer may have; select less of it "
                        "(e.g. SUBSTR of a long literal)"
                    )
                self.cut = Cut("bytes", size)
                break
            buffer.append(line)
            count, total, pending = count + 1, total + len(line), pending + len(line)
            if pending >= CHUNK_BYTES:
                yield b"".join(buffer)
                buffer, pending = [], 0
        if buffer:
            yield b"".join(buffer)


def tsv_head(variables: Iterable[str]) -> bytes:
    return ("\t".join("?" + v for v in variables) + "\n").encode()


def tsv_line(row: Iterable[Term | None]) -> bytes:
    """One solution in SPARQL TSV (its terms, or None, in variable order)."""
    return ("\t".join("" if t is None else tsv_term(t) for t in row) + "\n").encode()


def ntriples_line(triple: pyoxigraph.Triple) -> bytes:
    return f"{triple.subject} {triple.predicate} {triple.object} .\n".encode()


def solutions_tsv(variables: Iterable[str], rows: Iterable[Iterable[Term | None]]) -> bytes:
    """Solutions in SPARQL TSV (each row a sequence of terms or None, in variable order)."""
    return tsv_head(variables) + b"".join(tsv_line(row) for row in rows)


def tsv_term(term: Term) -> str:
    """A term in SPARQL TSV: N-Triples syntax, a triple term as <<( s p o )>>."""
    if isinstance(term, pyoxigraph.Triple):
        return (
            f"<<( {tsv_term(term.subject)} {tsv_term(term.predicate)} {tsv_term(term.object)} )>>"
        )
    return str(term)


def answer_stream(
    answer: pyoxigraph.QuerySolutions | pyoxigraph.QueryTriples | Iterator[pyoxigraph.Triple],
    variables: tuple[str, ...] | None,
    caps: Caps,
    *,
    deadline: float | None = None,
) -> QueryResult:
    """A streamed QueryResult over a lazy pyoxigraph answer (solutions when `variables` is
    given, else triples), cut at the caps; `cut` is set when the stream ends."""
    if variables is not None:
        chunks = Chunks(tsv_head(variables), (tsv_line(s) for s in answer), caps, deadline=deadline)
    else:
        chunks = Chunks(b"", (ntriples_line(t) for t in answer), caps, deadline=deadline)
    result = QueryResult(
        "solutions" if variables is not None else "graph", variables=variables or ()
    )

    def read() -> Iterator[bytes]:
        yield from chunks
        result.cut = chunks.cut

    result.chunks = read()
    return result


def collect(
    answer: pyoxigraph.QuerySolutions
    | pyoxigraph.QueryBoolean
    | pyoxigraph.QueryTriples
    | Iterator[pyoxigraph.Triple],
    *,
    row_cap: int | None = None,
    deadline: float | None = None,
) -> QueryResult:
    """A materialised QueryResult from a pyoxigraph answer, reading rows until the cap or the
    deadline (the server's own queries)."""
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return QueryResult("boolean", boolean=bool(answer))
    if isinstance(answer, pyoxigraph.QuerySolutions):
        rows: list[pyoxigraph.QuerySolution] = []
        cut = None
        for row in answer:
            if deadline is not None and time.monotonic() > deadline:
                raise QueryTimeout("the query ran past the time limit and was stopped")
            if row_cap is not None and len(rows) >= row_cap:
                cut = Cut("rows", row_cap)
                break
            rows.append(row)
        return QueryResult.of_rows(tuple(v.value for v in answer.variables), rows, cut)
    items: list[pyoxigraph.Triple] = []
    for item in answer:  # a graph: the cap is on SELECT rows, not on triples
        if deadline is not None and time.monotonic() > deadline:
            raise QueryTimeout("the query ran past the time limit and was stopped")
        items.append(item)
    return QueryResult.of_triples(items)


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
    return serialised(triples, fmt.rdf, prefixes_used(fmt, prefixes, triples))


def serialize_quads(
    quads: Iterable[pyoxigraph.Quad], fmt: Format, prefixes: dict[str, str] | None = None
) -> bytes:
    """Quads in an RDF format; a format without graphs gets the distinct triples."""
    quads = list(quads)
    if not fmt.graph_aware:
        triples = list(dict.fromkeys(q.triple for q in quads))
        return serialised(triples, fmt.rdf, prefixes_used(fmt, prefixes, triples))
    return serialised(quads, fmt.rdf, prefixes_used(fmt, prefixes, quads))


def prefixes_used(
    fmt: Format,
    prefixes: dict[str, str] | None,
    statements: list[pyoxigraph.Triple] | list[pyoxigraph.Quad],
) -> dict[str, str] | None:
    """The prefixes the statements use, for the formats that declare prefixes at all."""
    if not prefixes or fmt.writer not in (pyoxigraph.RdfFormat.TURTLE, pyoxigraph.RdfFormat.TRIG):
        return None
    return used_prefixes(prefixes, statements)


QUADS = ("s", "p", "o", "g")


def quads_of(result: QueryResult) -> list[pyoxigraph.Quad]:
    """The rows of an answer binding ?s ?p ?o ?g as quads."""
    if result.variables == QUADS:  # by position: half the time of looking each name up
        return [pyoxigraph.Quad(row[0], row[1], row[2], row[3]) for row in result.rows]
    return [pyoxigraph.Quad(row["s"], row["p"], row["o"], row["g"]) for row in result.rows]

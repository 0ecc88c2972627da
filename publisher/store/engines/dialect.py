"""A store's dialect: what the publisher must do differently for one SPARQL engine.

The base class is plain SPARQL 1.1 (the Protocol and the Graph Store Protocol, a union default
graph or one made of the protocol dataset); an engine overrides only where it is known to
differ, so that each store's quirks live in one module (oxigraph.py, virtuoso.py) and nowhere
else. The dialect is asked by RemoteStore (remote.py) for every query and answer, and by the
loaders (loading.py) for how to list, count and fill graphs.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Collection
from email.message import Message
from typing import IO

GRAPH_NAMES = "SELECT DISTINCT ?g WHERE { GRAPH ?g { } }"
GRAPH_SIZES = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
# Kept back from the end of an unfinished line, so that no fix-up is split between two reads.
_OVERLAP = 512


class Engine:
    """Plain SPARQL 1.1: nothing to rewrite, nothing to fix, the graphs listed as the standard
    says. Instances are stateless and shared."""

    name = "sparql"
    title = "a SPARQL 1.1 store"
    # How the store is kept to a release's graphs when it holds others, said for the operator
    # when a store is found holding others (the publisher then names the release's graphs as
    # the protocol dataset of every query, which is correct but slower).
    keep_to_release = "load it from the release alone"
    # Answers of at most this many rows unless the operator raised a setting of the store
    # (its name here); the loader checks the store answers a whole graph of the release.
    row_limit_setting = ""
    # Whether its SPARQL TSV and JSON answers may be sent on to clients as they are, only
    # counted and cut at the caps (store/passthrough.py): they need no fixing, and its JSON
    # has the layout that module counts rows in.
    passes_results_through = False
    # Whether a query goes as the POST body (`application/sparql-query`) rather than a form:
    # nothing to percent-encode, which took half a millisecond per query of a description
    # (their VALUES name up to 200 IRIs).
    posts_query_text = False

    def __repr__(self) -> str:
        return f"<engine {self.name}>"

    def graph_names_query(self) -> str:
        """A SELECT binding ?g to every named graph of the dataset."""
        return GRAPH_NAMES

    def graph_sizes_query(self) -> str:
        """A SELECT binding ?g and its number of triples ?n (empty graphs may be left out)."""
        return GRAPH_SIZES

    def blank_node_iri(self, label: str) -> str | None:
        """The IRI by which a query names the blank node an answer labelled `label`, for an
        engine whose blank nodes keep their labels between queries; None for SPARQL's own."""
        return None

    def is_system_graph(self, graph: str) -> bool:
        """A graph the engine keeps for itself (never the release's, never counted)."""
        return False

    def rewrite(self, sparql: str, named: Collection[str] | None) -> str:
        """The text this engine should be sent for `sparql` (the same meaning), over a dataset
        whose named graphs are `named` (None: the store's, unrestricted)."""
        return sparql

    def accept(self, sparql: str) -> str | None:
        """The Accept header for this query, when the engine needs its own (None: the
        publisher's, results and RDF formats together, the store choosing by the query form)."""
        return None

    def dataset(
        self, default: list[str] | None, named: list[str] | None
    ) -> tuple[list[str] | None, list[str] | None]:
        """The protocol dataset to send for this one (None: no parameter of that name)."""
        return default, named

    def parameters(self, wait: float) -> list[tuple[str, str]]:
        """Protocol parameters of the engine's own for a query the publisher waits `wait` s for."""
        return []

    def partial(self, headers: Message) -> str | None:
        """Why an answer with these headers is not the whole answer (a store that gives what it
        had at its own time limit), or None for a whole answer."""
        return None

    def too_heavy(self, detail: str) -> bool:
        """Whether an error the store answered says the query would take too long (refused
        before it ran); the publisher then answers as for a query past its time limit."""
        return False

    def fix_line(self, line: bytes) -> bytes:
        """One line of an answer (SPARQL JSON results or N-Triples), with what this engine
        writes differently from the release written back as the release has it."""
        return line

    def answer(self, response: IO[bytes]) -> IO[bytes]:
        """The body of an answer to parse: the response itself, or the response read line by
        line through `fix_line` when the engine needs fixing."""
        if type(self).fix_line is Engine.fix_line:
            return response
        return io.BufferedReader(_Fixed(response, self.fix_line), buffer_size=64 * 1024)


class _Fixed(io.RawIOBase):
    """A readable stream of `source` with `fix` applied to each line (lines longer than the
    read size are fixed in pieces that overlap, so no pattern of a few hundred bytes is cut)."""

    def __init__(self, source: IO[bytes], fix: Callable[[bytes], bytes]) -> None:
        self._source = source
        self._fix = fix
        self._ready = b""
        self._carry = b""
        self._ended = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        while not self._ready and not self._ended:
            self._fill()
        size = min(len(buffer), len(self._ready))
        buffer[:size] = self._ready[:size]
        self._ready = self._ready[size:]
        return size

    def _fill(self) -> None:
        piece = self._source.readline(1024 * 1024)
        if not piece:
            self._ended = True
            self._ready, self._carry = self._fix(self._carry), b""
            return
        text = self._carry + piece
        if text.endswith(b"\n"):
            self._ready, self._carry = self._fix(text), b""
            return
        fixed = self._fix(text)  # an unfinished line: its end is fixed again with what follows
        keep = min(_OVERLAP, len(fixed))
        self._ready, self._carry = fixed[: len(fixed) - keep], fixed[len(fixed) - keep :]

    def close(self) -> None:
        try:
            self._source.close()
        finally:
            super().close()


SPARQL11 = Engine()

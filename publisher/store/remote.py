"""A SPARQL 1.1 store reached over HTTP (tested: Oxigraph server, alone or as replicas behind
HAProxy, and Virtuoso 7.2).

Queries go out as the protocol's POST forms; the answers are parsed by pyoxigraph into the
same QueryResult as the embedded store's, so nothing above the Store interface can tell the two
apart. What one engine does differently (its system graphs, its spellings, its partial
answers) is its dialect's business (engines/), asked for each query and each answer. Queries
are kept to the release's graphs: a store that holds other graphs, or graphs of its own, is
sent the release's graphs as the protocol dataset of every query. A store that fails is
answered for as a gateway would: 503 when it cannot be reached or says it is busy, 504 when it
does not answer in time, 502 when it answers wrongly. Nothing but idle connections
(store/http.py) is kept between requests, so the server recovers by itself as soon as the
store is back.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import logging
import time
import urllib.request
from collections.abc import Generator, Iterable, Iterator
from typing import IO
from urllib.parse import urlencode, urlsplit

import pyoxigraph

from publisher.rdf import formats
from publisher.rdf.formats import Format
from publisher.store import passthrough
from publisher.store.engines import Engine, detect
from publisher.store.errors import (
    BadStoreAnswer,
    QueryError,
    QuerySyntaxError,
    QueryTimeout,
    StoreError,
    StoreTimeout,
)
from publisher.store.http import USER_AGENT, send, transport_failure
from publisher.store.results import (
    NO_CAPS,
    Caps,
    QueryResult,
    answer_stream,
    collect,
    quads_of,
)
from publisher.store.tsvquads import nquads_of

log = logging.getLogger(__name__)

# What a store may answer, from the format registry: results for SELECT and ASK (JSON first),
# RDF for CONSTRUCT and DESCRIBE (N-Triples first); the store picks by the query form.
RESULTS = (formats.RESULTS_JSON, formats.RESULTS_XML, formats.RESULTS_TSV)
GRAPHS = (formats.N_TRIPLES, formats.TURTLE, formats.RDF_XML, formats.JSON_LD)


def _accept(results: formats.Format, other: formats.Format) -> str:
    """An Accept header: `results` first for SELECT and ASK, `other` next, then RDF."""
    return ", ".join(
        f"{fmt.media_type}{quality}"
        for fmt, quality in (
            (results, ""),
            (formats.N_TRIPLES, ""),
            (other, ";q=0.9"),
            (formats.TURTLE, ";q=0.9"),
            (formats.RDF_XML, ";q=0.5"),
        )
    )


ACCEPT = _accept(formats.RESULTS_JSON, formats.RESULTS_XML)

# For a query from outside on a store whose answers pass through: its own bytes in the format
# the client asked for where it has it (JSON, TSV), else TSV, which is cut at whole lines and
# converted a chunk at a time (store/writers.py) with no work per row here.
PASSED = (formats.RESULTS_JSON, formats.RESULTS_TSV)
TSV_FIRST = _accept(formats.RESULTS_TSV, formats.RESULTS_JSON)


def _query_request(
    endpoint: str,
    text: str,
    accept: str | None = None,
    *,
    direct: bool = False,
    parameters: Iterable[tuple[str, str]] = (),
) -> urllib.request.Request:
    """One read-only query as the protocol's POST, asking for formats we parse: a form of the
    `parameters` and `query=`, or (`direct`) the text as the body and the parameters in the
    URL. Made here rather than by a client library: SPARQLWrapper took a tenth of a
    millisecond to make each one, as long as the rest of the publisher's part of a query."""
    pairs = list(parameters)
    if direct:
        url = endpoint + ("&" if "?" in endpoint else "?") + urlencode(pairs) if pairs else endpoint
        body, content_type = text.encode("utf-8"), "application/sparql-query"
    else:
        url = endpoint
        body = urlencode([*pairs, ("query", text)]).encode("ascii")
        content_type = "application/x-www-form-urlencoded"
    headers = {"User-Agent": USER_AGENT, "Accept": accept or ACCEPT, "Content-Type": content_type}
    return urllib.request.Request(url, data=body, headers=headers, method="POST")


class RemoteStore:
    """A SPARQL 1.1 Protocol query endpoint, kept to `graphs` (the release's named graphs)
    when they are given; its engine is `engine`, or read from its answers on first use."""

    def __init__(
        self,
        endpoint: str,
        *,
        timeout: float = 10.0,
        engine: Engine | None = None,
        graphs: list[str] | None = None,
    ) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{endpoint!r} is not the http(s) URL of a SPARQL endpoint")
        self.endpoint = endpoint
        self.timeout = float(timeout)
        self.release_graphs = sorted(graphs) if graphs is not None else None
        self._engine = engine
        self._graphs: list[str] | None = None  # the dataset every query is sent with
        self._checked = False

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    def blank_node_iri(self, node: pyoxigraph.BlankNode) -> str | None:
        return self.engine.blank_node_iri(node.value)

    def quads_about(self, subjects: list[str]) -> None:
        return None  # SPARQL is all a remote store answers

    def quads(self, sparql: str) -> list[pyoxigraph.Quad]:
        """On a store whose TSV passes through (Oxigraph), its TSV read as N-Quads
        (store/tsvquads.py); else, or when that cannot be read so, the rows as solutions."""
        dataset = self._dataset()
        if not self.engine.passes_results_through:
            return quads_of(self._run(sparql, dataset, dataset))
        result = self._run(sparql, dataset, dataset, own_tsv=True)
        if result.chunks is None:  # not solutions in TSV after all: read as they came
            return quads_of(result)
        body = b"".join(result.raw())  # one chunk, read whole within the store's time limit
        found = nquads_of(body)
        if found is not None:
            return found
        try:
            rows = pyoxigraph.parse_query_results(body, format=formats.RESULTS_TSV.results)
            return quads_of(collect(rows))
        except (SyntaxError, ValueError) as error:
            detail = f"answer from {self.endpoint}: {error}"
            log.warning("%s", detail)
            raise BadStoreAnswer(
                "the SPARQL store behind this service sent a broken answer", detail
            ) from None

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
        row_cap: int | None = None,
        byte_cap: int | None = None,
        timeout: float | None = None,
        base_iri: str | None = None,
        results_format: Format | None = None,
    ) -> QueryResult:
        """Run a query on the store; dataset arguments are passed on as protocol parameters.
        A query with a time limit (from outside) gets a stream, read from the store's answer
        as the client reads it, cut at the caps; in `results_format`, the store's own bytes
        where its engine allows (store/passthrough.py)."""
        if default_graph_uris is None and named_graph_uris is None:
            default_graph_uris = named_graph_uris = self._dataset()
        return self._run(
            sparql,
            default_graph_uris,
            named_graph_uris,
            caps=Caps(row_cap, byte_cap),
            timeout=timeout,
            base_iri=base_iri,
            results_format=results_format,
        )

    def _run(
        self,
        sparql: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        *,
        caps: Caps = NO_CAPS,
        timeout: float | None = None,
        base_iri: str | None = None,
        results_format: Format | None = None,
        own_tsv: bool = False,
    ) -> QueryResult:
        """`own_tsv`: a query of the server's own whose answer is wanted as the store's TSV
        bytes, on an engine whose TSV passes through (`quads`)."""
        engine = self.engine
        # The protocol has no base parameter; a BASE on the first line keeps the line numbers.
        text = f"BASE {pyoxigraph.NamedNode(base_iri)} {sparql}" if base_iri else sparql
        restricted = default_graphs is not None or named_graphs is not None
        text = engine.rewrite(text, named_graphs or [] if restricted else None)
        passing = bool(timeout) and engine.passes_results_through
        passed = results_format if passing and results_format in PASSED else None
        accept = engine.accept(text)
        if accept is None and engine.passes_results_through and passed is not formats.RESULTS_JSON:
            # Its TSV: cut at lines, and parsed in two thirds of the time of its JSON.
            accept = TSV_FIRST
        default_graphs, named_graphs = engine.dataset(default_graphs, named_graphs)
        # A query from outside has its own time limit, as on the embedded store (503 after it);
        # the server's own queries wait STORE_TIMEOUT (504 after it). Either bounds the whole
        # exchange: each read waits at most that long, and rows stop coming at the deadline.
        wait = timeout or self.timeout
        parameters = [
            *(("default-graph-uri", graph) for graph in default_graphs or []),
            *(("named-graph-uri", graph) for graph in named_graphs or []),
            *engine.parameters(wait),
        ]
        request = _query_request(
            self.endpoint, text, accept, direct=engine.posts_query_text, parameters=parameters
        )
        deadline = time.monotonic() + wait
        what = f"query at {self.endpoint}"
        try:
            response = send(request, wait, what)
            try:
                partial = engine.partial(response.headers)
                if partial is not None:
                    log.warning("%s: a partial answer (%s)", what, partial)
                    raise StoreTimeout(
                        "the SPARQL store behind this service stopped the query at its time limit",
                        f"{what}: a partial answer ({partial})",
                    )
                result = self._read(
                    response,
                    engine,
                    caps,
                    deadline,
                    wait,
                    stream=bool(timeout),
                    passed=passed if passing else None,
                    passing=passing,
                    own_tsv=own_tsv,
                )
            except BaseException:
                response.close()
                raise
            if result.chunks is None:
                response.close()
                return result
            chunks = self._streamed(result.chunks, response, wait)
            # The first chunk is read now: a store whose answer is broken from the start gets
            # its status (502, 504...) before any answer starts.
            first = next(chunks, None)
            result.chunks = _first_then(first, chunks)
            return result
        except (StoreTimeout, QueryTimeout) as error:
            if getattr(error, "store_status", None):
                raise  # the store itself (or a proxy before it) answered 504
            if not timeout:
                raise StoreTimeout(
                    f"the SPARQL store behind this service did not answer within {wait:g} s",
                    getattr(error, "detail", what),
                ) from None
            raise QueryTimeout(
                f"the query ran past the time limit ({timeout:g} s) and was given up"
            ) from None
        except StoreError as error:
            if error.store_status == 400:
                raise self._refused(sparql, base_iri) from None
            if error.store_status == 500 and engine.too_heavy(error.detail):
                if timeout:
                    raise QueryTimeout(
                        "the query would run past the time limit "
                        f"({timeout:g} s): the store refused it"
                    ) from None
                raise StoreTimeout(
                    "the SPARQL store behind this service refused a query as too long",
                    error.detail,
                ) from None
            raise

    @property
    def engine(self) -> Engine:
        """The store's dialect: as given, else read from the `Server` header of its answer to
        a first query (plain SPARQL 1.1 when it names no engine known here)."""
        if self._engine is None:
            # A store that fails here fails the query that asked, with the same status.
            what = f"query at {self.endpoint}"
            with send(_query_request(self.endpoint, "ASK {}"), self.timeout, what) as r:
                with contextlib.suppress(OSError, http.client.HTTPException):
                    r.read()  # the body is not what is asked, only the header
                server = r.headers.get("Server")
            self._engine = detect(server)
            log.info("%s: %s (Server: %s)", self.endpoint, self._engine.title, server)
        return self._engine

    def _streamed(
        self,
        chunks: Iterator[bytes],
        response: IO[bytes],
        timeout: float,
    ) -> Generator[bytes, None, None]:
        """The chunks of a streamed answer, the store's response closed when they end (or when
        the reader stops), and its failures reported as on the first read."""
        what = f"answer from {self.endpoint}"
        try:
            yield from chunks
        except TimeoutError as error:
            raise QueryTimeout(
                f"the query ran past the time limit ({timeout:g} s) and was given up"
            ) from error
        except (SyntaxError, ValueError, OSError, http.client.HTTPException) as error:
            log.warning("%s: %s", what, error)
            raise BadStoreAnswer(
                "the SPARQL store behind this service sent a broken answer", f"{what}: {error}"
            ) from None
        finally:
            response.close()

    def _read(
        self,
        response: http.client.HTTPResponse,
        engine: Engine,
        caps: Caps,
        deadline: float,
        wait: float,
        *,
        stream: bool,
        passed: Format | None = None,
        passing: bool = False,
        own_tsv: bool = False,
    ) -> QueryResult:
        media = response.headers.get_content_type()
        what = f"answer from {self.endpoint}"
        try:
            results = formats.by_media_type(media, RESULTS)
            body: IO[bytes] = engine.answer(response)
            if own_tsv and results is formats.RESULTS_TSV:
                # Read whole, as one chunk: cut into lines, each would cost a turn in Python.
                whole = body.read()
                names = whole.partition(b"\n")[0].decode().rstrip("\r").split("\t")
                variables = tuple(name.removeprefix("?") for name in names if name)
                result = QueryResult("solutions", variables=variables, written=results)
                result.chunks = iter([whole])
                return result
            if passing and results is formats.RESULTS_TSV:
                return passthrough.tsv_solutions(
                    body, caps, deadline, passed=passed is formats.RESULTS_TSV
                )
            if passing and results is formats.RESULTS_JSON and passed is results:
                read, opening = passthrough.json_opening(body)
                if opening is not None:
                    return passthrough.json_solutions(body, read, opening, caps, deadline)
                # A boolean, or another layout: parsed, from what was read on.
                body = io.BufferedReader(_Prefixed(read, body))
            # Read whole when it is not streamed: parsing bytes is faster than a file in pieces.
            source: IO[bytes] | bytes = body if stream else body.read()
            if results is not None:
                answer = pyoxigraph.parse_query_results(source, format=results.results)
                if stream and isinstance(answer, pyoxigraph.QuerySolutions):
                    variables = tuple(v.value for v in answer.variables)
                    return answer_stream(answer, variables, caps, deadline=deadline)
                return collect(answer, row_cap=caps.rows, deadline=deadline)
            graph = formats.by_media_type(media, GRAPHS)
            if graph is not None:
                quads = pyoxigraph.parse(source, format=graph.rdf, without_named_graphs=True)
                triples = (quad.triple for quad in quads)
                if stream:
                    return answer_stream(triples, None, caps, deadline=deadline)
                return collect(triples, deadline=deadline)
        except TimeoutError as error:
            raise transport_failure(error, wait, what) from None
        except (SyntaxError, ValueError, OSError, http.client.HTTPException) as error:
            detail = f"{what}: {error}"
            log.warning("%s", detail)
            raise BadStoreAnswer(
                f"the SPARQL store behind this service sent a broken {media} answer", detail
            ) from None
        detail = f"{what} has the unexpected type {media}"
        log.warning("%s", detail)
        raise BadStoreAnswer(
            f"the SPARQL store behind this service answered {media}, "
            "which is neither SPARQL results nor RDF",
            detail,
        )

    def _refused(self, sparql: str, base_iri: str | None) -> QueryError:
        """Why the store refused a query (400): pyoxigraph's parser says it as the embedded
        store would; a query it accepts was refused for a reason only the store knows."""
        try:
            # An empty store: a refused text is almost always a syntax error, which stops here;
            # otherwise SELECT and CONSTRUCT answers are lazy, and ASK finds nothing at once.
            pyoxigraph.Store().query(sparql, base_iri=base_iri)
        except SyntaxError as error:
            return QuerySyntaxError(f"SPARQL syntax error: {error}")
        except (OSError, RuntimeError, ValueError):
            pass
        return QueryError("the SPARQL store behind this service refused the query (400)")

    def graph_sizes(self, *, every: bool = False) -> dict[str, int]:
        """Triples per named graph, as this engine lists and counts them (its system graphs
        left out); the release's graphs only, unless `every` (what `publisher load` checks)."""
        dataset = None if every else self._dataset()
        engine = self.engine
        sizes: dict[str, int] = {}
        for query, key in ((engine.graph_names_query(), None), (engine.graph_sizes_query(), "n")):
            for row in self._run(query, dataset, dataset).rows:
                graph = row["g"]
                if not isinstance(graph, pyoxigraph.NamedNode) or engine.is_system_graph(
                    graph.value
                ):
                    continue  # an empty binding (an engine's bug) or a graph of its own
                count = row[key] if key else None
                sizes[graph.value] = int(count.value) if count is not None else 0
        return dict(sorted(sizes.items()))

    def _dataset(self) -> list[str] | None:
        """The graphs every query is sent with as its protocol dataset, or None when the
        store's union default graph is the release's already; found out on first use."""
        if not self._checked:
            self._graphs = self._choose_dataset()
            self._checked = True
            if self._graphs is not None:
                log.info(
                    "%s: every query names its %d graphs as the protocol dataset",
                    self.endpoint,
                    len(self._graphs),
                )
        return self._graphs

    def _choose_dataset(self) -> list[str] | None:
        engine = self.engine
        held = self._graph_names()
        ours = self.release_graphs
        if ours is not None:
            if set(held) <= set(ours) and self._has_union_default_graph():
                return None
            others = sorted(set(held) - set(ours))
            log.warning(
                "%s: the store holds graphs that are not the release's (%s), or its default "
                "graph is not their union: every query names the release's graphs instead; "
                "to keep it to the release, %s",
                self.endpoint,
                ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else ""),
                engine.keep_to_release,
            )
            return ours
        # The release's graphs are not known: the store's, all of them (its own left out).
        visible = [g for g in held if not engine.is_system_graph(g)]
        if len(visible) == len(held) and self._has_union_default_graph():
            return None
        return visible

    def _has_union_default_graph(self) -> bool:
        sample = self._run(
            "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && isIRI(?o)) } LIMIT 1"
        ).rows
        if not sample:
            return True  # no named graph: there is nothing to unite
        s, p, o = sample[0]["s"], sample[0]["p"], sample[0]["o"]
        return self._run(f"ASK {{ {s} {p} {o} }}").boolean

    def _graph_names(self) -> list[str]:
        rows = self._run(self.engine.graph_names_query()).rows
        return sorted(row["g"].value for row in rows if isinstance(row["g"], pyoxigraph.NamedNode))


def _first_then(first: bytes | None, rest: Generator[bytes, None, None]) -> Iterator[bytes]:
    """The chunk read already, then the rest; closing this closes the rest (and so gives the
    store's connection back or closes it) at once, not when it is collected."""
    try:
        if first is not None:
            yield first
        yield from rest
    finally:
        rest.close()


class _Prefixed(io.RawIOBase):
    """A readable stream of `read` and then the rest of `source`."""

    def __init__(self, read: bytes, source: IO[bytes]) -> None:
        self._read = read
        self._source = source

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        if not self._read:
            return self._source.readinto(buffer)  # type: ignore[attr-defined, no-any-return]
        size = min(len(buffer), len(self._read))
        buffer[:size] = self._read[:size]
        self._read = self._read[size:]
        return size

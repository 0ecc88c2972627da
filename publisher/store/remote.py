"""A SPARQL 1.1 store reached over HTTP: Oxigraph server, Fuseki, Virtuoso, GraphDB, Neptune...

Queries go out with SPARQLWrapper as POST forms; the answers are parsed by pyoxigraph into the
same QueryResult as the embedded store's, so nothing above the Store interface can tell the two
apart. A store that fails is answered for as a gateway would: 503 when it cannot be reached or
says it is busy, 504 when it does not answer in time, 502 when it answers wrongly. No state is
kept between requests, so the server recovers by itself as soon as the store is back.
"""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pyoxigraph
from SPARQLWrapper import POST, SELECT, SPARQLWrapper

from publisher import __version__
from publisher.store import QueryError, QuerySyntaxError, QueryTimeout
from publisher.store.results import QueryResult, collect

log = logging.getLogger(__name__)

# Results for SELECT and ASK, RDF for CONSTRUCT and DESCRIBE: the store picks by the query form.
ACCEPT = (
    "application/sparql-results+json, application/n-triples, "
    "application/sparql-results+xml;q=0.9, text/turtle;q=0.9, application/rdf+xml;q=0.5"
)
RESULTS = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}
GRAPHS = {
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "text/plain": pyoxigraph.RdfFormat.N_TRIPLES,
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
    "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
}
USER_AGENT = f"publisher/{__version__}"
RETRY_PAUSE = 0.25
# The store refused the connection or dropped it unanswered (as while it restarts).
DROPPED = (ConnectionRefusedError, ConnectionResetError)


class StoreError(QueryError):
    """The store failed. The message is for the public; `detail` (the store's own words) and
    `store_status` (its HTTP status, if it answered) are for the operator and the log."""

    status = 502

    def __init__(self, message: str, detail: str = "", store_status: int | None = None) -> None:
        super().__init__(message)
        self.detail = detail
        self.store_status = store_status


class StoreUnavailable(StoreError):
    """The store cannot be reached, or says it is busy: try again later."""

    status = 503
    retry_after = 5


class StoreTimeout(StoreError):
    """The store did not answer within the time the server waits for it."""

    status = 504


class BadStoreAnswer(StoreError):
    """The store answered with an error, a redirect or something that does not parse."""


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect would send the query (and a load, its data) wherever the store's answer says.
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # urllib then raises the 3xx as an HTTPError, reported below


OPENER = urllib.request.build_opener(_NoRedirects)


def send(request: urllib.request.Request, wait: float, what: str) -> http.client.HTTPResponse:
    """Open `request` without following redirects, waiting at most `wait` seconds for each step.

    Everything sent here is idempotent (queries, and PUT or DELETE of a whole graph), so a
    request the store dropped unanswered is sent once more; one that timed out is not, since
    that would double the wait. Failures become StoreErrors.
    """
    for attempt in (1, 2):
        try:
            return OPENER.open(request, timeout=wait)
        except urllib.error.HTTPError as error:
            raise http_failure(error, what) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, DROPPED) and attempt == 1:
                time.sleep(RETRY_PAUSE)
                continue
            raise transport_failure(reason, wait, what) from None
    raise AssertionError("unreachable")


def transport_failure(reason: object, wait: float, what: str) -> StoreError:
    """The error for a store that did not answer: it timed out (504), dropped the connection
    (502) or cannot be reached (503)."""
    detail = f"{what}: {_describe(reason)}"
    log.warning("%s", detail)
    if isinstance(reason, TimeoutError):
        return StoreTimeout(
            f"the SPARQL store behind this service did not answer within {wait:g} s", detail
        )
    if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected)):
        return BadStoreAnswer(
            "the SPARQL store behind this service closed the connection without answering",
            detail,
        )
    return StoreUnavailable(
        f"the SPARQL store behind this service cannot be reached ({_describe(reason)}); "
        "try again shortly",
        detail,
    )


def http_failure(error: urllib.error.HTTPError, what: str) -> StoreError:
    """The error for a store that answered with a status other than success."""
    code = error.code
    detail = f"{what}: {code} {error.reason}"
    if 300 <= code < 400:
        detail += f" to {error.headers.get('Location', '(no Location)')}"
    detail = " ".join([detail, _snippet(error)]).strip()
    # A refused query is the client's business (the caller says why); the rest is the operator's.
    log.log(logging.INFO if code == 400 else logging.WARNING, "%s", detail)
    if 300 <= code < 400:
        return BadStoreAnswer(
            f"the SPARQL store behind this service redirected the request ({code}); redirects "
            "are not followed, so the STORE setting must name the endpoint itself",
            detail,
            code,
        )
    if code in (429, 503):
        return StoreUnavailable(
            f"the SPARQL store behind this service is busy ({code}); try again shortly",
            detail,
            code,
        )
    if code == 504:
        return StoreTimeout("the SPARQL store behind this service timed out (504)", detail, code)
    return BadStoreAnswer(
        f"the SPARQL store behind this service failed ({code} {error.reason})", detail, code
    )


class _Request(SPARQLWrapper):
    """SPARQLWrapper for one read-only query as a POST form, asking for formats we parse."""

    def __init__(self, endpoint: str, sparql: str) -> None:
        super().__init__(endpoint, agent=USER_AGENT)
        self.setMethod(POST)
        self.setOnlyConneg(True)  # no format=/output= parameters, only the Accept header
        self.addCustomHttpHeader("Accept", ACCEPT)
        self.setQuery(sparql)

    def _parseQueryType(self, query: str) -> str:
        # Its regular expressions misread some queries and would send an update to the update
        # endpoint; here the text always goes out as `query=`, and the store parses it.
        return SELECT

    def isSparqlUpdateRequest(self) -> bool:
        return False


class RemoteStore:
    """A SPARQL 1.1 Protocol query endpoint; its default graph must be, or is made, the union."""

    def __init__(self, endpoint: str, *, timeout: float = 10.0) -> None:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{endpoint!r} is not the http(s) URL of a SPARQL endpoint")
        self.endpoint = endpoint
        self.timeout = float(timeout)
        self._graphs: list[str] | None = None  # set when the store lacks a union default graph
        self._checked = False

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint!r})"

    def query(
        self,
        sparql: str,
        *,
        default_graph_uris: list[str] | None = None,
        named_graph_uris: list[str] | None = None,
        row_cap: int | None = None,
        timeout: float | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Run a query on the store; dataset arguments are passed on as protocol parameters."""
        if default_graph_uris is None and named_graph_uris is None:
            default_graph_uris = named_graph_uris = self._union_dataset()
        return self._run(
            sparql,
            default_graph_uris,
            named_graph_uris,
            row_cap=row_cap,
            timeout=timeout,
            base_iri=base_iri,
        )

    def _run(
        self,
        sparql: str,
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
        *,
        row_cap: int | None = None,
        timeout: float | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        # The protocol has no base parameter; a BASE on the first line keeps the line numbers.
        text = f"BASE {pyoxigraph.NamedNode(base_iri)} {sparql}" if base_iri else sparql
        request = _Request(self.endpoint, text)
        for graph in default_graphs or []:
            request.addParameter("default-graph-uri", graph)
        for graph in named_graphs or []:
            request.addParameter("named-graph-uri", graph)
        # A query from outside has its own time limit, as on the embedded store (503 after it);
        # the server's own queries wait STORE_TIMEOUT (504 after it). Either bounds the whole
        # exchange: each read waits at most that long, and rows stop coming at the deadline.
        wait = timeout or self.timeout
        deadline = time.monotonic() + wait
        what = f"query at {self.endpoint}"
        try:
            response = send(request._createRequest(), wait, what)
            with response:
                return self._read(response, row_cap, deadline, wait)
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
            raise

    def _read(self, response, row_cap, deadline, wait) -> QueryResult:
        media = response.headers.get_content_type()
        what = f"answer from {self.endpoint}"
        try:
            if media in RESULTS:
                answer = pyoxigraph.parse_query_results(response, format=RESULTS[media])
                return collect(answer, row_cap=row_cap, deadline=deadline)
            if media in GRAPHS:
                quads = pyoxigraph.parse(response, format=GRAPHS[media], without_named_graphs=True)
                return collect((quad.triple for quad in quads), deadline=deadline)
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

    def _union_dataset(self) -> list[str] | None:
        """None when the store's default graph is the union of its graphs, else every graph,
        to be sent as the protocol dataset (the store's FROM is overridden, as embedded)."""
        if not self._checked:
            self._graphs = None if self._has_union_default_graph() else self._graph_names()
            self._checked = True
            if self._graphs is not None:
                log.info(
                    "%s: the default graph is not the union of the named graphs; every query "
                    "names its %d graphs instead",
                    self.endpoint,
                    len(self._graphs),
                )
        return self._graphs

    def _has_union_default_graph(self) -> bool:
        sample = self._run(
            "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?s) && isIRI(?o)) } LIMIT 1"
        ).rows
        if not sample:
            return True  # no named graph: there is nothing to unite
        s, p, o = sample[0]["s"], sample[0]["p"], sample[0]["o"]
        return self._run(f"ASK {{ {s} {p} {o} }}").boolean

    def _graph_names(self) -> list[str]:
        rows = self._run("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows
        return sorted(row["g"].value for row in rows if isinstance(row["g"], pyoxigraph.NamedNode))


def _snippet(error: urllib.error.HTTPError, limit: int = 300) -> str:
    """The start of an error body, on one line, for the log."""
    try:
        body = error.read(limit).decode("utf-8", "replace")
    except (OSError, http.client.HTTPException):
        return ""
    finally:
        error.close()
    return " ".join(body.split())


def _describe(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "it closed the connection"
    if isinstance(reason, ConnectionResetError):
        return "connection reset"
    return str(reason) or type(reason).__name__

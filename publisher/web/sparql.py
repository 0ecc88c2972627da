"""The SPARQL 1.1 Protocol endpoint at `B sparql` (read-only).

Without a query, GET answers the Service Description (Turtle for RDF clients, the query page
for browsers). With one, SELECT and ASK answer JSON (the default), XML, CSV, TSV or an HTML
table; CONSTRUCT and DESCRIBE any RDF format or HTML.
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
from flask import Blueprint, Config, Response, current_app, request, stream_with_context
from werkzeug.wrappers import Response as BaseResponse

from publisher import describe
from publisher.pages.description import labels
from publisher.rdf import formats, namespaces
from publisher.rdf.formats import Format
from publisher.store.errors import QueryError
from publisher.store.execute import execute
from publisher.store.results import QueryResult, serialize_triples
from publisher.store.writers import write_answer
from publisher.web import responses
from publisher.web.current import get_store, served
from publisher.web.limits import remaining
from publisher.web.pages import query_page
from publisher.web.protocol import Operation, parse_request
from publisher.web.service import service_description

bp = Blueprint("sparql", __name__)
PREBUFFER = 1024 * 1024  # answers up to this size are sent whole, with their headers

CANDIDATES = {
    "solutions": formats.SOLUTION_FORMATS,
    "boolean": formats.BOOLEAN_FORMATS,
    "graph": formats.DESCRIPTION_FORMATS,
}


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> BaseResponse:
    operation = parse_request()
    query = operation.query
    if query is None:
        return _service_description()
    config = current_app.config
    ticket = current_app.extensions["quota"].begin(request.remote_addr or "unknown")
    try:
        response = _run(query, operation, config)
    except BaseException:
        ticket.end()
        raise
    if response.is_streamed:
        response.call_on_close(ticket.end)  # the slot is held until the answer is sent
    else:
        ticket.end()
    return response


def _run(query: str, operation: Operation, config: Config) -> Response:
    result = execute(
        get_store(),
        query,
        default_graph_uris=operation.default_graph_uris,
        named_graph_uris=operation.named_graph_uris,
        known_graphs=set(served().graphs),
        max_length=config["MAX_QUERY_LENGTH"],
        row_cap=config["ROW_CAP"],
        byte_cap=config["ANSWER_BYTES"],
        timeout=remaining(config["QUERY_TIMEOUT"]),
        base_iri=config["BASE_IRI"] + "sparql",  # the endpoint, as SPARQL 1.1 Protocol suggests
        max_depth=config["MAX_QUERY_DEPTH"],
        max_nodes=config["MAX_QUERY_NODES"],
        prefixes=namespaces.prefixes(config["BASE_IRI"]),  # usable undeclared, as on WDQS
    )
    fmt = responses.choose(CANDIDATES[result.kind])
    if fmt is formats.HTML:
        body: bytes | str | Iterator[bytes] = query_page(
            query, result=result, labels=_labels(result)
        )
    else:
        body = _answer(result, fmt, namespaces.prefixes(config["BASE_IRI"]))
    response = current_app.response_class(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    if result.cut is not None and not isinstance(body, Iterator):
        unit = "rows" if result.kind == "solutions" else "triples"
        response.headers["SPARQL-Results-Truncated"] = result.cut.describe(unit)
    if request.method in ("GET", "HEAD"):
        # Weak: a store may order unordered results differently from one process to another.
        response = responses.finish(response, responses.etag(fmt.key), negotiated=True, weak=True)
        if not response.is_streamed:  # a streamed answer would be read whole to measure it
            response.make_conditional(request)
    return response


def _answer(result: QueryResult, fmt: Format, prefixes: dict[str, str]) -> bytes | Iterator[bytes]:
    """The answer in `fmt`: whole when it ends within PREBUFFER bytes (then a cut is said in a
    header too), else a stream, so that no large answer is held in this process; a cut is then
    said at the end of the body, where the format has comments."""
    pieces = write_answer(result, fmt, prefixes)
    held: list[bytes] = []
    size = 0
    for piece in pieces:
        held.append(piece)
        size += len(piece)
        if size >= PREBUFFER:
            return stream_with_context(_stream(held, pieces))
    return b"".join(held)


def _stream(held: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    """What was held, then the rest as it comes; a failure past this point (the time limit,
    a store that breaks off) can only end the body early, so it is logged."""
    yield from held
    try:
        yield from rest
    except QueryError as error:
        current_app.logger.warning("an answer was cut short while streaming: %s", error)


def _service_description() -> BaseResponse:
    fmt = responses.choose(formats.DESCRIPTION_FORMATS)
    if fmt is formats.HTML:
        body: bytes | str = query_page("")
    else:
        base = current_app.config["BASE_IRI"]
        triples = service_description(base + "sparql", base + "id/dataset", served().graphs)
        body = serialize_triples(triples, fmt, namespaces.prefixes(base))
    response = current_app.response_class(body, content_type=fmt.content_type)
    response = responses.finish(response, responses.etag(fmt.key), negotiated=True)
    return response.make_conditional(request)


def _labels(result: QueryResult) -> dict[str, list[ox.Literal]]:
    """Labels of the IRIs in a result, so that the HTML table reads as names."""
    if result.kind == "solutions":
        terms = [t for row in result.rows for t in row]
    else:
        terms = [t for triple in result.triples for t in (triple.subject, triple.object)]
    iris = sorted({t.value for t in terms if isinstance(t, ox.NamedNode)})
    return labels(describe.labels_for(get_store(), iris[:500]))

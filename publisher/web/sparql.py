"""The SPARQL 1.1 Protocol endpoint at `B sparql` (read-only).

Without a query, GET answers the Service Description (Turtle for RDF clients, the query page
for browsers). With one, SELECT and ASK answer JSON (the default), XML, CSV, TSV or an HTML
table; CONSTRUCT and DESCRIBE any RDF format or HTML.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pyoxigraph as ox
from flask import Blueprint, Config, Response, current_app, g, request, stream_with_context
from werkzeug.exceptions import BadRequest
from werkzeug.wrappers import Response as BaseResponse

from publisher import describe
from publisher.pages.description import labels
from publisher.pages.query_problem import explain
from publisher.rdf import formats, namespaces
from publisher.rdf.formats import Format
from publisher.store import guard
from publisher.store.errors import QueryError, QueryRefused
from publisher.store.execute import execute
from publisher.store.results import QueryResult
from publisher.store.writers import write_answer
from publisher.web import jsonld, negotiation, responses
from publisher.web.current import get_store, served
from publisher.web.limits import remaining
from publisher.web.pages import chosen_view, draw_view, query_page
from publisher.web.protocol import Operation, parse_request
from publisher.web.service import Limits, service_description

bp = Blueprint("sparql", __name__)
PREBUFFER = 1024 * 1024  # answers up to this size are sent whole, with their headers

KINDS = {"solutions": "SELECT result", "boolean": "ASK result", "graph": "graph"}
DOWNLOADABLE = (*formats.SOLUTION_FORMATS, *formats.RDF_FORMATS)
SVG = Format("svg", "SVG", "image/svg+xml", "svg", "image")
CANDIDATES = {
    "solutions": formats.SOLUTION_FORMATS,
    "boolean": formats.BOOLEAN_FORMATS,
    "graph": formats.DESCRIPTION_FORMATS,
}


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> BaseResponse:
    operation = parse_request()
    query = operation.query
    fixed = _format_parameter()
    page = fixed is formats.HTML or (fixed is None and _wants_page())
    if query is None or (page and not query.strip()):
        return _service_description()
    config = current_app.config
    try:
        ticket = current_app.extensions["quota"].begin(request.remote_addr or "unknown")
    except QueryError as error:
        if page:
            return _problem_page(query, error)
        raise
    try:
        response = _run(query, operation, config, fixed)
    except QueryError as error:
        ticket.end()
        if page:
            return _problem_page(query, error)
        raise
    except BaseException:
        ticket.end()
        raise
    if response.is_streamed:
        response.call_on_close(ticket.end)  # the slot is held until the answer is sent
    else:
        ticket.end()
    return response


def _format_parameter() -> Format | None:
    """The format named by `format=` (a key such as csv, json, turtle, or a suffix such as
    ttl): how the query page's download links ask for a format without an Accept header."""
    name = request.args.get("format", "").lower()
    if not name:
        return None
    for fmt in DOWNLOADABLE:
        if name in (fmt.key, fmt.suffix):
            return fmt
    if name == "svg":
        return SVG
    choices = ", ".join(sorted({f.key for f in DOWNLOADABLE} | {"svg"}))
    raise BadRequest(f"format={name!r} is not a format of this endpoint; it takes {choices}")


def _wants_page() -> bool:
    """Whether the client wants the query page (a browser) rather than results."""
    chosen = negotiation.negotiate(request.headers.get("Accept"), formats.SOLUTION_FORMATS)
    return chosen is formats.HTML


def _problem_page(query: str, error: QueryError) -> Response:
    """The query page with the query kept in the editor and what is wrong with it, with the
    error's status (and Retry-After when the service is only busy)."""
    problem = explain(error, query, _normalised(query))
    body = query_page(query, problem=problem)
    response = current_app.response_class(
        body, status=error.status, content_type=formats.HTML.content_type
    )
    retry = getattr(error, "retry_after", None)
    if retry:
        response.headers["Retry-After"] = str(retry)
    return response


def _normalised(query: str) -> str | None:
    """The text the store was given for `query` (the guard's), to place its syntax errors."""
    config = current_app.config
    try:
        return guard.check(
            query,
            base_iri=config["BASE_IRI"] + "sparql",
            prefixes=namespaces.query_prefixes(config["BASE_IRI"]),
        ).text
    except QueryError:
        return None


def _run(query: str, operation: Operation, config: Config, fixed: Format | None) -> Response:
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
        prefixes=namespaces.query_prefixes(config["BASE_IRI"]),  # usable undeclared, as on WDQS
    )
    if fixed is SVG:
        return _view_picture(query, result)
    if fixed is not None and fixed not in CANDIDATES[result.kind]:
        raise QueryRefused(
            f"a {KINDS[result.kind]} cannot be written as {fixed.label}; it can be: "
            + ", ".join(f.key for f in CANDIDATES[result.kind] if f is not formats.HTML)
        )
    fmt = responses.choose(CANDIDATES[result.kind], fixed)
    if fmt is formats.HTML:
        body: bytes | str | Iterator[bytes] = query_page(
            query, result=result, labels=_labels(result), took=time.monotonic() - g.started
        )
    else:
        body = _answer(result, fmt, namespaces.prefixes(config["BASE_IRI"]))
    response = current_app.response_class(body, content_type=fmt.content_type)
    response.vary.add("Accept")
    if fixed is not None and fixed is not formats.HTML:
        name = f"query-result.{fixed.key if fixed.kind == 'results' else fixed.suffix}"
        response.headers.set("Content-Disposition", "attachment", filename=name)
    if result.cut is not None and not isinstance(body, Iterator):
        unit = "rows" if result.kind == "solutions" else "triples"
        response.headers["SPARQL-Results-Truncated"] = result.cut.describe(unit)
    if request.method in ("GET", "HEAD"):
        # Weak: a store may order unordered results differently from one process to another.
        response = responses.finish(response, responses.etag(fmt.key), negotiated=True, weak=True)
        if not response.is_streamed:  # a streamed answer would be read whole to measure it
            response.make_conditional(request)
    return response


def _view_picture(query: str, result: QueryResult) -> Response:
    """The query page's view of a result (`view=`, else the query's `#defaultView:`), as an
    SVG file to download."""
    view = chosen_view(query)
    svg, why = draw_view(view if view != "Table" else "Timeline", result, _labels(result))
    if svg is None:
        raise QueryRefused(why or "this result has no picture")
    response = current_app.response_class(svg, content_type=SVG.content_type)
    response.headers.set("Content-Disposition", "attachment", filename=f"query-{view.lower()}.svg")
    response.vary.add("Accept")
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
        config = current_app.config
        triples = service_description(
            base + "sparql",
            base + "id/dataset",
            served().graphs,
            prefixes=namespaces.query_prefixes(base),
            limits=Limits(config["ROW_CAP"], config["ANSWER_BYTES"], config["QUERY_TIMEOUT"]),
        )
        body = jsonld.serialize_triples(triples, fmt, base)
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

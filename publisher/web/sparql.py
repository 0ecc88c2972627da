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
NARROWER = {formats.TURTLE: formats.N_TRIPLES, formats.TRIG: formats.N_QUADS}


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> BaseResponse:
    operation = parse_request()
    query = operation.query
    named = _format_names()
    page = _resolve(named, (formats.HTML,)) is formats.HTML or (not named and _wants_page())
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
        response = _run(query, operation, config, named)
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


def _format_names() -> list[str]:
    """The formats named by `format=` or `output=`, in order: a key (csv, json, turtle), a
    suffix (ttl), another name (json-ld, rdf+xml) or a media type. The query page's download
    links name one; SPARQL clients name several (SPARQLWrapper sends its name and the media
    type). None of them known is a bad request, said before the query runs."""
    names = [
        name.strip().lower()
        for key in ("format", "output")
        for name in request.args.getlist(key)
        if name.strip()
    ]
    if names and _resolve(names, (*DOWNLOADABLE, SVG)) is None:
        choices = ", ".join(sorted({f.key for f in DOWNLOADABLE} | {"svg"}))
        raise BadRequest(
            f"format={names[0]!r} is not a format of this endpoint; it takes {choices}"
            " (or their media types)"
        )
    return names


def _resolve(names: list[str], candidates: tuple[Format, ...]) -> Format | None:
    """The first of `names` that a candidate answers to. Candidates are read for one kind of
    answer, so that `xml` is SPARQL XML for a SELECT and RDF/XML for a CONSTRUCT."""
    for name in names:
        for fmt in candidates:
            if fmt.is_named(name):
                return fmt
    return None


def _fixed(named: list[str], kind: str) -> Format | None:
    """The format `named` asks for an answer of this kind; None when nothing is named."""
    if not named:
        return None
    fixed = _resolve(named, (*CANDIDATES[kind], SVG))
    if fixed is None:
        other = _resolve(named, DOWNLOADABLE)
        raise QueryRefused(
            f"a {KINDS[kind]} cannot be written as {other.label if other else named[0]}; it can be: "
            + ", ".join(f.key for f in CANDIDATES[kind] if f is not formats.HTML)
        )
    # N-Triples is Turtle and N-Quads is TriG: a client that names Turtle and asks for
    # N-Triples in its Accept header (SPARQLWrapper has no name for N-Triples) gets N-Triples,
    # which is both. Equal preferences keep the named format.
    narrower = NARROWER.get(fixed)
    if narrower is not None:
        accept = request.headers.get("Accept")
        return negotiation.negotiate(accept, (fixed, narrower)) or fixed
    return fixed


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


def _run(query: str, operation: Operation, config: Config, named: list[str]) -> Response:
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
        results_format=_solutions_format(named),
    )
    fixed = _fixed(named, result.kind)
    if fixed is SVG:
        return _view_picture(query, result)
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
        name = f"query-result.{fmt.key if fmt.kind == 'results' else fmt.suffix}"
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


def _solutions_format(named: list[str]) -> Format | None:
    """The format solutions will be written in, known before the query runs (so that a store
    may answer in it: store/passthrough.py); None when it cannot be told or is not one."""
    if named:
        return _resolve(named, CANDIDATES["solutions"])
    return negotiation.negotiate(request.headers.get("Accept"), CANDIDATES["solutions"])


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

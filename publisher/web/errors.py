"""Error answers: a short text for programs, a helpful page for people, never a traceback."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import urlencode

from flask import Flask, Response, current_app, render_template, request, url_for
from werkzeug.datastructures import Headers
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.wrappers import Response as BaseResponse

from publisher.errors import PublisherError
from publisher.rdf import formats, namespaces
from publisher.store.errors import QueryError
from publisher.web import negotiation

SEARCH = (
    namespaces.sparql_prefixes(("rdfs", "skos", "dcterms"))
    + """SELECT DISTINCT ?thing ?label WHERE {{
  ?thing rdfs:label|skos:prefLabel|dcterms:title ?label .
  FILTER(CONTAINS(LCASE(STR(?label)), LCASE({term})))
}} LIMIT 50"""
)


def init_app(app: Flask) -> None:
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(QueryError, _query_error)
    app.register_error_handler(PublisherError, _unexpected)
    app.register_error_handler(Exception, _unexpected)


def _http_error(error: HTTPException) -> BaseResponse:
    response = error.get_response()  # keeps Allow (405), Location (308) and the like
    if error.code is None or error.code < 400:
        return response  # routing redirects (/download -> /download/) are not errors
    return _answer(error.code or 500, error.name, error.description or "", response.headers)


def _query_error(error: QueryError) -> Response:
    names = {400: "Bad Request", 403: "Forbidden", 429: "Too Many Requests"}
    names |= {500: "Internal Server Error", 503: "Service Unavailable"}
    names |= {502: "Bad Gateway", 504: "Gateway Timeout"}  # a remote store failed
    retry = getattr(error, "retry_after", None)
    headers = {"Retry-After": str(retry)} if retry else None
    return _answer(error.status, names.get(error.status, "Error"), str(error), headers)


def _unexpected(error: Exception) -> BaseResponse:
    if isinstance(error, HTTPException):
        return _http_error(error)
    current_app.logger.exception("unexpected error on %s %s", request.method, request.path)
    return _answer(
        500,
        InternalServerError().name,
        "The server failed to answer this request; the error has been logged.",
    )


def _answer(
    status: int, name: str, message: str, headers: Headers | Mapping[str, str] | None = None
) -> Response:
    kept = {k: v for k, v in (headers or {}).items() if k.lower() in ("allow", "retry-after")}
    # Programs talk to the endpoint, so its errors are text unless HTML is asked for; elsewhere
    # a page for people is the default, and a client asking only for data types gets text.
    endpoint = request.blueprint == "sparql" or request.path == "/sparql"
    order = (formats.PLAIN_TEXT, formats.HTML) if endpoint else (formats.HTML, formats.PLAIN_TEXT)
    if negotiation.negotiate(request.headers.get("Accept"), order) is formats.HTML:
        body = render_template(
            "error.html",
            status=status,
            name=name,
            message=message,
            search=_search_url() if status == 404 else None,
        )
        response = Response(body, status, content_type=formats.HTML.content_type, headers=kept)
    else:
        response = Response(
            f"{status} {name}: {message}\n",
            status,
            content_type="text/plain; charset=utf-8",
            headers=kept,
        )
    if status == 406:
        response.vary.add("Accept")
    return response


def _search_url() -> str:
    """A SPARQL search for the last word of the missing path, among labels and titles."""
    word = request.path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0].replace("-", " ")
    if not word:
        return ""
    word = "".join(c for c in word if c.isprintable())
    term = '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return url_for("sparql.endpoint") + "?" + urlencode({"query": SEARCH.format(term=term)})

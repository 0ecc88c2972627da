"""Dereferencing: things answer 303 to their description, descriptions and graphs by conneg.

`B id/...` and `B def/...` name things: 303 See Other to `B doc/<same path>`. The description
there is negotiated (Turtle, JSON-LD, N-Triples, RDF/XML, TriG, N-Quads, HTML) or chosen by a
suffix (`.ttl`, `.jsonld`, ...). Named graphs `B graph/...` answer with their content.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from urllib.parse import quote

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from publisher import describe as describing
from publisher.describe.queries import iri_term
from publisher.pages.description import blocks, description_page, labels
from publisher.rdf import formats
from publisher.rdf.formats import Format
from publisher.web import browse, jsonld, params, responses
from publisher.web.current import Answer, get_store, served
from publisher.web.limits import QUERY_SAFE

bp = Blueprint("resources", __name__)

MAX_PAGE = 1_000_000  # pages of claims and backlinks of one description


@bp.route("/id/<path:rest>", defaults={"space": "id"})
@bp.route("/def/<path:rest>", defaults={"space": "def"})
def thing(space: str, rest: str) -> BaseResponse:
    """303 See Other from a thing to its description."""
    path, fmt = _resolve(f"{space}/{rest}", _known)
    target = url_for("resources.document", rest=path + (f".{fmt.suffix}" if fmt else ""))
    if request.query_string:  # ?page=2 and the like are the description's, so they go along
        target += "?" + quote(request.query_string, safe=QUERY_SAFE)
    return responses.keep(redirect(target, code=303))


@bp.route("/doc/<path:rest>")
def document(rest: str) -> Response:
    """The description of a thing, one page of it, in the negotiated or suffixed format."""
    if not rest.startswith(("id/", "def/")):
        abort(404)
    path, fixed = _resolve(rest, _known)
    page = _page()
    fmt = responses.choose(formats.DESCRIPTION_FORMATS, fixed)
    tag = responses.etag(fmt.key)
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    view = request.args.get("view")
    key = ("doc", request.script_root, path, page, _page_given(), view, fmt.key, fixed is None)
    body, headers = served().rendered.get(
        key,
        lambda: _described(
            _render(path, page, view, fmt, fixed), "resources.document", path, fmt, fixed
        ),
    )
    return _answer(body, fmt, tag, fixed, headers)


def _render(path: str, page: int, view: str | None, fmt: Format, fixed: Format | None) -> Answer:
    """The body of a description and its paging links (kept per release: web/rendered.py)."""
    base = current_app.config["BASE_IRI"]
    if fmt is formats.HTML and page == 1 and view != "statements":
        # Documents, claims and actors have pages made for reading (web/browse.py).
        rich = browse.rich_page(base + path, path)
        if rich is not None:
            return rich, []
    found = describing.describe(
        get_store(),
        base + path,
        base=base,
        page=page,
        page_size=current_app.config["PAGE_SIZE"],
        labels=served().labels,
    )
    if page > 1 and not (found.claims or found.backlinks):
        abort(404, description=f"The description of <{base + path}> has no page {page}.")
    links = [
        (rel, _page_url(path, number, fixed))
        for rel, number in (("prev", page - 1), ("next", page + 1 if found.has_next else 0))
        if number
    ]
    if fmt is formats.HTML:
        body: bytes | str = render_template(
            "resource.html",
            description=found,
            page=description_page(found, base),
            alternates=_alternates("resources.document", path, fmt),
            links=dict(links),
        )
    else:
        body = jsonld.serialize_quads(found.quads, fmt, base)
    return body, links


@bp.route("/" + jsonld.CONTEXT_PATH)
def context() -> Response:
    """The JSON-LD context every JSON-LD answer of this server names: the prefix table."""
    body = jsonld.context_document(current_app.config["BASE_IRI"])
    response = current_app.response_class(body, content_type=formats.JSON_LD.content_type)
    response.set_etag(hashlib.sha256(body).hexdigest()[:40])
    # It changes only with the base or the prefix table, not with a release.
    responses.keep(response, responses.PAGE_MAX_AGE).make_conditional(request)
    return response


@bp.route("/graph/<path:rest>")
def graph(rest: str) -> Response:
    """A named graph's content (no 303: the graph IRI names the content itself)."""
    path, fixed = _resolve(f"graph/{rest}", _is_graph)
    iri = current_app.config["BASE_IRI"] + path
    fmt = responses.choose(formats.DESCRIPTION_FORMATS, fixed)
    tag = responses.etag(fmt.key)
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    key = ("graph", request.script_root, path, _page_given(), fmt.key, fixed is None)
    body, headers = served().rendered.get(
        key,
        lambda: _described(
            _render_graph(iri, path, fmt), "resources.graph", path[len("graph/") :], fmt, fixed
        ),
    )
    return _answer(body, fmt, tag, fixed, headers)


def _render_graph(iri: str, path: str, fmt: Format) -> Answer:
    quads = describing.graph_quads(get_store(), iri)
    if fmt is formats.HTML:
        body: bytes | str = render_template(
            "triples.html",
            title=iri,
            iri=iri,
            blocks=blocks(quads).values(),
            labels=labels(quads),
            alternates=_alternates("resources.graph", path[len("graph/") :], fmt),
        )
    else:
        body = jsonld.serialize_quads(quads, fmt, current_app.config["BASE_IRI"])
    return body, []


def _resolve(path: str, known: Callable[[str], bool]) -> tuple[str, Format | None]:
    """The IRI path and the format its suffix asks for; 404 unless the store knows the IRI."""
    base = current_app.config["BASE_IRI"]
    stem, dot, suffix = path.rpartition(".")
    fmt = formats.by_suffix(suffix) if dot else None
    if fmt is not None and _valid(base + stem) and known(base + stem):
        return stem, fmt
    if _valid(base + path) and known(base + path):
        return path, None
    abort(404, description=f"This dataset has nothing named <{base + path}>.")


def _valid(iri: str) -> bool:
    try:
        iri_term(iri)
        return True
    except ValueError:
        return False


def _known(iri: str) -> bool:
    return served().names.get(("thing", iri), lambda: describing.exists(get_store(), iri))


def _is_graph(iri: str) -> bool:
    return served().names.get(("graph", iri), lambda: describing.is_graph(get_store(), iri))


def _page() -> int:
    return params.number("page", 1, MAX_PAGE) or 1


def _page_given() -> str | None:
    """The page parameter as given (the URLs of the answer's headers keep it so)."""
    return request.args.get("page")


def _page_url(path: str, page: int, fmt: Format | None) -> str:
    rest = path + (f".{fmt.suffix}" if fmt else "")
    return url_for("resources.document", rest=rest, page=page if page > 1 else None)


def _alternates(endpoint: str, rest: str, chosen: Format) -> list[tuple[Format, str]]:
    """Every other format of the same resource, by its suffix URL (keeping the page)."""
    page = _page_given()
    return [
        (f, url_for(endpoint, rest=f"{rest}.{f.suffix}", page=page))
        for f in formats.DESCRIPTION_FORMATS
        if f is not chosen
    ]


def _described(
    answer: Answer, endpoint: str, rest: str, fmt: Format, fixed: Format | None
) -> Answer:
    """A rendered body with the headers that describe it (Content-Location, Link to its other
    formats and pages), kept with it: making their eight URLs took a fifth of the time of
    answering with a kept description."""
    body, links = answer
    location = url_for(endpoint, rest=f"{rest}.{fmt.suffix}", page=_page_given())
    headers = responses.described_by(
        negotiated=fixed is None,
        location=location,
        alternates=_alternates(endpoint, rest, fmt),
        links=links,
    )
    return body, headers


def _answer(
    body: bytes | str, fmt: Format, tag: str, fixed: Format | None, headers: list[tuple[str, str]]
) -> Response:
    response = current_app.response_class(body, content_type=fmt.content_type)
    return responses.finish(response, tag, negotiated=fixed is None, headers=headers)

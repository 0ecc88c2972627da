"""Pages to look at rather than query: the funding chart and the relation network (HTML with
the picture inline, and the picture alone as SVG), and the document, claim and actor pages that
browsers get as the HTML description of those things (see `rich_page`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for

from publisher.pages.actor import actor_page
from publisher.pages.claim import claim_page
from publisher.pages.document import document_page
from publisher.pages.funding import Funding, funding
from publisher.pages.network import Edge, Network, network, relation_types
from publisher.pages.svg.funding_chart import funding_svg
from publisher.pages.svg.network_graph import network_svg
from publisher.rdf import formats
from publisher.rdf.formats import Format
from publisher.web import params, responses
from publisher.web.current import get_store
from publisher.web.html import href

bp = Blueprint("browse", __name__)

SVG_TYPE = "image/svg+xml"
YEARS = range(1, 10000)


@bp.app_template_global()
def sparql_link(query: str) -> str:
    """The endpoint's address running `query` (browsers get the query page with its table)."""
    return url_for("sparql.endpoint") + "?" + urlencode({"query": query})


@bp.route("/funding")
def funding_page() -> Response:
    """Every funding figure: the chart, then the same figures as a table."""
    return _html(lambda: render_template("funding.html", data=_funding(), svg=_funding_svg))


@bp.route("/funding.svg")
def funding_chart() -> Response:
    """The funding chart alone, to download or embed; its marks link to the claims' IRIs."""
    return _svg(lambda: funding_svg(_funding(), link=lambda iri: iri))


@bp.route("/network")
def network_page() -> Response:
    """The relation network with its filter form and its edges as a table."""
    net = _network()
    return _html(
        lambda: render_template(
            "network.html",
            net=net,
            svg=network_svg(net, href, lambda edge: _edge_link(net, edge)),
            svg_url=url_for("browse.network_chart", **_filter_args()),
        )
    )


@bp.route("/network.svg")
def network_chart() -> Response:
    """The network alone as SVG, with the same filter parameters as the page."""
    net = _network()
    return _svg(lambda: network_svg(net, lambda iri: iri, lambda edge: _edge_link(net, edge)))


@bp.route("/favicon.ico")
def favicon() -> Response:
    """The site's icon, for browsers that ask for it where no page names it (an SVG file)."""
    return current_app.send_static_file("favicon.svg")


def rich_page(iri: str, path: str) -> str | None:
    """The HTML page of a document, claim or actor; None for anything else (the generic
    description page answers then)."""
    base = current_app.config["BASE_IRI"]
    store = get_store()
    kind = iri[len(base) :].split("/")[1] if iri.startswith(base + "id/") else None
    common = {"alternates": _alternates(path), "statements": _statements_url(path)}
    if kind == "document":
        document = document_page(store, base, iri, href)
        return render_template("document.html", page=document, **common) if document else None
    if kind == "claim":
        claim = claim_page(store, base, iri)
        return render_template("claim.html", page=claim, **common) if claim else None
    if kind == "actor":
        actor = actor_page(store, base, iri)
        return render_template("actor.html", page=actor, **common) if actor else None
    return None


def _funding() -> Funding:
    return funding(get_store(), current_app.config["BASE_IRI"])


def _funding_svg(data: Funding) -> str:
    return funding_svg(data, link=href)


def _network() -> Network:
    """The network for the request's filter; 400 naming the parameter when it is wrong."""
    base = current_app.config["BASE_IRI"]
    known = {iri[len(base + "def/relation/") :] for iri in relation_types(get_store(), base)}
    chosen = [r for r in request.args.getlist("relation") if r]
    unknown = [r for r in chosen if r not in known]
    if unknown:
        abort(400, description=f"relation={unknown[0]!r} is not a relation type; known types: "
              + ", ".join(sorted(known)))  # fmt: skip
    first, last = _year("from"), _year("to")
    if first is not None and last is not None and first > last:
        abort(400, description=f"from={first} is after to={last}: the period is empty")
    return network(get_store(), base, chosen, first, last)


def _year(name: str) -> int | None:
    """A year of the filter (an empty field of the form: none)."""
    return params.number(name, YEARS.start, YEARS.stop - 1, blank_is_absent=True)


def _filter_args() -> dict[str, Any]:
    """The filter's parameters with all their values, for `url_for(**...)`: typed Any, since
    a `**` mapping is checked against url_for's own `_external`, `_anchor`, ... as well."""
    return {k: request.args.getlist(k) for k in ("relation", "from", "to") if request.args.get(k)}


def _edge_link(net: Network, edge: Edge) -> str:
    return sparql_link(net.edge_query(edge, current_app.config["BASE_IRI"]))


def _alternates(path: str) -> list[tuple[Format, str]]:
    return [
        (f, url_for("resources.document", rest=f"{path}.{f.suffix}"))
        for f in formats.DESCRIPTION_FORMATS
        if f is not formats.HTML
    ]


def _statements_url(path: str) -> str:
    return url_for("resources.document", rest=f"{path}.html", view="statements")


def _html(render: Callable[[], str]) -> Response:
    tag = responses.etag("html")
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    response = current_app.response_class(render(), content_type=formats.HTML.content_type)
    return responses.finish(response, tag)


def _svg(render: Callable[[], str]) -> Response:
    tag = responses.etag("svg")
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    response = current_app.response_class(render(), content_type=SVG_TYPE + "; charset=utf-8")
    name = request.path.rsplit("/", 1)[-1]
    response.headers["Content-Disposition"] = f'inline; filename="{name}"'
    return responses.finish(response, tag)

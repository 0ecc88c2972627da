"""Pages for people: the home page (what is here, how big) and the query page."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pyoxigraph as ox
from flask import Blueprint, Response, current_app, g, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from publisher.pages import result_views
from publisher.pages.completions import completions
from publisher.pages.description import Block, blocks
from publisher.pages.home import home as overview
from publisher.pages.query_problem import QueryProblem
from publisher.pages.svg.result_views import bar_chart_svg, graph_svg, timeline_svg
from publisher.rdf import formats, namespaces
from publisher.store.results import QueryResult
from publisher.web import assets, responses
from publisher.web.current import get_store, served
from publisher.web.examples import VIEWS, default_view, read_examples
from publisher.web.html import href
from publisher.web.limits import QUERY_SAFE

bp = Blueprint("pages", __name__)

LISTS = {
    "actors": ("Actors", "sup:Actor"),
    "documents": ("Documents", "sup:Document"),
    "claims": ("Claims", "sup:Claim"),
}
VIEW_NAMES = {"Table": "Table", "Timeline": "Timeline", "BarChart": "Bar chart", "Graph": "Graph"}
RESULT_DOWNLOADS = (
    formats.RESULTS_JSON,
    formats.RESULTS_XML,
    formats.RESULTS_CSV,
    formats.RESULTS_TSV,
)
LIST_QUERY = """{prefixes}SELECT ?item (SAMPLE(?name) AS ?label) WHERE {{
  ?item a ?class . ?class rdfs:subClassOf* {cls} .
  OPTIONAL {{ ?item rdfs:label|dcterms:title ?name }}
}} GROUP BY ?item ORDER BY ?item"""


@bp.app_context_processor
def base_note() -> dict[str, str | None]:
    """A line for every page's footer when the IRIs served do not dereference on this server:
    the release was minted under another base, or the base names another port than the one
    `publisher serve` listens on."""
    config = current_app.config
    base = config["BASE_IRI"]
    minted = served().release.base
    if minted and minted != base:
        return {
            "base_note": f"This release was minted under {minted}, not under {base}, the base "
            "this server serves: its IRIs do not dereference here. Build the release for this "
            "base (make run does)."
        }
    at = config.get("SERVED_AT")
    if (
        at
        and urlsplit(at).port != (urlsplit(base).port or 80)
        and urlsplit(base).hostname
        in (
            "127.0.0.1",
            "localhost",
        )
    ):
        return {
            "base_note": f"The IRIs of this release are under {base}, but this server answers "
            f"at {at}: they lead to another server. Run it with a release built for {at} "
            f"(make run PORT={urlsplit(at).port})."
        }
    return {"base_note": None}


@bp.route("/")
def home() -> Response:
    tag = responses.etag("html")
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    state = served()
    base = current_app.config["BASE_IRI"]
    lists = {
        key: (
            title,
            _query_url(
                LIST_QUERY.format(
                    prefixes=namespaces.sparql_prefixes(("sup", "rdfs", "dcterms"), base), cls=cls
                )
            ),
        )
        for key, (title, cls) in LISTS.items()
    }
    body = render_template(
        "home.html",
        release=state.release,
        graphs=state.graphs,
        counts=state.counts,
        triples=sum(state.graphs.values()),
        lists=lists,
        base=base,
        overview=overview(state.store, base, state.release),
    )
    response = current_app.response_class(body, content_type=formats.HTML.content_type)
    return responses.finish(response, tag)


@bp.route("/query")
def query() -> BaseResponse:
    """The query page with an empty editor (the same page the endpoint gives browsers); with a
    query, the endpoint's address running it."""
    if request.query_string:
        return redirect(
            url_for("sparql.endpoint") + "?" + quote(request.query_string, safe=QUERY_SAFE), 303
        )
    tag = responses.etag("html", assets.available())
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    response = current_app.response_class(query_page(""), content_type=formats.HTML.content_type)
    return responses.finish(response, tag)


@bp.route("/query/completions.json")
def completions_json() -> Response:
    """What the query editor completes: prefixes, classes, properties, actors (per release)."""
    tag = responses.etag("json")
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    base = current_app.config["BASE_IRI"]
    data = served().remember("completions", lambda: completions(get_store(), base))
    body = json.dumps(data, ensure_ascii=False)
    response = current_app.response_class(body, content_type=formats.PLAIN_JSON.content_type)
    return responses.finish(response, tag)


def query_page(
    text: str,
    *,
    result: QueryResult | None = None,
    labels: dict[str, list[ox.Literal]] | None = None,
    problem: QueryProblem | None = None,
    took: float | None = None,
) -> str:
    """The query page: the editor holding `text`, the example queries and, when given, a
    result in the view asked for (`view`, else the query's `#defaultView:`), or the problem
    that kept the query from running."""
    base = current_app.config["BASE_IRI"]
    folder = Path(current_app.config["HOME"]) / "queries"
    triples = blocks_of(result) if result is not None and result.kind == "graph" else []
    view = chosen_view(text)
    drawn = (
        draw_view(view, result, labels or {}) if result is not None and view != "Table" else None
    )
    g.scripts = assets.available()  # the page's policy lets this server's scripts run
    return render_template(
        "query.html",
        query=text,
        result=result,
        labels=labels or {},
        problem=problem,
        examples=read_examples(folder, base),
        graph_blocks=triples,
        run=_query_url,
        view=view,
        views=VIEWS,
        drawn=drawn,
        downloads=downloads(text, result) if result is not None else [],
        took=took,
        editor=assets.available(),
        install_hint=assets.INSTALL_HINT,
        prefixes=namespaces.query_prefixes(base),
    )


def chosen_view(text: str) -> str:
    """The view asked for in the URL, else by the query's `#defaultView:` comment, else Table."""
    asked = request.args.get("view", "")
    found = next((v for v in VIEWS if v.lower() == asked.lower()), None)
    return found or default_view(text) or "Table"


def draw_view(
    view: str, result: QueryResult, labels: dict[str, list[ox.Literal]]
) -> tuple[str | None, str | None]:
    """The view as SVG, or why it cannot be drawn: (svg, None) or (None, reason)."""
    if result.kind != "solutions":
        return None, "views other than the table are for SELECT results"
    variables = list(result.variables)
    rows = [{v: row[v] for v in variables} for row in result.rows]
    found: object
    if view == "Timeline":
        found = result_views.timeline(variables, rows, labels)
        if isinstance(found, result_views.Timeline):
            return timeline_svg(found, href), None
    elif view == "BarChart":
        found = result_views.bar_chart(variables, rows, labels)
        if isinstance(found, result_views.BarChart):
            return bar_chart_svg(found, href), None
    else:
        found = result_views.result_graph(variables, rows, labels)
        if isinstance(found, result_views.ResultGraph):
            return graph_svg(found, href), None
    return None, f"This result has no {VIEW_NAMES[view].lower()}: {found}."


def downloads(text: str, result: QueryResult) -> list[tuple[str, str]]:
    """(label, URL) of the result in every format the endpoint writes for it."""
    candidates = RESULT_DOWNLOADS if result.kind != "graph" else formats.RDF_FORMATS
    return [(f.label, url_for("sparql.endpoint", query=text, format=f.key)) for f in candidates]


def blocks_of(result: QueryResult) -> list[Block]:
    """A CONSTRUCT or DESCRIBE result grouped by subject, for its HTML table."""
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in result.triples]
    return list(blocks(quads).values())


def _query_url(text: str) -> str:
    return url_for("sparql.endpoint") + "?" + urlencode({"query": text})

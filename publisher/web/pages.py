"""Pages for people: the home page (what is here, how big) and the query page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
from flask import Blueprint, current_app, render_template, url_for

from publisher.pages.description import Block, blocks
from publisher.pages.home import home as overview
from publisher.rdf import namespaces
from publisher.store.results import QueryResult
from publisher.web.current import served
from publisher.web.examples import read_examples

bp = Blueprint("pages", __name__)

LISTS = {
    "actors": ("Actors", "sup:Actor"),
    "documents": ("Documents", "sup:Document"),
    "claims": ("Claims", "sup:Claim"),
}
LIST_QUERY = """{prefixes}SELECT ?item (SAMPLE(?name) AS ?label) WHERE {{
  ?item a ?class . ?class rdfs:subClassOf* {cls} .
  OPTIONAL {{ ?item rdfs:label|dcterms:title ?name }}
}} GROUP BY ?item ORDER BY ?item"""


@bp.route("/")
def home() -> str:
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
    return render_template(
        "home.html",
        release=state.release,
        graphs=state.graphs,
        counts=state.counts,
        triples=sum(state.graphs.values()),
        lists=lists,
        base=base,
        overview=overview(state.store, base, state.release),
    )


@bp.route("/query")
def query() -> str:
    """The query form alone (the same page the endpoint gives browsers)."""
    return query_page("")


def query_page(
    text: str,
    *,
    result: QueryResult | None = None,
    labels: dict[str, list[ox.Literal]] | None = None,
) -> str:
    """The query form with `text`, the example queries and, when given, a result."""
    folder = Path(current_app.config["HOME"]) / "queries"
    triples = blocks_of(result) if result is not None and result.kind == "graph" else []
    return render_template(
        "query.html",
        query=text,
        result=result,
        labels=labels or {},
        examples=read_examples(folder),
        graph_blocks=triples,
        run=_query_url,
    )


def blocks_of(result: QueryResult) -> list[Block]:
    """A CONSTRUCT or DESCRIBE result grouped by subject, for its HTML table."""
    quads = [ox.Quad(t.subject, t.predicate, t.object) for t in result.triples]
    return list(blocks(quads).values())


def _query_url(text: str) -> str:
    return url_for("sparql.endpoint") + "?" + urlencode({"query": text})

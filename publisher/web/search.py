"""`/search?q=`: actors, documents and claims by name, alias, title, label or quoted words, in
English or Arabic, for people (HTML) and programs (JSON: `Accept: application/json`, or
`format=json`)."""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Response, abort, current_app, render_template, request

from publisher.pages.search import SearchIndex, as_json, prune
from publisher.pages.search import search as find
from publisher.rdf import formats
from publisher.web import negotiation, responses
from publisher.web.current import get_store, served

bp = Blueprint("search", __name__)

MAX_LENGTH = 200
CANDIDATES = (formats.HTML, formats.PLAIN_JSON)


@bp.route("/search")
def search() -> Response:
    """The search box, and what matches `q` when given."""
    text = request.args.get("q", "").strip()
    if len(text) > MAX_LENGTH:
        abort(400, description=f"q is {len(text)} characters long; the limit is {MAX_LENGTH}")
    fmt = _format()
    tag = responses.etag(fmt.key)
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    base = current_app.config["BASE_IRI"]
    result = find(get_store(), base, text, index()) if text else None
    if fmt is formats.PLAIN_JSON:
        data = as_json(result, served().release.name) if result else {"query": "", "results": {}}
        body = json.dumps(data, ensure_ascii=False, indent=1)
    else:
        body = render_template("search.html", q=text, result=result)
    response = current_app.response_class(body, content_type=fmt.content_type)
    return responses.finish(response, tag, negotiated=not request.args.get("format"))


def index() -> SearchIndex:
    """The full-text index of the release served, built on first use and kept in the state
    folder under the release's id (so that every process of the server shares one file)."""
    state = served()
    folder = Path(current_app.config["STATE_DIR"]) / "search"
    name = state.release.name

    def opened() -> SearchIndex:
        found = SearchIndex.open(state.store, state.base, folder, name)
        prune(folder, keep=name)
        return found

    return state.remember("search-index", opened)


def _format() -> formats.Format:
    asked = request.args.get("format", "").lower()
    if asked == "json":
        return formats.PLAIN_JSON
    if asked in ("", "html"):
        chosen = negotiation.negotiate(request.headers.get("Accept"), CANDIDATES)
        return chosen or formats.HTML
    abort(400, description=f"format={asked!r}: this page answers html or json")

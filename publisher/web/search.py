"""`/search?q=`: actors, documents and claims by name, in English or Arabic."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, render_template, request

from publisher.pages.search import search as find
from publisher.rdf import formats
from publisher.web import responses
from publisher.web.current import get_store

bp = Blueprint("search", __name__)

MAX_LENGTH = 200


@bp.route("/search")
def search() -> Response:
    """The search box, and what matches `q` when given."""
    text = request.args.get("q", "").strip()
    if len(text) > MAX_LENGTH:
        abort(400, description=f"q is {len(text)} characters long; the limit is {MAX_LENGTH}")
    tag = responses.etag("html")
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    result = find(get_store(), current_app.config["BASE_IRI"], text) if text else None
    body = render_template("search.html", q=text, result=result)
    response = current_app.response_class(body, content_type=formats.HTML.content_type)
    return responses.finish(response, tag)

"""/quality: the release's data-quality measurements, as a page or as JSON (`/quality.json`,
or Accept: application/json)."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request
from werkzeug.wrappers import Response

from publisher.pages.quality import Quality, quality
from publisher.rdf import formats
from publisher.web import responses
from publisher.web.current import get_store

bp = Blueprint("quality", __name__)


@bp.route("/quality")
def page() -> Response:
    """The measurements and each document's coverage; JSON when the client prefers it."""
    best = request.accept_mimetypes.best_match(["text/html", "application/json"])
    if best == "application/json":
        return data()
    tag = responses.etag("html")
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    body = render_template("quality.html", data=_quality())
    response = current_app.response_class(body, content_type=formats.HTML.content_type)
    return responses.finish(response, tag, negotiated=True)


@bp.route("/quality.json")
def data() -> Response:
    """The same data for programs."""
    tag = responses.etag("json")
    if (cached := responses.not_modified(tag)) is not None:
        return cached
    response = jsonify(_quality().as_json())
    return responses.finish(response, tag, negotiated=request.path == "/quality")


def _quality() -> Quality:
    return quality(get_store(), current_app.config["BASE_IRI"])

"""Limits on what a client controls, checked before any view runs, and answers that never
trust the request's host. A query's time limit counts from the request's arrival (`remaining`).

Path length (414), header size (431), name=value pairs in the URL or a form (400), then the
canonical spelling of the path (publisher/paths.py): another spelling is redirected to it.
The body's size is bounded by MAX_CONTENT_LENGTH (413, in Flask). Every answer carries nosniff,
and a Location is always a path on this server: never built from Host or X-Forwarded-Host,
never `//elsewhere` (werkzeug's own redirects are made relative here).
"""

from __future__ import annotations

import time
from urllib.parse import quote, urlsplit

from flask import Flask, Response, current_app, g, redirect, request
from werkzeug.exceptions import BadRequest, RequestHeaderFieldsTooLarge, RequestURITooLarge
from werkzeug.wrappers import Response as BaseResponse

from publisher.rdf import paths

FORM = "application/x-www-form-urlencoded"
QUERY_SAFE = "%&=+/:@!$'()*,;?~-._"  # kept as sent; anything else is percent-encoded


def init_app(app: Flask) -> None:
    for name, kind in (
        ("MAX_PARAMETERS", int),
        ("MAX_PATH_LENGTH", int),
        ("MAX_HEADER_BYTES", int),
    ):
        app.config[name] = kind(app.config[name])
    app.before_request(_check)
    app.after_request(_harden)


def remaining(limit: float) -> float:
    """What is left of a time limit that began when the request came in."""
    started = g.get("started")
    spent = time.monotonic() - started if started is not None else 0.0
    return max(limit - spent, 0.001)


def _check() -> BaseResponse | None:
    g.started = time.monotonic()
    config = current_app.config
    path = request.path
    if len(path.encode("utf-8", "surrogatepass")) > config["MAX_PATH_LENGTH"]:
        raise RequestURITooLarge(
            f"The path is longer than {config['MAX_PATH_LENGTH']} bytes; no IRI here is that long."
        )
    size = sum(len(name) + len(value) + 4 for name, value in request.headers.items())
    if size > config["MAX_HEADER_BYTES"]:
        raise RequestHeaderFieldsTooLarge(
            f"The request headers take {size} bytes; the limit is {config['MAX_HEADER_BYTES']}."
        )
    _count_parameters(request.query_string, "the URL")
    if request.method == "POST" and request.mimetype == FORM:
        _count_parameters(request.get_data(), "the form body")  # 413 past MAX_CONTENT_LENGTH
    fixed = paths.canonical(path)
    if fixed != path:
        target = request.script_root + paths.location(fixed)
        if request.query_string:
            target += "?" + quote(request.query_string, safe=QUERY_SAFE)
        return redirect(target, 301 if request.method in ("GET", "HEAD") else 308)
    return None


def _count_parameters(raw: bytes, where: str) -> None:
    limit = current_app.config["MAX_PARAMETERS"]
    count = sum(1 for piece in raw.split(b"&") if piece)
    if count > limit:
        raise BadRequest(f"{where} has {count} name=value pairs; the limit is {limit}.")


def _harden(response: Response) -> Response:
    response.headers["X-Content-Type-Options"] = "nosniff"
    started = g.get("started")
    if started is not None:  # how long the server took, for clients and monitoring
        response.headers["Server-Timing"] = f"total;dur={1000 * (time.monotonic() - started):.1f}"
    location = response.headers.get("Location")
    if location:
        response.headers["Location"] = _local(location)
    return response


def _local(location: str) -> str:
    """The path (and query) of a Location: this server never sends a client elsewhere."""
    parts = urlsplit(location)
    if not (parts.scheme or parts.netloc or location.startswith(("//", "/\\", "\\"))):
        return location  # already relative to this server
    target = "/" + parts.path.lstrip("/\\")
    return target + (f"?{parts.query}" if parts.query else "")

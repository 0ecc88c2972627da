"""Headers every response carries (CORS) and mounting under the base IRI's path."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from flask import Flask, Response, request

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

# The pages use no script and nothing from elsewhere; say so, so that browsers enforce it.
PAGE_POLICY = {
    "Content-Security-Policy": "default-src 'self'; script-src 'none'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
}
CORS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Link, Content-Location, Location, Vary",
}
PREFLIGHT = {
    "Access-Control-Allow-Methods": "GET, HEAD, POST, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Content-Type, If-None-Match, If-Modified-Since, Range",
    "Access-Control-Max-Age": "86400",
}


def init_app(app: Flask) -> None:
    app.after_request(_headers)
    prefix = urlsplit(str(app.config["BASE_IRI"])).path.rstrip("/")
    if prefix:
        app.wsgi_app = PrefixMount(app.wsgi_app, prefix)  # type: ignore[method-assign]


def _headers(response: Response) -> Response:
    # The data is public and read-only, so any page may read it; no credentials are involved.
    response.headers.update(CORS)
    if request.method == "OPTIONS":
        response.headers.update(PREFLIGHT)
    if response.mimetype == "text/html":
        response.headers.update(PAGE_POLICY)
    return response


class PrefixMount:
    """Serves the app at the path of the base IRI (http://host/kg/ -> /kg/...), as SCRIPT_NAME.

    Behind a proxy that already sets SCRIPT_NAME, requests pass through untouched.
    """

    def __init__(self, wsgi_app: WSGIApplication, prefix: str) -> None:
        self.wsgi_app = wsgi_app
        self.prefix = prefix

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        path: str = environ.get("PATH_INFO", "")
        if not environ.get("SCRIPT_NAME") and (
            path == self.prefix or path.startswith(self.prefix + "/")
        ):
            environ["SCRIPT_NAME"] = self.prefix
            environ["PATH_INFO"] = path[len(self.prefix) :] or "/"
        return self.wsgi_app(environ, start_response)

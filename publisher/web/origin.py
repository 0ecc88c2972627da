"""The request's host is never trusted: every absolute URL the server writes is under BASE_IRI.

Pages and redirects are built from BASE_IRI or as paths; what is left to Flask and werkzeug
(`request.url`, `request.host_url`, `url_for(..., _external=True)`, the redirect of
`/download` to `/download/` and its body) reads the host from the WSGI environment. So before
the app sees a request, `PinnedOrigin` sets the host, port and scheme of its environment to
those of the base, and drops the X-Forwarded-Host, -Proto, -Port and -Prefix and Forwarded
headers: whatever Host a client sends, nothing it gets back names another host.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

UNTRUSTED = (
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_FORWARDED_PREFIX",
    "HTTP_X_FORWARDED_SERVER",
    "HTTP_FORWARDED",
)


class PinnedOrigin:
    """WSGI middleware: every request as if it came for the base IRI's scheme, host and port."""

    def __init__(self, wsgi_app: WSGIApplication, base: str) -> None:
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"BASE_IRI {base!r} is not an http(s) IRI with a host")
        self.wsgi_app = wsgi_app
        self.scheme = parts.scheme
        self.host = parts.netloc.rpartition("@")[2]  # no user information
        self.server_name = parts.hostname
        self.port = str(parts.port or (443 if parts.scheme == "https" else 80))

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        environ["HTTP_HOST"] = self.host
        environ["SERVER_NAME"] = self.server_name
        environ["SERVER_PORT"] = self.port
        environ["wsgi.url_scheme"] = self.scheme
        for name in UNTRUSTED:
            environ.pop(name, None)
        return self.wsgi_app(environ, start_response)

"""Writes only from the workbench's own pages: a token per session on every write, and a
same-origin request (Origin, else Referer, and Sec-Fetch-Site when the browser sends it).

A page on another site can make the browser send a POST here, cookies and all; it cannot read
the token (no CORS here), and its Origin and Sec-Fetch-Site give it away. The Host of every
request must be one the workbench was started on, so a name pointed at 127.0.0.1 by another
site (DNS rebinding) gets nothing, not even a page with the token.
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlsplit

from flask import Flask, Response, abort, jsonify, request, session

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
TOKEN_FIELD = "token"
TOKEN_HEADER = "X-Workbench-Token"


def token() -> str:
    """The session's token (made on first use)."""
    if "token" not in session:
        session["token"] = secrets.token_urlsafe(32)
    return str(session["token"])


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def refusal(app: Flask) -> str | None:
    """Why the current request may not go on, or None."""
    origins = {o.lower().rstrip("/") for o in app.config["ORIGINS"]}
    hosts = {urlsplit(o).netloc for o in origins}
    if request.host.lower() not in hosts:
        return f"unknown host {request.host!r}: the workbench answers only at {sorted(origins)}"
    if request.method not in WRITES:
        return None
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return f"a write from another site (Sec-Fetch-Site: {fetch_site})"
    origin = request.headers.get("Origin")
    if origin is not None:
        if origin.lower().rstrip("/") not in origins:
            return f"a write from another origin ({origin})"
    else:
        referer = request.headers.get("Referer")
        if referer is None or _origin_of(referer) not in origins:
            return "a write that does not say it comes from the workbench (no Origin or Referer)"
    sent = request.headers.get(TOKEN_HEADER) or request.form.get(TOKEN_FIELD) or ""
    expected = session.get("token")
    if not expected or not hmac.compare_digest(str(expected), sent):
        return "a write without this session's token: reload the page"
    return None


def init_app(app: Flask) -> None:
    @app.before_request
    def _guard() -> None:
        reason = refusal(app)
        if reason is not None:
            app.logger.warning("refused %s %s: %s", request.method, request.path, reason)
            if request.accept_mimetypes.best == "application/json" or request.is_json:
                abort(
                    Response(jsonify(refused=reason).get_data(), 403, mimetype="application/json")
                )
            abort(Response(f"refused: {reason}\n", 403, mimetype="text/plain"))

    @app.context_processor
    def _token() -> dict[str, str]:
        return {"token": token()}

    @app.after_request
    def _headers(response: Response) -> Response:
        # Its own scripts and styles only; no frame may hold its pages.
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

"""The application factory: settings, the release and its store, blueprints and hooks.

gunicorn runs it unchanged: `gunicorn -c deploy/gunicorn.conf.py 'publisher.web:create_app()'`,
settings coming from PUBLISHER_* environment variables (publisher/settings.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask
from flask_compress import Compress
from werkzeug.middleware.proxy_fix import ProxyFix

from publisher.errors import PublisherError
from publisher.rdf import formats
from publisher.settings import defaults
from publisher.web import (
    browse,
    downloads,
    errors,
    hooks,
    html,
    limits,
    pages,
    resources,
    search,
    sparql,
)
from publisher.web.current import load
from publisher.web.origin import PinnedOrigin
from publisher.web.quota import Quota, Shares

COMPRESSED = sorted(
    {f.media_type for f in formats.ALL_FORMATS}
    | {"text/css", "text/javascript", "application/json", "text/plain"}
)


def create_app(test_config: dict[str, object] | None = None) -> Flask:
    """The application factory: settings, then instance/config.py, then `test_config`."""
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(defaults())
    app.config.from_mapping(
        COMPRESS_MIMETYPES=COMPRESSED,
        COMPRESS_STREAMS=False,  # files are sent as they are, with Range; .gz files exist
        JSON_AS_ASCII=False,
    )
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
    else:
        app.config.from_mapping(test_config)
    _normalise(app.config)
    if app.config.get("DEBUG") and not app.config.get("TESTING"):
        # The debugger runs code sent from the browser, and debug pages show the source.
        raise PublisherError(
            "debug mode is on (DEBUG or FLASK_DEBUG); this server refuses to run in debug mode"
        )
    app.extensions["publisher"] = load(app.config, app.logger)
    app.extensions["quota"] = Quota(
        Path(app.config["STATE_DIR"]) / "queries.sqlite",
        Shares(
            budget=app.config["QUERY_BUDGET"],
            concurrent=app.config["QUERY_CONCURRENT"],
            slots=app.config["QUERY_SLOTS"],
            wait=app.config["QUERY_SLOT_WAIT"],
            lease=app.config["QUERY_TIMEOUT"] + 30,
        ),
    )
    if app.config["TRUSTED_PROXIES"]:
        # The client's address from X-Forwarded-For as the proxies in front set it; the host
        # is never taken from a header (absolute URLs come from BASE_IRI alone).
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=app.config["TRUSTED_PROXIES"], x_host=0)  # type: ignore[method-assign]
    Compress(app)
    _register(app)
    # Outermost: absolute URLs are the base's whatever Host the request names (web/origin.py).
    app.wsgi_app = PinnedOrigin(app.wsgi_app, app.config["BASE_IRI"])  # type: ignore[method-assign]
    return app


def _normalise(config: dict[str, Any]) -> None:
    """Types and paths of the settings, whatever mapping or environment they came from."""
    base = str(config["BASE_IRI"])
    config["BASE_IRI"] = base if base.endswith("/") else base + "/"
    release = Path(str(config["RELEASE_DIR"]))
    config["RELEASE_DIR"] = str(
        release if release.is_absolute() else Path(str(config["HOME"])) / release
    )
    state = Path(str(config["STATE_DIR"]))
    config["STATE_DIR"] = str(state if state.is_absolute() else Path(str(config["HOME"])) / state)
    for name, kind in (
        ("PAGE_SIZE", int),
        ("RENDER_CACHE_MB", int),
        ("ROW_CAP", int),
        ("ANSWER_BYTES", int),
        ("MAX_QUERY_LENGTH", int),
        ("QUERY_TIMEOUT", float),
        ("QUERY_WORKERS", int),
        ("QUERY_MEMORY", int),
        ("MAX_QUERY_DEPTH", int),
        ("MAX_QUERY_NODES", int),
        ("QUERY_BUDGET", float),
        ("QUERY_CONCURRENT", int),
        ("QUERY_SLOTS", int),
        ("QUERY_SLOT_WAIT", float),
        ("TRUSTED_PROXIES", int),
    ):
        config[name] = kind(config[name])
    # A percent-encoded UTF-8 character takes at most 12 bytes; a body past that is refused (413).
    if config.get("MAX_CONTENT_LENGTH") is None:
        config["MAX_CONTENT_LENGTH"] = 12 * config["MAX_QUERY_LENGTH"] + 65536


def _register(app: Flask) -> None:
    for module in (pages, sparql, downloads, resources, browse, search):
        app.register_blueprint(module.bp)
    for module in (errors, hooks, html, limits):
        module.init_app(app)

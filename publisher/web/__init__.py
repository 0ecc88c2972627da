"""The web application: `create_app()` serves the current release as linked data and SPARQL.

gunicorn runs it unchanged: `gunicorn 'publisher.web:create_app()' -w 4 -b 127.0.0.1:8080`,
settings coming from PUBLISHER_* environment variables (publisher/settings.py).
"""

from __future__ import annotations

import logging
import os
import threading
import weakref
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from flask import Flask, current_app, g, has_request_context
from flask_compress import Compress

from publisher import formats
from publisher.errors import PublisherError
from publisher.release import pin
from publisher.releases import Release, open_release
from publisher.settings import defaults
from publisher.store import QueryError, Store, open_store
from publisher.store.catalog import graph_sizes, summary
from publisher.web.rendered import Rendered

COMPRESSED = sorted(
    {f.media_type for f in formats.ALL_FORMATS}
    | {"text/css", "text/javascript", "application/json", "text/plain"}
)


@dataclass
class Served:
    """What the app serves: one release and the store over it, replaced whole by `reload`.

    The store's catalogue (graph sizes, counts) is asked for on first use and kept once known,
    so that a worker starts, and stays up, while a remote store is down.
    """

    release: Release
    store: Store
    base: str
    cache_mb: int = 0

    @cached_property
    def rendered(self) -> Rendered:
        """Descriptions rendered for this release (web/rendered.py): bodies and their links."""
        return Rendered(self.cache_mb * 1024 * 1024, _answer_size)

    @cached_property
    def names(self) -> Rendered:
        """Whether the store knows an IRI, as asked by dereferencing (a few bytes each)."""
        return Rendered(self.cache_mb * 1024 * 1024 // 16, lambda known: 1)

    @cached_property
    def graphs(self) -> dict[str, int]:
        return graph_sizes(self.store)

    @cached_property
    def counts(self) -> dict[str, int]:
        return summary(self.store, self.base)


def _answer_size(answer: tuple[bytes | str, list]) -> int:
    body, links = answer
    return len(body) * (4 if isinstance(body, str) else 1) + 200 * len(links)


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
    Compress(app)
    _register(app)
    return app


def _normalise(config) -> None:
    """Types and paths of the settings, whatever mapping or environment they came from."""
    base = str(config["BASE_IRI"])
    config["BASE_IRI"] = base if base.endswith("/") else base + "/"
    release = Path(str(config["RELEASE_DIR"]))
    config["RELEASE_DIR"] = str(
        release if release.is_absolute() else Path(str(config["HOME"])) / release
    )
    for name, kind in (
        ("PAGE_SIZE", int),
        ("RENDER_CACHE_MB", int),
        ("ROW_CAP", int),
        ("MAX_QUERY_LENGTH", int),
        ("QUERY_TIMEOUT", float),
        ("QUERY_WORKERS", int),
        ("QUERY_MEMORY", int),
        ("MAX_QUERY_DEPTH", int),
        ("MAX_QUERY_NODES", int),
    ):
        config[name] = kind(config[name])
    # A percent-encoded UTF-8 character takes at most 12 bytes; a body past that is refused (413).
    if config.get("MAX_CONTENT_LENGTH") is None:
        config["MAX_CONTENT_LENGTH"] = 12 * config["MAX_QUERY_LENGTH"] + 65536


def _register(app: Flask) -> None:
    from publisher.web import downloads, errors, hooks, html, pages, resources, sparql

    for module in (pages, sparql, downloads, resources):
        app.register_blueprint(module.bp)
    from publisher.web import browse, search

    for module in (browse, search):
        app.register_blueprint(module.bp)
    errors.init_app(app)
    hooks.init_app(app)
    html.init_app(app)
    from publisher.web import limits

    limits.init_app(app)


def load(config, logger: logging.Logger) -> Served:
    """The release RELEASE_DIR points at (its checksums verified) with a store over it; the
    release folder is pinned, so that no build removes it while it is served."""
    release = open_release(Path(config["RELEASE_DIR"]))
    if release.base and release.base != config["BASE_IRI"]:
        logger.warning(
            "the release was minted under %s but BASE_IRI is %s: its IRIs will not "
            "dereference here",
            release.base,
            config["BASE_IRI"],
        )
    holder = pin(release.folder)
    try:
        store = open_store(config, release.path("dataset.nq"))
    except BaseException:
        os.close(holder)
        raise
    fresh = Served(release, store, config["BASE_IRI"], int(config.get("RENDER_CACHE_MB") or 0))
    weakref.finalize(fresh, os.close, holder)
    return fresh


_RELOADING = threading.Lock()


def reload(app: Flask) -> Served:
    """Serve the release the link points at now. Requests under way finish with the release
    they began with (see `served`); the old store and its workers go when the last one ends.
    A release that fails its checks raises, and the current one stays."""
    with _RELOADING:
        current = app.extensions["publisher"]
        if Path(app.config["RELEASE_DIR"]).resolve() == current.release.folder:
            return current
        fresh = load(app.config, app.logger)
        try:
            fresh.graphs, fresh.counts  # noqa: B018 - asked now, not by the first visitor
        except QueryError:
            pass  # a remote store that is down: asked again on first use
        app.extensions["publisher"] = fresh
        return fresh


def served() -> Served:
    """What the app serves; within a request, what it served when the request began."""
    if not has_request_context():
        return current_app.extensions["publisher"]
    held = g.get("publisher_served")
    if held is None:
        held = g.publisher_served = current_app.extensions["publisher"]
    return held


def get_store() -> Store:
    """The store of the running app."""
    return served().store


def get_release() -> Release:
    """The release the running app serves."""
    return served().release

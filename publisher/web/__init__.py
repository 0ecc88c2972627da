"""The web application: `create_app()` serves the current release as linked data and SPARQL.

gunicorn runs it unchanged: `gunicorn 'publisher.web:create_app()' -w 4 -b 127.0.0.1:8080`,
settings coming from PUBLISHER_* environment variables (publisher/settings.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from flask import Flask, current_app
from flask_compress import Compress

from publisher import formats
from publisher.releases import Release, open_release
from publisher.settings import defaults
from publisher.store import Store, open_store
from publisher.store.catalog import graph_sizes, summary

COMPRESSED = sorted(
    {f.media_type for f in formats.ALL_FORMATS}
    | {"text/css", "text/javascript", "application/json", "text/plain"}
)


@dataclass
class Served:
    """What the app serves, read once at start: a release never changes under a process."""

    release: Release
    store: Store
    graphs: dict[str, int]
    counts: dict[str, int]


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
    release = open_release(Path(app.config["RELEASE_DIR"]))
    if release.base and release.base != app.config["BASE_IRI"]:
        app.logger.warning(
            "the release was minted under %s but BASE_IRI is %s: its IRIs will not "
            "dereference here",
            release.base,
            app.config["BASE_IRI"],
        )
    store = open_store(app.config, release.path("dataset.nq"))
    app.extensions["publisher"] = Served(
        release, store, graph_sizes(store), summary(store, app.config["BASE_IRI"])
    )
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
        ("ROW_CAP", int),
        ("MAX_QUERY_LENGTH", int),
        ("QUERY_TIMEOUT", float),
    ):
        config[name] = kind(config[name])
    # A percent-encoded UTF-8 character takes at most 12 bytes; a body past that is refused (413).
    if config.get("MAX_CONTENT_LENGTH") is None:
        config["MAX_CONTENT_LENGTH"] = 12 * config["MAX_QUERY_LENGTH"] + 65536


def _register(app: Flask) -> None:
    from publisher.web import downloads, errors, hooks, html, pages, resources, sparql

    for module in (pages, sparql, downloads, resources):
        app.register_blueprint(module.bp)
    errors.init_app(app)
    hooks.init_app(app)
    html.init_app(app)


def served() -> Served:
    return current_app.extensions["publisher"]


def get_store() -> Store:
    """The store of the running app."""
    return served().store


def get_release() -> Release:
    """The release the running app serves."""
    return served().release

"""The workbench's application factory: the project it edits, its own origin, a fresh secret
for its sessions, the guard on writes, and the blueprints."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask, render_template

from publisher.errors import PublisherError
from publisher.settings import defaults
from publisher.workbench import actors, claims, documents, guard, picks, publishing


def create_app(test_config: dict[str, object] | None = None) -> Flask:
    """HOME and BASE_IRI as the commands take them; ORIGINS: the origins the workbench is
    reached at (scheme://host:port), the only ones a write may come from."""
    app = Flask(__name__)
    config = defaults()
    app.config.from_mapping(
        HOME=config["HOME"],
        BASE_IRI=config["BASE_IRI"],
        ORIGINS=["http://127.0.0.1:5050"],
        # A new secret each run: a session (and its token) lives as long as the workbench.
        SECRET_KEY=secrets.token_hex(32),
        SESSION_COOKIE_NAME="workbench",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        MAX_CONTENT_LENGTH=20 * 1024 * 1024,  # an uploaded document
        JSON_AS_ASCII=False,
    )
    if test_config:
        app.config.from_mapping(test_config)
    app.config["HOME"] = Path(str(app.config["HOME"])).resolve()
    guard.init_app(app)
    for module in (documents, claims, actors, picks, publishing):
        app.register_blueprint(module.bp)

    @app.errorhandler(PublisherError)
    def _problems(error: PublisherError) -> tuple[str, int]:
        # A page the project cannot give (an unknown document, a file broken by hand): the
        # problems as the commands print them, with their files and lines.
        status = 404 if "no document" in str(error) else 409
        return render_template("problems.html", error=str(error)), status

    return app

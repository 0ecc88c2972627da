"""Fixtures for the page tests: the app over the real release (built once per session), on
the embedded store and on a real oxigraph server (the page models speak SPARQL through the
Store protocol only, so both must give the same pages), and its test client."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.web import create_app
from tests.conftest import BASE
from tests.markers import starts


@pytest.fixture(scope="session")
@starts("remote")
def pages_oxigraph(built_home: Path, tmp_path_factory):
    """An oxigraph server holding the release, its default graph empty; always stopped."""
    from tests.remote.servers import OxigraphServer

    # No union default graph: the page queries must name their graphs to find anything.
    with OxigraphServer(tmp_path_factory.mktemp("pages-oxigraph"), union=False) as server:
        server.load(built_home / "release")
        yield server


@pytest.fixture(
    scope="session", params=["embedded", pytest.param("remote", marks=pytest.mark.remote)]
)
def app(request, built_home: Path):
    config = {
        "TESTING": True,
        "HOME": str(built_home),
        "RELEASE_DIR": str(built_home / "release"),
        "BASE_IRI": BASE,
    }
    if request.param == "remote":
        config["STORE"] = request.getfixturevalue("pages_oxigraph").query_url
    return create_app(config)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def store(app):
    from publisher.web.current import get_store

    with app.app_context():
        return get_store()

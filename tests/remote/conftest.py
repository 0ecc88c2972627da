"""Fixtures for the remote-store tests: the real release in an oxigraph server, and apps on
either store over the same release, to compare their answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.web import create_app
from tests.markers import starts
from tests.remote.servers import OxigraphServer
from tests.web.fixture_release import app_config


@pytest.fixture(scope="session")
@starts("remote")
def loaded_oxigraph(built_home: Path, tmp_path_factory):
    """An oxigraph server holding the real release, loaded by `publisher load`."""
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph-release")) as server:
        server.load(built_home / "release")
        yield server


@pytest.fixture(scope="session")
def embedded_app(built_home: Path):
    app = create_app(app_config(built_home, built_home / "release"))
    yield app
    app.extensions["publisher"].store.close()  # its query worker processes


@pytest.fixture(scope="session")
def remote_app(built_home: Path, loaded_oxigraph: OxigraphServer):
    return create_app(
        app_config(built_home, built_home / "release", STORE=loaded_oxigraph.query_url)
    )

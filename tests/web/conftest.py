"""Fixtures for the web tests: a release folder, the app serving it and its test client.

`release_dir` is the real release, built once per session from the repository's inputs (see
tests/conftest.py). The tests rely only on what any release has, found through the store (see
`find` in web_helpers.py); tests that need a release of their own (damaged, another base, a
live server) use the small hand-made one in fixtures/.

Every test that uses `app`, `client`, `store` or `store_config` runs twice: on the embedded
store and on a real `oxigraph` server on a loopback port, filled by `publisher load` and
started once per session. The two must answer alike: a difference is a bug, not a skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.web import create_app
from tests.markers import starts
from tests.remote.servers import OxigraphServer
from tests.web.fixture_release import app_config


@pytest.fixture(scope="session")
def home(built_home: Path) -> Path:
    return built_home


@pytest.fixture(scope="session")
def release_dir(home: Path) -> Path:
    """The release link of the test project."""
    return home / "release"


@pytest.fixture(scope="session")
@starts("remote")
def oxigraph(release_dir: Path, tmp_path_factory):
    """An oxigraph server holding the release, loaded by `publisher load`; always stopped."""
    with OxigraphServer(tmp_path_factory.mktemp("oxigraph")) as server:
        server.load(release_dir)
        yield server


@pytest.fixture(
    scope="session", params=["embedded", pytest.param("remote", marks=pytest.mark.remote)]
)
def store_config(request) -> dict[str, object]:
    """The settings that pick the store: none (embedded) or STORE = the oxigraph server."""
    if request.param == "embedded":
        return {}
    return {"STORE": request.getfixturevalue("oxigraph").query_url}


@pytest.fixture(scope="session")
def app(home: Path, release_dir: Path, store_config: dict[str, object]):
    app = create_app(app_config(home, release_dir, **store_config))
    yield app
    close_store(app)


def close_store(app) -> None:
    """Stop what the app's store runs besides itself (the embedded store's query workers)."""
    close = getattr(app.extensions["publisher"].store, "close", None)
    if close is not None:
        close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def store(app):
    from publisher.web.current import get_store

    with app.app_context():
        return get_store()

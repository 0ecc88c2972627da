"""Fixtures for the page tests: the app over the real release (built once per session), on
the embedded store and on a real oxigraph server (the page models speak SPARQL through the
Store protocol only, so both must give the same pages), and its test client; the folder the
browser tests keep their screenshots in."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.web import create_app
from tests.artifacts import pages_folder
from tests.conftest import BASE
from tests.markers import starts

# Where the browser tests keep their screenshots (tests/artifacts.py); the run's summary says
# where they went.
ARTIFACTS = pytest.StashKey[Path]()


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


@pytest.fixture(scope="session")
def artifacts(pytestconfig: pytest.Config, tmp_path_factory) -> Path:
    """The folder for the page tests' screenshots: $PUBLISHER_TEST_ARTIFACTS/pages, else
    `pages-artifacts` in pytest's temporary folder of this run."""
    folder = pages_folder(tmp_path_factory.getbasetemp())
    folder.mkdir(parents=True, exist_ok=True)
    pytestconfig.stash[ARTIFACTS] = folder
    return folder


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    folder = config.stash.get(ARTIFACTS, None)
    if folder is not None and any(folder.iterdir()):
        terminalreporter.write_line(f"screenshots of the page tests: {folder}")

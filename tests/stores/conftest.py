"""The cross-store suite (`make test-stores`, marker `stores`): the web suite, the W3C protocol
tests, the competency questions and the answer-by-answer comparison, each run on the embedded
store, on Oxigraph replicas behind HAProxy and on Virtuoso 7.2; blue-green switches, replica
failures and runaway queries on the remote stores.

The suite is not part of `make test` (it starts Virtuoso and HAProxy, which `make test-stores`
installs): pyproject's addopts leave its marker out unless `-m stores` asks for it. The suites of other
folders run here through modules that import their tests, so that the fixtures below (the
store each test runs on) are the ones they get."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from publisher.web import create_app
from tests.stores.servers import ReplicaSet, VirtuosoServer, virtuoso_binary
from tests.web.conftest import close_store
from tests.web.fixture_release import app_config

BACKENDS = ("embedded", "replicas", "virtuoso")


def _needs(program: str, package: str) -> None:
    if not shutil.which(program):
        pytest.fail(f"{program} is missing: `make test-stores` installs {package}")


def needs_haproxy() -> None:
    _needs("haproxy", "haproxy")


def needs_virtuoso() -> None:
    if virtuoso_binary() is None:
        pytest.fail("virtuoso-t is missing: `make test-stores` installs virtuoso-opensource")


@pytest.fixture(scope="session")
def replicas(built_home: Path, tmp_path_factory):
    """The real release in Oxigraph replicas behind HAProxy."""
    needs_haproxy()
    with ReplicaSet(tmp_path_factory.mktemp("replicas"), built_home / "release") as store:
        yield store


@pytest.fixture(scope="session")
def virtuoso(built_home: Path, tmp_path_factory):
    """Virtuoso with the real release, loaded by its bulk loader; releases of other tests
    (the protocol suite's) may be loaded beside it: queries keep to each release's graphs."""
    needs_virtuoso()
    allowed = [built_home.parent, Path(str(tmp_path_factory.getbasetemp()))]
    with VirtuosoServer(tmp_path_factory.mktemp("virtuoso"), allowed) as server:
        server.load(built_home / "release")
        yield server


def store_url(request, name: str) -> str:
    """The STORE setting for backend `name` (the real release)."""
    if name == "replicas":
        return request.getfixturevalue("replicas").query_url
    return request.getfixturevalue("virtuoso").sparql_url


# --- the fixtures of tests/web, on every backend -------------------------------------------


@pytest.fixture(scope="session")
def home(built_home: Path) -> Path:
    return built_home


@pytest.fixture(scope="session")
def release_dir(home: Path) -> Path:
    return home / "release"


@pytest.fixture(scope="session", params=BACKENDS)
def store_config(request) -> dict[str, object]:
    if request.param == "embedded":
        return {}
    return {"STORE": store_url(request, request.param)}


@pytest.fixture(scope="session")
def app(home: Path, release_dir: Path, store_config: dict[str, object]):
    app = create_app(app_config(home, release_dir, **store_config))
    yield app
    close_store(app)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def store(app):
    from publisher.web.current import get_store

    with app.app_context():
        return get_store()

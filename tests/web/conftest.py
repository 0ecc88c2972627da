"""Fixtures for the web tests: a release folder, the app serving it and its test client.

`release_dir` is the real release, built once per session from the repository's inputs (see
tests/conftest.py). The tests rely only on what any release has, found through the store (see
`find` in web_helpers.py); tests that need a release of their own (damaged, another base, a
live server) use the small hand-made one in fixtures/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fixture_release import app_config

from publisher.web import create_app


@pytest.fixture(scope="session")
def home(built_home: Path) -> Path:
    return built_home


@pytest.fixture(scope="session")
def release_dir(home: Path) -> Path:
    """The release link of the test project."""
    return home / "release"


@pytest.fixture(scope="session")
def app(home: Path, release_dir: Path):
    return create_app(app_config(home, release_dir))


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def store(app):
    from publisher.web import get_store

    with app.app_context():
        return get_store()

"""Shared fixtures: a copy of the project to break, and the real release built once."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pyoxigraph
import pytest

ROOT = Path(__file__).resolve().parent.parent
# Every test shares one client address (loopback) and some send many slow queries: the
# per-client shares are off unless a test turns them on (tests/hostile/test_fair_shares.py).
os.environ.setdefault("PUBLISHER_QUERY_BUDGET", "0")
os.environ.setdefault("PUBLISHER_QUERY_CONCURRENT", "1000")
BASE = "http://127.0.0.1:8080/"
PROJECT_PARTS = ("data", "ontology", "shapes", "queries")


def copy_project(target: Path) -> Path:
    """A private copy of the inputs (data, ontology, shapes, queries) to modify in a test."""
    for part in PROJECT_PARTS:
        if (ROOT / part).exists():
            shutil.copytree(ROOT / part, target / part)
    return target


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_home(tmp_path_factory) -> Path:
    """A copy of the project with its release built from the repository's own inputs, once
    per test session (the release link is `built_home / "release"`)."""
    from publisher.build.publish import build_release

    home = copy_project(tmp_path_factory.mktemp("built") / "project")
    build_release(home, BASE, home / "release")
    return home


@pytest.fixture(scope="session")
def built_release(built_home: Path) -> Path:
    """The folder of that release (what the link points to)."""
    return (built_home / "release").resolve()


@pytest.fixture(scope="session")
def release_store(built_release: Path) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.bulk_load(path=str(built_release / "dataset.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    return store

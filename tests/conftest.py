"""Shared fixtures (a copy of the project to break, the real release built once) and the
suite's rules: the server markers given and checked (tests/markers.py), and no test writing
into the checkout (tests/checkout.py)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import configuration, settings

from tests import artifacts, checkout, markers, sessionbuild

ROOT = Path(__file__).resolve().parent.parent
# Every test shares one client address (loopback) and some send many slow queries: the
# per-client shares are off unless a test turns them on (tests/hostile/test_fair_shares.py).
os.environ.setdefault("PUBLISHER_QUERY_BUDGET", "0")
os.environ.setdefault("PUBLISHER_QUERY_CONCURRENT", "1000")
# `publisher build` leaves no process behind in a test (tests/test_prepare.py turns it on).
os.environ.setdefault("PUBLISHER_PREPARE_STORE", "off")
# Hypothesis keeps found examples and a cache of constants in `.hypothesis/` in the working
# directory: the suite may not write into the checkout, and the fuzz cases carry their own
# @example, so nothing is kept and the cache goes to a folder of its own outside it.
settings.register_profile("publisher", database=None)
settings.load_profile("publisher")
HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="publisher-hypothesis-")
configuration.set_hypothesis_home_dir(HYPOTHESIS_HOME)
atexit.register(shutil.rmtree, HYPOTHESIS_HOME, ignore_errors=True)
BASE = "http://127.0.0.1:8080/"
PROJECT_PARTS = ("data", "ontology", "shapes", "queries")
SPAWNS = markers.Spawns()
CHECKOUT = pytest.StashKey[dict]()
CHANGED = pytest.StashKey[list]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--reuse-build-cache",
        action="store_true",
        help="build the session's release from the build cache kept by the last such run "
        "(in pytest's cache folder) instead of from scratch: `make test-fast` does",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test whose fixtures start a server carries that server's marker."""
    for item in items:
        for name in sorted(markers.fixture_markers(item)):
            item.add_marker(name)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    return (yield from _servers_are_marked(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    return (yield from _servers_are_marked(item))


def _servers_are_marked(item: pytest.Item):
    mark = len(SPAWNS.seen)
    result = yield
    missing = markers.unmarked(item, SPAWNS.since(mark))
    if missing:
        pytest.fail(
            "this test started servers without their markers (see tests/markers.py):\n"
            + "\n".join(missing),
            pytrace=False,
        )
    return result


def pytest_sessionstart(session: pytest.Session) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # the process that started the workers checks the checkout for them all
    before = checkout.snapshot(ROOT)
    if before is not None:
        session.stash[CHECKOUT] = before


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Fail the run when the tests changed the checkout (tests/checkout.py)."""
    before = session.stash.get(CHECKOUT, None)
    after = checkout.snapshot(ROOT) if before is not None else None
    if before is None or after is None:
        return
    changed = checkout.changes(before, after)
    if changed:
        session.config.stash[CHANGED] = changed
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, config: pytest.Config) -> None:
    factory = getattr(config, "_tmp_path_factory", None)
    if config.getoption("dist", "no") != "no" and factory is not None:
        # The workers' page tests kept screenshots; tests/pages/conftest.py, which names them
        # in a run of one process, is not loaded by the process that started the workers.
        folder = artifacts.pages_folder(factory.getbasetemp())
        if folder.is_dir() and any(folder.iterdir()):
            terminalreporter.write_line(f"screenshots of the page tests: {folder}")
    changed = config.stash.get(CHANGED, None)
    if changed:
        terminalreporter.section("the tests wrote into the checkout", red=True, bold=True)
        terminalreporter.write_line(f"{ROOT} changed while the tests ran (tests/checkout.py):")
        for line in changed:
            terminalreporter.write_line(f"  {line}", red=True)


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
def built_home(tmp_path_factory, pytestconfig: pytest.Config) -> Path:
    """A copy of the project with its release built from the repository's own inputs, once
    per test run (the release link is `built_home / "release"`): with several workers
    (pytest-xdist), the first to ask builds it and the others wait (tests/sessionbuild.py);
    each gets a copy of its own, since servers write their logs into it.

    A cold build, unless --reuse-build-cache (`make test-fast`): then the build starts from
    the build cache the last such session left in pytest's cache folder, as `publisher build`
    does from HOME/.cache/build (its keys cover the inputs and the build's code; the slow
    tests check that a cached build is the cold one, byte for byte), and leaves its own there.
    """
    from publisher.build.pipeline import CACHE_DIR
    from publisher.build.publish import build_release

    kept = None
    if pytestconfig.getoption("reuse_build_cache") and pytestconfig.cache is not None:
        kept = pytestconfig.cache.mkdir("build-cache") / "build"

    def build(home: Path) -> None:
        copy_project(home)
        if kept is None:
            build_release(home, BASE, home / "release")
            return
        # Two runs at once (two `make check`) take turns: the second starts warm.
        with sessionbuild.locked(kept.with_name("build.lock")):
            sessionbuild.restore_cache(kept, home / CACHE_DIR)
            build_release(home, BASE, home / "release")
            sessionbuild.keep_cache(home / CACHE_DIR, kept)

    run = sessionbuild.run_folder(tmp_path_factory.getbasetemp())
    shared = sessionbuild.build_once(run / "session-release", build)
    home = tmp_path_factory.mktemp("built") / "project"
    shutil.copytree(shared, home, symlinks=True)
    return home


@pytest.fixture
def warm_project(project: Path, built_home: Path) -> Path:
    """`project` with the build cache of the session's release, so that its builds redo only
    what the test changed: for tests whose point is not the cold build (the cache's keys cover
    the inputs and the build's code; tests/test_incremental_build.py checks that a cached
    build gives the cold one's release, byte for byte)."""
    from publisher.build.pipeline import CACHE_DIR

    shutil.copytree(built_home / CACHE_DIR, project / CACHE_DIR)
    return project


@pytest.fixture(scope="session")
def built_release(built_home: Path) -> Path:
    """The folder of that release (what the link points to)."""
    return (built_home / "release").resolve()


@pytest.fixture(scope="session")
def release_store(built_release: Path) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    store.bulk_load(path=str(built_release / "dataset.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    return store

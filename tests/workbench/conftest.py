"""A copy of the project with a new Arabic document and its drafts, and the workbench app over
it (Flask's test client: no server is started)."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from publisher.curate.adding import add_document
from publisher.curate.drafts import suggest_document
from publisher.workbench import create_app
from tests.conftest import BASE, copy_project

FIXTURE = Path(__file__).parents[1] / "fixtures" / "new_documents" / "iran-pledges-hamas-ar.txt"
DOCUMENT = "iran-pledges-hamas-ar"
ORIGIN = "http://localhost"  # the test client's host
# The drafts the drafter writes for the fixture (tests/fixtures/new_documents/README.md).
ARMS, TIES, VISIT = "iph-irgc-arms-pij", "iph-iran-ties-hamas", "iph-haniyeh-visits-russia"
MEETS = "iph-haniyeh-meets-abdollahian"  # drafted since suggest 3; the scenario leaves it a draft
# The headline "إيران تتعهد بدعم حماس", a clause, is drafted since suggest 7; left a draft too.
PLEDGE = "iph-iran-pledges-hamas"


def add_fixture(home: Path) -> None:
    add_document(
        home,
        FIXTURE,
        "ar",
        title_en="Iran pledges support to Hamas",
        ident=DOCUMENT,
        added="2026-12-01",
    )


@pytest.fixture(scope="session")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project copy, the new document added and drafted as `add` and `suggest` do."""
    home = copy_project(tmp_path_factory.mktemp("drafted") / "project")
    add_fixture(home)
    suggest_document(home, DOCUMENT)
    return home


@pytest.fixture
def home(drafted: Path, tmp_path: Path) -> Path:
    """A fresh copy of that project for one test to write into."""
    return Path(shutil.copytree(drafted, tmp_path / "project", symlinks=True))


@pytest.fixture
def app(home: Path) -> Flask:
    return create_app({"HOME": home, "BASE_IRI": BASE, "ORIGINS": [ORIGIN], "TESTING": True})


class Curator:
    """A browser on the workbench's pages: its session, its token, its origin."""

    def __init__(self, client: FlaskClient) -> None:
        self.client = client
        page = client.get(f"/document/{DOCUMENT}").get_data(as_text=True)
        found = re.search(r'name="workbench-token" content="([^"]+)"', page)
        assert found, page[:500]
        self.token = found.group(1)

    def post(self, url: str, data: dict | None = None, **headers: str):
        sent = {"Origin": ORIGIN, "X-Workbench-Token": self.token, "Sec-Fetch-Site": "same-origin"}
        sent.update({k.replace("_", "-"): v for k, v in headers.items()})
        return self.client.post(
            url, data=data or {}, headers={k: v for k, v in sent.items() if v is not None}
        )


@pytest.fixture
def curator(app: Flask) -> Curator:
    return Curator(app.test_client())


def snapshot(home: Path) -> dict[str, str]:
    """Every file of the project's data, by its digest: to prove nothing was written."""
    return {
        str(p.relative_to(home)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((home / "data").rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def warm_home(home: Path, built_home: Path) -> Path:
    """`home` with the build cache of the session's release, so that the workbench's builds
    redo only what the curating changed (as on a curator's machine after the first build)."""
    from publisher.build.pipeline import CACHE_DIR

    if (built_home / CACHE_DIR).is_dir():
        shutil.copytree(built_home / CACHE_DIR, home / CACHE_DIR)
    return home


@pytest.fixture
def warm_curator(warm_home: Path) -> Curator:
    app = create_app({"HOME": warm_home, "BASE_IRI": BASE, "ORIGINS": [ORIGIN], "TESTING": True})
    return Curator(app.test_client())

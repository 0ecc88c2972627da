"""Two things a client controls that must not reach an answer unchecked: the host it names
(Host, X-Forwarded-Host, Forwarded) and the numbers of the query string.

Every page and redirect that writes an absolute URL is asked for with `evil.example` as its
host in every header that could name one: nothing that comes back names it. Every number of the
query string (`page`, `from`, `to`) that is not plain ASCII digits in range is a 400 naming the
parameter and what it takes (`page=²` and 5,000 digits were 500s). In process, and against
`publisher serve` and gunicorn with deploy/gunicorn.conf.py.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest

from publisher.web import create_app
from tests.hostile.releases import make_home
from tests.liveserver import LiveServer
from tests.web.fixture_release import BASE, app_config

EVIL = "evil.example"
SPOOFED = [
    ("Host", EVIL),
    ("X-Forwarded-Host", EVIL),
    ("X-Forwarded-Proto", "https"),
    ("X-Forwarded-Port", "4443"),
    ("X-Forwarded-Prefix", f"//{EVIL}/"),
    ("Forwarded", f"host={EVIL};proto=https"),
]
HTML, TURTLE = "text/html", "text/turtle"
# (path, Accept, status): everything that writes a URL, in a page, a header or a redirect.
PAGES = [
    ("/", HTML, 200),
    ("/query", HTML, 200),
    ("/search?q=iran", HTML, 200),
    ("/funding", HTML, 200),
    ("/network", HTML, 200),
    ("/network.svg", "image/svg+xml", 200),
    ("/download", HTML, 308),  # to /download/, by werkzeug's routing
    ("/download/", HTML, 200),
    ("/download/", "application/json", 200),
    ("/download/", TURTLE, 200),
    ("/.well-known/void", HTML, 200),
    ("/.well-known/void", TURTLE, 200),
    ("/.well-known/void", "application/ld+json", 200),
    ("/id/actor/iran", TURTLE, 303),
    ("/id/actor/iran", HTML, 303),
    ("/doc/id/actor/iran", HTML, 200),
    ("/doc/id/actor/iran", TURTLE, 200),
    ("/doc/id/actor/iran.jsonld", "*/*", 200),
    ("/doc//id/actor/iran", TURTLE, 301),  # to the canonical path
    ("/graph/release", HTML, 200),
    ("/sparql", HTML, 200),
    ("/sparql", TURTLE, 200),
    ("/sparql?query=DESCRIBE%20%3Chttp%3A%2F%2F127.0.0.1%3A8080%2Fid%2Factor%2Firan%3E", HTML, 200),
    ("/nothing/here", HTML, 404),
]
DIGITS = "7" * 5000
# (path, the parameter named in the 400)
BAD_NUMBERS = [
    ("/doc/id/actor/iran?page=" + quote("²"), "page"),
    ("/doc/id/actor/iran?page=" + quote("٣"), "page"),
    ("/doc/id/actor/iran?page=" + DIGITS, "page"),
    ("/doc/id/actor/iran?page=0", "page"),
    ("/doc/id/actor/iran?page=-1", "page"),
    ("/doc/id/actor/iran?page=1.5", "page"),
    ("/doc/id/actor/iran?page=", "page"),
    ("/doc/id/actor/iran?page=%201", "page"),
    ("/doc/id/actor/iran?page=1&page=2", "page"),
    ("/network?from=" + quote("³"), "from"),
    ("/network?to=" + DIGITS, "to"),
    ("/network?from=" + DIGITS, "from"),
    ("/network?to=" + quote("２０２０"), "to"),  # fullwidth digits
    ("/network?from=10000", "from"),
    ("/network.svg?from=" + quote("³"), "from"),
    ("/network.svg?to=" + DIGITS, "to"),
]
GOOD_NUMBERS = [
    "/doc/id/actor/iran?page=1",
    "/doc/id/actor/iran?page=01",
    "/network?from=&to=",  # the form's empty fields
    "/network?from=2000&to=2024",
    "/network.svg?from=0002000",
]


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return make_home(tmp_path_factory.mktemp("host") / "home")


@pytest.fixture(scope="module")
def client(home: Path):
    return create_app(app_config(home, home / "release", QUERY_WORKERS=0)).test_client()


def _nothing_names_evil(status: int, headers, body: bytes, where: str) -> None:
    for name, value in headers:
        assert EVIL not in value, f"{where}: {name}: {value}"
    assert EVIL.encode() not in body, f"{where}: {body[:300]!r}"
    assert b"https://127.0.0.1" not in body and b":4443" not in body, where


@pytest.mark.parametrize("path, accept, status", PAGES)
def test_no_answer_names_the_host_of_the_request(client, path, accept, status):
    response = client.get(path, base_url=f"http://{EVIL}/", headers=[*SPOOFED, ("Accept", accept)])
    assert response.status_code == status, (path, response.status_code)
    _nothing_names_evil(status, response.headers.items(), response.get_data(), path)
    if status in (301, 303, 308):
        assert response.headers["Location"].startswith("/")


def test_absolute_urls_are_the_base(client):
    """Where a page writes an absolute URL, it is under the base IRI."""
    void = client.get("/.well-known/void", headers=[*SPOOFED, ("Accept", HTML)])
    assert f"{BASE}.well-known/void".encode() in void.get_data()
    moved = client.get("/download", headers=SPOOFED)
    assert f"{BASE}download/".encode() in moved.get_data()


@pytest.mark.parametrize("path, name", BAD_NUMBERS, ids=[p[:40] for p, _ in BAD_NUMBERS])
def test_a_number_that_is_not_plain_digits_in_range_is_a_400(client, path, name):
    response = client.get(path, headers={"Accept": "text/plain"})
    text = response.get_data(as_text=True)
    assert response.status_code == 400, (path, response.status_code, text[:300])
    assert f"{name}=" in text or f"{name} is given" in text, text
    assert "whole number" in text or "give it once" in text, text
    assert len(text) < 1000  # the value is not repeated whole


@pytest.mark.parametrize("path", GOOD_NUMBERS)
def test_plain_numbers_in_range_are_taken(client, path):
    assert client.get(path, headers={"Accept": HTML}).status_code == 200


# ---- the same against real servers ---------------------------------------------------------


@pytest.mark.live
@pytest.mark.parametrize("workers", [0, 2], ids=["serve", "gunicorn"])
def test_real_servers_trust_no_host_and_take_only_plain_numbers(tmp_path, workers):
    home = make_home(tmp_path / "home")
    server = LiveServer(home, home / "release", env={"PUBLISHER_QUERY_WORKERS": "1"},
                        gunicorn_workers=workers).start()  # fmt: skip
    try:
        for path, accept, status in PAGES:
            answer = server.request("GET", path, [*SPOOFED, ("Accept", accept)])
            assert answer.status == status, (path, answer.status, answer.text[:300])
            _nothing_names_evil(status, answer.headers.items(), answer.body, path)
        for path, name in BAD_NUMBERS:
            answer = server.request("GET", path, {"Accept": "text/plain"})
            assert answer.status == 400 and name in answer.text, (path, answer.status)
        for path in GOOD_NUMBERS:
            assert server.request("GET", path, {"Accept": HTML}).status == 200, path
    finally:
        server.stop()

"""Each page in headless Chromium: no console error, no request beyond loopback, the Arabic
text laid out right to left, the charts drawn; screenshots go to test-artifacts/pages/.

Needs Debian's `chromium` (`make browser` installs it); skipped with that reason otherwise.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.liveserver import LiveServer
from tests.markers import starts
from tests.pages.browser import Browser, chromium

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "pages"
BASE = "http://127.0.0.1:8080/"
SUP = BASE + "def/"

pytestmark = [
    pytest.mark.live,  # every test drives Chromium against a live server
    pytest.mark.skipif(
        chromium() is None,
        reason="chromium is not installed: run `make browser` (apt-get install chromium)",
    ),
]


def _first(store, query: str) -> str:
    rows = list(store.query(f"PREFIX sup: <{SUP}>\n" + query, use_default_graph_as_union=True))
    assert rows, query
    return rows[0][0].value


@pytest.fixture(scope="module")
def things(release_store) -> dict[str, str]:
    """A page of each kind, picked from the release: the busiest Arabic and English documents,
    a claim with conflicts, the busiest actor."""
    document = """SELECT ?d WHERE {{ ?d a sup:Document ; <http://purl.org/dc/terms/language> ?l
      FILTER(STR(?l) = "{lang}") ?c sup:statedIn ?d }} GROUP BY ?d ORDER BY DESC(COUNT(?c)) ?d"""
    return {
        "document-ar": _first(release_store, document.format(lang="ar")),
        "document-en": _first(release_store, document.format(lang="en")),
        "claim": _first(
            release_store,
            "SELECT ?c WHERE { ?c sup:conflictsWith ?x } GROUP BY ?c ORDER BY DESC(COUNT(?x)) ?c",
        ),
        "actor": _first(
            release_store,
            "SELECT ?a WHERE { ?c sup:subject|sup:object ?a . ?a a sup:Actor } "
            "GROUP BY ?a ORDER BY DESC(COUNT(?c)) ?a",
        ),
    }


@pytest.fixture(scope="module")
@starts("live")
def server(built_home: Path, tmp_path_factory):
    """`publisher serve` on a free loopback port over the real release; always stopped."""
    folder = tmp_path_factory.mktemp("pages-serve")
    with LiveServer(built_home, built_home / "release", folder=folder) as live:
        yield live.url


@pytest.fixture(scope="module")
@starts("live")
def browser(tmp_path_factory):
    with Browser(tmp_path_factory.mktemp("chromium")) as running:
        yield running


def _visit(browser: Browser, url: str, name: str):
    visit = browser.visit(url)
    browser.screenshot(ARTIFACTS / f"{name}.png")
    browser.screenshot(ARTIFACTS / f"{name}-full.png", full=True)
    assert visit.errors == [], visit.errors
    assert visit.external == [], visit.external
    assert url in visit.requests  # the page itself was seen going out, so requests are counted
    # The stylesheets came through the Content-Security-Policy.
    assert browser.evaluate("document.styleSheets.length") >= 2
    assert browser.evaluate("document.styleSheets[1].cssRules.length") > 10
    return visit


def _path(iri: str) -> str:
    return "/doc/" + iri[len(BASE) :]


def test_home(server, browser):
    _visit(browser, server + "/", "home")
    assert browser.evaluate("document.querySelectorAll('table.documents-list tbody tr').length") > 0


def test_arabic_document_is_right_to_left(server, browser, things):
    _visit(browser, server + _path(things["document-ar"]), "document-ar")
    assert (
        browser.evaluate("getComputedStyle(document.querySelector('div.text')).direction") == "rtl"
    )
    # Right to left for real: the first line of the text ends at the right edge of its box.
    assert browser.evaluate(
        """(() => { const box = document.querySelector('div.text').getBoundingClientRect();
           const range = document.createRange(); const text = document.querySelector('div.text');
           const first = [...text.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());
           range.setStart(first, 0); range.setEnd(first, 1);
           const glyph = range.getBoundingClientRect();
           return glyph.right > box.left + box.width / 2; })()"""
    )
    marks = browser.evaluate("document.querySelectorAll('div.text mark.evidence').length")
    assert marks > 0
    assert browser.evaluate(
        "getComputedStyle(document.querySelector('div.text mark.evidence')).backgroundColor"
    ) not in ("rgba(0, 0, 0, 0)", "transparent")


def test_english_document(server, browser, things):
    _visit(browser, server + _path(things["document-en"]) + ".html", "document-en")
    assert (
        browser.evaluate("getComputedStyle(document.querySelector('div.text')).direction") == "ltr"
    )


def test_claim(server, browser, things):
    _visit(browser, server + _path(things["claim"]), "claim")
    assert browser.evaluate("document.querySelectorAll('section.conflict .side').length") >= 2
    assert (
        browser.evaluate(
            "getComputedStyle(document.querySelector('.in-words p[lang=ar]')).direction"
        )
        == "rtl"
    )


def test_actor(server, browser, things):
    _visit(browser, server + _path(things["actor"]), "actor")
    assert browser.evaluate("document.querySelectorAll('ol.timeline li').length") > 0


def test_funding_chart_is_filled(server, browser, release_store):
    query = f"SELECT ?c WHERE {{ GRAPH ?g {{ ?c <{SUP}amount> ?a }} }}"
    claims = len(list(release_store.query(query)))
    _visit(browser, server + "/funding", "funding")
    assert (
        browser.evaluate("document.querySelectorAll('figure.funding svg a.mark').length") == claims
    )
    # Every mark is drawn with a size inside the picture.
    assert browser.evaluate(
        """[...document.querySelectorAll('figure.funding svg a.mark')].every(m => {
             const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; })"""
    )


def test_funding_svg_alone(server, browser):
    _visit_svg(browser, server + "/funding.svg", "funding-svg")


def test_network_is_drawn(server, browser):
    _visit(browser, server + "/network", "network")
    assert browser.evaluate("document.querySelectorAll('figure.network svg a.edge').length") > 20
    assert browser.evaluate(
        """(() => { const svg = document.querySelector('figure.network svg').getBoundingClientRect();
           return [...document.querySelectorAll('figure.network svg a.node circle')].every(c => {
             const r = c.getBoundingClientRect();
             return r.left >= svg.left && r.right <= svg.right && r.top >= svg.top; }); })()"""
    )
    _visit(
        browser,
        server + "/network?relation=financial-support&from=2000&to=2024",
        "network-filtered",
    )


def test_search_finds_hamas(server, browser):
    _visit(browser, server + "/search?q=" + quote("حركة حماس"), "search")
    first = browser.evaluate(
        "document.querySelector('section.actors li.hit a').getAttribute('href')"
    )
    assert first == "/id/actor/hamas"


def _visit_svg(browser: Browser, url: str, name: str) -> None:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers.get_content_type() == "image/svg+xml"
    visit = browser.visit(url)
    browser.screenshot(ARTIFACTS / f"{name}.png")
    assert visit.errors == [] and visit.external == []
    assert browser.evaluate("document.querySelectorAll('a.mark').length") > 0

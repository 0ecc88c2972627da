"""What a new user meets, in headless Chromium, on a server whose base is not the default one
(another port, and a path: http://127.0.0.1:<port>/kg/), over a release built for that base:

- a query typed into the editor, with completion of a class and of an actor, runs; its address
  opened in a new tab shows the same result;
- the timeline view of the timeline example draws, and every example answers rows;
- "hezbolah" finds Hezbollah, and /search?q=hamas answers JSON;
- a description in JSON-LD names a context that resolves on this server, and read with that
  context (rdflib fetches it from the server) it is the same graph as the Turtle description;
- no console error, nothing fetched from elsewhere.

Screenshots of the home, actor, network, funding, query and search pages are kept outside the
checkout: in $PUBLISHER_TEST_ARTIFACTS/pages when that is set (CI sets it and keeps the folder,
.ci/run), else in pytest's temporary folder of the run (the `artifacts` fixture of
tests/pages/conftest.py; the run's summary names the folder).

Needs Debian's `chromium` (`make browser`), and is skipped, saying so, only when it is missing;
the query page's editor (`make assets`, which `make browser` and `make test` run) must be
installed, or the editor's test fails saying how to install it.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from publisher.web import assets
from tests.conftest import copy_project
from tests.liveserver import LiveServer, free_port
from tests.markers import starts
from tests.pages.browser import Browser, chromium

EDITOR = assets.CHECKOUT / "web-assets" / "node_modules" / assets.ASSETS["yasqe.min.js"]

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        chromium() is None,
        reason="chromium is not installed: run `make browser` (apt-get install chromium)",
    ),
]

ROWS = "document.querySelectorAll('table.results tbody tr').length"
TABLE = "[...document.querySelectorAll('table.results tbody tr')].map(r => r.innerText)"


@pytest.fixture(scope="module")
@starts("live")
def site(tmp_path_factory):
    """`publisher serve` under http://127.0.0.1:<port>/kg/, building its release for that base
    from a copy of the project; always stopped."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/kg/"
    home = copy_project(tmp_path_factory.mktemp("query-browser") / "project")
    with LiveServer(
        home, None, base=base, port=port, env={"PUBLISHER_QUERY_WORKERS": "2"},
        serve_args=["--build-for-base"], ready_path="/kg/sparql?query=ASK%7B%7D",
        start_timeout=300,
    ):  # fmt: skip
        yield base


@pytest.fixture(scope="module")
@starts("live")
def browser(tmp_path_factory, artifacts: Path):
    with Browser(tmp_path_factory.mktemp("chromium-query"), shots=artifacts) as running:
        yield running


def _clean(visit) -> None:
    assert visit.errors == [], visit.errors
    assert visit.external == [], visit.external


def _complete(browser: Browser, typed: str, wanted: str) -> None:
    """Type `typed` into the editor, ask for completion (Ctrl+Space), check that `wanted` is
    offered, and take the first suggestion (Enter)."""
    browser.type(typed)
    browser.key(" ", "Space", 32, modifiers=2)
    hints = browser.wait_until(
        "[...document.querySelectorAll('.CodeMirror-hints li')].map(li => li.innerText)"
    )
    assert any(h.startswith(wanted) for h in hints), hints
    browser.key("Enter", "Enter", 13)
    browser.wait_until("!document.querySelector('.CodeMirror-hints')")


def test_a_query_typed_with_completion_runs_and_its_address_shows_the_same(site, browser):
    assert EDITOR.exists(), (
        "the query page's editor is not installed: run `make assets` (npm ci in web-assets/)"
    )
    visit = browser.visit(site + "query")
    _clean(visit)
    assert browser.evaluate("document.querySelectorAll('.CodeMirror').length") == 1
    browser.evaluate("window.queryEditor.setValue(''); window.queryEditor.focus()")
    _complete(browser, "SELECT ?claim ?label WHERE {\n  ?claim a sup:Cla", "sup:Claim")
    browser.type(" ;\n    sup:subject ")
    _complete(browser, "actor:hez", "actor:hezbollah")
    browser.type(" ;\n    rdfs:label ?label .\n}\nORDER BY ?claim")
    text = browser.evaluate("window.queryEditor.getValue()")
    assert "sup:Claim ;" in text and "actor:hezbollah ;" in text
    assert browser.evaluate("window.queryEditor.queryValid") is True
    browser.screenshot("query-typed.png")
    _clean(browser.navigate_by(lambda v: browser.click("button.run", v)))
    address = browser.evaluate("location.href")
    assert urlsplit(address).path == urlsplit(site).path + "sparql"
    assert "hezbollah" in parse_qs(urlsplit(address).query)["query"][0]
    rows = browser.evaluate(TABLE)
    assert rows and all("hezbollah" in r.lower() for r in rows)
    browser.screenshot("query-result.png", full=True)
    with browser.new_tab() as tab:
        _clean(tab.visit(address))
        assert tab.evaluate("location.href") == address
        assert tab.evaluate(TABLE) == rows
        assert tab.evaluate("window.queryEditor.getValue()") == text
        tab.screenshot("query-result-new-tab.png", full=True)


def test_the_timeline_example_draws_its_timeline(site, browser):
    _clean(browser.visit(site + "query"))
    link = browser.evaluate(
        "document.querySelector('a.example[data-name=\"05-iran-hamas-timeline\"]').href"
    )
    _clean(
        browser.navigate_by(
            lambda v: browser.click('a.example[data-name="05-iran-hamas-timeline"]', v)
        )
    )
    assert browser.evaluate("location.href") == link
    marks = browser.evaluate(
        """[...document.querySelectorAll('figure.view-timeline svg .mark')].map(m => {
             const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; })"""
    )
    rows = browser.evaluate(ROWS)
    assert marks and all(marks) and len(marks) == rows > 5
    browser.screenshot("query-timeline.png", full=True)


def test_every_example_answers_rows_under_this_base(site, browser):
    _clean(browser.visit(site + "query"))
    links = browser.evaluate(
        "[...document.querySelectorAll('a.example')].map(a => [a.dataset.name, a.href])"
    )
    assert len(links) >= 10
    for name, href in links:
        query = parse_qs(urlsplit(href).query)["query"][0]
        assert site + "def/" in query or "sup:" not in query, name
        assert "127.0.0.1:8080" not in query, name
        _clean(browser.visit(href))
        count = browser.evaluate(
            "(document.querySelector('.summary .count') || {}).innerText || '0'"
        )
        assert int(count) > 0, f"{name} answers no rows under {site}"


def test_search_forgives_english_and_answers_json(site, browser):
    _clean(browser.visit(site + "search?q=hezbolah"))
    first = browser.evaluate(
        "document.querySelector('section.actors li.hit a').getAttribute('href')"
    )
    assert first == urlsplit(site).path + "id/actor/hezbollah"
    assert (
        browser.evaluate("document.querySelector('section.actors mark').innerText") == "Hezbollah"
    )
    assert "hezbollah" in browser.evaluate("document.querySelector('p.corrections').innerText")
    browser.screenshot("search-hezbolah.png", full=True)
    answer = browser.evaluate(
        f"""fetch({json.dumps(site + "search?q=hamas")}, {{headers: {{Accept: "application/json"}}}})
             .then(r => r.json().then(body => [r.headers.get("content-type"), body]))"""
    )
    kind, body = answer
    assert kind.startswith("application/json")
    assert body["results"]["actor"][0]["iri"] == site + "id/actor/hamas"
    assert all(h["claim"]["document"]["iri"] for h in body["results"]["claim"])


def test_a_jsonld_description_names_a_context_served_here(site, browser):
    _clean(browser.visit(site))
    found = browser.evaluate(
        f"""(async () => {{
          const doc = await (await fetch({json.dumps(site + "id/actor/hamas")},
                                         {{headers: {{Accept: "application/ld+json"}}}})).json();
          const context = await fetch(doc["@context"]);
          return [doc["@context"], context.status, context.headers.get("content-type"),
                  Object.keys((await context.json())["@context"]).includes("sup")];
        }})()"""
    )
    assert found == [site + "context.jsonld", 200, "application/ld+json", True]


def _get(url: str, accept: str) -> tuple[str, bytes]:
    """The final address and body of a GET (the 303 from /id/ to /doc/ followed)."""
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.url, answer.read()


@pytest.mark.parametrize("thing", ["id/actor/hamas", "def/Claim"])
def test_a_jsonld_description_read_with_its_context_is_the_turtle_graph(site, thing):
    """rdflib reads the compacted JSON-LD, fetching the context it names from this server, into
    the same triples as the Turtle description of the same thing."""
    address, body = _get(site + thing, "application/ld+json")
    document = json.loads(body)
    assert document["@context"] == site + "context.jsonld"  # named, not inline
    assert urlsplit(address).path == urlsplit(site).path + "doc/" + thing
    from_jsonld = Graph().parse(data=body, format="json-ld", publicID=address)
    _, turtle = _get(site + thing, "text/turtle")
    from_turtle = Graph().parse(data=turtle, format="turtle", publicID=address)
    assert len(from_turtle) > 10
    assert isomorphic(from_jsonld, from_turtle), (
        f"{len(from_jsonld)} triples from JSON-LD, {len(from_turtle)} from Turtle"
    )


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("home", ""),
        ("actor-hamas", "doc/id/actor/hamas"),
        ("actor-russia", "doc/id/actor/russia"),
        ("network", "network"),
        ("network-iran", "network?actor=iran"),
        ("funding", "funding"),
        ("document-ar", "doc/id/document/iran-hamas-relations-ar-wikipedia"),
        ("search-hamas-ar", "search?q=" + quote("حماس")),
    ],
)
def test_screenshots_of_the_pages(site, browser, name, path):
    visit = browser.visit(site + path)
    _clean(visit)
    assert browser.evaluate("document.title") and len(browser.evaluate("document.title")) < 200
    browser.screenshot(f"{name}.png")
    browser.screenshot(f"{name}-full.png", full=True)
    if name.startswith("network"):
        boxes = browser.evaluate(
            """[...document.querySelectorAll('figure.network svg text.label')].map(t => {
                 const r = t.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })"""
        )
        assert len(boxes) >= 5
        for n, (l1, t1, r1, b1) in enumerate(boxes):
            for l2, t2, r2, b2 in boxes[n + 1 :]:
                assert r1 <= l2 + 0.5 or r2 <= l1 + 0.5 or b1 <= t2 + 0.5 or b2 <= t1 + 0.5

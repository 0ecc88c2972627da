"""A real browser: Debian's Chromium, headless, opens the pages a person would and runs a
competency question from the query form.

The assertions hold to what any version of the pages must do (other work reshapes the HTML):
the page loads with 200, Arabic text is laid out right to left, the names the store has are on
the page, the result table of the submitted query has the store's number of rows, and nothing
is reported on the console (errors, uncaught exceptions, failed loads, CSP refusals).
Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import json

import pytest

from publisher.web.examples import render
from tests.external.browser import Browser
from tests.markers import starts

pytestmark = pytest.mark.external

# Every element whose own text starts (first strong letter) with an Arabic letter, with its
# computed direction: the layout a reader sees, whatever markup produced it.
ARABIC_ELEMENTS = r"""(() => {
  const strong = /[A-Za-z\u00C0-\u024F\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const arabic = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    const own = [...element.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('');
    const first = own.match(strong);
    if (first && arabic.test(first[0]) && element.getClientRects().length) {
      found.push({tag: element.tagName, direction: getComputedStyle(element).direction,
                  text: own.trim().slice(0, 40)});
    }
  }
  return found;
})()"""


@pytest.fixture(scope="module")
@starts("live")
def page(chromium, tmp_path_factory):
    browser = Browser(chromium, tmp_path_factory.mktemp("chromium"))
    try:
        yield browser.page
    finally:
        browser.close()


@pytest.fixture(autouse=True)
def no_console_problems(page):
    """Whatever a test does in the page, the console must stay clean."""
    page.problems.clear()
    yield
    assert page.problems == [], "\n".join(map(str, page.problems))


def body_text(page) -> str:
    return page.evaluate("document.body.innerText")


def assert_arabic_right_to_left(page, at_least: int = 1) -> list[dict]:
    elements = page.evaluate(ARABIC_ELEMENTS)
    assert len(elements) >= at_least, f"expected Arabic text on {page.evaluate('location.href')}"
    wrong = [e for e in elements if e["direction"] != "rtl"]
    assert wrong == [], f"Arabic laid out left to right: {wrong[:5]}"
    return elements


def test_home_page(server, page, artifacts):
    assert page.open(server.base) == 200
    assert_arabic_right_to_left(page)
    links = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
    assert any(
        link.startswith(server.iri("sparql")) or link == server.iri("query") for link in links
    )
    page.screenshot(artifacts / "browser-home.png")


def test_actor_page(server, store, page, artifacts):
    actor = server.iri("id/actor/hamas")
    assert page.open(actor) == 200  # the 303 followed to the HTML description
    assert page.evaluate("location.href").startswith(server.iri("doc/id/actor/hamas"))
    labels = {
        row["l"].language: row["l"].value
        for row in store.query(
            f"SELECT ?l WHERE {{ <{actor}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
        ).rows
    }
    text = body_text(page)
    assert labels["en"] in text and labels["ar"] in text
    elements = assert_arabic_right_to_left(page)
    assert any(e["text"].startswith(labels["ar"]) for e in elements)
    page.screenshot(artifacts / "browser-actor.png")


def test_arabic_document_page(server, store, page, artifacts):
    rows = store.query(
        """SELECT ?document ?title WHERE {
          ?document <http://purl.org/dc/terms/language> "ar"^^<http://www.w3.org/2001/XMLSchema#language> ;
                    <http://purl.org/dc/terms/title> ?title .
          FILTER(LANG(?title) = "ar") } ORDER BY ?document LIMIT 1"""
    ).rows
    assert rows, "the release has no Arabic document"
    document, title = rows[0]["document"].value, rows[0]["title"].value
    assert page.open(document) == 200
    assert title in body_text(page)
    elements = assert_arabic_right_to_left(page, at_least=5)
    assert any(e["text"].startswith(title[:20]) for e in elements)
    page.screenshot(artifacts / "browser-document-ar.png")


def test_competency_question_from_the_query_form(server, store, page, artifacts):
    """Type a competency question into the form, press the button: the table has every row."""
    query = (server.home / "queries" / "01-iran-support.rq").read_text(encoding="utf-8")
    # Typed as it is (the endpoint knows the dataset's prefixes); the store is given them.
    result = store.query(render(query, server.base))
    variables, expected = list(result.variables), len(result.rows)
    assert expected > 5
    assert page.open(server.iri("query")) == 200
    # The page's editor (YASQE) stands in for the textarea: focus it and type, as a person would.
    assert page.evaluate("!!window.queryEditor"), "the query page has no editor"
    page.evaluate("window.queryEditor.setValue(''); window.queryEditor.focus()")
    page.send("Input.insertText", text=query)
    assert page.evaluate("window.queryEditor.getValue()") == query
    assert page.submit_by_click('form [type="submit"]') == 200
    # The query asks for a bar chart (#defaultView); its rows are a click away, as a table.
    assert page.evaluate("!!document.querySelector('figure svg')"), "no chart was drawn"
    page.click("details.rows summary")
    table = page.evaluate(
        """(vars => {
          for (const table of document.querySelectorAll('table')) {
            const heads = [...table.querySelectorAll('thead th')].map(th => th.innerText.trim().replace(/^\\?/, ''));
            if (vars.every(v => heads.includes(v))) {
              return {heads, rows: [...table.querySelectorAll('tbody tr')].map(tr => tr.innerText)};
            }
          }
          return null;
        })("""
        + json.dumps(variables)
        + ")"
    )
    assert table is not None, f"no result table with the columns {variables}"
    assert len(table["rows"]) == expected
    names = {row["beneficiaryName"].value for row in result.rows}
    assert all(any(name in row for row in table["rows"]) for name in names)
    page.screenshot(artifacts / "browser-query-result.png")

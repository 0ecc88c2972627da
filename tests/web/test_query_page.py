"""The query page, on the server side: a form that sends the query by GET, the examples written
once and rendered under the base being served (here one with another port and a path), errors
shown inline with the query kept, downloads in every results format, and the views.

The browser side (the editor, completion, the views drawn in Chromium) is in
tests/pages/test_query_browser.py."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from publisher.web import create_app
from publisher.web.examples import full_iris, render
from tests.conftest import copy_project
from tests.web.fixture_release import BASE

ROOT = Path(__file__).resolve().parents[2]
OTHER_BASE = "http://127.0.0.1:8091/kg/"  # another port, and a path
EXAMPLES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    """The app over the project's release minted under OTHER_BASE (built for it)."""
    from publisher.build.publish import build_release

    home = copy_project(tmp_path_factory.mktemp("other-base") / "project")
    build_release(home, OTHER_BASE, home / "release")
    app = create_app(
        {
            "TESTING": True,
            "HOME": str(home),
            "RELEASE_DIR": str(home / "release"),
            "BASE_IRI": OTHER_BASE,
            "QUERY_WORKERS": 0,
        }
    )
    return app.test_client()


def _example_links(client, prefix: str = "/kg") -> dict[str, str]:
    """name -> the query each example link of the query page runs."""
    html = client.get(prefix + "/query").get_data(as_text=True)
    links = re.findall(r'<a href="([^"]*)" class="example" data-name="([^"]*)"', html)
    return {name: parse_qs(urlsplit(unescape(href)).query)["query"][0] for href, name in links}


def test_the_example_files_name_no_host(tmp_path):
    for path in EXAMPLES:
        text = path.read_text(encoding="utf-8")
        assert "127.0.0.1" not in text and "PREFIX" not in text, path.name
        assert full_iris(text, BASE) == [], path.name


@pytest.mark.slow  # the fixture builds the whole release under another base
@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_answers_rows_under_another_base(other, path):
    """The examples run as linked from the page (with their PREFIX lines under the served
    base) and as written in the repository (the endpoint predeclares the prefixes)."""
    linked = _example_links(other)[path.stem]
    assert OTHER_BASE + "def/" in linked or "sup:" not in linked
    assert "127.0.0.1:8080" not in linked
    for text in (linked, path.read_text(encoding="utf-8")):
        response = other.get(
            "/kg/sparql",
            query_string={"query": text},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert response.status_code == 200, response.get_data(as_text=True)
        rows = response.get_json()["results"]["bindings"]
        assert rows, f"{path.name} answers no rows under {OTHER_BASE}"
        values = json.dumps(rows)
        assert "127.0.0.1:8080" not in values


def test_rendering_adds_only_the_prefixes_used():
    text = "# title: x\n#defaultView:Timeline\nSELECT ?a WHERE { ?a a sup:Claim ; rdfs:label ?l }\n"
    rendered = render(text, OTHER_BASE)
    assert rendered.startswith("# title: x\n#defaultView:Timeline\nPREFIX sup: <")
    assert f"PREFIX sup: <{OTHER_BASE}def/>" in rendered
    assert "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>" in rendered
    assert "PREFIX skos" not in rendered
    declared = "PREFIX sup: <http://example.org/>\nSELECT * { ?a sup:p ?b }"
    assert render(declared, OTHER_BASE) == declared  # a declared prefix is the query's own
    assert render("SELECT * { ?a ?b", OTHER_BASE) == "SELECT * { ?a ?b"


def test_the_form_sends_the_query_by_get(client):
    html = client.get("/query").get_data(as_text=True)
    assert '<form class="query-form" method="get" action="/sparql"' in html
    assert '<textarea name="query"' in html
    # A query in the address of /query goes to the endpoint's address.
    moved = client.get("/query?query=ASK%20%7B%7D")
    assert moved.status_code == 303 and moved.headers["Location"] == "/sparql?query=ASK%20%7B%7D"


def test_a_result_page_offers_every_format_and_a_link(client):
    query = "SELECT ?c WHERE { ?c a sup:Claim } ORDER BY ?c LIMIT 3"
    html = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/html"})
    body = html.get_data(as_text=True)
    formats = re.findall(r'href="/sparql\?[^"]*format=(\w+)"', body)
    assert set(formats) == {"json", "xml", "csv", "tsv"}
    for fmt, media in (("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
                       ("json", "application/sparql-results+json"),
                       ("xml", "application/sparql-results+xml")):  # fmt: skip
        answer = client.get("/sparql", query_string={"query": query, "format": fmt})
        assert answer.status_code == 200 and answer.mimetype == media
        assert answer.headers["Content-Disposition"].startswith("attachment")
    graph = client.get(
        "/sparql",
        query_string={"query": "CONSTRUCT WHERE { ?s a sup:Claim } LIMIT 2", "format": "ttl"},
    )
    assert graph.mimetype == "text/turtle"
    wrong = client.get("/sparql", query_string={"query": query, "format": "ttl"})
    assert wrong.status_code == 400 and "cannot be written as Turtle" in wrong.get_data(
        as_text=True
    )
    unknown = client.get("/sparql", query_string={"query": query, "format": "docx"})
    assert unknown.status_code == 400 and "format=" in unknown.get_data(as_text=True)


@pytest.mark.parametrize(
    ("query", "line", "column", "words"),
    [
        ("SELECT * WHERE { ?s ?p }", 1, 24, "lacks an object"),
        ("SELECT ?s WHERE {\n  ?s ?p ?o\n} ORDER ?s", 3, 9, "BY"),
        ("SELECT (COUNT(?s) ?n) WHERE { ?s ?p ?o }", 1, 19, "AS"),
        ("SELECT * WHERE { ?s ?p ?o ", 1, 16, "never closed"),
        ("SELECT * WHERE { ?s foo:bar ?o }", 1, 21, "not declared"),
    ],
)
def test_a_syntax_error_is_shown_inline_with_the_query_kept(client, query, line, column, words):
    response = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/html"})
    assert response.status_code == 400 and response.mimetype == "text/html"
    body = response.get_data(as_text=True)
    kept = re.search(r'<textarea name="query"[^>]*>(.*?)</textarea>', body, re.S).group(1)
    assert unescape(kept) == query
    problem = re.search(r'<section class="problem".*?</section>', body, re.S).group(0)
    assert f"line {line}, column {column}" in problem
    assert words in unescape(problem)
    assert "\\u{" not in problem and "..=" not in problem  # no Unicode ranges
    # Programs still get the error as text.
    text = client.get("/sparql", query_string={"query": query}, headers={"Accept": "text/plain"})
    assert text.status_code == 400 and text.mimetype == "text/plain"


@pytest.mark.parametrize(
    ("name", "view", "mark"),
    [
        ("05-iran-hamas-timeline", "Timeline", "mark"),
        ("03-multi-document-propositions", "BarChart", "bar"),
        ("08-roles", "Graph", "node"),
    ],
)
def test_the_views_of_the_examples_are_drawn(client, name, view, mark):
    text = render((ROOT / "queries" / f"{name}.rq").read_text(encoding="utf-8"), BASE)
    rows = client.get("/sparql", query_string={"query": text, "format": "json"}).get_json()[
        "results"
    ]["bindings"]
    page = client.get("/sparql", query_string={"query": text}, headers={"Accept": "text/html"})
    body = page.get_data(as_text=True)
    assert f"<strong>{'Bar chart' if view == 'BarChart' else view}</strong>" in body
    figure = re.search(
        rf'<figure class="chart view view-{view.lower()}">(.*?)</figure>', body, re.S
    )
    assert figure, f"{name}: no {view}"
    drawn = len(re.findall(rf'class="{mark}"', figure.group(1)))
    assert drawn > 0
    if view != "Graph":
        assert drawn == len(rows)
    picture = client.get("/sparql", query_string={"query": text, "format": "svg"})
    assert picture.mimetype == "image/svg+xml" and picture.get_data().startswith(b"<svg")


def test_a_view_chosen_on_the_page_wins_and_a_missing_one_says_why(client):
    query = "SELECT ?c ?l WHERE { ?c a sup:Claim ; rdfs:label ?l } ORDER BY ?c LIMIT 5"
    page = client.get("/sparql", query_string={"query": query, "view": "Timeline"},
                      headers={"Accept": "text/html"})  # fmt: skip
    body = page.get_data(as_text=True)
    assert "no column holds dates" in body and '<table class="results">' in body


def test_the_service_description_says_which_prefixes_and_limits(client):
    import rdflib

    graph = rdflib.Graph().parse(data=client.get("/sparql").get_data(), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    declared = {str(graph.value(d, sh.prefix)): str(graph.value(d, sh.namespace))
                for d in graph.objects(None, sh.declare)}  # fmt: skip
    assert declared["sup"] == BASE + "def/" and declared["actor"] == BASE + "id/actor/"
    comments = " ".join(str(c) for c in graph.objects(None, rdflib.RDFS.comment))
    assert "without PREFIX lines" in comments and "SPARQL-Results-Truncated" in comments
    assert "503 without Retry-After" in comments


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_completions_and_the_policy_of_the_query_page(client):
    data = client.get("/query/completions.json").get_json()
    assert data["prefixes"]["actor"] == BASE + "id/actor/"
    assert BASE + "def/Claim" in data["classes"] and BASE + "def/subject" in data["properties"]
    hamas = next(a for a in data["actors"] if a["iri"] == BASE + "id/actor/hamas")
    assert hamas["en"] == "Hamas" and hamas["ar"] == "حماس"
    query_policy = client.get("/query").headers["Content-Security-Policy"]
    assert "script-src 'self'" in query_policy and "unsafe" not in query_policy
    assert "script-src 'none'" in client.get("/").headers["Content-Security-Policy"]


def test_without_the_editor_files_the_page_is_the_plain_form(home, release_dir, tmp_path):
    (tmp_path / "queries").mkdir()
    app = create_app(
        {"TESTING": True, "HOME": str(tmp_path), "RELEASE_DIR": str(release_dir),
         "BASE_IRI": BASE, "QUERY_WORKERS": 0, "ASSETS_DIR": str(tmp_path / "web-assets")}
    )  # fmt: skip
    response = app.test_client().get("/query")
    body = response.get_data(as_text=True)
    assert "<script" not in body and "make assets" in body
    assert "script-src 'none'" in response.headers["Content-Security-Policy"]
    assert app.test_client().get("/assets/yasqe.min.js").status_code == 404

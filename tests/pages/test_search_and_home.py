"""Search in either language (حماس, حركة حماس and "Hamas" find Hamas) and the home page."""

from __future__ import annotations

import pytest

from publisher.textlayer.arabic import fold
from tests.pages.dom import page
from tests.pages.helpers import assert_queries_run, one, path, select, values


@pytest.fixture(scope="module")
def hamas(store) -> str:
    return one(
        store, 'SELECT ?a WHERE { GRAPH ?g { ?a a sup:Actor ; rdfs:label "Hamas"@en } }', "a"
    )


def _first_actor(client, q: str) -> str:
    tree = page(client, "/search?" + __import__("urllib.parse").parse.urlencode({"q": q}))
    hits = tree.find("section", cls="actors").find_all("li", cls="hit")
    assert hits, f"nothing found for {q!r}"
    return hits[0].find("a").get("href")


@pytest.mark.parametrize("q", ["حماس", "حركة حماس", "Hamas", "hamas", "وحماس", "حَمَاس"])
def test_search_finds_hamas(client, hamas, q):
    assert _first_actor(client, q) == path(hamas)


def test_search_forgives_arabic_spelling(client, store):
    """An actor whose Arabic name has a hamza, taa marbuta or alef maqsura is found when the
    name is written without it."""
    rows = select(
        store,
        """SELECT ?a ?l WHERE { GRAPH ?g { ?a a sup:Actor ; rdfs:label ?l FILTER(LANG(?l) = "ar")
          FILTER(REGEX(?l, "[أإآةى]")) } } ORDER BY ?a LIMIT 5""",
    )
    assert rows
    plain = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
    for row in rows:
        variant = row["l"].translate(plain)
        assert variant != row["l"] and fold(variant) == fold(row["l"])
        assert _first_actor(client, variant) == path(row["a"]) or path(row["a"]) in {
            a.get("href")
            for a in page(client, "/search?q=" + variant)
            .find("section", cls="actors")
            .find_all("a")
        }


def test_search_finds_documents_and_claims(client, store, hamas):
    tree = page(client, "/search?q=Hamas")
    documents = values(
        store,
        """SELECT ?d WHERE { GRAPH ?g { ?d a sup:Document ; dcterms:title ?t
          FILTER(CONTAINS(LCASE(STR(?t)), "hamas")) } }""",
        "d",
    )
    found = {a.get("href") for a in tree.find("section", cls="documents").find_all("a")}
    assert found == {path(d) for d in documents}
    claims = tree.find("section", cls="claims").find_all("li", cls="hit")
    assert claims
    assert_queries_run(client, tree)


def test_search_without_matches_and_bad_input(client):
    tree = page(client, "/search?q=zzqqxx")
    assert all(not s.find_all("li") for s in tree.find_all("section", cls="results"))
    assert page(client, "/search").find("input", type="search")
    response = client.get("/search?q=" + "x" * 500, headers={"Accept": "text/plain"})
    assert response.status_code == 400 and "q is 500 characters" in response.get_data(as_text=True)


def test_home_lists_documents_actors_release_and_links(client, store):
    tree = page(client, "/")
    documents = values(store, "SELECT ?d WHERE { GRAPH ?g { ?d a sup:Document } }", "d")
    rows = tree.find("table", cls="documents-list").find("tbody").find_all("tr")
    assert {r.find("a").get("href") for r in rows} == {path(d) for d in documents}
    assert all(r.find("td", cls="language").text.strip() in ("ar", "en") for r in rows)
    actors = values(store, "SELECT ?a WHERE { GRAPH ?g { ?a a sup:Actor } }", "a")
    actor_rows = tree.find("table", cls="actors-list").find("tbody").find_all("tr")
    assert len(actor_rows) == len(actors)
    assert "conforms" in tree.find("dd", cls="validation-status").text
    hrefs = {a.get("href") for a in tree.find_all("a")}
    assert {
        "/sparql",
        "/download/",
        "/.well-known/void",
        "/funding",
        "/network",
        "/search",
    } <= hrefs
    assert_queries_run(client, tree)

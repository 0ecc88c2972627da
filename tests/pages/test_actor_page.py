"""The actor page: names in both languages, relations grouped by type and partner, a timeline
of dated claims and events in order."""

from __future__ import annotations

import pytest

from tests.pages.dom import page
from tests.pages.helpers import (
    assert_queries_run,
    assert_rdf_links,
    doc_path,
    one,
    path,
    select,
    values,
)

DATES = "time:inXSDgYear|time:inXSDgYearMonth|time:inXSDDate"


@pytest.fixture(scope="module")
def actor(store) -> str:
    """The actor named in the most claims."""
    return one(
        store,
        """SELECT ?a (COUNT(DISTINCT ?c) AS ?n) WHERE { GRAPH ?g { ?c sup:subject|sup:object ?a }
          GRAPH ?h { ?a a sup:Actor } } GROUP BY ?a ORDER BY DESC(?n) ?a LIMIT 1""",
        "a",
    )


def test_names_in_both_languages(client, store, actor):
    labels = {
        r["lang"]: r["l"]
        for r in select(
            store,
            f"SELECT ?l (LANG(?l) AS ?lang) WHERE {{ GRAPH ?g {{ <{actor}> rdfs:label ?l }} }}",
        )
    }
    tree = page(client, doc_path(actor))
    assert tree.find("dd", cls="name-en").text == labels["en"]
    arabic = tree.find("dd", cls="name-ar").find("span")
    assert (arabic.get("lang"), arabic.get("dir"), arabic.text) == ("ar", "rtl", labels["ar"])


def test_relations_cover_every_claim_once(client, store, actor):
    claims = values(
        store,
        f"SELECT ?c WHERE {{ GRAPH ?g {{ ?c a sup:Claim ; sup:subject|sup:object <{actor}> }} }}",
        "c",
    )
    table = page(client, doc_path(actor)).find("table", cls="relations")
    links = [a.get("href") for a in table.find_all("a", cls="claim-link")]
    assert len(links) == len(claims)
    assert set(links) == {path(c) for c in claims}
    # Each claim as its sentence in both languages, its polarity and its document.
    for item in table.find_all("li", cls="claim-item"):
        assert item.find("a", cls="claim-link").text.endswith(".")
        assert item.find("span", cls="ar").get("dir") == "rtl"
        assert item.find("span", cls="badge")
        assert item.find("small", cls="where").find("a").get("href").startswith("/id/document/")
    relation_types = values(
        store,
        f"SELECT ?r WHERE {{ GRAPH ?g {{ ?c sup:relation ?r ; sup:subject|sup:object <{actor}> }} }}",
        "r",
    )
    assert len(table.find_all("th", scope="rowgroup")) == len(relation_types)


def test_timeline_holds_dated_claims_and_events_in_order(client, store, actor):
    dated_claims = values(
        store,
        f"""SELECT ?c WHERE {{ GRAPH ?g {{ ?c sup:subject|sup:object <{actor}> ; sup:time ?t .
          ?t ({DATES})|time:hasBeginning/({DATES})|time:hasEnd/({DATES}) ?d }} }}""",
        "c",
    )
    dated_events = values(
        store,
        f"""SELECT ?e WHERE {{ GRAPH ?g {{ ?e sup:participant <{actor}> ; sup:time ?t .
          ?t ({DATES})|time:hasBeginning/({DATES})|time:hasEnd/({DATES}) ?d }} }}""",
        "e",
    )
    items = page(client, doc_path(actor)).find("ol", cls="timeline").find_all("li")
    # Every dated claim is in one entry; an entry holding several is one proposition (or one
    # sentence) at one time, and names the document of each.
    reported = [a.get("href") for i in items for a in i.find_all("a", cls="report")]
    assert sorted(reported) == sorted(path(c) for c in dated_claims)
    claims = [i for i in items if "claim" in i.classes]
    assert len(claims) < len(dated_claims)  # some reports were merged
    for item in claims:
        sources = item.find("small", cls="sources")
        links = sources.find_all("a", cls="report")
        assert len(sources.find_all("a")) == 2 * len(links)  # a document for each report
    assert len([i for i in items if "event" in i.classes]) == len(dated_events)
    dates = [i.get("data-date") for i in items]
    assert dates == sorted(dates)
    assert all(i.find("span", cls="ar").get("dir") == "rtl" for i in items)


def test_actor_page_offers_its_data(client, actor):
    tree = page(client, doc_path(actor))
    assert_rdf_links(tree, actor)
    assert_queries_run(client, tree)


def test_structure_is_said_in_words_not_predicates(client, store):
    """A structure link reads "is the government of", never `sup:governmentOf`."""
    government = one(
        store,
        "SELECT ?x WHERE { GRAPH ?g { ?x sup:governmentOf ?s } } ORDER BY ?x LIMIT 1",
        "x",
    )
    tree = page(client, doc_path(government))
    roles = tree.find("ul", cls="roles")
    assert roles is not None and "government of" in roles.text
    assert "sup:" not in roles.text and "org:" not in roles.text

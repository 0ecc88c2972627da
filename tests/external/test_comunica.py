"""Comunica against the real server: the competency questions through /sparql, queries over
dereferenced descriptions, and link traversal from an actor to its claims and documents.

Comunica 5 (@comunica/query-sparql) runs on the pinned Node 22; link traversal is
@comunica/query-sparql-link-traversal, whose engine is still Comunica 3.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from publisher.web.examples import render
from tests.external.clients import comunica, js_rows, js_term, sorted_rows, store_rows

pytestmark = pytest.mark.external

QUERIES = sorted((Path(__file__).resolve().parents[2] / "queries").glob("*.rq"))
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
GROUP_CONCAT = re.compile(
    r'GROUP_CONCAT\(.*?;\s*separator\s*=\s*"([^"]*)"\s*\)\s*AS\s+\?(\w+)', re.S | re.I
)


@pytest.mark.parametrize("name", [path.name for path in QUERIES])
def test_competency_question_through_the_endpoint(server, store, name):
    """Each queries/*.rq through Comunica with /sparql as its source gives the store's answer,
    every literal with its language tag and datatype (Comunica 4.5 dropped xml:lang here)."""
    # Comunica reads the query itself first: it is given the PREFIX lines for the server's base.
    query = render((server.home / "queries" / name).read_text(encoding="utf-8"), server.base)
    variables, expected = store_rows(store, query)
    assert expected, f"{name} has no answer on the release: nothing to compare"
    answer = comunica(query, [{"type": "sparql", "value": server.iri("sparql")}])
    assert sorted(answer["variables"]) == sorted(variables)
    joined = concatenated(query)
    assert unordered(js_rows(answer), joined) == unordered(sorted_rows(expected), joined)


def concatenated(query: str) -> dict[str, str]:
    """The variables a query makes with GROUP_CONCAT, with their separators."""
    return {name: separator for separator, name in GROUP_CONCAT.findall(query)}


def unordered(rows: Counter, joined: dict[str, str]) -> Counter:
    """`rows` with each GROUP_CONCAT value's parts sorted: SPARQL leaves their order to the
    engine, and Oxigraph's differs from one process to another (the server is one, the store
    compared with is another)."""

    def part(variable: str, term: tuple) -> tuple:
        separator = joined.get(variable)
        if separator is None or term[0] != "literal":
            return term
        return (term[0], separator.join(sorted(term[1].split(separator))), *term[2:])

    return Counter({tuple((v, part(v, t)) for v, t in row): n for row, n in rows.items()})


def test_the_competency_answers_carry_language_tags(server, store):
    """The comparison above would not notice lost tags if no answer had any: some have both."""
    languages = set()
    for path in QUERIES:
        text = render((server.home / "queries" / path.name).read_text("utf-8"), server.base)
        _, rows = store_rows(store, text)
        languages |= {term[2] for row in rows for _, term in row if term[2]}
    assert {"ar", "en"} <= languages


def test_query_over_a_dereferenced_description_keeps_its_graphs(server):
    """Given only the actor's IRI as source, Comunica dereferences it (303, then the
    description in N-Quads, its preferred type) and finds each triple in its named graph."""
    actor = server.iri("id/actor/hamas")
    query = f"SELECT ?label ?g WHERE {{ GRAPH ?g {{ <{actor}> <{RDFS_LABEL}> ?label }} }}"
    answer = comunica(query, [actor])
    labels = {js_term(row["label"])[1:3] for row in answer["rows"]}
    assert labels == {("Hamas", "en"), ("حماس", "ar")}
    assert {row["g"]["value"] for row in answer["rows"]} == {server.iri("graph/reference")}


def test_query_over_a_dereferenced_description_follows_its_pages(server, store):
    """Iran's description is paged (hydra:next): Comunica reads every page and finds every
    claim whose subject Iran is, as the store does. The triples are in their named graphs, so
    the query uses Comunica's unionDefaultGraph; without DISTINCT, which Comunica 5.4.1 answers
    with no rows when unionDefaultGraph is on (see the README's Tested clients)."""
    actor = server.iri("id/actor/iran")
    query = f"SELECT ?claim WHERE {{ ?claim <{server.iri('def/subject')}> <{actor}> }}"
    _, expected = store_rows(store, query)
    assert sum(expected.values()) > 50, "Iran's claims should fill more than one page"
    answer = comunica(query, [actor], unionDefaultGraph=True)
    assert set(js_rows(answer)) == set(sorted_rows(expected))


def _requests_since(log: Path, start: int) -> list[str]:
    """The paths the server logged since byte `start` of its log."""
    with open(log, "rb") as handle:
        handle.seek(start)
        text = handle.read().decode("utf-8", errors="replace")
    return re.findall(r'"GET (\S+) HTTP', text)


def test_link_traversal_from_an_actor_to_its_claims_and_documents(server, store):
    """Starting from nothing but the actor's IRI, the traversal engine follows the claims the
    actor's description lists, then the documents those claims are stated in, and answers a
    question whose last part (the documents' languages) only the documents' own descriptions
    hold."""
    actor = server.iri("id/actor/hezbollah")
    sup = server.iri("def/")
    query = f"""SELECT DISTINCT ?claim ?document ?language WHERE {{
      GRAPH ?g1 {{ ?claim <{sup}subject> <{actor}> ; <{sup}statedIn> ?document }}
      GRAPH ?g2 {{ ?document <http://purl.org/dc/terms/language> ?language }}
    }}"""
    _, expected = store_rows(store, query)
    assert expected
    log = server.log
    start = log.stat().st_size
    answer = comunica(query, [actor], engine="traversal", lenient=True)
    assert js_rows(answer) == sorted_rows(expected)
    fetched = set(_requests_since(log, start))
    for row in answer["rows"]:
        for key in ("claim", "document"):
            path = "/doc/" + row[key]["value"][len(server.base) :]
            assert path in fetched, f"the traversal answered without dereferencing {path}"
    # The actor's description does not hold the documents' languages: traversal was needed.
    description = comunica(
        "SELECT * WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/language> ?l } }", [actor]
    )
    assert description["rows"] == []

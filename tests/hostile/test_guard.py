"""The text checks and the path policy on their own: what passes, what is refused, and why."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from publisher.rdf import paths
from publisher.settings import SETTINGS
from publisher.store import guard
from publisher.store.errors import QueryRefused, UpdateRefused

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8080/"


@pytest.mark.parametrize("query", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_the_example_queries_pass_with_room_to_spare(query):
    text = query.read_text(encoding="utf-8")
    guard.check(text)
    depth, nodes = guard.complexity(text)
    assert depth <= guard.Limits().max_depth // 4 and nodes <= guard.Limits().max_nodes // 4


@pytest.mark.parametrize(
    "query, graphs",
    [
        ("SELECT * { ?s ?p ?o }", []),
        (f"SELECT * FROM <{BASE}graph/ontology> {{ ?s ?p ?o }}", [f"{BASE}graph/ontology"]),
        (f"PREFIX g: <{BASE}graph/> SELECT * FROM g:ontology FROM NAMED g:reference {{}}",
         [f"{BASE}graph/ontology", f"{BASE}graph/reference"]),
        ("BASE <http://x.example/a/> SELECT * FROM <../g> {}", ["http://x.example/g"]),
        ("SELECT * FROM <graph/ontology> {}", [f"{BASE}graph/ontology"]),  # against the endpoint
        ("SELECT * FROM\n# a comment\nNAMED <http://x.example/g> {}", ["http://x.example/g"]),
        ("SELECT * {} # FROM <http://x.example/g>", []),
        ("SELECT ?from { ?from <http://x.example/FROM> 'FROM <x:y>' }", []),
        ("CONSTRUCT { ?s ?p ?o } FROM <http://x.example/g> WHERE { ?s ?p ?o }", ["http://x.example/g"]),
        ("PREFIX : <http://x.example/> SELECT * FROM:g {}", ["http://x.example/g"]),
        ("SELECT * FROM:g {}", None),  # FROM, then `:g` with no prefix declared
        ("SELECT * { ?s <http://x.example/p> ?o } # no FROM: FROM:g inside a comment", []),
        ("PREFIX FROM: <http://x.example/> SELECT * { ?s FROM:p ?o }", []),  # a prefix named FROM
    ],
)  # fmt: skip
def test_dataset_clauses_resolve_as_the_store_would(query, graphs):
    if graphs is None:
        with pytest.raises(QueryRefused):  # an undeclared prefix: not an IRI
            guard.dataset_graphs(query, BASE + "sparql")
        return
    assert guard.dataset_graphs(query, BASE + "sparql") == graphs


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { SERVICE <http://x/> {} }",
        "select * { service silent <http://x/> {} }",
        "SELECT * {\nSERVICE#c\n?e {} }",
        "SELECT * { ?a ?b ?c .SERVICE <http://x/> {} }",
        "PREFIX : <http://x/> SELECT * { SERVICE:sparql { } }",
        "PREFIX : <http://x/> SELECT * { SERVICE:sparql#c\n{ } }",
        "SELECT * { \\u0053ERVICE <http://x/> {} }",
        'SELECT * { BIND("\\u0022 AS ?x) SERVICE <http://x/> {} #" AS ?y) }',
        "SELECT * " + "{" * 65 + "}" * 65,
        "ASK { FILTER(1" + "+1" * 1000 + ") }",
    ],
)
def test_refused(query):
    with pytest.raises(QueryRefused):
        guard.check(query)


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <x:a> <x:b> <x:c> }",
        "PREFIX a: <x:>\n# c\nload <http://x/>",
        "WITH <x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_updates_are_forbidden(query):
    with pytest.raises(UpdateRefused):
        guard.check(query)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?service { ?service <http://x/SERVICE> 'SERVICE' } # SERVICE",
        "PREFIX service: <http://x/> SELECT * { ?s service:p ?o }",
        "SELECT * { ?s <http://x/p> '\\u0053ERVICE' }",  # an escape inside a string is data
        "SELECT ?x { VALUES ?x { " + " ".join(map(str, range(5000))) + " } }",  # data, not nodes
    ],
)
def test_allowed(query):
    guard.check(query)


@pytest.mark.parametrize(
    "asked, canonical",
    [
        ("/id/actor/iran", "/id/actor/iran"),
        ("/id/actor/ir\u200dan", "/id/actor/iran"),
        ("/id/actor/\u0627\u0640\u0644", "/id/actor/\u0627\u0644"),
        ("/id/actor/\u202eiran\u202c", "/id/actor/iran"),
        ("/id/actor/\ufefb", "/id/actor/\u0644\u0627"),
        ("/id/actor/e\u0301", "/id/actor/\u00e9"),
        ("//id//actor/iran", "/id/actor/iran"),
        ("/id/actor/\u0623\u0629\u0649", "/id/actor/\u0623\u0629\u0649"),  # letters never folded
        ("/id/actor/IRAN", "/id/actor/IRAN"),
    ],
)
def test_path_policy(asked, canonical):
    assert paths.canonical(asked) == canonical
    assert paths.is_canonical(canonical)


def test_locations_stay_on_this_server():
    assert paths.location("//evil.example/x") == "/evil.example/x"
    assert paths.location("/\\evil.example") == "/evil.example"
    assert paths.location("/id/\u0627") == "/id/%D8%A7"


def test_every_iri_of_the_release_is_canonical(release_store):
    rows = release_store.query(
        f"SELECT DISTINCT ?x WHERE {{ {{ GRAPH ?g {{ ?x ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p ?x }} }} "
        f"FILTER(isIRI(?x) && STRSTARTS(STR(?x), '{BASE}')) }}"
    )
    iris = [row["x"].value for row in rows]
    assert len(iris) > 1000
    for iri in iris:
        path = "/" + iri[len(BASE) :]
        assert paths.is_canonical(path), iri
        assert unicodedata.is_normalized("NFC", iri)


def test_every_setting_is_documented():
    docs = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    missing = [
        s.name for s in SETTINGS if f"`{s.name}`" not in docs and f"PUBLISHER_{s.name}" not in docs
    ]
    assert missing == []

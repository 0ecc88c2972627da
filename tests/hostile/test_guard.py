"""The text checks and the path policy on their own: what passes, what is refused, and why."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from publisher.rdf import paths
from publisher.settings import SETTINGS
from publisher.store import guard
from publisher.store.errors import QueryRefused, QuerySyntaxError, UpdateRefused
from publisher.web.examples import render

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8080/"


@pytest.mark.parametrize("query", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_the_example_queries_pass_with_room_to_spare(query):
    text = render(query.read_text(encoding="utf-8"), BASE)
    checked = guard.check(text, base_iri=BASE + "sparql")
    assert checked.form == "SELECT" and not checked.has_dataset
    depth, nodes = guard.complexity(text)
    assert depth <= guard.Limits().max_depth // 4 and nodes <= guard.Limits().max_nodes // 4
    assert guard.complexity(checked.text) == (depth, nodes)  # the normalised text is as big


def graphs_of(query: str) -> list[str]:
    checked = guard.check(query, base_iri=BASE + "sparql")
    return [*checked.default_graphs, *checked.named_graphs]


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
        ("PREFIX : <http://x.example/> SELECT * FROM :g {}", ["http://x.example/g"]),
        # The grammar's tokens are the longest match: `FROM:g` is one prefixed name, whose prefix
        # `FROM` is declared nowhere; refused (before, read as FROM :g and accepted).
        ("PREFIX : <http://x.example/> SELECT * FROM:g {}", None),
        ("SELECT * FROM:g {}", None),  # still refused: `FROM:` is not declared
        ("SELECT * { ?s <http://x.example/p> ?o } # no FROM: FROM:g inside a comment", []),
        ("PREFIX FROM: <http://x.example/> SELECT * { ?s FROM:p ?o }", []),  # a prefix named FROM
        # A comment ends at a lone CR too: the FROM after it is read, and resolved.
        ("SELECT * # c\rFROM <http://x.example/g> {}", ["http://x.example/g"]),
        ("PREFIX g: <http://x.example/>\nSELECT * FROM g:a\\#b {}", ["http://x.example/a#b"]),
        ("BASE <http://x.example/a/> BASE <b/> SELECT * FROM <c> {}", ["http://x.example/a/b/c"]),
        ("SELECT * FROM <http://x.example/\\u0067> {}", ["http://x.example/g"]),
    ],
)  # fmt: skip
def test_dataset_clauses_resolve_as_the_store_would(query, graphs):
    if graphs is None:
        with pytest.raises(QuerySyntaxError, match="`FROM:` is not declared"):
            graphs_of(query)
        return
    assert graphs_of(query) == graphs
    assert "FROM" not in guard.check(query, base_iri=BASE + "sparql").text.upper().split()


@pytest.mark.parametrize(
    "query, refusal",
    [
        ("SELECT * { SERVICE <http://x/> {} }", QueryRefused),
        ("select * { service silent <http://x/> {} }", QueryRefused),
        ("SELECT * {\nSERVICE#c\n?e {} }", QueryRefused),
        ("SELECT * { ?a ?b ?c .SERVICE <http://x/> {} }", QueryRefused),
        # `SERVICE:sparql` is one prefixed name (longest match), its prefix undeclared: still
        # refused, as a syntax error; declared, it is an IRI (test_harmless_after_normalisation).
        ("PREFIX : <http://x/> SELECT * { SERVICE:sparql { } }", QuerySyntaxError),
        ("PREFIX : <http://x/> SELECT * { SERVICE:sparql#c\n{ } }", QuerySyntaxError),
        ("SELECT * { \\u0053ERVICE <http://x/> {} }", QueryRefused),
        ("SELECT * " + "{" * 65 + "}" * 65, QueryRefused),
        ("ASK { FILTER(1" + "+1" * 1000 + ") }", QueryRefused),
        # Hidden from the old regular expressions, read by the tokenizer:
        ("PREFIX ex: <http://x/> SELECT * { ?s ex:p\\# SERVICE <http://x/> {} }", QueryRefused),
        ("SELECT * { ?s ?p ?o # c\rSERVICE <http://x/> {} }", QueryRefused),
        ("SELECT * { ?s ?p ?o # c\r\nSERVICE <http://x/> {} }", QueryRefused),
        ('DEFINE get:soft "replace" SELECT * { ?s ?p ?o }', QueryRefused),
        ("SELECT * { ?s ?p ?o } LATERAL", QueryRefused),  # not SPARQL 1.1
        ("PREFIX ex: <http://x/> SELECT * { ?s ex:p\\u0041 ?o }", QueryRefused),  # after a name
        ("SELECT * { ?s ?p ?o", QuerySyntaxError),
        ("SELECT * { ?s ?p ?o ) }", QuerySyntaxError),
        ("SELECT * { ?s ?p 'o }", QuerySyntaxError),
        ('SELECT * { ?s ?p """o }', QuerySyntaxError),
        ("SELECT * { ?s ?p 'o\n' }", QuerySyntaxError),
        ("SELECT * { ?s ?p <http://x/\\u0020> }", QuerySyntaxError),  # an escaped space in an IRI
        ("SELECT * { ?s ?p <http://x/\\u003E> }", QuerySyntaxError),
        ('SELECT ("\\uD800" AS ?x) {}', QuerySyntaxError),
        ("SELECT * { ?s nope:p ?o }", QuerySyntaxError),
        ("SELECT * { SELECT * FROM <http://x/g> { } }", QuerySyntaxError),  # no FROM in a subquery
        ("SELECT * { } FROM <http://x/g>", QuerySyntaxError),
        ("SELECT * FROM ?g { }", QuerySyntaxError),
        ("ASK {} PREFIX ex: <http://x/>", QuerySyntaxError),
        ("", QuerySyntaxError),
        ("# only a comment\r", QuerySyntaxError),
    ],
)
def test_refused(query, refusal):
    with pytest.raises(refusal):
        guard.check(query)


def test_errors_say_where():
    with pytest.raises(QuerySyntaxError, match="line 3, column 6"):
        guard.check("SELECT *\r\n{ ?s\r  ?p 'o }")
    with pytest.raises(QuerySyntaxError, match="line 2, column 9: the prefix `nope:`"):
        guard.check("SELECT *\n{ ?s ?p nope:o }")
    with pytest.raises(QueryRefused, match="line 1, column 1: `DEFINE`"):
        guard.check('DEFINE get:soft "replace" SELECT * {}')


@pytest.mark.parametrize(
    "query, harmless",
    [
        # Refused before; now the escape is decoded inside the string it belongs to, so the
        # store is given one string holding a quote, and no SERVICE.
        ('SELECT * { BIND("\\u0022 AS ?x) SERVICE <http://x/> {} #" AS ?y) }',
         'SELECT * { BIND ( "\\" AS ?x) SERVICE <http://x/> {} #" AS ?y ) }'),
        # Refused before (as SERVICE :sparql); here a prefix named SERVICE, an IRI, no SERVICE.
        ("PREFIX SERVICE: <http://x/> SELECT * { ?s SERVICE:sparql { } }",
         "SELECT * { ?s <http://x/sparql> { } }"),
        # A comment hiding a SPARQL 1.1 escape for a line break: the comment is dropped.
        ("ASK { ?s ?p ?o } # \\u000A SERVICE <http://x/> {}", "ASK { ?s ?p ?o }"),
    ],
)  # fmt: skip
def test_harmless_after_normalisation(query, harmless):
    checked = guard.check(query)
    assert checked.text == harmless
    assert not guard.uses_service(checked.text)


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <x:a> <x:b> <x:c> }",
        "PREFIX a: <x:>\n# c\nload <http://x/>",
        "WITH <x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "ASK {} ; INSERT DATA { <x:a> <x:b> <x:c> }",
        "# c\rDROP ALL",
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
    checked = guard.check(query)
    assert not guard.uses_service(checked.text)


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

"""The findings of the hostile probe against the regular-expression guard, each as a test, and
the one door (`execute`) giving the store the guard's reading and dataset, never the text.

Every query here that the guard accepts is evaluated, as normalised, by pyoxigraph on an
in-memory store (as the embedded store would), and the canary must hear nothing.
"""

from __future__ import annotations

import time

import pyoxigraph
import pytest

from publisher.store import execute as execute_module
from publisher.store import guard
from publisher.store.errors import QueryRefused, QuerySyntaxError, UnknownGraph, UpdateRefused
from publisher.store.results import QueryResult
from publisher.store.sparql import iri as iri_module
from publisher.store.sparql import lexer
from tests.hostile.test_guard_fuzz import evaluate as evaluate_in

BASE = "http://127.0.0.1:8080/"
ENDPOINT = BASE + "sparql"
KNOWN = {BASE + "graph/ontology", BASE + "graph/reference"}


class RecordingStore:
    """A store that answers nothing and remembers what it was asked."""

    def __init__(self) -> None:
        self.calls: list[dict] = []

    def query(self, sparql: str, **options) -> QueryResult:
        self.calls.append({"sparql": sparql, **options})
        return QueryResult(kind="boolean", boolean=True)


def run(store: RecordingStore, sparql: str, **options):
    defaults = {
        "known_graphs": KNOWN,
        "max_length": 100_000,
        "row_cap": 10,
        "timeout": 2.0,
        "base_iri": ENDPOINT,
    }
    return execute_module.execute(store, sparql, **(defaults | options))


@pytest.fixture
def no_pyoxigraph(monkeypatch):
    """pyoxigraph may not be used in this process while the guard reads a query."""

    def refuse(*args, **kwargs):
        raise AssertionError("pyoxigraph was called on untrusted text")

    monkeypatch.setattr(pyoxigraph, "Store", refuse)


def evaluate(checked: guard.CheckedQuery) -> None:
    """Evaluate the normalised text as the embedded store would, errors ignored."""
    store = pyoxigraph.Store()
    store.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode("http://x.example/s"),
            pyoxigraph.NamedNode("http://x.example/p"),
            pyoxigraph.Literal("o"),
            pyoxigraph.NamedNode(BASE + "graph/ontology"),
        )
    )
    evaluate_in(store, checked)


def heard_nothing(canary) -> bool:
    time.sleep(0.2)  # a connection just made would be counted by now
    return canary.connections == []


# ---- the probe's findings ------------------------------------------------------------------


def test_service_after_an_escaped_prefixed_name_is_refused(canary):
    query = f"PREFIX ex: <http://x.example/>\nSELECT * WHERE {{ ?s ex:p\\# SERVICE <{canary.url()}> {{ ?a ?b ?c }} }}"
    with pytest.raises(QueryRefused, match="SERVICE"):
        guard.check(query, base_iri=ENDPOINT)
    # The name is read whole, its escape resolved: `ex:p\#` is <http://x.example/p#>.
    checked = guard.check("PREFIX ex: <http://x.example/>\nASK { ?s ex:p\\# ?o }")
    assert checked.text == "\nASK { ?s <http://x.example/p#> ?o }"


def test_from_after_an_escaped_prefixed_name_is_read(canary):
    query = f"PREFIX ex: <{BASE}graph/>\nSELECT * FROM ex:ontology\\# FROM <{canary.url()}> {{ }}"
    checked = guard.check(query, base_iri=ENDPOINT)
    assert checked.default_graphs == [f"{BASE}graph/ontology#", canary.url()]
    store = RecordingStore()
    with pytest.raises(UnknownGraph):
        run(store, query)
    assert store.calls == []


@pytest.mark.parametrize("ending", ["\r", "\n", "\r\n"])
def test_service_after_a_comment_ended_by_any_line_break_is_refused(canary, ending):
    query = f"SELECT * WHERE {{ ?s ?p ?o # comment{ending}SERVICE <{canary.url()}> {{}} }}"
    with pytest.raises(QueryRefused, match="SERVICE"):
        guard.check(query)


@pytest.mark.parametrize("ending", ["\r", "\n", "\r\n"])
def test_from_after_a_comment_ended_by_any_line_break_is_read(canary, ending):
    query = f"SELECT * # comment{ending}FROM <{canary.url()}> WHERE {{ ?s ?p ?o }}"
    checked = guard.check(query, base_iri=ENDPOINT)
    assert checked.default_graphs == [canary.url()]
    assert checked.text == "SELECT *\nWHERE { ?s ?p ?o }"  # the line break kept, FROM gone
    store = RecordingStore()
    with pytest.raises(UnknownGraph, match="no graph named"):
        run(store, query)
    assert store.calls == []


@pytest.mark.parametrize(
    "query",
    [
        # FROM behind a CR-ended comment, 20,000 nested parentheses after it
        "SELECT * # c\rFROM <{canary}> WHERE { FILTER(" + "(" * 20_000 + "1" + ")" * 20_000 + ") }",
        # the parentheses where the old guard took the prologue to be (80 kB with the padding)
        "PREFIX ex: <http://x.example/> # c\r"
        + "(" * 20_000
        + ")" * 20_000
        + " " * 40_000
        + "SELECT * FROM <{canary}> {}",
    ],
    ids=["in-the-pattern", "in-the-prologue"],
)
def test_nested_parentheses_are_refused_quickly_without_pyoxigraph(canary, no_pyoxigraph, query):
    query = query.replace("{canary}", canary.url())
    store = RecordingStore()
    start = time.perf_counter()
    with pytest.raises((QueryRefused, QuerySyntaxError)):
        run(store, query)
    assert time.perf_counter() - start < 0.5  # a sanity bound, not a benchmark
    assert store.calls == []
    for module in (guard, execute_module, lexer, iri_module):
        assert "pyoxigraph" not in vars(module)


@pytest.mark.parametrize(
    "query",
    [
        '\\"' * 22_000,  # outside a string: refused at the first backslash
        'SELECT * { ?s ?p "' + '\\"' * 22_000 + '" }',  # a string of quotes: accepted
        'SELECT * { ?s ?p "' + '\\"' * 22_000,  # never closed
        "SELECT * { ?s ?p '" + "\\'" * 22_000 + "' }",
        'SELECT * { ?s ?p """' + '\\"' * 22_000 + '""" }',
        'SELECT * { ?s ?p """' + '""\\"' * 14_000,  # a long string never closed
        'SELECT * { ?s ?p "' + '\\\\"' * 14_000 + " }",  # escaped backslashes, quotes
    ],
    ids=["bare", "short", "short-open", "single", "long", "long-open", "backslashes"],
)
def test_escaped_quotes_are_read_in_linear_time(query):
    start = time.perf_counter()
    try:
        checked = guard.check(query)
    except (QueryRefused, QuerySyntaxError):
        checked = None
    assert time.perf_counter() - start < 0.5  # the regular expressions took 39 s
    if checked is not None:
        assert len(checked.text) > 22_000 and guard.check(checked.text).text == checked.text


def test_virtuoso_define_is_refused():
    with pytest.raises(QueryRefused, match="DEFINE"):
        guard.check('DEFINE get:soft "replace"\nSELECT * FROM <http://x.example/> { ?s ?p ?o }')
    with pytest.raises(QueryRefused, match="DEFINE"):
        guard.check('PREFIX get: <x:> DEFINE get:soft "replace" SELECT * {}')


# ---- accepted hostile queries reach no canary -----------------------------------------------

ACCEPTED = [
    'SELECT * { ?s ?p "SERVICE <{canary}> { }" }',
    "# SERVICE <{canary}> { }\rASK { }",
    "ASK { ?s ?p ?o } # \\u000A SERVICE <{canary}> { }",
    'SELECT * { BIND("\\u0022 AS ?x) SERVICE <{canary}> { } #" AS ?y) }',
    "PREFIX SERVICE: <{canary}> SELECT * { ?s SERVICE:sparql ?o }",
    "PREFIX c: <{canary}> SELECT * { ?s c:p\\#x ?o . ?s c:p\\.q\\/r ?o }",
    "SELECT * { ?s <{canary}p> '\\u0053ERVICE' }",
    "DESCRIBE <{canary}thing>",
    "SELECT ?x { BIND(IRI('{canary}x') AS ?x) }",
    "SELECT * { GRAPH <{canary}g> { ?s ?p ?o } }",
    "SELECT * FROM NAMED <{canary}g> { GRAPH ?g { ?s ?p ?o } }",  # dataset: refused by execute
    "CONSTRUCT { ?s ?p <{canary}> } WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o } # \r\n",
]


@pytest.mark.parametrize("query", ACCEPTED)
def test_accepted_hostile_queries_never_reach_the_canary(canary, query):
    checked = guard.check(query.replace("{canary}", canary.url()), base_iri=ENDPOINT)
    assert not guard.uses_service(checked.text)
    assert guard.check(checked.text, base_iri=ENDPOINT).text == checked.text
    evaluate(checked)
    assert heard_nothing(canary), canary.connections


# ---- execute: the store gets the reading, and the dataset --------------------------------------


def test_the_store_gets_the_normalised_text():
    store = RecordingStore()
    run(store, "prefix g: <http://x.example/> # c\rselect * where { ?s g:p 'o' }")
    (call,) = store.calls
    assert call["sparql"] == '\nSELECT * WHERE { ?s <http://x.example/p> "o" }'
    assert call["default_graph_uris"] is None and call["named_graph_uris"] is None
    assert call["base_iri"] == ENDPOINT


def test_the_query_dataset_goes_to_the_store_as_protocol_graphs():
    store = RecordingStore()
    run(store, "SELECT * FROM <graph/ontology> FROM NAMED <graph/reference> { ?s ?p ?o }")
    (call,) = store.calls
    assert "FROM" not in call["sparql"]
    assert call["default_graph_uris"] == [BASE + "graph/ontology"]
    assert call["named_graph_uris"] == [BASE + "graph/reference"]
    store = RecordingStore()
    run(store, "SELECT * FROM NAMED <graph/reference> { GRAPH ?g { ?s ?p ?o } }")
    # FROM NAMED alone: the default graph is empty, as SPARQL says
    assert store.calls[0]["default_graph_uris"] == []
    assert store.calls[0]["named_graph_uris"] == [BASE + "graph/reference"]


def test_the_request_dataset_overrides_from():
    store = RecordingStore()
    ontology, reference = sorted(KNOWN)
    run(store, f"SELECT * FROM <{ontology}> {{ }}", default_graph_uris=[reference])
    assert store.calls[0]["default_graph_uris"] == [reference]
    assert store.calls[0]["named_graph_uris"] is None
    with pytest.raises(UnknownGraph):  # every graph named is checked, overridden or not
        run(store, "SELECT * FROM <http://x.example/g> { }", default_graph_uris=[reference])
    assert len(store.calls) == 1


def test_dataset_prefixes_may_be_used_undeclared():
    store = RecordingStore()
    with pytest.raises(QuerySyntaxError, match="`sup:` is not declared"):
        run(store, "SELECT * { ?c a sup:Claim }")
    run(store, "SELECT * { ?c a sup:Claim }", prefixes={"sup": BASE + "def/"})
    assert store.calls[0]["sparql"] == f"SELECT * {{ ?c a <{BASE}def/Claim> }}"
    run(store, "PREFIX sup: <http://x.example/> ASK { ?c a sup:Claim }", prefixes={"sup": "x:"})
    assert store.calls[1]["sparql"] == "ASK { ?c a <http://x.example/Claim> }"  # declared wins


def test_updates_are_refused_before_the_store():
    store = RecordingStore()
    for update in ("INSERT DATA { <x:a> <x:b> <x:c> }", "ASK {} ; DROP ALL", "# c\rCLEAR ALL"):
        with pytest.raises(UpdateRefused):
            run(store, update)
    assert store.calls == []

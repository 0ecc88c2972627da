"""The guard against generated queries, and the normalised queries against the originals.

The fuzz test builds texts from SPARQL tokens, comments, escapes (\\u, ECHAR, PN_LOCAL) and
line endings (LF, CR, CR LF), with SERVICE and FROM naming the canary in every spelling. For
each text the guard either refuses it or returns a text that has no SERVICE and no FROM when
read again, that reads back to itself, and that pyoxigraph evaluates without calling the
canary.

The differential test runs the example queries and ordinary ones on the project's release,
as written and as normalised: the answers must be the same.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from publisher.rdf import namespaces
from publisher.store import guard
from publisher.store.errors import QueryRefused, QuerySyntaxError, UpdateRefused
from publisher.store.sparql import lexer
from publisher.web.examples import render

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8080/"
ENDPOINT = BASE + "sparql"
PREFIXES = namespaces.prefixes(BASE)

# ---- the generated texts -------------------------------------------------------------------


def spellings(word: str) -> list[str]:
    """A keyword as written, in other cases, and with \\u escapes for some of its letters."""
    return [
        word,
        word.lower(),
        word[0] + word[1:].lower(),
        f"\\u{ord(word[0]):04X}{word[1:]}",
        f"{word[:2]}\\u{ord(word[2]):04x}{word[3:]}",
        f"\\U{ord(word[0]):08X}{word[1:]}",
    ]


BREAKS = ["\n", "\r", "\r\n"]
SEPARATOR = st.sampled_from([" ", " ", "  ", "\t", "", *BREAKS])
COMMENTS = st.sampled_from(
    [
        "# c",
        "#",
        "# SERVICE <{canary}> { }",
        "# FROM <{canary}>",
        "# \\u000A SERVICE <{canary}> { }",
        "# \\u000D FROM <{canary}>",
        '# "',
        "# \\",
    ]
)
IRIS = st.sampled_from(
    [
        "<{canary}>",
        "<{canary}g>",
        "<{canary}\\u0067>",
        "<\\u0068ttp://127.0.0.1/>",
        "<http://x.example/g>",
        "<g>",
        "<>",
        "c:",
        "c:g",
        "c:g\\#",
        "c:g\\.x",
        "c:%41",
        ":g",
        "ex:p\\#",
        "sup:Claim",
    ]
)
SERVICE = st.sampled_from([*spellings("SERVICE"), "SERVICE SILENT", "service\tsilent"])
FROM = st.sampled_from([*spellings("FROM"), "FROM NAMED", "from named", "FROM\\u0020NAMED"])
TERMS = st.sampled_from(
    [
        "?s", "?p", "?o", "$x", "_:b", "[]", "()", "a", "true",
        "1", "-1", "+1.5", ".5", "1e3", "1.",
        "'a'", '"b"', "'''c\nd'''", '"""e\r"""', '"\\u0022"', "'\\''", '"\\\\"', '"\\\\u0022"',
        '"#"', "'SERVICE <{canary}> { }'", '"x"@en', '"1"^^<http://www.w3.org/2001/XMLSchema#integer>',
        "ex:p", "ex:p\\#", "ex:a.b", "ex:a.", "ex:%41", "ex:\\u0041", "SERVICE:x", "FROM:x", "c:p",
        ":p", "sup:subject",
    ]
)  # fmt: skip
PUNCTUATION = st.sampled_from(
    [
        *("{", "}", "(", ")", ".", ";", ",", "*", "/", "|", "^", "^^", "!", "=", "!=", "<"),
        *(">", "&&", "||", "+", "-", "?", "<=", ">="),
    ]
)
WORDS = st.sampled_from(
    [
        *("SELECT", "ASK", "WHERE", "FILTER", "OPTIONAL", "UNION", "GRAPH", "BIND", "AS"),
        *("VALUES", "LIMIT", "MINUS", "EXISTS", "NOT", "STR", "PREFIX", "BASE", "NAMED"),
        *("DEFINE", "INSERT", "LATERAL", "A", "\\u0053ELECT", "CONCAT", "COALESCE"),
    ]
)
ESCAPES = st.sampled_from(
    ["\\u0053", "\\u0022", "\\u003E", "\\u000A", "\\u000D", "\\\\", "\\#", "\\", "\\t", "\\'"]
)
TOKEN = st.one_of(
    TERMS,
    TERMS,
    PUNCTUATION,
    WORDS,
    IRIS,
    COMMENTS,
    ESCAPES,
    st.builds("{} {} {{ ?s ?p ?o }}".format, SERVICE, IRIS),
    st.builds("{} {}".format, FROM, IRIS),
)
PROLOGUE = st.sampled_from(
    [
        "PREFIX ex: <http://x.example/>",
        "PREFIX c: <{canary}>",
        "PREFIX : <http://x.example/>",
        "PREFIX SERVICE: <{canary}>",
        "PREFIX FROM: <{canary}>",
        "prefix ex:<http://x.example/\\u0023>",
        "BASE <{canary}>",
        "BASE <http://x.example/>",
        "BASE <sub/>",
    ]
)
HEADS = st.sampled_from(
    ["SELECT *", "ASK", "select ?s", "CONSTRUCT { ?s ?p ?o }", "DESCRIBE ?s", "SELECT (1 AS ?x)"]
)
PATTERNS = st.one_of(
    st.sampled_from(["?s ?p ?o .", "?s a ?o ;", "OPTIONAL { ?s ?p ?o }", "FILTER(?s != ?o)"]),
    st.sampled_from(
        ["{ ?s ?p ?o } UNION { ?s ?p ?o }", "GRAPH ?g { ?s ?p ?o }", "?s ex:p\\# ?o ."]
    ),
    st.builds("{} {} {{ ?s ?p ?o }}".format, SERVICE, IRIS),
    st.builds("FILTER EXISTS {{ {} {} {{ }} }}".format, SERVICE, IRIS),
    st.builds("{} {} {{ }}".format, SERVICE, st.just("?s")),
    TOKEN,
)


def joined(parts: list[tuple[str, str]]) -> str:
    return "".join(part + separator for part, separator in parts)


@st.composite
def queries(draw: st.DrawFn) -> str:
    """A query shaped like one (prologue, form, dataset, pattern) or a soup of tokens."""
    if draw(st.integers(0, 4)) == 0:
        return joined(draw(st.lists(st.tuples(TOKEN, SEPARATOR), max_size=30)))
    prologue = joined(draw(st.lists(st.tuples(PROLOGUE, SEPARATOR), max_size=3)))
    dataset = joined(
        draw(st.lists(st.tuples(st.builds("{} {}".format, FROM, IRIS), SEPARATOR), max_size=2))
    )
    body = joined(draw(st.lists(st.tuples(PATTERNS, SEPARATOR), max_size=6)))
    head = draw(HEADS) + draw(SEPARATOR)
    where = draw(st.sampled_from(["WHERE {", "{", "where{"])) + draw(SEPARATOR)
    comment = draw(st.one_of(st.just(""), st.tuples(COMMENTS, st.sampled_from(BREAKS))))
    comment = "".join(comment)
    return prologue + comment + head + dataset + comment + where + body + "}"


# ---- evaluation ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_store() -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    for graph in ("http://x.example/g", BASE + "graph/ontology"):
        store.add(
            pyoxigraph.Quad(
                pyoxigraph.NamedNode("http://x.example/s"),
                pyoxigraph.NamedNode("http://x.example/p#"),
                pyoxigraph.Literal("o", language="en"),
                pyoxigraph.NamedNode(graph),
            )
        )
    return store


def evaluate(store: pyoxigraph.Store, checked: guard.CheckedQuery) -> None:
    """What the embedded store does with a checked query (errors of evaluation ignored)."""
    options: dict = {"base_iri": ENDPOINT, "use_default_graph_as_union": True}
    try:
        if checked.has_dataset:
            options = {
                "base_iri": ENDPOINT,
                "default_graph": [pyoxigraph.NamedNode(g) for g in checked.default_graphs],
                "named_graphs": [pyoxigraph.NamedNode(g) for g in checked.named_graphs],
            }
    except ValueError:
        pass  # not an IRI to pyoxigraph: never one of the release's graphs, refused by execute
    try:
        answer = store.query(checked.text, **options)
        if not isinstance(answer, pyoxigraph.QueryBoolean):
            list(answer)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass


REFUSALS = (QueryRefused, UpdateRefused, QuerySyntaxError)
SEEN: dict[str, int] = {"accepted": 0, "refused": 0}


@settings(
    max_examples=1500,
    deadline=None,
    database=None,  # nothing written into the work tree; a failure prints its example
    # The canary counts connections for the whole run: any input that reached it fails.
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(text=queries())
@example(text="PREFIX ex: <http://x.example/>\nSELECT * { ?s ex:p\\# SERVICE <{canary}> { } }")
@example(text="SELECT * { ?s ?p ?o # comment\rSERVICE <{canary}> { } }")
@example(text="SELECT * # comment\rFROM <{canary}> { ?s ?p ?o }")
@example(text='SELECT * { BIND("\\u0022 AS ?x) SERVICE <{canary}> { } #" AS ?y) }')
@example(text="PREFIX SERVICE: <{canary}> SELECT * { ?s SERVICE:x { } }")
@example(text='DEFINE get:soft "replace" SELECT * FROM <{canary}> { ?s ?p ?o }')
@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_every_query_is_refused_or_made_harmless(canary, small_store, text):
    query = text.replace("{canary}", canary.url())
    prefixes = PREFIXES | {"c": canary.url(), "ex": "http://x.example/"}  # usable undeclared
    try:
        checked = guard.check(query, base_iri=ENDPOINT, prefixes=prefixes)
    except REFUSALS:
        SEEN["refused"] += 1
        return
    SEEN["accepted"] += 1
    words = {t.text for t in lexer.tokens(checked.text) if t.kind == lexer.WORD}
    assert "SERVICE" not in words and "FROM" not in words, checked.text
    again = guard.check(checked.text, base_iri=ENDPOINT)  # no prefixes needed any more
    assert again.text == checked.text
    assert not again.has_dataset
    assert checked.text.count("\n") <= query.count("\n") + query.count("\r")
    evaluate(small_store, checked)
    assert canary.connections == [], (query, checked.text)


@pytest.mark.slow  # with the fuzz test it counts the queries of
def test_the_fuzz_reached_both_sides(canary):
    """The generator is useful only if it makes queries the guard accepts as well as refuses."""
    if not SEEN["accepted"] + SEEN["refused"]:
        pytest.skip("the fuzz test did not run")
    assert SEEN["accepted"] >= 50 and SEEN["refused"] >= 50, SEEN
    assert canary.connections == []


# ---- the same answers --------------------------------------------------------------------

SUP = BASE + "def/"
ORDINARY = [
    f"SELECT (COUNT(?c) AS ?n) WHERE {{ ?c a <{SUP}Claim> }}",
    f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?c a <{SUP}Claim> }} }}",
    "SELECT (COUNT(*) AS ?n) { ?c a sup:Claim }",  # the dataset's prefix, undeclared
    "PREFIX sup: <http://127.0.0.1:8080/def/>\n# a comment\rselect ?c ?s where {\r\n"
    "  ?c a sup:Claim ;\tsup:subject ?s .\n} ORDER BY ?c ?s LIMIT 50",
    "SELECT (COUNT(*) AS ?n) FROM <graph/ontology> { ?s ?p ?o }",
    "SELECT ?g (COUNT(*) AS ?n) FROM NAMED <graph/ontology> { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "BASE <http://127.0.0.1:8080/id/> SELECT ?p (COUNT(*) AS ?n) { <actor/iran> ?p ?o } GROUP BY ?p",
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s { ?s rdfs:label 'Iran'@en }",
    'PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s { ?s rdfs:label """Iran"""@en }',
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s ?l { ?s rdfs:label ?l "
    'FILTER(REGEX(STR(?l), "^I\\\\w+\\u0020?$", "i")) } ORDER BY ?s ?l',
    "ASK { ?c a sup:Claim }",
    "ASK { ?c a sup:NoSuchClass }",
    "CONSTRUCT { ?c a sup:Claim ; sup:subject ?s } WHERE { ?c a sup:Claim ; sup:subject ?s }",
    "SELECT ?x ?y { VALUES (?x ?y) { (1 -2) (UNDEF +3.5) ('a' \"b\"@en) } }",
    "SELECT ?a ?b { ?a ^sup:subject/sup:subject ?b } ORDER BY ?a ?b LIMIT 20",
    "SELECT ?s ?o { ?s (sup:subject|sup:object)+ ?o . FILTER(!ISBLANK(?o) && ?s != ?o) } LIMIT 0",
    "select ?c { { select ?c { ?c a sup:Claim } order by ?c limit 5 } } ",
    "SELECT ?x { BIND('1'^^<http://www.w3.org/2001/XMLSchema#integer> + 1 AS ?x) }",
    "SELECT (GROUP_CONCAT(DISTINCT ?t; separator='\\t') AS ?ts) { ?s a ?t FILTER(STRSTARTS(STR(?t), STR(sup:))) }",
    "SELECT ?c { ?c a sup:Claim MINUS { ?c sup:subject <http://127.0.0.1:8080/id/actor/iran> } } ORDER BY ?c",
]  # fmt: skip
EXAMPLES = sorted((ROOT / "queries").glob("*.rq"))


def answers(store: pyoxigraph.Store, text: str, **options: object) -> object:
    """The answer as a comparable value: solutions and triples as sorted lists."""
    answer = store.query(text, base_iri=ENDPOINT, **options)
    if isinstance(answer, pyoxigraph.QueryBoolean):
        return bool(answer)
    if isinstance(answer, pyoxigraph.QueryTriples):
        return sorted(str(t) for t in answer)
    variables = [v.value for v in answer.variables]
    rows = [tuple(str(row[v]) if row[v] is not None else "" for v in variables) for row in answer]
    return variables, sorted(rows)


@pytest.mark.parametrize(
    "query",
    [*(render(p.read_text(encoding="utf-8"), BASE) for p in EXAMPLES), *ORDINARY],
    ids=[*(p.name for p in EXAMPLES), *(f"ordinary-{i}" for i in range(len(ORDINARY)))],
)
def test_the_normalised_query_gives_the_same_answers(release_store, query):
    checked = guard.check(query, base_iri=ENDPOINT, prefixes=PREFIXES)
    original = query
    if "sup:" in query and "PREFIX sup:" not in query:
        original = namespaces.sparql_prefixes(("sup",), BASE) + query
    if checked.has_dataset:
        # pyoxigraph applies the original's FROM itself; the normalised text has none and is
        # given the dataset the guard read, as execute gives it to the store.
        expected = answers(release_store, original)
        got = answers(
            release_store,
            checked.text,
            default_graph=[pyoxigraph.NamedNode(g) for g in checked.default_graphs],
            named_graphs=[pyoxigraph.NamedNode(g) for g in checked.named_graphs],
        )
    else:
        expected = answers(release_store, original, use_default_graph_as_union=True)
        got = answers(release_store, checked.text, use_default_graph_as_union=True)
    assert got == expected
    if isinstance(expected, tuple) and "LIMIT 0" not in query:
        assert expected[1], "a differential test on an empty answer proves little"

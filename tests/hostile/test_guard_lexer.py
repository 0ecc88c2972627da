"""The tokenizer on its own (every terminal of SPARQL 1.1, section 19.8), the normalised text,
the RFC 3986 resolver, and the time a 100 kB query of each risky kind takes to read."""

from __future__ import annotations

import contextlib
import time

import pytest

from publisher.store import guard
from publisher.store.errors import QueryRefused, QuerySyntaxError
from publisher.store.sparql import lexer
from publisher.store.sparql.iri import resolve


def kinds(text: str) -> list[tuple[str, str]]:
    return [
        (t.kind, t.value if t.kind in (lexer.IRI, lexer.STRING) else t.text)
        for t in lexer.tokens(text)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("<http://x/a>", [("IRI", "http://x/a")]),
        ("<http://x/\\u0061\\U00000062>", [("IRI", "http://x/ab")]),
        ("<>", [("IRI", "")]),
        ("ex:a.b", [("PNAME", "ex:a.b")]),
        ("ex:a.b.", [("PNAME", "ex:a.b"), ("PUNCT", ".")]),
        ("ex:", [("PNAME", "ex:")]),
        (":a", [("PNAME", ":a")]),
        ("ex:p\\#x", [("PNAME", "ex:p\\#x")]),
        ("ex:%41b", [("PNAME", "ex:%41b")]),
        ("ex:a:b", [("PNAME", "ex:a:b")]),
        ("ex:1", [("PNAME", "ex:1")]),
        ("FROM:g", [("PNAME", "FROM:g")]),  # the longest match
        ("a.b:c", [("PNAME", "a.b:c")]),
        ("_:b1", [("BNODE", "_:b1")]),
        ("_:b.", [("BNODE", "_:b"), ("PUNCT", ".")]),
        ("?x $y ?1", [("VAR", "?x"), ("VAR", "$y"), ("VAR", "?1")]),
        ('"a"@en-GB', [("STRING", "a"), ("LANGTAG", "@en-GB")]),
        ("1 -1 +1 1.5 -.5 1e3 1.E-3 .5e+2", [("NUMBER", n) for n in ("1", "-1", "+1", "1.5", "-.5", "1e3", "1.E-3", ".5e+2")]),
        ("1.", [("NUMBER", "1"), ("PUNCT", ".")]),
        ("?a-1", [("VAR", "?a"), ("NUMBER", "-1")]),
        ("'a' \"b\" '''c\n''' \"\"\"d\"\"e\"\"\"", [("STRING", "a"), ("STRING", "b"), ("STRING", "c\n"), ("STRING", 'd""e')]),
        ('"\\t\\b\\n\\r\\f\\"\\\'\\\\"', [("STRING", "\t\b\n\r\f\"'\\")]),
        ('"\\u0022" \'\\U0001F600\'', [("STRING", '"'), ("STRING", "\U0001f600")]),
        ('"""a""""', [("STRING", "a"), ("STRING", None)]),  # a fourth quote opens a new string
        ("( ) [ ]", [("PUNCT", p) for p in "()[]"]),
        ("^^ && || != <= >= ^ | / ! ? * + - = < >", [("PUNCT", p) for p in ("^^", "&&", "||", "!=", "<=", ">=", "^", "|", "/", "!", "?", "*", "+", "-", "=", "<", ">")]),
        ("select Select a true FALSE", [("WORD", w) for w in ("SELECT", "SELECT", "a", "true", "false")]),
        ("A", [("WORD", "A")]),  # only `a` is case-sensitive
        ("?a<?b>", [("VAR", "?a"), ("IRI", "?b")]),  # the longest match again
        ("?a < ?b", [("VAR", "?a"), ("PUNCT", "<"), ("VAR", "?b")]),
        ("#c\rx:a#d\n#e\r\n?v", [("PNAME", "x:a"), ("VAR", "?v")]),
    ],
)  # fmt: skip
def test_terminals(text, expected):
    if expected[-1] == ("STRING", None):
        with pytest.raises(QuerySyntaxError):
            kinds(text)
        return
    assert kinds(text) == expected


def test_lines_and_columns_count_every_line_break():
    found = [
        (t.value or t.text, t.line, t.column) for t in lexer.tokens("a\rb\nc\r\nd '''e\rf''' g")
    ]
    assert found == [
        ("a", 1, 1),
        ("b", 2, 1),
        ("c", 3, 1),
        ("d", 4, 1),
        ("e\rf", 4, 3),
        ("g", 5, 6),
    ]


@pytest.mark.parametrize(
    "query, normalised",
    [
        ("select * where { ?s a ?o }", "SELECT * WHERE { ?s a ?o }"),
        ("ASK {\r?s ?p 'it''s' }", None),  # two strings side by side: a syntax error later
        ("ASK {\r\n  ?s ?p 'x'@en, '''a\nb'''\n}", 'ASK {\n?s ?p "x" @en , "a\\nb"\n\n}'),
        ("# c\n\nASK { ?s <p> 1.0e0, -2, true }", "\n\nASK { ?s <p> 1.0e0 , -2 , true }"),
        ("BASE <http://x/> PREFIX p: <a/> ASK { ?s p:b\\.c ?o }", "BASE <http://x/> ASK { ?s <http://x/a/b.c> ?o }"),
        ("ASK { FILTER(?a<?b || !BOUND(?c)) }", "ASK { FILTER ( ?a < ?b || ! BOUND( ?c ) ) }"),
        ("SELECT (group_concat(?x; separator=',') AS ?y) {}", 'SELECT ( GROUP_CONCAT( ?x ; SEPARATOR = "," ) AS ?y ) { }'),
    ],
)  # fmt: skip
def test_normalised_text(query, normalised):
    checked = guard.check(query)
    if normalised is not None:
        assert checked.text == normalised
    assert guard.check(checked.text).text == checked.text


def test_a_long_string_keeps_the_lines_after_it():
    checked = guard.check('ASK {\n?s ?p """a\nb\rc"""\n?x ?y ?z }')
    assert checked.text.split("\n")[-1] == "?x ?y ?z }"
    assert checked.text.count("\n") == 4


RFC3986 = {
    "g:h": "g:h", "g": "http://a/b/c/g", "./g": "http://a/b/c/g", "g/": "http://a/b/c/g/",
    "/g": "http://a/g", "//g": "http://g", "?y": "http://a/b/c/d;p?y", "g?y": "http://a/b/c/g?y",
    "#s": "http://a/b/c/d;p?q#s", "g#s": "http://a/b/c/g#s", "": "http://a/b/c/d;p?q",
    ".": "http://a/b/c/", "./": "http://a/b/c/", "..": "http://a/b/", "../g": "http://a/b/g",
    "../..": "http://a/", "../../g": "http://a/g", "../../../g": "http://a/g",
    "/./g": "http://a/g", "/../g": "http://a/g", "g.": "http://a/b/c/g.", "..g": "http://a/b/c/..g",
    "./../g": "http://a/b/g", "./g/.": "http://a/b/c/g/", "g/./h": "http://a/b/c/g/h",
    "g/../h": "http://a/b/c/h", "g;x=1/../y": "http://a/b/c/y", "g?y/../x": "http://a/b/c/g?y/../x",
    "g#s/../x": "http://a/b/c/g#s/../x",
}  # fmt: skip


@pytest.mark.parametrize("reference", sorted(RFC3986))
def test_resolution_follows_rfc3986(reference):
    assert resolve(reference, "http://a/b/c/d;p?q") == RFC3986[reference]


def test_resolution_keeps_absolute_iris_and_needs_a_base():
    assert resolve("http://a/b/../c", "http://x/") == "http://a/b/../c"  # as pyoxigraph keeps it
    assert resolve("g", None) == "g"
    with pytest.raises(QuerySyntaxError, match="relative"):
        guard.check("SELECT * FROM <g> {}")  # no base at all


# ---- linear time ---------------------------------------------------------------------------

SIZE = 100_000
RISKY = {
    "escaped-quotes": 'SELECT * { ?s ?p "' + '\\"' * (SIZE // 2 - 20) + '" }',
    "escaped-quotes-open": 'SELECT * { ?s ?p "' + '\\"' * (SIZE // 2 - 20),
    "long-string-quotes": 'SELECT * { ?s ?p """' + '""\\"' * (SIZE // 4 - 10) + '""" }',
    "prefixed-name-dots": "PREFIX ex: <http://x/> SELECT * { ?s ex:" + "a." * (SIZE // 2 - 40) + "b ?o }",
    "prefixed-name-trailing-dots": "PREFIX ex: <http://x/> ASK { ?s ex:a" + "." * (SIZE - 60) + " }",
    "names-without-colon": "ASK { ?s ?p " + "a." * (SIZE // 2 - 20) + " }",
    "hyphenated-words": "ASK { FILTER(" + "a-" * (SIZE // 2 - 30) + "a) }",
    "comments-lf": "ASK { " + "# c\n" * (SIZE // 4 - 10) + "}",
    "comments-cr": "ASK { " + "#\r" * (SIZE // 2 - 10) + "}",
    "open-iris": "ASK { FILTER(?a" + "<?a" * (SIZE // 3 - 20) + ") }",
    "variables": "SELECT * { " + "?a?b" * (SIZE // 4 - 10) + "}",
    "values-rows": "SELECT ?x { VALUES ?x { " + "(1) " * (SIZE // 4 - 10) + "} }",
}  # fmt: skip


@pytest.mark.parametrize("query", RISKY.values(), ids=RISKY.keys())
def test_a_100kb_query_is_read_in_linear_time(query):
    assert SIZE - 100 <= len(query) <= SIZE
    # With the usual limits, and with none (every token read to the end of the text). Up to
    # three tries, so that a busy machine does not count; quadratic work on 100 kB would take
    # many seconds every time, linear work takes tenths of one.
    for limits, bound in ((guard.Limits(), 0.5), (guard.Limits(max_nodes=10**9), 2.0)):
        assert any(seconds(query, limits) < bound for _ in range(3))


def seconds(query: str, limits: guard.Limits) -> float:
    """The CPU time of this process checking `query`: the guard runs here, in Python, so the
    work is all counted, and the other processes on a busy machine (the suite's second worker,
    other builds) are not."""
    start = time.process_time()
    with contextlib.suppress(QueryRefused, QuerySyntaxError):
        guard.check(query, limits=limits)
    return time.process_time() - start

"""The hostile requests, as data: what is sent, the status that must come back, and what else
must hold of the answer. `{canary}` and `{canary2}` in a request stand for the canaries' URLs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from tests.hostile.conftest import ROW_CAP, TIME_LIMIT
from tests.liveserver import Answer

JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"
ACTOR = "/id/actor/iran"
P = "<http://127.0.0.1:8080/def/subject>"


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None

    def filled(self, values: dict[str, str]) -> Request:
        def fill(text: str) -> str:
            for name, value in values.items():
                text = text.replace("{" + name + "}", value)
            return text

        body = fill(self.body.decode("latin-1")).encode("latin-1") if self.body else self.body
        headers = tuple((n, fill(v)) for n, v in self.headers)
        return Request(self.method, fill(self.path), headers, body)


@dataclass(frozen=True)
class Case:
    id: str
    category: str
    request: Request
    status: int | tuple[int, ...]
    check: Callable[[Answer], None] | None = None


def get(query: str, accept: str = JSON, **params: str) -> Request:
    """The query by GET; `{canary}` placeholders survive the percent-encoding."""
    pairs = urlencode({"query": query, **params}, quote_via=quote, safe="{}")
    return Request("GET", f"/sparql?{pairs}", (("Accept", accept),))


def form(pairs: list[tuple[str, str]] | str, accept: str = JSON) -> Request:
    body = pairs if isinstance(pairs, str) else urlencode(pairs, quote_via=quote, safe="{}")
    return Request("POST", "/sparql", (("Content-Type", FORM), ("Accept", accept)), body.encode())


def posted(text: str | bytes, content_type: str, accept: str = JSON) -> Request:
    body = text.encode() if isinstance(text, str) else text
    return Request("POST", "/sparql", (("Content-Type", content_type), ("Accept", accept)), body)


def path(value: str, *headers: tuple[str, str]) -> Request:
    return Request("GET", value, headers)


# ---- checks --------------------------------------------------------------------------------


def says(*words: str) -> Callable[[Answer], None]:
    def check(answer: Answer) -> None:
        for word in words:
            assert word.lower() in answer.text.lower(), (word, answer.text[:300])

    return check


def stopped_in_time(answer: Answer) -> None:
    # Sent again it would be stopped again: nothing invites a retry, and the body says why.
    # Which limit stops a heavy query first, time or memory, depends on the machine's load.
    assert answer.header("Retry-After") is None, "a query that cannot finish invites no retry"
    assert (
        "cannot finish within the time limit" in answer.text
        or "needed more memory than a query may use" in answer.text
    ), answer.text[:300]
    assert answer.seconds <= 1.1 * TIME_LIMIT, f"stopped after {answer.seconds:.2f} s"


def local_location(answer: Answer) -> None:
    location = answer.header("Location")
    if answer.status == 404 and location is None:
        return  # not found where it was asked for: nothing sent elsewhere either
    assert location and location.startswith("/"), location
    assert not location.startswith(("//", "/\\")), location
    assert "evil" not in location, location


def iris_from_base(answer: Answer) -> None:
    assert "evil" not in answer.text and "http://127.0.0.1:8080/" in answer.text


def no_injected_header(answer: Answer) -> None:
    assert answer.header("X-Injected") is None and answer.header("Set-Cookie") is None


def quick(answer: Answer) -> None:
    assert answer.seconds < TIME_LIMIT / 2, f"{answer.seconds:.2f} s: the rows were all built?"


def truncated(answer: Answer) -> None:
    assert answer.header("SPARQL-Results-Truncated"), "a cut result must say so"


def truncated_in_html(answer: Answer) -> None:
    truncated(answer)
    assert f"cut at {ROW_CAP} rows" in answer.text


def escaped(answer: Answer) -> None:
    assert "<script>" not in answer.text.lower()
    assert 'href="javascript:' not in answer.text.lower()


def html_policy(answer: Answer) -> None:
    """Escaped, and scripts only from this server: none on the pages, the editor's own files
    on the query page (web/hooks.py); never inline script, eval or javascript: URLs."""
    escaped(answer)
    directives = (answer.header("Content-Security-Policy") or "").split(";")
    policy = {d.split()[0]: " ".join(d.split()[1:]) for d in directives if d.strip()}
    assert policy.get("script-src") in ("'none'", "'self'"), policy
    assert policy.get("default-src") == "'self'", policy


def nosniff(answer: Answer) -> None:
    assert answer.header("X-Content-Type-Options") == "nosniff"


def partial(answer: Answer) -> None:
    assert (
        answer.header(
            "Content-Range",
        )
        and len(answer.body) == 10
    )


def open_cors(answer: Answer) -> None:
    assert answer.header("Access-Control-Allow-Origin") == "*"
    assert answer.header("Access-Control-Allow-Credentials") is None


def allows(answer: Answer) -> None:
    assert answer.header("Allow")


def empty_body(answer: Answer) -> None:
    assert answer.body == b""


def all_checks(*checks: Callable[[Answer], None]) -> Callable[[Answer], None]:
    def check(answer: Answer) -> None:
        for each in checks:
            each(answer)

    return check


# ---- the cases -----------------------------------------------------------------------------

PROTOCOL = [
    Case("malformed-query", "protocol", get("SELEKT * WHERE { ?s ?p ?o }"), 400, says("syntax")),
    Case("unterminated-string", "protocol", get('SELECT * WHERE { ?s ?p "abc }'), 400),
    Case("empty-query", "protocol", get(""), 400),
    Case(
        "query-twice",
        "protocol",
        Request("GET", "/sparql?query=ASK%7B%7D&query=ASK%7B%7D", (("Accept", JSON),)),
        400,
    ),
    Case("not-utf8-url", "protocol", path("/sparql?query=ASK%20%7B%FF%7D"), 400),
    Case("not-utf8-form", "protocol", form("query=ASK%20%7B%FE%7D"), 400),
    Case("nul-in-query", "protocol", get("ASK { \x00 }"), 400),
    Case("byte-order-mark", "protocol", get("\ufeffASK {}"), 400),
    Case("lone-surrogate-escape", "protocol", get('SELECT ("\\uD800" AS ?x) {}'), 400),
    Case("query-too-long", "protocol", posted("ASK {}" + " " * 100_001, "application/sparql-query"), 400, says("limit")),
    Case("body-too-large", "protocol", posted(b"ASK {}" + b" " * 1_400_000, "application/sparql-query"), 413),
    Case("too-many-url-parameters", "protocol", path("/sparql?" + "&".join(f"x{i}=1" for i in range(150))), 400, says("limit")),
    Case("too-many-form-parts", "protocol", form("&".join(f"x{i}=1" for i in range(150)) + "&query=ASK%7B%7D"), 400),
    Case("wrong-content-type", "protocol", posted("ASK {}", "text/plain"), 415),
    Case("utf16-charset", "protocol", posted("ASK {}".encode("utf-16"), "application/sparql-query; charset=utf-16"), 415),
    Case("jsonld-body-not-parsed", "ssrf", posted('{"@context": "{canary}ctx", "@id": "x"}', "application/ld+json"), 415),
]  # fmt: skip

UPDATES = [
    Case("update-parameter", "update", form([("update", "INSERT DATA { <x:a> <x:b> <x:c> }")]), 403),
    Case("update-content-type", "update", posted("INSERT DATA { <x:a> <x:b> <x:c> }", "application/sparql-update"), 403),
    Case("insert-as-query", "update", get("INSERT DATA { <x:a> <x:b> <x:c> }"), 403),
    Case("delete-after-prologue", "update", get("PREFIX x: <x:>\nBASE <x:>\n# hi\ndelete where { ?s ?p ?o }"), 403),
    Case("load-canary", "update", get("LOAD <{canary}data.ttl>"), 403),
    Case("clear-all", "update", get("CLEAR ALL"), 403),
    Case("drop-graph", "update", form([("query", "DROP GRAPH <http://127.0.0.1:8080/graph/ontology>")]), 403),
    Case("query-then-update", "update", get("ASK {} ; INSERT DATA { <x:a> <x:b> <x:c> }"), (400, 403)),
    Case("escaped-insert-keyword", "update", get("\\u0049NSERT DATA { <x:a> <x:b> <x:c> }"), (400, 403)),
]  # fmt: skip

SSRF = [
    Case("service", "ssrf", get("SELECT * WHERE { SERVICE <{canary}sparql> { ?s ?p ?o } }"), 400, says("SERVICE")),
    Case("service-silent", "ssrf", get("SELECT * WHERE { SERVICE SILENT <{canary}sparql> { ?s ?p ?o } }"), 400),
    Case("service-lowercase-comment", "ssrf", get("SELECT * WHERE { sErViCe # hidden\n<{canary}sparql> { ?s ?p ?o } }"), 400),
    Case("service-variable", "ssrf", get("SELECT * WHERE { VALUES ?e { <{canary}sparql> } SERVICE ?e { ?s ?p ?o } }"), 400),
    Case("service-prefixed", "ssrf", get("PREFIX c: <{canary}> SELECT * WHERE { SERVICE c:sparql { ?s ?p ?o } }"), 400),
    Case("service-escaped-keyword", "ssrf", get("SELECT * WHERE { \\u0053ERVICE <{canary}sparql> { ?s ?p ?o } }"), 400),
    # Refused before; now made harmless: the escape is read inside its string, so the store is
    # given one string (holding a quote and the word SERVICE) and no SERVICE clause.
    Case("service-out-of-a-string", "ssrf", get('SELECT * WHERE { BIND("\\u0022 AS ?x) SERVICE <{canary}> { } } #" AS ?y) }'), 200, says('\\" AS ?x) SERVICE')),
    # What the regular expressions let through (the hostile probe): a prefixed name with an
    # escaped `#`, a comment ended by a lone CR; and Virtuoso's DEFINE, which fetches the web.
    Case("service-after-escaped-name", "ssrf", get("PREFIX ex: <http://x.example/> SELECT * WHERE { ?s ex:p\\# SERVICE <{canary}> { ?a ?b ?c } }"), 400, says("SERVICE")),
    Case("service-after-cr-comment", "ssrf", get("SELECT * WHERE { ?s ?p ?o # c\rSERVICE <{canary}> { } }"), 400, says("SERVICE")),
    Case("from-after-cr-comment", "ssrf", get("SELECT * # c\rFROM <{canary}g> WHERE { ?s ?p ?o }"), 400, says("no graph named")),
    Case("from-after-escaped-name", "ssrf", get("PREFIX g: <http://127.0.0.1:8080/graph/> SELECT * FROM g:ontology\\# FROM <{canary}g> { }"), 400, says("no graph named")),
    Case("virtuoso-define", "ssrf", get('DEFINE get:soft "replace" SELECT * FROM <{canary}g> WHERE { ?s ?p ?o }'), 400, says("DEFINE")),
    Case("service-in-subquery", "ssrf", get("SELECT * WHERE { { SELECT * WHERE { SERVICE <{canary}> { ?s ?p ?o } } } }"), 400),
    Case("service-in-exists", "ssrf", get("SELECT * WHERE { FILTER EXISTS { SERVICE <{canary}> { ?s ?p ?o } } }"), 400),
    Case("from-canary", "ssrf", get("SELECT * FROM <{canary}graph> WHERE { ?s ?p ?o }"), 400, says("no graph named")),
    Case("from-named-canary", "ssrf", get("SELECT * FROM NAMED <{canary}graph> WHERE { GRAPH ?g { ?s ?p ?o } }"), 400),
    Case("from-prefixed", "ssrf", get("PREFIX c: <{canary}> SELECT * FROM c:graph WHERE { ?s ?p ?o }"), 400),
    Case("from-relative-to-base", "ssrf", get("BASE <{canary}> SELECT * FROM <graph> WHERE { ?s ?p ?o }"), 400),
    Case("construct-from", "ssrf", get("CONSTRUCT { ?s ?p ?o } FROM <{canary}g> WHERE { ?s ?p ?o }", "text/turtle"), 400),
    Case("default-graph-uri", "ssrf", get("SELECT * WHERE { ?s ?p ?o }", **{"default-graph-uri": "{canary}g"}), 400),
    Case("named-graph-uri", "ssrf", get("SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", **{"named-graph-uri": "{canary}g"}), 400),
    Case("iri-in-result-not-fetched", "ssrf", get("SELECT ?x WHERE { BIND(IRI('{canary}thing') AS ?x) }", "text/html"), 200, html_policy),
    Case("describe-canary-iri", "ssrf", get("DESCRIBE <{canary}thing>", "text/turtle"), 200),
    Case("local-from-is-fine", "ssrf", get("SELECT * FROM <http://127.0.0.1:8080/graph/ontology> WHERE { ?s ?p ?o } LIMIT 1"), 200),
]  # fmt: skip

_CROSS = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?d ?g"
_CLOSURE = f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ({P}|!{P})* ?o . ?o ({P}|!{P})* ?z }}"
_DOUBLING = (
    "SELECT (STRLEN(?x40) AS ?n) WHERE { BIND(STR(1234567890) AS ?x0) "
    + " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(40))
    + " }"
)

# One literal of 32 MB from a 2 kB query: over the answer's byte cap (16 MB), refused with 400.
_HUGE_LITERAL = (
    'SELECT ?v WHERE { BIND("'
    + "x" * 1000
    + '" AS ?v0) '
    + " ".join(f"BIND(CONCAT(?v{i}, ?v{i}) AS ?v{i + 1})" for i in range(15))
    + " BIND(?v15 AS ?v) }"
)
# ORDER BY over dateTimes with and without time zones: pyoxigraph 0.5 panics in its sort.
_MIXED_ZONES = (
    "SELECT ?d WHERE { VALUES ?d { "
    + " ".join(
        f'"2020-01-01T{(7 * n) % 24:02d}:00:00{["", "Z", "+05:00", "-14:00", "+14:00"][n % 5]}"'
        "^^<http://www.w3.org/2001/XMLSchema#dateTime>"
        for n in range(60)
    )
    + " } } ORDER BY ?d"
)

HEAVY = [
    Case("cartesian-product", "heavy", get(_CROSS), 503, stopped_in_time),
    Case("property-path-closure", "heavy", get(_CLOSURE), 503, stopped_in_time),
    Case("negated-path-plus", "heavy", get("SELECT (COUNT(*) AS ?n) WHERE { ?s (!<x:p>)+ ?o . ?o (!<x:q>)+ ?z }"), 503, stopped_in_time),
    Case("count-cartesian", "heavy", get("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"), 503, stopped_in_time),
    Case("string-doubling", "heavy", get(_DOUBLING), 503),
    Case("deep-nesting", "heavy", get("SELECT * WHERE " + "{" * 200 + "}" * 200), 400, says("too complex")),
    Case("stack-overflow-nesting", "heavy", posted("SELECT * WHERE " + "{" * 20000 + "}" * 20000, "application/sparql-query"), 400, says("too complex")),
    Case("parentheses-behind-cr-comment", "heavy", posted("SELECT * # c\rFROM <{canary}g> WHERE { FILTER(" + "(" * 20000 + "1" + ")" * 20000 + ") }", "application/sparql-query"), 400, all_checks(says("too complex"), quick)),
    Case("escaped-quotes", "heavy", posted('SELECT * WHERE { ?s ?p "' + '\\"' * 22000 + '" } LIMIT 1', "application/sparql-query"), 200, quick),
    Case("escaped-quotes-unclosed", "heavy", posted('SELECT * WHERE { ?s ?p "' + '\\"' * 22000, "application/sparql-query"), 400, all_checks(says("syntax"), quick)),
    Case("chained-operators", "heavy", posted("ASK { FILTER(1" + "+1" * 20000 + " > 0) }", "application/sparql-query"), 400, says("too complex")),
    Case("chained-optionals", "heavy", posted("SELECT * WHERE { " + "OPTIONAL { ?a ?b ?c } " * 3000 + "}", "application/sparql-query"), 400, says("too complex")),
    Case("huge-values", "heavy", posted("SELECT ?x WHERE { VALUES ?x { " + " ".join(map(str, range(15000))) + " } }", "application/sparql-query"), 200, truncated),
    Case("giant-numerals", "heavy", get("SELECT (99999999999999999999999999999999999999 * 9999999999999999999999999 AS ?x) (1e999999 AS ?y) {}"), 200),
    Case("giant-limit", "heavy", get("SELECT * WHERE { ?s ?p ?o } LIMIT 99999999999999999999999"), 400),
    Case("backtracking-regex", "heavy", get('SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(REGEX(STR(?o), "^(a+)+$")) }'), 200),
    Case("huge-regex", "heavy", get('SELECT ?x WHERE { BIND(REGEX("a", "(a{1000}){1000}") AS ?x) }'), 200),
    Case("everything-is-cut", "heavy", get("SELECT * WHERE { ?s ?p ?o }"), 200, truncated),
    Case("cartesian-is-cut-not-built", "heavy", get("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"), 200, all_checks(truncated, quick)),
    Case("everything-is-cut-html", "heavy", get("SELECT * WHERE { ?s ?p ?o }", "text/html"), 200, truncated_in_html),
    Case("construct-everything-is-cut", "heavy", get("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples"), 200, truncated),
    Case("one-huge-literal", "heavy", get(_HUGE_LITERAL), 400, says("over the limit")),
    Case("sort-panic-is-a-store-bug", "heavy", posted(_MIXED_ZONES, "application/sparql-query"), 500, says("bug in the store")),
]  # fmt: skip

HEADERS = [
    Case("malformed-accept", "headers", get("ASK {}", "text/html;q=abc, ;;;, */html"), 200),
    Case("nan-quality", "headers", get("ASK {}", "application/sparql-results+json;q=nan, */*;q=inf"), (200, 406)),
    Case("nothing-acceptable", "headers", get("ASK {}", "image/png"), 406),
    Case("accept-flood", "headers", get("ASK {}", ", ".join(f"type/x{i};q=0.{i % 9}" for i in range(2000))), 431),
    Case("long-header", "headers", path("/", ("X-Padding", "a" * 20000)), 431),
    Case("many-headers", "headers", Request("GET", "/", tuple((f"X-H{i}", "1") for i in range(120))), 431),
    Case("injected-through-page", "headers", path("/doc/id/actor/iran?page=1%0d%0aX-Injected:%201"), 400, no_injected_header),
    Case("injected-through-path", "headers", path("/id/actor/iran%0d%0aSet-Cookie:%20a=1"), 404, no_injected_header),
    Case("host-not-trusted", "headers", path("/download", ("Host", "evil.example")), 308, local_location),
    Case("forwarded-host-not-trusted", "headers", path(ACTOR, ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "https")), 303, local_location),
    Case("forwarded-host-not-in-iris", "headers", path("/doc" + ACTOR, ("Accept", "text/turtle"), ("Host", "evil.example"), ("X-Forwarded-Host", "evil2.example")), 200, iris_from_base),
    Case("reflected-query-escaped", "headers", get("SELECT * WHERE { ?s ?p '</textarea><script>alert(1)</script>' }", "text/html"), 200, html_policy),
    Case("script-literal-escaped", "headers", get("SELECT ?x WHERE { BIND('<script>alert(1)</script>' AS ?x) }", "text/html"), 200, html_policy),
    Case("javascript-iri-not-linked", "headers", get("SELECT ?x WHERE { BIND(IRI('javascript:alert(1)') AS ?x) }", "text/html"), 200, html_policy),
    Case("error-page-escaped", "headers", path("/id/%3Cscript%3Ealert(1)%3C/script%3E", ("Accept", "text/html")), 404, all_checks(html_policy, nosniff)),
    Case("plain-error-nosniff", "headers", get("SELEKT", "text/plain"), 400, nosniff),
]  # fmt: skip

PATHS = [
    Case("double-slash-elsewhere", "paths", path("//evil.example/x"), (301, 404), local_location),
    Case("backslash-elsewhere", "paths", path("/\\evil.example/x"), 404),
    Case("zero-width-joiner", "paths", path("/id/actor/ir%E2%80%8Dan"), 301, local_location),
    Case("tatweel", "paths", path("/id/actor/%D8%A7%D9%80%D9%84"), 301, local_location),
    Case("bidi-override", "paths", path("/id/actor/%E2%80%AEiran"), 301, local_location),
    Case("presentation-form", "paths", path("/id/actor/%EF%BB%BB"), 301, local_location),
    Case("decomposed-accent", "paths", path("/id/actor/e%CC%81"), 301, local_location),
    Case("path-too-long", "paths", path("/id/actor/" + "a" * 3000), 414),
    Case("nul-in-path", "paths", path("/id/actor/iran%00"), 404),
    Case("trailing-slash", "paths", path("/id/actor/iran/"), 404),
    Case("case-is-not-folded", "paths", path("/id/actor/IRAN"), 404),
    Case("invalid-utf8-path", "paths", path("/id/actor/%FF%FE"), 404),
    Case("double-suffix", "paths", path("/doc/id/actor/iran.ttl.html"), 404),
]  # fmt: skip

DOWNLOADS = [
    Case("dotdot-encoded-slash", "downloads", path("/download/..%2f..%2fetc%2fpasswd"), 404),
    Case("dotdot-encoded-dots", "downloads", path("/download/%2e%2e/%2e%2e/etc/passwd"), 404),
    Case("double-encoded", "downloads", path("/download/%252e%252e%252fSHA256SUMS"), 404),
    Case("backslashes", "downloads", path("/download/..%5c..%5cetc%5cpasswd"), 404),
    Case("dotdot-segment", "downloads", path("/download/../release.json"), 404),
    Case("nul-suffix", "downloads", path("/download/release.json%00.txt"), 404),
    Case("many-ranges", "downloads", path("/download/SHA256SUMS", ("Range", "bytes=" + ",".join(f"{i}-{i}" for i in range(500)))), 416),
    Case("range-past-end", "downloads", path("/download/SHA256SUMS", ("Range", "bytes=999999999-")), 416),
    Case("range-empty-suffix", "downloads", path("/download/SHA256SUMS", ("Range", "bytes=-0")), 416),
    Case("range-garbage", "downloads", path("/download/SHA256SUMS", ("Range", "bytes=abc-def")), (200, 416)),
    Case("range-ten-bytes", "downloads", path("/download/SHA256SUMS", ("Range", "bytes=0-9")), 206, partial),
    Case("if-range-mismatch", "downloads", path("/download/SHA256SUMS", ("Range", "bytes=0-9"), ("If-Range", '"nope"')), 200),
]  # fmt: skip

METHODS = [
    Case("put-endpoint", "methods", Request("PUT", "/sparql", (), b"ASK {}"), 405, allows),
    Case("delete-download", "methods", Request("DELETE", "/download/dataset.nq"), 405, allows),
    Case("patch-thing", "methods", Request("PATCH", ACTOR, (), b"{}"), 405, allows),
    Case("trace", "methods", Request("TRACE", "/"), 405),
    Case("unknown-method", "methods", Request("FROB", "/sparql"), (405, 501)),
    Case("preflight", "methods", Request("OPTIONS", "/sparql", (("Origin", "https://evil.example"), ("Access-Control-Request-Method", "POST"), ("Access-Control-Request-Headers", "Content-Type, X-Evil"))), 200, open_cors),
    Case("origin-not-reflected", "methods", Request("GET", "/sparql?query=ASK%7B%7D", (("Accept", JSON), ("Origin", "https://evil.example"))), 200, open_cors),
    Case("head-query", "methods", Request("HEAD", "/sparql?query=ASK%7B%7D", (("Accept", JSON),)), 200, empty_body),
]  # fmt: skip

CASES = [*PROTOCOL, *UPDATES, *SSRF, *HEAVY, *HEADERS, *PATHS, *DOWNLOADS, *METHODS]

"""The guard's verdicts kept per query text (publisher/store/verdicts.py): a kept verdict is
the guard's, under the same base, prefixes and limits only, and refusals are never kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.rdf import namespaces
from publisher.store import guard
from publisher.store.errors import QueryRefused, QuerySyntaxError, UpdateRefused
from publisher.store.verdicts import Verdicts
from publisher.web.examples import render

ROOT = Path(__file__).resolve().parents[2]
BASE = "http://127.0.0.1:8080/"
PREFIXES = namespaces.query_prefixes(BASE)


@pytest.mark.parametrize("query", sorted((ROOT / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_a_kept_verdict_is_the_guards(query):
    text = render(query.read_text(encoding="utf-8"), BASE)
    verdicts = Verdicts()
    first = verdicts.check(text, base_iri=BASE + "sparql", prefixes=PREFIXES)
    again = verdicts.check(text, base_iri=BASE + "sparql", prefixes=PREFIXES)
    assert again is first  # kept, not read again
    assert again == guard.check(text, base_iri=BASE + "sparql", prefixes=PREFIXES)


@pytest.mark.parametrize(
    "query, refusal",
    [
        ("SELECT * { SERVICE <http://x.example/sparql> { ?s ?p ?o } }", QueryRefused),
        ("INSERT DATA { <x:a> <x:b> <x:c> }", UpdateRefused),
        ("SELECT * { ?s nope:p ?o }", QuerySyntaxError),
        ("SELECT * { " + "{ " * 80 + "} " * 80 + "}", QueryRefused),
    ],
)
def test_refusals_are_refused_every_time(query, refusal):
    verdicts = Verdicts()
    for _ in range(3):
        with pytest.raises(refusal):
            verdicts.check(query, base_iri=BASE + "sparql", prefixes=PREFIXES)


def test_a_verdict_holds_only_for_its_prefixes_base_and_limits():
    verdicts = Verdicts()
    query = "SELECT * FROM <g> { ?s ex:p ?o }"
    checked = verdicts.check(query, base_iri=BASE, prefixes={"ex": "http://x.example/"})
    assert "<http://x.example/p>" in checked.text
    with pytest.raises(QuerySyntaxError):  # `ex:` is not one of these prefixes
        verdicts.check(query, base_iri=BASE, prefixes=PREFIXES)
    elsewhere = verdicts.check(
        query, base_iri="http://y.example/", prefixes={"ex": "http://x.example/"}
    )
    assert elsewhere.default_graphs == ["http://y.example/g"]  # FROM resolves against the base
    assert checked.default_graphs == [f"{BASE}g"]
    with pytest.raises(QueryRefused):
        verdicts.check(
            query,
            base_iri=BASE,
            prefixes={"ex": "http://x.example/"},
            limits=guard.Limits(max_nodes=1),
        )


def test_what_is_kept_is_bounded():
    verdicts = Verdicts(size=3, max_text=100)
    queries = [f"SELECT * {{ ?s ?p {n} }}" for n in range(5)]
    first = [verdicts.check(query) for query in queries]
    # The three newest are kept (the same verdict comes back), the oldest were dropped.
    assert all(verdicts.check(q) is kept for q, kept in zip(queries[2:], first[2:], strict=True))
    assert all(
        verdicts.check(q) is not kept for q, kept in zip(queries[:2], first[:2], strict=True)
    )
    long = "SELECT * { ?s ?p ?o }" + " " * 100
    assert verdicts.check(long) is not verdicts.check(long)  # over max_text: never kept

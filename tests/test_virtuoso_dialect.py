"""The rewrites of the Virtuoso dialect (publisher/store/engines/virtuoso.py) keep a query's
meaning: the rewritten query gives the same solutions as the original on the embedded store.
(tests/stores runs them on Virtuoso itself.)"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox

from publisher.store.engines.virtuoso import ascii_separators, rewritten

EX = "http://example.org/"
DATA = f"""
<{EX}a> <{EX}partOf> <{EX}b> . <{EX}b> <{EX}partOf> <{EX}c> . <{EX}d> <{EX}memberOf> <{EX}c> .
<{EX}a> <{EX}name> "A" . <{EX}b> <{EX}name> "B" . <{EX}d> <{EX}name> "D" . <{EX}c> <{EX}name> "C" .
<{EX}x> <{EX}says> <{EX}a> . <{EX}y> <{EX}hears> <{EX}d> . <{EX}x> <{EX}says> <{EX}d> .
"""


def store() -> ox.Store:
    found = ox.Store()
    found.load(DATA.encode(), format=ox.RdfFormat.TURTLE)
    return found


def solutions(found: ox.Store, query: str) -> Counter:
    answer = found.query(query)
    assert isinstance(answer, ox.QuerySolutions)
    names = [v.value for v in answer.variables]
    return Counter(tuple(str(row[n]) for n in names) for row in answer)


def test_a_path_beside_a_union_goes_into_a_sub_select_with_the_same_solutions():
    query = f"""PREFIX ex: <{EX}>
SELECT ?who ?member ?name WHERE {{
  {{ ?who ex:says ?member }} UNION {{ ?who ex:hears ?member }}
  ?member (ex:partOf|ex:memberOf)* ex:c .
  ?member ex:name ?name
}}"""
    text = rewritten(query, None)
    assert "{ SELECT ?member WHERE { ?member (ex:partOf|ex:memberOf)* ex:c } }" in text
    assert len(text.splitlines()) == len(query.splitlines())  # the store's lines are the user's
    found = store()
    assert solutions(found, text) == solutions(found, query)
    assert len(solutions(found, query)) == 3


def test_a_path_in_a_property_list_or_an_expression_is_left_alone():
    query = f"SELECT * WHERE {{ ?x <{EX}partOf>* ?y ; <{EX}name> ?n . BIND(2 * 3 AS ?six) }}"
    assert rewritten(query, None) == query


def test_a_separator_that_is_not_ascii_is_put_back_by_replace():
    query = f"""SELECT ?x (GROUP_CONCAT(?n; separator=" ← ") AS ?names) WHERE {{
  ?x <{EX}partOf> ?y . ?y <{EX}name> ?n }} GROUP BY ?x"""
    text = ascii_separators(query)
    assert "←" in text and 'separator="~sep0~"' in text
    found = store()
    assert solutions(found, text) == solutions(found, query)
    ascii_only = query.replace("←", "<-")
    assert ascii_separators(ascii_only) == ascii_only

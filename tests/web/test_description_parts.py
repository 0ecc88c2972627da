"""A description gathers a thing's parts (and its claims' parts) step by step: the same quads
as one query over every path of up to three links through IRIs under the thing's own, which is
what a description held before, and no label query for what it holds whole."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from publisher import describe
from publisher.describe import queries as q
from publisher.describe.labels import Labels
from publisher.describe.queries import iri_term
from tests.web.fixture_release import BASE
from tests.web.web_helpers import actor_with_claims


def _paths(x: str, depth: int = 3) -> str:
    """The one-query form: ?s bound to the IRIs under x/ reached from x through such IRIs."""
    prefix = f'CONCAT(STR({x}), "/")'
    paths = []
    for steps in range(1, depth + 1):
        chain, here = [], x
        for n in range(1, steps + 1):
            end = "?s" if n == steps else f"?w{n}"
            chain.append(f"GRAPH ?h{n} {{ {here} ?q{n} {end} }}")
            if end != "?s":
                chain.append(f"FILTER(isIRI({end}) && STRSTARTS(STR({end}), {prefix}))")
            here = end
        paths.append("{ " + " ".join(chain) + " }")
    return " UNION ".join(paths) + f" FILTER(isIRI(?s) && STRSTARTS(STR(?s), {prefix}))"


def _by_paths(store, roots: list[str]) -> set[ox.Quad]:
    values = " ".join(iri_term(root) for root in roots)
    rows = store.query(
        f"""SELECT ?s ?p ?o ?g WHERE {{
  {{ VALUES ?c {{ {values} }} BIND(?c AS ?s) }}
  UNION {{ VALUES ?c {{ {values} }} {_paths("?c")} }}
  GRAPH ?g {{ ?s ?p ?o }}
}}"""
    ).rows
    return {ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in rows}


def _iris(store, sparql: str) -> list[str]:
    return [row["x"].value for row in store.query(sparql).rows]


def test_the_parts_of_claims_are_those_the_paths_reach(store):
    claims = _iris(
        store,
        f"""SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a <{BASE}def/Claim> }} }}
        ORDER BY ?x LIMIT 120""",
    )
    assert len(claims) > 50
    for start in range(0, len(claims), 50):
        page = claims[start : start + 50]
        quads, whole = describe._with_parts(store, page)
        assert set(quads) == _by_paths(store, page)
        assert len(quads) == len(set(quads))
        # three steps deep: a claim, its evidence, the evidence's selector
        assert any(iri.count("/") - BASE.count("/") >= 4 for iri in whole)
        assert set(page) <= whole


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_the_parts_of_everything_else_are_those_the_paths_reach(store):
    things = _iris(
        store,
        """SELECT DISTINCT ?x WHERE { GRAPH ?g { ?x ?p ?o } FILTER(isIRI(?x)) }
        ORDER BY ?x""",
    )
    for iri in things[:: max(1, len(things) // 300)]:
        quads, whole = describe._with_parts(store, [iri])
        assert set(quads) == _by_paths(store, [iri]), iri
        assert iri in whole


def test_labels_are_asked_only_for_what_the_description_holds_in_part(store, monkeypatch):
    actor = actor_with_claims(store, at_least=6)
    asked: list[str] = []
    real = describe.labels_for

    def spy(store, iris):
        asked.extend(iris)
        return real(store, iris)

    monkeypatch.setattr(describe, "labels_for", spy)
    found = describe.describe(store, actor, base=BASE, page_size=5)
    assert found.claims
    assert not set(found.claims) & set(asked)
    assert actor not in asked
    assert len(asked) < len(_mentioned(found.quads))
    # every label the store has for an IRI the description mentions is in it all the same
    assert set(real(store, sorted(_mentioned(found.quads)))) <= set(found.quads)


def _mentioned(quads: list[ox.Quad]) -> set[str]:
    return {t.value for q in quads for t in (q.subject, q.object) if isinstance(t, ox.NamedNode)}


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_the_pages_of_claims_and_backlinks_are_those_of_their_own_queries(store):
    """One pass over the links to a thing gives the pages the two ordered queries give."""
    pointed = _iris(
        store,
        """SELECT DISTINCT ?x WHERE { GRAPH ?g { ?s ?p ?x } FILTER(isIRI(?x)) } ORDER BY ?x""",
    )
    claim = iri_term(BASE + "def/Claim")
    by_blank_nodes = _iris(
        store,
        """SELECT DISTINCT ?x WHERE { GRAPH ?g { ?s ?p ?x } FILTER(isBlank(?s) && isIRI(?x)) }
        ORDER BY ?x LIMIT 5""",
    )
    assert by_blank_nodes
    sample = [*pointed[:: max(1, len(pointed) // 150)], actor_with_claims(store, at_least=6)]
    for iri in [*sample, *by_blank_nodes]:
        blanks = store.quads(q.blank_backlinks(iri_term(iri)))
        for limit, offset in ((6, 0), (6, 5), (51, 0)):
            expected = describe._paged(store, iri_term(iri), claim, limit, offset)
            claims, backlinks, blank = describe._pages(store, iri, claim, limit, offset)
            assert (claims, backlinks) == expected, iri
            # the first page leaves the query for blank backlinks out only when there are none
            assert blank or not blanks, iri
    assert all(describe._pages(store, iri, claim, 6, 0)[2] for iri in by_blank_nodes)


def test_quads_are_ordered_by_each_term_text_in_turn():
    """A description's order (`describe._ordered`): the thing first, then by the subject's text,
    the predicate's, the object's and the graph's, also where one text is the start of
    another's (a literal and the same with a language or a type, `_:b1` and `_:b12`)."""
    thing = ox.NamedNode(BASE + "id/a")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    terms = [
        ox.Literal("a"),
        ox.Literal("a", language="en"),
        ox.Literal("a", datatype=ox.NamedNode(xsd + "token")),
        ox.Literal("a b"),
        ox.Literal("a\tb"),
        ox.Literal("a\x01"),
        ox.Literal("a\nb"),  # the texts are cut at line ends: N-Quads escapes these
        ox.Literal("a\rb\u2028c"),
        ox.Literal('a"'),
        ox.BlankNode("b1"),
        ox.BlankNode("b12"),
        ox.NamedNode(BASE + "id/a/b"),
        thing,
    ]
    subjects = [thing, ox.BlankNode("b1"), ox.BlankNode("b12"), ox.NamedNode(BASE + "id/a/1")]
    predicates = [ox.NamedNode(BASE + "def/p"), ox.NamedNode(BASE + "def/p/q")]
    graphs = [ox.NamedNode(BASE + "graph/x"), ox.NamedNode(BASE + "graph/x/y")]
    quads = [
        ox.Quad(s, p, o, g)
        for s in subjects
        for p in predicates
        for o in terms
        for g in graphs
        if not isinstance(o, ox.Literal) or p == predicates[0]
    ]
    expected = sorted(
        quads,
        key=lambda quad: (quad.subject != thing, *(str(term) for term in quad)),
    )
    random.Random(19).shuffle(quads)  # stores need not answer in any order
    assert describe._ordered(thing.value, quads) == expected
    assert expected[0].subject == thing and expected[-1].subject != thing


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_labels_kept_for_the_release_give_the_same_descriptions(store):
    """Descriptions that take their labels from those kept (describe/labels.py) are the
    same quads as those that ask the store, and the store is not asked again for them."""
    pointed = _iris(
        store,
        """SELECT DISTINCT ?x WHERE { GRAPH ?g { ?s ?p ?x } FILTER(isIRI(?x)) } ORDER BY ?x""",
    )
    things = [actor_with_claims(store, at_least=6), *pointed[:: max(1, len(pointed) // 40)]]
    kept, none_fit = Labels(8 * 1024 * 1024), Labels(1)
    for iri in things:
        asked = describe.describe(store, iri, base=BASE, page_size=5)
        assert describe.describe(store, iri, base=BASE, page_size=5, labels=kept) == asked, iri
        assert describe.describe(store, iri, base=BASE, page_size=5, labels=none_fit) == asked
    first = kept.asked
    assert first > 0
    for iri in things:
        again = describe.describe(store, iri, base=BASE, page_size=5, labels=kept)
        assert again == describe.describe(store, iri, base=BASE, page_size=5), iri
    assert kept.asked == first  # every label came from those kept
    assert none_fit.asked > first  # nothing fits in a byte: asked every time


@pytest.mark.slow  # about 7 s on the store on disk (under a second on an Oxigraph server)
def test_blank_nodes_are_followed_for_the_things_that_have_them(store, monkeypatch):
    """The blank nodes hanging off a thing (a shape's properties, an OWL list) are asked for
    when, and only when, its own triples have one as object."""
    with_blank = _iris(
        store,
        """SELECT DISTINCT ?x WHERE { GRAPH ?g { ?x ?p ?b } FILTER(isIRI(?x) && isBlank(?b)) }
        ORDER BY ?x LIMIT 4""",
    )
    assert with_blank
    followed: list[str] = []
    real = describe._blank_nodes

    def spy(store, iri, known, depth=4):
        followed.append(iri)
        return real(store, iri, known, depth)

    monkeypatch.setattr(describe, "_blank_nodes", spy)
    for iri in [*with_blank, actor_with_claims(store)]:
        found = describe.describe(store, iri, base=BASE, page_size=5)
        hanging = [quad for quad in found.quads if isinstance(quad.subject, ox.BlankNode)]
        assert bool(hanging) == (iri in with_blank), iri
    assert followed == with_blank


class _SparqlOnly:
    """The same store asked only in SPARQL, as a remote store is."""

    def __init__(self, store) -> None:
        self._store = store

    def query(self, *args, **kwargs):
        return self._store.query(*args, **kwargs)

    def quads(self, sparql):
        return self._store.quads(sparql)

    def blank_node_iri(self, node):
        return self._store.blank_node_iri(node)

    def quads_about(self, subjects):
        return None


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_parts_read_from_the_indexes_are_those_sparql_selects(store):
    """The embedded store reads a description's parts by subject from its indexes; the
    descriptions are the same quads in the same order as when they are asked in SPARQL."""
    things = _iris(
        store,
        f"""SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ ?x a ?t }}
        FILTER(?t IN (<{BASE}def/Actor>, <{BASE}def/Claim>, <{BASE}def/Document>)) }}
        ORDER BY ?x""",
    )
    assert len(things) > 30
    sparql_only = _SparqlOnly(store)
    for iri in things[:: max(1, len(things) // 120)]:
        for page in (1, 2):
            kwargs = {"base": BASE, "page": page, "page_size": 5}
            assert (
                describe.describe(store, iri, **kwargs).quads
                == describe.describe(sparql_only, iri, **kwargs).quads
            ), iri


def test_quads_about_leaves_the_default_graph_out(tmp_path):
    from publisher.store.embedded import EmbeddedStore

    data = tmp_path / "dataset.nq"
    data.write_text(
        "<http://e/a> <http://e/p> <http://e/b> .\n"
        "<http://e/a> <http://e/p> <http://e/c> <http://e/g> .\n",
        encoding="utf-8",
    )
    (about_a, about_b) = EmbeddedStore(data).quads_about(["http://e/a", "http://e/b"])
    assert [str(quad) for quad in about_a] == [
        "<http://e/a> <http://e/p> <http://e/c> <http://e/g>"
    ]
    assert about_b == []

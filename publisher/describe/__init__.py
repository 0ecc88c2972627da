"""Descriptions of resources, gathered from the store with SPARQL only.

A description of X holds X's own triples (with the blank nodes and the `X/...` parts it owns,
such as a claim's evidence and selectors), the claims that name X with their evidence and
sources, the other resources that point at X, and the labels of everything it mentions. Claims
and backlinks are paged. The description is a list of quads: each triple keeps the named
graph it comes from, and the page's own metadata (topic, next page) is in the default graph.

Queries (describe/queries.py) select ?s ?p ?o ?g rather than CONSTRUCT, which would lose the
graph; everything goes through the Store interface, so any store can answer them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

import pyoxigraph as ox

from publisher.describe import queries as q
from publisher.describe.labels import Labels
from publisher.describe.queries import iri_term
from publisher.rdf import namespaces
from publisher.rdf.terms import serialised
from publisher.store.interface import Store

RDF_TYPE = ox.NamedNode(namespaces.iri("rdf:type"))
LABELS = tuple(
    namespaces.iri(name)
    for name in ("rdfs:label", "skos:prefLabel", "dcterms:title", "foaf:name", "schema:name")
)


@dataclass
class Description:
    """What the store says about `iri`, one page of it; `document` is its B doc/ IRI."""

    iri: str
    document: str
    page: int = 1
    has_next: bool = False
    quads: list[ox.Quad] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    backlinks: list[str] = field(default_factory=list)

    def page_iri(self, page: int) -> str:
        return self.document if page <= 1 else f"{self.document}?page={page}"

    @property
    def paged(self) -> bool:
        return self.page > 1 or self.has_next


def exists(store: Store, iri: str) -> bool:
    """True when the store mentions `iri` anywhere: subject, predicate, object or graph."""
    x = iri_term(iri)
    query = (
        f"ASK {{ {{ GRAPH ?g {{ {x} ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p {x} }} }} "
        f"UNION {{ GRAPH ?g {{ ?s {x} ?o }} }} UNION {{ GRAPH {x} {{ }} }} }}"
    )
    return store.query(query).boolean


def is_graph(store: Store, iri: str) -> bool:
    """True when `iri` names a graph of the store."""
    return store.query(f"ASK {{ GRAPH {iri_term(iri)} {{ }} }}").boolean


def graph_quads(store: Store, iri: str) -> list[ox.Quad]:
    """Every triple of the named graph `iri`, as quads in that graph."""
    graph = ox.NamedNode(iri)
    result = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH {iri_term(iri)} {{ ?s ?p ?o }} }}")
    s, p, o = (result.variables.index(name) for name in ("s", "p", "o"))  # by position: _pages
    return _ordered(iri, [ox.Quad(r[s], r[p], r[o], graph) for r in result.rows])


def document_iri(base: str, iri: str) -> str:
    """Where the description of a thing under `base` lives: B doc/<its path>."""
    return base + "doc/" + iri[len(base) :]


def describe(
    store: Store,
    iri: str,
    *,
    base: str,
    page: int = 1,
    page_size: int = 50,
    labels: Labels | None = None,
) -> Description:
    """The description of `iri`: page `page` of its claims and backlinks, `page_size` each;
    the labels of what it mentions from `labels` where kept there (describe/labels.py)."""
    x = iri_term(iri)
    claim = iri_term(base + "def/Claim")
    found = Description(iri, document_iri(base, iri), page)
    own, whole = _with_parts(store, [iri])
    quads: dict[ox.Quad, None] = dict.fromkeys(own)
    subject = ox.NamedNode(iri)  # blank nodes hanging off it are rare; asked for only then
    if any(quad.subject == subject and isinstance(quad.object, ox.BlankNode) for quad in own):
        quads.update(dict.fromkeys(_blank_nodes(store, iri, list(quads))))
    offset = (page - 1) * page_size
    claims, backlinks, blank = _pages(store, iri, claim, page_size + 1, offset)
    found.has_next = len(claims) > page_size or len(backlinks) > page_size
    found.claims, found.backlinks = claims[:page_size], backlinks[:page_size]
    if found.claims:
        content, complete = _with_parts(store, found.claims)
        quads.update(dict.fromkeys(content))
        whole |= complete
    if found.backlinks:
        quads.update(dict.fromkeys(store.quads(q.backlink_content(x, found.backlinks))))
    if page == 1 and blank:
        quads.update(dict.fromkeys(store.quads(q.blank_backlinks(x))))
    quads.update(dict.fromkeys(_labels(store, quads, whole | {iri}, labels)))
    found.quads = [*_ordered(iri, list(quads)), *_metadata(found)]
    return found


def _with_parts(store: Store, roots: list[str], depth: int = 3) -> tuple[list[ox.Quad], set[str]]:
    """The triples of each IRI of `roots` and of the parts it owns: the IRIs under `root/`
    reached from it in up to `depth` steps through such IRIs (a claim's evidence, its
    selectors, its time); with the IRIs all of whose triples that includes (for `_labels`).

    One query per step, each looking its subjects up, rather than one query over every path
    of up to `depth` links, which matched each step's links to every IRI before filtering
    them by name: for a page of 50 claims at a million triples, about 70 ms against 40 for the
    steps (on the store on disk, on a loaded machine)."""
    triples: dict[str, list[ox.Quad]] = {}
    level = {(root, root) for root in roots}
    seen = set(level)
    for step in range(depth + 1):
        wanted = sorted({node for _, node in level if node not in triples})
        for start in range(0, len(wanted), 200):
            chunk = wanted[start : start + 200]
            about = store.quads_about(chunk)
            if about is not None:
                triples.update(zip(chunk, about, strict=True))
                continue
            for node in chunk:
                triples[node] = []
            for quad in store.quads(q.subjects_triples(chunk)):
                if isinstance(quad.subject, ox.NamedNode):  # always: VALUES names IRIs
                    triples[quad.subject.value].append(quad)
        if step == depth:
            break
        after = set()
        for root, node in level:
            under = root + "/"
            for quad in triples[node]:
                part = quad.object
                if not isinstance(part, ox.NamedNode) or not part.value.startswith(under):
                    continue
                if (root, part.value) not in seen:
                    seen.add((root, part.value))
                    after.add((root, part.value))
        level = after
    return [quad for found in triples.values() for quad in found], set(triples)


def _blank_nodes(store: Store, iri: str, known: list[ox.Quad], depth: int = 4) -> list[ox.Quad]:
    """What `q.blank_nodes` selects: the triples of the blank nodes hanging off `iri`, up to
    `depth` steps, a step following a list to its end (rdf:rest from a blank node is free).

    A store that names its blank nodes in later queries gets them step by step, one query per
    step: Virtuoso 7.2 answers the one query without some nodes of lists three steps away
    (AmountShape's sh:xone, an sh:or within it), whatever way its paths are spelled."""
    subject = ox.NamedNode(iri)
    starts = [
        (quad.object, quad.graph_name)
        for quad in known
        if quad.subject == subject and isinstance(quad.object, ox.BlankNode)
    ]
    if not starts or store.blank_node_iri(starts[0][0]) is None:
        return store.quads(q.blank_nodes(iri_term(iri), depth))
    rest = ox.NamedNode(namespaces.iri("rdf:rest"))
    steps: dict[tuple[object, object], int] = dict.fromkeys(starts, 1)
    found: dict[ox.Quad, None] = {}
    level: list[tuple[object, object]] = list(dict.fromkeys(starts))
    while level:
        named = [
            (store.blank_node_iri(node) or "", graph.value)
            for node, graph in level
            if isinstance(node, ox.BlankNode) and isinstance(graph, ox.NamedNode)
        ]
        after: dict[tuple[object, object], None] = {}
        for start in range(0, len(named), 200):
            for quad in store.quads(q.triples_of(named[start : start + 200])):
                found[quad] = None
                if not isinstance(quad.object, ox.BlankNode):
                    continue
                here = steps[(quad.subject, quad.graph_name)]
                there = here if quad.predicate == rest else here + 1
                key = (quad.object, quad.graph_name)
                if there <= depth and there < steps.get(key, depth + 1):
                    steps[key] = there  # reached again by a shorter way: read again
                    after[key] = None
        level = list(after)
    return list(found)


def _pages(
    store: Store, iri: str, claim: str, limit: int, offset: int
) -> tuple[list[str], list[str], bool]:
    """`limit` claims naming `iri` and `limit` other things pointing at it, from `offset`
    each, in the order of their IRIs: what `q.claim_page` and `q.backlink_page` select, from
    one pass over the links to `iri` (`q.pointing_at`). A claim that is a blank node, which
    the builds never make, is left to those two queries, which order it as SPARQL does.

    Third, whether a blank node may point at `iri`: when that pass saw none, the first page
    need not ask for them (`q.blank_backlinks`, which reads every link to `iri` again)."""
    x = iri_term(iri)
    claims: set[str] = set()
    others: set[str] = set()
    blank = False
    # Columns by position: looking a name up in a pyoxigraph solution takes ten times as long
    # (a popular actor's 900 links: 6 ms against 0.5).
    attributed = store.query(q.attributed_to(x, claim))
    c = attributed.variables.index("c")
    for row in attributed.rows:
        if not isinstance(row[c], ox.NamedNode):
            return (*_paged(store, x, claim, limit, offset), True)
        claims.add(row[c].value)
    pointing = store.query(q.pointing_at(x, claim))
    s, p, is_claim = (pointing.variables.index(name) for name in ("s", "p", "claim"))
    for row in pointing.rows:
        subject = row[s]
        named = isinstance(subject, ox.NamedNode)
        if row[is_claim] is not None and row[p] != RDF_TYPE:
            if not named:
                return (*_paged(store, x, claim, limit, offset), True)
            claims.add(subject.value)
        elif named:
            if subject.value != iri:
                others.add(subject.value)
        else:
            blank = True
    end = offset + limit
    return sorted(claims)[offset:end], sorted(others)[offset:end], blank


def _paged(
    store: Store, x: str, claim: str, limit: int, offset: int
) -> tuple[list[str], list[str]]:
    return (
        _keys(store, q.claim_page(x, claim, limit, offset), "c"),
        _keys(store, q.backlink_page(x, claim, limit, offset), "s"),
    )


def _keys(store: Store, query: str, key: str) -> list[str]:
    result = store.query(query)
    column = result.variables.index(key)
    return [row[column].value for row in result.rows]


def _labels(
    store: Store, quads: dict[ox.Quad, None], whole: set[str], kept: Labels | None
) -> list[ox.Quad]:
    """Labels of the IRIs the description mentions as subjects or objects, but for those
    whose every triple it already holds (`whole`: the thing described, its claims, their
    parts), whose labels are among them; from `kept` where it has them."""
    mentioned = {
        t.value
        for quad in quads
        for t in (quad.subject, quad.object)
        if isinstance(t, ox.NamedNode)
    }
    wanted = sorted(mentioned - whole)
    if kept is None:
        return labels_for(store, wanted)
    return kept.of(wanted, lambda missing: labels_for(store, missing))


def labels_for(store: Store, iris: list[str]) -> list[ox.Quad]:
    """The label quads (rdfs:label, skos:prefLabel, dcterms:title, ...) of `iris`."""
    found: list[ox.Quad] = []
    for start in range(0, len(iris), 200):
        found += store.quads(q.labels(iris[start : start + 200], list(LABELS)))
    return found


def _metadata(found: Description) -> list[ox.Quad]:
    page = ox.NamedNode(found.page_iri(found.page))
    quads = [
        ox.Quad(page, ox.NamedNode(namespaces.iri("foaf:primaryTopic")), ox.NamedNode(found.iri))
    ]
    if found.paged:
        links = {
            "first": 1,
            "previous": found.page - 1 if found.page > 1 else None,
            "next": found.page + 1 if found.has_next else None,
        }
        for name, number in links.items():
            if number:
                quads.append(
                    ox.Quad(
                        page,
                        ox.NamedNode(namespaces.iri("hydra:" + name)),
                        ox.NamedNode(found.page_iri(number)),
                    )
                )
    return quads


def _ordered(iri: str, quads: list[ox.Quad]) -> list[ox.Quad]:
    """`quads` in a stable order, those of the described resource first: stores need not
    return rows in one order.

    Then in the order of their N-Quads texts, written by one call for them all (less than half
    the time of making each quad's text on its own) and cut at the line ends, which N-Quads
    escapes within literals. The texts order as the quads' four terms' texts one after the
    other would: where one term's text is the start of another's (`"a"` and `"a"@en`, `_:b1`
    and `_:b12`), what follows it in the longer is never below the space that ends it in the
    quad's text, since N-Quads escapes the characters below it. Every quad sorted here is in
    a named graph, and no two have one text, so the quads themselves are never compared."""
    lines = serialised(quads, ox.RdfFormat.N_QUADS).split(b"\n")
    described = f"<{iri}> ".encode()  # the text of a quad whose subject is `iri` starts so
    first: list[tuple[bytes, ox.Quad]] = []
    rest: list[tuple[bytes, ox.Quad]] = []
    for line, quad in zip(lines, quads, strict=False):  # the text ends with a line end
        (first if line.startswith(described) else rest).append((line, quad))
    text = itemgetter(0)
    return [quad for _, quad in (*sorted(first, key=text), *sorted(rest, key=text))]

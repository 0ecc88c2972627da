"""The SPARQL text of descriptions: each function returns one query over explicit GRAPH
patterns (so that it means the same on any store) binding ?s ?p ?o ?g, or a page of keys.

IRIs reach the text only through `iri_term`, which refuses anything that is not an IRI.
"""

from __future__ import annotations

import pyoxigraph as ox

from publisher.rdf import namespaces

PREFIXES = namespaces.sparql_prefixes(("rdf", "prov"))


def iri_term(iri: str) -> str:
    """`<iri>` for a SPARQL query; ValueError when `iri` is not a valid absolute IRI."""
    return str(ox.NamedNode(iri))


def blank_nodes(x: str, depth: int = 4) -> str:
    """Blank nodes hanging off `x`, up to `depth` steps; a step follows a list to its end.
    Its property paths cost a scan: descriptions ask it only of things that have blank
    nodes as objects, which most things have not."""
    paths = []
    for steps in range(1, depth + 1):
        chain, here = [], x
        for n in range(1, steps + 1):
            end = "?s" if n == steps else f"?b{n}"
            chain.append(f"{here} ?p{n} ?m{n} . FILTER(isBlank(?m{n})) ?m{n} rdf:rest* {end} .")
            here = end
        paths.append("{ " + " ".join(chain) + " }")
    return (
        PREFIXES
        + "SELECT DISTINCT ?s ?p ?o ?g WHERE { GRAPH ?g { "
        + " UNION ".join(paths)
        + " FILTER(isBlank(?s)) ?s ?p ?o } }"
    )


def triples_of(nodes: list[tuple[str, str]]) -> str:
    """The triples of each node of `nodes`, (node, graph) IRIs, in that graph."""
    values = " ".join(f"({iri_term(node)} {iri_term(graph)})" for node, graph in nodes)
    return f"SELECT ?s ?p ?o ?g WHERE {{ VALUES (?s ?g) {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"


def subjects_triples(subjects: list[str]) -> str:
    """Every triple of each IRI of `subjects`, in whichever graph it is."""
    values = " ".join(iri_term(s) for s in subjects)
    return f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"


def labels(iris: list[str], predicates: list[str]) -> str:
    """The label triples of `iris`. The predicates are a FILTER, not a second VALUES: Oxigraph
    joins two VALUES blocks with a scan of the whole store (140 ms against 2 ms for 200 IRIs
    at 400 thousand triples)."""
    values = " ".join(iri_term(n) for n in iris)
    wanted = ", ".join(iri_term(p) for p in predicates)
    return (
        f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} "
        f"GRAPH ?g {{ ?s ?p ?o }} FILTER(?p IN ({wanted})) }}"
    )


def claim_page(x: str, claim: str, limit: int, offset: int) -> str:
    """Claims pointing at `x` (other than by rdf:type) or attributed to it, one page.

    The type is a FILTER EXISTS rather than a joined pattern: Oxigraph then checks it for each
    claim found instead of joining with every claim of the graph (2 ms against 190 ms for a
    much-cited actor at 400 thousand triples; benchmarks/README.md)."""
    return (
        PREFIXES
        + f"""SELECT DISTINCT ?c WHERE {{
  {{ GRAPH ?gc {{ ?c ?role {x} FILTER(?role != rdf:type) }} }}
  UNION {{ GRAPH ?gc {{ ?c prov:qualifiedAttribution ?att . ?att prov:agent {x} }} }}
  FILTER EXISTS {{ GRAPH ?gt {{ ?c a {claim} }} }}
}} ORDER BY ?c LIMIT {limit} OFFSET {offset}"""
    )


def backlink_page(x: str, claim: str, limit: int, offset: int) -> str:
    """Resources pointing at `x`, one page; claims are left to claim_page (unless typed by x)."""
    return (
        PREFIXES
        + f"""SELECT DISTINCT ?s WHERE {{
  GRAPH ?gs {{ ?s ?ps {x} }} FILTER(isIRI(?s) && ?s != {x})
  FILTER(?ps = rdf:type || NOT EXISTS {{ GRAPH ?gt {{ ?s a {claim} }} }})
}} ORDER BY ?s LIMIT {limit} OFFSET {offset}"""
    )


def pointing_at(x: str, claim: str) -> str:
    """Everything pointing at `x`, with the property, and `claim` as ?claim when it is a
    claim: the pages of `claim_page` (but for attributions, `attributed_to`) and
    `backlink_page` from one pass over the links to `x` that looks each subject's type up
    once, where the two pages each made that pass, sorted it in the store and checked every
    type (three times faster for the actors of a million triples, on the store on disk).
    OPTIONAL rather than EXISTS in a BIND, which Virtuoso 7.2 refuses."""
    return f"""SELECT DISTINCT ?s ?p ?claim WHERE {{
  GRAPH ?gs {{ ?s ?p {x} }}
  OPTIONAL {{ GRAPH ?gt {{ ?s a ?claim }} FILTER(?claim = {claim}) }}
}}"""


def attributed_to(x: str, claim: str) -> str:
    """The claims attributed to `x` (the other half of `claim_page`)."""
    return (
        PREFIXES
        + f"""SELECT DISTINCT ?c WHERE {{
  GRAPH ?gc {{ ?c prov:qualifiedAttribution ?att . ?att prov:agent {x} }}
  FILTER EXISTS {{ GRAPH ?gt {{ ?c a {claim} }} }}
}}"""
    )


def backlink_content(x: str, subjects: list[str]) -> str:
    """The links from a page of backlinks to `x`."""
    values = " ".join(iri_term(s) for s in subjects)
    return (
        f"SELECT ?s ?p ?o ?g WHERE {{ VALUES ?s {{ {values} }} "
        f"GRAPH ?g {{ ?s ?p {x} }} BIND({x} AS ?o) }}"
    )


def blank_backlinks(x: str, limit: int = 100) -> str:
    """Blank nodes pointing at `x` (a shape's property, an OWL list); VALUES cannot name them,
    so they are not paged but capped, and come with the first page."""
    return (
        f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p {x} }} FILTER(isBlank(?s)) "
        f"BIND({x} AS ?o) }} LIMIT {limit}"
    )

"""Finding things in whatever release is served (by SPARQL over named graphs, so that the
same helpers work on a store without a union default graph), and reading pages."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.conftest import BASE
from tests.pages.dom import Element

PREFIXES = f"""PREFIX sup: <{BASE}def/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX schema: <http://schema.org/>
PREFIX time: <http://www.w3.org/2006/time#>
"""


def select(store, query: str) -> list[dict[str, str]]:
    """Rows of a SELECT as dicts of term values."""
    result = store.query(PREFIXES + query)
    return [
        {v: row[v].value for v in result.variables if row[v] is not None} for row in result.rows
    ]


def values(store, query: str, var: str) -> set[str]:
    return {row[var] for row in select(store, query) if var in row}


def one(store, query: str, var: str) -> str:
    found = select(store, query)
    assert found, f"the release has nothing for {query}"
    return found[0][var]


def path(iri: str) -> str:
    """The request path of an IRI under BASE (what the pages link to)."""
    assert iri.startswith(BASE), iri
    return "/" + iri[len(BASE) :]


def doc_path(iri: str) -> str:
    return "/doc" + path(iri)


def text_without(element: Element | str, cls: str) -> str:
    """An element's text leaving out the elements of class `cls` (the claim numbers)."""
    if isinstance(element, str):
        return element
    if cls in element.classes:
        return ""
    return "".join(text_without(c, cls) for c in element.children)


def sparql_links(tree: Element) -> list[str]:
    """The queries behind a page's tables, from its "Run the SPARQL query" links."""
    queries = []
    for a in tree.find_all("a", cls="sparql"):
        parts = urlsplit(a.get("href"))
        assert parts.path == "/sparql"
        queries.append(parse_qs(parts.query)["query"][0])
    return queries


def assert_queries_run(client, tree: Element) -> None:
    """Every query a page offers runs on the endpoint and answers rows."""
    queries = sparql_links(tree)
    assert queries, "the page offers no query"
    for query in queries:
        response = client.post(
            "/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"}
        )
        assert response.status_code == 200, (query, response.get_data(as_text=True)[:300])
        assert response.get_json()["results"]["bindings"], f"no rows for {query}"


def assert_rdf_links(tree: Element, iri: str) -> None:
    """The page links to its thing's RDF (Turtle, JSON-LD, ...) by the description's suffix URLs."""
    alternates = {a.get("type"): a.get("href") for a in tree.find_all("link", rel="alternate")}
    assert alternates.get("text/turtle") == doc_path(iri) + ".ttl"
    assert alternates.get("application/ld+json") == doc_path(iri) + ".jsonld"

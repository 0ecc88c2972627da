"""What the query editor completes: the prefixes a query may use undeclared, the classes and
properties of the dataset, and its actors with their names in both languages (plain Python;
served once per release as JSON at /query/completions.json)."""

from __future__ import annotations

from typing import TypedDict

from publisher.pages.common import names, prefixes, rows
from publisher.rdf import namespaces
from publisher.store.interface import Store

CLASSES_QUERY = """{prefixes}SELECT DISTINCT ?class WHERE {{
  GRAPH ?g {{ {{ ?class a owl:Class }} UNION {{ ?class a rdfs:Class }} UNION {{ ?thing a ?class }} }}
  FILTER(isIRI(?class))
}} ORDER BY ?class"""

PROPERTIES_QUERY = """{prefixes}SELECT DISTINCT ?property WHERE {{
  GRAPH ?g {{ {{ ?property a owl:ObjectProperty }} UNION {{ ?property a owl:DatatypeProperty }}
    UNION {{ ?property a rdf:Property }} UNION {{ ?s ?property ?o }} }}
  FILTER(isIRI(?property))
}} ORDER BY ?property"""

ACTORS_QUERY = """{prefixes}SELECT DISTINCT ?actor WHERE {{ GRAPH ?g {{ ?actor a sup:Actor }} }}
ORDER BY ?actor"""


_ClassRow = TypedDict("_ClassRow", {"class": str})  # `class` is a keyword


class _PropertyRow(TypedDict):
    property: str


class _ActorRow(TypedDict):
    actor: str


class Actor(TypedDict):
    iri: str
    en: str | None
    ar: str | None


class Completions(TypedDict):
    prefixes: dict[str, str]
    classes: list[str]
    properties: list[str]
    actors: list[Actor]


def completions(store: Store, base: str) -> Completions:
    pre = prefixes(base) + namespaces.sparql_prefixes(("owl",))
    classes = [r["class"] for r in rows(store, CLASSES_QUERY.format(prefixes=pre), _ClassRow)]
    properties = [
        r["property"] for r in rows(store, PROPERTIES_QUERY.format(prefixes=pre), _PropertyRow)
    ]
    actor_iris = [r["actor"] for r in rows(store, ACTORS_QUERY.format(prefixes=pre), _ActorRow)]
    known = names(store, base, actor_iris)
    return {
        "prefixes": namespaces.query_prefixes(base),
        "classes": classes,
        "properties": properties,
        "actors": [{"iri": a, "en": known[a].en, "ar": known[a].ar} for a in actor_iris],
    }

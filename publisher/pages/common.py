"""What every page model needs: prefixed SPARQL, rows as plain values, names in two languages.

Queries name their graphs with `GRAPH ?g { ... }` rather than relying on a union default graph,
so that they mean the same on the embedded store and on a remote one; they carry their own
PREFIX lines, so that the text a page shows as "the query behind this table" runs as it is on
the SPARQL endpoint.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeVar, cast

import pyoxigraph as ox

from publisher.describe.queries import iri_term
from publisher.rdf import namespaces
from publisher.store.interface import Store

USED_PREFIXES = (
    "sup", "rdf", "rdfs", "skos", "prov", "dcterms", "foaf", "oa", "nif", "itsrdf", "schema",
    "time", "org", "xsd",
)  # fmt: skip
NAME_PREDICATES = ("rdfs:label", "skos:prefLabel", "dcterms:title", "foaf:name")

Value = str | int | float | bool  # what an RDF term is as a Python value (see `value`)
# The row of one query: a TypedDict of its variables, NotRequired where they may be unbound.
Row = TypeVar("Row", bound=Mapping[str, object])


def prefixes(base: str) -> str:
    """The PREFIX lines every page query starts with."""
    return namespaces.sparql_prefixes(USED_PREFIXES, base)


def rows(store: Store, query: str, shape: type[Row]) -> list[Row]:
    """A SELECT's solutions as dicts of Python values (str, int, float, bool), unbound left out.

    `shape` is the TypedDict of the query's variables: the types the query gives them, which
    are not checked."""
    result = store.query(query)
    columns = list(enumerate(result.variables))  # by position: ten times faster than by name
    found = [
        {name: value(term) for at, name in columns if (term := row[at]) is not None}
        for row in result.rows
    ]
    return cast(list[Row], found)


def value(term: object) -> Value:
    """The Python value of an RDF term: IRIs and strings as str, numbers and booleans typed."""
    if isinstance(term, ox.Literal):
        kind = term.datatype.value.rsplit("#", 1)[-1]
        try:
            if kind in ("integer", "int", "long", "nonNegativeInteger"):
                return int(term.value)
            if kind in ("decimal", "double", "float"):
                return float(term.value)
        except ValueError:
            return term.value
        if kind == "boolean":
            return term.value in ("true", "1")
        return term.value
    plain: str = getattr(term, "value", str(term))
    return plain


def values_clause(variable: str, iris: list[str]) -> str:
    """`VALUES ?variable { <a> <b> }`, every IRI checked by `iri_term`."""
    return f"VALUES ?{variable} {{ {' '.join(iri_term(i) for i in iris)} }}"


@dataclass(frozen=True)
class Name:
    """A thing's name in English and Arabic (either may be missing) and its IRI."""

    iri: str
    en: str | None = None
    ar: str | None = None

    @property
    def best(self) -> str:
        """The English name, else the Arabic one, else the last segment of the IRI."""
        return self.en or self.ar or self.iri.rstrip("/").rsplit("/", 1)[-1]


def names(store: Store, base: str, iris: list[str]) -> dict[str, Name]:
    """The English and Arabic names (label, prefLabel, title, foaf:name) of `iris`."""
    wanted = sorted({i for i in iris if i})
    found: dict[str, dict[str, tuple[int, str]]] = {i: {} for i in wanted}
    predicates = " ".join(NAME_PREDICATES)
    rank = {
        namespaces.prefixes(base)[p.split(":")[0]] + p.split(":")[1]: n
        for n, p in enumerate(NAME_PREDICATES)
    }
    for start in range(0, len(wanted), 200):
        query = f"""{prefixes(base)}SELECT ?s ?p ?name WHERE {{
  {values_clause("s", wanted[start : start + 200])}
  VALUES ?p {{ {predicates} }}
  GRAPH ?g {{ ?s ?p ?name }}
}}"""
        result = store.query(query)
        s, p, name = (result.variables.index(v) for v in ("s", "p", "name"))
        for row in result.rows:
            literal = row[name]
            if not isinstance(literal, ox.Literal):
                continue
            language = (literal.language or "").split("-")[0]
            slot = "ar" if language == "ar" else "en" if language in ("en", "") else None
            # The most specific name wins, and of equals the smallest: stores return rows in
            # no fixed order, and a page must not change between two requests.
            candidate = (rank.get(row[p].value, 9), literal.value)
            held = found[row[s].value]
            if slot and (slot not in held or candidate < held[slot]):
                held[slot] = candidate
    return {
        i: Name(i, found[i].get("en", (0, None))[1], found[i].get("ar", (0, None))[1])
        for i in wanted
    }


def local(iri: str) -> str:
    """The last path segment of an IRI (a claim's or an actor's id)."""
    return iri.rstrip("/").rsplit("/", 1)[-1]

"""Small helpers for writing literals consistently (datatypes carry precision and language)."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from publisher.corpus.model import Instant, Names

PRECISION_DATATYPE = {"year": XSD.gYear, "year-month": XSD.gYearMonth, "date": XSD.date}


def instant_literal(instant: Instant) -> Literal:
    return Literal(instant.value, datatype=PRECISION_DATATYPE[instant.precision])


def decimal_literal(value: Decimal | int) -> Literal:
    return Literal(str(value), datatype=XSD.decimal)


def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


def non_negative(value: int) -> Literal:
    # xsd:integer, not xsd:nonNegativeInteger (what NIF suggests): stores such as Oxigraph
    # keep only the primitive integer type, and a description served from the store must be
    # the same literal as the dump. The shapes check the value is not negative.
    return Literal(value, datatype=XSD.integer)


def boolean(value: bool) -> Literal:
    return Literal(value, datatype=XSD.boolean)


def add_names(
    graph: Graph, subject: URIRef, names: Names, label: URIRef, alternative: URIRef | None = None
) -> None:
    """Preferred names in both languages, and aliases as alternative labels."""
    graph.add((subject, label, Literal(names.en, lang="en")))
    graph.add((subject, label, Literal(names.ar, lang="ar")))
    if alternative is not None:
        for alias in names.aliases_en:
            graph.add((subject, alternative, Literal(alias, lang="en")))
        for alias in names.aliases_ar:
            graph.add((subject, alternative, Literal(alias, lang="ar")))

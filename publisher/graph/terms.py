"""Small helpers for writing literals consistently (datatypes carry precision and language)."""

from __future__ import annotations

import functools
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from publisher.corpus.model import Instant, Names
from publisher.rdf.terms import TripleSink

PRECISION_DATATYPE = {"year": XSD.gYear, "year-month": XSD.gYearMonth, "date": XSD.date}


def instant_literal(instant: Instant) -> Literal:
    return Literal(instant.value, datatype=PRECISION_DATATYPE[instant.precision])


def decimal_literal(value: Decimal | int) -> Literal:
    return Literal(str(value), datatype=XSD.decimal)


# Literals are immutable and rdflib makes an integer's slowly (its lexical form and value):
# offsets and counts repeat across a document's spans, so the literals are kept.
@functools.lru_cache(maxsize=1 << 16, typed=True)  # True is not 1 here
def integer(value: int) -> Literal:
    return Literal(value, datatype=XSD.integer)


@functools.lru_cache(maxsize=1 << 16, typed=True)
def non_negative(value: int) -> Literal:
    # xsd:integer, not xsd:nonNegativeInteger (what NIF suggests): stores such as Oxigraph
    # keep only the primitive integer type, and a description served from the store must be
    # the same literal as the dump. The shapes check the value is not negative.
    return Literal(value, datatype=XSD.integer)


def boolean(value: bool) -> Literal:
    return Literal(value, datatype=XSD.boolean)


def add_names(
    graph: TripleSink,
    subject: URIRef,
    names: Names,
    label: URIRef,
    alternative: URIRef | None = None,
    missing_flag: URIRef | None = None,
) -> None:
    """Preferred names in both languages, and aliases as alternative labels. A name still to be
    found (`todo: name-ar`) is not published at all, least of all the other language's name
    under this language's tag: the thing says which name it lacks (`missing_flag`)."""
    for lang, name in (("en", names.en), ("ar", names.ar)):
        if lang in names.missing:
            if missing_flag is not None:
                graph.add((subject, missing_flag, Literal(lang)))
            continue
        graph.add((subject, label, Literal(name, lang=lang)))
    if alternative is not None:
        for alias in names.aliases_en:
            graph.add((subject, alternative, Literal(alias, lang="en")))
        for alias in names.aliases_ar:
            graph.add((subject, alternative, Literal(alias, lang="ar")))

"""The concept ids the mapping may use, read from the ontology's SKOS schemes.

Relation types, attribution roles, rates and document kinds are data in ontology/*.ttl; the
mapping refers to them by the last segment of their IRI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from publisher.errors import InputError, Problem
from publisher.settings import DEFAULT_BASE

SKOS_IN_SCHEME = "http://www.w3.org/2004/02/skos/core#inScheme"

# Scheme IRIs relative to the base the source files are written with.
SCHEMES = {
    "relation": "def/relation-types",
    "attribution-role": "def/attribution-roles",
    "rate": "def/rates",
    "quantity-kind": "def/quantity-kinds",
    "document-kind": "def/document-kinds",
    "coverage-reason": "def/coverage-reasons",
}


@dataclass(frozen=True)
class Vocabulary:
    """Known concept ids per scheme ('relation', 'attribution-role', 'rate', 'document-kind')."""

    concepts: dict[str, frozenset[str]]

    def knows(self, scheme: str, ident: str) -> bool:
        return ident in self.concepts.get(scheme, frozenset())


def read_vocabulary(ontology_dir: Path) -> Vocabulary:
    """The concepts of each scheme, read with Oxigraph's parser (every build reads them; rdflib
    took a tenth of a second), in every file of the folder."""
    in_scheme = ox.NamedNode(SKOS_IN_SCHEME)
    schemes = {ox.NamedNode(DEFAULT_BASE + scheme): name for name, scheme in SCHEMES.items()}
    members: dict[str, set[str]] = {name: set() for name in SCHEMES}
    for path in sorted(ontology_dir.glob("*.ttl")):
        try:
            triples = ox.parse(
                path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()
            )
            for triple in triples:
                if triple.predicate == in_scheme and triple.object in schemes:
                    subject = triple.subject
                    if isinstance(subject, ox.NamedNode):
                        members[schemes[triple.object]].add(subject.value.rsplit("/", 1)[-1])
        except SyntaxError as error:
            raise InputError([Problem(path, _line(error), f"Turtle syntax: {error}")]) from None
    return Vocabulary({name: frozenset(found) for name, found in members.items()})


def _line(error: SyntaxError) -> int | None:
    """The line a parser's error is at (pyoxigraph gives it 1-based), if it says."""
    return error.lineno if isinstance(error.lineno, int) and error.lineno > 0 else None

"""The concept ids the mapping may use, read from the ontology's SKOS schemes.

Relation types, attribution roles, rates and document kinds are data in ontology/*.ttl; the
mapping refers to them by the last segment of their IRI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import SKOS

from publisher.settings import DEFAULT_BASE

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
    graph = Graph()
    for path in sorted(ontology_dir.glob("*.ttl")):
        graph.parse(path, format="turtle")
    concepts: dict[str, frozenset[str]] = {}
    for name, scheme in SCHEMES.items():
        iri = DEFAULT_BASE + scheme
        members = {str(c).rsplit("/", 1)[-1] for c in graph.subjects(SKOS.inScheme, _ref(iri))}
        concepts[name] = frozenset(members)
    return Vocabulary(concepts)


def _ref(iri: str) -> URIRef:
    return URIRef(iri)

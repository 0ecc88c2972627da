"""Minting IRIs: every IRI of the graph is built here, under one configurable base.

The scheme is documented in docs/model.md; the web layer relies on it (things under id/ and
def/ are answered with 303 See Other to their description under doc/).
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Namespace, URIRef


class Minter:
    """IRIs for one base, e.g. Minter("http://127.0.0.1:8080/").actor("iran")."""

    def __init__(self, base: str) -> None:
        if not base.endswith("/"):
            base += "/"
        self.base = base
        self.sup = Namespace(base + "def/")

    def _iri(self, *parts: object) -> URIRef:
        return _minted(self.base + "/".join(map(str, parts)))

    # Vocabulary and concepts
    def term(self, name: str) -> URIRef:
        return self.sup[name]

    def concept(self, scheme: str, ident: str) -> URIRef:
        return self._iri("def", scheme, ident)

    def relation(self, ident: str) -> URIRef:
        return self.concept("relation", ident)

    def direct(self, relation: str) -> URIRef:
        """The property of the direct graph for a relation type (graph/direct.py)."""
        return self._iri("def", "direct", relation)

    # Things
    def actor(self, ident: str) -> URIRef:
        return self._iri("id", "actor", ident)

    def place(self, ident: str) -> URIRef:
        return self._iri("id", "place", ident)

    def position(self, ident: str) -> URIRef:
        return self._iri("id", "position", ident)

    def membership(self, person: str, position: str, organisation: str) -> URIRef:
        return self._iri("id", "membership", person, position, organisation)

    def document(self, ident: str) -> URIRef:
        return self._iri("id", "document", ident)

    def text(self, document: str) -> URIRef:
        return self._iri("id", "text", document)

    def span(self, document: str, start: int, end: int) -> URIRef:
        return self._iri("id", "text", document, f"offset_{start}_{end}")

    def citation(self, document: str, number: int) -> URIRef:
        return self._iri("id", "citation", document, number)

    def source(self, ident: str) -> URIRef:
        return self._iri("id", "source", ident)

    def event(self, ident: str) -> URIRef:
        return self._iri("id", "event", ident)

    def proposition(self, ident: str) -> URIRef:
        return self._iri("id", "proposition", ident)

    def conflict(self, ident: str) -> URIRef:
        return self._iri("id", "conflict", ident)

    def series(self, ident: str) -> URIRef:
        return self._iri("id", "series", ident)

    def claim(self, ident: str) -> URIRef:
        return self._iri("id", "claim", ident)

    def claim_part(self, ident: str, *parts: object) -> URIRef:
        return self._iri("id", "claim", ident, *parts)

    def input_file(self, relative: str) -> URIRef:
        return self._iri("id", "input", relative)

    def dataset(self) -> URIRef:
        return self._iri("id", "dataset")

    def release(self, ident: str) -> URIRef:
        return self._iri("id", "release", ident)

    def build(self, ident: str) -> URIRef:
        return self._iri("id", "build", ident)

    def software(self, version: str) -> URIRef:
        return self._iri("id", "software", "publisher", version)

    # Named graphs
    def graph(self, *parts: str) -> URIRef:
        return self._iri("graph", *parts)

    def sparql_endpoint(self) -> URIRef:
        return self._iri("sparql")

    def download(self, name: str) -> URIRef:
        return self._iri("download", name)


@lru_cache(maxsize=1 << 16)
def _minted(iri: str) -> URIRef:
    """`iri` as rdflib's IRI, kept: a build mints the IRIs of the same actors, relations,
    documents and graphs again for every claim that names them, and rdflib checks each IRI it
    is given (half the time of the direct graph's statements)."""
    return URIRef(iri)

"""A read-mostly in-memory rdflib store for validation units.

pyshacl spends much of its time in triple lookups; rdflib's Memory store tracks the contexts
of every triple, which a validation unit (one graph) never needs. This store keeps three plain
indices and nothing else, and answers pyshacl and rdflib's SPARQL engine the same triples.

Two more things make it a unit's store (see partition.py):
* `own`: when given, the lookup (?, rdf:type, C) returns only subjects in `own`, so that only
  the unit's own nodes are SHACL targets; every other lookup sees all triples.
* `base`: a store whose triples this one also holds, without copying them: the context shared
  by every unit of a build (reference data, ontology) is loaded once per worker and each
  unit's own triples go in a small store on top of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Graph
from rdflib.namespace import RDF
from rdflib.plugins.stores.memory import Memory
from rdflib.term import Node

_NO_CONTEXTS: tuple[Graph | None, ...] = ()

Triple = tuple[Node, Node, Node]
Pattern = tuple[Node | None, Node | None, Node | None]  # None: any term


class UnitStore(Memory):
    """Indices subject->predicate->objects, predicate->object->subjects, object->subject->predicates."""

    def __init__(self, own: set[Node] | None = None, base: UnitStore | None = None) -> None:
        super().__init__()  # for namespace bindings; its own indices stay empty
        self.own, self.base = own, base
        self._spo: dict[Node, dict[Node, set[Node]]] = {}
        self._pos: dict[Node, dict[Node, set[Node]]] = {}
        self._osp: dict[Node, dict[Node, set[Node]]] = {}
        self._size = 0

    def add(self, triple: Triple, context: Graph | None = None, quoted: bool = False) -> None:
        s, p, o = triple
        if self.base is not None and self.base._has(s, p, o):
            return
        objects = self._spo.setdefault(s, {}).setdefault(p, set())
        if o in objects:
            return
        objects.add(o)
        self._pos.setdefault(p, {}).setdefault(o, set()).add(s)
        self._osp.setdefault(o, {}).setdefault(s, set()).add(p)
        self._size += 1

    def addN(self, quads: Iterable[tuple[Node, Node, Node, Graph]]) -> None:
        for s, p, o, _ in quads:
            self.add((s, p, o))

    def remove(self, triple: Pattern, context: Graph | None = None) -> None:
        raise NotImplementedError("a validation unit's store is not changed once filled")

    def __len__(self, context: Graph | None = None) -> int:
        return self._size + (len(self.base) if self.base is not None else 0)

    # rdflib declares the contexts of each triple a generator; any iterator serves its callers.
    def triples(  # type: ignore[override]
        self, triple_pattern: Pattern, context: Graph | None = None
    ) -> Iterator[tuple[Triple, Iterator[Graph | None]]]:
        s, p, o = triple_pattern
        own = self.own if s is None and p == RDF.type and o is not None else None
        if self.base is not None:
            for triple in self.base._match(s, p, o):
                if own is None or triple[0] in own:
                    yield triple, iter(_NO_CONTEXTS)
        for triple in self._match(s, p, o):
            if own is None or triple[0] in own:
                yield triple, iter(_NO_CONTEXTS)

    def _has(self, s: Node, p: Node, o: Node) -> bool:
        return o in self._spo.get(s, {}).get(p, ())

    def _match(self, s: Node | None, p: Node | None, o: Node | None) -> Iterator[Triple]:
        """The triples matching a pattern (None is a wildcard), from this store's indices."""
        if s is not None:
            by_predicate = self._spo.get(s)
            if not by_predicate:
                return
            for predicate, objects in (
                [(p, by_predicate.get(p, ()))] if p is not None else list(by_predicate.items())
            ):
                if o is not None:
                    if o in objects:
                        yield s, predicate, o
                else:
                    for obj in list(objects):
                        yield s, predicate, obj
        elif p is not None:
            by_object = self._pos.get(p)
            if not by_object:
                return
            for obj, subjects in (
                [(o, by_object.get(o, ()))] if o is not None else list(by_object.items())
            ):
                for subject in list(subjects):
                    yield subject, p, obj
        elif o is not None:
            for subject, predicates in list(self._osp.get(o, {}).items()):
                for predicate in list(predicates):
                    yield subject, predicate, o
        else:
            for subject, by_predicate in list(self._spo.items()):
                for predicate, objects in list(by_predicate.items()):
                    for obj in list(objects):
                        yield subject, predicate, obj

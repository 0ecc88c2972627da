"""The labels of IRIs, asked of the store once per release and kept for every description.

Descriptions mention the same classes, documents, sources and actors again and again: of the
IRIs whose labels the descriptions of 60 actors ask for at a million triples, two thirds were
asked by an earlier description (12,295 asked, 4,136 of them different). A release never
changes while it is served, so an IRI's labels are the same for every description; the web
layer keeps one `Labels` per release and drops it with the release.

Bounded in bytes (an estimate of the quads' memory), least recently used out first; an IRI
without labels is kept too (it costs a lookup all the same). Labels that are blank nodes are
not kept: a store whose blank nodes are an answer's own labels could give the same label to
another node in a later answer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pyoxigraph as ox
from cachetools import LRUCache

ENTRY_BYTES = 200  # the IRI, the tuple, the cache's own bookkeeping
QUAD_BYTES = 200  # a pyoxigraph quad and its four terms, without their text


class Labels:
    """`of(iris, ask)`: the label quads of `iris`, those not kept yet from `ask(missing)`."""

    def __init__(self, max_bytes: int) -> None:
        self._cache: LRUCache[str, tuple[ox.Quad, ...]] = LRUCache(
            maxsize=max(1, max_bytes), getsizeof=_size
        )
        self._lock = threading.Lock()
        self.asked = 0  # IRIs whose labels were asked of the store (the tests read it)

    def of(self, iris: list[str], ask: Callable[[list[str]], list[ox.Quad]]) -> list[ox.Quad]:
        found: list[ox.Quad] = []
        missing = []
        with self._lock:
            for iri in iris:
                kept = self._cache.get(iri)
                if kept is None:
                    missing.append(iri)
                else:
                    found += kept
        if not missing:
            return found
        asked = ask(missing)  # outside the lock: other threads keep being served meanwhile
        by_iri: dict[str, list[ox.Quad]] = {iri: [] for iri in missing}
        for quad in asked:
            subject = quad.subject
            if isinstance(subject, ox.NamedNode) and subject.value in by_iri:
                by_iri[subject.value].append(quad)
        with self._lock:
            self.asked += len(missing)
            for iri, quads in by_iri.items():
                kept = tuple(quads)
                if _size(kept) <= self._cache.maxsize and not any(
                    isinstance(quad.object, ox.BlankNode) for quad in kept
                ):
                    self._cache[iri] = kept
        return found + asked


def _size(quads: tuple[ox.Quad, ...]) -> int:
    return ENTRY_BYTES + sum(QUAD_BYTES + 2 * len(str(quad)) for quad in quads)

"""Answers rendered once per release and kept in memory.

A release never changes while it is served, so a description rendered for one request is the
right answer to every later request for the same thing, page and format; only a new release
changes it, and `reload` replaces the whole `Served` (web/__init__.py) and this cache with it.
Without it every request for an actor runs about ten store queries and serialises the result
again (benchmarks/README.md has the numbers). Bounded in bytes, least recently used out first
(cachetools); a value larger than an eighth of the budget is not kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from cachetools import LRUCache

V = TypeVar("V")
ENTRY_OVERHEAD = 256  # bytes: the key, the tuple, the cache's own bookkeeping


class Rendered(Generic[V]):
    """`get(key, make)`: the kept value for `key`, or `make()`'s, kept if it fits."""

    def __init__(self, max_bytes: int, sizeof: Callable[[V], int]) -> None:
        self._largest = max_bytes // 8

        # Not a bound method: the cache keeps it, and a cycle through self would outlive a reload
        # until the garbage collector runs.
        def entry_size(value: V) -> int:
            return sizeof(value) + ENTRY_OVERHEAD

        self._sizeof = entry_size
        self._cache: LRUCache[Hashable, V] | None = (
            LRUCache(maxsize=max_bytes, getsizeof=self._sizeof) if max_bytes > 0 else None
        )
        self._lock = threading.Lock()
        self.hits = 0  # answers served from the cache (the tests read it)

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        if self._cache is None:
            return make()
        with self._lock:
            if key in self._cache:  # what LRUCache.get does: a hit counts as recent use
                self.hits += 1
                return self._cache[key]
        value = make()  # outside the lock: other threads keep being served meanwhile
        if self._sizeof(value) <= self._largest:
            with self._lock:
                self._cache[key] = value
        return value

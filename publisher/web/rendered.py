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
from typing import TypeVar

from cachetools import LRUCache

T = TypeVar("T")
ENTRY_OVERHEAD = 256  # bytes: the key, the tuple, the cache's own bookkeeping


class Rendered:
    """`get(key, make)`: the kept value for `key`, or `make()`'s, kept if it fits."""

    def __init__(self, max_bytes: int, sizeof: Callable[[object], int]) -> None:
        self._largest = max_bytes // 8
        self._sizeof = lambda value: sizeof(value) + ENTRY_OVERHEAD
        self._cache: LRUCache | None = (
            LRUCache(maxsize=max_bytes, getsizeof=self._sizeof) if max_bytes > 0 else None
        )
        self._lock = threading.Lock()
        self.hits = 0  # answers served from the cache (the tests read it)

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        if self._cache is None:
            return make()
        with self._lock:
            found = self._cache.get(key, _MISSING)
            if found is not _MISSING:
                self.hits += 1
                return found  # type: ignore[return-value]
        value = make()  # outside the lock: other threads keep being served meanwhile
        if self._sizeof(value) <= self._largest:
            with self._lock:
                self._cache[key] = value
        return value


_MISSING = object()

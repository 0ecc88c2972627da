"""The guard's verdicts on queries it accepted, kept per query text, so that a query sent
again (a page's queries, a client polling, the examples) is not read token by token again.

The guard is a pure function of the text, the base, the prefixes a query may use undeclared
and the limits, so the key is all four and a hit is the verdict `guard.check` would give.
Only accepted queries are kept (a refusal is read again each time, so its message and its
exception are new), only short ones, and only so many: what a client can make this process
hold is bounded by MAX_TEXT * SIZE characters.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

from publisher.store import guard

MAX_TEXT = 10_000  # characters of a query kept; the competency questions are under 3,000
SIZE = 256  # queries kept per process, the least recently used dropped first
DEFAULT_LIMITS = guard.Limits()


class Verdicts:
    """Accepted queries and what the guard made of them, least recently used dropped first
    (functools' cache: a call that raises is not kept, so refusals are never kept)."""

    def __init__(self, size: int = SIZE, max_text: int = MAX_TEXT) -> None:
        self.max_text = max_text
        self._kept = functools.lru_cache(maxsize=size)(_check)

    def check(
        self,
        sparql: str,
        *,
        base_iri: str | None = None,
        prefixes: Mapping[str, str] | None = None,
        limits: guard.Limits = DEFAULT_LIMITS,
    ) -> guard.CheckedQuery:
        """`guard.check`'s verdict: the kept one when this query was accepted before under
        the same base, prefixes and limits; refusals are raised as `guard.check` raises them."""
        if len(sparql) > self.max_text:
            return guard.check(sparql, base_iri=base_iri, prefixes=prefixes, limits=limits)
        return self._kept(sparql, base_iri, tuple((prefixes or {}).items()), limits)


def _check(
    sparql: str, base_iri: str | None, prefixes: tuple[tuple[str, str], ...], limits: guard.Limits
) -> guard.CheckedQuery:
    return guard.check(sparql, base_iri=base_iri, prefixes=dict(prefixes), limits=limits)


VERDICTS = Verdicts()

"""Content negotiation: the format of the registry (publisher/rdf/formats.py) that an Accept
header asks for.

The header is read with python-mimeparse (q-values, wildcards, specificity) and ties are
broken by the order of the candidate list, which is the server's preference: Turtle first
among equally acceptable RDF types, JSON first among SPARQL results.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import mimeparse

from publisher.rdf.formats import Format


def negotiate(accept: str | None, candidates: Sequence[Format]) -> Format | None:
    """The best candidate for an Accept header, None if none is acceptable.

    Each candidate gets the q-value of the most specific range matching its media type, or
    one of its aliases named without wildcards (so that `text/*` does not pick RDF/XML for its
    alias text/xml); the highest q wins and ties go to the earlier candidate. No header, an
    empty one or one that cannot be parsed at all means "anything": the first candidate.
    """
    return _negotiate(accept, tuple(candidates))


# Clients send the same few headers again and again: each (header, candidates) is read once.
@functools.lru_cache(maxsize=512)
def _negotiate(accept: str | None, candidates: tuple[Format, ...]) -> Format | None:
    ranges = _parse_accept(accept)
    if not ranges:
        return candidates[0] if candidates else None
    named = [r for r in ranges if "*" not in (r[0], r[1])]
    best, best_q = None, 0.0
    for candidate in candidates:
        q = mimeparse.quality_parsed(candidate.media_type, ranges)
        for alias in candidate.aliases:
            q = max(q, mimeparse.quality_parsed(alias, named))
        if q > best_q:
            best, best_q = candidate, q
    return best


def _parse_accept(accept: str | None) -> list[tuple[str, str, dict[str, str]]]:
    ranges = []
    for part in (accept or "").lower().split(","):
        if not part.strip():
            continue
        try:
            ranges.append(mimeparse.parse_media_range(part))
        except ValueError:
            continue  # one malformed range must not spoil the others
    return ranges


def available(candidates: Sequence[Format]) -> str:
    """The media types of `candidates`, for a 406 answer."""
    return ", ".join(f.media_type for f in candidates)

"""Where each minted IRI came from in the input, for findings that name file and line."""

from __future__ import annotations

from publisher.errors import Origin


class OriginIndex:
    """Maps minted IRIs to the input line they were made from; parts inherit their owner's."""

    def __init__(self) -> None:
        self._origins: dict[str, Origin] = {}

    def add(self, iri: str, origin: Origin) -> None:
        self._origins[str(iri)] = origin

    def lookup(self, iri: str) -> Origin | None:
        candidate = iri
        while candidate:
            if candidate in self._origins:
                return self._origins[candidate]
            if "/" not in candidate:
                return None
            candidate = candidate.rsplit("/", 1)[0]
        return None

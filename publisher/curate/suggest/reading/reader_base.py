"""What every part of the reader shares: the document's language, actors, places and
demonyms, and finding the tokens a span covers.
"""

from __future__ import annotations

from publisher.corpus.model import Actor, Place
from publisher.curate.suggest.reading.sentence import Reading, Ref


class ReaderBase:
    """What a reader knows of its document (language, actors, places, demonyms, kind words) and
    the helpers every part of the reading uses."""

    language: str
    kind_words: frozenset[str]
    actors: dict[str, Actor]
    places: dict[str, Place]
    demonyms: dict[str, str]

    def _covering(self, reading: Reading, start: int, end: int) -> tuple[int, int]:
        first = reading.token_at(start)
        last = first
        while last + 1 < len(reading.tokens) and reading.tokens[last + 1].start < end:
            last += 1
        return first, last

    def _is_person(self, ref: Ref) -> bool:
        return any(self.actors[i].type == "person" for i in ref.ids if i in self.actors)

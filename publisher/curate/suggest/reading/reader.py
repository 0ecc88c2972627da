"""The reader of one document's sentences: each sentence read into tokens, referents and
clauses, part by part.
"""

from __future__ import annotations

from publisher.corpus.model import Actor, Place
from publisher.curate.suggest.reading.clauses import ClauseReading
from publisher.curate.suggest.reading.coordination import CoordinationReading
from publisher.curate.suggest.reading.demonyms import DemonymReading, demonym_table
from publisher.curate.suggest.reading.markers import MarkerReading
from publisher.curate.suggest.reading.modifiers import ModifierReading
from publisher.curate.suggest.reading.pronouns import PronounReading
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref, tokenize
from publisher.textlayer import Mention
from publisher.textlayer.arabic import fold


class Reader(
    DemonymReading,
    PronounReading,
    MarkerReading,
    ModifierReading,
    CoordinationReading,
    ClauseReading,
):
    """Reads sentences of one document: knows the actors, places and demonyms."""

    def __init__(
        self,
        language: str,
        actors: dict[str, Actor],
        places: dict[str, Place],
        demonyms: dict[str, str],
        memberships: dict[str, set[str]] | None = None,
        kind_words: frozenset[str] = frozenset(),
    ) -> None:
        self.language = language
        self.kind_words = kind_words  # "political", "المالي": adjectives naming a kind of support
        self.actors = actors
        self.places = places
        self.demonyms = demonym_table(actors, demonyms, language)

    def read(
        self,
        text: str,
        start: int,
        end: int,
        mentions: list[Mention],
        cues: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> Reading:
        reading = Reading(text, start, end, self.language, tokenize(text, start, end))
        if not reading.tokens:
            reading.clauses = [Clause(0, 0)]
            return reading
        reading.cue_tokens = {
            t.index for t in reading.tokens for a, b in cues if t.start < b and a < t.end
        }
        self._names(reading, mentions)
        self._demonym_refs(reading)
        self._state_governments(reading)
        self._pronouns(reading)
        reading.refs.sort(key=lambda r: (r.start, r.end))
        self._markers(reading)
        self._modifiers(reading)
        self._coordination(reading)
        reading.clauses = self._clauses(reading)
        return reading

    def _names(self, reading: Reading, mentions: list[Mention]) -> None:
        for m in mentions:
            if not (reading.start <= m.start and m.end <= reading.end):
                continue
            first, last = self._covering(reading, m.start, m.end)
            token = reading.tokens[first]
            clitic = reading.text[token.start : m.start] if token.start < m.start else ""
            ids = (m.entity_id, *m.alternatives)
            actor_ids = tuple(i for i in ids if i in self.actors)
            place = next((i.split(":", 1)[1] for i in ids if i.startswith("place:")), None)
            if not actor_ids and place is None:
                continue
            kind = "name" if actor_ids else "place"
            if not actor_ids and place in self.places and self.places[place].located_in:
                # A place standing for its state when it acts: "موسكو وبكين أسقطتا".
                actor_ids = (str(self.places[place].located_in),)
            if place is None and actor_ids:
                # A government known by its capital ("Tehran") is also the place.
                for pid, p in self.places.items():
                    if fold(p.names.en) == fold(m.surface) or fold(p.names.ar) == fold(m.surface):
                        place = pid
            ref = Ref(m.start, m.end, first, last, actor_ids, m.surface, kind, place, clitic)
            reading.refs.append(ref)

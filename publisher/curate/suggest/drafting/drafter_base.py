"""What every part of the drafter shares: the document, its text layer and lexicon matches,
the actors, the questions about actors (related, same state, person, media), and whether a
cue only tells what a speaker did ("said after meeting").
"""

from __future__ import annotations

from publisher.corpus.model import Actor, Document, Place
from publisher.curate.suggest.drafting.context import Frame, Memory, Topic
from publisher.curate.suggest.lexicon import Lexicon, Match
from publisher.curate.suggest.reading.reader import Reader
from publisher.curate.suggest.reading.sentence import Reading, Ref
from publisher.curate.suggest.roles.cue import Cue
from publisher.curate.suggest.roles.referents import circumstantial
from publisher.textlayer import AmountMention, DateMention, Mention, TextLayer
from publisher.textlayer.quantities import Count
from publisher.textlayer.relative import Relative


class DrafterBase:
    """What a drafter knows of its document (text, text layer, actors, places, the lexicon's
    matches, what earlier sentences left) and the questions about actors every part asks."""

    document: Document
    layer: TextLayer
    text: str
    actors: dict[str, Actor]
    places: dict[str, Place]
    lexicon: Lexicon
    rates: frozenset[str]
    language: str
    reader: Reader
    parents: dict[str, set[str]]
    mentions: list[Mention]
    cues: list[Match[tuple[str, bool]]]
    transferred: list[Match[tuple[str]]]
    kinds: list[Match[tuple[str]]]
    changes: list[Match[tuple[str]]]
    attribution: list[Match[tuple[str, str]]]
    reversing: list[Match[tuple[()]]]
    negations: list[Match[tuple[()]]]
    hedges: list[Match[tuple[()]]]
    amounts: list[AmountMention]
    dates: list[DateMention]
    counts: tuple[Count, ...]
    relatives: tuple[Relative, ...]
    memory: Memory
    war_year: str | None
    title_topic: Topic | None
    heading_topic: Topic | None
    attended: set[tuple[str | None, str | None, int]]

    def related(self, a: str, b: str) -> bool:
        """The same actor, or one is a part of the other."""
        return a == b or a in self.parents.get(b, set()) or b in self.parents.get(a, set())

    def actor(self, ident: str) -> Actor | None:
        return self.actors.get(ident)

    @staticmethod
    def _speaker_s_circumstance(reading: Reading, frame: Frame, cue: Cue) -> bool:
        """A cue in a time phrase right after a speaker's verb ("صرح عقب لقاء", "said after
        meeting"): what the speaker did, not what they state."""
        return (
            frame.kind == "speaker"
            and 0 < cue.first - frame.at <= 3
            and circumstantial(reading, cue)
        )

    def _is_person(self, ref: Ref) -> bool:
        return any(self.actors[i].type == "person" for i in ref.ids if i in self.actors)

    def _is_media(self, ref: Ref) -> bool:
        return any(self.actors[i].type == "media" for i in ref.ids if i in self.actors)

    def _type(self, ident: str) -> str:
        actor = self.actors.get(ident)
        return actor.type if actor else ""

    def _same_state(self, a: str, b: str) -> bool:
        top_a = {a} | self.parents.get(a, set())
        top_b = {b} | self.parents.get(b, set())
        return bool(top_a & top_b)

"""Who is subject, who is object, and who is only the source, in one sentence.

The rules follow the word order of the two languages, nothing learnt from the corpus:

* An actor introduced by an attribution cue ("according to X", "قال X", "X said"), with the
  names written right next to it ("the U.S. State Department"), and any news outlet (actor
  type `media`), is the claim's source, not a participant, when the sentence names two other
  actors.
* Arabic verb-first clauses and construct nouns ("التقى X بـY", "دعم X لـY"): when an actor
  follows the cue within three words and another follows it, they are subject and object.
  A reversed cue ("funded by", "المدعومة من") is exempt: the actor after it is the agent.
* Otherwise the nearest actor before the cue is the subject and the nearest after it the
  object ("Iran funds Hamas", "Iran's support for Hamas"); with actors on one side only, the
  first two in order ("Iran and Hamas signed an agreement").
* An organisation followed within three words by a person stands for that person ("Hamas
  leader Ismail Haniyeh", "رئيس المكتب السياسي لحماس إسماعيل هنية").

Reversal (passive cues, receiving verbs) is applied by the caller,
publisher/curate/suggest/drafting/.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from publisher.corpus.model import Actor
from publisher.curate.suggest.lexicon import Match
from publisher.textlayer import Mention

VERB_FIRST_WINDOW = 3
TITLE_WINDOW = 3
AGENT_WINDOW = 3
_WORD = re.compile(r"[^\W_]+")


class Clause:
    """One sentence of a document, and the word-order rules over its actor mentions."""

    def __init__(self, text: str, start: int, end: int, actors: dict[str, Actor]) -> None:
        self.text, self.start, self.end, self.actors = text, start, end, actors

    def words(self, a: int, b: int) -> int:
        return len(_WORD.findall(self.text[a:b])) if a < b else 0

    def parent(self, ident: str) -> str | None:
        """The actor that `ident` is a part, unit, wing or government of."""
        actor = self.actors[ident]
        return actor.government_of or actor.part_of or actor.unit_of or actor.armed_wing_of

    def is_person(self, mention: Mention) -> bool:
        return self.actors[mention.entity_id].type == "person"

    def stand_in(self, mentions: Sequence[Mention], i: int) -> Mention:
        """mentions[i], or the person it introduces ("Hamas leader Ismail Haniyeh")."""
        m = mentions[i]
        if not self.is_person(m) and i + 1 < len(mentions):
            nxt = mentions[i + 1]
            if self.is_person(nxt) and self.words(m.end, nxt.start) <= TITLE_WINDOW:
                return nxt
        return m

    def next_other(self, mentions: Sequence[Mention], after: Mention) -> Mention | None:
        """The first mention after `after` naming another actor (as its stand-in)."""
        for i, m in enumerate(mentions):
            if m.start >= after.end and m.entity_id != after.entity_id:
                chosen = self.stand_in(mentions, i)
                return chosen if chosen.entity_id != after.entity_id else m
        return None

    def pair(
        self,
        mentions: list[Mention],
        cue: Match[tuple[str, bool]],
        arabic: bool,
        reversed_cue: bool,
    ) -> tuple[Mention, Mention] | None:
        """(subject, object) in the order the cue's words put them (before any reversal)."""
        left = [m for m in mentions if m.end <= cue.start]
        right = [m for m in mentions if m.start >= cue.end]
        verb_first = arabic and not reversed_cue and right
        if verb_first and self.words(cue.end, right[0].start) <= VERB_FIRST_WINDOW:
            subject = self.stand_in(right, 0)
            other = self.next_other(right, subject)
            if other is not None:
                return subject, other
        if left and right:
            subject = left[-1]
            for i in range(len(right)):
                candidate = self.stand_in(right, i)
                if candidate.entity_id != subject.entity_id:
                    return subject, candidate
            return None
        side = left or right
        if not side:
            return None
        subject = self.stand_in(side, 0)
        other = self.next_other(side, subject)
        return (subject, other) if other is not None else None


def sources(
    sentence: Clause, mentions: list[Mention], cues: list[Match[tuple[str, str]]]
) -> dict[Mention, str | None]:
    """Mentions introduced by attribution cues, with their attribution role (None: a name
    that only qualifies the source, like the state of a ministry)."""
    agents: dict[Mention, str | None] = {}
    for cue in cues:
        kind, role = cue.payload
        if kind == "speaker_after":
            before = [m for m in mentions if m.end <= cue.start]
            found = before[-1] if before else None
            near = found is not None and sentence.words(found.end, cue.start) <= AGENT_WINDOW
        else:
            after = [m for m in mentions if m.start >= cue.end]
            found = after[0] if after else None
            near = found is not None and sentence.words(cue.end, found.start) <= AGENT_WINDOW
        if found is None or not near:
            continue
        # Names written back to back are one name: "the U.S. State Department".
        group = [found]
        step = -1 if kind == "speaker_after" else 1
        index = mentions.index(found) + step
        while 0 <= index < len(mentions):
            a, b = sorted((group[-1], mentions[index]), key=lambda m: m.start)
            if sentence.text[a.end : b.start].strip():
                break
            group.append(mentions[index])
            index += step
        # Of "U.S." + "State Department", the source is the narrower body, not the state.
        # Both are kept out of the participants; only the body becomes the attribution.
        parents = {sentence.parent(m.entity_id) for m in group}
        for m in group:
            media = sentence.actors[m.entity_id].type == "media"
            agents.setdefault(
                m, None if m.entity_id in parents else "reporting-outlet" if media else role
            )
    for m in mentions:
        if sentence.actors[m.entity_id].type == "media":
            agents.setdefault(m, "reporting-outlet")
    return agents

"""What drafting carries beside a cue: the attribution frames of a sentence, the topic of a
title or heading, and the memory earlier sentences leave for later ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.reading.sentence import Ref
from publisher.curate.suggest.timing import DraftTime


@dataclass
class Frame:
    """Who states (or denies) what: the tokens in its scope and the agents, in chain order."""

    kind: str  # source | speaker | denial
    first: int
    last: int  # scope [first, last) in tokens
    agents: list[tuple[str, str]]
    refs: list[Ref]
    at: int  # the token of its verb or preposition
    start: int  # the text span of its words, for the evidence of a denial
    end: int
    skip: tuple[int, int] = (0, 0)  # tokens out of its scope: the source's own description

    def covers(self, k: int) -> bool:
        return self.first <= k < self.last and not self.skip[0] <= k < self.skip[1]


@dataclass
class Topic:
    """What a title or heading is about: a giver (if named) and a recipient."""

    giver: str | None
    recipient: str


@dataclass
class Memory:
    """What earlier sentences leave for later ones."""

    refs: list[tuple[Ref, int]] = field(default_factory=list)  # resolved referents, sentence no.
    subjects: list[str] = field(default_factory=list)  # agents of the last clause with a claim
    drafts: list[Draft] = field(default_factory=list)  # drafts of the previous sentence
    # the recipient of the last draft of each relation: what "هذه التدريبات" refers back to
    last_recipients: dict[str, str] = field(default_factory=dict)
    speaker: str | None = None
    voice: str | None = None  # the last speaker of any kind but media ("قالت إسرائيل ... وأضافت")
    media: str | None = None
    quoted: list[tuple[str, str]] = field(default_factory=list)  # who spoke the last quotation
    time: DraftTime | None = None
    delegation: str | None = None
    meeting: tuple[str, str] | None = None  # (host or first side, guest or other side)
    meeting_place: str | None = None
    topic: str | None = None
    sentence: int = 0
    states: dict[str, str] = field(default_factory=dict)  # person -> the state of their title
    bodies: dict[str, str] = field(default_factory=dict)  # person -> the body of their title


def overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1

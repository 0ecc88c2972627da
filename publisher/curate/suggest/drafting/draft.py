"""A draft claim as the drafter hands it on (Draft, with its amount and quantities), and the
name of the drafter's version written into every draft.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from publisher.curate.suggest.timing import DraftTime

DRAFTER = "suggest 13"


class DraftAmount(TypedDict, total=False):
    """A draft's amount as the mapping file writes it."""

    value: int
    min: int
    max: int
    currency: str
    rate: str
    approximate: bool


class DraftQuantity(TypedDict, total=False):
    kind: str
    value: int
    min: int
    max: int
    approximate: bool
    label: str


@dataclass(frozen=True)
class Draft:
    """A candidate claim; `start`/`end`/`quote` are its evidence."""

    document: str
    subject: str | None
    relation: str
    object: str | None
    start: int
    end: int
    quote: str
    cues: tuple[str, ...]
    cue_start: int
    confidence: float
    amount: DraftAmount | None = None
    quantities: tuple[DraftQuantity, ...] = ()
    time: DraftTime | None = None
    place: str | None = None
    origin: str | None = None
    route: tuple[str, ...] = ()
    destination: str | None = None
    hedged: bool = False
    polarity: str = "affirmed"
    attribution: tuple[tuple[str, str], ...] = ()
    gap: str | None = None
    note: str | None = None

    @property
    def cue(self) -> str:
        return self.cues[0] if self.cues else ""

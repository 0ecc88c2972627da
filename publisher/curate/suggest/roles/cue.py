"""The cue whose roles are read, the roles found for it, and the classes of relation the rules
tell apart (symmetric, contact, giving, opposing).
"""

from __future__ import annotations

from dataclasses import dataclass

from publisher.curate.suggest.reading.sentence import Ref

SYMMETRIC = frozenset(
    {
        "meeting",
        "diplomatic-relations",
        "alliance",
        "rift",
        "reconciliation",
        "cooperation-agreement",
    }
)
CONTACT = frozenset({"meeting", "hosting", "visit", "diplomatic-relations", "mediation"})
GIVING = frozenset(
    {
        "financial-support",
        "military-support",
        "weapons-supply",
        "training",
        "political-support",
        "pledge",
        "pledge-financial-aid",
        "pledge-military-aid",
    }
)
OPPOSING = frozenset(
    {"condemnation", "pressure", "terrorist-designation", "rift", "suspension-of-support"}
)


@dataclass
class Cue:
    """A relation cue in the sentence: its tokens, relation and whether it is reversed."""

    first: int
    last: int
    start: int
    end: int
    relation: str
    reversed: bool
    words: str  # as written
    kind: str = "cue"  # cue | amount | compound | transferred
    compound_agent: Ref | None = None  # the state of "Iranian-backed"
    governor: Cue | None = None  # "تدعم حماس بالتمويل": the verb whose roles an instrument takes


@dataclass
class Roles:
    agents: list[Ref]
    recipients: list[Ref]
    how: str  # which rule found them (for the confidence and the curator's note)
    competing: bool = False  # another actor could have filled a role

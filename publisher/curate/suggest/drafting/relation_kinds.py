"""The classes of relation the drafting rules tell apart: support, transfers, what can be
counted, relations never drafted for a person.
"""

from __future__ import annotations

SUPPORT = frozenset(
    {
        "financial-support",
        "military-support",
        "weapons-supply",
        "training",
        "political-support",
        "pledge",
        "pledge-financial-aid",
        "pledge-military-aid",
        "attack-planning-support",
        "suspension-of-support",
        "resumption-of-support",
    }
)
TRANSFERS = frozenset({"financial-support", "military-support", "weapons-supply"})
COUNTED = frozenset({"military-support", "weapons-supply", "training"})
PERSONLESS = frozenset({"alliance"})  # relations between bodies, never a person

"""Scoring drafts against hand-written claims: the maximum matching of drafts to claims, the
fields compared on a correct draft, and the tally of one measurement.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.evalset import GoldClaim, GoldTime, amount_key, time_key
from publisher.curate.suggest.roles.cue import SYMMETRIC

FIELDS = ("amount", "time", "place", "polarity", "hedged", "attribution")
BANDS = ((0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01))


def ratio(right: int, total: int) -> float | None:
    """right / total, or None when there is nothing to count."""
    return right / total if total else None


@dataclass
class Tally:
    """Counts for one article, one language or a whole split."""

    name: str
    articles: int = 0
    gold: int = 0
    drafted: int = 0
    correct: int = 0
    gaps: int = 0
    fields: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0] for f in FIELDS})
    attribution_given: list[int] = field(default_factory=lambda: [0, 0])
    bands: list[list[int]] = field(default_factory=lambda: [[0, 0] for _ in BANDS])
    candidates: list[int] = field(default_factory=lambda: [0, 0])  # found, listed

    @property
    def precision(self) -> float | None:
        return ratio(self.correct, self.drafted)

    @property
    def recall(self) -> float | None:
        return ratio(self.correct, self.gold)

    def add(self, other: Tally) -> None:
        self.articles += other.articles
        self.gold += other.gold
        self.drafted += other.drafted
        self.correct += other.correct
        self.gaps += other.gaps
        for name, (right, total) in other.fields.items():
            self.fields[name][0] += right
            self.fields[name][1] += total
        for mine, theirs in (
            (self.attribution_given, other.attribution_given),
            (self.candidates, other.candidates),
            *zip(self.bands, other.bands, strict=True),
        ):
            mine[0] += theirs[0]
            mine[1] += theirs[1]


def matching(
    drafts: Sequence[Draft], claims: Sequence[GoldClaim], same: Callable[[Draft, GoldClaim], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of drafts to claims (Kuhn's augmenting paths; the lists
    are short), as (draft index, claim index) pairs."""
    edges = [[j for j, c in enumerate(claims) if same(d, c)] for d in drafts]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(drafts)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def correct(draft: Draft, claim: GoldClaim) -> bool:
    """Same relation between the same actors, on overlapping evidence. A symmetric relation
    (a meeting, relations, an alliance, a rift...) is the same fact whichever side is named
    first: annotators write a delegation's head first in one article and the host in another."""
    if draft.relation != claim.relation or not (
        draft.start < claim.end and claim.start < draft.end
    ):
        return False
    sides = (draft.subject, draft.object)
    if sides == (claim.subject, claim.object):
        return True
    return draft.relation in SYMMETRIC and sides == (claim.object, claim.subject)


def draft_time(draft: Draft) -> GoldTime:
    return time_key(draft.time)


def draft_fields(draft: Draft) -> dict[str, object]:
    return {
        "amount": amount_key(draft.amount),
        "time": draft_time(draft),
        "place": draft.place,
        "polarity": draft.polarity,
        "hedged": draft.hedged,
        "attribution": frozenset(agent for agent, _ in draft.attribution),
    }


def gold_fields(claim: GoldClaim) -> dict[str, object]:
    return {
        "amount": claim.amount,
        "time": claim.time,
        "place": claim.place,
        "polarity": claim.polarity,
        "hedged": claim.hedged,
        "attribution": claim.attribution,
    }


def score(name: str, drafts: Sequence[Draft], claims: Sequence[GoldClaim]) -> Tally:
    """The tally of one document's drafts against its claims."""
    tally = Tally(name, 1, len(claims), len(drafts))
    tally.gaps = sum(1 for d in drafts if d.gap)
    pairs = matching(drafts, claims, correct)
    tally.correct = len(pairs)
    matched = {i for i, _ in pairs}
    for i, d in enumerate(drafts):
        band = next(k for k, (low, high) in enumerate(BANDS) if low <= d.confidence < high)
        tally.bands[band][1] += 1
        tally.bands[band][0] += i in matched
    for i, j in pairs:
        mine, theirs = draft_fields(drafts[i]), gold_fields(claims[j])
        for name_ in FIELDS:
            tally.fields[name_][1] += 1
            tally.fields[name_][0] += mine[name_] == theirs[name_]
        if claims[j].attribution:
            tally.attribution_given[1] += 1
            tally.attribution_given[0] += mine["attribution"] == theirs["attribution"]
    return tally

"""Candidate new actors of a document, grouped by name, for the curator to add to
data/actors.yaml (the text layer finds them: publisher/textlayer/candidates.py)."""

from __future__ import annotations

from dataclasses import dataclass

from publisher.textlayer import CandidateActor, TextLayer
from publisher.textlayer.arabic import fold

CONTEXT = 40  # characters of text shown on each side of the first occurrence


@dataclass(frozen=True)
class CandidateName:
    """An unknown name that looks like an actor: how it is written, where and how often."""

    surface: str
    count: int
    start: int
    end: int
    context: str


def candidate_names(layer: TextLayer) -> list[CandidateName]:
    """One entry per name (spelling variants folded together), in order of first occurrence."""
    groups: dict[str, list[CandidateActor]] = {}
    for candidate in layer.candidate_actors:
        groups.setdefault(" ".join(fold(candidate.surface).split()), []).append(candidate)
    names = []
    for found in groups.values():
        first = found[0]
        left = max(0, first.start - CONTEXT)
        context = " ".join(layer.text[left : first.end + CONTEXT].split())
        names.append(CandidateName(first.surface, len(found), first.start, first.end, context))
    return sorted(names, key=lambda n: n.start)

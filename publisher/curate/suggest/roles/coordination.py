"""Subjects coordinated across relative clauses: the actors ending a main clause share the role
of the subject that opens the next one with "and"/"و".
"""

from __future__ import annotations

from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref


def coordinated_across(reading: Reading, clause: Clause, agents: list[Ref]) -> list[Ref]:
    """Subjects coordinated across relative clauses: "A, B which ..., and C are part of X",
    "الميليشيات ...، والميليشيات ... التي ...، وحركة ... تعتبر جزءا من": C opens its clause
    with "and"/"و" after one or more relative clauses; the actors ending the main clause
    before them (with no relation cue of its own) share C's role."""
    first = agents[0]
    if clause.kind != "main" or clause.opener is None:
        return agents
    tokens = reading.tokens
    opener = tokens[clause.first]
    if reading.language == "en":
        opens = opener.low == "and" and first.first <= clause.first + 2
    else:
        opens = opener.low.startswith("و") and first.first <= clause.first + 6
    earlier = [r for r in reading.refs_in(clause.first, first.first) if r.ids and not r.modifier]
    if not opens or earlier:
        return agents
    index = reading.clauses.index(clause)
    skipped = 0
    for before in reversed(reading.clauses[:index]):
        if before.kind == "relative":
            skipped += 1
            continue
        if not skipped or any(before.first <= k < before.last for k in reading.cue_tokens):
            return agents
        refs = [
            r
            for r in reading.refs_in(before.first, before.last)
            if r.ids and not r.modifier and r.kind != "place"
        ]
        if not refs or refs[-1].marker is not None:
            return agents
        group = [r for r in reading.group_of(refs[-1]) if r.ids]
        return [*group, *agents]
    return agents

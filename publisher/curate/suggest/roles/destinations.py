"""English shipments named by where they go: "Iranian weapons bound for the Houthis", "missile
parts en route to the Houthis from Iran", "Iranian-made drones destined for Hezbollah": the
one they go to receives them, the state they come from (or that made them) gives them.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.folding import folded
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.cue import Cue, Roles
from publisher.curate.suggest.roles.referents import coordinated_group

# Words before the destination's "for"/"to": "bound for", "destined for", "en route to",
# "on their way to", "headed to".
_GOING = folded("bound", "destined", "route", "way", "headed", "heading", "intended")


def destination_roles(reading: Reading, clause: Clause, cue: Cue, right: list[Ref]) -> Roles | None:
    """Giver and receiver of goods the clause says are on their way to an actor."""
    if cue.relation not in ("weapons-supply", "military-support"):
        return None
    tokens = reading.tokens
    target = None
    for ref in right:
        if ref.marker not in ("for", "to") or ref.first - cue.last > 6:
            continue
        going = [t.low for t in tokens[max(cue.last + 1, ref.first - 3) : ref.first]]
        if set(going) & _GOING:
            target = ref
            break
    if target is None:
        return None
    giver = cue.compound_agent
    if giver is None:
        giver = next(
            (
                r
                for r in reading.refs_in(clause.first, clause.last)
                if r.ids
                and (
                    (r.marker == "from" and r.first > target.last)
                    or (r.kind == "demonym" and r.qualifies is not None and r.last < cue.first)
                )
            ),
            None,
        )
    if giver is None:
        return None
    return Roles(coordinated_group(reading, giver), coordinated_group(reading, target), "bound-for")

"""Meetings with a delegation's members: the host met each person named in the delegation."""

from __future__ import annotations

from dataclasses import replace

from publisher.curate.suggest.drafting.context import Frame
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.fields import FieldFilling
from publisher.curate.suggest.grammar.arabic import AR_LED_BY
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.cue import Cue, Roles
from publisher.curate.suggest.roles.referents import without_conjunction
from publisher.textlayer.arabic import fold


class MeetingDrafting(FieldFilling):
    """Meetings with the members of a delegation: the host met each person named in it."""

    def _members_met(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        host: Ref,
        guests: Ref,
        frames: list[Frame],
    ) -> list[Draft]:
        """ "hosted a delegation from Hamas, including its political bureau chief Ismail
        Haniyeh", "استقبل وفدا من حماس برئاسة إسماعيل هنية": the host met the person named in
        the delegation."""
        tokens = reading.tokens
        end = min(clause.last, guests.last + 7)
        opener = next(
            (
                k
                for k in range(guests.last + 1, end)
                if tokens[k].low in _MEMBERS_NAMED
                or without_conjunction(tokens[k].low) in AR_LED_BY
            ),
            None,
        )
        if opener is None:
            return []
        people = [
            r
            for r in reading.refs_in(opener + 1, min(clause.last, opener + 9))
            if r.ids and self._type(r.actor or "") == "person" and r.actor != host.actor
        ]
        if not people or self.related(host.actor or "", people[0].actor or ""):
            return []
        meeting = replace(cue, relation="meeting")
        note = [f"{people[0].actor} is named in the delegation {host.actor} hosted."]
        if without_conjunction(tokens[opener].low) in AR_LED_BY:
            # "استقبل ظريف وفدا من حماس يرأسه الزهار": the head of the delegation met the host,
            # one person another (a state that hosts meets no one).
            if self._type(host.actor or "") != "person":
                return []
            note = [f"{people[0].actor} led the delegation {host.actor} received."]
            return [
                self._draft(reading, clause, meeting, roles, people[0], host, frames, note, 0.6, 1)
            ]
        return [self._draft(reading, clause, meeting, roles, host, people[0], frames, note, 0.6, 1)]


_MEMBERS_NAMED = frozenset(
    fold(w) for w in ("including", "among", "بينهم", "ومنهم", "منهم", "فيهم")
)

"""A draft's fields from its clause: the evidence span, amount, counts, time, place, where a
transfer came from, went through and went to, polarity, hedge and attribution.
"""

from __future__ import annotations

import re

from publisher.curate.suggest.drafting.context import Frame
from publisher.curate.suggest.drafting.draft import Draft, DraftAmount, DraftQuantity
from publisher.curate.suggest.drafting.drafter_base import DrafterBase
from publisher.curate.suggest.drafting.relation_kinds import COUNTED, TRANSFERS
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.cue import Cue, Roles
from publisher.curate.suggest.timing import DraftTime, nearest, relative_times, times_in
from publisher.textlayer import AmountMention
from publisher.textlayer.arabic import fold
from publisher.textlayer.quantities import Count

NEGATION_WINDOW = 3


class FieldFilling(DrafterBase):
    """A draft's fields: evidence span, amount, counts, time, place, polarity, hedge, attribution."""

    def _draft(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        agent: Ref,
        recipient: Ref,
        frames: list[Frame],
        notes: list[str],
        confidence: float,
        pairs: int,
    ) -> Draft:
        text = self.text
        subject, obj = agent.actor, recipient.actor
        span = [cue.start, cue.end]
        cues = [" ".join(cue.words.split())]

        def cover(start: int, end: int) -> None:
            if reading.start <= start and end <= reading.end and start < end:
                span[0] = min(span[0], start)
                span[1] = max(span[1], end)

        for ref in (agent, recipient):
            if ref.start < ref.end:
                cover(ref.start, ref.end)
        # Polarity: a negation just before the cue, or a denial frame over it.
        polarity = "affirmed"
        attribution: list[tuple[str, str]] = []
        for n in self.negations:
            if not (reading.start <= n.start and n.end <= reading.end):
                continue
            k = reading.token_at(n.start)
            if (
                clause.first <= k < cue.first
                and len(reading.words_between(k, cue.first)) < NEGATION_WINDOW
            ):
                if fold(text[n.start : n.end]) in ("no",) and cue.kind == "amount":
                    continue
                polarity = "denied"
                cover(n.start, n.end)
                cues.append(text[n.start : n.end])
        for frame in frames:
            if (
                frame.kind == "denial"
                and frame.covers(cue.first)
                and (reading.clause_of(frame.at) is clause or frame.at < cue.first)
            ):
                polarity = "denied"
                cover(frame.start, frame.end)
                cues.append(text[frame.start : frame.end])
        # Hedges: in the clause, or in the clause that governs a content clause.
        hedged = False
        for h in self.hedges:
            if not (reading.start <= h.start < reading.end):
                continue
            k = reading.token_at(h.start)
            governing = reading.clause_of(k)
            if polarity == "denied" and _as_alleged_by(reading, k):
                continue  # "X denies arming Y, as alleged by Z": Z alleges, X denies outright
            if (
                governing is clause
                or (clause.kind == "content" and governing.last == clause.first)
                or (k < cue.first and fold(text[h.start : h.end]) in _SENTENCE_HEDGES)
            ):
                hedged = True
                cues.append(" ".join(text[h.start : h.end].split()))
                if governing is clause:
                    cover(h.start, h.end)
        # Attribution: innermost speaker first, then outlets, then "according to".
        speakers = [
            f
            for f in frames
            if f.kind in ("speaker", "denial")
            and f.covers(cue.first)
            and not self._speaker_s_circumstance(reading, f, cue)  # his own act, not his word
        ]
        sources = [f for f in frames if f.kind == "source" and f.covers(cue.first)]
        # (a speaker after what they say, "..., T24 reported", reports the others)
        for frame in sorted(speakers, key=lambda f: (f.last <= f.at, -f.at)) + sources:
            for ident, role in frame.agents:
                if ident and ident not in [a for a, _ in attribution]:
                    attribution.append((ident, role))
        # Amount, counts: the nearest in the clause (per recipient when several).
        amount = None
        if cue.relation in self.lexicon.takes_amount or cue.kind == "amount":
            amount = self._amount(reading, clause, cue, recipient)
            if amount is not None:
                cues.append(amount[1])
        quantities: tuple[DraftQuantity, ...] = ()
        if cue.relation in COUNTED:
            quantities = self._counts(reading, clause)
        time, time_note = self._time(reading, clause, cue)
        if time is None:
            time, time_note = self._denied_now(reading, frames, cue)
        if time_note:
            notes.append(time_note)
        place, origin, route, destination = self._places(reading, clause, cue, agent, recipient)
        if cue.relation in _STATES_OF_AFFAIRS:
            place = None  # an alliance, ties, a stance: not something that happens somewhere
        if roles.how in ("active", "subject-first", "verb-first", "transfer", "passive") and (
            agent.start < agent.end and recipient.start < recipient.end
        ):
            confidence += 0.1
        if pairs > 2:
            confidence -= 0.05
        if cue.kind in ("amount",):
            confidence -= 0.05
        start, end = span
        start, end = self._trim(start, end)
        return Draft(
            document=self.document.id,
            subject=subject,
            relation=cue.relation,
            object=obj,
            start=start,
            end=end,
            quote=text[start:end],
            cues=tuple(dict.fromkeys(cues)),
            cue_start=cue.start,
            confidence=round(max(0.05, min(0.95, confidence)), 2),
            amount=amount[0] if amount else None,
            quantities=quantities,
            time=time,
            place=place,
            origin=origin,
            route=route,
            destination=destination,
            hedged=hedged,
            polarity=polarity,
            attribution=tuple(attribution),
            note=" ".join(dict.fromkeys(notes)) or None,
        )

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not (text[end - 1].isalnum() or text[end - 1] in ")”\"»'’"):
            end -= 1
        return start, end

    def _amount(
        self, reading: Reading, clause: Clause, cue: Cue, recipient: Ref
    ) -> tuple[DraftAmount, str] | None:
        mine = [a for a in self.amounts if clause.first <= reading.token_at(a.start) < clause.last]
        if not mine:
            return None
        if cue.kind == "amount":
            chosen = next((a for a in mine if a.start == cue.start), mine[0])
        else:
            group = reading.group_of(recipient) if recipient.group >= 0 else [recipient]
            if len(group) > 1 and len(mine) == len(group):
                chosen = mine[group.index(recipient)] if recipient in group else mine[0]
            else:
                chosen = min(mine, key=lambda a: (abs(a.start - cue.start), a.start))
        return self._amount_of(chosen), " ".join(self.text[chosen.start : chosen.end].split())

    def _amount_of(self, mention: AmountMention) -> DraftAmount:
        amount: DraftAmount = {}
        # The rates a claim can carry are per year or one-off: "$30 million per month" is
        # written as its twelve months a year, so that it is not read as a one-off sum.
        monthly = mention.rate == "per-month" and "per-year" in self.rates
        times = 12 if monthly else 1
        if mention.value is not None:
            amount["value"] = mention.value * times
        else:
            if mention.minimum is not None:
                amount["min"] = mention.minimum * times
            if mention.maximum is not None:
                amount["max"] = mention.maximum * times
        amount["currency"] = mention.currency
        if monthly:
            amount["rate"] = "per-year"
        elif mention.rate in self.rates:
            amount["rate"] = mention.rate
        if mention.approximate:
            amount["approximate"] = True
        return amount

    def _counts(self, reading: Reading, clause: Clause) -> tuple[DraftQuantity, ...]:
        start = reading.tokens[clause.first].start
        end = reading.tokens[clause.last - 1].end
        out = []
        for c in self.counts:
            if start <= c.start and c.end <= end:
                out.append(_quantity(c))
        return tuple(out)

    def _time(
        self, reading: Reading, clause: Clause, cue: Cue
    ) -> tuple[DraftTime | None, str | None]:
        text = self.text
        c0 = reading.tokens[clause.first].start
        c1 = reading.tokens[clause.last - 1].end
        published = self.document.published
        found = times_in(text, c0, c1, self.dates) + relative_times(
            self.relatives, c0, c1, published, self.memory.time, text
        )
        chosen = nearest(found, cue.start)
        if chosen is None:
            before = times_in(text, reading.start, cue.start, self.dates)
            before += relative_times(
                self.relatives, reading.start, cue.start, published, self.memory.time, text
            )
            before = [f for f in before if f.end <= c0]
            chosen = max(before, key=lambda f: f.start) if before else None
        if chosen is None and self.war_year is not None and _THE_WAR.search(fold(text[c0:c1])):
            # "during the war", "for this conflict": the war the document named with its year.
            return self.war_year, f'"The war" is read as the war of {self.war_year}.'
        if chosen is None:
            return None, None
        note = None
        if any(r.start == chosen.start for r in self.relatives):
            note = f'The time is read from "{" ".join(text[chosen.start : chosen.end].split())}".'
        return chosen.value, note

    def _denied_now(
        self, reading: Reading, frames: list[Frame], cue: Cue
    ) -> tuple[DraftTime | None, str | None]:
        """ "Iran denies arming the Houthis" in a dated English report: a denial in the present
        tense is made on the day the report is published."""
        published = self.document.published
        if self.language != "en" or not published or len(published) != 10:
            return None, None
        for frame in frames:
            if (
                frame.kind == "denial"
                and frame.covers(cue.first)
                and frame.at < cue.first
                and reading.tokens[frame.at].low in _PRESENT_DENIALS
            ):
                return published, "The denial is in the present tense: the day of publication."
        return None, None

    def _places(
        self, reading: Reading, clause: Clause, cue: Cue, agent: Ref, recipient: Ref
    ) -> tuple[str | None, str | None, tuple[str, ...], str | None]:
        place = origin = destination = None
        route: list[str] = []
        places = [
            r
            for r in reading.refs_in(clause.first, clause.last)
            if r is not agent
            and r is not recipient
            and not r.modifier
            and (r.place or self._type(r.actor or "") == "state")
        ]
        en = self.language == "en"
        participants = {id(agent), id(recipient)}
        refs = reading.refs
        for r in list(places):
            before = [x for x in refs if x.last < r.first and x.ids and not x.place]
            if (
                before
                and id(before[-1]) not in participants
                and len(reading.words_between(before[-1].last, r.first)) <= 1
            ):
                places.remove(r)  # "the Houthi movement in Yemen": where the Houthis are
        for r in places:
            where = r.place or r.actor
            marker = r.marker
            if marker in (("in", "at", "inside", "within") if en else _AR_IN):
                if place is None:
                    place = where
            elif cue.relation in TRANSFERS and marker in (("from",) if en else _AR_FROM):
                origin = origin or where
            elif cue.relation in TRANSFERS and marker in (("via", "through") if en else _AR_VIA):
                route.append(where or "")
            elif cue.relation in TRANSFERS and marker in (("to", "into") if en else _AR_TO):
                destination = destination or where
        if cue.relation == "visit" and recipient.place:
            place = recipient.place
        if cue.relation == "hosting" and agent.place:
            place = agent.place  # "based in Doha": hosted there
        if cue.relation == "training" and place is None and agent.marker in ("in", *_AR_IN):
            place = agent.place or agent.actor  # "trained in Iran": by Iran, there
        return place, origin, tuple(r for r in route if r), destination


_THE_WAR = re.compile(
    r"\b(?:the|this|that)\s+(?:war|conflict)\b|(?<![^\W\d_])[وفب]?الحرب(?![^\W\d_])"
)
_STATES_OF_AFFAIRS = frozenset(
    {
        "alliance",
        "diplomatic-relations",
        "political-support",
        "terrorist-designation",
        "refusal-to-designate",
        "rift",
    }
)
_AR_IN = frozenset(fold(w) for w in ("في", "داخل"))
_AR_FROM = frozenset({fold("من")})
_AR_VIA = frozenset({fold("عبر")})
_AR_TO = frozenset(fold(w) for w in ("إلى", "الى"))
_SENTENCE_HEDGES = frozenset(
    fold(w) for w in ("reportedly", "allegedly", "purportedly", "apparently", "يقال", "ربما")
)


def _quantity(count: Count) -> DraftQuantity:
    quantity: DraftQuantity = {"kind": count.kind}
    if count.value is not None:
        quantity["value"] = count.value
    if count.minimum is not None:
        quantity["min"] = count.minimum
    if count.maximum is not None:
        quantity["max"] = count.maximum
    if count.approximate:
        quantity["approximate"] = True
    if count.label:
        quantity["label"] = count.label
    return quantity


# A denial verb in the present tense: the report's own day.
_PRESENT_DENIALS = frozenset({"denies", "deny", "rejects", "dismisses"})


def _as_alleged_by(reading: Reading, k: int) -> bool:
    """ "as alleged by Riyadh", "as claimed by": the hedge names who alleges what is denied."""
    tokens = reading.tokens
    return (
        reading.language == "en"
        and k > 0
        and tokens[k - 1].low == "as"
        and k + 1 < len(tokens)
        and tokens[k + 1].low == "by"
    )

"""The drafts of one cue: its roles found, resolved from earlier clauses or named as a gap,
never a claim between an actor and its own part, irrealis clauses left out.
"""

from __future__ import annotations

from dataclasses import replace

from publisher.curate.suggest.drafting.context import Frame
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.headings import HeadingTopics
from publisher.curate.suggest.drafting.meetings import MeetingDrafting
from publisher.curate.suggest.drafting.omitted_subjects import OmittedSubjects
from publisher.curate.suggest.drafting.relation_kinds import PERSONLESS, SUPPORT
from publisher.curate.suggest.grammar.arabic import AR_IRREALIS, AR_TRANSFER_VERBS
from publisher.curate.suggest.grammar.english import EN_IRREALIS
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.arabic_nouns import AR_AL_VERBS, AR_INTENT
from publisher.curate.suggest.roles.cue import Cue, Roles
from publisher.curate.suggest.roles.referents import without_conjunction
from publisher.textlayer.arabic import fold


class RoleDrafting(MeetingDrafting, HeadingTopics, OmittedSubjects):
    """The drafts of one cue: its roles found, resolved or named as a gap, parts kept out,
    irrealis clauses skipped."""

    def _drafts(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        frames: list[Frame],
        thanker: list[Ref],
    ) -> list[Draft]:
        notes: list[str] = []
        confidence = 0.7
        agents = self._wholes(_expand([r for r in roles.agents if r.ids]))
        recipients = self._wholes(_expand([r for r in roles.recipients if r.ids]))
        # A pronoun or description in a role that no single actor fits: the draft names it.
        unread_agent = next((r for r in roles.agents if not r.ids), None)
        unread_recipient = next((r for r in roles.recipients if not r.ids), None)
        for r in agents + recipients:
            if r.note:
                notes.append(r.note)
                confidence -= 0.1
        if roles.how == "relative":
            confidence -= 0.05
        if roles.competing:
            confidence -= 0.1
        gap = None
        # A dropped subject or an implicit recipient: the preceding clause, when unambiguous.
        possessor = self._attached_pronoun(reading, cue) if not agents else []
        if possessor:
            agents = possessor
            notes.append(
                f'The pronoun on "{cue.words}" is read as '
                f"{' and '.join(r.actor or '' for r in possessor)}."
            )
            confidence -= 0.1
        attached = self._object_pronoun(reading, cue, agents) if not recipients else []
        if attached:
            recipients = attached
            notes.append(f'The pronoun on "{cue.words}" is read as {attached[0].actor}.')
            confidence -= 0.1
        adjunct = None if agents else self._adjunct_subject(reading, clause, cue)
        if adjunct is not None:
            agents = [adjunct]
            notes.append(f"The participle has the sentence's subject, {adjunct.actor}, as its own.")
            confidence -= 0.1
        if not agents and cue.kind != "compound":
            previous = list(dict.fromkeys(self.memory.subjects))
            if len(previous) == 1 and self._verb_opens_clause(reading, clause, cue):
                ident = previous[0]
                agents = [_implied(cue, ident)]
                notes.append(
                    f"The subject is not named in the clause; read as {ident}, "
                    "the actor of the preceding clause."
                )
                confidence -= 0.2
            else:
                gap = "subject: the agent is not named in the clause"
        if (
            not recipients
            and cue.relation in SUPPORT
            and agents
            and not self._unread_recipient(reading, cue)
        ):
            previous = self._previous_recipients(agents)
            told = self._told_before(reading, cue, agents)
            if told is not None:
                recipients = [_implied(cue, told)]
                notes.append(
                    f'"{cue.words}" refers back to what was told before; the recipient is read '
                    f"as {told}, its recipient there."
                )
                confidence -= 0.2
            elif len(previous) == 1:
                ident = previous[0]
                recipients = [_implied(cue, ident)]
                notes.append(
                    f"The recipient is not named in the clause; read as {ident}, "
                    "the recipient of the preceding clause."
                )
                confidence -= 0.2
            elif (
                not previous
                and cue.kind != "compound"  # "Iranian-backed militias": the militias, unnamed
                and (topic := self._topic_recipient(agents)) is not None
            ):
                ident, where = topic
                recipients = [_implied(cue, ident)]
                notes.append(
                    f"The recipient is not named in the clause; read as {ident}, "
                    f"the recipient the {where} names."
                )
                confidence -= 0.25
            else:
                gap = "object: the recipient is not named in the clause"
        attending = False
        if (
            not recipients
            and cue.relation == "meeting"
            and agents
            and self.memory.meeting is not None
            and _back_reference(reading, cue)
            and all(self._type(a.actor or "") == "person" for a in agents)  # who attends
        ):
            # "X and Y were also present during the meeting": the meeting told before; who
            # attends meets its guests, or its host when they belong to the guests' side.
            host, guest = self.memory.meeting
            met = []
            for agent in agents:
                ident = agent.actor or ""
                titled_by = {
                    r.actor
                    for r in reading.refs
                    if r.modifier and r.last < agent.first and agent.first - r.last <= 6
                }
                guest_side = ident == guest or self.related(ident, guest) or guest in titled_by
                side = host if guest_side else guest
                if ident not in (host, guest) and not self.related(ident, side):
                    met.append(side)
            if met and len(set(met)) == 1:
                ident = met[0]
                recipients = [_implied(cue, ident)]
                notes.append(
                    f'"{cue.words}" is the meeting of {host} and {guest} told before; read as '
                    f"a meeting with {ident}."
                )
                confidence -= 0.2
                attending = True
        if cue.relation == "visit":
            # A visit to a city is a visit to its state, there.
            recipients = [self._state_of(r) for r in recipients]
        if cue.relation == "hosting" and cue.reversed and self.language == "ar":
            # an office in, or a seat in, a city: its state hosts (not the government the
            # capital may stand for)
            agents = [self._state_of(r) for r in agents]
        if cue.relation == "visit" and agents and not recipients:
            places = [
                r
                for r in reading.refs_in(clause.first, clause.last)
                if r.place and r.first > cue.last and r.ids
            ]
            if places:
                recipients = places[:1]
        if not agents and not recipients:
            return []
        if self._irrealis(reading, clause, cue):
            return []  # "the difficulty of sending forces", "could fund": not a fact
        if not agents and unread_agent is not None and recipients:
            return self._gap(reading, clause, cue, roles, unread_agent, recipients[0], frames,
                             "subject")  # fmt: skip
        if not recipients and unread_recipient is not None and agents:
            return self._gap(reading, clause, cue, roles, agents[0], unread_recipient, frames,
                             "object")  # fmt: skip
        if gap is not None or not agents or not recipients:
            return []  # nothing said of who acts or on whom: no draft rather than a guess
        drafts = []
        pairs = [(a, r) for a in agents for r in recipients]
        for agent, recipient in pairs[:8]:
            subject, obj = agent.actor, recipient.actor
            if subject is None or obj is None or self.related(subject, obj):
                continue
            if cue.relation in PERSONLESS and (
                self._type(subject) == "person" or self._type(obj) == "person"
            ):
                continue
            if cue.relation in SUPPORT and self._type(obj) == "media":
                continue
            draft = self._draft(
                reading, clause, cue, roles, agent, recipient, frames, notes, confidence, len(pairs)
            )
            if thanker:
                said = [
                    (r.actor or "", "quoted-speaker")
                    for r in thanker
                    if r.actor and not r.extension
                ]
                draft = replace(
                    draft, attribution=tuple(dict.fromkeys(said + list(draft.attribution)))
                )
            if attending and draft.place is None:
                draft = replace(draft, place=self.memory.meeting_place)  # where it was held
            drafts.append(draft)
            if attending:
                self.attended.add((draft.subject, draft.object, draft.start))
            if cue.relation == "hosting" and self._type(obj) != "person":
                members = [
                    replace(d, place=d.place or draft.place)  # where the delegation was hosted
                    for d in self._members_met(
                        reading, clause, cue, roles, agent, recipient, frames
                    )
                ]
                # the meeting a later sentence refers to is the hosting, not this part of it
                self.attended |= {(d.subject, d.object, d.start) for d in members}
                drafts += members
                drafts += self._hosted_visit(reading, clause, cue, roles, recipient, draft, frames)
        return drafts

    def _hosted_visit(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        guest: Ref,
        hosting: Draft,
        frames: list[Frame],
    ) -> list[Draft]:
        """ "استقبل ظريف في طهران وفدا من حماس": a guest from elsewhere whom a person of a state
        received in a city of that state visited the state, there (said in the note)."""
        if (
            self.language != "ar"
            or hosting.place is None
            or self._type(hosting.subject or "") != "person"  # a state's hosting: an event
        ):
            return []
        where = next(
            (r for r in reading.refs_in(clause.first, clause.last) if r.place == hosting.place),
            None,
        )
        state = self._state_of(where) if where is not None else None
        if state is None or state is where or not state.actor or not guest.actor:
            return []
        host, visitor = hosting.subject or "", guest.actor
        if self._same_state(visitor, state.actor):
            return []
        # the host's state: what the host is part of, or the demonym of the host's title
        # ("الرئيس السوري بشار الأسد")
        titled = {
            self.reader.demonyms.get(t.low)
            for ref in reading.refs
            if ref.actor == host
            for t in reading.tokens[max(0, ref.first - 3) : ref.first]
        }
        if not self._same_state(host, state.actor) and state.actor not in titled:
            return []
        visit = replace(cue, relation="visit")
        note = [f"{visitor} was received in {hosting.place}: a visit to {state.actor}."]
        return [self._draft(reading, clause, visit, roles, guest, state, frames, note, 0.6, 1)]

    def _irrealis(self, reading: Reading, clause: Clause, cue: Cue) -> bool:
        words = EN_IRREALIS if self.language == "en" else AR_IRREALIS
        for t in reading.tokens[clause.first : cue.first]:
            low = t.low[1:] if t.low[:1] in "وف" and t.low[1:] in words else t.low
            if low in words:
                return True
            if self.language == "ar" and _future(t.low):
                return True  # "أنها ستقدم دعما": what will be done, as "سوف"
        return False

    def _gap(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        agent: Ref,
        recipient: Ref,
        frames: list[Frame],
        role: str,
    ) -> list[Draft]:
        """A draft whose subject or object is a pronoun or description that no single actor
        of the preceding clauses fits: written with that role left out and the gap named."""
        unread = agent if role == "subject" else recipient
        known = recipient if role == "subject" else agent
        if known.actor is None or self._type(known.actor) == "media" or unread.marker == "'s":
            return []  # ("its readiness": a possessor of another noun, not a role)
        a, b = (
            sorted((unread.last, cue.first))
            if unread.last < cue.first
            else (cue.last, unread.first)
        )
        if len(reading.words_between(a, b)) > 3:
            return []  # a pronoun far from the cue may not be its role at all
        draft = self._draft(reading, clause, cue, roles, agent, recipient, frames, [], 0.2, 1)
        gap = f'{role}: "{unread.surface}" could not be read as one actor of the text before it'
        return [
            replace(
                draft,
                subject=None if role == "subject" else draft.subject,
                object=None if role == "object" else draft.object,
                gap=gap,
                confidence=0.2,
            )
        ]

    def _state_of(self, ref: Ref) -> Ref:
        if ref.place and ref.place in self.places and self.places[ref.place].located_in:
            return replace(ref, ids=(str(self.places[ref.place].located_in),))
        return ref

    def _unread_recipient(self, reading: Reading, cue: Cue) -> bool:
        """ "وأشاد بدعمها «للمقاومة»": the clause names a recipient the drafter cannot read
        (لـ with a noun right after the cue), so none is borrowed from before."""
        if self.language != "ar":
            return self._unread_english_recipient(reading, cue)
        words = [t for t in reading.tokens[cue.last + 1 : cue.last + 3] if t.is_word]
        return (
            bool(words)
            and words[0].low.startswith("لل")
            and not any(r.first == words[0].index for r in reading.refs if r.ids)
        )

    @staticmethod
    def _unread_english_recipient(reading: Reading, cue: Cue) -> bool:
        """ "Iran funds Hizbollah", "sent arms to Ansarallah": a name the drafter does not know
        where the recipient stands (a capitalised word right after the cue, or after its "to",
        "for" or "the"), so none is borrowed from the clause before."""
        for token in reading.tokens[cue.last + 1 : cue.last + 4]:
            if not token.is_word:
                return False
            if token.low in ("to", "for", "the"):
                continue
            return token.text[:1].isupper() and not any(
                r.first <= token.index <= r.last for r in reading.refs
            )
        return False

    def _wholes(self, refs: list[Ref]) -> list[Ref]:
        """ "to Hamas, including the Qassam Brigades": a part listed after its whole is part of
        the whole's claim, not one of its own."""
        heads = [r.actor for r in refs if not r.extension]
        return [
            r
            for r in refs
            if not (r.extension and any(h and self.related(h, r.actor or "") for h in heads))
        ]

    def _told_before(self, reading: Reading, cue: Cue, agents: list[Ref]) -> str | None:
        """ "هذه التدريبات يشرف عليها مدربون ...": a support noun after a demonstrative is the
        support told before in the text; its recipient there is this one's (Arabic only)."""
        if self.language != "ar" or cue.first < 1:
            return None
        if without_conjunction(reading.tokens[cue.first - 1].low) not in _DEMONSTRATIVES:
            return None
        told = self.memory.last_recipients.get(cue.relation)
        if told is None or any(
            a.actor is not None and (a.actor == told or self.related(a.actor, told)) for a in agents
        ):
            return None
        return told

    def _previous_recipients(self, agents: list[Ref]) -> list[str]:
        ids = {a.actor for a in agents}
        found = []
        for d in self.memory.drafts:
            if d.relation in SUPPORT and d.object and not d.gap:
                related = any(
                    a is not None
                    and d.subject is not None
                    and (self.related(a, d.subject) or self._same_state(a, d.subject))
                    for a in ids
                )
                if related:
                    found.append(d.object)
        return list(dict.fromkeys(found))


_DEMONSTRATIVES = frozenset(fold(w) for w in ("هذه", "هذا", "تلك", "ذلك", "هذي"))


def _back_reference(reading: Reading, cue: Cue) -> bool:
    """ "the meeting", "the talks", "اللقاء", "الاجتماع": a meeting told before, not a new one."""
    word = reading.tokens[cue.first]
    before = reading.tokens[cue.first - 1].low if cue.first > 0 else ""
    if reading.language == "en":
        return before in ("the", "that", "this")
    low = word.low[1:] if word.low[:1] in "وفبل" else word.low
    return (low.startswith("ال") or word.low.startswith("لل")) and low not in AR_AL_VERBS


def _expand(refs: list[Ref]) -> list[Ref]:
    """A plural pronoun stands for each of the actors it refers to ("their ties", "علاقاتهما")."""
    out: list[Ref] = []
    for ref in refs:
        if len(ref.members) > 1:
            out += [replace(ref, ids=(member,), members=()) for member in ref.members]
        else:
            out.append(ref)
    return out


def _future(low: str) -> bool:
    """An Arabic verb of giving or continuing with the future prefix س ("ستقدم", "سيواصل")."""
    low = low[1:] if low[:1] in "وف" and len(low) > 4 else low
    rest = low[1:]
    return (
        low[:1] == "س" and rest[:1] in "يتنا" and (rest in AR_TRANSFER_VERBS or rest in AR_INTENT)
    )


def _implied(cue: Cue, ident: str) -> Ref:
    """An agent or recipient the clause leaves unnamed, read as `ident`: an empty referent at
    the cue."""
    return Ref(cue.start, cue.start, cue.first, cue.first, (ident,), "", "pronoun")

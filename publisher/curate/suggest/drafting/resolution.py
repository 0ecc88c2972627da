"""Pronouns and descriptions resolved to the actor of a preceding clause, when only one fits."""

from __future__ import annotations

from collections.abc import Sequence

from publisher.curate.suggest.drafting.drafter_base import DrafterBase
from publisher.curate.suggest.grammar.english import EN_MINISTRY_OFFICES
from publisher.curate.suggest.reading.pronouns import COUNTRY_OF
from publisher.curate.suggest.reading.sentence import Reading, Ref
from publisher.textlayer.arabic import fold


class ReferentResolution(DrafterBase):
    """Pronouns and descriptions resolved to the actor of a preceding clause when unambiguous."""

    def _fits(self, ident: str, ref: Ref) -> bool:
        actor = self.actors.get(ident)
        if actor is None:
            return False
        if ref.types:
            if actor.type not in ref.types:
                return False
            word = fold(ref.surface).removeprefix("ال").removeprefix("the ")
            if self.language == "ar" and word in (fold("حزب"), fold("حركه")):
                return word in fold(actor.names.ar) or any(
                    word in fold(a) for a in actor.names.aliases_ar
                )
            office = [w for w in word.split() if w in EN_MINISTRY_OFFICES]
            if office:  # "the foreign ministry": a ministry of foreign affairs
                return any(office[0] in fold(n) for _, n in actor.names.all())
            return True
        if ref.kind == "pronoun" and ref.number == "singular":
            return actor.type not in ("collective",)
        return True

    def _resolve(self, reading: Reading) -> None:
        """Pronouns and descriptions: the actor of the preceding clause when unambiguous."""
        memory = self.memory
        self._title_states(reading)
        for ref in list(reading.refs):
            if ref.ids or ref.kind not in ("pronoun", "anaphor"):
                continue
            word = fold(ref.surface)
            if ref.kind == "pronoun" and ref.types == COUNTRY_OF:
                if not self._country_of(reading, ref):
                    reading.refs.remove(ref)  # no gap for a country the text does not give
                continue
            if word == "it" and memory.media and self._speaks_next(reading, ref):
                # "..., it said": the outlet reporting it, not an actor of the story
                ref.ids = (memory.media,)
                ref.note = f'"{ref.surface}" is read as {memory.media}, the outlet named before'
                continue
            if word in (fold("the delegation"), fold("الوفد"), fold("delegation")):
                if memory.delegation:
                    ref.ids = (memory.delegation,)
                    ref.note = (
                        f'"{ref.surface}" is {memory.delegation}, the delegation named before'
                    )
                continue
            here = [
                r
                for r in reading.refs
                if r.last < ref.first and r.ids and r.kind != "place" and not r.modifier
            ]
            candidates = self._candidates(ref, here)
            bound = self._own_subject(reading, ref)
            if bound is not None and bound in candidates and len(candidates) > 1:
                # "Hamas said Iran supports it": an object pronoun is not its own clause's
                # subject (that would be "itself").
                candidates = [c for c in candidates if c != bound]
            where = "earlier in the sentence"
            if not candidates:
                previous = [
                    r for r, n in memory.refs if n == memory.sentence - 1 and not r.modifier
                ]
                candidates = self._candidates(ref, previous)
                where = "in the preceding sentence"
            if not candidates and ref.kind == "anaphor" and self.language == "ar":
                # "قال مشعل إن الحركة تلقت ...": the movement a person named before belongs to
                bodies = {
                    b
                    for r in here
                    if self._is_person(r)
                    for b in {
                        *self.parents.get(r.actor or "", set()),
                        memory.bodies.get(r.actor or ""),
                    }
                    if b
                }
                bodies |= {p for b in bodies for p in self.parents.get(b, set())}
                owners = {b for b in bodies if self._fits(b, ref)}
                # the whole, not its part: "الحركة" of the political bureau's head is Hamas
                owners = {o for o in owners if not self.parents.get(o, set()) & owners}
                if len(owners) == 1:
                    candidates = [owners.pop()]
                    where = "the body of the person named before"
            if not candidates and ref.kind == "anaphor":
                candidates = self._ministry_of_the_state(reading, ref)
                where = "the ministry of the state the sentence names"
            if (
                not candidates
                and ref.kind == "anaphor"
                and memory.topic
                and self._fits(memory.topic, ref)
            ):
                candidates = [memory.topic]
                where = "the subject of the document"
            elif (
                len(candidates) > 1
                and ref.types == frozenset({"collective"})
                and memory.topic is not None
                and self._fits(memory.topic, ref)
            ):
                # "the alliance", "هذه الجماعات" after several groups were named: the
                # collective the document is about, not one of the groups it lists.
                candidates = [memory.topic or ""]
                where = "the subject of the document"
            if len(candidates) != 1 and self._names_a_list(ref):
                listed = self._listed_groups(reading, ref)
                if listed:
                    # "هذه الجماعات", "these groups": each of the groups listed before
                    ref.ids, ref.members = (listed[0],), tuple(listed)
                    ref.note = f'"{ref.surface}" is read as {", ".join(listed)}, listed before'
                    continue
            if len(candidates) == 1:
                ref.ids = (candidates[0],)
                who = " and ".join(ref.members) if len(ref.members) > 1 else candidates[0]
                ref.note = f'"{ref.surface}" is read as {who} ({where})'

    @staticmethod
    def _names_a_list(ref: Ref) -> bool:
        """A plural description of groups with a demonstrative: "these groups", "هذه الفصائل"."""
        words = fold(ref.surface).split()
        return (
            ref.kind == "anaphor"
            and ref.types == frozenset({"collective"})
            and len(words) == 2
            and words[0] in _PLURAL_DEMONSTRATIVES
        )

    def _listed_groups(self, reading: Reading, ref: Ref) -> list[str]:
        """The groups of the last list of two or more named before `ref`, in this sentence or
        the two before it: organisations, armed wings and units, nothing else in the list."""
        here = [(r, self.memory.sentence) for r in reading.refs if r.last < ref.first]
        earlier = [(r, n) for r, n in self.memory.refs if n >= self.memory.sentence - 2]
        lists: dict[tuple[int, int], list[str]] = {}
        for r, n in [*earlier, *here]:
            if r.group >= 0 and r.actor and not r.modifier:
                lists.setdefault((n, r.group), []).append(r.actor)
        for members in reversed(list(lists.values())):
            kinds = {self._type(m) for m in members}
            if len(set(members)) >= 2 and kinds <= _GROUP_KINDS:
                return list(dict.fromkeys(members))
        return []

    def _title_states(self, reading: Reading) -> None:
        """A person named after a title with a demonym ("نائب وزير الخارجية الروسي ميخائيل
        بوغدانوف") is of that state, for "بلاده" later in the document; after a title naming a
        body ("رئيس المكتب السياسي لحماس خالد مشعل"), of that body, for "الحركة"."""
        for ref in reading.refs:
            if not ref.ids or not self._is_person(ref):
                continue
            before = reading.tokens[max(0, ref.first - 3) : ref.first]
            states = {self.reader.demonyms.get(t.low) for t in before} - {None}
            if len(states) == 1:
                self.memory.states.setdefault(ref.actor or "", states.pop() or "")
            # "رئيس المكتب السياسي لحماس خالد مشعل": the body his title names
            bodies = {
                r.actor
                for r in reading.refs
                if r.modifier and r.actor and r.last < ref.first and ref.first - r.last <= 4
            }
            if len(bodies) == 1:
                self.memory.bodies.setdefault(ref.actor or "", bodies.pop() or "")

    def _country_of(self, reading: Reading, ref: Ref) -> bool:
        """ "عبر بوغدانوف عن موقف بلاده": "his country" is the state of the person named last
        before it in the sentence, as what the person is part of or the demonym of the title
        the document gave them; with no person, of the body named last ("المتحدث باسم
        الخارجية الإيرانية ... بلاده")."""
        before = [r for r in reversed(reading.refs) if r.last < ref.first and r.actor]
        people = [r for r in before if self._is_person(r)]
        for r in people[:1] or [r for r in before if self._type(r.actor or "") != "state"][:1]:
            ident = r.actor or ""
            state = next(
                (p for p in sorted(self.parents.get(ident, set())) if self._type(p) == "state"),
                None,
            ) or self.memory.states.get(ident)
            if state and state in self.actors:
                ref.ids = (state,)
                ref.note = f'"{ref.surface}" is read as {state}, the state of {ident}'
                return True
        return False

    def _own_subject(self, reading: Reading, ref: Ref) -> str | None:
        """For an English object pronoun ("supports it", "provided them with"), the subject
        of its own clause: the last actor named before it there with no preposition."""
        if self.language == "ar":
            return self._own_subject_ar(reading, ref)
        if fold(ref.surface) not in ("it", "him", "them"):
            return None
        tokens = reading.tokens
        nxt = tokens[ref.last + 1] if ref.last + 1 < len(tokens) else None
        giving = ref.first > 0 and tokens[ref.first - 1].low in _GIVING_VERBS
        if nxt is not None and nxt.is_word and nxt.low not in _AFTER_OBJECT and not giving:
            return None  # "Iran said it funds Hamas": a subject ("gave it money": an object)
        # The verb right before the pronoun, and its subject right before the verb (an
        # auxiliary or adverb may stand between): "Iran supports it", "Iran has long armed
        # them". "Qatar hosts Hamas and funds it" has none: the subject is not next to it.
        verb = ref.first - 1
        if verb < 1 or not tokens[verb].is_word:
            return None
        k = verb - 1
        while k >= 0 and tokens[k].low in _BETWEEN_SUBJECT_AND_VERB:
            k -= 1
        subject = next(
            (r for r in reading.refs if r.last == k and r.ids and r.marker is None), None
        )
        return subject.actor if subject is not None else None

    def _own_subject_ar(self, reading: Reading, ref: Ref) -> str | None:
        """For an Arabic pronoun attached to a preposition ("قدمت إيران لها", "إن إيران تقدم
        له"), the subject of its own clause: the actor right before it, past the verb, with no
        preposition and no punctuation between (that would be "لنفسها")."""
        if ref.kind != "pronoun" or ref.marker is None:
            return None
        clause = reading.clause_of(ref.first)
        before = [
            r
            for r in reading.refs
            if clause.first <= r.first
            and r.last < ref.first
            and r.ids
            and r.marker is None
            and not r.modifier
            and len(reading.words_between(r.last, ref.first)) <= 2
            and not reading.punctuation_between(r.last, ref.first)
        ]
        return before[-1].actor if before else None

    def _ministry_of_the_state(self, reading: Reading, ref: Ref) -> list[str]:
        """ "MOSCOW - ... Russian news agencies reported, citing the foreign ministry": the
        ministry of that office of the one state the sentence names, when there is one; "and
        foreign ministry" without "the": that of the state named as a possessor before it."""
        word = fold(ref.surface)
        if not any(w in EN_MINISTRY_OFFICES for w in word.split()):
            return []
        states = {
            r.actor for r in reading.refs if r.ids and r.actor and self._type(r.actor) == "state"
        }
        if not word.startswith("the "):
            # "Russia's President Vladimir Putin and foreign ministry": the possessor's
            owner = [
                r
                for r in reading.refs
                if r.last < ref.first
                and r.marker == "'s"
                and r.actor
                and self._type(r.actor) == "state"
                and len(reading.words_between(r.last, ref.first)) <= 6
            ]
            states = {owner[-1].actor or ""} if owner else set()
        if len(states) != 1:
            return []
        state = states.pop()
        ministries = [
            ident
            for ident in self.actors
            if state in self.parents.get(ident, set()) and self._fits(ident, ref)
        ]
        return ministries if len(ministries) == 1 else []

    def _speaks_next(self, reading: Reading, ref: Ref) -> bool:
        """Whether a speaking verb ("said", "reported") follows the referent at once."""
        return any(
            m.payload[0] == "speaker_after"
            and reading.start <= m.start < reading.end
            and reading.token_at(m.start) == ref.last + 1
            for m in self.attribution
        )

    def _candidates(self, ref: Ref, refs: Sequence[Ref]) -> list[str]:
        fitting = [r for r in refs if r.actor is not None and self._fits(r.actor, ref)]
        if ref.kind == "pronoun" and ref.number in ("plural", "dual"):
            groups = [r for r in fitting if r.group >= 0]
            if groups:
                last = groups[-1].group
                members = [r.actor or "" for r in groups if r.group == last and not r.extension]
                ref.members = tuple(dict.fromkeys(members))
                return members[:1]
            collectives = [r for r in fitting if self._type(r.actor or "") == "collective"]
            if collectives:
                return list(dict.fromkeys(r.actor or "" for r in collectives))[-1:]
            # "providing them with funds": an organisation spoken of as "them", when only one
            # organisation fits.
            bodies = {r.actor for r in fitting if self._type(r.actor or "") == "organisation"}
            return [bodies.pop() or ""] if len(bodies) == 1 else []
        ids = list(dict.fromkeys(r.actor for r in fitting if r.actor))
        if ref.kind == "pronoun" and len(ids) > 1:
            # "it", "he": the subject of the clause before (the first actor named there).
            subjects = [i for i in ids if i in self.memory.subjects]
            if len(subjects) == 1:
                return subjects
        return ids


# Words after an object pronoun: "supports it with", "armed them in 2006", "backs it and".
_AFTER_OBJECT = frozenset(
    (
        "with",
        "and",
        "in",
        "on",
        "at",
        "for",
        "since",
        "from",
        "to",
        "through",
        "via",
        "by",
        "during",
        "after",
        "before",
        "as",
        "again",
        "too",
        "also",
        "financially",
        "militarily",
        "politically",
        "directly",
        "openly",
    )
)
# Verbs whose first object is who receives: "Iran gave it money", "has sent them weapons".
_GIVING_VERBS = frozenset(
    f"{stem}{end}"
    for stem, ends in (
        ("give", ("", "s", "n")),
        ("gave", ("",)),
        ("giving", ("",)),
        ("send", ("", "s", "ing")),
        ("sent", ("",)),
        ("offer", ("", "s", "ed", "ing")),
        ("grant", ("", "s", "ed", "ing")),
        ("lend", ("", "s", "ing")),
        ("lent", ("",)),
        ("pay", ("", "s", "ing")),
        ("paid", ("",)),
        ("promise", ("", "s", "d")),
        ("hand", ("", "s", "ed")),
    )
    for end in ends
)
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    (
        "has",
        "have",
        "had",
        "does",
        "did",
        "will",
        "would",
        "also",
        "still",
        "long",
        "openly",
        "reportedly",
        "allegedly",
        "not",
        "never",
        "continues",
        "continued",
        "to",
    )
)


_PLURAL_DEMONSTRATIVES = frozenset(fold(w) for w in ("these", "those", "هذه", "تلك"))
_GROUP_KINDS = frozenset({"organisation", "armed-wing", "unit"})

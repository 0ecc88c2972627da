"""Referents that only qualify a person: "Hamas leader Ismail Haniyeh"."""

from __future__ import annotations

import re

from publisher.curate.suggest.grammar.arabic import AR_AGENT_NOUNS, AR_LED_BY, AR_SUBORDINATORS
from publisher.curate.suggest.grammar.english import EN_SUBORDINATORS
from publisher.curate.suggest.reading.reader_base import ReaderBase
from publisher.curate.suggest.reading.sentence import Reading, Ref
from publisher.curate.suggest.reading.titles import EN_INDIVIDUALS, TITLE_GAP, is_title

# A preposition before "Yemen's" in "to Yemen's Houthis" governs the group.
_PREPOSITIONS = frozenset({"to", "for", "with", "by", "from", "against", "on", "of", "in"})


_BRACKETED = re.compile(r"\s*\([^()]{1,15}\)\s*")
_OPENS_BRACKET = re.compile(r"^('s|’s)?\s*\($")


class ModifierReading(ReaderBase):
    """Referents that only qualify a person ("Hamas leader Ismail Haniyeh")."""

    def _modifiers(self, reading: Reading) -> None:
        """An organisation or state that only qualifies the person named next to it:
        "Hamas leader Ismail Haniyeh", "رئيس حماس خالد مشعل", "Hassan Dahir Aweys of the ICU",
        "Turkish President Recep Tayyip Erdoğan"."""
        refs = reading.refs
        for i, ref in enumerate(refs):
            if self._is_person(ref):
                continue
            nxt = refs[i + 1] if i + 1 < len(refs) else None
            if (
                nxt is not None
                and nxt.ids == ref.ids
                and i + 2 < len(refs)
                and _OPENS_BRACKET.match(reading.text[ref.end : nxt.start])
            ):
                nxt = refs[i + 2]  # "the Islamic Revolutionary Guard Corps's (IRGC) Quds Force"
            if nxt is not None and self._is_person(nxt) and ref.kind in ("name", "demonym"):
                gap = reading.words_between(ref.last, nxt.first)
                marks = reading.punctuation_between(ref.last, nxt.first) - {"’", "'"}
                if (
                    len(gap) <= TITLE_GAP
                    and not marks & {";", "(", ")", ":"}
                    and not any(
                        t.low in EN_SUBORDINATORS
                        or t.low in AR_SUBORDINATORS
                        or t.low in ("and", "with", "to", "by", "met", "التقى")
                        or t.low in AR_LED_BY  # "وفد من حماس يرأسه الزهار": led by
                        # "Qatar hosted Haniyeh": a cue between them is a relation, no title
                        or (self.language == "en" and t.index in reading.cue_tokens)
                        for t in gap
                    )
                ):
                    commas = bool(marks & {",", "،"})
                    titled = all(is_title(t.low, self.language) for t in gap)
                    if self.language == "ar" and commas and not titled:
                        pass  # "وفدا من حماس، برئاسة موسى أبو مرزوق": led by, not a title
                    elif self.language == "ar" and not gap and not self._after_title(reading, ref):
                        # "شكرت حماس بوتين": a verb's subject and object; "زعيم حماس إسماعيل
                        # هنية" has its title before the organisation
                        pass
                    elif not commas or self.language == "ar" or len(gap) >= 1:
                        ref.modifier = True
                        continue
            if nxt is not None and self._state_before_group(reading, ref, nxt):
                ref.modifier = True  # "Yemen's Houthi rebels": the Houthis, not Yemen
                if nxt.marker is None:  # "to Yemen's Houthis": the Houthis get it
                    nxt.marker = ref.marker
                    if ref.marker == "'s":  # the state's own, not the group's: what stands before
                        k = ref.first - 1
                        while k > 0 and reading.tokens[k].text.endswith(("'s", "’s")):
                            # "from Iran's IRGC's Quds Force": back over the chain of owners
                            owner = next((r for r in refs[:i] if r.last == k), None)
                            if owner is None or not owner.modifier:
                                break
                            k = owner.first - 1
                        if k > 0 and reading.tokens[k].low == "the":  # "from the IRGC's"
                            k -= 1
                        before = reading.tokens[k].low if k >= 0 else ""
                        nxt.marker = before if before in _PREPOSITIONS else None
                continue
            if ref.kind == "name" and self._individual_after(reading, ref):
                ref.modifier = True  # "a veteran Hamas operative": a person, not Hamas
                continue
            prev = refs[i - 1] if i > 0 else None
            if prev is not None and self._is_person(prev) and ref.marker in ("of", "from"):
                gap = reading.words_between(prev.last, ref.first)
                if len(gap) <= 4 and not reading.punctuation_between(prev.last, ref.first):
                    ref.modifier = True
            if self.language == "ar":
                # The person the apposition follows, past descriptions it holds ("الوفد").
                prev = next(
                    (
                        p
                        for p in reversed(refs[:i])
                        if not (p.kind == "anaphor" and not p.ids and p.modifier)
                    ),
                    None,
                )
            if prev is not None and self._is_person(prev) and self.language == "ar":
                # "محمد رعد، رئيس الوفد ورئيس كتلة حزب الله": an apposition after a person.
                between = reading.tokens[prev.last + 1 : ref.first]
                titles = [t for t in between if t.is_word]
                if (
                    between
                    and between[0].text in "،,"
                    and len(titles) <= 6
                    and any(t.low.lstrip("و") in AR_AGENT_NOUNS for t in titles)
                ) and not any(t.text in ".؛:" for t in between):
                    ref.modifier = True

    def _individual_after(self, reading: Reading, ref: Ref) -> bool:
        """An organisation's name before a noun for one of its people ("a Hamas operative",
        "the Hezbollah commander") names that person, not the organisation."""
        if self.language != "en" or ref.last + 1 >= len(reading.tokens):
            return False
        nxt = reading.tokens[ref.last + 1]
        before = reading.tokens[ref.first - 1].low if ref.first > 0 else ""
        before2 = reading.tokens[ref.first - 2].low if ref.first > 1 else ""
        article = before in ("a", "an") or before2 in ("a", "an")
        return nxt.low in EN_INDIVIDUALS and (article or before in ("the", "veteran", "senior"))

    @staticmethod
    def _after_title(reading: Reading, ref: Ref) -> bool:
        """Whether a title word stands right before the referent ("زعيم حماس", "رئيس
        المكتب السياسي لحماس"), or nothing does (the sentence opens with it)."""
        if ref.first == 0:
            return True
        for k in range(ref.first - 1, max(-1, ref.first - 4), -1):
            before = reading.tokens[k]
            if not before.is_word:
                return False
            if is_title(before.low, "ar"):
                return True  # "رئيس وزراء حماس": the title two words before
        return False

    def _whole_of(self, ident: str, parts: tuple[str, ...]) -> bool:
        """Whether the actor `ident` is what every one of `parts` is part, unit, wing or
        government of, at any remove."""
        if not parts:
            return False
        for part in parts:
            seen: set[str] = set()
            todo = [part]
            while todo:
                actor = self.actors.get(todo.pop())
                if actor is None or actor.id in seen:
                    continue
                seen.add(actor.id)
                todo += [
                    p
                    for p in (
                        actor.part_of,
                        actor.unit_of,
                        actor.armed_wing_of,
                        actor.government_of,
                    )
                    if p
                ]
            if ident not in seen - {part}:
                return False
        return True

    def _state_before_group(self, reading: Reading, ref: Ref, nxt: Ref) -> bool:
        """A state named right before a group, with at most a possessive between ("Yemen's
        Houthi rebels", "Yemen Houthi rebels", "Lebanon's Hezbollah"), only says where the
        group is: the group is the one named."""
        if self.language != "en" or ref.kind not in ("name", "place") or nxt.kind != "name":
            return False
        states = [self.actors[i].type == "state" for i in ref.ids if i in self.actors]
        whole = bool(ref.ids) and all(self._whole_of(i, nxt.ids) for i in ref.ids)
        if not (states and all(states)) and ref.kind != "place" and not whole:
            # "the IRGC's Quds Force", "Hamas's Qassam Brigades": the body a unit is part of
            # says whose unit it is, as a state says where a group is
            return False
        groups = [self.actors[i].type for i in nxt.ids if i in self.actors]
        if not groups or any(kind in ("state", "person") for kind in groups):
            return False
        # "the Islamic Revolutionary Guard Corps's (IRGC) Quds Force": the abbreviation in
        # brackets is the same body's
        between = _BRACKETED.sub(" ", reading.text[ref.end : nxt.start])
        return between.strip() in ("", "'s", "’s") and between[-1:].isspace()

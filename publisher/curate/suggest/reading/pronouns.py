"""Pronouns ("it", "دعمها") and definite descriptions ("the group", "الحركة") as referents,
left for the drafter to resolve.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.arabic import (
    AR_ANAPHORS,
    AR_COUNTRY_OF,
    AR_PREPOSITION_PRONOUNS,
    AR_SUBJECT_COMPLEMENTIZERS,
)
from publisher.curate.suggest.grammar.english import (
    EN_ANAPHORS,
    EN_MINISTRY_OFFICES,
    EN_PRONOUNS_PERSON,
    EN_PRONOUNS_PLURAL,
    EN_PRONOUNS_SINGULAR,
)
from publisher.curate.suggest.reading.reader_base import ReaderBase
from publisher.curate.suggest.reading.sentence import Reading, Ref
from publisher.textlayer.arabic import fold

NON_PERSON = frozenset(
    {"state", "government-body", "organisation", "armed-wing", "unit", "collective", "media"}
)
COUNTRY_OF = frozenset({"state"})  # the types of "بلاده": the state of a person
_EN_COUNTRY_OF = frozenset(
    f"{p} {n}" for p in ("his", "her") for n in ("country", "country's", "country’s", "nation")
)


# "the Lebanese group", "the Yemeni rebels", "the Palestinian militant group": a group named
# by its nation and what it is.
_GROUP_NOUNS = frozenset(
    (
        "group",
        "movement",
        "militia",
        "organisation",
        "organization",
        "rebels",
        "militants",
        "faction",
    )
)
_GROUP_ADJECTIVES = frozenset(
    ("militant", "islamist", "armed", "shiite", "shia", "sunni", "islamic", "rebel", "political")
)
_GROUP_TYPES = frozenset({"organisation", "armed-wing", "collective"})
_NATION_ENDINGS = ("ian", "ese", "i", "ish", "an")  # Palestinian, Lebanese, Yemeni, Kurdish


class PronounReading(ReaderBase):
    """Pronouns and definite descriptions that stand for an actor named elsewhere."""

    def _described_group(self, reading: Reading, i: int, taken: set[int]) -> int | None:
        """The last token of "the <nation or kind>+ group" opening at token i (at least one
        word between "the" and the noun), or None."""
        tokens = reading.tokens
        if tokens[i].low != "the":
            return None
        k = i + 1
        while k < len(tokens) and k - i <= 3 and k not in taken:
            low = tokens[k].low
            if low in _GROUP_NOUNS:
                nxt = tokens[k + 1] if k + 1 < len(tokens) else None
                if nxt is not None and (k + 1 in taken or nxt.text[:1].isupper()):
                    return None  # "the Palestinian group Hamas": the name says who
                return k if k > i + 1 else None
            nation = tokens[k].text[:1].isupper() and low.endswith(_NATION_ENDINGS)
            if low not in self.demonyms and low not in _GROUP_ADJECTIVES and not nation:
                return None
            k += 1
        return None

    def _pronouns(self, reading: Reading) -> None:
        """Pronouns and definite descriptions that may stand for an actor named before."""
        taken = {i for r in reading.refs for i in range(r.first, r.last + 1)}
        tokens = reading.tokens
        if self.language == "en":
            i = 0
            while i < len(tokens):
                t = tokens[i]
                if i in taken:
                    i += 1
                    continue
                pair = f"{t.low} {tokens[i + 1].low}" if i + 1 < len(tokens) else ""
                if pair in _EN_COUNTRY_OF and i + 1 not in taken:
                    # "his country", as "بلاده": the state of the person spoken of
                    ref = Ref(t.start, tokens[i + 1].end, i, i + 1, (), pair, "pronoun")
                    ref.types = COUNTRY_OF
                    reading.refs.append(ref)
                    i += 2
                    continue
                possessive = pair.endswith(("'s", "’s")) and pair[:-2] in EN_ANAPHORS
                described = self._described_group(reading, i, taken)
                if possessive or described is not None:
                    # "the group's leaders": the description before its possessive ending;
                    # "the Lebanese group", "the Palestinian militant group": a group named
                    # by what it is.
                    last = i + 1 if possessive else (described or i)
                    end = tokens[last].end - (2 if possessive else 0)
                    reading.refs.append(
                        Ref(
                            t.start,
                            end,
                            i,
                            last,
                            (),
                            reading.text[t.start : end],
                            "anaphor",
                            types=EN_ANAPHORS[pair[:-2]] if possessive else _GROUP_TYPES,
                        )
                    )
                    i = last + 1
                    continue
                # "and foreign ministry": its state is the possessor before ("Russia's
                # president and foreign ministry")
                after_and = t.low == "and" and i + 2 < len(tokens)
                if (
                    (t.low == "the" or after_and)
                    and i + 2 < len(tokens)
                    and tokens[i + 1].low in EN_MINISTRY_OFFICES
                    and tokens[i + 2].low in ("ministry", "department")
                    and not {i + 1, i + 2} & taken
                    and (i + 3 >= len(tokens) or tokens[i + 3].low != "of")
                ):
                    # "the foreign ministry": a state's ministry, named before or by its state
                    if after_and:
                        i += 1
                        t = tokens[i]
                        end = tokens[i + 1].end
                        reading.refs.append(
                            Ref(
                                t.start,
                                end,
                                i,
                                i + 1,
                                (),
                                reading.text[t.start : end],
                                "anaphor",
                                types=frozenset({"government-body"}),
                            )
                        )
                        i += 2
                        continue
                    end = tokens[i + 2].end
                    reading.refs.append(
                        Ref(
                            t.start,
                            end,
                            i,
                            i + 2,
                            (),
                            reading.text[t.start : end],
                            "anaphor",
                            types=frozenset({"government-body"}),
                        )
                    )
                    i += 3
                    continue
                if pair in EN_ANAPHORS and i + 1 not in taken:
                    nxt = tokens[i + 2] if i + 2 < len(tokens) else None
                    if nxt is None or not (nxt.text[:1].isupper() and nxt.is_word):
                        reading.refs.append(
                            Ref(
                                t.start,
                                tokens[i + 1].end,
                                i,
                                i + 1,
                                (),
                                reading.text[t.start : tokens[i + 1].end],
                                "anaphor",
                                types=EN_ANAPHORS[pair],
                            )
                        )
                        i += 2
                        continue
                if t.low in EN_PRONOUNS_SINGULAR or t.low in EN_PRONOUNS_PLURAL:
                    number = "plural" if t.low in EN_PRONOUNS_PLURAL else "singular"
                    if t.low in EN_PRONOUNS_PERSON:
                        types = frozenset({"person"})
                    elif number == "singular":
                        types = NON_PERSON
                    else:
                        types = frozenset()
                    reading.refs.append(
                        Ref(t.start, t.end, i, i, (), t.text, "pronoun", number=number, types=types)
                    )
                i += 1
            return
        for t in tokens:
            if t.index in taken or not t.is_word:
                continue
            low = t.low
            bare = low[1:] if low[:1] in "وف" and low[1:] in AR_PREPOSITION_PRONOUNS else low
            if bare in AR_PREPOSITION_PRONOUNS:
                marker, number = AR_PREPOSITION_PRONOUNS[bare]
                ref = Ref(
                    t.start,
                    t.end,
                    t.index,
                    t.index,
                    (),
                    t.text,
                    "pronoun",
                    number=number,
                    types=NON_PERSON if number == "singular" else frozenset(),
                )
                ref.marker = marker
                reading.refs.append(ref)
                continue
            said = low[1:] if low[:1] in "وف" and low[1:] in AR_SUBJECT_COMPLEMENTIZERS else low
            carried: str | None = AR_SUBJECT_COMPLEMENTIZERS.get(said)
            if said in _AR_HE_THAT and _verb_cue_follows(reading, t.index):
                # "أكد الحرس الثوري أنه يدعم الحوثيين": "أنه" before a verb cue carries its
                # subject (impersonal before anything else: "ذكرت أنه تم ...")
                carried = "singular"
            if carried is not None:
                # "إنهم لا يتلقون": the pronoun on the complementizer is the clause's subject
                types = NON_PERSON if carried == "singular" else frozenset()
                reading.refs.append(
                    Ref(t.start, t.end, t.index, t.index, (), t.text, "pronoun",
                        number=carried, types=types)
                )  # fmt: skip
                continue
            country = low[1:] if low[:1] in "وفلب" and low[1:] in AR_COUNTRY_OF else low
            if country in AR_COUNTRY_OF:
                # "بلاده": the state of the person spoken of, resolved by the drafter
                ref = Ref(t.start, t.end, t.index, t.index, (), t.text, "pronoun")
                ref.types = COUNTRY_OF
                reading.refs.append(ref)
                continue
            if t.index + 1 < len(tokens) and t.index + 1 not in taken:
                nxt = tokens[t.index + 1]
                # "هذه الجماعات", and with a preposition on it: "لهذه الجماعات"
                prefix = next(
                    (
                        p
                        for p in ("", "و", "ل", "ب", "ول", "وب")
                        if low.startswith(p) and f"{low[len(p) :]} {nxt.low}" in AR_ANAPHORS
                    ),
                    None,
                )
                if prefix is not None:
                    pair = f"{low[len(prefix) :]} {nxt.low}"
                    reading.refs.append(
                        Ref(
                            t.start + len(prefix),
                            nxt.end,
                            t.index,
                            t.index + 1,
                            (),
                            pair,
                            "anaphor",
                            clitic=t.text[: len(prefix)],
                            types=AR_ANAPHORS[pair],
                            number="plural",
                        )
                    )
                    continue
            for prefix in ("", "و", "ف", "ل", "ب", "ول", "وب", "فل"):
                if not low.startswith(prefix):
                    continue
                rest = low[len(prefix) :]
                if prefix.endswith("ل") and rest.startswith("ل"):
                    rest = "ا" + rest  # للحزب = ل + الحزب
                if rest in AR_ANAPHORS:
                    start = t.start + len(prefix) if prefix else t.start
                    reading.refs.append(
                        Ref(
                            start,
                            t.end,
                            t.index,
                            t.index,
                            (),
                            t.text[len(prefix) :],
                            "anaphor",
                            clitic=t.text[: len(prefix)],
                            types=AR_ANAPHORS[rest],
                        )
                    )
                    break


_AR_HE_THAT = frozenset(fold(w) for w in ("أنه", "إنه", "بأنه"))
_AR_VERB_PARTICLES = frozenset(fold(w) for w in ("قد", "لقد", "سوف", "لا", "لم", "لن", "ما"))


def _verb_cue_follows(reading: Reading, index: int) -> bool:
    """Whether a relation cue in the imperfect ("يدعم") follows token `index`, at once or past
    a particle ("لم يدعم"); a particle makes any cue a verb ("قد دعم"). A bare "دعم" right
    after "أنه" may as well be the noun ("زعم أنه دعم استشاري": that it is advisory support)."""
    k = index + 1
    particle = False
    while k < len(reading.tokens) and reading.tokens[k].low in _AR_VERB_PARTICLES:
        k += 1
        particle = True
    if k not in reading.cue_tokens:
        return False
    return particle or reading.tokens[k].low.startswith("ي")

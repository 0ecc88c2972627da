"""Referents coordinated in one group: "Qatar and Turkey", "الولايات المتحدة والاتحاد
الأوروبي", a list extended by "including" or "بما في ذلك".
"""

from __future__ import annotations

import itertools

from publisher.curate.suggest.reading.markers import POSSESSIVES
from publisher.curate.suggest.reading.reader_base import ReaderBase
from publisher.curate.suggest.reading.sentence import Reading, Ref, Token
from publisher.curate.suggest.reading.titles import AR_GENERIC_HEADS, EN_TITLE_WORDS
from publisher.textlayer.arabic import fold

# Words that add a member to a list: "especially Yemen", "وخاصة اليمن", "including Hamas".
EXTENSIONS = frozenset(
    fold(w)
    for w in (
        "especially",
        "particularly",
        "notably",
        "including",
        "in particular",
        "وخاصة",
        "خاصة",
        "وخصوصا",
        "خصوصا",
        "ولا سيما",
        "لا سيما",
        "بما في ذلك",
        "ومنها",
        "ومنهم",
    )
)


class CoordinationReading(ReaderBase):
    """Referents coordinated in one group ("Qatar and Turkey", "including Hamas")."""

    def _coordination(self, reading: Reading) -> None:
        bracketed = _drop_bracketed_repeats(reading)
        refs = [r for r in reading.refs if not r.modifier and r.kind != "pronoun"]
        group = 0
        conjoined: set[int] = set()  # groups with an "and", "or" (English lists need one)
        for a, b in itertools.pairwise(refs):
            between = [
                t
                for t in _without_citations(reading.tokens[a.last + 1 : b.first])
                if t.index not in bracketed
            ]
            words = [t.low for t in between if t.is_word and t.low not in ("the", "a", "an")]
            marks = [t.text for t in between if not t.is_word]
            if self._is_person(b) and not self._is_person(a):
                # "حكومة حماس، بما في ذلك رئيس الوزراء السابق إسماعيل هنية"
                for n in range(len(words), 0, -1):
                    if " ".join(words[:n]) in EXTENSIONS:
                        titles = words[n:]
                        if len(titles) <= 4:
                            words = words[:n]
                        break
            joined = False
            extension = " ".join(words) in EXTENSIONS
            if (
                self.language == "en"
                and words[:1] in (["and"], ["or"])
                and 1 < len(words) <= 4
                and words[1] in POSSESSIVES
            ):
                words = words[:1]  # "Erdoğan and his ruling party"
            if (
                self.language == "en"
                and self._is_person(a)
                and self._is_person(b)
                and set(marks) <= {","}
                and (marks or words[:1] == ["and"])
            ):
                # "Hakan Fidan, Presidential Communications Director Fahrettin Altun and
                # presidential spokesman İbrahim Kalın": a person's title before the name.
                titled = [t for t in between if t.is_word and t.low not in ("and", "the")]
                if 0 < len(titled) <= 4 and all(
                    t.text[:1].isupper() or t.low in EN_TITLE_WORDS for t in titled
                ):
                    words = ["and"] if "and" in words else []
            if self.language == "en":
                joined = (
                    words in ([], ["and"], ["or"], ["as", "well", "as"])
                    and set(marks) <= {","}
                    and bool(words or marks)
                ) or (extension and set(marks) <= {","})
                if (
                    joined
                    and words == ["and"]
                    and a.group < 0
                    and a.first - 1 in reading.cue_tokens
                    and b.last + 1 in reading.cue_tokens
                ):
                    # "Iran funds Hamas and Qatar hosts Hezbollah": an object, then the
                    # subject of the next verb.
                    joined = False
                if joined and words == ["and"] and "," in marks and a.group < 0:
                    # "Iran supports Hamas, and Israel condemned it": ", and" before the
                    # second of two names joins clauses; a list of three has the comma.
                    joined = False
            else:
                if len(words) == 1 and words[0][:1] == "و" and words[0][1:] in AR_GENERIC_HEADS:
                    # "وسوريا وحركة حماس": the head noun of a name, after "and".
                    words, b.clitic = [], "و"
                joined = (
                    (not words and set(marks) <= {"،", ","} and b.clitic.startswith("و"))
                    or (not words and not marks and b.clitic.startswith("و"))
                    or (words in (["و"],) and set(marks) <= {"،", ","})
                    or (extension and set(marks) <= {"،", ","})
                )
            same = a.kind == b.kind or {a.kind, b.kind} <= {"name", "demonym", "anaphor"}
            # A capital standing for its state beside a state's name: "موسكو وبكين".
            states = {a.kind, b.kind} == {"place", "name"} and all(
                r.ids and self.actors[r.ids[0]].type == "state" for r in (a, b)
            )
            if joined and (states or (same and (a.kind != "place" or b.kind == "place"))):
                if a.group < 0:
                    a.group = group
                    group += 1
                b.group = a.group
                b.extension = extension
                if self.language == "ar" or extension or words:
                    conjoined.add(a.group)
        for number in {r.group for r in refs if r.group >= 0} - conjoined:
            last = max((r for r in refs if r.group == number), key=lambda r: r.last)
            after = _without_citations(reading.tokens[last.last + 1 : last.last + 8])
            words = [t.low for t in after[:3] if t.is_word]
            if words[:1] in (["and"], ["or"]):
                conjoined.add(number)  # "A, B, C and various other groups"
        for number in {r.group for r in refs if r.group >= 0} - conjoined:
            if sum(1 for r in refs if r.group == number) >= 3:
                conjoined.add(number)  # "A, B, C": a list of three is a list
        for r in reading.refs:
            if r.modifier or (r.group >= 0 and r.group not in conjoined):
                r.group = -1
        for number in conjoined:
            members = [r for r in refs if r.group == number]
            for b in members[1:]:
                if b.marker is None:
                    b.marker = members[0].marker  # "to Hamas and Hezbollah"


def _drop_bracketed_repeats(reading: Reading) -> set[int]:
    """ "وحركة أنصار الله اليمنية (الحوثيون)", "Ansar Allah (the Houthis)": the name in
    brackets after a name of the same actor is that mention again, not a second member of a
    list. Gives the tokens of those brackets, which stand between no two members either."""
    repeats: list[Ref] = []
    bracketed: set[int] = set()
    for a, b in itertools.pairwise(reading.refs):
        if not a.ids or a.ids != b.ids:
            continue
        between = reading.tokens[a.last + 1 : b.first]
        after = reading.tokens[b.last + 1 : b.last + 2]
        if (
            [t.text for t in between if not t.is_word] == ["("]
            and sum(1 for t in between if t.is_word) <= 1
            and [t.text for t in after] == [")"]
        ):
            repeats.append(b)
            opening = next(t.index for t in between if t.text == "(")
            bracketed.update(range(opening, b.last + 2))
    reading.refs[:] = [r for r in reading.refs if not any(r is b for b in repeats)]
    return bracketed


def _without_citations(tokens: list[Token]) -> list[Token]:
    """Tokens without citation markers ("[1]", "[2][7]")."""
    out: list[Token] = []
    skip = False
    for t in tokens:
        if t.text == "[":
            skip = True
            continue
        if skip:
            if t.text == "]":
                skip = False
            continue
        out.append(t)
    return out

"""The preposition that governs each referent ("to", "by", "'s", لـ, إلى, مع) or the
possessive that makes it a possessor.
"""

from __future__ import annotations

import re

from publisher.curate.suggest.grammar.arabic import (
    AR_AGENT_NOUNS,
    AR_ATTACHED,
    AR_B_VERBS,
    AR_PREPOSITIONS,
    AR_SUBORDINATORS,
    AR_TRANSFER_VERBS,
)
from publisher.curate.suggest.grammar.english import (
    EN_AGENT_NOUNS,
    EN_BE,
    EN_ROLE_PREPOSITIONS,
    EN_SUBORDINATORS,
    EN_TIME_WORDS,
)
from publisher.curate.suggest.reading.reader_base import ReaderBase
from publisher.curate.suggest.reading.sentence import Reading, Ref
from publisher.curate.suggest.reading.titles import TITLE_GAP, is_title
from publisher.textlayer.arabic import fold

_TITLE_RUN = 6  # words of a title before a name: "نائب وزير الخارجية الروسي"
# Title words that go on a title rather than open it ("رئيس المكتب السياسي", "الأمين العام").
_NOT_OPENING = frozenset(
    fold(w) for w in ("العام", "السياسي", "المكتب", "السابق", "آنذاك", "الأعلى", "العسكري", "باسم")
)


def _opens_title(low: str) -> bool:
    return is_title(low, "ar") and low not in _NOT_OPENING and len(low) > 2


POSSESSIVES = frozenset(("its", "their", "his", "her"))
_POSSESSIVE = re.compile(r"^['’]s?(?![^\W_])")
# Prepositions that also open a clause: "since Israel declared war", "after Iran sent".
_CONJUNCTIONS_TOO = frozenset(("since", "after", "before", "until", "as", "once"))
_SPEAKING = frozenset(("saying", "said", "says", "asserting", "claiming", "stating", "adding"))
_YEAR = re.compile(r"^(1[89]|20)\d\d$")


class MarkerReading(ReaderBase):
    """The preposition (or possessive) that governs each referent."""

    def _markers(self, reading: Reading) -> None:
        for ref in reading.refs:
            if ref.kind == "pronoun" and ref.marker is not None:
                continue
            if self.language == "en" and ref.kind == "pronoun" and fold(ref.surface) in POSSESSIVES:
                ref.marker = "'s"  # "its support", "their ties": the possessor
                continue
            after = reading.text[ref.end : ref.end + 3]
            if self.language == "en" and _POSSESSIVE.match(after):
                ref.marker = "'s"
                continue
            if self.language == "ar" and ref.clitic:
                attached = ref.clitic.lstrip("وف")
                if attached[:1] in AR_ATTACHED:
                    ref.marker = fold(attached[:1])
                    continue
            ref.marker = self._preposition_before(reading, ref)
            if ref.marker is None and self.language == "ar" and self._is_person(ref):
                ref.marker = self._preposition_before_title(reading, ref)
            if ref.qualifies is not None:
                ref.marker = None  # "with Iranian support": "with" governs the noun

    def _preposition_before(self, reading: Reading, ref: Ref) -> str | None:
        tokens = reading.tokens
        refs_end = {r.last for r in reading.refs if r is not ref}
        words = 0
        for k in range(ref.first - 1, -1, -1):
            t = tokens[k]
            if not t.is_word:
                if t.text in ("“", "”", '"', "«", "»", "'"):
                    continue
                return None
            if k in refs_end:
                return None
            if k in reading.cue_tokens:
                # A cue ending in a preposition ("fight alongside", "member of") marks what follows.
                low = t.low
                if words == 0 and (
                    low in EN_ROLE_PREPOSITIONS - {"of", "as"}
                    or low in AR_PREPOSITIONS - {fold("من")}
                ):
                    return low
                return None
            low = t.low
            if self.language == "en":
                if low in EN_TIME_WORDS or _YEAR.match(low):
                    return None  # "In 2010 Iran ...": the preposition is the time's
                if (
                    low == "by"
                    and k > 0
                    and tokens[k - 1].low in ("led", "headed")
                    and self._agent_noun_before(reading, k - 1)
                    and not any(r.last in (k - 3, k - 4) for r in reading.refs if r is not ref)
                ):
                    # "a delegation led by Haniyeh": the delegation stands for its leader (but
                    # "a Hamas delegation led by Haniyeh" for Hamas).
                    return None
                if low in ("of", "from", "in") and self._agent_noun_before(reading, k):
                    # "a delegation of leaders from Hamas": the delegation stands for Hamas.
                    words = 0
                    continue
                if low in EN_ROLE_PREPOSITIONS:
                    if low in _CONJUNCTIONS_TOO and words == 0 and self._opens_clause(reading, ref):
                        return None  # "Since Israel declared war ...": a clause's subject
                    return low
                if low in EN_BE or low in EN_SUBORDINATORS or low in _SPEAKING:
                    return None  # "as saying Iran funds ...": what is said opens after it
            else:
                if low in (fold("من"), fold("في")) and self._agent_noun_before(reading, k):
                    words = 0  # "وفد من نواب حزب الله": the delegation stands for Hezbollah
                    continue
                if low in AR_PREPOSITIONS:
                    return low
                head = low[1:] if low[:1] in "وف" and len(low) > 4 else low
                if (
                    head[:1] in AR_ATTACHED
                    # كتلة، كذلك: no "like"; nor وكالة (agency), not و + ك + الة
                    and (head[:1] != "ك" or (head.startswith("كال") and len(head) >= 6))
                    and len(head) > 3
                    and words < 2
                    and not head.startswith("ال")
                    and head not in AR_B_VERBS
                    and head not in AR_TRANSFER_VERBS
                ):
                    # The preposition is on the head noun: لميليشيات الحوثي, بمكتب حماس.
                    return head[:1]
                if low in AR_SUBORDINATORS:
                    return None
            words += 1
            if words >= (TITLE_GAP if self.language == "en" else 2):
                return None
        return None

    def _preposition_before_title(self, reading: Reading, ref: Ref) -> str | None:
        """The preposition before a person's titles governs the person: "مع نائب وزير الخارجية
        الروسي ميخائيل بوغدانوف", "لوزير الخارجية الإيراني ...": the title run opens with a
        title word right after the preposition (or with the preposition attached to it), and
        holds no other referent, cue or punctuation."""
        tokens = reading.tokens
        refs_end = {r.last for r in reading.refs if r is not ref}
        for k in range(ref.first - 1, max(-1, ref.first - 1 - _TITLE_RUN), -1):
            t = tokens[k]
            if not t.is_word or k in refs_end or k in reading.cue_tokens:
                return None
            bare = t.low[1:] if t.low[:1] in "وف" and len(t.low) > 3 else t.low
            if bare[:1] in "لب" and len(bare) > 3:
                head = "ال" + bare[2:] if bare.startswith("لل") else bare[1:]
                if _opens_title(head):
                    return bare[:1]  # "لوزير الخارجية", "للرئيس"
            if not (_opens_title(t.low) or _opens_title(bare)):
                continue
            before = tokens[k - 1] if k > 0 else None
            if before is not None and before.is_word and before.low in AR_PREPOSITIONS:
                return before.low
        return None

    @staticmethod
    def _opens_clause(reading: Reading, ref: Ref) -> bool:
        """Whether a verb follows the referent at once (a word that is no preposition,
        conjunction or name): "since Israel declared", not "since Israel's founding"."""
        tokens = reading.tokens
        if ref.last + 1 >= len(tokens):
            return False
        nxt = tokens[ref.last + 1]
        return (
            nxt.is_word
            and nxt.text[:1].islower()
            and nxt.low not in EN_ROLE_PREPOSITIONS
            and nxt.low not in ("and", "or", "'s", "’s")
        )

    @staticmethod
    def _listed_with_cue(reading: Reading, j: int) -> bool:
        """Whether token j ends an English list whose item before it is a cue: "training,
        weapons and intelligence". (Arabic joins with و on the word itself, which also opens
        وفد and many other words; not read here.)"""
        tokens = reading.tokens
        k = j - 1
        if (
            reading.language != "en"
            or k < 0
            or not (tokens[k].low in ("and", "or") or tokens[k].text == ",")
        ):
            return False
        k -= 1
        if k >= 0 and tokens[k].text == ",":  # "weapons, and intelligence"
            k -= 1
        return k >= 0 and k in reading.cue_tokens

    def _agent_noun_before(self, reading: Reading, k: int) -> bool:
        """Whether a noun of people or bodies ("delegation", "leaders", "وفد", "نواب") ends just
        before token k (allowing an adjective or two: "a large delegation")."""
        nouns = EN_AGENT_NOUNS if self.language == "en" else AR_AGENT_NOUNS
        for j in range(k - 1, max(-1, k - 3), -1):
            low = reading.tokens[j].low
            bare = low[1:] if low[:1] in "وف" and len(low) > 3 else low
            if self.language == "ar" and bare[:1] in AR_ATTACHED and len(bare) > 3:
                # "لوفد من حماس", "للوفد": the preposition on the noun
                bare = "ال" + bare[2:] if bare.startswith("لل") else bare[1:]
            if low in nouns or bare in nouns or (low.startswith("ال") and low[2:] in nouns):
                if self._listed_with_cue(reading, j):
                    # "received training, weapons and intelligence from Iran": the last of
                    # the things given, not a body that stands for Iran
                    return False
                return low not in ("state", "government", "minister", "president")
            if not reading.tokens[j].is_word:
                return False
            if self.language == "en" and j in reading.cue_tokens:
                return False  # "fighters trained in Iran": a verb, not an adjective, between
        return False

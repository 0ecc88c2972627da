"""Receiving verbs ("received weapons", "تلقت") that take the cue as their object and so turn its
roles around.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.arabic import AR_PREPOSITIONS
from publisher.curate.suggest.grammar.english import EN_ROLE_PREPOSITIONS
from publisher.curate.suggest.reading.sentence import Clause, Reading
from publisher.curate.suggest.roles.cue import Cue
from publisher.textlayer.arabic import fold


def governing_receivers(reading: Reading, clause: Clause, cue: Cue, verbs: set[int]) -> set[int]:
    """The receiving verbs that take the cue as their object: a few words before it, with no
    preposition between ("received weapons", not "faced criticism over their ties")."""
    found = set()
    prepositions = EN_ROLE_PREPOSITIONS if reading.language == "en" else AR_PREPOSITIONS
    for k in verbs:
        if not clause.first <= k < cue.first:
            continue
        named = {i for r in reading.refs if r.ids for i in range(r.first, r.last + 1)}
        between = [t for t in reading.tokens[k + 1 : cue.first] if t.is_word]
        if reading.language == "ar":
            between = [
                t
                for t in between
                if t.index not in named  # "تعتمد حماس على"
                and not (t.low == _MIN and t.index + 1 in named)  # "يتلقى حزب الله من إيران"
                and not (t.low.endswith("ا") and len(t.low) >= 4)  # "يحصل ... سنويا على"
            ]
        if reading.language == "en":
            between = [t for t in between if not t.low.endswith("ly")]  # "relies heavily on"
        # "received training, funding, logistic support and weapons": the things given
        # before the cue, listed, are the verb's object too
        between = [t for t in between if t.index not in reading.cue_tokens and t.low not in _AND]
        if len(between) >= 2 and between[0].low in _QUANTIFIERS and between[1].low in _OF:
            between = between[2:]  # "gets most of its weapons", "على معظم أسلحته"
        elif between and between[0].low in _QUANTIFIERS:
            between = between[1:]
        if between and between[0].low in _VERB_PARTICLES:
            between = between[1:]  # "relies on", "تعتمد على": the verb's own preposition
            if (
                reading.language == "en"
                and between
                and between[-1].low == "for"
                and all(t.index in named for t in between[:-1])
            ):
                found.add(k)  # "relied on Iran for weapons": the giver, then what it gives
                continue
        elif (
            reading.language == "ar"
            and [t.low for t in between] == [_FI]
            and cue.last + 1 < len(reading.tokens)
            and reading.tokens[cue.last + 1].low in _VERB_PARTICLES
        ):
            between = []  # "يعتمد حزب الله في تمويله على إيران": relying on Iran for it
        if len(between) <= 4 and not any(t.low in prepositions for t in between):
            found.add(k)
    return found


_VERB_PARTICLES = frozenset(("on", "upon", fold("على")))
_AND = frozenset(("and", "or"))
_QUANTIFIERS = frozenset(
    ("most", "much", "all", "some", "many", "part", "bulk", "majority")
) | frozenset(fold(w) for w in ("معظم", "أغلب", "كل", "بعض", "جزء", "غالبية"))
_OF = frozenset(("of", fold("من")))
_MIN = fold("من")
_FI = fold("في")

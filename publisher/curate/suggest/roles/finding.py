"""The roles of one cue in its clause: the referents that can fill them, then the reading of the
clause's language; fronted phrases and relative clauses of giving first.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.arabic import AR_RELATIVES, AR_TRANSFER_VERBS
from publisher.curate.suggest.grammar.english import EN_RELATIVES, EN_TRANSFER_VERBS
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.arabic import arabic_roles
from publisher.curate.suggest.roles.cue import GIVING, Cue, Roles
from publisher.curate.suggest.roles.english import english_roles
from publisher.curate.suggest.roles.markers import AR_TO
from publisher.curate.suggest.roles.passive import judged_act
from publisher.curate.suggest.roles.receiving import governing_receivers
from publisher.curate.suggest.roles.referents import (
    can_fill_role,
    coordinated_group,
    is_place,
    without_conjunction,
    word_count,
)


def find_roles(
    reading: Reading, clause: Clause, cue: Cue, excluded: set[int], reversing: set[int]
) -> Roles:
    """Agent and recipient of `cue` in `clause`; `excluded`: ids of referents that are sources
    (attribution), not participants; `reversing`: token indices of receiving verbs."""
    reversing = governing_receivers(reading, clause, cue, reversing)
    refs = [
        r
        for r in reading.refs_in(clause.first, clause.last)
        if can_fill_role(r, excluded)
        and (
            r.qualifies is None
            or cue.first <= r.qualifies <= cue.last
            or judged_act(reading, cue, r.qualifies)
            or _judged_deed(reading, cue, r.qualifies)
        )
    ]
    left = [r for r in refs if r.last < cue.first]
    right = [r for r in refs if r.first > cue.last]
    relative = _relative_giver(reading, cue, excluded)
    if relative is not None:
        return relative
    if reading.language == "en":
        roles = english_roles(reading, clause, cue, left, right, reversing)
    else:
        roles = arabic_roles(reading, clause, cue, left, right, reversing)
    if roles.agents and not roles.recipients and cue.relation in GIVING:
        fronted = _fronted_with(reading, cue, excluded)
        if fronted is not None:
            roles = Roles(roles.agents, coordinated_group(reading, fronted), "fronted")
    return roles


def _judged_deed(reading: Reading, cue: Cue, noun: int) -> bool:
    """ "Qatar condemned the Israeli strikes", "أدانت قطر الغارات الإسرائيلية": a praise or
    condemnation whose object is a deed named by its maker's demonym judges that maker."""
    return (
        cue.relation in ("praise", "condemnation")
        and noun > cue.last
        # "praised Iranian support": the support's giver, praised as the supporter
        and (noun not in reading.cue_tokens or cue.relation == "condemnation")
        and len(reading.words_between(cue.last, noun)) <= 2
        and not reading.punctuation_between(cue.last, noun)
    )


def _fronted_with(reading: Reading, cue: Cue, excluded: set[int]) -> Ref | None:
    """ "With Iranian support, Hezbollah built ...", "وبدعم إيراني، بنى حزب الله": support
    named in a phrase opening the sentence goes to the subject of what follows the comma."""
    tokens = reading.tokens
    first = tokens[0].low if tokens else ""
    with_ = first in ("with", "thanks") or without_conjunction(tokens[cue.first].low).startswith(
        "ب"
    )
    if not with_ or cue.first > 3:
        return None
    comma = next(
        (k for k in range(cue.last + 1, min(len(tokens), cue.last + 6)) if tokens[k].text in ",،"),
        None,
    )
    if comma is None:
        return None
    after = [
        r
        for r in reading.refs
        if r.first > comma and r.ids and can_fill_role(r, excluded) and not is_place(r)
    ]
    if not after or after[0].marker is not None or word_count(reading, comma, after[0].first) > 2:
        return None
    return after[0]


def _relative_giver(reading: Reading, cue: Cue, excluded: set[int]) -> Roles | None:
    """A thing given, then who gives it in a relative clause: "the support (that) Iran
    provides to Hezbollah", "the funding which Qatar gives Hamas", "الدعم الذي تقدمه إيران
    لحزب الله". The relative clause's subject gives, its object or "to"/لـ receives."""
    if cue.relation not in GIVING or cue.kind == "compound":
        return None
    tokens = reading.tokens
    k = cue.last + 1
    if k >= len(tokens):
        return None
    english = reading.language == "en"
    opener = tokens[k].low
    if opener in EN_RELATIVES or opener in AR_RELATIVES:
        k += 1
    elif not english:
        return None
    end = min(len(tokens), k + 8)
    verbs = EN_TRANSFER_VERBS if english else AR_TRANSFER_VERBS
    verb = None
    for j in range(k, end):
        low = tokens[j].low
        stem = low if english else low.removesuffix("ها").removesuffix("ه")
        if low in verbs or stem in verbs:
            verb = j
            break
        if not tokens[j].is_word:
            return None
    if verb is None:
        return None
    refs = [
        r
        for r in reading.refs
        if k <= r.first < end and can_fill_role(r, excluded) and not is_place(r) and r.ids
    ]
    if english:
        givers = [r for r in refs if r.last < verb and r.marker is None]
        takers = [
            r
            for r in refs
            if r.first > verb
            and (r.marker in ("to", "for") or (r.marker is None and r.first == verb + 1))
        ]
    else:
        givers = [r for r in refs if r.first > verb and r.marker is None]
        takers = [r for r in refs if r.first > verb and r.marker in AR_TO]
    if not givers:
        return None
    # No recipient in the relative clause: none is taken from outside it ("Hamas praised
    # the support Iran provides" is not Iran's support of... Iran).
    taker = coordinated_group(reading, takers[0]) if takers else []
    return Roles(coordinated_group(reading, givers[0]), taker, "relative-giver")

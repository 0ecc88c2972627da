"""The referents around a cue that can fill a role: which are usable, the group a referent is
coordinated in, a relative clause's antecedent, the subject before a cue, words between two
tokens, circumstantial phrases, training received in a state.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.arabic import AR_RELATIVES_DUAL
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.cue import Cue
from publisher.curate.suggest.roles.markers import SUBJECT_WINDOW
from publisher.textlayer.arabic import fold


def can_fill_role(ref: Ref, excluded: set[int]) -> bool:
    """A referent that can fill a role: a known actor, or a pronoun or description not
    resolved (the caller then names the gap)."""
    return (
        not ref.modifier
        and id(ref) not in excluded
        and (bool(ref.ids) or ref.kind in ("pronoun", "anaphor"))
    )


def coordinated_group(reading: Reading, ref: Ref | None, clause: Clause | None = None) -> list[Ref]:
    """The known actors coordinated with `ref` ("Iran and Syria"), or `ref` alone."""
    if ref is None:
        return []
    members = reading.group_of(ref)
    return [r for r in members if r.ids] or [ref]


def word_count(reading: Reading, a: int, b: int) -> int:
    """How many words stand between tokens a and b."""
    return len(reading.words_between(a, b))


def _words_past_apposition(reading: Reading, a: int, b: int) -> int:
    """Words between tokens a and b, not counting an apposition set off by commas right after
    a ("هنية، رئيس الوفد ورئيس كتلة حزب الله، قد التقى", "Haniyeh, the group's leader, met")."""
    tokens = reading.tokens
    if a + 1 < b and tokens[a + 1].text in ",،":
        close = next((k for k in range(a + 2, b) if tokens[k].text in ",،"), None)
        if close is not None and len(reading.words_between(a + 1, close)) <= 8:
            return len(reading.words_between(close, b))
    return word_count(reading, a, b)


def relative_antecedents(reading: Reading, clause: Clause) -> list[Ref]:
    """What a relative clause is about: the referent before it, and those coordinated with it
    when the pronoun is dual or plural ("قطر وتركيا ... اللتين", "الذين")."""
    ref = clause.antecedent
    if ref is None:
        return []
    opener = reading.tokens[clause.first].low if clause.first < len(reading.tokens) else ""
    opener = opener[1:] if opener[:1] in "وف" else opener
    if opener in AR_RELATIVES_DUAL or opener in (fold("الذين"), fold("اللواتي")):
        return coordinated_group(reading, ref)
    return [ref]


def is_place(ref: Ref) -> bool:
    """Whether the referent is a place."""
    return ref.kind == "place"


def trained_in(reading: Reading, cue: Cue, right: list[Ref]) -> Ref | None:
    """Training received in a state, no trainer named: the state trains ("militants have
    undergone training in Iran", "were trained in Iran", "تدربوا في إيران"). Only a state (or
    a place standing for one) right after "in"/"في", and only for training."""
    if cue.relation != "training":
        return None
    within = fold("في")
    for ref in right:
        if word_count(reading, cue.last, ref.first) > 3:
            return None
        if ref.marker in ("in", within) and ref.ids:
            return ref
    return None


def tokens_low(reading: Reading, k: int) -> str:
    return reading.tokens[k].low


def without_conjunction(low: str) -> str:
    """An Arabic word without its conjunction و/ف."""
    return low[1:] if low[:1] in "وف" and len(low) > 3 else low


def nearest_subject(
    reading: Reading, left: list[Ref], before: int, places: bool = True
) -> Ref | None:
    """The nearest referent before token `before` that no preposition governs, not too far."""
    window = SUBJECT_WINDOW[reading.language]
    for ref in reversed([r for r in left if r.last < before]):
        if _words_past_apposition(reading, ref.last, before) > window:
            return None
        if ref.marker is None and (places or not is_place(ref)):
            return ref
    return None


CIRCUMSTANCE = frozenset(
    fold(w)
    for w in (
        "during",
        "after",
        "before",
        "upon",
        "on",
        "following",
        "amid",
        "خلال",
        "عقب",
        "بعد",
        "أثناء",
        "اثناء",
        "إثر",
        "قبيل",
        "لدى",
    )
)


def circumstantial(reading: Reading, cue: Cue) -> bool:
    """A noun cue in a time phrase ("during a visit", "عقب لقاء"): its agent is the subject
    of the clause, not the nearest actor."""
    before = [t for t in reading.tokens[max(0, cue.first - 3) : cue.first] if t.is_word]
    words = [t.low for t in before if t.low not in ("a", "an", "the", "his", "her", "its", "their")]
    return bool(words) and words[-1] in CIRCUMSTANCE

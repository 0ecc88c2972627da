"""English passives: whether a cue is passive ("was funded by", a reversed cue), and the subject
it is said of ("Hamas, funded by Iran", "Hamas is funded by Iran").
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.english import EN_BE
from publisher.curate.suggest.reading.sentence import Reading, Ref
from publisher.curate.suggest.roles.cue import Cue


def is_passive(reading: Reading, cue: Cue) -> bool:
    """be (+ adverb) + participle cue, or a participle cue followed by "by"."""
    if cue.reversed:
        return True
    tokens = reading.tokens
    words = cue.words.lower().split()
    participle = any(
        w.endswith(("ed", "en")) or w in ("held", "sent", "paid", "led", "made", "met", "hit")
        for w in words
    )
    if not participle or words[-1] == "with":
        return False  # "is aligned with Iran", "is allied with": the partner follows "with"
    for k in range(cue.first - 1, max(-1, cue.first - 4), -1):
        low = tokens[k].low
        if low in EN_BE:
            return True
        if not tokens[k].is_word:
            break
        if low.endswith("ly") and len(low) > 4:
            continue  # any adverb: "officially listed", "formally designated"
        if low not in (
            "also",
            "reportedly",
            "allegedly",
            "not",
            "widely",
            "long",
            "often",
            "previously",
            "later",
            "recently",
            "been",
            "being",
            "directly",
        ):
            break
    after = [t.low for t in tokens[cue.last + 1 : cue.last + 7]]
    if "by" not in after:
        return False
    if after[0] in ("the", "a", "an", "its", "their", "his", "her"):
        return False  # "condemned the assassination of X by Israel": an object, then its "by"
    # "hosted a delegation led by X": "by" belongs to another participle.
    return not any(w.endswith("ed") or w in ("led", "run") for w in after[: after.index("by")])


def passive_subject(reading: Reading, left: list[Ref], cue: Cue) -> Ref | None:
    """The subject of a passive: right before it ("Hamas, funded by Iran") or before its
    auxiliary ("Hamas is funded by Iran", "which is listed as ... by")."""
    for ref in reversed(left):
        between = reading.tokens[ref.last + 1 : cue.first]
        words = [t.low for t in between if t.is_word and t.low not in ("'s", "’s", "s")]
        if ref.marker == "'s" or (ref.kind == "demonym" and ref.marker is None):
            # "Iran's support was appreciated by Hamas", "the Qatari aid was welcomed by
            # Israel": the one whose act or gift it is.
            be = next((i for i, w in enumerate(words) if w in EN_BE), None)
            if be is not None and 1 <= be <= 3 and _is_act(words[be - 1]):
                return ref
            if ref.marker is not None:
                continue
        if ref.marker is not None:
            continue
        if len(words) <= 1 or (any(w in EN_BE for w in words) and len(words) <= 5):
            return ref
        return None
    return None


def judged_act(reading: Reading, cue: Cue, noun: int) -> bool:
    """ "The Qatari aid was appreciated by Israel": an English praise or condemnation in the
    passive whose subject is an act named by its maker's demonym judges that maker."""
    return (
        reading.language == "en"
        and cue.relation in ("praise", "condemnation")
        and noun < cue.first
        and _is_act(reading.tokens[noun].low)
        and is_passive(reading, cue)
    )


def _is_act(word: str) -> bool:
    """Nouns of what one actor gives or does for another, and of its seat or leaders."""
    return word in _ACTS


_ACTS = frozenset(
    (
        # a body's seat or leaders: "Hamas's political bureau is based in Doha"
        "bureau",
        "office",
        "offices",
        "headquarters",
        "leadership",
        "leaders",
        "aid",
        "support",
        "help",
        "assistance",
        "backing",
        "funding",
        "money",
        "efforts",
        "mediation",
        "role",
        "contribution",
        "contributions",
        "donation",
        "donations",
        "position",
        "stance",
        "decision",
        "offer",
        "initiative",
    )
)

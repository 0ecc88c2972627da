"""English statements as speech: "Hamas released a statement in which it praised ...", "Rep. X,
who issued a statement asserting that ...": what the statement says is its issuer's word.
"""

from __future__ import annotations

from publisher.curate.suggest.drafting.context import Frame
from publisher.curate.suggest.grammar.folding import folded
from publisher.curate.suggest.reading.sentence import Reading, Ref

_ISSUING = folded("issued", "released", "published", "posted", "issues", "releases", "publishes")
_STATEMENTS = folded(
    "statement", "statements", "communique", "communiqué", "tweet", "post", "letter", "message"
)
# Words that open what a statement says: "in which", "saying", "asserting that".
_CONTENT = folded(
    "which",
    "saying",
    "asserting",
    "claiming",
    "stating",
    "that",
    "alleging",
    "accusing",
    "denying",
    "announcing",
    "calling",
    "urging",
    "insisting",
    "declaring",
)
# Words that may stand between the verb and its statement noun: "issued its own statement".
_BETWEEN = folded("a", "an", "the", "its", "their", "his", "her", "own", "new", "brief", "joint")


def statement_frames(reading: Reading, refs: list[Ref]) -> list[tuple[Ref, Frame]]:
    """(issuer, frame) for each statement an actor issues; the frame covers the rest of the
    sentence after the statement noun (what it says, and the clause it says it in)."""
    tokens = reading.tokens
    found = []
    for t in tokens:
        if t.low not in _ISSUING:
            continue
        noun = t.index + 1
        while noun < len(tokens) and tokens[noun].low in _BETWEEN:
            noun += 1
        if noun >= len(tokens) or tokens[noun].low not in _STATEMENTS:
            continue
        opening = [w.low for w in tokens[noun + 1 : noun + 5]]
        if not set(opening) & _CONTENT:
            continue  # "X, which issued a statement on Monday, funds Y": no content given
        issuer = _issuer(reading, refs, t.index)
        if issuer is None:
            continue
        frame = Frame("speaker", noun + 1, len(tokens), [], [], t.index, t.start, tokens[noun].end)
        found.append((issuer, frame))
    return found


def _issuer(reading: Reading, refs: list[Ref], verb: int) -> Ref | None:
    """The subject right before the verb ("Hamas released"), or the antecedent of "who" ("Rep.
    James Comer who issued", "X, who issued")."""
    tokens = reading.tokens
    k = verb - 1
    if k >= 0 and tokens[k].low in ("who", "which", "that"):
        k -= 1
        if k >= 0 and tokens[k].text == ",":
            k -= 1
    before = [r for r in refs if r.last == k and r.marker is None]
    return before[-1] if before else None


def quoted_as_saying(reading: Reading, refs: list[Ref]) -> list[tuple[Ref, Ref | None, Frame]]:
    """(speaker, quoting outlet, frame) for "X quoted Y as saying (that) ...": Y said it,
    as X reports; the frame covers what follows "saying"."""
    tokens = reading.tokens
    found = []
    for t in tokens:
        if t.low not in ("quoted", "quotes", "quoting"):
            continue
        speaker = next((r for r in refs if r.first in (t.index + 1, t.index + 2)), None)
        if speaker is None:
            continue
        k = speaker.last + 1
        if [w.low for w in tokens[k : k + 2]] != ["as", "saying"]:
            continue
        quoter = next((r for r in refs if r.last == t.index - 1 and r.marker is None), None)
        frame = Frame("speaker", k + 2, len(tokens), [], [], t.index, t.start, tokens[k + 1].end)
        found.append((speaker, quoter, frame))
    return found

"""Drafting claims: a sentence naming two known actors and containing a relation cue becomes a
candidate claim for a curator to confirm or reject.

Subject, object and source follow the word order of each language (wordorder.py). Then:

* A reversed cue ("funded by", "المدعومة من") or a receiving word up to six words before the
  cue ("Hamas received weapons from Iran") swaps subject and object.
* A negation up to three words before the cue gives `polarity: denied`; a hedge anywhere in
  the sentence gives `hedged: true`.

The evidence is the whole sentence; amount, time and place come from the text layer's
mentions in the same sentence (the ones nearest the cue).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypedDict, TypeVar

from publisher.corpus.model import Actor, Document
from publisher.curate.suggest.lexicon import Lexicon, Match
from publisher.curate.suggest.wordorder import Clause, sources
from publisher.textlayer import AmountMention, DateMention, TextLayer

NEGATION_WINDOW = 3
REVERSING_WINDOW = 6


class DraftAmount(TypedDict, total=False):
    """A draft's amount as the mapping file writes it."""

    value: int
    min: int
    max: int
    currency: str
    rate: str
    approximate: bool


# A draft's time when it is an interval, as the mapping file writes it ("from" is a keyword).
DraftInterval = TypedDict(
    "DraftInterval", {"from": str, "to": str, "approximate": bool, "label": str}, total=False
)


class _Span(Protocol):
    """Anything found at [start, end) of the text: a mention, a sentence, a cue."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_Found = TypeVar("_Found", bound=_Span)


@dataclass(frozen=True)
class Draft:
    """A candidate claim; `start`/`end`/`quote` are its evidence sentence."""

    document: str
    subject: str
    relation: str
    object: str
    start: int
    end: int
    quote: str
    cue: str
    cue_start: int
    amount: DraftAmount | None = None
    time: str | DraftInterval | None = None
    place: str | None = None
    hedged: bool = False
    polarity: str = "affirmed"
    attribution: tuple[tuple[str, str], ...] = ()


def _inside(item: _Span, start: int, end: int) -> bool:
    return start <= item.start and item.end <= end


def _overlaps(a: _Span, b: _Span) -> bool:
    return a.start < b.end and b.start < a.end


def _amount(mention: AmountMention, rates: frozenset[str]) -> DraftAmount:
    amount: DraftAmount = {}
    if mention.value is not None:
        amount["value"] = mention.value
    else:
        if mention.minimum is not None:
            amount["min"] = mention.minimum
        if mention.maximum is not None:
            amount["max"] = mention.maximum
    amount["currency"] = mention.currency
    if mention.rate in rates:
        amount["rate"] = mention.rate
    if mention.approximate:
        amount["approximate"] = True
    return amount


def _time(mention: DateMention, text: str) -> str | DraftInterval:
    if mention.precision in ("year", "year-month", "date"):
        return mention.value
    time: DraftInterval = {"from": f"{mention.begin_year:04d}", "to": f"{mention.end_year:04d}"}
    if mention.approximate:
        time["approximate"] = True
    time["label"] = text[mention.start : mention.end]
    return time


def _nearest(items: Sequence[_Found], cue: _Span) -> _Found | None:
    return min(items, key=lambda x: (abs(x.start - cue.start), x.start)) if items else None


def draft_claims(
    document: Document,
    layer: TextLayer,
    actors: dict[str, Actor],
    lexicon: Lexicon,
    rates: frozenset[str] = frozenset(),
) -> list[Draft]:
    """The drafts of one document, in text order, one per (subject, relation, object, sentence)."""
    text = document.text
    mentions = [m for m in layer.mentions if not m.in_boilerplate]
    actor_mentions = [m for m in mentions if m.entity_id in actors]
    places = [m for m in mentions if m.entity_id.startswith("place:")]
    # A cue inside a name ("Support Committee") is part of the name, not a cue.
    cues = [c for c in lexicon.relations.find(text) if not any(_overlaps(c, m) for m in mentions)]
    amounts = [a for a in layer.amounts if not a.in_boilerplate]
    dates = [d for d in layer.dates if not d.in_boilerplate]
    attribution = lexicon.attribution.find(text)
    reversing = lexicon.reversing.find(text)
    negations = lexicon.negations.find(text)
    hedges = lexicon.hedges.find(text)
    arabic = document.language == "ar"

    drafts: dict[tuple[str, str, str, int], Draft] = {}
    for s in layer.sentences:
        if s.in_boilerplate:
            continue
        sentence = Clause(text, s.start, s.end, actors)
        here = [m for m in actor_mentions if _inside(m, s.start, s.end)]
        if len({m.entity_id for m in here}) < 2:
            continue
        own_cues = [c for c in cues if _inside(c, s.start, s.end)]
        own_amounts = [a for a in amounts if _inside(a, s.start, s.end)]
        for relation in sorted(lexicon.amount_is_cue):
            if not any(c.payload[0] == relation for c in own_cues):
                own_cues += [
                    Match(a.start, a.end, "(amount)", (relation, False)) for a in own_amounts
                ]
        if not own_cues:
            continue
        agents = sources(sentence, here, [c for c in attribution if _inside(c, s.start, s.end)])
        participants = [m for m in here if m not in agents]
        if len({m.entity_id for m in participants}) < 2:
            participants, agents = here, {}
        hedged = any(_inside(h, s.start, s.end) for h in hedges)
        for cue in sorted(own_cues):
            relation, reversed_cue = cue.payload
            pair = sentence.pair(participants, cue, arabic, reversed_cue)
            if pair is None:
                continue
            subject, obj = pair
            receiving = any(
                _inside(r, s.start, cue.start)
                and sentence.words(r.end, cue.start) <= REVERSING_WINDOW
                for r in reversing
            )
            if reversed_cue != receiving:
                subject, obj = obj, subject
            negated = any(
                _inside(n, s.start, cue.start)
                and sentence.words(n.end, cue.start) <= NEGATION_WINDOW
                for n in negations
            )
            amount = _nearest(own_amounts, cue) if relation in lexicon.takes_amount else None
            date = _nearest([d for d in dates if _inside(d, s.start, s.end)], cue)
            place = next(
                (p.entity_id.split(":", 1)[1] for p in places if _inside(p, s.start, s.end)), None
            )
            key = (subject.entity_id, relation, obj.entity_id, s.start)
            if key in drafts:
                continue
            drafts[key] = Draft(
                document=document.id,
                subject=subject.entity_id,
                relation=relation,
                object=obj.entity_id,
                start=s.start,
                end=s.end,
                quote=text[s.start : s.end],
                cue=text[cue.start : cue.end],
                cue_start=cue.start,
                amount=_amount(amount, rates) if amount else None,
                time=_time(date, text) if date else None,
                place=place if relation in lexicon.takes_place else None,
                hedged=hedged,
                polarity="denied" if negated else "affirmed",
                attribution=tuple(
                    dict.fromkeys(
                        (m.entity_id, role)
                        for m, role in sorted(agents.items(), key=lambda item: item[0].start)
                        if role and m.entity_id not in (subject.entity_id, obj.entity_id)
                    )
                ),
            )
    return sorted(drafts.values(), key=lambda d: (d.start, d.cue_start, d.relation))

"""The automatic text layer: sentences, mentions, dates, amounts, boilerplate and citations.

`analyse(text, language, gazetteer)` runs every rule on one document and returns a frozen
`TextLayer`. It needs no per-document code or settings: the same generic rules run on every
document, including ones added later. It depends only on the standard library.

Offsets everywhere are Python str indices (Unicode code points) into `text` exactly as
received; nothing is stripped or normalised in the text itself (matching uses a folded copy,
see arabic.py, and maps results back). Boilerplate is marked, never cut: sentences, mentions,
dates and amounts that lie wholly inside boilerplate are kept with in_boilerplate=True.

Modules, one job each:
  arabic       folding for matching, the offset map, Arabic proclitics
  gazetteer    known names -> mentions (longest match, whole words, clitics allowed)
  boilerplate  navigation, edit markers, banners, link spam, promotion, captions, references
  citations    reference-list entries and body markers
  sentences    sentence spans
  dates        years, months, full dates, decades
  amounts      money amounts, ranges, rates
  candidates   unknown names that look like actors
  spans        the value types
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from .amounts import find_amounts
from .boilerplate import find_boilerplate, name_list_lines
from .candidates import find_candidates
from .citations import find_citations, find_markers
from .dates import find_dates
from .gazetteer import Gazetteer
from .sentences import split_sentences
from .spans import (
    BOILERPLATE_KINDS,
    AmountMention,
    Boilerplate,
    CandidateActor,
    Citation,
    CitationMarker,
    DateMention,
    Mention,
    Sentence,
)

__all__ = [
    "BOILERPLATE_KINDS",
    "AmountMention",
    "Boilerplate",
    "CandidateActor",
    "Citation",
    "CitationMarker",
    "DateMention",
    "Gazetteer",
    "Mention",
    "Sentence",
    "TextLayer",
    "analyse",
]

# The spans that say whether they lie in boilerplate.
_Flagged = TypeVar("_Flagged", Mention, DateMention, AmountMention)


@dataclass(frozen=True)
class TextLayer:
    """Everything the text layer found in one document. All tuples are sorted by start."""

    text: str
    language: str
    boilerplate: tuple[Boilerplate, ...]
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    amounts: tuple[AmountMention, ...]
    citations: tuple[Citation, ...]
    citation_markers: tuple[CitationMarker, ...]
    candidate_actors: tuple[CandidateActor, ...]

    def citation(self, number: int) -> Citation | None:
        """The reference-list entry with this number, or None (a marker without an entry)."""
        for c in self.citations:
            if c.number == number:
                return c
        return None

    def in_boilerplate(self, start: int, end: int) -> bool:
        """True if [start, end) lies wholly inside the union of the boilerplate spans."""
        return _covered(start, end, _union(self.boilerplate))


def _union(spans: Iterable[Boilerplate]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for s, e in sorted((b.start, b.end) for b in spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    return [(s, e) for s, e in merged]


def _covered(start: int, end: int, union: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in union)


def _trimmed_pieces(
    text: str, start: int, end: int, union: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The parts of [start, end) outside boilerplate, trimmed, keeping those with content."""
    pieces = [(start, end)]
    for s, e in union:
        nxt = []
        for a, b in pieces:
            if e <= a or b <= s:
                nxt.append((a, b))
                continue
            if a < s:
                nxt.append((a, s))
            if e < b:
                nxt.append((e, b))
        pieces = nxt
    out = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b and any(c.isalnum() for c in text[a:b]):
            out.append((a, b))
    return out


def analyse(text: str, language: str, gazetteer: Gazetteer) -> TextLayer:
    """Run the text layer on one document (`language`: "ar" or "en")."""
    mentions = gazetteer.find(text)
    boilerplate = find_boilerplate(text)
    boilerplate = tuple(
        sorted(
            boilerplate + name_list_lines(text, [(m.start, m.end) for m in mentions], boilerplate),
            key=lambda b: (b.start, -b.end, b.kind),
        )
    )
    union = _union(boilerplate)
    regions = [(b.start, b.end) for b in boilerplate if b.kind == "reference-list"]

    sentences: list[Sentence] = []
    for s, e in split_sentences(text):
        if _covered(s, e, union):
            sentences.append(Sentence(s, e, True))
            continue
        # A sentence partly inside boilerplate keeps only its own text ("التاريخ[عدل]").
        sentences.extend(Sentence(a, b) for a, b in _trimmed_pieces(text, s, e, union))

    def flag(items: Iterable[_Flagged]) -> tuple[_Flagged, ...]:
        return tuple(
            sorted(replace(x, in_boilerplate=_covered(x.start, x.end, union)) for x in items)
        )

    excluded = [(s, e) for s, e in union]
    return TextLayer(
        text=text,
        language=language,
        boilerplate=boilerplate,
        sentences=tuple(sorted(sentences)),
        mentions=flag(mentions),
        dates=flag(find_dates(text)),
        amounts=flag(find_amounts(text)),
        citations=find_citations(text, regions),
        citation_markers=find_markers(text, regions),
        candidate_actors=find_candidates(
            text, language, mentions, excluded, gazetteer.folded_names()
        ),
    )

"""The value types of the text layer.

Every span is a half-open pair of code-point offsets (start, end) into the document text exactly
as received, so `text[span.start:span.end]` is the span's text. All types are frozen and
ordered by their fields, which start with (start, end), so sorting a list of them sorts by
position.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "BOILERPLATE_KINDS",
    "AmountMention",
    "Boilerplate",
    "CandidateActor",
    "Citation",
    "CitationMarker",
    "DateMention",
    "Mention",
    "Sentence",
]

# The boilerplate kinds (ids of the def/boilerplate-kind concept scheme).
BOILERPLATE_KINDS = (
    "navigation",
    "edit-marker",
    "maintenance-banner",
    "link-spam",
    "promotion",
    "image-caption",
    "reference-list",
)


@dataclass(frozen=True, order=True)
class Boilerplate:
    """Text that is not part of the document's own content. Marked, never removed.

    Spans of one kind never overlap; spans of different kinds may nest (an edit marker inside a
    reference-list heading, a navigation line inside nothing else).
    """

    start: int
    end: int
    kind: str


@dataclass(frozen=True, order=True)
class Sentence:
    """A sentence (or heading line). Trimmed: starts and ends on a non-space character.

    Parts of a line that are boilerplate are trimmed off (a heading "التاريخ[عدل]" becomes the
    sentence "التاريخ"); a sentence that lies wholly inside boilerplate is kept with
    in_boilerplate=True so consumers can choose.
    """

    start: int
    end: int
    in_boilerplate: bool = False


@dataclass(frozen=True, order=True)
class Mention:
    """A name from the gazetteer found in the text.

    The span excludes Arabic proclitics (و ف ب ك ل): in "لحماس" the span covers "حماس".
    `alternatives` lists other entities that bear the same name (e.g. "Tehran" is both the city
    and a name for the Iranian government); `entity_id` is the first registered one.
    """

    start: int
    end: int
    entity_id: str
    surface: str
    alternatives: tuple[str, ...] = ()
    in_boilerplate: bool = False


@dataclass(frozen=True, order=True)
class DateMention:
    """A time expression.

    precision: 'year' (value "2006"), 'year-month' ("2006-12"), 'date' ("2023-10-07"), or
    'interval' (value "1990/1993", begin_year and end_year set, both inclusive).
    approximate: True for "early/mid/late" decade parts ("أوائل التسعينيات").
    """

    start: int
    end: int
    value: str
    precision: str
    begin_year: int | None = None
    end_year: int | None = None
    approximate: bool = False
    in_boilerplate: bool = False


@dataclass(frozen=True, order=True)
class AmountMention:
    """A money amount.

    Exactly one of: `value` (a stated amount), or `minimum`/`maximum` (a range or a bound:
    "tens of millions" gives both, "up to X" gives maximum only, "more than X" minimum only).
    currency: ISO 4217 code. rate: 'per-year', 'per-month', or None when the text states no
    rate (read as a one-off amount). approximate: "about", "حوالي", "نحو", vague ranges.
    """

    start: int
    end: int
    value: int | None
    minimum: int | None
    maximum: int | None
    currency: str
    rate: str | None
    approximate: bool
    in_boilerplate: bool = False


@dataclass(frozen=True, order=True)
class Citation:
    """An entry of the document's reference list.

    The span covers the bibliographic text (after the number and the "^ ا ب" backlinks), so
    text[start:end] == text. `backlinks` is how many body markers the entry says point to it
    (the "^ ا ب" form has 2; a plain "^" has 1; 0 when the list has no backlink carets).
    `date` is the publication date (ISO lexical form), `accessed` the retrieval date.
    """

    start: int
    end: int
    number: int
    text: str
    title: str | None
    publisher: str | None
    date: str | None
    accessed: str | None = None
    backlinks: int = 0


@dataclass(frozen=True, order=True)
class CitationMarker:
    """A reference marker in the body: "[3]", "[ 2]", or a run "[5][6]" (numbers (5, 6)).

    A marker is returned even when the document has no entry with its number.
    """

    start: int
    end: int
    numbers: tuple[int, ...]


@dataclass(frozen=True, order=True)
class CandidateActor:
    """An unknown name that looks like an actor (for curators to review; not a mention).

    `kind` is what the rule that found it suggests: person (after a title), organisation
    (after "حركة", or ending in "Party", "Council"...), media (after "وكالة", before
    "newspaper"...), or "" when the rule does not say."""

    start: int
    end: int
    surface: str
    kind: str = ""

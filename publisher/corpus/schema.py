"""The shape of every data file: which keys an entry may have and what kind of value each
holds. An unknown key, a key with no value (null) or a value of the wrong kind is a problem
with file and line, so that a slip in the YAML is never read as something else.

The commonest slip: an unquoted comma in a flow mapping, `{en: Tehran, 1990, ar: ...}`,
makes "1990" a key with no value and cuts the label at the comma.
"""

from __future__ import annotations

from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from pathlib import Path

from publisher.corpus.problems import Problems
from publisher.corpus.yamlsource import Located


class Shape:
    """What a value must be; `check` records a problem for each way it is not."""

    expected = "a value"

    def accepts(self, value: object) -> bool:
        raise NotImplementedError

    def check(self, value: object, where: Where, label: str, problems: Problems) -> None:
        if not self.accepts(value):
            problems.add(
                where.path,
                where.line,
                f"{where.owner}: {label} must be {self.expected}, not {_kind(value)}",
            )


@dataclass(frozen=True)
class Where:
    """The file and line a value was read from, and the entry it belongs to (for messages)."""

    path: Path
    line: int
    owner: str


class Text(Shape):
    expected = "text"

    def accepts(self, value: object) -> bool:
        return isinstance(value, str) and bool(value.strip())


class Integer(Shape):
    expected = "a whole number"

    def accepts(self, value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)


class Number(Shape):
    expected = "a number"

    def accepts(self, value: object) -> bool:
        return isinstance(value, int | float) and not isinstance(value, bool)


class Boolean(Shape):
    expected = "true or false"

    def accepts(self, value: object) -> bool:
        return isinstance(value, bool)


@dataclass
class OneOf(Shape):
    """Any of several shapes (a time is a year, a date or an interval mapping)."""

    options: tuple[Shape, ...]
    expected: str = "a value"

    def accepts(self, value: object) -> bool:
        return any(option.accepts(value) for option in self.options)

    def check(self, value: object, where: Where, label: str, problems: Problems) -> None:
        for option in self.options:
            if option.accepts(value):
                option.check(value, where, label, problems)
                return
        super().check(value, where, label, problems)


@dataclass
class ListOf(Shape):
    item: Shape
    expected: str = "a list"

    def accepts(self, value: object) -> bool:
        return isinstance(value, list)

    def check(self, value: object, where: Where, label: str, problems: Problems) -> None:
        if not isinstance(value, list):
            super().check(value, where, label, problems)
            return
        for number, item in enumerate(value, start=1):
            at = Where(where.path, _line(item, where.line), where.owner)
            if item is None:
                problems.add(at.path, at.line, f"{at.owner}: {label} item {number} is empty")
                continue
            self.item.check(item, at, f"{label} item {number}", problems)


@dataclass
class Fields(Shape):
    """A mapping with known keys, each of a shape; no other keys, and no key without a value
    except those in `nullable` (a title in one language recorded as missing: `ar: null`)."""

    fields: dict[str, Shape]
    expected: str = "a mapping"
    hint: str = ""
    required: tuple[str, ...] = field(default=())
    nullable: tuple[str, ...] = field(default=())

    def accepts(self, value: object) -> bool:
        return isinstance(value, MappingABC)

    def check(self, value: object, where: Where, label: str, problems: Problems) -> None:
        if not isinstance(value, MappingABC):
            keys = ", ".join(self.fields)
            problems.add(
                where.path,
                where.line,
                f"{where.owner}: {label} must be a mapping ({keys}), not {_kind(value)}",
            )
            return
        prefix = f"{label}: " if label else ""
        for key, item in value.items():
            line = value.line_of(str(key)) if isinstance(value, Located) else where.line
            at = Where(where.path, line, where.owner)
            shape = self.fields.get(str(key))
            if shape is None:
                known = ", ".join(sorted(self.fields))
                if item is None:
                    problems.add(
                        at.path,
                        line,
                        f"{at.owner}: {prefix}unknown key {key!r} with no value",
                        "an unquoted comma in a flow mapping {en: a, b} splits the text "
                        "there: quote the value",
                    )
                else:
                    problems.add(
                        at.path,
                        line,
                        f"{at.owner}: {prefix}unknown key {key!r}",
                        self.hint or f"known keys: {known}",
                    )
                continue
            if item is None and str(key) in self.nullable:
                continue
            if item is None:
                problems.add(
                    at.path,
                    line,
                    f"{at.owner}: {prefix}{key} has no value (null)",
                    "give it a value or leave the key out",
                )
                continue
            shape.check(item, at, f"{prefix}{key}", problems)
        missing = [key for key in self.required if key not in value]
        if missing:
            problems.add(
                where.path, where.line, f"{where.owner}: {prefix}missing {', '.join(missing)}"
            )


def _line(value: object, default: int) -> int:
    return value.line if isinstance(value, Located) else default


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, MappingABC):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"{value!r}" if value.strip() else "empty text"
    return f"{value!r}"


def check_entry(entry: Located, shape: Fields, owner: str, problems: Problems) -> None:
    """Check one entry of a data file against its shape."""
    shape.check(entry, Where(entry.path, entry.line, owner), "", problems)


def owner_of(kind: str, entry: object) -> str:
    """How messages name an entry: its kind and id ("event tehran-1990")."""
    ident = entry.get("id") if isinstance(entry, MappingABC) else None
    return f"{kind} {ident}" if isinstance(ident, str) else kind


# --- the shapes of the data files ------------------------------------------------------------

TEXT, INTEGER, NUMBER, BOOLEAN = Text(), Integer(), Number(), Boolean()
TEXTS = ListOf(TEXT, expected="a list of texts")
BILINGUAL = Fields({"en": TEXT, "ar": TEXT}, expected="a mapping with 'en' and 'ar' texts")
ALIASES = Fields({"en": TEXTS, "ar": TEXTS}, expected="a mapping of 'en' and 'ar' lists")
INSTANT = OneOf((TEXT, INTEGER), expected='a year, year-month or date ("2006-12")')
INTERVAL = Fields({"from": INSTANT, "to": INSTANT, "approximate": BOOLEAN, "label": TEXT})
TIME = OneOf(
    (TEXT, INTEGER, INTERVAL),
    expected='a time ("2020", "2006-12", "2023-10-07") or an interval {from, to}',
)

DOCUMENT = Fields(
    {
        "id": TEXT,
        "file": TEXT,
        "sha256": TEXT,
        "language": TEXT,
        "kind": TEXT,
        # a title in the other language may be recorded as missing (`ar: null`): a warning
        "title": Fields({"en": TEXT, "ar": TEXT}, nullable=("en", "ar")),
        "publisher": TEXT,
        "publisher_evidence": TEXT,
        "url": TEXT,
        "original": TEXT,
        "original_sha256": TEXT,
        "added": TEXT,
    },
    hint="see the header of data/documents.yaml",
)
ACTOR = Fields(
    {
        "id": TEXT,
        "type": TEXT,
        "name": BILINGUAL,
        "aliases": ALIASES,
        "wikidata": TEXT,
        "anonymous": BOOLEAN,
        "part_of": TEXT,
        "armed_wing_of": TEXT,
        "unit_of": TEXT,
        "government_of": TEXT,
        "ambiguous": TEXTS,
        # a name still to be found (`todo: name-ar`): a warning, the other name stands in
        "todo": OneOf((TEXT, TEXTS), expected="name-en or name-ar, or a list of them"),
    },
    hint="see the header of data/actors.yaml",
)
PLACE = Fields({"id": TEXT, "name": BILINGUAL, "aliases": ALIASES, "in": TEXT})
POSITION = Fields({"id": TEXT, "name": BILINGUAL, "definition": BILINGUAL})
MEMBERSHIP = Fields(
    {
        "person": TEXT,
        "organisation": TEXT,
        "position": TEXT,
        "during": TIME,
        "since": INSTANT,
    },
    hint="a membership a document states is a claim in data/claims (relation: membership, "
    "with position:); data/actors.yaml keeps only those no document states",
)
EVENT = Fields(
    {
        "id": TEXT,
        "type": TEXT,
        "name": BILINGUAL,
        "time": TIME,
        "place": TEXT,
        "participants": TEXTS,
    },
    hint="see the header of data/events.yaml",
)
SOURCE = Fields({"id": TEXT, "name": BILINGUAL, "author": TEXT, "date": INSTANT})
PROPOSITION = Fields({"id": TEXT, "name": BILINGUAL, "note": TEXT})
CONFLICT = Fields(
    {
        "id": TEXT,
        "kind": TEXT,
        "aspect": TEXT,
        "sides": ListOf(TEXTS, expected="a list of lists of claim ids"),
        "series": TEXTS,
        "note": TEXT,
    },
    hint="see the header of data/conflicts.yaml",
)
AMOUNT = Fields(
    {
        "value": NUMBER,
        "min": NUMBER,
        "max": NUMBER,
        "currency": TEXT,
        "rate": TEXT,
        "approximate": BOOLEAN,
        "label": TEXT,
    }
)
QUANTITY = Fields(
    {
        "kind": TEXT,
        "value": NUMBER,
        "min": NUMBER,
        "max": NUMBER,
        "approximate": BOOLEAN,
        "label": TEXT,
    }
)
ATTRIBUTION = Fields({"agent": TEXT, "role": TEXT, "source": TEXT})
CUE_NOTE = Fields({"cue": TEXT, "note": TEXT}, required=("cue", "note"))
CLAIM = Fields(
    {
        "id": TEXT,
        "subject": TEXT,
        "relation": TEXT,
        "object": TEXT,
        "position": TEXT,
        "beneficiary_includes": TEXTS,
        "quote": TEXT,
        "start": INTEGER,
        "end": INTEGER,
        "amount": AMOUNT,
        "time": TIME,
        "first_since": INSTANT,
        "place": TEXT,
        "origin": TEXT,
        "route": TEXTS,
        "destination": TEXT,
        "quantities": ListOf(QUANTITY),
        "hedged": BOOLEAN,
        "polarity": TEXT,
        "cue_note": CUE_NOTE,
        "attribution": ListOf(ATTRIBUTION),
        "proposition": TEXT,
        "event": TEXT,
        "status": TEXT,
        "note": TEXT,
        # kept from drafting (docs/suggest.md): the drafter, its cues and confidence, a gap,
        # and the key (fingerprint.digest) by which `publisher suggest` knows the draft
        "drafter": TEXT,
        "key": TEXT,
        "cues": TEXTS,
        "confidence": NUMBER,
        "gap": TEXT,
    },
    hint="see docs/mapping.md",
)
COVERAGE = Fields(
    {"start": INTEGER, "end": INTEGER, "reason": TEXT, "note": TEXT},
    required=("start", "end", "reason"),
)

# Top-level keys of each file.
FILES: dict[str, Fields] = {
    "documents.yaml": Fields({"documents": ListOf(DOCUMENT)}),
    "actors.yaml": Fields(
        {
            "actors": ListOf(ACTOR),
            "places": ListOf(PLACE),
            "positions": ListOf(POSITION),
            "memberships": ListOf(MEMBERSHIP),
        }
    ),
    "events.yaml": Fields({"events": ListOf(EVENT)}),
    "sources.yaml": Fields({"sources": ListOf(SOURCE)}),
    "propositions.yaml": Fields({"propositions": ListOf(PROPOSITION)}),
    "conflicts.yaml": Fields({"conflicts": ListOf(CONFLICT)}),
}
MAPPING_FILE = Fields(
    {"document": TEXT, "claims": ListOf(CLAIM), "coverage": ListOf(COVERAGE)},
    hint="a mapping file has document:, claims: and coverage: (docs/mapping.md)",
)
ENTRY_KINDS = {
    "documents": "document",
    "actors": "actor",
    "places": "place",
    "positions": "position",
    "memberships": "membership",
    "events": "event",
    "sources": "source",
    "propositions": "proposition",
    "conflicts": "conflict",
    "claims": "claim",
    "coverage": "coverage note",
}


def check_file(path: Path, content: object, shape: Fields, problems: Problems) -> None:
    """Check a whole data file: its top-level keys, then every entry of every list, naming
    each entry by its kind and id."""
    if not isinstance(content, Located):
        problems.add(path, 1, f"expected a mapping with {', '.join(shape.fields)}")
        return
    for key, value in content.items():
        line = content.line_of(str(key))
        item_shape = shape.fields.get(str(key))
        if item_shape is None:
            problems.add(
                path,
                line,
                f"unknown key {key!r} at the top of the file",
                f"known keys: {', '.join(shape.fields)}",
            )
            continue
        if value is None:
            continue  # an empty list written as `key:` with nothing under it
        kind = ENTRY_KINDS.get(str(key))
        if isinstance(item_shape, ListOf) and isinstance(value, list) and kind:
            for number, entry in enumerate(value, start=1):
                if not isinstance(entry, Located):
                    problems.add(
                        path,
                        line,
                        f"{key}: item {number} must be a mapping of keys, not {_kind(entry)}",
                    )
                    continue
                assert isinstance(item_shape.item, Fields)
                check_entry(entry, item_shape.item, owner_of(kind, entry), problems)
        else:
            item_shape.check(value, Where(path, line, path.name), str(key), problems)

"""Reading the reference data: actors, places, positions, memberships, events, sources,
propositions and conflicts. Cross-references are checked later, in `load`."""

from __future__ import annotations

import re
from typing import Any

from publisher.corpus.model import (
    Actor,
    CitedSource,
    Conflict,
    Event,
    Membership,
    Names,
    Place,
    Position,
    Proposition,
)
from publisher.corpus.problems import Problems
from publisher.corpus.timespec import TimeError, parse_instant, parse_time
from publisher.corpus.yamlsource import Located
from publisher.errors import Origin, Problem

ACTOR_TYPES = {
    "state",
    "government-body",
    "organisation",
    "armed-wing",
    "unit",
    "collective",
    "media",
    "person",
}
EVENT_TYPES = {"meeting", "visit", "conference", "attack", "election", "war", "press-conference"}
CONFLICT_ASPECTS = {"amount", "time", "occurrence", "attribution"}
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")


def check_id(entry: Located, problems: Problems, seen: dict[str, Located]) -> str | None:
    """The entry's id if well formed and new; otherwise a recorded problem."""
    ident = entry.get("id")
    if not isinstance(ident, str) or not _ID.match(ident):
        problems.add(
            entry.path,
            entry.line_of("id"),
            f"id {ident!r} must be lower-case words joined by hyphens",
        )
        return None
    if ident in seen:
        first = seen[ident]
        problems.add(
            entry.path,
            entry.line_of("id"),
            f"duplicate id {ident!r}",
            f"first defined at {first.path}:{first.line}",
        )
        return None
    seen[ident] = entry
    return ident


def read_names(
    entry: Located,
    problems: Problems,
    key: str = "name",
    warnings: list[Problem] | None = None,
) -> Names | None:
    """English and Arabic names plus aliases; both languages are required, except that an
    entry may say a name is still to be found (`todo: name-ar`), when `warnings` collects it:
    the other language's name stands in for it meanwhile."""
    name = entry.get(key)
    todo = entry.get("todo") or []
    todo = [todo] if isinstance(todo, str) else list(todo)
    missing = tuple(
        lang
        for lang in ("en", "ar")
        if isinstance(name, dict) and not name.get(lang) and f"{key}-{lang}" in todo
    )
    if warnings is not None and isinstance(name, dict) and len(missing) == 1:
        lang = missing[0]
        other = "ar" if lang == "en" else "en"
        if name.get(other):
            warnings.append(
                Problem(
                    entry.path,
                    entry.line_of(key),
                    f"{entry.get('id')}: no {'Arabic' if lang == 'ar' else 'English'} {key} yet "
                    f"(todo: {key}-{lang}); its {other} {key} stands in for it",
                    f"add it with `publisher actor name {entry.get('id')} --{lang} ...`",
                )
            )
            name = {**name, lang: name[other]}
    if not isinstance(name, dict) or not name.get("en") or not name.get("ar"):
        problems.add(entry.path, entry.line_of(key), f"'{key}' needs both an 'en' and an 'ar' form")
        return None
    aliases = entry.get("aliases") or {}
    return Names(
        en=str(name["en"]),
        ar=str(name["ar"]),
        aliases_en=tuple(str(a) for a in aliases.get("en", []) or []),
        aliases_ar=tuple(str(a) for a in aliases.get("ar", []) or []),
        missing=missing if warnings is not None else (),
    )


def _time(entry: Located, key: str, problems: Problems) -> Any:
    if entry.get(key) is None:
        return None
    try:
        return parse_time(entry[key])
    except TimeError as error:
        problems.add(entry.path, entry.line_of(key), f"{key}: {error}")
        return None


def read_actors(
    items: list[Located],
    problems: Problems,
    seen: dict[str, Located],
    warnings: list[Problem] | None = None,
) -> dict[str, Actor]:
    actors: dict[str, Actor] = {}
    for entry in items:
        ident = check_id(entry, problems, seen)
        names = read_names(entry, problems, warnings=warnings)
        kind = entry.get("type")
        if kind not in ACTOR_TYPES:
            problems.add(
                entry.path,
                entry.line_of("type"),
                f"actor type {kind!r} is not one of {sorted(ACTOR_TYPES)}",
            )
            continue
        wikidata = entry.get("wikidata")
        if wikidata is not None and not _QID.match(str(wikidata)):
            problems.add(
                entry.path,
                entry.line_of("wikidata"),
                f"{wikidata!r} is not a Wikidata id like Q794",
            )
        for name in entry.get("ambiguous") or ():
            if names and name not in {n for _, n in names.all()}:
                problems.add(
                    entry.path,
                    entry.line_of("ambiguous"),
                    f"actor {ident}: ambiguous name {name!r} is not one of its names",
                )
        if ident and names:
            actors[ident] = Actor(
                id=ident,
                type=kind,
                names=names,
                origin=Origin(entry.path, entry.line),
                wikidata=wikidata,
                anonymous=bool(entry.get("anonymous", False)),
                part_of=entry.get("part_of"),
                armed_wing_of=entry.get("armed_wing_of"),
                unit_of=entry.get("unit_of"),
                government_of=entry.get("government_of"),
                ambiguous_names=tuple(entry.get("ambiguous") or ()),
            )
    return actors


def read_places(
    items: list[Located], problems: Problems, seen: dict[str, Located]
) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for entry in items:
        ident, names = check_id(entry, problems, seen), read_names(entry, problems)
        if ident and names:
            places[ident] = Place(ident, names, Origin(entry.path, entry.line), entry.get("in"))
    return places


def read_positions(
    items: list[Located], problems: Problems, seen: dict[str, Located]
) -> dict[str, Position]:
    positions: dict[str, Position] = {}
    for entry in items:
        ident, names = check_id(entry, problems, seen), read_names(entry, problems)
        definition = entry.get("definition") or {}
        if not definition.get("en") or not definition.get("ar"):
            problems.add(
                entry.path,
                entry.line_of("definition"),
                "position needs a definition in 'en' and 'ar'",
            )
        if ident and names:
            positions[ident] = Position(
                ident, names, dict(definition), Origin(entry.path, entry.line)
            )
    return positions


def read_memberships(items: list[Located], problems: Problems) -> list[Membership]:
    memberships: list[Membership] = []
    keys: set[str] = set()
    for entry in items:
        missing = [
            k for k in ("person", "organisation", "position", "source", "quote") if not entry.get(k)
        ]
        if missing:
            problems.add(entry.path, entry.line, f"membership lacks {', '.join(missing)}")
            continue
        during = _time(entry, "during", problems) or _since(entry, problems)
        membership = Membership(
            person=entry["person"],
            organisation=entry["organisation"],
            position=entry["position"],
            source=entry["source"],
            quote=str(entry["quote"]),
            origin=Origin(entry.path, entry.line),
            during=during,
        )
        if membership.key in keys:
            problems.add(entry.path, entry.line, f"duplicate membership {membership.key}")
            continue
        keys.add(membership.key)
        memberships.append(membership)
    return memberships


def _since(entry: Located, problems: Problems) -> Any:
    if entry.get("since") is None:
        return None
    try:
        return parse_time({"from": entry["since"]})
    except TimeError as error:
        problems.add(entry.path, entry.line_of("since"), f"since: {error}")
        return None


def read_events(
    items: list[Located], problems: Problems, seen: dict[str, Located]
) -> dict[str, Event]:
    events: dict[str, Event] = {}
    for entry in items:
        ident, names = check_id(entry, problems, seen), read_names(entry, problems)
        if entry.get("type") not in EVENT_TYPES:
            problems.add(
                entry.path,
                entry.line_of("type"),
                f"event type {entry.get('type')!r} is not one of {sorted(EVENT_TYPES)}",
            )
            continue
        time = _time(entry, "time", problems)
        if ident and names:
            events[ident] = Event(
                ident,
                entry["type"],
                names,
                Origin(entry.path, entry.line),
                time,
                entry.get("place"),
                tuple(entry.get("participants") or ()),
            )
    return events


def read_sources(
    items: list[Located], problems: Problems, seen: dict[str, Located]
) -> dict[str, CitedSource]:
    sources: dict[str, CitedSource] = {}
    for entry in items:
        ident, names = check_id(entry, problems, seen), read_names(entry, problems)
        date = None
        if entry.get("date") is not None:
            try:
                date = parse_instant(entry["date"])
            except TimeError as error:
                problems.add(entry.path, entry.line_of("date"), f"date: {error}")
        if ident and names:
            sources[ident] = CitedSource(
                ident, names, Origin(entry.path, entry.line), entry.get("author"), date
            )
    return sources


def read_propositions(
    items: list[Located], problems: Problems, seen: dict[str, Located]
) -> dict[str, Proposition]:
    propositions: dict[str, Proposition] = {}
    for entry in items:
        ident, names = check_id(entry, problems, seen), read_names(entry, problems)
        if ident and names:
            propositions[ident] = Proposition(ident, names, Origin(entry.path, entry.line))
    return propositions


def read_conflicts(
    items: list[Located], problems: Problems, seen: dict[str, Located]
) -> dict[str, Conflict]:
    conflicts: dict[str, Conflict] = {}
    for entry in items:
        ident = check_id(entry, problems, seen)
        sides = entry.get("sides") or []
        if len(sides) < 2 or not all(isinstance(side, list) and side for side in sides):
            problems.add(
                entry.path,
                entry.line_of("sides"),
                "a conflict needs 'sides': two or more non-empty lists of claim ids",
            )
            continue
        if entry.get("aspect") not in CONFLICT_ASPECTS:
            problems.add(
                entry.path,
                entry.line_of("aspect"),
                f"aspect {entry.get('aspect')!r} is not one of {sorted(CONFLICT_ASPECTS)}",
            )
            continue
        if ident:
            conflicts[ident] = Conflict(
                ident,
                tuple(tuple(str(c) for c in side) for side in sides),
                entry["aspect"],
                entry.get("note"),
                Origin(entry.path, entry.line),
            )
    return conflicts

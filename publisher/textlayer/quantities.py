"""Counts other than money: fighters, rockets, drones, the dead ("720 troops", "Three
thousand Hezbollah militants", "thousands of fighters", "آلاف المقاتلين", "11,500 rockets").

A count is a number (digits or words, numbers.py) or a vague word (dozens, hundreds,
thousands, عشرات، مئات، آلاف), then up to two words that qualify what is counted ("Hezbollah
militants", "Iranian drones"), then a noun of one of the quantity kinds of ontology/schemes.ttl.
Not part of the published text layer: the drafter reads counts in the clauses it drafts from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .arabic import NormalisedText, fold
from .numbers import NUMBER_WORDS, number_value

__all__ = ["Count", "find_counts"]

_W = r"[^\W_]"
_KINDS = {
    "fighter": [
        "fighters",
        "troops",
        "soldiers",
        "militants",
        "militiamen",
        "combatants",
        "guerrillas",
        "mercenaries",
        "volunteers",
        "مقاتل",
        "مقاتلا",
        "مقاتلين",
        "مقاتلون",
        "المقاتلين",
        "جندي",
        "جنود",
        "الجنود",
        "عنصر",
        "عناصر",
        "مسلح",
        "مسلحين",
        "المسلحين",
    ],
    "trainee": ["trainees", "recruits", "cadets", "متدرب", "متدربين"],
    "member": ["members", "أعضاء", "عضو", "عضوا"],
    "dead": ["dead", "killed", "deaths", "قتيل", "قتيلا", "قتلى"],
    "wounded": ["wounded", "injured", "جريح", "جريحا", "جرحى"],
    "captive": ["hostages", "captives", "prisoners", "أسير", "أسرى", "رهينة", "رهائن"],
    "rocket": ["rockets", "rocket", "قذيفة", "قذائف"],
    "missile": ["missiles", "missile", "صاروخ", "صاروخا", "صواريخ", "الصواريخ"],
    "drone": [
        "drones",
        "uavs",
        "مسيرة",
        "مسيرات",
        "طائرة مسيرة",
        "طائرات مسيرة",
        "طائرة بدون طيار",
        "طائرات بدون طيار",
        "طائرات من دون طيار",
    ],
    "weapon": ["weapons", "rifles", "guns", "أسلحة", "الأسلحة", "قطعة سلاح"],
    "attack": ["attacks", "هجوم", "هجمات"],
}
_NOUNS = {fold(w): kind for kind, words in _KINDS.items() for w in words}
_VAGUE = {
    fold(k): v
    for k, v in {
        "dozens": (10, 99, "dozens"),
        "tens": (10, 99, "tens"),
        "hundreds": (100, 999, "hundreds"),
        "thousands": (1000, 9999, "thousands"),
        "tens of thousands": (10_000, 99_999, "tens of thousands"),
        "عشرات": (10, 99, "عشرات"),
        "مئات": (100, 999, "مئات"),
        "آلاف": (1000, 9999, "آلاف"),
        "عشرات الآلاف": (10_000, 99_999, "عشرات الآلاف"),
    }.items()
}
_SCALE = {
    fold("thousand"): 1000,
    fold("ألف"): 1000,
    fold("آلاف"): 1000,
    fold("million"): 10**6,
    fold("مليون"): 10**6,
}


def _alt(words: object) -> str:
    items = sorted(words, key=lambda s: (-len(s), s))  # type: ignore[call-overload]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_NOUN = _alt(_NOUNS)
_NUMBER = rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{NUMBER_WORDS}))(?!{_W})"
_COUNT = re.compile(
    rf"(?<!{_W})(?<![$€£.,])(?:{_NUMBER}(?:\s+(?P<scale>{_alt(_SCALE)})(?!{_W}))?"
    rf"|[وب]?(?P<vague>{_alt(_VAGUE)})(?:\s+(?:of|من))?)"
    rf"\s+(?:(?P<mod>{_W}+)\s+){{0,2}}?[وبل]?(?P<noun>{_NOUN})(?!{_W})"
)


@dataclass(frozen=True, order=True)
class Count:
    start: int
    end: int
    kind: str
    value: int | None
    minimum: int | None
    maximum: int | None
    approximate: bool
    label: str | None


def find_counts(text: str) -> tuple[Count, ...]:
    """Counts of people and things in `text`, sorted by start."""
    nt = NormalisedText.of(text)
    found: list[Count] = []
    for m in _COUNT.finditer(nt.folded):
        start, end = nt.to_original(m.start(), m.end())
        kind = _NOUNS[" ".join(m["noun"].split())]
        if m["vague"]:
            low, high, label = _VAGUE[" ".join(m["vague"].split())]
            found.append(Count(start, end, kind, None, low, high, True, label))
            continue
        raw = m["num"]
        if raw in ("a", "an"):
            continue
        value = int(raw.replace(",", "")) if raw[0].isdigit() else number_value(raw)
        if value is None:
            continue
        if m["scale"]:
            value *= _SCALE[m["scale"]]
        if raw[0].isdigit() and 1900 <= value <= 2099 and "," not in raw:
            continue  # a year
        found.append(Count(start, end, kind, value, None, None, False, None))
    return tuple(sorted(found))

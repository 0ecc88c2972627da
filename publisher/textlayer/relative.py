"""Relative time expressions, and what they mean once an anchor is known.

`find_relative(text)` finds expressions whose date depends on another one: on the document's
date ("last year", "العام الماضي", "yesterday", "on Saturday") or on the time the text spoke of
just before ("a month later", "the following year", "بعد ذلك"). `resolve` turns one into a
time at the precision the expression gives, against an anchor. They are not part of the
published text layer (`analyse`), which has no document date: the drafter resolves them.

Anchors are ISO strings at any precision ("2021", "2021-03", "2021-03-14"); a result is never
more precise than its expression allows ("last year" -> a year) nor than its anchor ("a month
later" after "2021" -> nothing).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .arabic import NormalisedText, fold
from .numbers import NUMBER_WORDS, number_value

__all__ = ["WEEKDAYS", "Relative", "find_relative", "resolve"]

_W = r"[^\W_]"
# A count of units: number words as the amounts read them (numbers.py), or "several" (no count).
_VAGUE = {fold(k) for k in ("several",)}
_UNITS = {
    fold(k): v
    for k, v in {
        "year": "year",
        "years": "year",
        "month": "month",
        "months": "month",
        "day": "day",
        "days": "day",
        "week": "week",
        "weeks": "week",
        "عام": "year",
        "أعوام": "year",
        "سنة": "year",
        "سنوات": "year",
        "شهر": "month",
        "أشهر": "month",
        "شهور": "month",
        "يوم": "day",
        "أيام": "day",
        "أسبوع": "week",
        "أسابيع": "week",
    }.items()
}
# Arabic duals: "عامين" two years, "شهرين" two months.
_AR_DUALS = {
    fold("عامين"): ("year", 2),
    fold("سنتين"): ("year", 2),
    fold("شهرين"): ("month", 2),
    fold("يومين"): ("day", 2),
    fold("أسبوعين"): ("week", 2),
}
WEEKDAYS = {
    fold(k): v
    for k, v in {
        "monday": 0,
        "tuesday": 1,
        "wednesday": 2,
        "thursday": 3,
        "friday": 4,
        "saturday": 5,
        "sunday": 6,
        "الاثنين": 0,
        "الإثنين": 0,
        "الثلاثاء": 1,
        "الأربعاء": 2,
        "الخميس": 3,
        "الجمعة": 4,
        "السبت": 5,
        "الأحد": 6,
    }.items()
}


@dataclass(frozen=True, order=True)
class Relative:
    """A relative time expression at [start, end): `anchor` is "document" (the document's
    date) or "previous" (the time spoken of before); `unit` year|month|day|week; `offset` how
    many units from the anchor (negative: before); `open_after` for "after that" (an open
    interval from the anchor)."""

    start: int
    end: int
    anchor: str
    unit: str
    offset: int
    open_after: bool = False
    weekday: int | None = None


def _alt(words: object) -> str:
    items = sorted(words, key=lambda s: (-len(s), s))  # type: ignore[call-overload]
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


_NUM = rf"{NUMBER_WORDS}|{_alt(_VAGUE)}"
_UNIT = _alt(_UNITS)
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"(?<!{_W})(?:the\s+)?(?P<which>last|past|previous|this|next|coming|current)"
            rf"\s+(?P<unit>year|month|week)(?!{_W})"
        ),
        "deictic-en",
    ),
    (
        re.compile(
            rf"(?<!{_W})(?P<n>{_NUM}|\d+)\s+(?P<unit>{_UNIT})\s+(?P<dir>later|after|"
            rf"earlier|before|ago)(?!{_W})"
        ),
        "count-en",
    ),
    (
        re.compile(
            rf"(?<!{_W})the\s+(?P<which>following|next|previous|preceding)\s+"
            rf"(?P<unit>year|month|week|day)(?!{_W})"
        ),
        "sequel-en",
    ),
    (re.compile(rf"(?<!{_W})(?P<word>yesterday|today)(?!{_W})"), "day-en"),
    (re.compile(rf"(?<!{_W})(?:after\s+that|thereafter|afterwards|subsequently)(?!{_W})"), "after"),
    (
        re.compile(
            rf"(?<!{_W})on\s+(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|"
            rf"sunday)(?!{_W})"
        ),
        "weekday",
    ),
    (
        re.compile(
            rf"(?<!{_W})[وفب]?(?:في\s+)?(?P<unit>العام|السنه|الشهر|الاسبوع)\s+"
            rf"(?P<which>الماضي|المنصرم|الفائت|الحالي|الجاري|المقبل|القادم|التالي|السابق)"
            rf"(?!{_W})"
        ),
        "deictic-ar",
    ),
    (
        re.compile(
            rf"(?<!{_W})[وف]?(?P<dir>بعد|قبل)\s+(?:(?P<n>{_NUM}|\d+)\s+)?"
            rf"(?P<unit>{_UNIT}|عامين|سنتين|شهرين|يومين|اسبوعين)(?!{_W})"
        ),
        "count-ar",
    ),
    (re.compile(rf"(?<!{_W})[وف]?(?P<word>امس|البارحه|اليوم)(?!{_W})"), "day-ar"),
    (re.compile(rf"(?<!{_W})[وف]?(?:بعد\s+ذلك|اثر\s+ذلك|لاحقا|فيما\s+بعد)(?!{_W})"), "after"),
    (
        re.compile(
            rf"(?<!{_W})[وف]?يوم\s+(?P<weekday>الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|"
            rf"السبت|الاحد)(?!{_W})"
        ),
        "weekday",
    ),
]
_WHICH = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "preceding": -1,
    fold("الماضي"): -1,
    fold("المنصرم"): -1,
    fold("الفائت"): -1,
    fold("السابق"): -1,
    fold("الحالي"): 0,
    fold("الجاري"): 0,
    fold("المقبل"): 1,
    fold("القادم"): 1,
    fold("التالي"): 1,
}
_AR_UNIT = {
    fold("العام"): "year",
    fold("السنه"): "year",
    fold("الشهر"): "month",
    fold("الاسبوع"): "week",
}


def find_relative(text: str) -> tuple[Relative, ...]:
    """Relative time expressions in `text`, sorted, without overlaps (longest first)."""
    nt = NormalisedText.of(text)
    s = nt.folded
    found: list[tuple[int, int, Relative]] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(s):
            relative = _read(m, kind)
            if relative is None:
                continue
            if any(m.start() < e and b < m.end() for b, e, _ in found):
                continue
            start, end = nt.to_original(m.start(), m.end())
            found.append((m.start(), m.end(), _at(relative, start, end)))
    return tuple(sorted(r for _, _, r in found))


def _at(relative: Relative, start: int, end: int) -> Relative:
    return Relative(
        start,
        end,
        relative.anchor,
        relative.unit,
        relative.offset,
        relative.open_after,
        relative.weekday,
    )


def _read(m: re.Match[str], kind: str) -> Relative | None:
    g = m.groupdict()
    if kind == "deictic-en":
        return Relative(0, 0, "document", g["unit"], _WHICH[g["which"]])
    if kind == "deictic-ar":
        offset = _WHICH[g["which"]]
        anchor = "previous" if g["which"] in (fold("التالي"), fold("السابق")) else "document"
        return Relative(0, 0, anchor, _AR_UNIT[g["unit"]], offset)
    if kind == "sequel-en":
        return Relative(0, 0, "previous", g["unit"], _WHICH[g["which"]])
    if kind in ("count-en", "count-ar"):
        unit_word = " ".join(g["unit"].split())
        if unit_word in _AR_DUALS:
            unit, n = _AR_DUALS[unit_word]
        else:
            unit = _UNITS[unit_word]
            n = (
                int(g["n"])
                if g.get("n") and g["n"].isdigit()
                else 0
                if (g.get("n") or "") in _VAGUE
                else number_value(g.get("n") or "") or 1
            )
        if n == 0:
            return None
        direction = g["dir"]
        if direction in ("ago",):
            return Relative(0, 0, "document", unit, -n)
        sign = -1 if direction in ("earlier", "before", fold("قبل")) else 1
        return Relative(0, 0, "previous", unit, sign * n)
    if kind in ("day-en", "day-ar"):
        word = g["word"]
        offset = -1 if word in ("yesterday", fold("امس"), fold("البارحه")) else 0
        return Relative(0, 0, "document", "day", offset)
    if kind == "after":
        return Relative(0, 0, "previous", "year", 0, open_after=True)
    if kind == "weekday":
        return Relative(0, 0, "document", "day", 0, weekday=WEEKDAYS[g["weekday"]])
    return None


def _parts(anchor: str) -> tuple[int, int | None, int | None] | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", anchor)
    if not m:
        return None
    return int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None


def resolve(relative: Relative, anchor: str | None) -> str | dict[str, str | bool] | None:
    """The time `relative` means against `anchor` (an ISO date at any precision), or None when
    the anchor is missing or too coarse."""
    if anchor is None:
        return None
    parts = _parts(anchor)
    if parts is None:
        return None
    year, month, day = parts
    if relative.open_after:
        return {"from": f"{year:04d}", "approximate": True}
    if relative.weekday is not None:
        if month is None or day is None:
            return None
        date = datetime.date(year, month, day)
        back = (date.weekday() - relative.weekday) % 7
        return (date - datetime.timedelta(days=back)).isoformat()
    if relative.unit == "year":
        return f"{year + relative.offset:04d}"
    if relative.unit == "month":
        if month is None:
            return None
        index = year * 12 + (month - 1) + relative.offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    if relative.unit in ("day", "week"):
        if month is None or day is None:
            return None
        days = relative.offset * (7 if relative.unit == "week" else 1)
        value = datetime.date(year, month, day) + datetime.timedelta(days=days)
        if relative.unit == "week":
            return f"{value.year:04d}-{value.month:02d}"
        return value.isoformat()
    return None

"""When: the time of a drafted claim, from the dates of its clause and sentence.

* The date nearest the cue in the cue's clause; failing that, the nearest date before the cue in
  the sentence (a fronted "In 2012," or "في عام 2007" covers the sentence).
* Two years joined as a range make an interval: "from 2016 to 2024", "between 2008 and
  2009", "منذ عام 2016 حتى ... عام 2024", "في عامي 2008 و2009"; "since 2011", "منذ 2011"
  opens one, and so does a period after "since" ("since the 1990s", "منذ التسعينيات").
* Relative expressions (publisher/textlayer/relative.py) are resolved against the document's
  date ("last year", "العام الماضي", "on Saturday") or against the time the text spoke of just
  before ("a month later", "the following year", "بعد ذلك": from then on). Without an anchor
  they give no time: a draft never guesses a date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

from publisher.textlayer import DateMention
from publisher.textlayer.arabic import fold
from publisher.textlayer.relative import Relative, resolve

# A draft's time when it is an interval, as the mapping file writes it ("from" is a keyword).
DraftInterval = TypedDict(
    "DraftInterval", {"from": str, "to": str, "approximate": bool, "label": str}, total=False
)
DraftTime = str | DraftInterval

_SINCE = re.compile(r"(?:since|from|starting\s+in|منذ|من)\s*(?:عام|العام|سنة)?\s*$")
# "after the collapse of the Soviet Union in 1991", "بعد ... عام 2005": from then on.
_AFTER = re.compile(
    r"(?:^|\s)(?:after|following|بعد|عقب|إثر|اثر|في\s+أعقاب)\s+(?:[^\s،,.;]+\s+){0,5}$"
)
# "since the 1990s", "منذ التسعينيات": a period that opens an interval at its beginning.
_SINCE_PERIOD = re.compile(r"(?:since|منذ)\s+(?:the\s+)?$")
_UNTIL = re.compile(r"^\s*(?:to|until|till|through|and|-|–|—|حتى|إلى|الى|و)\s*$")
_BETWEEN = re.compile(r"(?:between|بين|عامي|سنتي|في\s+عامي)\s*$")


@dataclass(frozen=True)
class Found:
    """A time in the text: its value and the span it covers."""

    start: int
    end: int
    value: DraftTime


def _value(mention: DateMention, text: str) -> DraftTime:
    if mention.precision in ("year", "year-month", "date"):
        return mention.value
    interval: DraftInterval = {"from": f"{mention.begin_year:04d}", "to": f"{mention.end_year:04d}"}
    if mention.approximate:
        interval["approximate"] = True
    interval["label"] = " ".join(text[mention.start : mention.end].split())
    return interval


def _year(value: DraftTime) -> str | None:
    return value[:4] if isinstance(value, str) else None


def times_in(text: str, start: int, end: int, dates: Sequence[DateMention]) -> list[Found]:
    """The times of [start, end), with ranges joined into intervals."""
    mine = [d for d in dates if start <= d.start and d.end <= end]
    found: list[Found] = []
    used: set[int] = set()
    for i, d in enumerate(mine):
        if i in used:
            continue
        value = _value(d, text)
        before = fold(text[max(start, d.start - 24) : d.start])
        if i + 1 < len(mine) and _year(value):
            nxt = mine[i + 1]
            gap = text[d.end : nxt.start]
            upper = _year(_value(nxt, text))
            short = len(gap) <= 12 and _UNTIL.match(fold(gap))
            long_until = bool(re.search(r"(?:حتى|until|till|to)\b", fold(gap))) and len(gap) < 60
            if (
                upper
                and (short or long_until)
                and (_SINCE.search(before) or _BETWEEN.search(before) or long_until)
            ):
                interval: DraftInterval = {"from": str(value)[:4], "to": upper}
                found.append(Found(d.start, nxt.end, interval))
                used |= {i, i + 1}
                continue
        wider = fold(text[max(start, d.start - 60) : d.start])
        if _year(value) and (
            (_SINCE.search(before) and not before.rstrip().endswith(("من", "from")))
            or _AFTER.search(wider)
        ):
            opened: DraftInterval = {"from": str(value)[:4]}
            found.append(Found(d.start, d.end, opened))
            continue
        if isinstance(value, dict) and _SINCE_PERIOD.search(before):
            since: DraftInterval = {"from": value["from"]}
            if value.get("approximate"):
                since["approximate"] = True
            since["label"] = value.get("label", "")
            found.append(Found(d.start, d.end, since))
            continue
        found.append(Found(d.start, d.end, value))
    return found


def relative_times(
    relatives: Sequence[Relative],
    start: int,
    end: int,
    document_date: str | None,
    previous: DraftTime | None,
    text: str,
) -> list[Found]:
    found = []
    for r in relatives:
        if not (start <= r.start and r.end <= end):
            continue
        anchor = document_date if r.anchor == "document" else _anchor_of(previous)
        value = resolve(r, anchor)
        if value is None:
            continue
        if isinstance(value, dict):
            interval: DraftInterval = {"from": str(value["from"]), "approximate": True}
            interval["label"] = " ".join(text[r.start : r.end].split())
            found.append(Found(r.start, r.end, interval))
        else:
            found.append(Found(r.start, r.end, value))
    return found


def _anchor_of(value: DraftTime | None) -> str | None:
    """The latest point of a time, for what comes after it."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return value.get("to") or value.get("from")


def nearest(found: Sequence[Found], position: int) -> Found | None:
    if not found:
        return None
    return min(found, key=lambda f: (abs(f.start - position), f.start))

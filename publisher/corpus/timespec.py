"""Parsing the time values curators write: "2020", "2006-12", "2023-10-07", or intervals."""

from __future__ import annotations

import calendar
import re

from publisher.corpus.model import Instant, TimeSpec

_YEAR = re.compile(r"^-?\d{4}$")
_YEAR_MONTH = re.compile(r"^(-?\d{4})-(\d{2})$")
_DATE = re.compile(r"^(-?\d{4})-(\d{2})-(\d{2})$")


class TimeError(ValueError):
    """A time value that is ill-formed or impossible (month 13, 31 February)."""


def parse_instant(value: object) -> Instant:
    """An Instant from "YYYY", "YYYY-MM" or "YYYY-MM-DD", checking the calendar."""
    text = str(value).strip()
    if _YEAR.match(text):
        return Instant(text, "year")
    if match := _YEAR_MONTH.match(text):
        if not 1 <= int(match.group(2)) <= 12:
            raise TimeError(f"impossible month in {text!r}")
        return Instant(text, "year-month")
    if match := _DATE.match(text):
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            raise TimeError(f"impossible month in {text!r}")
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise TimeError(f"impossible day in {text!r}")
        return Instant(text, "date")
    raise TimeError(f"{text!r} is not a year (2020), year-month (2006-12) or date (2023-10-07)")


def parse_time(value: object) -> TimeSpec:
    """A TimeSpec from a scalar instant or a mapping {from, to, approximate, label}."""
    if isinstance(value, dict):
        unknown = set(value) - {"from", "to", "approximate", "label"}
        if unknown:
            raise TimeError(
                f"unknown time keys {sorted(unknown)}; use from, to, approximate, label"
            )
        if "from" not in value and "to" not in value:
            raise TimeError("an interval needs 'from' and/or 'to'")
        begin = parse_instant(value["from"]) if "from" in value else None
        end = parse_instant(value["to"]) if "to" in value else None
        if begin and end and _sort_key(end) < _sort_key(begin):
            raise TimeError(f"interval ends ({end.value}) before it begins ({begin.value})")
        return TimeSpec(
            begin=begin,
            end=end,
            approximate=bool(value.get("approximate", False)),
            label=value.get("label"),
        )
    return TimeSpec(instant=parse_instant(value))


def _sort_key(instant: Instant) -> tuple[int, ...]:
    return tuple(int(part) for part in instant.value.lstrip("-").split("-"))

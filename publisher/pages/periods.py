"""Times as stretches of years, for drawing them and for filtering by period.

A date covers its whole precision: "2006" is the year 2006, [2006.0, 2007.0); "2006-12" is
December; an interval runs from the start of its beginning to the end of its end, and an
interval with one end missing stays open on that side (None).
"""

from __future__ import annotations

from datetime import date

from publisher.pages.wording import When


def bounds(text: str) -> tuple[float, float] | None:
    """The stretch [start, end) in fractional years that a gYear, gYearMonth or date covers."""
    parts = text.lstrip("-").split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return float(year), float(year + 1)
        month = int(parts[1])
        if len(parts) == 2:
            return year + (month - 1) / 12, year + month / 12
        day = date(year, month, int(parts[2][:2]))
    except (ValueError, IndexError):
        return None
    start = year + (day.timetuple().tm_yday - 1) / 365.25
    return start, start + 1 / 365.25


def extent(when: When | None) -> tuple[float | None, float | None]:
    """Where a time starts and ends in fractional years; None for an open or unknown side."""
    if when is None:
        return None, None
    if when.instant:
        found = bounds(when.instant)
        return found if found else (None, None)
    start = bounds(when.beginning) if when.beginning else None
    end = bounds(when.end) if when.end else None
    return (start[0] if start else None), (end[1] if end else None)


def overlaps(when: When | None, first: int | None, last: int | None) -> bool:
    """True when `when` meets the years first..last (either may be None: no limit that side).

    An undated claim meets no period; an open side of an interval reaches as far as it goes.
    """
    if first is None and last is None:
        return True
    start, end = extent(when)
    if start is None and end is None:
        return False
    if last is not None and start is not None and start >= last + 1:
        return False
    return not (first is not None and end is not None and end <= first)

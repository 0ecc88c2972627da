"""Reference lists and the markers that point into them.

Entries. Inside a reference-list region (see boilerplate.py) every line of the form

    <n>. [^ [backlinks]] <bibliographic text>

is an entry numbered n. Backlinks are the Wikipedia "jump back" letters after the caret: a
plain "^" (one marker points here) or single letters "ا ب ت ..." / "a b c ..." (one per marker,
so "^ ا ب" means two markers). From the bibliographic text:

  title      the first quoted string ("...", “...”, «...»);
  publisher  the segment after the title up to the next ". " (a trailing language note such as
             "(بالروسية)" / "(in Russian)" is dropped): "Meduza (بالروسية). 21 Mar 2021." ->
             "Meduza";
  date       the first date in the entry that is not an access or archive date (dates.py);
  accessed   the date after "Retrieved" / "اطلع عليه بتاريخ" / "Accessed";
  url        the first http(s) address in the entry, if it gives one.

Markers. In the body (outside reference lists), "[3]", "[ 2]", "[5, 6]", "[5–7]" and runs of
adjacent brackets "[15][16][17]" are markers; a run is one marker with all its numbers. A marker
is returned whether or not the document has an entry with that number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .dates import find_dates
from .spans import Citation, CitationMarker

__all__ = ["find_citations", "find_markers"]

_ENTRY = re.compile(
    r"^[ \t]*(?P<number>\d{1,4})[.)][ \t]+"
    r"(?:(?P<caret>\^)[ \t]*(?P<letters>(?:[^\W\d_][ \t]+)*?)(?=\S{2}|\"|“|«))?"
    r"(?P<body>\S.*?)[ \t\r]*$",
    re.MULTILINE,
)
_TITLE = re.compile(r"\"(?P<a>[^\"]+)\"|“(?P<b>[^”]+)”|«(?P<c>[^»]+)»")
_LANGUAGE_NOTE = re.compile(r"\s*\((?:بال[^()]*|in [A-Z][a-z]+[^()]*)\)\s*$")
_ACCESS_CUE = re.compile(
    r"(?:retrieved|accessed|archived from the original on|اطلع عليه بتاريخ|مؤرشف من الأصل في|"
    r"تاريخ الوصول)\s*:?\s*(?:on\s+)?$",
    re.IGNORECASE,
)
_RETRIEVED = re.compile(
    r"(?:retrieved|accessed|اطلع عليه بتاريخ|تاريخ الوصول)\s*:?\s*(?:on\s+)?$", re.IGNORECASE
)
_URL = re.compile(r"https?://[^\s\]»”\"<>]+")
_MARKER_RUN = re.compile(r"(?:\[\s*\d{1,3}(?:\s*[,،–-]\s*\d{1,3})*\s*\])+")
_MARKER_ONE = re.compile(r"\[([^\]]*)\]")


def _publisher(body: str, title_end: int) -> str | None:
    rest = body[title_end:].lstrip(" .\t")
    if not rest:
        return None
    m = re.match(r"(.+?)\.(?:\s|$)", rest)
    seg = (m.group(1) if m else rest).strip()
    seg = _LANGUAGE_NOTE.sub("", seg).strip()
    # A segment that is itself a date or starts with a number is not a publisher.
    if not seg or seg[0].isdigit() or (find_dates(seg) and find_dates(seg)[0].start == 0):
        return None
    return seg


def find_citations(text: str, regions: Sequence[tuple[int, int]]) -> tuple[Citation, ...]:
    """Entries of the reference lists inside `regions` (spans from boilerplate.py)."""
    out: list[Citation] = []
    for rstart, rend in regions:
        for m in _ENTRY.finditer(text, rstart, rend):
            body = m["body"]
            start = m.start("body")
            title = publisher = None
            t = _TITLE.search(body)
            if t:
                title = next(g for g in t.groups() if g is not None).strip()
                publisher = _publisher(body, t.end())
            date = accessed = None
            for d in find_dates(body):
                before = body[: d.start]
                if _RETRIEVED.search(before):
                    accessed = accessed or d.value
                elif _ACCESS_CUE.search(before):
                    continue  # archive date
                elif date is None and d.precision != "interval":
                    date = d.value
            if m["caret"]:
                letters = (m["letters"] or "").split()
                backlinks = max(1, len(letters))
            else:
                backlinks = 0
            url = _URL.search(body)
            out.append(
                Citation(
                    start,
                    start + len(body),
                    int(m["number"]),
                    body,
                    title,
                    publisher,
                    date,
                    accessed,
                    backlinks,
                    url.group(0).rstrip(".,;:)") if url else None,
                )
            )
    return tuple(sorted(out))


def _numbers(inside: str) -> list[int]:
    nums: list[int] = []
    for part in re.split(r"\s*[,،]\s*", inside.strip()):
        r = re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", part)
        if r:
            a, b = int(r[1]), int(r[2])
            if a <= b <= a + 50:
                nums.extend(range(a, b + 1))
        elif part.isdigit():
            nums.append(int(part))
    return nums


def find_markers(text: str, exclude: Sequence[tuple[int, int]] = ()) -> tuple[CitationMarker, ...]:
    """Citation markers outside the `exclude` spans (the reference lists)."""
    out = []
    for m in _MARKER_RUN.finditer(text):
        if any(s <= m.start() < e for s, e in exclude):
            continue
        nums: list[int] = []
        for one in _MARKER_ONE.finditer(m.group(0)):
            for n in _numbers(one.group(1)):
                if n not in nums:
                    nums.append(n)
        if nums:
            out.append(CitationMarker(m.start(), m.end(), tuple(nums)))
    return tuple(out)

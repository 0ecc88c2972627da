"""Sentence spans for Arabic and English text.

Rules, in order of precedence:

* A newline always ends a sentence: headings, list items and paragraphs are separate units
  (the corpus has no hard-wrapped prose).
* Within a line, a sentence ends after a terminator: . ! ? ؟ ۔ … (runs such as "?!" or "..."
  count as one). Closing quotes/brackets right after the terminator (» " ” ’ ) ]) and citation
  markers ("[4]", also after a space) belong to the sentence that ends there.
* A full stop does NOT end a sentence when it is:
  - a decimal point (digit . digit),
  - part of a dotted abbreviation ("U.S.", "e.g.") or an initial ("John F. Kennedy"),
  - after a common abbreviation ("Mr.", "Dr.", "St.", "vs."), or "No." / a month abbreviation
    followed by a number,
  - after list numbering at the start of a line ("1. ..."),
  - directly followed by a lower-case letter or digit ("tass.com", "3.5").
* A full stop directly followed by a capital letter or an Arabic letter ends the sentence when
  the word before it is at least two characters long: extracted web text glues headings onto
  the previous paragraph ("October 7, 2023.Iran as Hamas's Key Patron").
* Spans are trimmed to start and end on non-space characters; spans without any letter or
  digit are dropped.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_TERMINATOR_RUN = re.compile(r"[.!?؟۔…]+")
_CLOSERS = "\"'»”’)]›」』"
_MARKER = re.compile(r"[ \t]*\[\s*\d{1,3}\s*\]")
# Words after which a full stop is an abbreviation, not a sentence end (lower-cased, no dot).
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "vs",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "inc",
        "ltd",
        "co",
        "corp",
        "dept",
        "univ",
        "approx",
        "est",
        "fig",
        "al",
        "cf",
        "e.g",
        "i.e",
    ]
)
# Abbreviations that are only abbreviations before a number ("No. 5", "Oct. 7").
_BEFORE_NUMBER = frozenset(
    [
        "no",
        "nos",
        "vol",
        "p",
        "pp",
        "art",
        "sec",
        "ch",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_DOTTED = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")  # U.S / e.g / F (before the final dot)


def _word_before(line: str, i: int) -> str:
    """The non-space token ending just before index i (without leading punctuation)."""
    j = i
    while j > 0 and not line[j - 1].isspace():
        j -= 1
    return line[j:i].lstrip("\"'«“‘(*[")


def _is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f"


def _full_stop_ends(line: str, i: int) -> bool:
    """Whether the single full stop at line[i] ends a sentence."""
    before = line[i - 1] if i > 0 else ""
    after = line[i + 1] if i + 1 < len(line) else ""
    if before.isdigit() and after.isdigit():
        return False  # decimal
    word = _word_before(line, i)
    if word.isdigit() and not line[: i - len(word)].strip():
        return False  # list numbering at the start of a line: "1. ^ ..."
    low = word.lower()
    rest = line[i + 1 :].lstrip()
    if low in _BEFORE_NUMBER and rest[:1].isdigit():
        return False
    if low in _ABBREVIATIONS:
        return False
    if word and _DOTTED.match(word) and not _is_arabic(word[-1]):
        # "U.S." / "F." : an abbreviation or initial, unless the line ends here.
        return after == "" or after in _CLOSERS
    if after == "" or after.isspace() or after in _CLOSERS or after == "[":
        return True
    if after.isupper() or _is_arabic(after):
        # Glued sentences: "2023.Iran", "training.The", "حماس.وقال".
        core = word.rstrip("*_\"'”’»)")  # "ties**.The": markup before the glued stop
        return len(core) >= 2 and (core[-1].islower() or core[-1].isdigit() or _is_arabic(core[-1]))
    return False


def _sentence_end(line: str, run_end: int) -> int:
    """Extend a sentence end over closing quotes and citation markers."""
    k = run_end
    while k < len(line) and line[k] in _CLOSERS:
        k += 1
    while True:
        m = _MARKER.match(line, k)
        if not m:
            break
        k = m.end()
        while k < len(line) and line[k] in _CLOSERS:
            k += 1
    return k


def _split_line(line: str) -> list[tuple[int, int]]:
    cuts: list[int] = []
    for m in _TERMINATOR_RUN.finditer(line):
        i, j = m.start(), m.end()
        if cuts and i < cuts[-1]:
            continue  # inside material already absorbed by the previous sentence
        if j - i == 1 and line[i] == ".":
            if not _full_stop_ends(line, i):
                continue
        else:
            after = line[j] if j < len(line) else ""
            if after and (after.islower() or after.isdigit()):
                continue  # "Yahoo!news", "1...2"
        cuts.append(_sentence_end(line, j))
    spans = []
    start = 0
    for c in [*cuts, len(line)]:
        spans.append((start, c))
        start = c
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return start, end


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) of text[start:end], in order, as offsets into `text`."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        for s, e in _split_line(line):
            t = _trim(text, pos + s, pos + e)
            if t:
                out.append(t)
        if nl < 0:
            break
        pos = nl + 1
    return out

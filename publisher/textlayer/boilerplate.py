"""Finding boilerplate: text on the page that is not the document's own content.

(About 330 lines, a third of them this description: the seven rules share one model of lines
and one record of the lines already claimed, which splitting them by rule would pass around.
The phrases they look for are data, in page_phrases.py.)

Boilerplate is marked, never cut: each rule returns spans into the text as received. The rules
are generic (line shape, repetition, position, a small list of well-known Wikipedia/CMS
phrases in Arabic and English); none refers to a particular document.

Kinds and rules (a "line" is the text between newlines, trimmed of surrounding whitespace;
phrase comparisons use the folded text of arabic.normalise, so hamza/alef/taa-marbuta
variants and harakat do not matter):

navigation       A line that is exactly a known site-navigation phrase ("انتقل إلى المحتوى",
                 "من ويكيبيديا، الموسوعة الحرة", "انظر أيضا", "اخترنا لك", "Jump to content",
                 "See also", ...), ignoring trailing edit markers and punctuation. The short,
                 unpunctuated link lines right after a "see also" line belong to it. A later
                 line that only repeats the document's title (its first content line) is
                 navigation too (Wikipedia prints the title twice). `name_list_lines` adds lines
                 made only of known names (infobox remnants such as "حركة حماس روسيا").
edit-marker      "[عدل]", "[تعديل]", "[عدل المصدر]", "[edit]", "[edit source]".
maintenance-banner  A line that speaks about "this article/page/section" (هذه المقالة ...) and
                 carries a template cue (ساعد, فضلا, القالب, نقاش, please, help improve, ...),
                 from the line start up to and including "(نقاش)" / "(talk)" when present,
                 else to the line end.
link-spam        (a) A run of at least three list-item lines ("- ", "* ", "• ") that read like
                 headlines: short (<= 15 words), no sentence-final punctuation, mostly
                 Capitalised Words. (b) A trailing block at the end of the document made of
                 short unpunctuated lines of which at least two are headline links
                 ("Title - Publisher").
promotion        The sentence that contains a call to action ("share your thoughts",
                 "in the comments below", "subscribe to our", "شاركنا رأيك", "تابعونا على" ...).
image-caption    A short line (<= 200 characters) repeated verbatim on consecutive non-blank
                 lines: the page showed an image and its caption/alt text more than once.
                 The whole run is one span.
reference-list   A heading line "المراجع", "مراجع", "المصادر", "الهوامش", "References",
                 "Notes", "Sources", "Citations", "Footnotes" (edit markers allowed) and the
                 entries that follow it (lines starting with a number, "^", a bullet, or
                 "[n]"), up to the last such entry. One span per list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from . import page_phrases as phrases
from .arabic import fold
from .sentences import split_sentences
from .spans import Boilerplate

__all__ = [
    "EDIT_MARKER",
    "find_boilerplate",
    "name_list_lines",
    "reference_regions",
]

EDIT_MARKER = re.compile(r"\[\s*(?:عدل المصدر|عدل|تعديل|edit source|edit)\s*\]", re.IGNORECASE)

_BANNER_END = re.compile(r"\((?:نقاش|talk)\)", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^[-*•·]\s+(?P<item>\S.*)$")
_ENTRY_LINE = re.compile(r"^(?:\d{1,4}[.)]\s|\^|[-*•]\s|\[\d{1,4}\])")
_HEADLINE_LINK = re.compile(r"\S.*\s[-–—|]\s+(?P<site>\S[^-–—|]{0,60})$")
_SENTENCE_END = tuple(".!?؟۔…")


def _key(s: str) -> str:
    """Comparison key of a line: folded, edit markers and edge punctuation removed."""
    s = EDIT_MARKER.sub("", s)
    s = fold(s)
    s = s.strip(" \t\r\n.:;,،؛-–—*")
    return " ".join(s.split())


_NAV_KEYS = frozenset(_key(p) for p in phrases.NAVIGATION_PHRASES)
_SEE_ALSO_KEYS = frozenset(_key(p) for p in phrases.SEE_ALSO)
_REF_KEYS = frozenset(_key(p) for p in phrases.REFERENCE_HEADINGS)
_BANNER_SUBJECT_KEYS = [fold(p) for p in phrases.BANNER_SUBJECTS]
_BANNER_CUE_KEYS = [fold(p) for p in phrases.BANNER_CUES]
_PROMOTION_KEYS = [fold(p) for p in phrases.PROMOTION_CUES]


class _Line:
    """A line with its trimmed content span."""

    __slots__ = ("end", "key", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        self.start, self.end = start, end
        self.text = text[start:end]
        self.key = _key(self.text) if self.text else ""

    @property
    def blank(self) -> bool:
        return not self.text

    def without_trailing_markers(self) -> int:
        """End offset of the line content before trailing edit markers."""
        t = self.text
        while True:
            m = re.search(EDIT_MARKER.pattern + r"\s*$", t, re.IGNORECASE)
            if not m or m.start() == 0:
                break
            t = t[: m.start()].rstrip()
        return self.start + len(t)


def _lines(text: str) -> list[_Line]:
    out = []
    pos = 0
    for part in text.split("\n"):
        out.append(_Line(text, pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _words(s: str) -> list[str]:
    return [w for w in s.split() if any(c.isalnum() for c in w)]


def _is_short_unpunctuated(line: _Line, max_words: int = 15) -> bool:
    t = line.text
    return 0 < len(_words(t)) <= max_words and not t.endswith(_SENTENCE_END)


def _looks_like_headline(item: str) -> bool:
    words = [w for w in _words(item) if any(c.isalpha() for c in w)]
    if not words or len(words) > 15 or item.rstrip().endswith((*_SENTENCE_END, ":")):
        return False
    capitalised = sum(1 for w in words if w.lstrip("\"'“‘(")[:1].isupper())
    return capitalised / len(words) >= 0.6


def _in_any(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def reference_regions(text: str) -> list[tuple[int, int]]:
    """The reference-list spans (heading through last entry)."""
    return [(b.start, b.end) for b in find_boilerplate(text) if b.kind == "reference-list"]


def find_boilerplate(text: str) -> tuple[Boilerplate, ...]:
    """All boilerplate spans of `text`, sorted by (start, -end)."""
    lines = _lines(text)
    found: list[Boilerplate] = []
    claimed: dict[int, str] = {}  # line index -> kind, for line-level kinds

    for m in EDIT_MARKER.finditer(text):
        found.append(Boilerplate(m.start(), m.end(), "edit-marker"))

    # Reference lists: a heading, then entry lines (blank lines allowed between).
    i = 0
    while i < len(lines):
        ln = lines[i]
        if not ln.blank and ln.key in _REF_KEYS:
            last = i
            j = i + 1
            while j < len(lines):
                if lines[j].blank:
                    j += 1
                    continue
                if _ENTRY_LINE.match(lines[j].text):
                    last = j
                    j += 1
                    continue
                break
            found.append(Boilerplate(ln.start, lines[last].end, "reference-list"))
            for k in range(i, last + 1):
                claimed[k] = "reference-list"
            i = last + 1
            continue
        i += 1

    title_key = None
    in_see_also = False
    for i, ln in enumerate(lines):
        if ln.blank or i in claimed:
            continue
        key = ln.key
        if key in _NAV_KEYS:
            found.append(Boilerplate(ln.start, ln.without_trailing_markers(), "navigation"))
            claimed[i] = "navigation"
            in_see_also = key in _SEE_ALSO_KEYS
            continue
        if in_see_also and _is_short_unpunctuated(ln, 10):
            found.append(Boilerplate(ln.start, ln.without_trailing_markers(), "navigation"))
            claimed[i] = "navigation"
            continue
        in_see_also = False
        banner = _banner(ln)
        if banner:
            found.append(Boilerplate(ln.start, banner, "maintenance-banner"))
            claimed[i] = "maintenance-banner"
            continue
        if title_key is None:
            title_key = key
            continue
        if key and key == title_key:
            found.append(Boilerplate(ln.start, ln.without_trailing_markers(), "navigation"))
            claimed[i] = "navigation"

    found += _captions(lines, claimed)
    found += _link_spam(lines, claimed)
    found += _promotion(text, lines, claimed)
    return tuple(sorted(set(found), key=lambda b: (b.start, -b.end, b.kind)))


def _banner(ln: _Line) -> int | None:
    """End offset of a maintenance banner on this line, or None."""
    if len(ln.text) > 800:
        return None
    f = fold(ln.text)
    head = f[:120]
    if not any(s in head for s in _BANNER_SUBJECT_KEYS):
        return None
    if not any(c in f for c in _BANNER_CUE_KEYS):
        return None
    m = _BANNER_END.search(ln.text)
    return ln.start + m.end() if m else ln.end


def _captions(lines: Sequence[_Line], claimed: dict[int, str]) -> list[Boilerplate]:
    out = []
    content = [i for i, ln in enumerate(lines) if not ln.blank]
    k = 0
    while k < len(content):
        i = content[k]
        run = [i]
        while k + len(run) < len(content) and lines[content[k + len(run)]].text == lines[i].text:
            run.append(content[k + len(run)])
        if len(run) >= 2 and len(lines[i].text) <= 200 and not any(r in claimed for r in run):
            out.append(Boilerplate(lines[run[0]].start, lines[run[-1]].end, "image-caption"))
            for r in run:
                claimed[r] = "image-caption"
        k += len(run)
    return out


def _link_spam(lines: Sequence[_Line], claimed: dict[int, str]) -> list[Boilerplate]:
    spam: set[int] = set()
    # (a) runs of headline-like list items.
    run: list[int] = []
    for i, ln in enumerate([*lines, _Line("", 0, 0)]):
        m = _LIST_ITEM.match(ln.text) if not ln.blank else None
        if m and i not in claimed and _looks_like_headline(m.group("item")):
            run.append(i)
            continue
        if ln.blank and run and i < len(lines):
            continue  # a blank line does not break a list
        if len(run) >= 3:
            spam.update(run)
        run = []
    # (b) a trailing block of short lines containing headline links.
    block: list[int] = []
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if ln.blank:
            continue
        if claimed.get(i) not in (None, "link-spam") or not _is_short_unpunctuated(ln):
            break
        block.append(i)
    links = [
        i
        for i in block
        if (link := _HEADLINE_LINK.match(lines[i].text)) and len(_words(link.group("site"))) <= 5
    ]
    if len(links) >= 2:
        spam.update(block)
    # One span per run of spam lines separated only by blank lines.
    out = []
    for group in _group(sorted(spam), lines):
        out.append(Boilerplate(lines[group[0]].start, lines[group[-1]].end, "link-spam"))
        for g in group:
            claimed[g] = "link-spam"
    return out


def _group(indices: list[int], lines: Sequence[_Line]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in indices:
        if groups and all(lines[k].blank for k in range(groups[-1][-1] + 1, i)):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _promotion(text: str, lines: Sequence[_Line], claimed: dict[int, str]) -> list[Boilerplate]:
    out = []
    for i, ln in enumerate(lines):
        if ln.blank or i in claimed:
            continue
        f = fold(ln.text)
        if not any(c in f for c in _PROMOTION_KEYS):
            continue
        for s, e in split_sentences(text, ln.start, ln.end):
            if any(c in fold(text[s:e]) for c in _PROMOTION_KEYS):
                out.append(Boilerplate(s, e, "promotion"))
    return out


def name_list_lines(
    text: str, name_spans: Sequence[tuple[int, int]], boilerplate: Sequence[Boilerplate] = ()
) -> tuple[Boilerplate, ...]:
    """Navigation spans for lines made only of known names (infobox remnants).

    A line qualifies when it holds at least two name spans and nothing else but whitespace
    and punctuation, is not the first content line (the title) and is not already boilerplate.
    "حركة حماس روسيا" qualifies; "إيران وحماس" does not (the conjunction is outside the spans).
    """
    covered = [(b.start, b.end) for b in boilerplate]
    out = []
    first = True
    for ln in _lines(text):
        if ln.blank:
            continue
        if first:
            first = False
            continue
        if _in_any(ln.start, ln.end, covered):
            continue
        inside = [(s, e) for s, e in name_spans if ln.start <= s and e <= ln.end]
        if len(inside) < 2:
            continue
        rest = list(ln.text)
        for s, e in inside:
            for k in range(s - ln.start, e - ln.start):
                rest[k] = " "
        if not any(c.isalnum() for c in rest):
            out.append(Boilerplate(ln.start, ln.end, "navigation"))
    return tuple(out)

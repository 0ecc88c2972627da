"""Folding Arabic (and Latin) text for matching, with an offset map back to the original.

The text layer never changes the stored text: every span it reports is a pair of code-point
offsets into the document exactly as received. Matching, however, has to see through the many
ways one Arabic word is written (with or without hamza, harakat, tatweel, presentation forms,
Persian letters, Arabic-Indic digits). `normalise` produces a folded copy for matching together
with, for every folded character, the index of the original character it came from, so a match
found in the folded copy maps back to exact original offsets.

Folding rules (applied one original character at a time, so the map is trivial to keep):

* Unicode compatibility decomposition (NFKD). This turns presentation forms (U+FB50-U+FDFF,
  U+FE70-U+FEFF) into ordinary letters, splits the lam-alef ligatures into two letters, and
  decomposes أ إ آ ؤ ئ into a base letter plus a combining hamza/madda, which the next rule
  drops: أ إ آ -> ا, ؤ -> و, ئ -> ي. It also folds NBSP and other space variants to a space,
  and Latin letters with accents to a base letter plus a combining accent.
* Combining marks (category Mn) are dropped: harakat, tanween, shadda, sukun, superscript alef
  (U+0670), Quranic marks, and Latin accents (so "Hamás" matches "Hamas").
* Tatweel (U+0640) and format characters (category Cf: bidi marks, ZWJ/ZWNJ, soft hyphen,
  BOM) are dropped. The zero-width space U+200B becomes a space, because it separates words.
* Letter table: ٱ -> ا, ى -> ي, ة -> ه, Persian kaf ک -> ك, Persian yeh ی -> ي, Arabic-Indic and
  extended Arabic-Indic digits -> ASCII digits, Arabic decimal/thousands separators -> . and ,
* Case folding (str.casefold), which only affects cased scripts (Latin, Greek, Cyrillic).

Proclitics: Arabic attaches the conjunctions و ف and the prepositions ب ك ل to the following
word, and ل + ال contracts to لل (للجماعات = ل + الجماعات). `proclitic_options` lists the
prefixes a matcher may skip before a name. Convention used across the text layer: reported
spans EXCLUDE the clitic (وإيران -> the span covers إيران only; للجماعات الفلسطينية -> the span
starts at the second ل, the article's lam, because the article's alef was elided).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

__all__ = [
    "PROCLITICS",
    "WORD_FINAL_LETTERS",
    "NormalisedText",
    "is_arabic_letter",
    "normalise",
    "proclitic_options",
    "strip_prefixes",
]

# Letters that are folded to another letter after decomposition. Why each one: they are
# spelling variants that writers use interchangeably, so a gazetteer name must match both.
_LETTER_TABLE = {
    "\u0671": "\u0627",  # ٱ alef wasla -> ا
    "\u0649": "\u064a",  # ى alef maqsura -> ي
    "\u0629": "\u0647",  # ة taa marbuta -> ه
    "\u06a9": "\u0643",  # ک Persian kaf -> ك
    "\u06cc": "\u064a",  # ی Persian yeh -> ي
    "\u06c0": "\u0647",  # ۀ heh with yeh above -> ه
    "\u066b": ".",  # ٫ Arabic decimal separator
    "\u066c": ",",  # ٬ Arabic thousands separator
}
for _i in range(10):
    _LETTER_TABLE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _LETTER_TABLE[chr(0x06F0 + _i)] = str(_i)  # extended (Persian/Urdu) digits

_TATWEEL = "\u0640"
_ZWSP = "\u200b"

# Letters that only ever occur at the end of a word. Text extracted from web pages sometimes
# glues two words together ("القطريةالدوحة"); after one of these letters a new word must have
# begun, so matchers treat the position after them as a word boundary.
WORD_FINAL_LETTERS = frozenset("\u0629\u0649")  # ة ى

# The single-letter proclitics: conjunctions first, then prepositions (order matters: و/ف come
# before ب/ك/ل when both are attached, as in وبإيران, ولحماس).
PROCLITICS = ("و", "ف", "ب", "ك", "ل")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ك", "ل")


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """The folded form of one original character ('' when it is dropped)."""
    if ch == _ZWSP:
        return " "
    if ch == _TATWEEL:
        return ""
    out = []
    for c in unicodedata.normalize("NFKD", ch):
        cat = unicodedata.category(c)
        if cat in {"Mn", "Cf"}:
            continue
        c = _LETTER_TABLE.get(c, c)
        out.append(c.casefold())
    return "".join(out)


def normalise(text: str) -> tuple[str, list[int]]:
    """Fold `text` for matching.

    Returns (folded, offsets) where len(offsets) == len(folded) + 1: offsets[i] is the index in
    `text` of the original character folded character i came from, and the extra last entry is
    len(text), so offsets[j] is a valid exclusive end for any folded end j. Use
    `NormalisedText.to_original` to map a folded span to an original span.
    """
    folded: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch)
        if f:
            folded.append(f)
            offsets.extend([i] * len(f))
    offsets.append(len(text))
    return "".join(folded), offsets


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The folded string only (for names, phrase lists and comparisons). Kept for the words
    and names that come back in every document: the build folds about 1,200 strings a
    document, most of them seen before. (In the server, where search text folds too, at most
    65,536 strings of at most 200 characters are kept: about 13 MB at worst.)"""
    return "".join(map(_fold_char, text))


def is_arabic_letter(ch: str) -> bool:
    """True for letters of the Arabic script blocks (base, supplement, presentation forms)."""
    if not ch.isalpha():
        return False
    o = ord(ch)
    return (
        0x0600 <= o <= 0x06FF
        or 0x0750 <= o <= 0x077F
        or 0x08A0 <= o <= 0x08FF
        or 0xFB50 <= o <= 0xFDFF
        or 0xFE70 <= o <= 0xFEFF
    )


@functools.cache  # the same tuple for every word a matcher tries
def proclitic_options() -> tuple[str, ...]:
    """Every clitic prefix a matcher may skip before an Arabic word, longest first.

    At most one conjunction followed by at most one preposition: و ف ب ك ل وب وك ول فب فك فل.
    (The empty prefix is not included; callers try the bare word first.)
    """
    opts = list(_CONJUNCTIONS) + list(_PREPOSITIONS)
    opts += [c + p for c in _CONJUNCTIONS for p in _PREPOSITIONS]
    return tuple(sorted(opts, key=lambda s: (-len(s), s)))


def strip_prefixes(
    word: str, known: set[str] | frozenset[str] | None = None
) -> list[tuple[int, str]]:
    """Ways to read `word` (already folded) as clitic prefix + stem.

    Returns a list of (prefix_length, stem), the bare reading first. When the prefix ends in ل
    and the stem starts with ل, the reading with the elided article alef restored is also given
    (للجماعات -> (1, "الجماعات")); its prefix_length still counts only the preposition, so
    word[prefix_length:] is what is present in the text. With `known`, only readings whose stem
    is in `known` are returned.
    """
    readings: list[tuple[int, str]] = [(0, word)]
    for opt in proclitic_options():
        if len(word) > len(opt) + 1 and word.startswith(opt):
            rest = word[len(opt) :]
            readings.append((len(opt), rest))
            if opt.endswith("ل") and rest.startswith("ل"):
                readings.append((len(opt), "ا" + rest))
    # Keep the order deterministic: bare word, then shorter prefixes first.
    readings = sorted(set(readings), key=lambda r: (r[0], r[1]))
    if known is not None:
        readings = [r for r in readings if r[1] in known]
    return readings


@dataclass(frozen=True)
class NormalisedText:
    """A folded copy of a text with its offset map (see `normalise`)."""

    original: str
    folded: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> NormalisedText:
        return _normalised(text)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded span [start, end) to the original span it came from.

        The end is extended over combining marks that follow the last character (harakat on
        the last letter belong to the word), but not over spaces or tatweel.
        """
        if end <= start:
            o = self.offsets[start]
            return o, o
        ostart = self.offsets[start]
        oend = self.offsets[end - 1] + 1
        text = self.original
        while oend < len(text) and unicodedata.category(text[oend]) == "Mn":
            oend += 1
        return ostart, oend

    def is_word_final(self, i: int) -> bool:
        """True if folded character i comes from a letter that only ends words (ة ى)."""
        if i < 0 or i >= len(self.folded):
            return False
        src = self.original[self.offsets[i]]
        return unicodedata.normalize("NFKC", src) in WORD_FINAL_LETTERS


@functools.lru_cache(maxsize=16)
def _normalised(text: str) -> NormalisedText:
    folded, offsets = normalise(text)
    return NormalisedText(text, folded, tuple(offsets))

"""Numbers written in words, in English and Arabic ("three hundred", "twenty-five", "خمسة",
"ثلاثمئة", "مئتين"), for amounts and counts.

`NUMBER_WORDS` is a regular expression (over folded text) for a run of number words;
`number_value` reads one. Scale words that multiply ("thousand", "million", "ألف", "مليون")
are handled by the callers, which already read them after digits; here they only count inside
a run ("three hundred", "ثلاثمئة"). Arabic duals of scales ("مليونين", "ملياري") are 2 x the
scale.
"""

from __future__ import annotations

import re

from .arabic import fold

__all__ = ["DUAL_SCALES", "NUMBER_WORDS", "number_value"]

_UNITS_EN = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a": 1,
    "an": 1,
}
_HUNDRED_EN = {"hundred": 100}
_UNITS_AR = {
    "واحد": 1,
    "واحدة": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "أربع": 4,
    "أربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثمان": 8,
    "ثماني": 8,
    "ثمانية": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "أربعون": 40,
    "أربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
_HUNDREDS_AR = {
    "مئة": 100,
    "مائة": 100,
    "مئتان": 200,
    "مئتين": 200,
    "مائتان": 200,
    "مائتين": 200,
    "مئتي": 200,
    "مائتي": 200,
    "ثلاثمئة": 300,
    "ثلاثمائة": 300,
    "أربعمئة": 400,
    "أربعمائة": 400,
    "خمسمئة": 500,
    "خمسمائة": 500,
    "ستمئة": 600,
    "ستمائة": 600,
    "سبعمئة": 700,
    "سبعمائة": 700,
    "ثمانمئة": 800,
    "ثمانمائة": 800,
    "تسعمئة": 900,
    "تسعمائة": 900,
}
# Arabic duals of scale words: two thousand, two million, two billion.
DUAL_SCALES = {
    fold(k): v
    for k, v in {
        "ألفين": 2_000,
        "ألفا": 2_000,
        "ألفان": 2_000,
        "مليونين": 2_000_000,
        "مليوني": 2_000_000,
        "مليونا": 2_000_000,
        "مليونان": 2_000_000,
        "مليارين": 2_000_000_000,
        "ملياري": 2_000_000_000,
        "مليارا": 2_000_000_000,
        "ملياران": 2_000_000_000,
    }.items()
}

_VALUES: dict[str, int] = {}
for _table in (_UNITS_EN, _HUNDRED_EN, _UNITS_AR, _HUNDREDS_AR):
    for _word, _value in _table.items():
        _VALUES[fold(_word)] = _value

_WORDS = sorted(_VALUES, key=lambda w: (-len(w), w))
_ONE = "(?:" + "|".join(re.escape(w) for w in _WORDS) + ")"
# A run: words joined by spaces, hyphens or the Arabic "و" (خمسة وعشرون).
NUMBER_WORDS = rf"{_ONE}(?:(?:\s+|-|\s+و|\s+and\s+){_ONE})*"


def number_value(words: str) -> int | None:
    """The value of a run of number words (folded), or None."""
    parts = re.findall(_ONE, words)
    if not parts:
        return None
    total, current = 0, 0
    for part in parts:
        value = _VALUES[part]
        if value == 100 and part in ("hundred",):
            current = max(current, 1) * 100
        elif value >= 100:
            current += value
        else:
            current += value
    total += current
    return total or None

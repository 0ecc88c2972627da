"""Time expressions in Arabic and English.

Matching runs on the folded text (arabic.normalise), so hamza variants, harakat, tanween and
Arabic-Indic digits need no special cases, and spans map back to exact original offsets.

Recognised, longest first (a shorter expression inside a longer one is not reported again):

date        "2023-11-30"; "7 أكتوبر 2023", "26 يناير 2006", "21 Mar 2021", "7th October 2023";
            "October 7, 2023", "Oct. 7 2023".                          value "2023-10-07"
year-month  "ديسمبر 2006", "December 2006", "كانون الأول 2006".       value "2006-12"
interval    decades: "1990s", "the 1990s" (span from the digits), "early/mid/late 1990s",
            "mid-1990s"; "الثمانينيات"/"الثمانينات", "أوائل/منتصف/أواخر التسعينيات" (20th
            century unless "من القرن الحادي والعشرين/التاسع عشر" follows);
            "العقد الأول من القرن الحادي والعشرين". value "1990/1999", begin_year/end_year
            inclusive; early = years 0-3 of the decade, mid = 4-6, late = 7-9 (approximate).
year        "1987", "2006م", "عام 2011" / "العام 2007" / "سنة 1990" (the keyword is part of
            the span; an attached clitic like ل in "لعام" is not). With a keyword, years
            1000-2199; a bare number (also with an attached و ف ب ل: "في عامي 2008 و2009")
            only counts as a year in 1800-2099 and not when a
            money or count word follows ("2000 دولار", "1200 إسرائيلي" is out of range).

Arabic month names cover the Egyptian/Gulf (يناير ...), Levantine (كانون الثاني ...) and
Maghrebi (ماي, يوليوز, غشت, شتنبر, نونبر, دجنبر) series. English months may be abbreviated.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from .arabic import NormalisedText, fold
from .spans import DateMention

__all__ = ["MONTHS", "find_dates"]

_MONTH_NAMES = {
    1: ["يناير", "كانون الثاني", "جانفي", "january", "jan"],
    2: ["فبراير", "شباط", "فيفري", "february", "feb"],
    3: ["مارس", "آذار", "march", "mar"],
    4: ["أبريل", "إبريل", "ابريل", "نيسان", "أفريل", "april", "apr"],
    5: ["مايو", "أيار", "ماي", "may"],
    6: ["يونيو", "يونيه", "حزيران", "جوان", "june", "jun"],
    7: ["يوليو", "يوليه", "تموز", "يوليوز", "جويلية", "july", "jul"],
    8: ["أغسطس", "آب", "غشت", "أوت", "august", "aug"],
    9: ["سبتمبر", "أيلول", "شتنبر", "september", "sept", "sep"],
    10: ["أكتوبر", "تشرين الأول", "october", "oct"],
    11: ["نوفمبر", "تشرين الثاني", "نونبر", "november", "nov"],
    12: ["ديسمبر", "كانون الأول", "دجنبر", "december", "dec"],
}
MONTHS: dict[str, int] = {}
for _n, _names in _MONTH_NAMES.items():
    for _name in _names:
        MONTHS[fold(_name)] = _n

# Letters and digits (folded text), for word-boundary look-arounds.
_W = r"[^\W_]"
_MONTH = (
    "(?P<month>"
    + "|".join(
        re.escape(m).replace(r"\ ", r"\s+") for m in sorted(MONTHS, key=lambda s: (-len(s), s))
    )
    + r")\.?"
)
_CLITIC = r"(?:[وفبل]{1,2}(?=\S))?"  # attached clitics, excluded from the span
_YEAR = r"(?P<year>1\d{3}|2[01]\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_LEFT = rf"(?<!{_W})(?<![\d.,/:-])"
_RIGHT = r"(?![\d]|[^\W\d_](?<!م))"  # a year may carry the Gregorian marker م

_ISO = re.compile(rf"{_LEFT}(?P<year>\d{{4}})-(?P<m>\d\d)-(?P<day>\d\d)(?!\d)")
_DMY = re.compile(rf"{_LEFT}{_DAY}\s+{_CLITIC}{_MONTH},?\s+{_YEAR}(?P<greg>م)?(?![\d]|{_W}(?<!م))")
_MDY = re.compile(rf"(?<!{_W}){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!{_W})")
_MY = re.compile(
    rf"(?<!{_W}){_CLITIC}(?P<body>{_MONTH},?\s+{_YEAR}(?P<greg>م)?)(?![\d]|{_W}(?<!م))"
)
_DECADE_EN = re.compile(
    rf"(?<!{_W})(?:(?P<mod>early|mid|late)[\s-]+)?(?P<decade>1\d{{2}}0|20\d0)'?s(?!{_W})"
)
_AR_TENS = {
    "عشرين": 2,
    "ثلاثين": 3,
    "أربعين": 4,
    "خمسين": 5,
    "ستين": 6,
    "سبعين": 7,
    "ثمانين": 8,
    "تسعين": 9,
}
_AR_MOD = {
    "أوائل": "early",
    "مطلع": "early",
    "بداية": "early",
    "بدايات": "early",
    "منتصف": "mid",
    "أواسط": "mid",
    "أواخر": "late",
    "نهاية": "late",
    "نهايات": "late",
}
_AR_CENTURY = {
    "الماضي": 1900,
    "العشرين": 1900,
    "التاسع عشر": 1800,
    "الحادي والعشرين": 2000,
    "الحالي": 2000,
}
_AR_ORDINAL = {
    "الأول": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
    "العاشر": 10,
    "الأخير": 10,
}
# The tables are written as people spell the words; match against their folded forms.
_AR_TENS, _AR_CENTURY, _AR_ORDINAL = (
    {fold(k): v for k, v in table.items()} for table in (_AR_TENS, _AR_CENTURY, _AR_ORDINAL)
)
_AR_MOD = {fold(k): v for k, v in _AR_MOD.items()}


def _alt(words: Iterable[str]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda s: (-len(s), s))
    )


# "التسعينيات من القرن الماضي", or in construct "تسعينيات القرن الماضي" (no article then).
_CENTURY = rf"(?:\s+(?:من\s+)?القرن\s+(?P<century>{_alt(_AR_CENTURY)}))?"
_DECADE_AR = re.compile(
    rf"(?<!{_W})(?:{_CLITIC}(?P<mod>{_alt(_AR_MOD)})\s+)?{_CLITIC}(?P<body>"
    rf"ال(?P<tens>{_alt(_AR_TENS)})(?:يات|ات)"
    rf"|(?P<bare>{_alt(_AR_TENS)})(?:يات|ات)(?=\s+القرن\s))"
    rf"{_CENTURY}(?!{_W})"
)
_DECADE_ORD_AR = re.compile(
    rf"(?<!{_W}){_CLITIC}(?P<body>العقد\s+(?P<ord>{_alt(_AR_ORDINAL)})\s+من\s+القرن\s+"
    rf"(?P<century>{_alt(_AR_CENTURY)}))(?!{_W})"
)
_YEAR_KEYWORD = r"(?:عام|العام|سنه|السنه)"
_YEAR_ONLY = re.compile(
    rf"(?:{_LEFT}|(?<=(?<!{_W})[وفبل]))(?:{_CLITIC}(?P<kw>{_YEAR_KEYWORD})\s+)?{_YEAR}(?P<greg>م)?"
    rf"(?![\d]|{_W}(?<!م))"
)
# A bare number followed by one of these is a quantity, not a year.
_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:دولار|مليون|مليار|الف|شخص|قتيل|مقاتل|جندي|صاروخ|million|billion|dollars|people|"
    r"fighters|rockets|soldiers|troops|killed|km|%)"
)


def _mod_range(decade: int, mod: str | None) -> tuple[int, int]:
    if mod == "early":
        return decade, decade + 3
    if mod == "mid":
        return decade + 4, decade + 6
    if mod == "late":
        return decade + 7, decade + 9
    return decade, decade + 9


def _valid(y: int, m: int, d: int | None = None) -> bool:
    try:
        datetime.date(y, m, d or 1)
    except ValueError:
        return False
    return True


def find_dates(text: str) -> tuple[DateMention, ...]:
    """All time expressions in `text`, sorted by start."""
    nt = NormalisedText.of(text)
    s = nt.folded
    found: list[tuple[int, int, DateMention]] = []  # folded spans, for overlap checks

    def take(
        fs: int,
        fe: int,
        value: str,
        precision: str,
        begin: int | None = None,
        end: int | None = None,
        approx: bool = False,
    ) -> None:
        if any(fs < e and b < fe for b, e, _ in found):
            return
        os_, oe = nt.to_original(fs, fe)
        found.append((fs, fe, DateMention(os_, oe, value, precision, begin, end, approx)))

    for m in _ISO.finditer(s):
        y, mo, d = int(m["year"]), int(m["m"]), int(m["day"])
        if _valid(y, mo, d):
            take(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", "date")
    for rx in (_DMY, _MDY):
        for m in rx.finditer(s):
            y, mo, d = int(m["year"]), MONTHS[" ".join(m["month"].split())], int(m["day"])
            if _valid(y, mo, d):
                take(m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", "date")
    for m in _MY.finditer(s):
        y, mo = int(m["year"]), MONTHS[" ".join(m["month"].split())]
        take(m.start("body"), m.end("body"), f"{y:04d}-{mo:02d}", "year-month")
    for m in _DECADE_EN.finditer(s):
        b, e = _mod_range(int(m["decade"]), m["mod"])
        take(m.start(), m.end(), f"{b}/{e}", "interval", b, e, bool(m["mod"]))
    for m in _DECADE_ORD_AR.finditer(s):
        base = _AR_CENTURY[" ".join(m["century"].split())]
        b = base + (_AR_ORDINAL[m["ord"]] - 1) * 10
        take(m.start("body"), m.end("body"), f"{b}/{b + 9}", "interval", b, b + 9)
    for m in _DECADE_AR.finditer(s):
        base = _AR_CENTURY[" ".join(m["century"].split())] if m["century"] else 1900
        mod = _AR_MOD[m["mod"]] if m["mod"] else None
        b, e = _mod_range(base + _AR_TENS[m["tens"] or m["bare"]] * 10, mod)
        start = m.start("mod") if m["mod"] else m.start("body")
        take(start, m.end(), f"{b}/{e}", "interval", b, e, bool(mod))
    for m in _YEAR_ONLY.finditer(s):
        if not m["kw"] and (
            not 1800 <= int(m["year"]) <= 2099 or _NOT_A_YEAR_AFTER.match(s, m.end())
        ):
            continue
        start = m.start("kw") if m["kw"] else m.start("year")
        take(start, m.end(), m["year"], "year")
    return tuple(sorted(d for _, _, d in found))

"""Money amounts in Arabic and English.

Matching runs on the folded text (arabic.normalise): tanween, hamza and Arabic-Indic digits
need no special cases ("سنويًا" folds to "سنويا", "١٠٠" to "100").

An amount phrase is: [qualifier] number [scale] currency [rate], or a vague quantity
("tens of millions of dollars", "عشرات الملايين من الدولارات"). The span covers the whole
phrase as written, from the qualifier to the rate, without an attached clitic ("بنحو" -> the
span starts at "نحو").

number     digits with "," thousands and "." decimals ("1,200", "1.5"), or "$100"; or number
           words ("two", "three hundred", "خمسة", "ثلاثمئة": numbers.py).
scale      thousand/million/billion (k, m, mn, bn), ألف/آلاف, مليون/ملايين, مليار/مليارات/بليون.
currency   dollar(s)/USD/$/US$ and دولار/دولارا/دولارات (-> USD), euro(s)/€/يورو (EUR),
           pound(s) sterling/£/جنيه إسترليني (GBP).
qualifier  approximate: about, around, approximately, roughly, nearly, almost, some, an
           estimated, حوالي, نحو, قرابة, ما يقارب, ما يقرب من, زهاء, تقريبا (after);
           upper bound (maximum only): up to, as much as, as many as, less than, under,
           ما يصل إلى, حتى, أقل من; lower bound (minimum only): more than, over, at least,
           أكثر من, ما يزيد عن/على, ما لا يقل عن.
rate       per-year: annually, a year, per year, each/every year, per annum, yearly, سنويا,
           في العام / في السنة (not when a year number follows: "في العام 2020"), كل عام,
           كل سنة; per-month: monthly, a month, per month, شهريا. None otherwise (one-off).
range      two numbers joined by -, –, to, and, و, إلى, after an optional between/from/بين/من
           ("US$50–100 million", "between $100 million and $200 million", "بين 50 و100 مليون
           دولار"): minimum and maximum; a scale or currency written once applies to both.
dual       "مليوني دولار", "ملياري دولار": two million, two billion; a scale word with no number
           ("a million dollars", "مليون دولار") is one of it.
order      the currency written twice around the scale, "250 دولاراً مليون دولار" (a slip of the
           pen in a source), is read as 250 million dollars, not 250.
vague      tens/dozens of X, hundreds of X, X-s of dollars, with X thousand/million/billion:
           "tens of millions" -> 10,000,000..99,999,999, "hundreds of millions" ->
           100,000,000..999,999,999, "millions of dollars" -> 1,000,000..999,999,999; always
           approximate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import TypedDict, Unpack

from .arabic import NormalisedText, fold
from .numbers import DUAL_SCALES, NUMBER_WORDS, number_value
from .spans import AmountMention

__all__ = ["find_amounts"]

_W = r"[^\W_]"


def _alt(words: Iterable[str]) -> str:
    folded = sorted({fold(w) for w in words}, key=lambda s: (-len(s), s))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in folded)


_APPROX = [
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "estimated",
    "حوالي",
    "حوالى",
    "نحو",
    "قرابة",
    "ما يقارب",
    "ما يقرب من",
    "زهاء",
]
_UPPER = [
    "up to",
    "as much as",
    "as many as",
    "less than",
    "under",
    "ما يصل إلى",
    "ما يصل الى",
    "حتى",
    "أقل من",
]
_LOWER = ["more than", "over", "at least", "أكثر من", "ما يزيد عن", "ما يزيد على", "ما لا يقل عن"]
_QUALIFIERS = {fold(w): "approx" for w in _APPROX}
_QUALIFIERS.update({fold(w): "upper" for w in _UPPER})
_QUALIFIERS.update({fold(w): "lower" for w in _LOWER})

_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "الف": 10**3,
    "آلاف": 10**3,
    "ألف": 10**3,
    "مليون": 10**6,
    "ملايين": 10**6,
    "مليار": 10**9,
    "مليارات": 10**9,
    "بليون": 10**9,
}
_SCALES = {fold(k): v for k, v in _SCALES.items()}
_CURRENCY_WORDS = {
    "dollars": "USD",
    "dollar": "USD",
    "us dollars": "USD",
    "usd": "USD",
    "دولار": "USD",
    "دولارا": "USD",
    "دولارات": "USD",
    "دولار أمريكي": "USD",
    "دولار امريكي": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "يورو": "EUR",
    "pounds sterling": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
    "جنيه إسترليني": "GBP",
}
_CURRENCY_WORDS = {fold(k): v for k, v in _CURRENCY_WORDS.items()}
_SYMBOLS = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
_PER_YEAR = [
    "annually",
    "a year",
    "per year",
    "each year",
    "every year",
    "per annum",
    "yearly",
    "سنويا",
    "في العام",
    "في السنة",
    "كل عام",
    "كل سنة",
    "بالسنة",
]
_PER_MONTH = [
    "monthly",
    "a month",
    "per month",
    "each month",
    "every month",
    "شهريا",
    "في الشهر",
    "كل شهر",
]
_RATES = {fold(w): "per-year" for w in _PER_YEAR}
_RATES.update({fold(w): "per-month" for w in _PER_MONTH})

_CLITIC = r"(?:[وفب](?=\S))?"
_QUAL = rf"(?:{_CLITIC}(?P<qual>{_alt(_QUALIFIERS)})\s+)?"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = rf"(?P<num>{_DIGITS}|(?<!{_W})(?:{NUMBER_WORDS})(?!{_W}))"
_SCALE = rf"(?:\s*(?P<scale>{_alt(_SCALES)})(?!{_W}))?"
_RATE = (
    rf"(?:\s+(?P<rate>{_alt(_RATES)})(?!{_W})(?!\s*\d)"
    r"(?!\s+(?:ago|later|earlier|before|after|الماضي|المقبل|القادم))(?:\s+تقريبا)?)?"
)
_AMOUNT_SYMBOL = re.compile(
    rf"(?<!{_W}){_QUAL}(?P<sym>us\$|\$|€|£)\s?{_NUM}{_SCALE}"
    rf"(?:\s+(?P<cur>{_alt(_CURRENCY_WORDS)})(?!{_W}))?{_RATE}"
)
_AMOUNT_WORD = re.compile(
    rf"(?<!{_W}){_QUAL}{_NUM}{_SCALE}\s*(?P<cur>{_alt(_CURRENCY_WORDS)})(?!{_W})"
    rf"(?P<approx_after>\s+تقريبا)?{_RATE}"
)
_CUR = _alt(_CURRENCY_WORDS)
_SCALE_ALT = _alt(_SCALES)
_RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+(?:to|and|و|إلى|الى)\s*)"
_AMOUNT_RANGE = re.compile(
    rf"(?<!{_W}){_QUAL}(?:(?:between|from|بين|من)\s+)?(?P<sym>us\$|\$|€|£)?\s?"
    rf"(?P<num>{_DIGITS})(?:\s*(?P<scale>{_SCALE_ALT})(?!{_W}))?(?:\s*(?P<cur1>{_CUR})(?!{_W}))?"
    rf"{_RANGE_JOIN}(?:us\$|\$|€|£)?\s?(?P<num2>{_DIGITS})\s*(?P<scale2>{_SCALE_ALT})?"
    rf"(?!{_W})(?:\s*(?P<cur>{_CUR})(?!{_W}))?{_RATE}"
)
# "250 دولاراً مليون دولار": the currency on both sides of the scale.
_AMOUNT_SPLIT = re.compile(
    rf"(?<!{_W}){_QUAL}(?P<num>{_DIGITS})\s*(?P<cur1>{_CUR})(?!{_W})\s+(?P<scale>{_SCALE_ALT})"
    rf"(?!{_W})\s*(?P<cur>{_CUR})(?!{_W}){_RATE}"
)
# "مليوني دولار" (two million dollars), "a million dollars", "مليون دولار".
_AMOUNT_SCALE_ONLY = re.compile(
    rf"(?<!\d\s)(?<!{_W}){_QUAL}(?:(?P<dual>{_alt(DUAL_SCALES)})|(?P<scale>million|billion|"
    rf"{_alt(['مليون', 'مليار'])}))(?!{_W})\s*(?:us\s+)?(?P<cur>{_CUR})(?!{_W}){_RATE}"
)
# Vague quantities.
_VAGUE_EN = re.compile(
    rf"(?<!{_W}){_QUAL}(?:(?P<mult>tens|dozens|hundreds)\s+of\s+)?"
    rf"(?P<unit>thousands|millions|billions)\s+of\s+(?:us\s+)?(?P<cur>dollars|euros){_RATE}"
)
_VAGUE_UNIT = {
    fold(k): v
    for k, v in {
        "thousands": 10**3,
        "millions": 10**6,
        "billions": 10**9,
        "آلاف": 10**3,
        "ملايين": 10**6,
        "مليارات": 10**9,
    }.items()
}
_VAGUE_MULT: dict[str | None, tuple[int, int]] = {None: (1, 999)}
_VAGUE_MULT.update(
    {
        fold(k): v
        for k, v in {
            "tens": (10, 99),
            "dozens": (10, 99),
            "hundreds": (100, 999),
            "عشرات": (10, 99),
            "مئات": (100, 999),
        }.items()
    }
)
_VAGUE_CUR = {
    fold(k): v
    for k, v in {"dollars": "USD", "euros": "EUR", "دولارات": "USD", "يورو": "EUR"}.items()
}
_AR_MULT = _alt(["عشرات", "مئات"])
_AR_UNIT = _alt(["آلاف", "ملايين", "مليارات"])
_AR_CUR = _alt(["دولارات", "يورو"])
_VAGUE_AR = re.compile(
    rf"(?<!{_W}){_QUAL}(?:{_CLITIC}(?P<mult>{_AR_MULT})\s+)?{_CLITIC}(?P<ustart>(?:ال)?"
    rf"(?P<unit>{_AR_UNIT}))\s+(?:من\s+)?(?:ال)?(?P<cur>{_AR_CUR}){_RATE}"
)


def _number(num: str, scale: str | None) -> int | None:
    try:
        value = Decimal(num.replace(",", ""))
    except InvalidOperation:
        words = number_value(num)
        if words is None:
            return None
        value = Decimal(words)
    if scale:
        value *= _SCALES[" ".join(scale.split())]
    return int(value)


def _shape(value: int, qual: str | None) -> tuple[int | None, int | None, int | None, bool]:
    kind = _QUALIFIERS.get(" ".join(qual.split())) if qual else None
    if kind == "upper":
        return None, None, value, False
    if kind == "lower":
        return None, value, None, False
    return value, None, None, kind == "approx"


class _Fields(TypedDict):
    """An amount's fields other than where it is and its rate."""

    value: int | None
    minimum: int | None
    maximum: int | None
    currency: str
    approximate: bool


def find_amounts(text: str) -> tuple[AmountMention, ...]:
    """All money amounts in `text`, sorted by start."""
    nt = NormalisedText.of(text)
    s = nt.folded
    found: list[tuple[int, int, AmountMention]] = []

    def take(m: re.Match[str], **fields: Unpack[_Fields]) -> None:
        # The span starts at the first word of the phrase, after any attached clitic.
        groups = m.groupdict()
        first = next((g for g in ("qual", "mult", "ustart") if groups.get(g)), None)
        fs = m.start(first) if first else m.start()
        fe = m.end()
        if any(fs < e and b < fe for b, e, _ in found):
            return
        os_, oe = nt.to_original(fs, fe)
        rate = _RATES.get(" ".join(m["rate"].split())) if m["rate"] else None
        found.append((fs, fe, AmountMention(os_, oe, rate=rate, **fields)))

    for m in _AMOUNT_SPLIT.finditer(s):
        amount = _number(m["num"], m["scale"])
        if amount is not None:
            value, lo, hi, approx = _shape(amount, m["qual"])
            currency = _CURRENCY_WORDS[" ".join(m["cur"].split())]
            take(m, value=value, minimum=lo, maximum=hi, currency=currency, approximate=approx)
    for m in _AMOUNT_RANGE.finditer(s):
        if not (m["sym"] or m["cur"] or m["cur1"]):
            continue
        lower = _number(m["num"], m["scale"] or m["scale2"])
        upper = _number(m["num2"], m["scale2"] or m["scale"])
        if lower is None or upper is None or lower >= upper:
            continue
        if m["sym"]:
            currency = _SYMBOLS[m["sym"]]
        else:
            currency = _CURRENCY_WORDS[" ".join((m["cur"] or m["cur1"]).split())]
        approx = bool(m["qual"]) and _QUALIFIERS.get(" ".join(m["qual"].split())) == "approx"
        take(m, value=None, minimum=lower, maximum=upper, currency=currency, approximate=approx)
    for rx in (_AMOUNT_SYMBOL, _AMOUNT_WORD):
        for m in rx.finditer(s):
            amount = _number(m["num"], m["scale"])
            if amount is None:
                continue
            value, lo, hi, approx = _shape(amount, m["qual"])
            # "تقريبا" ("approximately") may follow the amount or its rate.
            approx = approx or "تقريبا" in m.group(0)
            if "sym" in m.groupdict() and m["sym"]:
                currency = _SYMBOLS[m["sym"]]
            else:
                currency = _CURRENCY_WORDS[" ".join(m["cur"].split())]
            take(m, value=value, minimum=lo, maximum=hi, currency=currency, approximate=approx)
    for m in _AMOUNT_SCALE_ONLY.finditer(s):
        if m["dual"]:
            amount = DUAL_SCALES[m["dual"]]
        else:
            amount = _SCALES[m["scale"]]
        value, lo, hi, approx = _shape(amount, m["qual"])
        currency = _CURRENCY_WORDS[" ".join(m["cur"].split())]
        take(m, value=value, minimum=lo, maximum=hi, currency=currency, approximate=approx)
    for rx in (_VAGUE_EN, _VAGUE_AR):
        for m in rx.finditer(s):
            unit = _VAGUE_UNIT[m["unit"]]
            lo_mult, hi_mult = _VAGUE_MULT[m["mult"]]
            lo, hi = lo_mult * unit, (hi_mult + 1) * unit - 1
            take(
                m,
                value=None,
                minimum=lo,
                maximum=hi,
                currency=_VAGUE_CUR[m["cur"]],
                approximate=True,
            )
    return tuple(sorted(a for _, _, a in found))

"""Words written around a name: a person's titles, the nouns for an individual ("a senior
official"), the generic heads before an organisation's name ("حركة حماس").
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.arabic import AR_AGENT_NOUNS
from publisher.textlayer.arabic import fold

TITLE_GAP = 4  # words between an organisation and the person it qualifies
# Head nouns written before a name ("حركة حماس", "جماعة الحوثي").
AR_GENERIC_HEADS = frozenset(
    fold(w) for w in ("حركة", "جماعة", "منظمة", "تنظيم", "فصيل", "ميليشيا", "دولة", "حكومة", "حزب")
)


EN_INDIVIDUALS = frozenset(
    (
        "operative",
        "official",
        "leader",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "member",
        "militant",
        "fighter",
        "representative",
        "envoy",
        "minister",
        "figure",
        "chief",
        "head",
        "founder",
        "cofounder",
        "co-founder",
        "activist",
        "source",
    )
)
_TITLE_WORDS = frozenset(
    fold(w)
    for w in (
        "رئيس",
        "الرئيس",
        "زعيم",
        "الزعيم",
        "قائد",
        "القائد",
        "أمين",
        "الأمين",
        "العام",
        "نائب",
        "وزير",
        "المتحدث",
        "باسم",
        "السياسي",
        "المكتب",
        "السابق",
        "آنذاك",
        "الشيخ",
        "القيادي",
        "مسؤول",
        "المسؤول",
        "ممثل",
        "عضو",
        "الأعلى",
        "العسكري",
    )
)


# Words of English titles written before a person's name ("presidential spokesman").
EN_TITLE_WORDS = frozenset(
    (
        "presidential",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "intelligence",
        "chief",
        "head",
        "director",
        "adviser",
        "advisor",
        "secretary",
        "envoy",
        "ambassador",
        "commander",
        "leader",
        "senior",
        "official",
        "general",
    )
)


def is_title(low: str, language: str) -> bool:
    """Whether a folded word may stand between an organisation and the person it qualifies (in
    English any word may)."""
    if language != "ar":
        return True
    if low in _TITLE_WORDS or low in AR_AGENT_NOUNS:  # "وزير", "وفد": their و is no "and"
        return True
    bare = low[1:] if low[:1] == "و" and len(low) > 3 else low
    return bare in _TITLE_WORDS or bare in AR_AGENT_NOUNS

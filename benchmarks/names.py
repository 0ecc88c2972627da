"""Bilingual building blocks of the synthetic corpus: names and sentence templates.

Every name and phrase comes in English and Arabic, so that a generated actor has the two
names the shapes require and a generated document reads in its own language. Names are made
from paired syllables, which gives thousands of distinct, pronounceable names that the
gazetteer of the text layer finds again in the text.
"""

from __future__ import annotations

import random

SYLLABLES = [
    ("Kar", "كار"),
    ("Mal", "مال"),
    ("Ras", "راس"),
    ("Tar", "طار"),
    ("Nas", "ناص"),
    ("Had", "هاد"),
    ("Zah", "زاه"),
    ("Baq", "باق"),
    ("Sal", "سال"),
    ("Far", "فار"),
    ("Jab", "جاب"),
    ("Dar", "دار"),
    ("Wad", "واد"),
    ("Qam", "قام"),
    ("Lub", "لوب"),
    ("Mir", "مير"),
    ("Sun", "سون"),
    ("Tal", "تال"),
    ("Kam", "كام"),
    ("Rim", "ريم"),
]
ENDINGS = [("an", "ان"), ("in", "ين"), ("un", "ون"), ("is", "يس"), ("at", "ات"), ("ur", "ور")]

FIRST_NAMES = [
    ("Khalid", "خالد"),
    ("Omar", "عمر"),
    ("Yusuf", "يوسف"),
    ("Samir", "سمير"),
    ("Tariq", "طارق"),
    ("Walid", "وليد"),
    ("Nabil", "نبيل"),
    ("Karim", "كريم"),
    ("Hassan", "حسن"),
    ("Ziad", "زياد"),
    ("Majid", "ماجد"),
    ("Fadi", "فادي"),
    ("Rami", "رامي"),
    ("Adel", "عادل"),
    ("Bassam", "بسام"),
]

MONTHS = [
    ("January", "يناير"),
    ("February", "فبراير"),
    ("March", "مارس"),
    ("April", "أبريل"),
    ("May", "مايو"),
    ("June", "يونيو"),
    ("July", "يوليو"),
    ("August", "أغسطس"),
    ("September", "سبتمبر"),
    ("October", "أكتوبر"),
    ("November", "نوفمبر"),
    ("December", "ديسمبر"),
]

# Kinds of generated actors: (actor type, English pattern, Arabic pattern).
ORGANISATION_PATTERNS = [
    ("{x} Movement", "حركة {x}"),
    ("{x} Front", "جبهة {x}"),
    ("{x} Resistance Committees", "لجان مقاومة {x}"),
    ("{x} Popular Army", "جيش {x} الشعبي"),
]
ARMED_WING_PATTERNS = [("{x} Brigades", "كتائب {x}"), ("{x} Battalions", "سرايا {x}")]
STATE_PATTERNS = [("Republic of {x}", "جمهورية {x}"), ("Kingdom of {x}", "مملكة {x}")]
MEDIA_PATTERNS = [("{x} News Agency", "وكالة أنباء {x}"), ("{x} Times", "صحيفة {x} تايمز")]
PLACE_PATTERN = ("{x} City", "مدينة {x}")


class NameMaker:
    """Distinct bilingual names from a seeded random source."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def root(self) -> tuple[str, str]:
        """A new two- or three-syllable root such as ("Karmalan", "كارمالان")."""
        while True:
            parts = [self.rng.choice(SYLLABLES) for _ in range(self.rng.choice((2, 2, 3)))]
            ending = self.rng.choice(ENDINGS)
            en = "".join(p[0] for p in parts) + ending[0]
            en = en[0] + en[1:].lower()
            if en not in self.used:
                self.used.add(en)
                return en, "".join(p[1] for p in parts) + ending[1]

    def patterned(self, patterns) -> tuple[str, str]:
        en, ar = self.rng.choice(patterns)
        x_en, x_ar = self.root()
        return en.format(x=x_en), ar.format(x=x_ar)

    def person(self) -> tuple[str, str]:
        first_en, first_ar = self.rng.choice(FIRST_NAMES)
        x_en, x_ar = self.root()
        return f"{first_en} al-{x_en}", f"{first_ar} ال{x_ar}"


def ident(english: str) -> str:
    """The id of a name: lower-case words joined by hyphens."""
    word = "".join(c.lower() if c.isalnum() else " " for c in english)
    return "-".join(word.split())


# Claim sentences: relation -> (English, Arabic) templates of the quoted clause. {s} and {o}
# are the names of subject and object; {amount}, {when}, {place} are filled when present.
CLAIM_TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "financial-support": [
        ("{s} provided {o} with {amount}{when}", "قدمت {s} إلى {o} {amount}{when}"),
        ("{s} transferred {amount} to {o}{when}", "حولت {s} {amount} إلى {o}{when}"),
    ],
    "weapons-supply": [
        (
            "{s} supplied {o} with rockets and drones{when}",
            "زودت {s} {o} بالصواريخ والطائرات المسيرة{when}",
        ),
    ],
    "military-support": [
        ("{s} gave military support to {o}{when}", "قدمت {s} دعما عسكريا إلى {o}{when}"),
    ],
    "training": [
        ("{s} trained fighters of {o}{place}{when}", "دربت {s} مقاتلين من {o}{place}{when}"),
    ],
    "political-support": [
        ("{s} declared its support for {o}{when}", "أعلنت {s} دعمها لـ {o}{when}"),
    ],
    "pledge": [
        ("{s} pledged to keep supporting {o}{when}", "تعهدت {s} بمواصلة دعم {o}{when}"),
    ],
    "meeting": [
        ("{s} met leaders of {o}{place}{when}", "التقى {s} قادة {o}{place}{when}"),
    ],
    "visit": [
        ("{s} visited {o}{when}", "زار {s} {o}{when}"),
    ],
    "condemnation": [
        ("{s} condemned {o}{when}", "أدانت {s} {o}{when}"),
    ],
    "diplomatic-relations": [
        (
            "{s} kept diplomatic relations with {o}{when}",
            "حافظت {s} على علاقات دبلوماسية مع {o}{when}",
        ),
    ],
    "hosting": [
        ("{s} hosted the leadership of {o}{place}{when}", "استضافت {s} قيادة {o}{place}{when}"),
    ],
    "rift": [
        ("relations between {s} and {o} broke down{when}", "تدهورت العلاقات بين {s} و{o}{when}"),
    ],
    "reconciliation": [
        ("{s} and {o} reconciled{when}", "تصالحت {s} مع {o}{when}"),
    ],
    "suspension-of-support": [
        ("{s} suspended its support to {o}{when}", "علقت {s} دعمها لـ {o}{when}"),
    ],
    "terrorist-designation": [
        ("{s} designated {o} a terrorist organisation{when}", "صنفت {s} {o} منظمة إرهابية{when}"),
    ],
}
DENIED_TEMPLATES = {
    "financial-support": (
        "{s} denied giving any money to {o}{when}",
        "نفت {s} تقديم أي أموال إلى {o}{when}",
    ),
    "weapons-supply": (
        "{s} denied supplying {o} with weapons{when}",
        "نفت {s} تزويد {o} بالأسلحة{when}",
    ),
    "training": ("{s} denied training fighters of {o}{when}", "نفت {s} تدريب مقاتلين من {o}{when}"),
}
HEDGES = ("reportedly ", "يقال إن ")
ATTRIBUTION_TAIL = (", according to {a}", "، بحسب {a}")
QUOTED_TAIL = (", {a} said", "، كما قال {a}")
FILLERS = [
    ("The situation in {p} remained tense throughout {y}.", "ظل الوضع في {p} متوترا طوال عام {y}."),
    (
        "Observers in {p} expect further talks before the end of {y}.",
        "يتوقع مراقبون في {p} مزيدا من المحادثات قبل نهاية عام {y}.",
    ),
    (
        "Analysts note that {a} has changed its position several times since {y}.",
        "يشير محللون إلى أن {a} غيرت موقفها مرات عدة منذ عام {y}.",
    ),
    (
        "The talks in {p} covered the border crossings and the reconstruction.",
        "تناولت المحادثات في {p} المعابر الحدودية وإعادة الإعمار.",
    ),
    (
        "On {d} {m} {y} a delegation of {a} arrived in {p}.",
        "في {d} {m} {y} وصل وفد من {a} إلى {p}.",
    ),
]
REFERENCES_HEADING = ("References[edit]", "المراجع[عدل]")
NEWS_FOOTER = ("Share this article", "شارك هذا المقال")

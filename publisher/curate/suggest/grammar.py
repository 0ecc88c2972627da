"""The function words the drafter reads roles by, per language: prepositions, pronouns,
relative pronouns, subordinators, auxiliaries, transfer verbs and the nouns that stand for an
actor ("the group", "الحركة", "officials in Tehran").

This is grammar, not a lexicon of cues: closed word classes of English and Arabic, written from
the grammar of each language. Every entry is folded (publisher.textlayer.arabic.fold) when it
is used. The relation cues are data (data/lexicon/cues.yaml).
"""

from __future__ import annotations

from publisher.textlayer.arabic import fold


def _folded(*words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


# --- English ------------------------------------------------------------------------------------

# Prepositions that mark an actor's role in a clause (and those that mark time or place).
EN_ROLE_PREPOSITIONS = _folded(
    "to",
    "for",
    "with",
    "from",
    "by",
    "of",
    "toward",
    "towards",
    "against",
    "alongside",
    "between",
    "among",
    "including",
    "into",
    "via",
    "through",
    "in",
    "at",
    "on",
    "inside",
    "within",
    "during",
    "after",
    "before",
    "since",
    "until",
    "over",
    "about",
    "behind",
    "like",
    "than",
    "under",
    "across",
    "throughout",
    "near",
    "outside",
    "as",
)
EN_PLACE_PREPOSITIONS = _folded(
    "in", "at", "inside", "within", "throughout", "across", "near", "outside", "on"
)
EN_BE = _folded("is", "are", "was", "were", "be", "been", "being", "am")
EN_HAVE = _folded("has", "have", "had", "having")
EN_DETERMINERS = _folded(
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "some",
    "most",
    "much",
    "many",
    "all",
    "both",
    "each",
    "several",
    "other",
    "new",
    "more",
)
# Words that open a clause of their own.
EN_SUBORDINATORS = _folded(
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "when",
    "while",
    "where",
    "because",
    "although",
    "though",
    "but",
    "whereas",
    "if",
    "unless",
    "since",
    "once",
    "so",
)
EN_RELATIVES = _folded("which", "who", "whom", "whose", "that")
EN_COORDINATORS = _folded("and", "or", "as well as", "along with", "together with", "nor")
# Personal pronouns that can stand for an actor, by number.
EN_PRONOUNS_SINGULAR = _folded("it", "its", "he", "his", "him", "she", "her")
EN_PRONOUNS_PERSON = _folded("he", "his", "him", "she", "her")
EN_PRONOUNS_PLURAL = _folded("they", "their", "them")
# Definite descriptions that stand for an actor named before, with the actor types they fit.
EN_ANAPHORS: dict[str, frozenset[str]] = {
    fold(k): frozenset(v)
    for k, v in {
        "the group": ("organisation", "armed-wing", "collective"),
        "the movement": ("organisation",),
        "the organisation": ("organisation",),
        "the organization": ("organisation",),
        "the militia": ("organisation", "armed-wing"),
        "the party": ("organisation",),
        "the country": ("state",),
        "the state": ("state",),
        "the kingdom": ("state",),
        "the republic": ("state",),
        "the islamic republic": ("state",),
        "the regime": ("government-body", "state"),
        "the government": ("government-body", "state"),
        "the delegation": ("organisation", "state", "government-body", "collective"),
        "the agency": ("media", "government-body"),
        "the newspaper": ("media",),
        "the paper": ("media",),
        "the channel": ("media",),
        "the site": ("media",),
        "the axis": ("collective",),
        "the alliance": ("collective",),
        "the coalition": ("collective",),
        "these groups": ("collective",),
        "these organizations": ("collective",),
        "these organisations": ("collective",),
    }.items()
}
# Nouns for people or bodies acting for an actor: "officials in Tehran", "Iranian advisors",
# "Hamas leaders", "a delegation of Hezbollah".
EN_AGENT_NOUNS = _folded(
    "official",
    "officials",
    "authorities",
    "leader",
    "leaders",
    "leadership",
    "government",
    "governments",
    "delegation",
    "delegations",
    "representative",
    "representatives",
    "envoy",
    "envoys",
    "diplomats",
    "advisors",
    "advisers",
    "forces",
    "troops",
    "military",
    "regime",
    "administration",
    "ministry",
    "spokesman",
    "spokesperson",
    "commanders",
    "members",
    "operatives",
    "militants",
    "fighters",
    "agents",
    "president",
    "minister",
    "state",
)
EN_GOVERNMENT_NOUNS = _folded(
    "government",
    "governments",
    "authorities",
    "regime",
    "administration",
    "officials",
    "leaders",
    "leadership",
)
# Verbs that carry a noun cue to a recipient: "provided Hamas with funds", "sent weapons to".
EN_TRANSFER_VERBS = _folded(
    "provide",
    "provides",
    "provided",
    "providing",
    "supply",
    "supplies",
    "supplied",
    "supplying",
    "give",
    "gives",
    "gave",
    "given",
    "giving",
    "send",
    "sends",
    "sent",
    "sending",
    "deliver",
    "delivers",
    "delivered",
    "delivering",
    "transfer",
    "transfers",
    "transferred",
    "transferring",
    "channel",
    "channels",
    "channelled",
    "channeled",
    "allocate",
    "allocated",
    "allocates",
    "grant",
    "granted",
    "grants",
    "offer",
    "offered",
    "offers",
    "extend",
    "extended",
    "extends",
    "equip",
    "equipped",
    "equips",
    "pay",
    "paid",
    "pays",
    "ship",
    "shipped",
    "smuggle",
    "smuggled",
)
# Verbs of holding a view: "X considers Y a terrorist group" (X is the source), "Y is
# considered" (a hedge).
EN_CONSIDER = _folded("consider", "considers", "considered", "regard", "regards", "regarded")
# "X rejected the claims": the previous claim, denied by X.
EN_DENIAL_OBJECTS = _folded(
    "claim",
    "claims",
    "report",
    "reports",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "charge",
    "charges",
    "story",
)
EN_DENIAL_VERBS = _folded(
    "denied",
    "denies",
    "deny",
    "rejected",
    "rejects",
    "reject",
    "dismissed",
    "dismisses",
    "dismiss",
    "refuted",
    "refutes",
    "disputed",
    "disputes",
)
# Words that introduce the purpose of money ("$50 million for weapons"): cues inside such a
# phrase name what the money is for, not another relation.
EN_PURPOSE = _folded("for", "to buy", "to pay for", "to fund", "to finance")

# --- Arabic -------------------------------------------------------------------------------------

AR_PREPOSITIONS = _folded(
    "إلى",
    "الى",
    "من",
    "مع",
    "على",
    "عن",
    "في",
    "لدى",
    "بين",
    "عبر",
    "نحو",
    "باتجاه",
    "ضد",
    "حول",
    "تجاه",
    "لصالح",
    "بحق",
    "خلال",
    "منذ",
    "حتى",
    "عند",
    "بعد",
    "قبل",
    "إزاء",
    "ازاء",
)
AR_PLACE_PREPOSITIONS = _folded("في", "داخل", "بـ")
# Attached prepositions (written on the word: لحماس, بإيران, كإيران).
AR_ATTACHED = ("ل", "ب", "ك")
AR_RELATIVES = _folded(
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي", "اللائي"
)
AR_RELATIVES_DUAL = _folded("اللذين", "اللتين", "اللذان", "اللتان")
AR_COMPLEMENTIZERS = _folded("أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها")
AR_SUBORDINATORS = (
    _folded(
        "عندما",
        "حيث",
        "بعدما",
        "بينما",
        "لأن",
        "كي",
        "لكي",
        "حين",
        "حينما",
        "إذ",
        "كما",
        "لكن",
        "ولكن",
        "غير أن",
        "إلا أن",
        "رغم",
        "بسبب",
        "فيما",
    )
    | AR_RELATIVES
    | AR_COMPLEMENTIZERS
)
AR_COPULAS = _folded("تعد", "يعد", "تعتبر", "يعتبر", "كانت", "كان", "أصبحت", "أصبح", "باتت", "بات")
# Pronouns attached to a word: -ه -ها (singular), -هما (dual), -هم -هن (plural).
AR_SUFFIXES = (
    ("هما", "dual"),
    ("هم", "plural"),
    ("هن", "plural"),
    ("ها", "singular"),
    ("ه", "singular"),
)
# Definite descriptions that stand for an actor named before, with the actor types they fit.
AR_ANAPHORS: dict[str, frozenset[str]] = {
    fold(k): frozenset(v)
    for k, v in {
        "الحركة": ("organisation",),
        "الحزب": ("organisation",),
        "الجماعة": ("organisation", "collective"),
        "التنظيم": ("organisation",),
        "الفصيل": ("organisation",),
        "المنظمة": ("organisation",),
        "الميليشيا": ("organisation", "armed-wing"),
        "الحكومة": ("government-body", "state"),
        "النظام": ("government-body", "state"),
        "الدولة": ("state",),
        "البلد": ("state",),
        "البلاد": ("state",),
        "المملكة": ("state",),
        "الجمهورية": ("state",),
        "الوفد": ("organisation", "state", "government-body", "collective"),
        "الوكالة": ("media", "government-body"),
        "الصحيفة": ("media",),
        "القناة": ("media",),
        "التحالف": ("collective",),
        "المحور": ("collective",),
        "الائتلاف": ("collective",),
        "هذه الجماعات": ("collective",),
        "هذه الفصائل": ("collective",),
        "هذه المنظمات": ("collective",),
    }.items()
}
# Prepositions with an attached pronoun: "لهم" (to them), "معه" (with him).
AR_PREPOSITION_PRONOUNS = {
    fold(p + suffix): (fold(p if p != "إلي" else "إلى"), number)
    for p in ("ل", "إلي", "مع", "عن", "علي", "ب", "من")
    for suffix, number in (("هما", "dual"), ("هم", "plural"), ("ها", "singular"), ("ه", "singular"))
}
# Verbs that begin with the letters of an attached preposition (ب، ل): not "to X", "with X".
AR_B_VERBS = _folded(
    "بدأ",
    "بدأت",
    "بدأوا",
    "بدا",
    "بدت",
    "بحث",
    "بحثت",
    "بحثا",
    "بعث",
    "بعثت",
    "بلغ",
    "بلغت",
    "بقي",
    "بقيت",
    "بات",
    "باتت",
    "باع",
    "باعت",
    "بنى",
    "بنت",
    "بادر",
    "بادرت",
    "بارك",
    "باركت",
    "لقي",
    "لقيت",
    "لجأ",
    "لجأت",
    "لعب",
    "لعبت",
    "لفت",
    "لفتت",
    "لوح",
    "لوحت",
)
# Things a demonym after them makes a state's ("صواريخ إيرانية": Iranian missiles).
AR_DEMONYM_HEADS = _folded(
    "صواريخ",
    "أسلحة",
    "سلاح",
    "طائرات",
    "مسيرات",
    "قوات",
    "أموال",
    "خبراء",
    "مستشارين",
    "مسؤولين",
    "مسؤولون",
    "المسؤولين",
    "قادة",
    "دبلوماسيين",
    "ضباط",
    "جنود",
    "عناصر",
)
# Nouns for people or bodies acting for an actor: "مسؤولون في طهران", "وفد من حماس".
AR_AGENT_NOUNS = _folded(
    "مسؤول",
    "مسؤولون",
    "مسؤولين",
    "المسؤولين",
    "المسؤولون",
    "قادة",
    "القادة",
    "قيادة",
    "القيادة",
    "وفد",
    "الوفد",
    "وفدا",
    "ممثل",
    "ممثلو",
    "ممثلي",
    "ممثلين",
    "نواب",
    "السلطات",
    "سلطات",
    "حكومة",
    "الحكومة",
    "قوات",
    "عناصر",
    "مقاتلي",
    "مقاتلو",
    "مستشارين",
    "خبراء",
    "الرئيس",
    "رئيس",
    "وزير",
    "زعيم",
    "قائد",
    "المتحدث",
    "متحدث",
)
AR_TRANSFER_VERBS = _folded(
    "قدم",
    "قدمت",
    "يقدم",
    "تقدم",
    "قدموا",
    "بتقديم",
    "تقديم",
    "زود",
    "زودت",
    "يزود",
    "تزود",
    "تزويد",
    "بتزويد",
    "أرسل",
    "أرسلت",
    "يرسل",
    "ترسل",
    "إرسال",
    "بإرسال",
    "حول",
    "حولت",
    "يحول",
    "تحول",
    "تحويل",
    "منح",
    "منحت",
    "يمنح",
    "تمنح",
    "دفع",
    "دفعت",
    "يدفع",
    "تدفع",
    "سلم",
    "سلمت",
    "يسلم",
    "تسلم",
    "تسليم",
    "خصص",
    "خصصت",
    "يخصص",
    "تخصص",
    "نقل",
    "نقلت",
    "ينقل",
    "تنقل",
)
AR_CONSIDER = _folded("اعتبر", "اعتبرت", "يعتبر", "تعتبر", "تعد", "يعد", "عد", "عدت", "وصف", "وصفت")
AR_DENIAL_VERBS = _folded(
    "نفى", "نفت", "ينفي", "تنفي", "نفوا", "رفض", "رفضت", "يرفض", "ترفض", "كذب", "كذبت"
)
AR_DENIAL_OBJECTS = _folded(
    "ذلك", "الاتهامات", "الادعاءات", "المزاعم", "التقارير", "الأنباء", "هذه", "التقرير"
)
# Years written as a pair: "في عامي 2008 و2009".
AR_YEAR_PAIR = _folded("عامي", "سنتي")
AR_PURPOSE = _folded("لشراء", "لتمويل", "من أجل", "لأجل")

# Words that put what follows out of the real: a difficulty, a possibility, a plan, a condition.
EN_IRREALIS = _folded(
    "difficult",
    "difficulty",
    "impossible",
    "unable",
    "would",
    "could",
    "might",
    "if",
    "unless",
    "plans",
    "planned",
    "planning",
    "intends",
    "intended",
    "threatened",
    "threatens",
    "hypothetical",
)
AR_IRREALIS = _folded(
    "صعوبة",
    "استحالة",
    "يمكن",
    "يستطيع",
    "تستطيع",
    "سوف",
    "لو",
    "إذا",
    "اذا",
    "يعتزم",
    "تعتزم",
    "تخطط",
    "يخطط",
    "تهدد",
    "يهدد",
    "هدد",
    "هددت",
    "إمكانية",
)

# Words of relative time, both languages (publisher/curate/suggest/timing.py resolves them).
AFTER_THAT = _folded(
    "after that",
    "thereafter",
    "afterwards",
    "subsequently",
    "later",
    "بعد ذلك",
    "لاحقا",
    "فيما بعد",
    "إثر ذلك",
)

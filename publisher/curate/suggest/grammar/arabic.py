"""Arabic function words the drafter reads roles by: prepositions, attached pronouns, relatives,
subordinators, transfer verbs and masdars, the nouns that stand for an actor, irrealis words.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.folding import folded
from publisher.textlayer.arabic import fold

AR_PREPOSITIONS = folded(
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
AR_PLACE_PREPOSITIONS = folded("في", "داخل", "بـ")
# Attached prepositions (written on the word: لحماس, بإيران, كإيران).
AR_ATTACHED = ("ل", "ب", "ك")
AR_RELATIVES = folded(
    "الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي", "اللائي"
)
AR_RELATIVES_DUAL = folded("اللذين", "اللتين", "اللذان", "اللتان")
AR_COMPLEMENTIZERS = folded(
    "أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها",
    "أنهم", "إنهم", "بأنهم", "أنهما", "إنهما", "بأنهما",
)  # fmt: skip
# A complementizer carrying its clause's subject: "قال الحوثيون إنهم لا يتلقون", "أكدت إيران
# أنها ستواصل" (not "أنه", often no one: "ذكرت أنه تم ...").
AR_SUBJECT_COMPLEMENTIZERS: dict[str, str] = {
    fold(c + suffix): number
    for c in ("أن", "إن")  # not "وصفها بأنها": what is described
    for suffix, number in (("ها", "singular"), ("هم", "plural"), ("هما", "dual"))
}
AR_SUBORDINATORS = (
    folded(
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
AR_COPULAS = folded("تعد", "يعد", "تعتبر", "يعتبر", "كانت", "كان", "أصبحت", "أصبح", "باتت", "بات")
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
        "هذه الميليشيات": ("collective",),
        "هذه الحركات": ("collective",),
        "تلك الجماعات": ("collective",),
        "تلك الفصائل": ("collective",),
    }.items()
}
# Prepositions with an attached pronoun: "لهم" (to them), "معه" (with him).
AR_PREPOSITION_PRONOUNS = {
    fold(p + suffix): (fold(p if p != "إلي" else "إلى"), number)
    for p in ("ل", "إلي", "مع", "عن", "علي", "ب", "من")
    for suffix, number in (("هما", "dual"), ("هم", "plural"), ("ها", "singular"), ("ه", "singular"))
}
# Verbs that begin with the letters of an attached preposition (ب، ل): not "to X", "with X".
AR_B_VERBS = folded(
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
AR_DEMONYM_HEADS = folded(
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
AR_AGENT_NOUNS = folded(
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
    "دبلوماسيون",
    "دبلوماسيين",
    "الدبلوماسيون",
    "الدبلوماسيين",
)
AR_TRANSFER_VERBS = folded(
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
    # supplying, providing, giving, selling
    "أمد",
    "أمدت",
    "يمد",
    "تمد",
    "إمداد",
    "بإمداد",
    "وفر",
    "وفرت",
    "يوفر",
    "توفر",
    "توفير",
    "بتوفير",
    "أعطى",
    "أعطت",
    "يعطي",
    "تعطي",
    "باع",
    "باعت",
    "يبيع",
    "تبيع",
)
# Verbs of stating whose object is a noun: after "verb + subject" a cue word is that noun
# ("أكدت إيران دعمها لحماس", "أعلنت قطر تعليق تمويلها"), never a second verb.
AR_STATING_VERBS = folded(
    "أكد",
    "أكدت",
    "يؤكد",
    "تؤكد",
    "أعلن",
    "أعلنت",
    "يعلن",
    "تعلن",
    "جدد",
    "جددت",
    "يجدد",
    "تجدد",
    "أبدى",
    "أبدت",
    "يبدي",
    "تبدي",
    "نفى",
    "نفت",
    "ينفي",
    "تنفي",
    "رفض",
    "رفضت",
    "يرفض",
    "ترفض",
)
AR_CONSIDER = folded("اعتبر", "اعتبرت", "يعتبر", "تعتبر", "تعد", "يعد", "عد", "عدت", "وصف", "وصفت")
AR_DENIAL_VERBS = folded(
    "نفى", "نفت", "ينفي", "تنفي", "نفوا", "رفض", "رفضت", "يرفض", "ترفض", "كذب", "كذبت"
)
AR_DENIAL_OBJECTS = folded(
    "ذلك", "الاتهامات", "الادعاءات", "المزاعم", "التقارير", "الأنباء", "هذه", "التقرير"
)
# Years written as a pair: "في عامي 2008 و2009".
AR_YEAR_PAIR = folded("عامي", "سنتي")
AR_PURPOSE = folded("لشراء", "لتمويل", "من أجل", "لأجل")
AR_IRREALIS = folded(
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
# Who leads a delegation: "وفد من حماس يرأسه الزهار", "برئاسة هنية", "يتقدمه أبو مرزوق".
AR_LED_BY = folded(
    "برئاسة",
    "يرأسه",
    "يرأسها",
    "ترأسه",
    "يترأسه",
    "يتقدمه",
    "يتقدمها",
    "يقوده",
    "يقودها",
    "بقيادة",
    "ضم",
    "يضم",
)
# "His/her/their country": the state of the person spoken of ("عبر الوزير عن موقف بلاده").
AR_COUNTRY_OF = folded("بلاده", "بلادها", "بلادهم", "دولته")

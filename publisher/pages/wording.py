"""A claim in words, in English and in Arabic, generated from its parts in the graph.

The build stores only a terse label ("Iran — financial support — Hamas"); these sentences add
the amount, the time, the polarity and the hedging. The Arabic is built on verbal nouns with
the subject in the genitive ("تقديم إيران دعمًا ماليًا إلى حماس"), which needs no agreement
with the subject's gender, and framed by "the claim states / denies" ("يفيد الادعاء بـ...").
A relation type without a phrase here falls back to its labels.
"""

from __future__ import annotations

from dataclasses import dataclass

# relation id: (English past tense, English base form, Arabic verbal-noun phrase). {s} and {o}
# are the subject's and the object's names; {a} is the amount when the claim gives one.
PHRASES: dict[str, tuple[str, str, str]] = {
    "financial-support": (
        "gave financial support to {o}", "give financial support to {o}",
        "تقديم {s} دعمًا ماليًا إلى {o}",
    ),
    "military-support": (
        "gave military support to {o}", "give military support to {o}",
        "تقديم {s} دعمًا عسكريًا إلى {o}",
    ),
    "weapons-supply": ("supplied weapons to {o}", "supply weapons to {o}", "تزويد {s} {o} بالأسلحة"),
    "training": ("trained {o}", "train {o}", "تدريب {s} {o}"),
    "attack-planning-support": ("helped plan {o}", "help plan {o}", "مساعدة {s} في تخطيط {o}"),
    "political-support": (
        "gave political support to {o}", "give political support to {o}",
        "تقديم {s} دعمًا سياسيًا إلى {o}",
    ),
    "pledge": ("pledged support to {o}", "pledge support to {o}", "تعهّد {s} بدعم {o}"),
    "pledge-financial-aid": (
        "pledged financial aid to {o}", "pledge financial aid to {o}",
        "تعهّد {s} بتقديم مساعدات مالية إلى {o}",
    ),
    "pledge-military-aid": (
        "pledged military aid to {o}", "pledge military aid to {o}",
        "تعهّد {s} بتقديم مساعدات عسكرية إلى {o}",
    ),
    "suspension-of-support": (
        "suspended its support to {o}", "suspend its support to {o}",
        "تعليق {s} الدعم المقدَّم إلى {o}",
    ),
    "resumption-of-support": (
        "resumed its support to {o}", "resume its support to {o}",
        "استئناف {s} الدعم المقدَّم إلى {o}",
    ),
    "diplomatic-relations": (
        "had diplomatic relations with {o}", "have diplomatic relations with {o}",
        "قيام علاقات دبلوماسية بين {s} و{o}",
    ),
    "meeting": ("met {o}", "meet {o}", "اجتماع {s} مع {o}"),
    "visit": ("visited {o}", "visit {o}", "زيارة {s} إلى {o}"),
    "hosting": ("hosted {o}", "host {o}", "استضافة {s} {o}"),
    "praise": ("praised {o}", "praise {o}", "إشادة {s} ب{o}"),
    "condemnation": ("condemned {o}", "condemn {o}", "إدانة {s} {o}"),
    "terrorist-designation": (
        "designated {o} a terrorist organisation", "designate {o} a terrorist organisation",
        "تصنيف {s} {o} منظمةً إرهابية",
    ),
    "refusal-to-designate": (
        "refused to designate {o} a terrorist organisation",
        "refuse to designate {o} a terrorist organisation",
        "رفض {s} تصنيف {o} منظمةً إرهابية",
    ),
    "diplomatic-protection": (
        "gave diplomatic protection to {o}", "give diplomatic protection to {o}",
        "حماية {s} {o} دبلوماسيًا",
    ),
    "mediation": ("mediated with {o}", "mediate with {o}", "وساطة {s} مع {o}"),
    "pressure": ("put pressure on {o}", "put pressure on {o}", "ضغط {s} على {o}"),
    "rift": ("broke with {o}", "break with {o}", "القطيعة بين {s} و{o}"),
    "reconciliation": ("reconciled with {o}", "reconcile with {o}", "المصالحة بين {s} و{o}"),
    "alliance": ("allied itself with {o}", "ally itself with {o}", "تحالف {s} مع {o}"),
    "cooperation-agreement": (
        "signed a cooperation agreement with {o}", "sign a cooperation agreement with {o}",
        "توقيع {s} اتفاق تعاون مع {o}",
    ),
    "consultation": ("consulted {o}", "consult {o}", "تشاور {s} مع {o}"),
    "sympathy": (
        "expressed sympathy to {o}", "express sympathy to {o}", "تعاطف {s} مع {o}",
    ),
    "appeal-for-settlement": (
        "called for a settlement of {o}", "call for a settlement of {o}",
        "دعوة {s} إلى تسوية {o}",
    ),
    "armed-attack": ("attacked {o}", "attack {o}", "هجوم {s} على {o}"),
    "release-of-captives": (
        "released captives to {o}", "release captives to {o}",
        "إطلاق {s} سراح أسرى لصالح {o}",
    ),
    "membership": ("was a member of {o}", "be a member of {o}", "عضوية {s} في {o}"),
    "origins": ("had its origins in {o}", "have its origins in {o}", "نشأة {s} من {o}"),
}  # fmt: skip
# With an amount, the money itself is what was given or pledged.
AMOUNT_PHRASES: dict[str, tuple[str, str, str]] = {
    "financial-support": ("gave {a} to {o}", "give {a} to {o}", "تقديم {s} {a} إلى {o}"),
    "pledge-financial-aid": ("pledged {a} to {o}", "pledge {a} to {o}", "تعهّد {s} بتقديم {a} إلى {o}"),
    "pledge": ("pledged {a} to {o}", "pledge {a} to {o}", "تعهّد {s} بتقديم {a} إلى {o}"),
}  # fmt: skip

MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
MONTHS_AR = (
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر",
)  # fmt: skip


@dataclass(frozen=True)
class Amount:
    """A sum of money as the graph gives it: a value or a range, a currency, a rate."""

    value: float | None = None
    minimum: float | None = None
    maximum: float | None = None
    currency: str = "USD"
    rate: str | None = None  # "per-year" | "one-off" | None
    approximate: bool = False
    phrase: str | None = None  # the words of the document


@dataclass(frozen=True)
class When:
    """A time as the graph gives it: an instant, or an interval with either end optional."""

    instant: str | None = None  # "2006", "2006-12" or "2006-12-14"
    beginning: str | None = None
    end: str | None = None
    approximate: bool = False
    label: str | None = None  # the phrase of the document ("early 1990s")

    @property
    def dated(self) -> bool:
        return bool(self.instant or self.beginning or self.end)


@dataclass(frozen=True)
class ClaimWords:
    """What a sentence is made of."""

    subject_en: str
    subject_ar: str
    object_en: str | None
    object_ar: str | None
    relation: str  # the relation type's id
    relation_en: str | None = None
    relation_ar: str | None = None
    amount: Amount | None = None
    when: When | None = None
    denied: bool = False
    hedged: bool = False


def english(words: ClaimWords) -> str:
    """The claim as one English sentence."""
    amount = money_en(words.amount) if words.amount else None
    table = AMOUNT_PHRASES if amount and words.relation in AMOUNT_PHRASES else PHRASES
    obj = words.object_en or "(unnamed)"
    if words.relation in table:
        past, base, _ = table[words.relation]
        verb = (base if words.denied else past).format(o=obj, a=amount)
    else:
        label = words.relation_en or words.relation.replace("-", " ")
        verb = f"{'did not have' if words.denied else 'had'} a relation of {label} with {obj}"
        base = None
    if words.denied and base is not None:
        verb = "did not " + verb
    if amount and table is PHRASES:
        verb += f" ({amount})"
    sentence = f"{words.subject_en} {'reportedly ' if words.hedged else ''}{verb}"
    if words.when and words.when.dated:
        sentence += " " + time_en(words.when)
    return sentence + "."


def arabic(words: ClaimWords) -> str:
    """The claim as one Arabic sentence: "the claim states/denies [verbal-noun phrase]"."""
    amount = money_ar(words.amount) if words.amount else None
    table = AMOUNT_PHRASES if amount and words.relation in AMOUNT_PHRASES else PHRASES
    obj = words.object_ar or words.object_en or "(غير مسمى)"
    if words.relation in table:
        phrase = table[words.relation][2].format(s=words.subject_ar, o=obj, a=amount)
    else:
        label = words.relation_ar or words.relation_en or words.relation
        phrase = f"علاقة {label} بين {words.subject_ar} و{obj}"
    if amount and table is PHRASES:
        phrase += f" ({amount})"
    if words.when and words.when.dated:
        phrase += " " + time_ar(words.when)
    if words.denied:
        frame = "ينفي الادعاء، بصيغة غير جازمة، " if words.hedged else "ينفي الادعاء "
        return f"{frame}{phrase}."
    frame = "يفيد الادعاء، بصيغة غير جازمة، ب" if words.hedged else "يفيد الادعاء ب"
    return f"{frame}{phrase}."


def money_en(amount: Amount) -> str:
    """ "about $100 million a year", "between $10 million and $99,999,999", "up to $100 million"."""
    unit = "$" if amount.currency == "USD" else amount.currency + " "
    if amount.value is not None:
        text = ("about " if amount.approximate else "") + unit + _number_en(amount.value)
    elif amount.minimum is not None and amount.maximum is not None:
        text = f"between {unit}{_number_en(amount.minimum)} and {unit}{_number_en(amount.maximum)}"
    elif amount.maximum is not None:
        text = f"up to {unit}{_number_en(amount.maximum)}"
    elif amount.minimum is not None:
        text = f"at least {unit}{_number_en(amount.minimum)}"
    else:
        text = "an unstated sum"
    if amount.rate == "per-year":
        text += " a year"
    elif amount.rate == "one-off":
        text += " (one-off)"
    return text


def money_ar(amount: Amount) -> str:
    """ "نحو 100 مليون دولار سنويًا" and the like."""
    unit = "دولار" if amount.currency == "USD" else amount.currency
    if amount.value is not None:
        text = ("نحو " if amount.approximate else "") + f"{_number_ar(amount.value)} {unit}"
    elif amount.minimum is not None and amount.maximum is not None:
        text = f"ما بين {_number_ar(amount.minimum)} و{_number_ar(amount.maximum)} {unit}"
    elif amount.maximum is not None:
        text = f"ما يصل إلى {_number_ar(amount.maximum)} {unit}"
    elif amount.minimum is not None:
        text = f"ما لا يقل عن {_number_ar(amount.minimum)} {unit}"
    else:
        text = "مبلغ غير مذكور"
    if amount.rate == "per-year":
        text += " سنويًا"
    elif amount.rate == "one-off":
        text += " دفعةً واحدة"
    return text


def _number_en(number: float) -> str:
    if number >= 1e9 and number % 1e7 == 0:
        return f"{number / 1e9:g} billion"
    if number >= 1e6 and number % 1e5 == 0:
        return f"{number / 1e6:g} million"
    return f"{number:,.0f}"


def _number_ar(number: float) -> str:
    if number >= 1e9 and number % 1e7 == 0:
        return f"{number / 1e9:g} مليار"
    if number >= 1e6 and number % 1e5 == 0:
        millions = number / 1e6
        return f"{millions:g} {'ملايين' if 3 <= millions <= 10 and millions == int(millions) else 'مليون'}"
    return f"{number:,.0f}"


def date_en(text: str) -> str:
    """ "2006", "December 2006", "2 October 2023"."""
    parts = text.split("-")
    if len(parts) == 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{MONTHS_EN[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {MONTHS_EN[int(parts[1]) - 1]} {parts[0]}"
    return text


def date_ar(text: str) -> str:
    """ "2006", "ديسمبر 2006", "2 أكتوبر 2023"."""
    parts = text.split("-")
    if len(parts) == 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{MONTHS_AR[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 3 and parts[1].isdigit() and parts[2].isdigit() and 1 <= int(parts[1]) <= 12:
        return f"{int(parts[2])} {MONTHS_AR[int(parts[1]) - 1]} {parts[0]}"
    return text


def time_en(when: When) -> str:
    """ "in 2006", "from 1990 to 1993", "from 2006 on", "until 2011", marked when approximate."""
    about = "around " if when.approximate else ""
    if when.instant:
        preposition = "on" if when.instant.count("-") == 2 else "in"
        text = f"{preposition} {about}{date_en(when.instant)}"
    elif when.beginning and when.end:
        text = f"from {about}{date_en(when.beginning)} to {date_en(when.end)}"
    elif when.beginning:
        text = f"from {about}{date_en(when.beginning)} on"
    else:
        text = f"until {about}{date_en(when.end or '')}"
    return text + (f" ({when.label})" if when.label else "")


def time_ar(when: When) -> str:
    """ "في 2006"، "بين 1990 و1993"، "منذ 2006"، "حتى 2011"."""
    about = "نحو " if when.approximate else ""
    if when.instant:
        return f"في {about}{date_ar(when.instant)}"
    if when.beginning and when.end:
        return f"بين {about}{date_ar(when.beginning)} و{date_ar(when.end)}"
    if when.beginning:
        return f"منذ {about}{date_ar(when.beginning)}"
    return f"حتى {about}{date_ar(when.end or '')}"

"""Arabic cue words as nouns or verbs: whether a cue is a verbal noun (masdar) or a verb, the
subject right before it, and the noun that governs it.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.arabic import AR_PREPOSITIONS, AR_STATING_VERBS
from publisher.curate.suggest.reading.sentence import Reading, Ref
from publisher.curate.suggest.roles.cue import Cue
from publisher.curate.suggest.roles.referents import CIRCUMSTANCE, without_conjunction
from publisher.textlayer.arabic import fold


def arabic_noun(reading: Reading, cue: Cue) -> bool:
    """Whether an Arabic cue is a noun (a verbal noun, participle: "بدعم", "الدعم", "على دعمها")
    rather than a verb ("دعمت", "تدعم")."""
    token = reading.tokens[cue.first]
    low = token.low
    if cue.last > cue.first and without_conjunction(low) in _VERB_PARTICLES:
        return False  # "لم تصنف", "لا تعترف": a particle before a verb (not ل + a noun)
    if low[:1] in "وف" and len(low) > 3:
        low = low[1:]
    if low in AR_AL_VERBS:
        return False  # التقى: a verb whose root begins with ل, not the article
    if low.startswith(("ال", "لل", "بال", "ب", "ل")) and not low.startswith("بين"):
        return True
    written = token.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if written.endswith(("ة", "ات", "اء", "اً")):
        return True  # زيارة, قمة, اتصالات, لقاء, دعماً: verbs never end so
    stem = low
    if len(stem) == 5 and stem[0] == "ت" and stem[-2] == "ي":
        return True  # تفعيل: تمويل, تدريب, تسليح (not the verb تستضيف)
    if len(stem) == 6 and stem.startswith("است") and stem[-2] == "ا":
        pass  # استضاف, استعاد: the past of a hollow root's استفعل (its noun is استضافة)
    elif len(stem) >= 5 and stem[0] == "ا" and stem[-2] == "ا":
        return True  # إفعال, افتعال, استفعال: إرسال, اجتماع, استقبال
    prev = reading.tokens[cue.first - 1] if cue.first > 0 else None
    if prev is None or not prev.is_word:
        return False  # a verb opening the sentence or a clause
    bare = prev.low[1:] if prev.low[:1] in "وف" and len(prev.low) > 2 else prev.low
    if bare in AR_PREPOSITIONS or bare in CIRCUMSTANCE:
        return True
    if prev.low in AR_VERB_OPENERS or bare in AR_VERB_OPENERS:
        return False
    # After a subject ("إيران تدعم") it is a verb; after a noun or an adjective ("نشرت ...
    # دعم حماس", "قمة الدوحة") a noun. After two actors or more a verb agrees with them
    # ("حماس والجهاد دعمتا"): a bare form there is a noun ("حماس والجهاد ... دعم إيران").
    before = [r for r in reading.refs if r.last == prev.index]
    if not before:
        return True
    opener = reading.tokens[before[0].first - 1].low if before[0].first > 0 else ""
    if opener in AR_STATING_VERBS or opener[1:] in AR_STATING_VERBS:
        return True  # "أكدت إيران دعمها": the stating verb's object
    plural = len(reading.group_of(before[0])) >= 2
    agrees = low.endswith(("ا", "ان", "ون", "ين")) or low[:1] in "يت"  # دعمتا، تدعمان، يدعمون
    return plural and not agrees


# Verbs (form VIII of roots beginning with ل) that look as if they carried the article.
AR_AL_VERBS = frozenset(
    fold(w)
    for w in ("التقى", "التقت", "التقوا", "التقيا", "التزم", "التزمت", "التزموا", "التحق", "التحقت")
)
AR_VERB_OPENERS = frozenset(
    fold(w)
    for w in (
        "قد",
        "لقد",
        "فقد",
        "وقد",
        "لم",
        "لن",
        "لا",
        "ما",
        "ثم",
        "كما",
        "أن",
        "إن",
        "بأن",
        "أنه",
        "إنه",
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللتين",
        "حيث",
        "عندما",
        "بعدما",
        "فيما",
        "و",
        "ف",
        "كان",
        "كانت",
        "إذ",
        "ولم",
        "ولا",
        "فلم",
        "وقد",
    )
)


def adjacent_subject(reading: Reading, left: list[Ref], cue: Cue) -> Ref | None:
    """An Arabic subject written before its verb stands right before it, but for particles
    ("الولايات المتحدة تدرج", "روسيا «لا توافق ولا تدعم"); a noun between makes the verb its
    relative clause ("قرار يدين حماس")."""
    if not left:
        return None
    tokens = reading.tokens
    ref = _before_apposition(reading, left, cue) or left[-1]
    if ref.modifier or ref.marker is not None:
        return None
    start = ref.last + 1
    if tokens[start].text in ",،":
        # "هنية، رئيس الوفد، قد التقى": an apposition between commas is skipped.
        close = next((k for k in range(start + 1, cue.first) if tokens[k].text in ",،"), None)
        if close is not None and len(reading.words_between(start, close)) <= 8:
            start = close + 1
    for t in tokens[start : cue.first]:
        if not t.is_word:
            continue
        if t.low in AR_VERB_OPENERS or t.low[1:] in AR_VERB_OPENERS:
            continue
        return None
    return ref


def _before_apposition(reading: Reading, left: list[Ref], cue: Cue) -> Ref | None:
    """ "حزب الله، المدعوم من إيران، أدان": a name inside an apposition between commas, which
    closes right before the verb, is not its subject; the name before the apposition is."""
    tokens = reading.tokens
    inner = left[-1]
    tail = tokens[inner.last + 1 : cue.first]
    if not tail or tail[0].text not in ",،":
        return None
    if any(t.is_word and t.low not in AR_VERB_OPENERS for t in tail):
        return None
    opening = next(
        (
            k
            for k in range(inner.first - 1, max(-1, inner.first - 10), -1)
            if tokens[k].text in ",،"
        ),
        None,
    )
    if opening is None:
        return None
    outer = next((r for r in left if r.last == opening - 1), None)
    return outer if outer is not None and outer.marker is None else None


def noun_governed(reading: Reading, cue: Cue) -> bool:
    """A verbal noun used as a verb: after a preposition or a time word ("بدعم", "لدعم",
    "على دعمها", "عقب لقاء", "مستمرة بدعم")."""
    low = reading.tokens[cue.first].low
    low = low[1:] if low[:1] in "وف" and len(low) > 3 else low
    if low.startswith(("ب", "ل")) and not low.startswith(("بين", "لقاء")):
        return True
    prev = reading.tokens[cue.first - 1] if cue.first > 0 else None
    if prev is None or not prev.is_word:
        return False
    bare = prev.low[1:] if prev.low[:1] in "وف" and len(prev.low) > 2 else prev.low
    return bare in AR_PREPOSITIONS or bare in CIRCUMSTANCE or bare in AR_INTENT


AR_INTENT = frozenset(
    fold(w)
    for w in (
        "لحضور", "بهدف", "تريد", "يريد", "مواصلة", "استمرار",
        # "ستواصل دعم الحوثيين": continuing to do it
        "يواصل", "تواصل", "سيواصل", "ستواصل", "واصل", "واصلت", "يواصلون",
        # "قرر الحرس الثوري وقف تمويل حماس": deciding, intending or beginning to do it
        "قرر", "قررت", "يقرر", "تقرر", "قرروا", "اعتزم", "اعتزمت", "يعتزم", "تعتزم", "ينوي",
        "تنوي", "بدأ", "بدأت", "يبدأ", "تبدأ",
    )
)  # fmt: skip


def is_transfer_masdar(low: str) -> bool:
    """A verbal noun of a transfer verb ("بتزويد", "إرسال", "تقديم"): what follows it is what
    is given or to whom, and the giver is the clause's subject."""
    low = low[1:] if low[:1] in "وف" and len(low) > 4 else low
    if low.startswith(("ب", "ل", "ال")) and len(low) > 4:
        return True
    return (len(low) >= 5 and low[0] == "ت" and low[-2] == "ي") or (
        len(low) >= 5 and low[0] == "ا" and low[-2] == "ا"
    )


def adverbs_only(reading: Reading, first: int, last: int) -> bool:
    """Nothing but an adverb or two (accusatives in -ا: مرارا، أيضا، قطعيا) in [first, last)."""
    between = reading.tokens[first:last]
    return len(between) <= 2 and all(t.is_word and t.low.endswith("ا") for t in between)


_VERB_PARTICLES = frozenset(fold(w) for w in ("لم", "لا", "لن", "قد", "لقد", "ما"))

"""What marks a role, per language (the prepositions before a recipient, لـ and إلى, من, بين), and
how many words a role may stand from its cue.
"""

from __future__ import annotations

from publisher.textlayer.arabic import fold

EN_RECIPIENT_MARKERS = frozenset(
    {
        None,
        "to",
        "for",
        "with",
        "alongside",
        "of",
        "'s",
        "between",
        "against",
        "toward",
        "towards",
        "including",
        "among",
    }
)
AR_RECIPIENT_MARKERS = frozenset(
    {None} | {fold(w) for w in ("ل", "إلى", "مع", "ب", "على", "بين", "لدى", "ضد")}
)
AR_PART_ENDINGS = frozenset(fold(w) for w in ("من", "في"))  # جزء من، عضو في
AR_TO = frozenset(fold(w) for w in ("ل", "إلى", "الى"))
AR_FROM = fold("من")
AR_BETWEEN = fold("بين")
VERB_FIRST_WINDOW = 0  # a verb's subject follows it at once (else an unknown name may)
PERSON_WINDOW = 5  # a person may follow its titles ("لقاء نائب وزير الخارجية الروسي X")
RECIPIENT_WINDOW = 10  # words between a cue and its recipient
SUBJECT_WINDOW = {"en": 16, "ar": 6}  # words between a subject and its cue
EN_HELP = frozenset(
    (
        "help",
        "helps",
        "helped",
        "helping",
        "assist",
        "assists",
        "assisted",
        "assisting",
        "enable",
        "enabled",
        "enabling",
    )
)
EN_INCLUDE = frozenset(("include", "includes", "included", "including"))
AR_INCLUDE = frozenset(fold(w) for w in ("تضم", "يضم", "ضم", "ضمت", "تشمل", "يشمل"))

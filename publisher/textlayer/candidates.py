"""Unknown names that look like actors, for curators to review.

These are suggestions, not mentions: the rules favour recall over precision, and everything
that is already a gazetteer mention, or inside boilerplate, is left out.

English: a run of Capitalised Words, at least two of them, possibly joined by lower-case
connectors inside names (of, the, for, al-, bin, ibn, de, ...), e.g. "Supreme National
Security Council". The run is cut at known mentions, punctuation and sentence-initial
function words ("The", "In", "However"...); runs containing a month or weekday name or a digit
are dropped, and so are labels (a run followed by ":") and runs in heading-like sentences (no
final punctuation, mostly capitalised).

Arabic: the one to three words after a title word (الرئيس, رئيس, وزير, قائد, زعيم, نائب, ممثل,
المرشد, الشيخ, القيادي, المتحدث, السفير, اللواء, العميد), after skipping what describes the
title rather than names the person: words with the article ال (الخارجية, الإيراني), demonyms
of known places (إيراني, روسي: a known name + ي), other title words (وزراء in رئيس وزراء), and
one comma. Known mentions are skipped too, but after one only further mentions may follow
("زعيم حماس إسماعيل هنية"): the words after a known name are usually a verb, not a name.
Collection stops at punctuation, a digit, a function word (في, من, إلى, ...), or a known mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .arabic import fold, is_arabic_letter, strip_prefixes
from .sentences import split_sentences
from .spans import CandidateActor, Mention

__all__ = ["find_candidates"]

# "and" is not a connector: "Western and Israeli" is two words, not one name.
_CONNECTORS = frozenset(
    [
        "of",
        "the",
        "for",
        "al",
        "al-",
        "el",
        "el-",
        "ad",
        "ad-",
        "bin",
        "ibn",
        "bint",
        "abu",
        "de",
        "da",
        "di",
        "la",
        "le",
        "von",
        "van",
        "der",
    ]
)
_FUNCTION_START = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "for",
        "from",
        "to",
        "by",
        "with",
        "as",
        "of",
        "and",
        "but",
        "or",
        "if",
        "when",
        "while",
        "since",
        "after",
        "before",
        "during",
        "this",
        "that",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "we",
        "they",
        "he",
        "she",
        "however",
        "although",
        "though",
        "despite",
        "beyond",
        "furthermore",
        "moreover",
        "meanwhile",
        "initially",
        "regardless",
        "according",
        "citing",
        "more",
        "most",
        "many",
        "some",
        "such",
        "all",
        "both",
        "each",
        "every",
        "not",
        "no",
        "yes",
    ]
)
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*")
# Arabic-name particles written in lower case before a capitalised name: "el-Sisi", "al-Assad".
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ed|es|et)-[A-Z]")


def _is_cap(w: str) -> bool:
    return w[:1].isupper() or bool(_PARTICLE_NAME.match(w))


_AR_TITLES = frozenset(
    fold(w)
    for w in [
        "الرئيس",
        "رئيس",
        "وزير",
        "الوزير",
        "قائد",
        "القائد",
        "زعيم",
        "الزعيم",
        "نائب",
        "ممثل",
        "المرشد",
        "الشيخ",
        "القيادي",
        "المتحدث",
        "السفير",
        "سفير",
        "اللواء",
        "العميد",
    ]
)
# Words that continue a title rather than start a name (رئيس وزراء, نائب رئيس).
_AR_TITLE_CONT = _AR_TITLES | frozenset(fold(w) for w in ["وزراء", "الوزراء", "مجلس"])
_AR_STOP = frozenset(
    fold(w)
    for w in [
        "في",
        "من",
        "إلى",
        "الى",
        "على",
        "عن",
        "مع",
        "أن",
        "إن",
        "ان",
        "أنه",
        "إنه",
        "الذي",
        "التي",
        "الذين",
        "قد",
        "لم",
        "لن",
        "لا",
        "ما",
        "كما",
        "ثم",
        "أو",
        "او",
        "و",
        "بعد",
        "قبل",
        "خلال",
        "منذ",
        "حتى",
        "عند",
        "لدى",
        "هو",
        "هي",
        "هم",
        "كان",
        "كانت",
        "يوم",
        "عام",
        "باسم",
    ]
)
_AR_PUNCT = set('،,.;؛:!?؟()«»"“”[]')


def find_candidates(
    text: str,
    language: str,
    mentions: Sequence[Mention],
    excluded: Sequence[tuple[int, int]],
    known_names: frozenset[str] = frozenset(),
) -> tuple[CandidateActor, ...]:
    """Candidate actor names in `text`. `excluded`: boilerplate spans; `known_names`: folded
    gazetteer names (for the demonym rule). Both rule sets run whatever `language` says,
    because documents mix scripts; each only fires on its own script."""
    taken = [(m.start, m.end) for m in mentions] + list(excluded)
    out = _english(text, taken) + _arabic(text, mentions, taken, known_names)
    return tuple(sorted(set(out)))


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


def _english(text: str, taken: Sequence[tuple[int, int]]) -> list[CandidateActor]:
    out = []
    for ss, se in split_sentences(text):
        sentence = text[ss:se]
        tokens = [
            (ss + m.start(), ss + m.end(), m.group(0).rstrip(".'’"))
            for m in _TOKEN.finditer(sentence)
        ]
        if not tokens:
            continue
        caps = sum(1 for _, _, w in tokens if w[:1].isupper())
        if not sentence.rstrip('"”’)').endswith((".", "!", "?")) and caps / len(tokens) >= 0.5:
            continue  # a heading
        run: list[tuple[int, int, str]] = []

        def flush(run: list[tuple[int, int, str]]) -> None:
            while run and not _is_cap(run[-1][2]):
                run.pop()
            while run and run[0][2].lower() in _FUNCTION_START:
                run.pop(0)
            words = [w for _, _, w in run]
            if sum(1 for w in words if _is_cap(w)) >= 2 and not any(
                w.lower() in _CALENDAR for w in words
            ):
                s, e = run[0][0], run[-1][0] + len(run[-1][2])
                out.append(CandidateActor(s, e, text[s:e]))
            run.clear()

        prev_end = None
        for s, e, w in tokens:
            e = s + len(w)
            adjacent = prev_end is not None and text[prev_end:s] == " "
            if _overlaps(s, e, taken) or any(c.isdigit() for c in w):
                flush(run)
                prev_end = None
                continue
            if run and not adjacent:
                flush(run)
            if _is_cap(w) or (run and w.lower() in _CONNECTORS):
                run.append((s, e, w))
            else:
                flush(run)
            prev_end = e
            if text[e : e + 1] == ":":
                run.clear()  # a label ("Regional Influence:"), not a name
                prev_end = None
            elif text[e : e + 1] in (",", ";", ")", '"', "”"):
                flush(run)
                prev_end = None
        flush(run)
    return out


def _is_demonym(word: str, known: frozenset[str]) -> bool:
    """ "إيراني", "الروسي", "السورية": a known single-word name plus a nisba ending."""
    w = word[2:] if word.startswith("ال") and len(word) > 4 else word
    for suffix in ("يون", "يين", "يه", "ي"):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            stem = w[: -len(suffix)]
            for base in (stem, stem + "يا", stem + "ا", "ال" + stem):
                if base in known:
                    return True
    return False


def _arabic(
    text: str,
    mentions: Sequence[Mention],
    taken: Sequence[tuple[int, int]],
    known: frozenset[str],
) -> list[CandidateActor]:
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s،,.;؛:!?؟()«»\"“”\[\]]+", text)]
    out = []
    for idx, (ws, we) in enumerate(words):
        w = fold(text[ws:we])
        if not w or not is_arabic_letter(w[0]):
            continue
        if not any(stem in _AR_TITLES for _, stem in strip_prefixes(w)):
            continue
        if _overlaps(ws, we, taken):
            continue
        j = idx + 1
        commas = 0
        after_mention = False
        collected: list[tuple[int, int]] = []
        while j < len(words) and len(collected) < 3:
            s, e = words[j]
            gap = text[words[j - 1][1] : s]
            if any(c in _AR_PUNCT for c in gap):
                if collected or commas or gap.strip() not in ("،", ","):
                    break
                commas += 1
            f = fold(text[s:e])
            if any(c.isdigit() for c in f) or not f or not is_arabic_letter(f[0]):
                break
            if _overlaps(s, e, taken):
                if collected:
                    break
                m = next((m for m in mentions if m.start <= s < m.end), None)
                end = m.end if m else e
                while j < len(words) and words[j][0] < end:
                    j += 1  # skip the whole mention
                after_mention = True
                continue
            if f in _AR_STOP or after_mention:
                break
            if not collected and (
                f.startswith("ال") or f in _AR_TITLE_CONT or _is_demonym(f, known)
            ):
                j += 1
                continue
            if _is_demonym(f, known):
                break
            collected.append((s, e))
            j += 1
        if collected:
            s, e = collected[0][0], collected[-1][1]
            out.append(CandidateActor(s, e, text[s:e]))
    return out

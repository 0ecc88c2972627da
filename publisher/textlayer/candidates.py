"""Unknown names that look like actors, for curators to review.

These are suggestions, not mentions: the rules favour recall over precision, and everything
that is already a gazetteer mention, or inside boilerplate, is left out.

English: a run of Capitalised Words, at least two of them, possibly joined by lower-case
connectors inside names (of, the, for, al-, bin, ibn, de, ...), e.g. "Supreme National
Security Council". The run is cut at known mentions, punctuation and sentence-initial
function words ("The", "In", "However"...); runs containing a month or weekday name or a digit
are dropped, and so are labels (a run followed by ":") and runs in heading-like sentences (no
final punctuation, mostly capitalised).

English, also: one or more capitalised words (digits allowed: "T24") right before a word for
an outlet ("the Shargh newspaper", "T24 news site"): media. A run's last word suggests its
kind ("... Party", "... Council": organisation; "... Times", "... News": media).

Arabic, also: the one to three words after a word for an organisation (حركة, حزب, جماعة, تنظيم,
منظمة, جبهة, كتائب) or an outlet (وكالة, صحيفة, قناة, موقع), the head word included
("حركة أنصار الله", "وكالة “تسنيم”"), quotation marks left out.

Arabic: the one to three words after a title word (الرئيس, رئيس, وزير, قائد, زعيم, نائب, ممثل,
المرشد, الشيخ, القيادي, المتحدث, السفير, اللواء, العميد), after skipping what describes the
title rather than names the person: words with the article ال (الخارجية, الإيراني), demonyms
of known places (إيراني, روسي: a known name + ي), other title words (وزراء in رئيس وزراء), and
one comma. Known mentions are skipped too, but after one only further mentions may follow
("زعيم حماس إسماعيل هنية"): the words after a known name are usually a verb, not a name.
Collection stops at punctuation, a digit, a function word (في, من, إلى, ...), or a known mention.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
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
        "via",
        "through",
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
        "أمير",
        "الأمير",
        "الملك",
        "ملك",
        "الناطق",
        "النائب",
        "الصحفي",
        "الصحافي",
        "الجنرال",
        "الأمين",
        "مدير",
        "المرشد",
    ]
)
_AR_ORG_HEADS = frozenset(
    fold(w) for w in ["حركة", "حزب", "جماعة", "تنظيم", "منظمة", "جبهة", "كتائب", "ألوية", "ميليشيا"]
)
_AR_MEDIA_HEADS = frozenset(
    fold(w) for w in ["وكالة", "صحيفة", "قناة", "موقع", "إذاعة", "شبكة", "جريدة", "مجلة"]
)
_EN_MEDIA_AFTER = frozenset(
    [
        "newspaper", "news", "daily", "agency", "channel", "tv", "television", "radio",
        "website", "magazine", "broadcaster", "outlet",
    ]
)  # fmt: skip
_EN_ORG_LAST = frozenset(
    [
        "party", "movement", "union", "council", "front", "brigades", "organization",
        "organisation", "court", "courts", "army", "forces", "corps", "committee", "authority",
        "group", "league", "guard", "ministry", "department", "agency", "institute", "force",
    ]
)  # fmt: skip
_EN_MEDIA_WORDS = frozenset(
    ["news", "times", "post", "tv", "press", "journal", "herald", "gazette", "daily", "radio"]
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
_NAME_ENDINGS = frozenset(fold(w) for w in ["الله", "الدين", "الرحمن", "الرحيم"])
_AR_THEN = frozenset(fold(w) for w in ["آنذاك", "السابق", "الحالي", "الراحل", "حينها", "وقتها"])
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
    taken = _Taken([(m.start, m.end) for m in mentions] + list(excluded))
    out = _english(text, taken) + _english_media(text, taken)
    out += _arabic(text, mentions, taken, known_names) + _arabic_heads(text, taken)
    best: dict[tuple[int, int], CandidateActor] = {}
    for c in out:  # one per span, the one that says its kind
        if (c.start, c.end) not in best or (c.kind and not best[(c.start, c.end)].kind):
            best[(c.start, c.end)] = c
    return tuple(sorted(best.values()))


def _kind_of_run(words: list[str]) -> str:
    low = [w.lower() for w in words]
    if low and low[-1] in _EN_ORG_LAST:
        return "organisation"
    if any(w in _EN_MEDIA_WORDS for w in low):
        return "media"
    return ""


def _english_media(text: str, taken: _Taken) -> list[CandidateActor]:
    """ "the Shargh newspaper", "T24 news site": the capitalised words before an outlet word."""
    out = []
    for m in re.finditer(
        r"((?:[A-Z][\w'’.-]*\s+){1,3})(" + "|".join(_EN_MEDIA_AFTER) + r")\b", text
    ):
        words = m.group(1).split()
        while words and words[0].lower() in _FUNCTION_START:
            words.pop(0)
        if not words:
            continue
        start = m.start(1) + m.group(1).index(words[0])
        end = start + len(" ".join(words))
        if text[start:end] != " ".join(words) or _overlaps(start, end, taken):
            continue
        out.append(CandidateActor(start, end, text[start:end], "media"))
    return out


def _arabic_heads(text: str, taken: _Taken) -> list[CandidateActor]:
    """ "حركة أنصار الله", "وكالة “تسنيم”": a word for an organisation or an outlet and the
    name after it (one to three words, the head included)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s،,.;؛:!?؟()\[\]]+", text)]
    out = []
    for idx, (ws, we) in enumerate(words):
        raw = fold(text[ws:we])
        head = None
        for _, stem in strip_prefixes(raw):
            if stem in _AR_ORG_HEADS or stem in _AR_MEDIA_HEADS:
                head = stem
        if head is None or _overlaps(ws, we, taken):
            continue
        kind = "media" if head in _AR_MEDIA_HEADS else "organisation"
        limit = 2 if kind == "media" else 3
        collected: list[tuple[int, int]] = []
        for s, e in words[idx + 1 : idx + 1 + limit]:
            gap = text[(collected[-1][1] if collected else we) : s]
            if any(c in _AR_PUNCT - set('"“”«»') for c in gap):
                break
            f = fold(text[s:e]).strip('"“”«»')
            if not f or f in _AR_STOP or _overlaps(s, e, taken) or any(c.isdigit() for c in f):
                break
            if _is_demonym_like(f) and collected:
                break
            collected.append((s, e))
            if kind == "media" and text[e - 1 : e] in '"”»':
                break
        if not collected:
            continue
        start = ws + (len(text[ws:we]) - len(text[ws:we].lstrip("وفبلك")) if False else 0)
        # The head without an attached clitic ("لوكالة" -> "وكالة").
        for n in range(3):
            if fold(text[ws + n : we]) in (_AR_ORG_HEADS | _AR_MEDIA_HEADS) or fold(
                text[ws + n : we]
            ).removeprefix("ال") in (_AR_ORG_HEADS | _AR_MEDIA_HEADS):
                start = ws + n
                break
        end = collected[-1][1]
        surface = text[start:end].replace("“", "").replace("”", "").replace('"', "")
        surface = " ".join(surface.split())
        out.append(CandidateActor(start, end, surface, kind))
    return out


def _after_comma(text: str, words: list[tuple[int, int]], j: int) -> list[tuple[int, int]]:
    """The one to three words of a name after the comma that ends a title's description."""
    for k in range(j, min(j + 6, len(words) - 1)):
        gap = text[words[k][1] : words[k + 1][0]]
        if any(c in ".؛;:" for c in gap):
            return []
        if "،" in gap or "," in gap:
            name = []
            for s, e in words[k + 1 : k + 4]:
                f = fold(text[s:e])
                if not f or f in _AR_STOP or f.startswith("ال") or any(c.isdigit() for c in f):
                    break
                name.append((s, e))
                if any(c in "،,." for c in text[e : e + 1]):
                    break
            return name if len(name) >= 2 else []
    return []


def _is_demonym_like(word: str) -> bool:
    return word.endswith(("ي", "يه", "يون", "يين")) and len(word) > 4 and word.startswith("ال")


class _Taken:
    """Spans already taken (mentions, boilerplate), asked whether a span overlaps one of them
    by bisection: the rules ask for every word, and a scan of every span for every word was a
    tenth of making a document's graph."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        # reach[i]: the furthest end among the first i + 1 spans (by start)
        self.reach = list(itertools.accumulate((end for _, end in ordered), max))


def _overlaps(s: int, e: int, taken: _Taken) -> bool:
    before = bisect_left(taken.starts, e)  # the spans that start before this one ends
    return before > 0 and taken.reach[before - 1] > s


def _english(text: str, taken: _Taken) -> list[CandidateActor]:
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
                out.append(CandidateActor(s, e, text[s:e], _kind_of_run(words)))
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


_COMPOUND_PARTS = frozenset(fold(w) for w in ("عبد", "أبو", "ابو", "بن", "ابن", "آل"))


def _name_length(text: str, collected: list[tuple[int, int]]) -> int:
    """How many words a name after a title may have: three, and one more for each part that
    joins the next word to it ("رمضان عبد الله شلح", "حمد بن خليفة آل ثاني")."""
    return 3 + sum(1 for s, e in collected if fold(text[s:e]) in _COMPOUND_PARTS)


def _arabic(
    text: str,
    mentions: Sequence[Mention],
    taken: _Taken,
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
        while j < len(words) and len(collected) < _name_length(text, collected):
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
            if after_mention and f in _AR_THEN and not collected:
                after_mention = False  # "أمير قطر آنذاك حمد بن خليفة": the name follows
                j += 1
                continue
            if f in _AR_STOP or after_mention:
                break
            if not collected and (
                f.startswith(("ال", "لل")) or f in _AR_TITLE_CONT or _is_demonym(f, known)
            ):
                # "الأمين العام للحركة رمضان شلح": the title's own words, then the name
                j += 1
                continue
            if _is_demonym(f, known):
                break
            collected.append((s, e))
            j += 1
        if (
            collected
            and any(
                fold(text[s:e]).startswith("ال")
                and fold(text[s:e]) not in _NAME_ENDINGS | _COMPOUND_PARTS  # آل folds to ال
                for s, e in collected[1:]
            )
        ):
            # "رئيس هيئة الأركان الإيرانية، محمد باقري": a description, then the name.
            collected = _after_comma(text, words, idx + 1)
        if collected:
            s, e = collected[0][0], collected[-1][1]
            out.append(CandidateActor(s, e, text[s:e], "person"))
    return out

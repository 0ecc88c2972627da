"""The cue lexicon (data/lexicon/cues.yaml): read it, check it, and find its phrases in a text.

Phrases and text are folded with `publisher.textlayer.arabic.normalise`, so spelling variants
match, and every match maps back to exact offsets in the text as received. Matching rules are
in the lexicon file's header; this module only implements them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from publisher.corpus.problems import Problems
from publisher.corpus.yamlsource import Located, load_yaml
from publisher.textlayer.arabic import NormalisedText, fold, is_arabic_letter

LANGUAGES = ("en", "ar")
MAX_CUE_WORDS = 4  # a cue is a short general expression, never a sentence of the corpus
ATTRIBUTION_KINDS = ("source_before", "speaker_before", "speaker_after")
# An Arabic word may carry و/ف, then ب/ك/ل, then the article ال (ل + ال is written لل); the
# last word of a cue an attached pronoun, or a verb's dual or plural ending.
_AR_PREFIX = "(?:[وف]?(?:[بك]?ال|لل|[بكل])?)"
# A verb's person and number (دعمت، دعمنا، يدعمون) or a noun's plural and dual (مدعومون،
# حليفين، تبرعات), then an attached pronoun: any form of the word the cue names.
_AR_INFLECTION = "(?:ت|نا|ون|ين|ات|ان)?"
_AR_SUFFIX = _AR_INFLECTION + "(?:هما|هم|هن|ها|ه|تا|وا|ا)?"
_LETTER = r"[^\W_]"
_EN_JOINT = r"\s+(?:[a-z]+ly\s+)?"

# What a phrase signals: (relation, reversed) for a relation cue, (kind, role) for an
# attribution cue, () for the plain word lists.
Payload = TypeVar("Payload", bound=tuple[object, ...])


@dataclass(frozen=True, order=True)
class Match(Generic[Payload]):
    """A phrase found in the text: [start, end) in the original text, and what it signals."""

    start: int
    end: int
    phrase: str
    payload: Payload


def _pattern(phrase: str) -> str:
    parts = []
    words = fold(phrase).split()
    raw = phrase.split()
    for n, word in enumerate(words):
        wildcard = word.endswith("*")
        word = word.rstrip("*")
        part = re.escape(word).replace("'", "['’]")
        arabic = bool(word) and is_arabic_letter(word[0])
        if arabic and n == len(words) - 1 and len(raw) == len(words) and raw[n].endswith("ة"):
            # ة is written ت before a pronoun: "أسلحته", "علاقتها"
            part = part[:-1] + "(?:" + part[-1] + "|ت(?=هما|هم|هن|ها|ه|ي|نا))"
        if arabic:
            part = _AR_PREFIX + part
        if arabic and not wildcard and n == len(words) - 1:
            part += _AR_SUFFIX
        elif arabic and not wildcard:
            part += _AR_INFLECTION  # "مدعومون من" for "مدعوم من"
        parts.append(part + (f"{_LETTER}*" if wildcard else ""))
    # An English adverb may stand between a cue's words: "funded largely by", "relies
    # heavily on", "backed directly by".
    joint = r"\s+" if not words or is_arabic_letter(words[0][:1] or "a") else _EN_JOINT
    return rf"(?<!{_LETTER})" + joint.join(parts) + rf"(?!{_LETTER})"


def _needed(phrase: str) -> tuple[str, ...]:
    """Strings that a folded text holds wherever the phrase's pattern matches in it: each
    word's letters, less what the pattern lets vary there (an apostrophe; the last letter of
    the last Arabic word, ة written ت). Most phrases of a lexicon are not in a given text,
    and looking for these strings is much cheaper than running their patterns."""
    words = fold(phrase).split()
    needed: list[str] = []
    for n, word in enumerate(words):
        word = word.rstrip("*")
        if word and is_arabic_letter(word[0]) and n == len(words) - 1:
            word = word[:-1]
        needed += [piece for piece in word.split("'") if piece]
    return tuple(needed)


class PhraseSet(Generic[Payload]):
    """Phrases for matching, each with its pattern; each carries a payload returned with its
    matches. A pattern is compiled the first time a text may hold it (most never are in a
    build after a one-document change: compiling them all took longer than the matching)."""

    def __init__(self, phrases: Iterable[tuple[str, Payload]]) -> None:
        self.phrases = [(phrase, payload, _pattern(phrase)) for phrase, payload in phrases]
        self.needed = [_needed(phrase) for phrase, _, _ in self.phrases]
        self.compiled: dict[str, re.Pattern[str]] = {}

    def __len__(self) -> int:
        return len(self.phrases)

    def find_all(self, text: str) -> list[Match[Payload]]:
        """Every match of every phrase, overlapping ones included, sorted by position."""
        normalised = NormalisedText.of(text)
        folded = normalised.folded
        found = []
        for (phrase, payload, source), needed in zip(self.phrases, self.needed, strict=True):
            if not all(piece in folded for piece in needed):
                continue  # the pattern cannot match here
            pattern = self.compiled.get(source)
            if pattern is None:
                pattern = self.compiled[source] = re.compile(source)
            for m in pattern.finditer(folded):
                start, end = normalised.to_original(m.start(), m.end())
                found.append(Match(start, end, phrase, payload))
        return sorted(found)

    def find_split(self, text: str, gaps: Iterable[tuple[int, int]]) -> list[Match[Payload]]:
        """Arabic phrases of two words or more whose first word is separated from the rest by
        one of `gaps` (spans of the text, such as an actor's name): the verb-subject-object
        order puts the subject there ("أسقطت موسكو وبكين مشروع قرار"). A match covers the
        first word only; its phrase is the whole cue."""
        normalised = NormalisedText.of(text)
        folded = normalised.folded
        found: list[Match[Payload]] = []
        spans = sorted(gaps)
        for phrase, payload, _ in self.phrases:
            words = fold(phrase).split()
            if len(words) < 2 or not is_arabic_letter(words[0][:1] or "a"):
                continue
            first = re.compile(_pattern(words[0]))
            rest = re.compile(
                r"\s+" + _pattern(" ".join(words[1:])).removeprefix(rf"(?<!{_LETTER})")
            )
            for m in first.finditer(folded):
                start, end = normalised.to_original(m.start(), m.end())
                gap = next(
                    (
                        g
                        for g in spans
                        if 0 <= len(text[end : g[0]].split()) <= 1
                        and g[0] >= end
                        and text[end : g[0]].strip(" \u00a0") in ("", "ل")  # "مكتب لحماس في"
                    ),
                    None,
                )
                if gap is None:
                    continue
                after = normalised.offsets.index(gap[1]) if gap[1] in normalised.offsets else None
                if after is None:
                    continue
                tail = folded[after:]
                for skipped in range(3):  # the rest may follow another word or two ("وبكين")
                    skip = re.match(rf"(?:\s+[^\W_]+){{{skipped}}}", tail)
                    if skip is not None and rest.match(tail, skip.end()):
                        found.append(Match(start, end, phrase, payload))
                        break
        return sorted(found)

    def find(self, text: str) -> list[Match[Payload]]:
        """Matches without overlap: the longest wins, then the earliest."""
        chosen: list[Match[Payload]] = []
        for match in sorted(self.find_all(text), key=lambda m: (m.start - m.end, m.start)):
            if not any(match.start < c.end and c.start < match.end for c in chosen):
                chosen.append(match)
        return sorted(chosen)


@dataclass(frozen=True)
class Lexicon:
    """The cues of one language: relation cues (payload: relation, reversed), the words that
    reverse a cue, negations, hedges, attribution cues (payload: kind, role), nouns that are
    cues only as what a transfer verb gives (payload: relation), the adjectives that name a
    kind of support (payload: relation) and the demonyms that cannot be derived from a
    state's name (word -> actor id)."""

    language: str
    relations: PhraseSet[tuple[str, bool]]
    reversing: PhraseSet[tuple[()]]
    negations: PhraseSet[tuple[()]]
    hedges: PhraseSet[tuple[()]]
    attribution: PhraseSet[tuple[str, str]]
    takes_amount: frozenset[str]
    amount_is_cue: frozenset[str]
    takes_place: frozenset[str]
    transferred: PhraseSet[tuple[str]] = field(default_factory=lambda: PhraseSet(()))
    kinds: PhraseSet[tuple[str]] = field(default_factory=lambda: PhraseSet(()))
    changes: PhraseSet[tuple[str]] = field(default_factory=lambda: PhraseSet(()))
    demonyms: tuple[tuple[str, str], ...] = ()


def _phrases(entry: object, key: str, where: Path, line: int, problems: Problems) -> list[str]:
    value = entry.get(key) if isinstance(entry, dict) else None
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(where, line, f"{key} must be a list of words or phrases")
        return []
    bad = [v for v in value if not isinstance(v, str) or not v.strip()]
    if bad:
        # YAML reads bare no/yes/on/off as booleans: the usual cause.
        problems.add(where, line, f"{key}: {bad[0]!r} is not a word", 'quote it: "no"')
        return []
    for phrase in value:
        if len(phrase.split()) > MAX_CUE_WORDS:
            problems.add(
                where,
                line,
                f"cue {phrase!r} has more than {MAX_CUE_WORDS} words",
                "cues are short general expressions, not sentences",
            )
    return value


def load_lexicon(path: Path, language: str, relation_ids: frozenset[str]) -> Lexicon:
    """The lexicon for `language`; InputError naming file and line when it is malformed."""
    problems = Problems()
    content = load_yaml(path) if path.is_file() else None
    if not isinstance(content, Located) or not isinstance(content.get("relations"), dict):
        problems.add(path, 1, "a cue lexicon needs 'relations:' (relation type -> cues)")
        problems.raise_if_any()
    assert isinstance(content, Located)  # raise_if_any raised otherwise
    relations: list[tuple[str, tuple[str, bool]]] = []
    transferred: list[tuple[str, tuple[str]]] = []
    flags: dict[str, set[str]] = {"amount": set(), "amount_is_cue": set(), "place": set()}
    for relation, entry in content["relations"].items():
        line = content["relations"].key_lines.get(str(relation), 1)
        if relation not in relation_ids:
            problems.add(
                path, line, f"unknown relation type {relation!r}", "see ontology/relation-types.ttl"
            )
            continue
        if not isinstance(entry, Located):
            problems.add(path, line, f"{relation}: expected a mapping with en/ar cue lists")
            continue
        for flag, members in flags.items():
            if entry.get(flag):
                members.add(relation)
        for phrase in _phrases(entry, language, path, entry.line_of(language), problems):
            relations.append((phrase, (relation, False)))
        key = f"{language}_reversed"
        for phrase in _phrases(entry, key, path, entry.line_of(key), problems):
            relations.append((phrase, (relation, True)))
        key = f"{language}_transferred"
        for phrase in _phrases(entry, key, path, entry.line_of(key), problems):
            transferred.append((phrase, (relation,)))

    def word_list(key: str) -> list[tuple[str, tuple[()]]]:
        entry = content.get(key) or {}
        line = content.key_lines.get(key, 1)
        return [(p, ()) for p in _phrases(entry, language, path, line, problems)]

    attribution: list[tuple[str, tuple[str, str]]] = []
    for kind in ATTRIBUTION_KINDS:
        entry = (content.get("attribution") or {}).get(kind)
        if entry is None:
            continue
        role = entry.get("role") if isinstance(entry, dict) else None
        if not role:
            problems.add(
                path, content.key_lines.get("attribution", 1), f"attribution {kind} needs a role"
            )
            continue
        for phrase in _phrases(entry, language, path, entry.line_of(language), problems):
            attribution.append((phrase, (kind, role)))
    reversing, negations, hedges = (word_list(k) for k in ("reversing", "negations", "hedges"))
    kinds: list[tuple[str, tuple[str]]] = []
    for relation, entry in (content.get("kinds") or {}).items():
        line = content["kinds"].key_lines.get(str(relation), 1)
        if relation not in relation_ids:
            problems.add(path, line, f"kinds: unknown relation type {relation!r}")
            continue
        kinds += [(p, (relation,)) for p in _phrases(entry, language, path, line, problems)]
    changes: list[tuple[str, tuple[str]]] = []
    for relation, entry in (content.get("changes") or {}).items():
        line = content["changes"].key_lines.get(str(relation), 1)
        if relation not in relation_ids:
            problems.add(path, line, f"changes: unknown relation type {relation!r}")
            continue
        changes += [(p, (relation,)) for p in _phrases(entry, language, path, line, problems)]
    demonyms: list[tuple[str, str]] = []
    for ident, entry in (content.get("demonyms") or {}).items():
        line = content["demonyms"].key_lines.get(str(ident), 1)
        demonyms += [(p, str(ident)) for p in _phrases(entry, language, path, line, problems)]
    problems.raise_if_any()
    return Lexicon(
        language,
        PhraseSet(relations),
        PhraseSet(reversing),
        PhraseSet(negations),
        PhraseSet(hedges),
        PhraseSet(attribution),
        frozenset(flags["amount"]),
        frozenset(flags["amount_is_cue"]),
        frozenset(flags["place"]),
        PhraseSet(transferred),
        PhraseSet(kinds),
        PhraseSet(changes),
        tuple(demonyms),
    )

"""Finding known names (actors, places) in text.

A `Gazetteer` is a character trie over folded names (see `arabic.normalise`). Matching walks
the folded document text, so spelling variants (أ/ا, ة/ه, harakat, tatweel) match, and maps
every match back to exact original offsets.

Rules:

* Whole words only. A match must start and end at a word boundary: the neighbouring folded
  character is not a letter or digit. So "حماس" does not match inside "حماسة", and "Iran" does
  not match "Iranian": English demonyms and adjectives are not mentions (nor are Arabic nisba
  adjectives such as "إيراني"). Exception: after ة or ى, which only end words, a boundary is
  assumed, because extracted text sometimes glues words ("القطريةالدوحة").
* Arabic names may carry proclitics: one conjunction (و ف) and/or one preposition (ب ك ل)
  attached in front (وإيران, لحماس, وبإيران). After ل a name's article ال loses its alef
  (للحرس الثوري = ل + الحرس الثوري). The reported span excludes the clitic (see arabic.py).
  The article ال is NOT a clitic: it is only matched where it is part of the name, so "الحماس"
  is not Hamas.
* Whitespace inside a name matches any run of whitespace in the text, and quotation marks
  after it: outlets are often written with their name in quotes ("وكالة “تسنيم”").
* An Arabic name ending in the nominative plural -ون (الحوثيون) also matches its oblique form
  -ين (الحوثيين): the same word in another grammatical case; a one-word name -يون, the plural
  of a nisba, also matches the nisba after a noun for a group ("ميليشيات الحوثي").
* `gazetteer_of(corpus, surnames=True)` adds people's last names, for the drafter (publisher
  suggest): each read as that person only in a text that also names them in full (one sense
  per document, below).
* Names written entirely in capitals ("US", "IRGC", "U.S.") are acronyms and match only with
  exactly that case, so the pronoun "us" is not the United States. Other names are matched
  case-insensitively.
* Longest match wins: all candidate matches are collected, then chosen longest first (ties:
  earliest first) without overlap. "الحرس الثوري الإيراني" is the IRGC, not Iran.
* A name that belongs to several entities yields one mention whose `entity_id` is the first
  registered entity and whose `alternatives` are the others.
* One sense per document: a name registered as ambiguous (a surname that is also a common
  word, as رئيسي "Raisi" / "main") counts as a mention only in a text that also names the
  same entity unambiguously ("إبراهيم رئيسي"); elsewhere it is read as the common word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from publisher.corpus.model import Corpus

from .arabic import NormalisedText, fold, is_arabic_letter, proclitic_options
from .spans import Mention

__all__ = ["Gazetteer", "NameEntry"]


@dataclass(frozen=True)
class NameEntry:
    entity_id: str
    language: str
    name: str
    exact_case: bool


class _Node(dict[str, "_Node"]):
    """A trie node: the next node for each folded character, and the names that end here."""

    def __init__(self) -> None:
        super().__init__()
        self.ends: list[NameEntry] = []


# (entity_id, language, name), or with a fourth item saying whether the name is ambiguous.
NameRow = tuple[str, str, str] | tuple[str, str, str, bool]


_QUOTES = frozenset('“”"«»„')
_COLLECTIVE_NOUNS = ("ميليشيات", "مليشيات", "ميليشيا", "جماعة", "حركة", "قوات", "جماعات")


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _squash(s: str) -> str:
    return " ".join(s.split())


class Gazetteer:
    """A name matcher. Build with `Gazetteer.from_names`, query with `find`."""

    def __init__(self) -> None:
        self._root = _Node()
        self._entries: list[NameEntry] = []
        self._folded_names: dict[str, list[str]] = {}
        self._ambiguous: set[tuple[str, str]] = set()

    @classmethod
    def from_names(cls, entries: Iterable[NameRow]) -> Gazetteer:
        """Build from (entity_id, language, name) triples, or quadruples whose fourth item says
        the name is ambiguous (see the module docstring). Order matters only for ties."""
        g = cls()
        for entity_id, language, name, *ambiguous in entries:
            g.add(entity_id, language, name, ambiguous=bool(ambiguous and ambiguous[0]))
        return g

    def add(self, entity_id: str, language: str, name: str, ambiguous: bool = False) -> None:
        name = name.strip()
        if language == "ar" and name.endswith("ون") and len(name.rsplit(maxsplit=1)[-1]) > 4:
            self._add(entity_id, language, name[:-2] + "ين", ambiguous)
            if " " not in name and name.endswith("يون"):
                # الحوثيون: "ميليشيات الحوثي", "جماعة الحوثي" name the same group.
                for noun in _COLLECTIVE_NOUNS:
                    self._add(entity_id, language, f"{noun} {name[:-2]}", ambiguous)
        self._add(entity_id, language, name, ambiguous)

    def _add(self, entity_id: str, language: str, name: str, ambiguous: bool = False) -> None:
        name = _squash(name)
        key = _squash(fold(name))
        if not key:
            return
        if ambiguous:
            self._ambiguous.add((key, entity_id))
        entry = NameEntry(entity_id, language, name, _is_acronym(name))
        if any(e == entry for e in self._node(key).ends):
            return
        node = self._root
        for ch in key:
            node = node.setdefault(ch, _Node())
        node.ends.append(entry)
        self._entries.append(entry)
        self._folded_names.setdefault(key, [])
        if entity_id not in self._folded_names[key]:
            self._folded_names[key].append(entity_id)

    def _node(self, key: str) -> _Node:
        node = self._root
        for ch in key:
            child = node.get(ch)
            if child is None:
                return _Node()
            node = child
        return node

    @property
    def entries(self) -> tuple[NameEntry, ...]:
        return tuple(self._entries)

    def lookup(self, name: str) -> tuple[str, ...]:
        """Entity ids whose name (folded) equals `name` (folded)."""
        return tuple(self._folded_names.get(_squash(fold(name)), ()))

    def folded_names(self) -> frozenset[str]:
        return frozenset(self._folded_names)

    # --- matching -------------------------------------------------------------------------

    def find(self, text: str) -> tuple[Mention, ...]:
        """All mentions in `text`, sorted by start."""
        nt = NormalisedText.of(text)
        s = nt.folded
        n = len(s)
        candidates: list[tuple[int, int, tuple[str, ...]]] = []
        options = proclitic_options()
        for p in range(n):
            if not s[p].isalnum():
                continue
            if p > 0 and s[p - 1].isalnum() and not nt.is_word_final(p - 1):
                continue  # not at a word start
            # The bare word, then each proclitic prefix (Arabic letters only).
            starts: list[tuple[int, _Node]] = [(p, self._root)]
            if is_arabic_letter(s[p]):
                for opt in options:
                    q = p + len(opt)
                    if s.startswith(opt, p) and q < n:
                        starts.append((q, self._root))
                        # ل + ال -> لل: the article's alef is elided after the preposition.
                        if opt.endswith("ل") and s[q] == "ل" and "ا" in self._root:
                            starts.append((q, self._root["ا"]))
            for q, node in starts:
                self._walk(nt, q, node, candidates)
        return self._one_sense(self._select(nt, candidates))

    def _one_sense(self, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
        """Drop ambiguous-name mentions of entities the text never names unambiguously."""
        if not self._ambiguous:
            return mentions

        def ambiguous(m: Mention) -> bool:
            return (_squash(fold(m.surface)), m.entity_id) in self._ambiguous

        named = {m.entity_id for m in mentions if not ambiguous(m)}
        return tuple(m for m in mentions if not ambiguous(m) or m.entity_id in named)

    def _walk(
        self, nt: NormalisedText, q: int, node: _Node, out: list[tuple[int, int, tuple[str, ...]]]
    ) -> None:
        s = nt.folded
        n = len(s)
        i = q
        while True:
            ends = node.ends
            if ends and self._right_boundary(nt, i):
                ostart, oend = nt.to_original(q, i)
                surface = nt.original[ostart:oend]
                ids: list[str] = []
                for e in ends:
                    if e.exact_case and _squash(surface) != e.name:
                        continue
                    if e.entity_id not in ids:
                        ids.append(e.entity_id)
                if ids:
                    out.append((ostart, oend, tuple(ids)))
            if i >= n:
                return
            ch = s[i]
            if ch.isspace():
                nxt = node.get(" ")
                if nxt is None:
                    return
                while i < n and (s[i].isspace() or s[i] in _QUOTES):
                    i += 1
                node = nxt
                continue
            nxt = node.get(ch)
            if nxt is None:
                return
            node = nxt
            i += 1

    @staticmethod
    def _right_boundary(nt: NormalisedText, i: int) -> bool:
        s = nt.folded
        if i == 0 or i >= len(s):
            return True
        if not s[i - 1].isalnum():
            return True  # the name ends in punctuation ("U.S.")
        return not s[i].isalnum() or nt.is_word_final(i - 1)

    @staticmethod
    def _select(
        nt: NormalisedText, candidates: list[tuple[int, int, tuple[str, ...]]]
    ) -> tuple[Mention, ...]:
        # Longest first, then earliest; keep those that do not overlap an accepted one.
        ranked = sorted(set(candidates), key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
        taken: list[tuple[int, int]] = []
        chosen: list[Mention] = []
        for start, end, ids in ranked:
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            chosen.append(Mention(start, end, ids[0], nt.original[start:end], tuple(ids[1:])))
        return tuple(sorted(chosen))


def _surnames(corpus: Corpus) -> list[NameRow]:
    rows: list[NameRow] = []
    for actor in corpus.actors.values():
        if actor.type != "person" or actor.anonymous:
            continue
        for lang, name in actor.names.all():
            words = name.split()
            if len(words) < 2 or len(fold(words[-1])) < 4:
                continue
            rows.append((actor.id, lang, words[-1], True))
    return rows


def gazetteer_of(corpus: Corpus, surnames: bool = False) -> Gazetteer:
    """The gazetteer of a corpus: every actor's names (ambiguous ones flagged) and every
    place's, the latter as `place:<id>`; with `surnames` (for the drafter), people's last names
    too, each flagged ambiguous so that it counts only where the full name occurs, and the
    anonymous sources ("مصدر أمني إسرائيلي"), so that a claim can be attributed to them."""
    entries: list[NameRow] = []
    for actor in corpus.actors.values():
        if not actor.anonymous or surnames:  # the drafter reads anonymous sources too
            entries += [
                (actor.id, lang, name, name in actor.ambiguous_names)
                for lang, name in actor.names.all()
            ]
    for place in corpus.places.values():
        entries += [(f"place:{place.id}", lang, name) for lang, name in place.names.all()]
    if surnames:
        known = {_squash(fold(row[2])) for row in entries}
        entries += [row for row in _surnames(corpus) if _squash(fold(row[2])) not in known]
    return Gazetteer.from_names(entries)

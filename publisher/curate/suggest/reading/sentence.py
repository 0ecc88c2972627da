"""A sentence as read: its tokens, the referents in it and its clauses (Token, Ref, Clause,
Reading), and the tokenizer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from publisher.textlayer.arabic import fold, is_arabic_letter

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)+|(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+(?:['’\-](?:[^\W_]|[\u064B-\u065F\u0670])+)*"
    r"|[^\w\s]"
)


@dataclass(frozen=True)
class Token:
    index: int
    start: int
    end: int
    text: str
    low: str  # folded

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


@dataclass
class Ref:
    """Something in the sentence that names an actor (or a place)."""

    start: int
    end: int
    first: int  # first and last token covered
    last: int
    ids: tuple[str, ...]  # the actor(s) it may be; () while unresolved
    surface: str
    kind: str  # name | place | demonym | anaphor | pronoun
    place: str | None = None  # the place, when it names one
    clitic: str = ""  # Arabic letters attached before it (و، ل، ب، ...)
    marker: str | None = None  # the preposition governing it, folded; "'s" for a possessor
    modifier: bool = False  # only qualifies a person: "Hamas leader Ismail Haniyeh"
    group: int = -1  # referents of one coordination share a group number
    extension: bool = False  # joined to its group by "including", "especially", "بما في ذلك"
    members: tuple[str, ...] = ()  # the actors a plural pronoun stands for ("their", "هما")
    number: str = "singular"  # singular | dual | plural (pronouns)
    types: frozenset[str] = frozenset()  # actor types an anaphor fits
    note: str | None = None  # how a pronoun or description was resolved
    qualifies: int | None = None  # a demonym's relation noun (token): "Iranian support"

    @property
    def actor(self) -> str | None:
        return self.ids[0] if self.ids else None


@dataclass
class Clause:
    first: int  # token range [first, last)
    last: int
    kind: str = "main"  # main | relative | content
    antecedent: Ref | None = None  # what a relative clause is about
    opener: int | None = None  # the token that opened it


@dataclass
class Reading:
    text: str
    start: int
    end: int
    language: str
    tokens: list[Token]
    refs: list[Ref] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    cue_tokens: set[int] = field(default_factory=set)

    # --- tokens --------------------------------------------------------------------------------

    def token_at(self, offset: int) -> int:
        """The index of the token covering (or first after) a text offset; -1 outside the
        sentence."""
        if not self.start <= offset < self.end:
            return -1
        for t in self.tokens:
            if t.end > offset:
                return t.index
        return len(self.tokens)

    def words_between(self, a: int, b: int) -> list[Token]:
        """Word tokens strictly between token indices a and b."""
        return [t for t in self.tokens[a + 1 : b] if t.is_word]

    def punctuation_between(self, a: int, b: int) -> set[str]:
        return {t.text for t in self.tokens[a + 1 : b] if not t.is_word}

    def punctuated(self, a: int, b: int) -> bool:
        """Whether punctuation other than an apostrophe ("Israel's") stands between tokens
        `a` and `b`."""
        return bool(self.punctuation_between(a, b) - {"’", "'"})

    def clause_of(self, index: int) -> Clause:
        for clause in self.clauses:
            if clause.first <= index < clause.last:
                return clause
        return self.clauses[-1]

    def refs_in(self, first: int, last: int) -> list[Ref]:
        return [r for r in self.refs if first <= r.first and r.last < last]

    def group_of(self, ref: Ref) -> list[Ref]:
        if ref.group < 0:
            return [ref]
        return [r for r in self.refs if r.group == ref.group]


def tokenize(text: str, start: int, end: int) -> list[Token]:
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        tokens.append(Token(len(tokens), m.start(), m.end(), m.group(0), fold(m.group(0))))
    return tokens


def is_arabic_word(word: str) -> bool:
    return bool(word) and is_arabic_letter(word[0])

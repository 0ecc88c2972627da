"""Subjects not written out: the possessor attached to an Arabic verbal noun ("على دعمها"), and
a clause that opens with its verb ("..., and pledged", "وأكد").
"""

from __future__ import annotations

from publisher.curate.suggest.drafting.drafter_base import DrafterBase
from publisher.curate.suggest.drafting.relation_kinds import SUPPORT
from publisher.curate.suggest.grammar.arabic import AR_AGENT_NOUNS, AR_SUFFIXES
from publisher.curate.suggest.grammar.english import EN_TRANSFER_VERBS
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref, Token
from publisher.curate.suggest.roles.arabic_nouns import arabic_noun
from publisher.curate.suggest.roles.cue import Cue
from publisher.textlayer.arabic import fold

_RELATIVES = frozenset(fold(w) for w in ("ما", "مما", "الذي", "التي", "الذين", "اللذين", "اللتين"))
_HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


class OmittedSubjects(DrafterBase):
    """Subjects not written out: the Arabic possessor pronoun of a verbal noun, a clause that
    opens with its verb."""

    def _attached_pronoun(self, reading: Reading, cue: Cue) -> list[Ref]:
        """ "على دعمها" (her support), "علاقاتهما" (the two's relations): the possessor of an
        Arabic verbal noun, the actor (or the pair) named before it in the sentence."""
        if self.language != "ar" or (
            not arabic_noun(reading, cue)
            and not (reading.tokens[cue.first].low.startswith(("و", "ف")))
        ):
            return []
        low = reading.tokens[cue.last].low
        written = reading.tokens[cue.last].text.rstrip(_HARAKAT)
        for suffix, number in AR_SUFFIXES:
            if suffix == "ه" and written.endswith("ة"):
                continue  # "الأزمة": a taa marbuta (folded to ه) is no pronoun
            if low.endswith(suffix) and len(low) > len(suffix) + 2:
                before = [
                    r
                    for r in reading.refs
                    if r.last < cue.first and r.ids and not r.modifier and r.kind != "place"
                ]
                if number == "singular":
                    singles = [r for r in before if r.group < 0 and not self._is_person(r)]
                    return singles[-1:]
                groups = [r for r in before if r.group >= 0]
                if groups:
                    last = groups[-1].group
                    pair = [r for r in groups if r.group == last and not r.extension]
                    return pair if number != "dual" or len(pair) == 2 else []
                return []
        return []

    def _object_pronoun(self, reading: Reading, cue: Cue, agents: list[Ref]) -> list[Ref]:
        """ "إن إيران تدعمها" (supports her), "تمولهم": the object attached to an Arabic verb
        cue is the one actor named before it in the sentence that is not its subject (nor a
        part of it, nor a person): the pronoun would say "نفسها" for the subject."""
        if self.language != "ar" or not agents or arabic_noun(reading, cue):
            return []
        if cue.relation not in SUPPORT:
            return []  # "وعلاقتها قوية": a noun with its possessor, not a verb with its object
        if cue.first > 0 and reading.tokens[cue.first - 1].low in _RELATIVES:
            return []  # "وهو ما أدانته إسرائيل": the pronoun stands for "ما", what was told
        low = reading.tokens[cue.last].low
        written = reading.tokens[cue.last].text.rstrip(_HARAKAT)
        for suffix, number in AR_SUFFIXES:
            if number != "singular" or not low.endswith(suffix) or len(low) <= len(suffix) + 2:
                continue
            if suffix == "ه" and written.endswith("ة"):
                return []  # a taa marbuta, no pronoun
            subjects = {a.actor for a in agents if a.actor}
            others = {
                r.actor: r
                for r in reading.refs
                if r.last < cue.first
                and r.actor
                and not r.modifier
                and r.kind != "place"
                and not self._is_person(r)
                and r.actor not in subjects
                and not any(self.related(r.actor, s) for s in subjects)
            }
            return list(others.values()) if len(others) == 1 else []
        return []

    def _adjunct_subject(self, reading: Reading, clause: Clause, cue: Cue) -> Ref | None:
        """ "The coalition has been waging war on the Houthis while accusing Iran of ...": a
        participle opening an adjunct clause has the subject of the sentence's first clause."""
        if self.language != "en" or clause.first == 0 or reading.refs_in(clause.first, cue.first):
            return None
        before = [t for t in reading.tokens[clause.first : cue.first] if t.is_word]
        if not cue.words.split()[0].lower().endswith("ing") or not _participle_adjunct(before):
            return None
        first = reading.clause_of(0)
        return next(
            (
                r
                for r in reading.refs_in(first.first, min(first.last, clause.first))
                if r.ids and r.marker is None and not r.modifier and r.kind != "place"
            ),
            None,
        )

    def _verb_opens_clause(self, reading: Reading, clause: Clause, cue: Cue) -> bool:
        """A clause whose subject is left out: it opens with the cue's verb ("..., and pledged",
        "وأكد", "قد صرح"), with no actor before it."""
        if reading.refs_in(clause.first, cue.first):
            return False
        tokens = reading.tokens
        before = [t for t in tokens[clause.first : cue.first] if t.is_word]
        if self.language == "en":
            word = cue.words.split()[0].lower()
            verbish = word.endswith(("ed", "s")) or word in EN_TRANSFER_VERBS
            return (
                verbish
                and all(
                    t.low
                    in (
                        "and",
                        "but",
                        "then",
                        "also",
                        "later",
                        "has",
                        "have",
                        "had",
                        "was",
                        "were",
                        "it",
                        "they",
                        "he",
                        "she",
                    )
                    for t in before
                )
                and clause.first > 0
            )
        openers = {fold(w) for w in ("قد", "لقد", "كما", "ثم", "و", "ف", "فقد", "وقد")}
        after = tokens[cue.last + 1].low if cue.last + 1 < len(tokens) else ""
        if after in AR_AGENT_NOUNS:
            return False  # "وأدان دبلوماسيون روس": a subject named, if not known
        return not arabic_noun(reading, cue) and all(t.low in openers for t in before)


# What opens an adjunct whose participle has the sentence's subject: "while accusing".
_ADJUNCT_OPENERS = frozenset({"while", "after", "before", "when", "as", "by", "since"})


def _participle_adjunct(before: list[Token]) -> bool:
    """ "while (simultaneously) accusing", "after meeting": an opener, an adverb at most."""
    words = [t.low for t in before]
    return (
        bool(words)
        and words[0] in _ADJUNCT_OPENERS
        and all(w.endswith("ly") for w in words[1:])
        and len(words) <= 2
    )

"""Clauses of a sentence: cut at semicolons, relative pronouns, complementizers and
subordinators; a relative clause knows the referent it is about.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.arabic import (
    AR_COMPLEMENTIZERS,
    AR_RELATIVES,
    AR_SUBORDINATORS,
)
from publisher.curate.suggest.grammar.english import EN_BE, EN_RELATIVES, EN_SUBORDINATORS
from publisher.curate.suggest.reading.reader_base import ReaderBase
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.reading.titles import AR_GENERIC_HEADS

CLAUSE_PUNCTUATION = frozenset(";؛:")
# Words that open the rest of a main clause after "X, which ..., ": its verb.
EN_RESUMING_VERBS = frozenset(
    ("has", "have", "had", "is", "was", "are", "were", "will", "would", "also", "later", "then")
)


class ClauseReading(ReaderBase):
    """Clauses: spans cut at semicolons, relative pronouns, complementizers and subordinators;
    a relative clause's antecedent."""

    def _clauses(self, reading: Reading) -> list[Clause]:
        tokens = reading.tokens
        cuts: list[tuple[int, str, Ref | None]] = [(0, "main", None)]
        ref_at = {}
        for r in reading.refs:
            for k in range(r.first, r.last + 1):
                ref_at[k] = r
        for t in tokens[1:]:
            k = t.index
            prev = tokens[k - 1]
            low = t.low
            if t.text in CLAUSE_PUNCTUATION or (
                t.text in ("—", "–")
                and not self._numeric(reading, k)
                and not _joins_words(reading.text, t.start, t.end)  # "Hezbollah–Russia"
            ):
                cuts.append((k + 1, "main", None))
                continue
            if self.language == "en":
                if low in EN_RELATIVES and low != "that" and k not in ref_at:
                    antecedent = self._antecedent_before(reading, k)
                    cuts.append((k, "relative", antecedent))
                    resumed = self._main_clause_resumed(reading, k) if prev.text == "," else None
                    if resumed is not None and antecedent is not None:
                        # "Iran, which funds Hamas, condemned Israel": the main clause goes
                        # on after the closing comma, about the antecedent.
                        cuts.append((resumed, "relative", antecedent))
                elif low == "that" and k not in ref_at:
                    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
                    antecedent = self._antecedent_before(reading, k) if prev.text == "," else None
                    if antecedent is not None:
                        cuts.append((k, "relative", antecedent))
                    elif nxt is not None and nxt.low not in EN_BE:
                        cuts.append((k, "content", None))
                elif low in EN_SUBORDINATORS and low not in EN_RELATIVES:
                    if low not in ("so", "since", "once") or prev.text == ",":
                        cuts.append((k, "main", None))
                elif low == "and" and prev.text == ",":
                    after_and = ref_at.get(k + 1)
                    before_and = ref_at.get(k - 2)
                    listed = after_and is None and k - 2 in reading.cue_tokens
                    # "training, weapons, and intelligence from Iran": a list of what is
                    # given goes on; "weapons, and Qatar ..." opens a clause
                    if not listed and not (
                        after_and is not None
                        and before_and is not None
                        and after_and.group == before_and.group
                        and after_and.group >= 0
                    ):
                        cuts.append((k, "main", None))
                elif low in ("according",) and prev.text in (",",):
                    cuts.append((k, "main", None))
            else:
                bare = low[1:] if low[:1] in "وف" and low[1:] in AR_SUBORDINATORS else low
                if bare in AR_RELATIVES:
                    antecedent = self._antecedent_before(reading, k)
                    cuts.append((k, "relative", antecedent))
                    resumed = self._arabic_main_verb(reading, k)
                    if resumed is not None and antecedent is not None:
                        # "إيران، التي تدعم الحوثيين، أدانت إسرائيل": the main clause goes on
                        # at its verb, about the antecedent.
                        cuts.append((resumed, "relative", antecedent))
                elif bare in AR_COMPLEMENTIZERS:
                    cuts.append((k, "content", None))
                elif bare in AR_SUBORDINATORS or (
                    prev.text in ("،", ",")
                    and low.startswith("و")
                    and (
                        # "، وحزب الله" after a relative clause ends it: the name is the
                        # next conjunct of the main clause ("أ، وب الذي ...، وج تعتبر")
                        cuts[-1][1] == "relative"
                        or (
                            k not in ref_at
                            and not (low[1:] in AR_GENERIC_HEADS and k + 1 in ref_at)
                        )
                    )
                ):
                    cuts.append((k, "main", None))
        cuts = sorted({c[0]: c for c in cuts}.values())
        clauses = []
        for n, (first, kind, antecedent) in enumerate(cuts):
            last = cuts[n + 1][0] if n + 1 < len(cuts) else len(tokens)
            if last > first:
                clauses.append(Clause(first, last, kind, antecedent, first if n else None))
        return clauses or [Clause(0, len(tokens))]

    def _main_clause_resumed(self, reading: Reading, k: int) -> int | None:
        """Where the main clause goes on after a relative clause between commas opened at k:
        the token after the closing comma, when it is a verb (not a name, "and" or a list)."""
        tokens = reading.tokens
        for c in range(k + 1, min(len(tokens) - 1, k + 16)):
            if tokens[c].text in CLAUSE_PUNCTUATION:
                return None
            if tokens[c].text != ",":
                continue
            word = tokens[c + 1].low
            names = any(r.first <= c + 1 <= r.last for r in reading.refs)
            verbish = (
                word.endswith("ed")
                or word in EN_RESUMING_VERBS
                or (c + 1 in reading.cue_tokens and word.endswith("s"))  # "..., funds"
            )
            return c + 1 if verbish and not names else None
        return None

    def _arabic_main_verb(self, reading: Reading, k: int) -> int | None:
        """The verb of the main clause after a relative clause opened at k: a cue that looks
        like a finite verb (no article, preposition or conjunction on it) right after a name
        or a comma, past the relative clause's own verb."""
        tokens = reading.tokens
        named = {i for r in reading.refs for i in range(r.first, r.last + 1)}
        for j in range(k + 2, min(len(tokens), k + 12)):
            if tokens[j].text in CLAUSE_PUNCTUATION:
                return None
            low = tokens[j].low
            verbish = (
                j in reading.cue_tokens
                and j not in named
                and not low.startswith(("ال", "لل", "ب", "ل", "و", "ف", "م"))
                and not low.endswith(("ة", "ه", "ات"))
            )
            if verbish and (j - 1 in named or tokens[j - 1].text in ",،"):
                return j
        return None

    def _numeric(self, reading: Reading, k: int) -> bool:
        tokens = reading.tokens
        return (
            0 < k < len(tokens) - 1
            and tokens[k - 1].text.isdigit()
            and tokens[k + 1].text.isdigit()
        )

    def _antecedent_before(self, reading: Reading, k: int) -> Ref | None:
        """The referent a relative pronoun at token k is about: the one right before it
        (skipping a comma, a citation marker or a few words of its noun phrase); "who" is about
        people or groups, not a state named alone."""
        best = None
        for r in reading.refs:
            if r.last < k and not r.modifier and r.kind != "pronoun":
                best = r
        if (
            best is not None
            and reading.tokens[k].low in ("who", "whom")
            and best.group < 0
            and any(self.actors[i].type == "state" for i in best.ids if i in self.actors)
        ):
            return None
        if best is None:
            return None
        words = reading.words_between(best.last, k)
        if self.language == "en" and len(words) > 3:
            return None
        if self.language == "ar" and len(words) > 3:
            return None
        return best


def _joins_words(text: str, start: int, end: int) -> bool:
    """Whether the dash at [start, end) stands between two words with no space: a compound
    ("the Hezbollah–Russia relationship"), not a break in the sentence."""
    return start > 0 and end < len(text) and text[start - 1].isalnum() and text[end].isalnum()

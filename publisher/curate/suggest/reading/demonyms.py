"""Demonyms as referents: the table of a document's demonyms, and the states they name where a
demonym acts ("Iranian-backed", "Iranian advisors", "صواريخ إيرانية").
"""

from __future__ import annotations

from publisher.corpus.model import Actor
from publisher.curate.suggest.grammar.arabic import AR_AGENT_NOUNS, AR_DEMONYM_HEADS
from publisher.curate.suggest.grammar.english import EN_AGENT_NOUNS, EN_GOVERNMENT_NOUNS
from publisher.curate.suggest.reading.reader_base import ReaderBase
from publisher.curate.suggest.reading.sentence import Reading, Ref, Token
from publisher.textlayer.arabic import fold


def demonym_forms(name: str, language: str) -> set[str]:
    """The folded demonyms derived from one state name ("Iranian", "إيراني", "الإيرانية",
    "Turkish", "تركي", "السورية"); none for a name of several words."""
    low = fold(name)
    forms: set[str] = set()
    if language == "en":
        if " " in low or not low.isalpha():
            return forms
        forms = {low + "ian", low + "n", low + "i", low + "ese", low + "ish"}
        for cut in (1, 2):
            forms |= {low[:-cut] + "ese", low[:-cut] + "ish", low[:-cut] + "ian"}
        return forms
    if " " in low:
        return forms
    stem = low[2:] if low.startswith("ال") else low
    stems = {stem, stem[:-1] if stem.endswith("ا") else stem}
    if stem.endswith(("يا", "يه")) and len(stem) > 4:
        # تركيا، سوريا، روسيا، السعودية: the nisba replaces the ending (تركي، سورية، روسي، سعودي).
        stems.add(stem[:-2])
    for s in stems:
        # (يا: the indefinite accusative, "دعما إيرانيا")
        for suffix in ("ي", "يه", "يون", "يين", "يان", "يتين", "يتان", "يا"):
            forms |= {s + suffix, "ال" + s + suffix}
    return forms


def demonym_table(
    actors: dict[str, Actor], irregular: dict[str, str], language: str
) -> dict[str, str]:
    """Folded demonym -> state id: derived from the states' names, plus the irregular ones of
    the lexicon ("American", "أمريكي")."""
    table: dict[str, str] = {}
    for actor in actors.values():
        if actor.type != "state":
            continue
        if language == "en":
            names = [actor.names.en, *actor.names.aliases_en]
        else:
            names = [actor.names.ar, *actor.names.aliases_ar]
        for name in names:
            for form in sorted(demonym_forms(name, language)):
                table.setdefault(form, actor.id)
    for word, ident in irregular.items():
        if ident in actors:
            table[fold(word)] = ident
    return table


class DemonymReading(ReaderBase):
    """Demonyms that act as their state ("Iranian-backed", "صواريخ إيرانية") and a state's
    government named by its demonym."""

    def _demonym_refs(self, reading: Reading) -> None:
        """States named by a demonym where the demonym acts: before a participle or a noun of
        people and bodies ("Iranian-backed", "Iranian advisors", "the Israeli government"), or
        in Arabic after a noun ("صواريخ إيرانية", "مسؤولين إيرانيين")."""
        taken = {i for r in reading.refs for i in range(r.first, r.last + 1)}
        tokens = reading.tokens
        for t in tokens:
            if t.index in taken or not t.is_word:
                continue
            low = t.low
            state = None
            compound = None
            if self.language == "en" and "-" in low:
                head, _, tail = low.partition("-")
                state = self.demonyms.get(head) or self._state_named(head)
                compound = tail if state else None
            elif self.language == "en":
                state = self.demonyms.get(low)
            else:
                stem = low[1:] if low[:1] in "وفبل" and low[1:] in self.demonyms else low
                state = self.demonyms.get(stem)
            if state is None:
                continue
            nxt = tokens[t.index + 1] if t.index + 1 < len(tokens) else None
            kind_ok = False
            if compound is not None:
                kind_ok = True  # "Iranian-backed", "Iran-supplied": the compound is the cue
            elif self.language == "en":
                kind_ok = nxt is not None and (
                    nxt.low in EN_AGENT_NOUNS
                    or (nxt.text == "," and self._listed_demonym(reading, t.index))
                )
            else:
                prev = tokens[t.index - 1] if t.index > 0 else None
                head = prev.low if prev is not None else ""
                head = head[1:] if head[:1] in "وفبل" and len(head) > 3 else head
                bare = head[2:] if head.startswith("ال") else head
                kind_ok = prev is not None and (
                    head in AR_AGENT_NOUNS
                    or bare in AR_AGENT_NOUNS
                    or head in AR_DEMONYM_HEADS
                    or bare in AR_DEMONYM_HEADS
                )
            qualified = None
            if not kind_ok and compound is None:
                # A demonym qualifying a relation noun is its giver, as a possessor is:
                # "Iranian support for the Houthis", "الدعم الإيراني لحماس".
                qualified = self._qualified_cue(reading, t.index)
                kind_ok = qualified is not None
            if not kind_ok and compound is None:
                # "condemned the Israeli strikes", "أدانت قطر الغارات الإسرائيلية": the maker
                # of the deed judged.
                qualified = self._judged_deed(reading, t.index)
                kind_ok = qualified is not None
            if not kind_ok:
                continue
            ident = state
            if self.language == "en" and nxt is not None and nxt.low in EN_GOVERNMENT_NOUNS:
                ident = self._government_of(state) or state
            elif self.language == "en" and nxt is not None and nxt.text == ",":
                # "The U.S., British, and Israeli governments": the noun comes at the end.
                noun = self._list_head(reading, t.index)
                if noun is not None and noun.low in EN_GOVERNMENT_NOUNS:
                    ident = self._government_of(state) or state
            reading.refs.append(
                Ref(
                    t.start,
                    t.end,
                    t.index,
                    t.index,
                    (ident,),
                    t.text,
                    "demonym",
                    qualifies=qualified,
                )
            )

    def _qualified_cue(self, reading: Reading, index: int) -> int | None:
        """The relation noun the demonym at `index` qualifies, if any: right after it in
        English (kind adjectives may come between: "Iranian military and financial support"),
        right before it in Arabic ("الدعم الإيراني", "الدعم المالي الإيراني")."""
        tokens = reading.tokens
        step = 1 if self.language == "en" else -1
        k = index + step
        while 0 <= k < len(tokens):
            t = tokens[k]
            if k in reading.cue_tokens:
                return k if self.language == "ar" or not self._verb_form(t.low) else None
            bare = t.low[1:] if self.language == "ar" and t.low[:1] == "و" else t.low
            if not (bare in self.kind_words or t.low in ("and", ",", "،", "و")):
                return None
            k += step
        return None

    def _judged_deed(self, reading: Reading, index: int) -> int | None:
        """The noun the demonym at `index` qualifies when that noun is what a verb of praise or
        condemnation just before it judges: English "condemned the Israeli strikes" (the noun
        after the demonym), Arabic "أدانت قطر الغارات الإسرائيلية" (the noun before it, the
        verb and at most its subject before that)."""
        tokens = reading.tokens
        if self.language == "en":
            noun = index + 1
            k = index - 1
            while k >= 0 and tokens[k].low in ("the", "a", "an"):
                k -= 1
            verb = tokens[k].low if k >= 0 else ""
            judging = verb.startswith(_EN_JUDGING)
        else:
            noun = index - 1
            before = [t.low for t in tokens[max(0, noun - 3) : max(0, noun)] if t.is_word]
            judging = any((w[1:] if w[:1] in "وف" else w).startswith(_AR_JUDGING) for w in before)
        if not judging or not 0 <= noun < len(tokens) or not tokens[noun].is_word:
            return None
        return noun

    @staticmethod
    def _verb_form(low: str) -> bool:
        """An English cue word that reads as a verb after a demonym ("Iranian backed")."""
        return low.endswith("ed")

    def _state_governments(self, reading: Reading) -> None:
        """ "The U.S., British, and Israeli governments": a state's name used as a modifier of
        "government(s)" stands for its government."""
        if self.language != "en":
            return
        for ref in reading.refs:
            if ref.kind != "name" or not ref.ids or self.actors[ref.ids[0]].type != "state":
                continue
            head = self._list_head(reading, ref.last)
            nxt = reading.tokens[ref.last + 1] if ref.last + 1 < len(reading.tokens) else None
            if (
                head is not None
                and head.low in EN_GOVERNMENT_NOUNS
                and nxt is not None
                and (nxt.text == "," or nxt.low in EN_GOVERNMENT_NOUNS)
            ):
                government = self._government_of(ref.ids[0])
                if government:
                    ref.ids = (government,)

    def _listed_demonym(self, reading: Reading, index: int) -> bool:
        head = self._list_head(reading, index)
        return head is not None and head.low in EN_AGENT_NOUNS

    def _list_head(self, reading: Reading, index: int) -> Token | None:
        """The noun ending a list of modifiers: "U.S., British, and Israeli governments"."""
        for t in reading.tokens[index + 1 : index + 8]:
            if t.low in (",", "and") or t.low in self.demonyms or t.low in ("u.s", "us"):
                continue
            if t.text == ".":
                continue
            return t
        return None

    def _state_named(self, low: str) -> str | None:
        for actor in self.actors.values():
            if actor.type == "state" and low in (fold(actor.names.en), fold(actor.names.ar)):
                return actor.id
        return None

    def _government_of(self, state: str) -> str | None:
        for actor in self.actors.values():
            if (
                actor.government_of == state
                and actor.type == "government-body"
                and "government" in fold(actor.names.en)
            ):
                return actor.id
        return None


# Verbs (and their forms) of praising and condemning, as the start of a folded word.
_EN_JUDGING = (
    "condemn",
    "denounc",
    "prais",
    "welcom",
    "hail",
    "laud",
    "commend",
    "criticis",
    "criticiz",
    "deplor",
)
_AR_JUDGING = tuple(
    fold(w)
    for w in ("أدان", "تدين", "يدين", "أشاد", "يشيد", "تشيد", "رحب", "يرحب", "ترحب", "ندد", "يندد",
              "تندد", "استنكر", "يستنكر", "تستنكر", "انتقد", "ينتقد", "تنتقد", "ثمن", "يثمن", "تثمن")
)  # fmt: skip

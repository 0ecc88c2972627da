"""One sentence read for drafting: its words, the actors it refers to, and its clauses.

A `Reading` holds, in text order:

* tokens: words (with Arabic clitics attached, as written) and punctuation, each with its
  folded form;
* referents: the known actors and places the text layer found, the states named by a demonym
  where a demonym acts ("Iranian-backed", "Iranian advisors", "صواريخ إيرانية"), and the words
  that stand for an actor named elsewhere: pronouns ("it", "دعمها") and definite descriptions
  ("the group", "الحركة"), resolved by the drafter from the preceding clauses;
* for each referent, the preposition that governs it ("to", "by", "of", "'s", لـ, إلى, مع...),
  whether it only qualifies a person ("Hamas leader Ismail Haniyeh") and the referents it is
  coordinated with ("Qatar and Turkey", "الولايات المتحدة والاتحاد الأوروبي");
* clauses: spans of tokens cut at semicolons, relative pronouns, complementizers and
  subordinators; a relative clause knows the referent it is about.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from publisher.corpus.model import Actor, Place
from publisher.curate.suggest.grammar.arabic import (
    AR_AGENT_NOUNS,
    AR_ANAPHORS,
    AR_ATTACHED,
    AR_B_VERBS,
    AR_COMPLEMENTIZERS,
    AR_DEMONYM_HEADS,
    AR_PREPOSITION_PRONOUNS,
    AR_PREPOSITIONS,
    AR_RELATIVES,
    AR_SUBORDINATORS,
    AR_TRANSFER_VERBS,
)
from publisher.curate.suggest.grammar.english import (
    EN_AGENT_NOUNS,
    EN_ANAPHORS,
    EN_BE,
    EN_GOVERNMENT_NOUNS,
    EN_PRONOUNS_PERSON,
    EN_PRONOUNS_PLURAL,
    EN_PRONOUNS_SINGULAR,
    EN_RELATIVES,
    EN_ROLE_PREPOSITIONS,
    EN_SUBORDINATORS,
)
from publisher.textlayer import Mention
from publisher.textlayer.arabic import fold, is_arabic_letter

_TOKEN = re.compile(
    r"\d+(?:[.,]\d+)+|(?:[^\W_]|[\u064B-\u065F\u0670\u0640])+(?:['’\-](?:[^\W_]|[\u064B-\u065F\u0670])+)*"
    r"|[^\w\s]"
)
TITLE_GAP = 4  # words between an organisation and the person it qualifies
NON_PERSON = frozenset(
    {"state", "government-body", "organisation", "armed-wing", "unit", "collective", "media"}
)
CLAUSE_PUNCTUATION = frozenset(";؛:")
# Head nouns written before a name ("حركة حماس", "جماعة الحوثي").
AR_GENERIC_HEADS = frozenset(
    fold(w) for w in ("حركة", "جماعة", "منظمة", "تنظيم", "فصيل", "ميليشيا", "دولة", "حكومة", "حزب")
)
# Words that add a member to a list: "especially Yemen", "وخاصة اليمن", "including Hamas".
EXTENSIONS = frozenset(
    fold(w)
    for w in (
        "especially",
        "particularly",
        "notably",
        "including",
        "in particular",
        "وخاصة",
        "خاصة",
        "وخصوصا",
        "خصوصا",
        "ولا سيما",
        "لا سيما",
        "بما في ذلك",
        "ومنها",
        "ومنهم",
    )
)
_POSSESSIVES = frozenset(("its", "their", "his", "her"))
_POSSESSIVE = re.compile(r"^['’]s?(?![^\W_])")


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


def _demonyms(actors: dict[str, Actor], irregular: dict[str, str], language: str) -> dict[str, str]:
    """Folded demonym -> state id: derived from the states' names, plus the irregular ones of
    the lexicon ("American", "أمريكي")."""
    table: dict[str, str] = {}
    for actor in actors.values():
        if actor.type != "state":
            continue
        if language == "en":
            names = [actor.names.en, *actor.names.aliases_en]
            for name in names:
                low = fold(name)
                if " " in low or not low.isalpha():
                    continue
                forms = {low + "ian", low + "n", low + "i", low + "ese", low + "ish"}
                for cut in (1, 2):
                    forms |= {low[:-cut] + "ese", low[:-cut] + "ish", low[:-cut] + "ian"}
                for form in forms:
                    table.setdefault(form, actor.id)
        else:
            for name in [actor.names.ar, *actor.names.aliases_ar]:
                low = fold(name)
                if " " in low:
                    continue
                stem = low[2:] if low.startswith("ال") else low
                stems = {stem, stem[:-1] if stem.endswith("ا") else stem}
                for s in stems:
                    # (يا: the indefinite accusative, "دعما إيرانيا")
                    for suffix in ("ي", "يه", "يون", "يين", "يان", "يتين", "يتان", "يا"):
                        table.setdefault(s + suffix, actor.id)
                        table.setdefault("ال" + s + suffix, actor.id)
    for word, ident in irregular.items():
        if ident in actors:
            table[fold(word)] = ident
    return table


class Reader:
    """Reads sentences of one document: knows the actors, places and demonyms."""

    def __init__(
        self,
        language: str,
        actors: dict[str, Actor],
        places: dict[str, Place],
        demonyms: dict[str, str],
        memberships: dict[str, set[str]] | None = None,
        kind_words: frozenset[str] = frozenset(),
    ) -> None:
        self.language = language
        self.kind_words = kind_words  # "political", "المالي": adjectives naming a kind of support
        self.actors = actors
        self.places = places
        self.demonyms = _demonyms(actors, demonyms, language)

    # --- referents ---------------------------------------------------------------------------

    def read(
        self,
        text: str,
        start: int,
        end: int,
        mentions: list[Mention],
        cues: list[tuple[int, int]] = (),  # type: ignore[assignment]
    ) -> Reading:
        reading = Reading(text, start, end, self.language, tokenize(text, start, end))
        if not reading.tokens:
            reading.clauses = [Clause(0, 0)]
            return reading
        reading.cue_tokens = {
            t.index for t in reading.tokens for a, b in cues if t.start < b and a < t.end
        }
        self._names(reading, mentions)
        self._demonym_refs(reading)
        self._state_governments(reading)
        self._pronouns(reading)
        reading.refs.sort(key=lambda r: (r.start, r.end))
        self._markers(reading)
        self._modifiers(reading)
        self._coordination(reading)
        reading.clauses = self._clauses(reading)
        return reading

    def _covering(self, reading: Reading, start: int, end: int) -> tuple[int, int]:
        first = reading.token_at(start)
        last = first
        while last + 1 < len(reading.tokens) and reading.tokens[last + 1].start < end:
            last += 1
        return first, last

    def _names(self, reading: Reading, mentions: list[Mention]) -> None:
        for m in mentions:
            if not (reading.start <= m.start and m.end <= reading.end):
                continue
            first, last = self._covering(reading, m.start, m.end)
            token = reading.tokens[first]
            clitic = reading.text[token.start : m.start] if token.start < m.start else ""
            ids = (m.entity_id, *m.alternatives)
            actor_ids = tuple(i for i in ids if i in self.actors)
            place = next((i.split(":", 1)[1] for i in ids if i.startswith("place:")), None)
            if not actor_ids and place is None:
                continue
            kind = "name" if actor_ids else "place"
            if not actor_ids and place in self.places and self.places[place].located_in:
                # A place standing for its state when it acts: "موسكو وبكين أسقطتا".
                actor_ids = (str(self.places[place].located_in),)
            if place is None and actor_ids:
                # A government known by its capital ("Tehran") is also the place.
                for pid, p in self.places.items():
                    if fold(p.names.en) == fold(m.surface) or fold(p.names.ar) == fold(m.surface):
                        place = pid
            ref = Ref(m.start, m.end, first, last, actor_ids, m.surface, kind, place, clitic)
            reading.refs.append(ref)

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

    def _pronouns(self, reading: Reading) -> None:
        """Pronouns and definite descriptions that may stand for an actor named before."""
        taken = {i for r in reading.refs for i in range(r.first, r.last + 1)}
        tokens = reading.tokens
        if self.language == "en":
            i = 0
            while i < len(tokens):
                t = tokens[i]
                if i in taken:
                    i += 1
                    continue
                pair = f"{t.low} {tokens[i + 1].low}" if i + 1 < len(tokens) else ""
                if pair in EN_ANAPHORS and i + 1 not in taken:
                    nxt = tokens[i + 2] if i + 2 < len(tokens) else None
                    if nxt is None or not (nxt.text[:1].isupper() and nxt.is_word):
                        reading.refs.append(
                            Ref(
                                t.start,
                                tokens[i + 1].end,
                                i,
                                i + 1,
                                (),
                                reading.text[t.start : tokens[i + 1].end],
                                "anaphor",
                                types=EN_ANAPHORS[pair],
                            )
                        )
                        i += 2
                        continue
                if t.low in EN_PRONOUNS_SINGULAR or t.low in EN_PRONOUNS_PLURAL:
                    number = "plural" if t.low in EN_PRONOUNS_PLURAL else "singular"
                    if t.low in EN_PRONOUNS_PERSON:
                        types = frozenset({"person"})
                    elif number == "singular":
                        types = NON_PERSON
                    else:
                        types = frozenset()
                    reading.refs.append(
                        Ref(t.start, t.end, i, i, (), t.text, "pronoun", number=number, types=types)
                    )
                i += 1
            return
        for t in tokens:
            if t.index in taken or not t.is_word:
                continue
            low = t.low
            bare = low[1:] if low[:1] in "وف" and low[1:] in AR_PREPOSITION_PRONOUNS else low
            if bare in AR_PREPOSITION_PRONOUNS:
                marker, number = AR_PREPOSITION_PRONOUNS[bare]
                ref = Ref(
                    t.start,
                    t.end,
                    t.index,
                    t.index,
                    (),
                    t.text,
                    "pronoun",
                    number=number,
                    types=NON_PERSON if number == "singular" else frozenset(),
                )
                ref.marker = marker
                reading.refs.append(ref)
                continue
            if t.index + 1 < len(tokens):
                pair = f"{low} {tokens[t.index + 1].low}"
                if pair in AR_ANAPHORS and t.index + 1 not in taken:
                    nxt = tokens[t.index + 1]
                    reading.refs.append(
                        Ref(
                            t.start,
                            nxt.end,
                            t.index,
                            t.index + 1,
                            (),
                            pair,
                            "anaphor",
                            types=AR_ANAPHORS[pair],
                            number="plural",
                        )
                    )
                    continue
            for prefix in ("", "و", "ف", "ل", "ب", "ول", "وب", "فل"):
                if not low.startswith(prefix):
                    continue
                rest = low[len(prefix) :]
                if prefix.endswith("ل") and rest.startswith("ل"):
                    rest = "ا" + rest  # للحزب = ل + الحزب
                if rest in AR_ANAPHORS:
                    start = t.start + len(prefix) if prefix else t.start
                    reading.refs.append(
                        Ref(
                            start,
                            t.end,
                            t.index,
                            t.index,
                            (),
                            t.text[len(prefix) :],
                            "anaphor",
                            clitic=t.text[: len(prefix)],
                            types=AR_ANAPHORS[rest],
                        )
                    )
                    break

    def _markers(self, reading: Reading) -> None:
        for ref in reading.refs:
            if ref.kind == "pronoun" and ref.marker is not None:
                continue
            if (
                self.language == "en"
                and ref.kind == "pronoun"
                and fold(ref.surface) in _POSSESSIVES
            ):
                ref.marker = "'s"  # "its support", "their ties": the possessor
                continue
            after = reading.text[ref.end : ref.end + 3]
            if self.language == "en" and _POSSESSIVE.match(after):
                ref.marker = "'s"
                continue
            if self.language == "ar" and ref.clitic:
                attached = ref.clitic.lstrip("وف")
                if attached[:1] in AR_ATTACHED:
                    ref.marker = fold(attached[:1])
                    continue
            ref.marker = self._preposition_before(reading, ref)
            if ref.qualifies is not None:
                ref.marker = None  # "with Iranian support": "with" governs the noun

    def _preposition_before(self, reading: Reading, ref: Ref) -> str | None:
        tokens = reading.tokens
        refs_end = {r.last for r in reading.refs if r is not ref}
        words = 0
        for k in range(ref.first - 1, -1, -1):
            t = tokens[k]
            if not t.is_word:
                if t.text in ("“", "”", '"', "«", "»", "'"):
                    continue
                return None
            if k in refs_end:
                return None
            if k in reading.cue_tokens:
                # A cue ending in a preposition ("fight alongside", "member of") marks what follows.
                low = t.low
                if words == 0 and (
                    low in EN_ROLE_PREPOSITIONS - {"of", "as"}
                    or low in AR_PREPOSITIONS - {fold("من")}
                ):
                    return low
                return None
            low = t.low
            if self.language == "en":
                if low in ("of", "from", "in") and self._agent_noun_before(reading, k):
                    # "a delegation of leaders from Hamas": the delegation stands for Hamas.
                    words = 0
                    continue
                if low in EN_ROLE_PREPOSITIONS:
                    return low
                if low in EN_BE or low in EN_SUBORDINATORS:
                    return None
            else:
                if low in (fold("من"), fold("في")) and self._agent_noun_before(reading, k):
                    words = 0  # "وفد من نواب حزب الله": the delegation stands for Hezbollah
                    continue
                if low in AR_PREPOSITIONS:
                    return low
                head = low[1:] if low[:1] in "وف" and len(low) > 4 else low
                if (
                    head[:1] in AR_ATTACHED
                    and (head[:1] != "ك" or head.startswith("كال"))  # كتلة، كذلك: no "like"
                    and len(head) > 3
                    and words < 2
                    and not head.startswith("ال")
                    and head not in AR_B_VERBS
                    and head not in AR_TRANSFER_VERBS
                ):
                    # The preposition is on the head noun: لميليشيات الحوثي, بمكتب حماس.
                    return head[:1]
                if low in AR_SUBORDINATORS:
                    return None
            words += 1
            if words >= (TITLE_GAP if self.language == "en" else 2):
                return None
        return None

    def _agent_noun_before(self, reading: Reading, k: int) -> bool:
        """Whether a noun of people or bodies ("delegation", "leaders", "وفد", "نواب") ends just
        before token k (allowing an adjective or two: "a large delegation")."""
        nouns = EN_AGENT_NOUNS if self.language == "en" else AR_AGENT_NOUNS
        for j in range(k - 1, max(-1, k - 3), -1):
            low = reading.tokens[j].low
            bare = low[1:] if low[:1] in "وف" and len(low) > 3 else low
            if low in nouns or bare in nouns or (low.startswith("ال") and low[2:] in nouns):
                return low not in ("state", "government", "minister", "president")
            if not reading.tokens[j].is_word:
                return False
        return False

    def _modifiers(self, reading: Reading) -> None:
        """An organisation or state that only qualifies the person named next to it:
        "Hamas leader Ismail Haniyeh", "رئيس حماس خالد مشعل", "Hassan Dahir Aweys of the ICU",
        "Turkish President Recep Tayyip Erdoğan"."""
        refs = reading.refs
        for i, ref in enumerate(refs):
            if self._is_person(ref):
                continue
            nxt = refs[i + 1] if i + 1 < len(refs) else None
            if nxt is not None and self._is_person(nxt) and ref.kind in ("name", "demonym"):
                gap = reading.words_between(ref.last, nxt.first)
                marks = reading.punctuation_between(ref.last, nxt.first) - {"’", "'"}
                if (
                    len(gap) <= TITLE_GAP
                    and not marks & {";", "(", ")", ":"}
                    and not any(
                        t.low in EN_SUBORDINATORS
                        or t.low in AR_SUBORDINATORS
                        or t.low in ("and", "with", "to", "by", "met", "التقى")
                        for t in gap
                    )
                ):
                    commas = bool(marks & {",", "،"})
                    titled = all(_is_title(t.low, self.language) for t in gap)
                    if self.language == "ar" and commas and not titled:
                        pass  # "وفدا من حماس، برئاسة موسى أبو مرزوق": led by, not a title
                    elif not commas or self.language == "ar" or len(gap) >= 1:
                        ref.modifier = True
                        continue
            if ref.kind == "name" and self._individual_after(reading, ref):
                ref.modifier = True  # "a veteran Hamas operative": a person, not Hamas
                continue
            prev = refs[i - 1] if i > 0 else None
            if prev is not None and self._is_person(prev) and ref.marker in ("of", "from"):
                gap = reading.words_between(prev.last, ref.first)
                if len(gap) <= 4 and not reading.punctuation_between(prev.last, ref.first):
                    ref.modifier = True
            if self.language == "ar":
                # The person the apposition follows, past descriptions it holds ("الوفد").
                prev = next(
                    (
                        p
                        for p in reversed(refs[:i])
                        if not (p.kind == "anaphor" and not p.ids and p.modifier)
                    ),
                    None,
                )
            if prev is not None and self._is_person(prev) and self.language == "ar":
                # "محمد رعد، رئيس الوفد ورئيس كتلة حزب الله": an apposition after a person.
                between = reading.tokens[prev.last + 1 : ref.first]
                titles = [t for t in between if t.is_word]
                if (
                    between
                    and between[0].text in "،,"
                    and len(titles) <= 6
                    and any(t.low.lstrip("و") in AR_AGENT_NOUNS for t in titles)
                ) and not any(t.text in ".؛:" for t in between):
                    ref.modifier = True

    def _individual_after(self, reading: Reading, ref: Ref) -> bool:
        """An organisation's name before a noun for one of its people ("a Hamas operative",
        "the Hezbollah commander") names that person, not the organisation."""
        if self.language != "en" or ref.last + 1 >= len(reading.tokens):
            return False
        nxt = reading.tokens[ref.last + 1]
        before = reading.tokens[ref.first - 1].low if ref.first > 0 else ""
        before2 = reading.tokens[ref.first - 2].low if ref.first > 1 else ""
        article = before in ("a", "an") or before2 in ("a", "an")
        return nxt.low in EN_INDIVIDUALS and (article or before in ("the", "veteran", "senior"))

    def _is_person(self, ref: Ref) -> bool:
        return any(self.actors[i].type == "person" for i in ref.ids if i in self.actors)

    def _coordination(self, reading: Reading) -> None:
        refs = [r for r in reading.refs if not r.modifier and r.kind != "pronoun"]
        group = 0
        conjoined: set[int] = set()  # groups with an "and", "or" (English lists need one)
        for a, b in itertools.pairwise(refs):
            between = _without_citations(reading.tokens[a.last + 1 : b.first])
            words = [t.low for t in between if t.is_word and t.low not in ("the", "a", "an")]
            marks = [t.text for t in between if not t.is_word]
            if self._is_person(b) and not self._is_person(a):
                # "حكومة حماس، بما في ذلك رئيس الوزراء السابق إسماعيل هنية"
                for n in range(len(words), 0, -1):
                    if " ".join(words[:n]) in EXTENSIONS:
                        titles = words[n:]
                        if len(titles) <= 4:
                            words = words[:n]
                        break
            joined = False
            extension = " ".join(words) in EXTENSIONS
            if (
                self.language == "en"
                and words[:1] in (["and"], ["or"])
                and 1 < len(words) <= 4
                and words[1] in _POSSESSIVES
            ):
                words = words[:1]  # "Erdoğan and his ruling party"
            if (
                self.language == "en"
                and self._is_person(a)
                and self._is_person(b)
                and set(marks) <= {","}
                and (marks or words[:1] == ["and"])
            ):
                # "Hakan Fidan, Presidential Communications Director Fahrettin Altun and
                # presidential spokesman İbrahim Kalın": a person's title before the name.
                titled = [t for t in between if t.is_word and t.low not in ("and", "the")]
                if 0 < len(titled) <= 4 and all(
                    t.text[:1].isupper() or t.low in EN_TITLE_WORDS for t in titled
                ):
                    words = ["and"] if "and" in words else []
            if self.language == "en":
                joined = (
                    words in ([], ["and"], ["or"], ["as", "well", "as"])
                    and set(marks) <= {","}
                    and bool(words or marks)
                ) or (extension and set(marks) <= {","})
            else:
                if len(words) == 1 and words[0][:1] == "و" and words[0][1:] in AR_GENERIC_HEADS:
                    # "وسوريا وحركة حماس": the head noun of a name, after "and".
                    words, b.clitic = [], "و"
                joined = (
                    (not words and set(marks) <= {"،", ","} and b.clitic.startswith("و"))
                    or (not words and not marks and b.clitic.startswith("و"))
                    or (words in (["و"],) and set(marks) <= {"،", ","})
                    or (extension and set(marks) <= {"،", ","})
                )
            same = a.kind == b.kind or {a.kind, b.kind} <= {"name", "demonym", "anaphor"}
            if joined and same and (a.kind != "place" or b.kind == "place"):
                if a.group < 0:
                    a.group = group
                    group += 1
                b.group = a.group
                b.extension = extension
                if self.language == "ar" or extension or words:
                    conjoined.add(a.group)
        for number in {r.group for r in refs if r.group >= 0} - conjoined:
            last = max((r for r in refs if r.group == number), key=lambda r: r.last)
            after = _without_citations(reading.tokens[last.last + 1 : last.last + 8])
            words = [t.low for t in after[:3] if t.is_word]
            if words[:1] in (["and"], ["or"]):
                conjoined.add(number)  # "A, B, C and various other groups"
        for number in {r.group for r in refs if r.group >= 0} - conjoined:
            if sum(1 for r in refs if r.group == number) >= 3:
                conjoined.add(number)  # "A, B, C": a list of three is a list
        for r in reading.refs:
            if r.modifier or (r.group >= 0 and r.group not in conjoined):
                r.group = -1
        for number in conjoined:
            members = [r for r in refs if r.group == number]
            for b in members[1:]:
                if b.marker is None:
                    b.marker = members[0].marker  # "to Hamas and Hezbollah"

    # --- clauses -----------------------------------------------------------------------------

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
                t.text in ("—", "–") and not self._numeric(reading, k)
            ):
                cuts.append((k + 1, "main", None))
                continue
            if self.language == "en":
                if low in EN_RELATIVES and low != "that" and k not in ref_at:
                    antecedent = self._antecedent_before(reading, k)
                    cuts.append((k, "relative", antecedent))
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
                    if not (
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
                    cuts.append((k, "relative", self._antecedent_before(reading, k)))
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


EN_INDIVIDUALS = frozenset(
    (
        "operative",
        "official",
        "leader",
        "commander",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "member",
        "militant",
        "fighter",
        "representative",
        "envoy",
        "minister",
        "figure",
        "chief",
        "head",
        "founder",
        "cofounder",
        "co-founder",
        "activist",
        "source",
    )
)
_TITLE_WORDS = frozenset(
    fold(w)
    for w in (
        "رئيس",
        "الرئيس",
        "زعيم",
        "الزعيم",
        "قائد",
        "القائد",
        "أمين",
        "الأمين",
        "العام",
        "نائب",
        "وزير",
        "المتحدث",
        "باسم",
        "السياسي",
        "المكتب",
        "السابق",
        "آنذاك",
        "الشيخ",
        "القيادي",
        "مسؤول",
        "المسؤول",
        "ممثل",
        "عضو",
        "الأعلى",
        "العسكري",
    )
)


# Words of English titles written before a person's name ("presidential spokesman").
EN_TITLE_WORDS = frozenset(
    (
        "presidential",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "deputy",
        "foreign",
        "defence",
        "defense",
        "intelligence",
        "chief",
        "head",
        "director",
        "adviser",
        "advisor",
        "secretary",
        "envoy",
        "ambassador",
        "commander",
        "leader",
        "senior",
        "official",
        "general",
    )
)


def _is_title(low: str, language: str) -> bool:
    if language != "ar":
        return True
    bare = low[1:] if low[:1] == "و" and len(low) > 3 else low
    return bare in _TITLE_WORDS or bare in AR_AGENT_NOUNS


def _without_citations(tokens: list[Token]) -> list[Token]:
    """Tokens without citation markers ("[1]", "[2][7]")."""
    out: list[Token] = []
    skip = False
    for t in tokens:
        if t.text == "[":
            skip = True
            continue
        if skip:
            if t.text == "]":
                skip = False
            continue
        out.append(t)
    return out


def is_arabic_word(word: str) -> bool:
    return bool(word) and is_arabic_letter(word[0])

"""Drafting claims: each clause with a relation cue becomes a candidate claim whose roles are
read from the clause's syntax, for a curator to confirm or reject.

For each sentence (outside boilerplate), in text order:

1. read it (reading/): words, referents, prepositions, coordination, clauses;
2. find its cues (the lexicon), merged where they make one relation ("pledged new funding" is a
   pledge of financial aid) or split where a support noun names several kinds ("الدعم السياسي
   والمادي");
3. find who states what (attribution: "according to", "X said", "قال X لوكالة Y", "وفقا لـ"),
   who denies it ("X denied", "نفى X", "rejected the claims"), and hedges;
4. for each cue, its agent and recipient (roles/); a pronoun or description ("it", "the
   group", "الحركة", a dropped subject) takes the actor of the preceding clause when that is
   unambiguous, and the draft says so in its note; otherwise the draft names the gap;
5. never a claim between an actor and its own part (a state and its government, ministry,
   armed wing, unit; a person and the body they hold a position in);
6. fields: amount (per recipient), counts, time (timing.py), place, where a transfer came from,
   went through and went to, polarity, hedge, attribution chain, and the evidence: the
   shortest span from the first to the last word the claim rests on, its denial or hedge
   included;
7. a confidence from how the roles were found (calibrated on the dev half of the evaluation
   set; docs/suggest.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TypedDict

from publisher.corpus.model import Actor, Corpus, Document
from publisher.curate.suggest.grammar.arabic import (
    AR_AGENT_NOUNS,
    AR_CONSIDER,
    AR_DENIAL_OBJECTS,
    AR_DENIAL_VERBS,
    AR_IRREALIS,
    AR_PURPOSE,
    AR_SUFFIXES,
    AR_TRANSFER_VERBS,
)
from publisher.curate.suggest.grammar.english import (
    EN_AGENT_NOUNS,
    EN_BE,
    EN_DENIAL_OBJECTS,
    EN_DENIAL_VERBS,
    EN_IRREALIS,
    EN_PURPOSE,
    EN_TRANSFER_VERBS,
)
from publisher.curate.suggest.lexicon import Lexicon, Match
from publisher.curate.suggest.reading.reader import Reader
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.arabic_nouns import AR_AL_VERBS, arabic_noun
from publisher.curate.suggest.roles.coordination import coordinated_across
from publisher.curate.suggest.roles.cue import Cue, Roles
from publisher.curate.suggest.roles.finding import find_roles
from publisher.curate.suggest.roles.referents import circumstantial
from publisher.curate.suggest.timing import (
    DraftInterval,
    DraftTime,
    nearest,
    relative_times,
    times_in,
)
from publisher.textlayer import AmountMention, Mention, TextLayer
from publisher.textlayer.arabic import fold
from publisher.textlayer.quantities import Count, find_counts
from publisher.textlayer.relative import find_relative

DRAFTER = "suggest 3"
NEGATION_WINDOW = 3
SUPPORT = frozenset(
    {
        "financial-support",
        "military-support",
        "weapons-supply",
        "training",
        "political-support",
        "pledge",
        "pledge-financial-aid",
        "pledge-military-aid",
        "attack-planning-support",
        "suspension-of-support",
        "resumption-of-support",
    }
)
TRANSFERS = frozenset({"financial-support", "military-support", "weapons-supply"})
COUNTED = frozenset({"military-support", "weapons-supply", "training"})
PERSONLESS = frozenset({"alliance"})  # relations between bodies, never a person
__all__ = ["DRAFTER", "Draft", "DraftAmount", "DraftInterval", "draft_claims"]


class DraftAmount(TypedDict, total=False):
    """A draft's amount as the mapping file writes it."""

    value: int
    min: int
    max: int
    currency: str
    rate: str
    approximate: bool


class DraftQuantity(TypedDict, total=False):
    kind: str
    value: int
    min: int
    max: int
    approximate: bool
    label: str


@dataclass(frozen=True)
class Draft:
    """A candidate claim; `start`/`end`/`quote` are its evidence."""

    document: str
    subject: str | None
    relation: str
    object: str | None
    start: int
    end: int
    quote: str
    cues: tuple[str, ...]
    cue_start: int
    confidence: float
    amount: DraftAmount | None = None
    quantities: tuple[DraftQuantity, ...] = ()
    time: DraftTime | None = None
    place: str | None = None
    origin: str | None = None
    route: tuple[str, ...] = ()
    destination: str | None = None
    hedged: bool = False
    polarity: str = "affirmed"
    attribution: tuple[tuple[str, str], ...] = ()
    gap: str | None = None
    note: str | None = None

    @property
    def cue(self) -> str:
        return self.cues[0] if self.cues else ""


@dataclass
class Frame:
    """Who states (or denies) what: the tokens in its scope and the agents, in chain order."""

    kind: str  # source | speaker | denial
    first: int
    last: int  # scope [first, last) in tokens
    agents: list[tuple[str, str]]
    refs: list[Ref]
    at: int  # the token of its verb or preposition
    start: int  # the text span of its words, for the evidence of a denial
    end: int
    skip: tuple[int, int] = (0, 0)  # tokens out of its scope: the source's own description

    def covers(self, k: int) -> bool:
        return self.first <= k < self.last and not self.skip[0] <= k < self.skip[1]


@dataclass
class Topic:
    """What a title or heading is about: a giver (if named) and a recipient."""

    giver: str | None
    recipient: str


@dataclass
class Memory:
    """What earlier sentences leave for later ones."""

    refs: list[tuple[Ref, int]] = field(default_factory=list)  # resolved referents, sentence no.
    subjects: list[str] = field(default_factory=list)  # agents of the last clause with a claim
    drafts: list[Draft] = field(default_factory=list)  # drafts of the previous sentence
    speaker: str | None = None
    media: str | None = None
    time: DraftTime | None = None
    delegation: str | None = None
    meeting: tuple[str, str] | None = None  # (host or first side, guest or other side)
    meeting_place: str | None = None
    topic: str | None = None
    sentence: int = 0


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


class Drafter:
    """Drafts the claims of one document."""

    def __init__(
        self,
        document: Document,
        layer: TextLayer,
        corpus: Corpus,
        lexicon: Lexicon,
        rates: frozenset[str],
        title_layer: TextLayer | None = None,
    ) -> None:
        self.document = document
        self.layer = layer
        self.text = document.text
        self.actors = corpus.actors
        self.places = corpus.places
        self.lexicon = lexicon
        self.rates = rates
        self.language = document.language
        self.reader = Reader(
            self.language,
            corpus.actors,
            corpus.places,
            dict(self._demonym_table()),
            kind_words=frozenset(
                fold(phrase) for phrase, _, _ in lexicon.kinds.phrases if " " not in phrase
            ),
        )
        self.parents = self._parents(corpus)
        text = self.text
        mentions = [m for m in layer.mentions if not m.in_boilerplate]
        self.mentions = mentions
        self.cues = [
            c
            for c in lexicon.relations.find(text)
            if not any(_overlaps(c.start, c.end, m.start, m.end) for m in mentions)
        ]
        if self.language == "ar":
            # Verb ... object cues around their subject: "أسقطت موسكو وبكين مشروع قرار".
            split = lexicon.relations.find_split(text, [(m.start, m.end) for m in mentions])
            self.cues += [
                c
                for c in split
                if not any(_overlaps(c.start, c.end, k.start, k.end) for k in self.cues)
            ]
            self.cues.sort()
        self.transferred = lexicon.transferred.find(text)
        self.kinds = lexicon.kinds.find(text)
        self.changes = lexicon.changes.find(text)
        self.attribution = lexicon.attribution.find(text)
        self.reversing = lexicon.reversing.find(text)
        if self.language == "ar":
            # "تعتمد حماس على", "حصل الحوثيون على": a receiving verb and its preposition
            # around the subject (verb-subject-object).
            self.reversing += lexicon.reversing.find_split(
                text, [(m.start, m.end) for m in mentions]
            )
        self.negations = lexicon.negations.find(text)
        self.hedges = lexicon.hedges.find(text)
        self.amounts = [a for a in layer.amounts if not a.in_boilerplate]
        self.dates = [d for d in layer.dates if not d.in_boilerplate]
        self.counts = find_counts(text)
        self.relatives = find_relative(text)
        self.memory = Memory()
        war = _WAR_YEAR.search(fold(text))
        self.war_year: str | None = (war.group(1) or war.group(2)) if war else None
        # Who gives and who receives, as the title or the current heading names them
        # ("Qatari support for Hamas", "==Support of Hezbollah=="): a reader takes the
        # recipient from there when a sentence names only the giver.
        self.title_topic: Topic | None = None
        if title_layer is not None:
            title = title_layer.text
            self.title_topic = self._topic(
                title,
                0,
                len(title),
                [m for m in title_layer.mentions if not m.in_boilerplate],
                lexicon.relations.find(title),
            )
        self.heading_topic: Topic | None = None
        self.attended: set[tuple[str | None, str | None, int]] = set()  # joined a meeting

    def _demonym_table(self) -> Iterable[tuple[str, str]]:
        for word, ident in self.lexicon.demonyms:
            yield word, ident
            if self.language == "ar" and fold(word).endswith("ي"):
                stem = fold(word)[:-1]
                for suffix in ("يه", "يون", "يين", "يان"):
                    yield stem + suffix, ident
                    yield "ال" + stem + suffix, ident
                yield "ال" + fold(word), ident

    @staticmethod
    def _parents(corpus: Corpus) -> dict[str, set[str]]:
        """Each actor's ancestors: what it is part, unit, wing or government of, and for a
        person the bodies they hold a position in."""
        direct: dict[str, set[str]] = {}
        for actor in corpus.actors.values():
            direct[actor.id] = {
                p
                for p in (actor.part_of, actor.unit_of, actor.armed_wing_of, actor.government_of)
                if p
            }
        for membership in corpus.memberships:
            direct.setdefault(membership.person, set()).add(membership.organisation)
        closed: dict[str, set[str]] = {}
        for ident, parents in direct.items():
            seen: set[str] = set()
            todo = list(parents)
            while todo:
                nxt = todo.pop()
                if nxt not in seen:
                    seen.add(nxt)
                    todo += direct.get(nxt, set())
            closed[ident] = seen
        return closed

    def related(self, a: str, b: str) -> bool:
        """The same actor, or one is a part of the other."""
        return a == b or a in self.parents.get(b, set()) or b in self.parents.get(a, set())

    def actor(self, ident: str) -> Actor | None:
        return self.actors.get(ident)

    # --- the document ----------------------------------------------------------------------------

    def run(self) -> list[Draft]:
        drafts: dict[tuple[str | None, str, str | None, int], Draft] = {}
        sentences = [s for s in self.layer.sentences if not s.in_boilerplate]
        number = -1
        for s in sentences:
            if self._heading(s.start, s.end):
                cues = [c for c in self.cues if s.start <= c.start and c.end <= s.end]
                self.heading_topic = self._topic(self.text, s.start, s.end, self.mentions, cues)
                continue
            number += 1
            self.memory.sentence = number
            found = self._sentence(s.start, s.end)
            for d in found:
                key = (d.subject, d.relation, d.object, d.start)
                old = drafts.get(key)
                if old is None or d.confidence > old.confidence:
                    drafts[key] = d
        # A relation told again in general terms ("the relationship between Hamas and Iran",
        # restated through an article) is less likely to be a claim of its own.
        seen: set[tuple[str | None, str, str | None]] = set()
        for key in sorted(drafts, key=lambda k: k[3]):
            d = drafts[key]
            triple = (d.subject, d.relation, d.object)
            if triple in seen and d.relation in _RESTATED:
                drafts[key] = replace(d, confidence=round(max(0.05, d.confidence - 0.3), 2))
            seen.add(triple)
        # One draft per (subject, relation, object) and overlapping evidence.
        kept: list[Draft] = []
        for d in sorted(drafts.values(), key=lambda d: (-d.confidence, d.start)):
            if any(
                (k.subject, k.relation, k.object) == (d.subject, d.relation, d.object)
                and _overlaps(k.start, k.end, d.start, d.end)
                for k in kept
            ):
                continue
            kept.append(d)
        return sorted(kept, key=lambda d: (d.start, d.cue_start, d.relation, d.subject or ""))

    def _heading(self, start: int, end: int) -> bool:
        """A title or heading line: a whole line of a few words with no final punctuation."""
        text = self.text
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:start].strip() or text[end:line_end].strip():
            return False
        line = text[start:end].rstrip()
        return len(line.split()) <= 12 and not line.endswith(
            (".", "!", "?", "؟", "]", "”", '"', "»")
        )

    def _topic(
        self,
        text: str,
        start: int,
        end: int,
        mentions: Sequence[Mention],
        cues: Sequence[Match[tuple[str, bool]]],
    ) -> Topic | None:
        """The giver and recipient a title or heading names with a support noun: "Qatari
        support for Hamas", "Support of Hezbollah", "Funding of the Axis of Resistance",
        "الدعم القطري لحماس". None without a support cue or a marked recipient."""
        support = [c for c in cues if c.payload[0] in SUPPORT and not c.payload[1]]
        if not support:
            return None
        reading = self.reader.read(
            text, start, end, list(mentions), [(c.start, c.end) for c in cues]
        )
        if not reading.tokens:
            return None
        cue_first = reading.token_at(support[0].start)
        refs = [r for r in reading.refs if r.ids and r.kind != "place" and not r.modifier]
        recipient = next(
            (r for r in refs if r.first > cue_first and r.marker in _TOPIC_RECIPIENT), None
        )
        if recipient is None:
            return None
        giver = next(
            (
                r
                for r in refs
                if r is not recipient
                and (r.qualifies is not None or r.marker in (None, "'s"))
                and not (recipient.group >= 0 and r.group == recipient.group)
            ),
            None,
        )
        receiving = recipient.actor or ""
        giving = giver.actor if giver is not None else None
        if giving is not None and self.related(giving, receiving):
            return None
        return Topic(giving, receiving)

    def _topic_recipient(self, agents: list[Ref]) -> tuple[str, str] | None:
        """The recipient the current heading (else the title) names, when the giver it names,
        if any, is the clause's agent (or part of the same state): (recipient, where)."""
        for topic, where in ((self.heading_topic, "heading"), (self.title_topic, "title")):
            if topic is None:
                continue
            ids = [a.actor for a in agents if a.actor]
            if not ids or any(self.related(i, topic.recipient) for i in ids):
                return None
            if topic.giver is None or all(
                i == topic.giver or self.related(i, topic.giver) or self._same_state(i, topic.giver)
                for i in ids
            ):
                return topic.recipient, where
            return None
        return None

    # --- one sentence ------------------------------------------------------------------------------

    def _sentence(self, start: int, end: int) -> list[Draft]:
        text = self.text
        cue_matches = [c for c in self.cues if start <= c.start and c.end <= end]
        stops = [(c.start, c.end) for c in cue_matches]
        stops += [(c.start, c.end) for c in self.transferred if start <= c.start and c.end <= end]
        reading = self.reader.read(text, start, end, self.mentions, stops)
        if not reading.tokens:
            return []
        if self.memory.topic is None:
            named = [r for r in reading.refs if r.ids and r.kind == "name"]
            if named:
                self.memory.topic = named[0].actor
        self._resolve(reading)
        frames = self._frames(reading)
        cues = [
            c
            for c in self._cues(reading, cue_matches)
            if not any(
                r.ids and r.kind == "anaphor" and _overlaps(c.start, c.end, r.start, r.end)
                for r in reading.refs
            )
        ]
        reversing = {
            reading.token_at(r.start) for r in self.reversing if start <= r.start and r.end <= end
        }
        drafts: list[Draft] = []
        praised: list[tuple[Cue, Roles]] = []
        for cue in cues:
            clause = reading.clause_of(cue.first)
            governor = cue.governor or cue
            # Who states it is not a participant of what they state (in their scope): "X
            # said ...", "T24 reported"; "according to X" wherever it stands.
            # But "صرح عقب لقاء X", "said after meeting X": the meeting is the speaker's own.
            excluded = {
                id(r)
                for f in frames
                if f.kind == "source"
                or (
                    f.covers(cue.first)
                    and not self._speaker_s_circumstance(reading, f, cue)
                    and not self._denier_acts(reading, f, cue)
                )
                for r in f.refs
            }
            roles = find_roles(reading, clause, governor, excluded, reversing)
            if roles.agents:
                roles.agents = coordinated_across(reading, clause, roles.agents)
            roles = self._membership(reading, cue, roles)
            if cue.relation == "praise":
                praised.append((cue, roles))
            roles, thanker = self._thanked_for(reading, cue, roles, praised)
            drafts += self._drafts(reading, clause, cue, roles, frames, thanker)
        drafts += self._inclusions(reading, frames)
        drafts += self._denied_claims(reading, frames, drafts)
        self._remember(reading, drafts, frames)
        return drafts

    @staticmethod
    def _denier_acts(reading: Reading, frame: Frame, cue: Cue) -> bool:
        """What the denier denies doing: "Iran denied funding Hamas", "نفت إيران تمويل حماس":
        the act right after the denial (its verb, or in Arabic its subject) is the denier's."""
        if frame.kind != "denial" or not frame.refs:
            return False
        if reading.language == "en":
            between = reading.words_between(frame.at, cue.first)
            return cue.first > frame.at and all(
                t.low in ("having", "ever") or t.low in EN_TRANSFER_VERBS for t in between
            )
        return frame.refs[-1].last == cue.first - 1

    @staticmethod
    def _speaker_s_circumstance(reading: Reading, frame: Frame, cue: Cue) -> bool:
        """A cue in a time phrase right after a speaker's verb ("صرح عقب لقاء", "said after
        meeting"): what the speaker did, not what they state."""
        return (
            frame.kind == "speaker"
            and 0 < cue.first - frame.at <= 3
            and circumstantial(reading, cue)
        )

    def _membership(self, reading: Reading, cue: Cue, roles: Roles) -> Roles:
        """ "The axis ... an alliance between Iran, Syria and Hamas": each is a member of the
        collective the sentence is about, not an ally of the others."""
        if cue.relation != "alliance" or roles.how not in ("between", "pair"):
            return roles
        collective = next(
            (
                r
                for r in reading.refs
                if r.last < cue.first
                and r.marker is None
                and not r.modifier
                and r.actor
                and self._type(r.actor) == "collective"
                and r not in roles.agents + roles.recipients
            ),
            None,
        )
        if collective is None:
            return roles
        return Roles(roles.agents + roles.recipients, [collective], "members")

    def _thanked_for(
        self, reading: Reading, cue: Cue, roles: Roles, praised: list[tuple[Cue, Roles]]
    ) -> tuple[Roles, list[Ref]]:
        """ "Haniyeh thanked Iran for its support", "شكر قطر على دعمها": the one thanked gives
        the support, the one thanking receives it (when no one else is named) and says so."""
        if cue.relation not in SUPPORT or not praised:
            return roles, []
        thanks, thanks_roles = praised[-1]
        between = [t.low for t in reading.tokens[thanks.last + 1 : cue.first] if t.is_word]
        if not between or len(between) > 5 or not thanks_roles.agents:
            return roles, []
        if not any(
            w in ("for", fold("على"), fold("لدعمها")) or w.startswith(fold("على")) for w in between
        ):
            return roles, []
        agents = roles.agents or thanks_roles.recipients
        recipients = roles.recipients or thanks_roles.agents
        return Roles(agents, recipients, roles.how, roles.competing), thanks_roles.agents

    def _inclusions(self, reading: Reading, frames: list[Frame]) -> list[Draft]:
        """ "Other groups within the coalition include Hamas, the PIJ and the Houthis", "يضم
        المحور ...": each one listed is a member of the collective (alliance)."""
        include = _INCLUDE_EN if self.language == "en" else _INCLUDE_AR
        out = []
        for t in reading.tokens:
            if t.low not in include:
                continue
            clause = reading.clause_of(t.index)
            before = [
                r
                for r in reading.refs_in(clause.first, t.index)
                if r.actor
                and self._type(r.actor) == "collective"
                and len(reading.words_between(r.last, t.index)) <= 5
            ]
            after = [
                r
                for r in reading.refs_in(t.index + 1, clause.last)
                if r.actor and not r.modifier and r.kind != "place"
            ]
            if not before or not after:
                continue
            collective = before[-1]
            members = reading.group_of(after[0])
            cue = Cue(t.index, t.index, t.start, t.end, "alliance", False, t.text, "cue")
            roles = Roles([m for m in members if m.actor], [collective], "members")
            out += self._drafts(reading, clause, cue, roles, frames, [])
        return out

    # --- referents standing for others ---------------------------------------------------------------

    def _fits(self, ident: str, ref: Ref) -> bool:
        actor = self.actors.get(ident)
        if actor is None:
            return False
        if ref.types:
            if actor.type not in ref.types:
                return False
            word = fold(ref.surface).removeprefix("ال").removeprefix("the ")
            if self.language == "ar" and word in (fold("حزب"), fold("حركه")):
                return word in fold(actor.names.ar) or any(
                    word in fold(a) for a in actor.names.aliases_ar
                )
            return True
        if ref.kind == "pronoun" and ref.number == "singular":
            return actor.type not in ("collective",)
        return True

    def _resolve(self, reading: Reading) -> None:
        """Pronouns and descriptions: the actor of the preceding clause when unambiguous."""
        memory = self.memory
        for ref in reading.refs:
            if ref.ids or ref.kind not in ("pronoun", "anaphor"):
                continue
            word = fold(ref.surface)
            if word == "it" and memory.media and self._speaks_next(reading, ref):
                # "..., it said": the outlet reporting it, not an actor of the story
                ref.ids = (memory.media,)
                ref.note = f'"{ref.surface}" is read as {memory.media}, the outlet named before'
                continue
            if word in (fold("the delegation"), fold("الوفد"), fold("delegation")):
                if memory.delegation:
                    ref.ids = (memory.delegation,)
                    ref.note = (
                        f'"{ref.surface}" is {memory.delegation}, the delegation named before'
                    )
                continue
            here = [
                r
                for r in reading.refs
                if r.last < ref.first and r.ids and r.kind != "place" and not r.modifier
            ]
            candidates = self._candidates(ref, here)
            where = "earlier in the sentence"
            if not candidates:
                previous = [
                    r for r, n in memory.refs if n == memory.sentence - 1 and not r.modifier
                ]
                candidates = self._candidates(ref, previous)
                where = "in the preceding sentence"
            if (
                not candidates
                and ref.kind == "anaphor"
                and memory.topic
                and self._fits(memory.topic, ref)
            ):
                candidates = [memory.topic]
                where = "the subject of the document"
            elif (
                len(candidates) > 1
                and ref.types == frozenset({"collective"})
                and memory.topic is not None
                and self._fits(memory.topic, ref)
            ):
                # "the alliance", "هذه الجماعات" after several groups were named: the
                # collective the document is about, not one of the groups it lists.
                candidates = [memory.topic or ""]
                where = "the subject of the document"
            if len(candidates) == 1:
                ref.ids = (candidates[0],)
                who = " and ".join(ref.members) if len(ref.members) > 1 else candidates[0]
                ref.note = f'"{ref.surface}" is read as {who} ({where})'

    def _speaks_next(self, reading: Reading, ref: Ref) -> bool:
        """Whether a speaking verb ("said", "reported") follows the referent at once."""
        return any(
            m.payload[0] == "speaker_after"
            and reading.start <= m.start < reading.end
            and reading.token_at(m.start) == ref.last + 1
            for m in self.attribution
        )

    def _candidates(self, ref: Ref, refs: Sequence[Ref]) -> list[str]:
        fitting = [r for r in refs if r.actor is not None and self._fits(r.actor, ref)]
        if ref.kind == "pronoun" and ref.number in ("plural", "dual"):
            groups = [r for r in fitting if r.group >= 0]
            if groups:
                last = groups[-1].group
                members = [r.actor or "" for r in groups if r.group == last and not r.extension]
                ref.members = tuple(dict.fromkeys(members))
                return members[:1]
            collectives = [r for r in fitting if self._type(r.actor or "") == "collective"]
            if collectives:
                return list(dict.fromkeys(r.actor or "" for r in collectives))[-1:]
            # "providing them with funds": an organisation spoken of as "them", when only one
            # organisation fits.
            bodies = {r.actor for r in fitting if self._type(r.actor or "") == "organisation"}
            return [bodies.pop() or ""] if len(bodies) == 1 else []
        ids = list(dict.fromkeys(r.actor for r in fitting if r.actor))
        if ref.kind == "pronoun" and len(ids) > 1:
            # "it", "he": the subject of the clause before (the first actor named there).
            subjects = [i for i in ids if i in self.memory.subjects]
            if len(subjects) == 1:
                return subjects
        return ids

    # --- attribution, denial -------------------------------------------------------------------------------

    def _role(self, ident: str, default: str) -> str:
        actor = self.actors.get(ident)
        if actor is None:
            return default
        if actor.type == "media":
            return "reporting-outlet"
        if actor.anonymous:
            return "anonymous-source"
        return default

    def _frames(self, reading: Reading) -> list[Frame]:
        frames: list[Frame] = []
        tokens = reading.tokens
        refs = [r for r in reading.refs if r.ids and r.kind != "place"]
        n = len(tokens)
        for match in self.attribution:
            if not (reading.start <= match.start and match.end <= reading.end):
                continue
            kind, role = match.payload
            at = reading.token_at(match.start)
            last_at = reading.token_at(match.end - 1)
            if kind == "speaker_after":
                if at > 0 and tokens[at - 1].low in EN_BE:
                    continue  # "was said to": a hedge, not a speaker
                # The speaker stands right before the verb ("T24 news site reported"), with no
                # punctuation between ("Hezbollah, Reuters reported" is Reuters, not Hezbollah).
                before = [
                    r
                    for r in refs
                    if r.last < at
                    and len(reading.words_between(r.last, at)) <= 3
                    and not reading.punctuation_between(r.last, at) - {"’", "'"}
                ]
                speaker = before[-1] if before else None
                if speaker is None:
                    pronoun = [r for r in reading.refs if r.last == at - 1 and r.kind == "pronoun"]
                    if pronoun:
                        ident = self.memory.media or self.memory.speaker
                        if ident:
                            pronoun[0].ids = (ident,)
                            speaker = pronoun[0]
                if speaker is None:
                    continue
                group = reading.group_of(speaker)
                after_words = [t for t in tokens[last_at + 1 :] if t.is_word]
                if len(after_words) >= 3:
                    scope = (last_at + 1, n)
                else:
                    scope = (0, reading.group_of(speaker)[0].first)
                agents = [(r.actor or "", self._role(r.actor or "", role)) for r in group]
                told = [
                    r
                    for r in refs
                    if (
                        r.first > last_at
                        and len(reading.words_between(last_at, r.first)) <= 2
                        and match.phrase in ("told",)
                    )
                    or (
                        r.first > last_at
                        and r.first <= last_at + 3
                        and tokens[last_at].low in ("telling", "told")
                    )
                ]
                for r in told:
                    agents.append((r.actor or "", self._role(r.actor or "", "original-source")))
                frames.append(
                    Frame("speaker", *scope, agents, group + told, at, match.start, match.end)
                )
            else:
                window = 6 if kind == "speaker_before" else 2  # "according to" + the source
                after = [
                    r
                    for r in refs
                    if r.first > last_at
                    and len(reading.words_between(last_at, r.first)) <= window
                    and (r.marker is None or kind == "source_before")
                ]
                persons = [r for r in after if self._is_person(r)]
                if kind == "source_before":
                    persons = []  # "according to X": the nearest name is the source
                elif (
                    after
                    and not persons
                    and len(reading.words_between(last_at, after[0].first)) > 1
                ):
                    after = []  # "اتهمت السعودية إيران": an unknown name may be the speaker
                speaker = (persons or after)[0] if after else None
                if kind == "speaker_before":
                    # Subject first: "وكان هنية ... قد صرح عقب لقاء X": the speaker stands
                    # before the verb, and X is whom he met.
                    fronted = next(
                        (
                            r
                            for r in reversed(refs)
                            if r.last < at
                            and r.marker is None
                            and not r.modifier
                            and all(
                                t.low in _AR_PARTICLES for t in reading.words_between(r.last, at)
                            )
                        ),
                        None,
                    )
                    if fronted is None:
                        # "وكان محمد رعد، رئيس الوفد ...، قد صرح": past an apposition
                        fronted = next(
                            (
                                r
                                for r in reversed(refs)
                                if r.last < at
                                and r.marker is None
                                and not r.modifier
                                and r.last + 1 < at
                                and tokens[r.last + 1].text in ",،"
                                and _apposition_then_particles(reading, r.last, at)
                            ),
                            None,
                        )
                    if fronted is not None and (
                        not reading.punctuation_between(fronted.last, at)
                        or _apposition_then_particles(reading, fronted.last, at)
                    ):
                        speaker = fronted
                if speaker is None and kind == "speaker_before" and self.memory.speaker:
                    # "وأضاف:" continues the speaker of the sentence before.
                    agents = [(self.memory.speaker, "quoted-speaker")]
                    frames.append(
                        Frame("speaker", last_at + 1, n, agents, [], at, match.start, match.end)
                    )
                    continue
                if speaker is None:
                    continue
                group = reading.group_of(speaker)
                agents = [(r.actor or "", self._role(r.actor or "", role)) for r in group]
                used = list(group)
                if kind == "speaker_before":
                    # "في تصريحات لقناة فونيكس": the outlet spoken to.
                    for r in refs:
                        if r.first > group[-1].last and r.marker == "ل" and self._is_media(r):
                            clause = reading.clause_of(r.first)
                            if clause is reading.clause_of(group[-1].last):
                                agents.append((r.actor or "", "reporting-outlet"))
                                used.append(r)
                    scope = (last_at + 1, n)
                    verb = tokens[at].low[1:] if tokens[at].low[:1] in "وف" else tokens[at].low
                    if verb in AR_CONSIDER or tokens[at].low in AR_CONSIDER:
                        # "اعتبرت إيران روسيا جزءا من التحالف، بسبب ...": a view covers its own
                        # clause, not the reasons the text gives after it.
                        scope = (last_at + 1, reading.clause_of(at).last)
                else:
                    scope = (0, n)
                frame = Frame(
                    "source" if kind == "source_before" else "speaker",
                    *scope,
                    agents,
                    used,
                    at,
                    match.start,
                    match.end,
                )
                end = group[-1].last
                if kind == "source_before" and end + 2 < n and tokens[end + 1].text in ",،":
                    # "بحسب خالد عبد المجيد، المسؤول في جبهة ... ومقرها سوريا، أكد": what the
                    # text says of the source, between commas, is not the source's claim.
                    word = tokens[end + 2].low
                    word = word[1:] if word[:1] == "و" and len(word) > 3 else word
                    describes = word in _DESCRIPTIONS or word.removeprefix("ال") in _DESCRIPTIONS
                    close = next((k for k in range(end + 2, n) if tokens[k].text in ",،;؛:"), None)
                    if describes and close is not None:
                        frame.skip = (end + 1, close)
                frames.append(frame)
        frames += self._denials(reading, refs)
        return frames

    def _denials(self, reading: Reading, refs: list[Ref]) -> list[Frame]:
        """ "X denied (that) ...", "نفى X ...": the claims after it are denied, by X."""
        frames = []
        tokens = reading.tokens
        for t in tokens:
            low = t.low[1:] if t.low[:1] in "وف" and t.low[1:] in AR_DENIAL_VERBS else t.low
            if self.language == "en" and low in EN_DENIAL_VERBS:
                before = [
                    r
                    for r in refs
                    if r.last < t.index and len(reading.words_between(r.last, t.index)) <= 3
                ]
                speaker = before[-1] if before else None
            elif self.language == "ar" and low in AR_DENIAL_VERBS:
                after = [
                    r
                    for r in refs
                    if r.first > t.index
                    and len(reading.words_between(t.index, r.first)) <= 4
                    and r.marker is None
                ]
                persons = [r for r in after if self._is_person(r)]
                speaker = (persons or after)[0] if after else None
            else:
                continue
            agents = []
            used: list[Ref] = []
            if speaker is not None:
                group = reading.group_of(speaker)
                agents = [
                    (r.actor or "", self._role(r.actor or "", "quoted-speaker")) for r in group
                ]
                used = group
            frames.append(
                Frame("denial", t.index + 1, len(tokens), agents, used, t.index, t.start, t.end)
            )
        return frames

    def _is_person(self, ref: Ref) -> bool:
        return any(self.actors[i].type == "person" for i in ref.ids if i in self.actors)

    def _is_media(self, ref: Ref) -> bool:
        return any(self.actors[i].type == "media" for i in ref.ids if i in self.actors)

    def _denied_claims(
        self, reading: Reading, frames: list[Frame], drafts: list[Draft]
    ) -> list[Draft]:
        """ "Hezbollah rejected the claims": the claims of the sentence before, denied."""
        if drafts or not self.memory.drafts:
            return []
        out = []
        for frame in frames:
            if frame.kind != "denial" or not frame.agents:
                continue
            objects = {t.low for t in reading.tokens[frame.at + 1 : frame.at + 4]}
            wanted = EN_DENIAL_OBJECTS if self.language == "en" else AR_DENIAL_OBJECTS
            if not objects & wanted:
                continue
            speaker = frame.refs[0] if frame.refs else None
            start = min(frame.start, speaker.start) if speaker else frame.start
            end = reading.tokens[min(frame.at + 3, len(reading.tokens) - 1)].end
            for d in self.memory.drafts:
                if d.polarity != "affirmed" or d.gap:
                    continue
                out.append(
                    replace(
                        d,
                        start=start,
                        end=end,
                        quote=self.text[start:end],
                        cues=(self.text[frame.start : frame.end], *d.cues),
                        cue_start=frame.start,
                        polarity="denied",
                        attribution=tuple(frame.agents),
                        confidence=round(min(d.confidence, 0.5), 2),
                        note=f"Denies the claim of the sentence before ({d.subject} {d.relation} {d.object}).",
                        amount=None,
                    )
                )
        return out

    # --- cues -----------------------------------------------------------------------------------------

    def _cues(self, reading: Reading, matches: list[Match[tuple[str, bool]]]) -> list[Cue]:
        tokens = reading.tokens
        text = self.text
        cues: list[Cue] = []

        def cue_of(start: int, end: int, relation: str, reversed_: bool, kind: str) -> Cue:
            first = reading.token_at(start)
            last = reading.token_at(end - 1)
            return Cue(first, last, start, end, relation, reversed_, text[start:end], kind)

        for m in matches:
            relation, reversed_ = m.payload
            cues.append(cue_of(m.start, m.end, relation, reversed_, "cue"))
        # Nouns that are what a transfer verb gives: "sent 720 troops", "تزود ... بالصواريخ".
        for t in self.transferred:
            if not (reading.start <= t.start and t.end <= reading.end):
                continue
            cue = cue_of(t.start, t.end, t.payload[0], False, "transferred")
            if self._transfer_verb(reading, cue) is not None and not any(
                _overlaps(c.start, c.end, cue.start, cue.end) for c in cues
            ):
                # "transferred the missiles": the verb says how, the noun what; the verb is
                # not a cue of its own (money) when what it moves is named.
                cues = [
                    c
                    for c in cues
                    if not (
                        c.kind == "cue"
                        and c.relation != cue.relation
                        and fold(c.words) in EN_TRANSFER_VERBS | AR_TRANSFER_VERBS
                        and 0 < cue.first - c.last <= 3
                    )
                ]
                cues.append(cue)
        # Money given: an amount after a transfer verb is a funding cue.
        for a in self.amounts:
            if not (reading.start <= a.start and a.end <= reading.end):
                continue
            cue = cue_of(a.start, a.end, "financial-support", False, "amount")
            clause = reading.clause_of(cue.first)
            financial = [
                c
                for c in cues
                if c.relation in ("financial-support", "pledge-financial-aid")
                and reading.clause_of(c.first) is clause
            ]
            pledge = [
                c for c in cues if c.relation == "pledge" and reading.clause_of(c.first) is clause
            ]
            if financial or pledge:
                continue
            if self._transfer_verb(reading, cue) is not None or self._received(reading, cue):
                cues.append(cue)
        # "Iran-backed", "Qatar-funded": the name before the hyphen is the agent.
        for cue in cues:
            before = next(
                (r for r in reading.refs if r.ids and text[r.end : cue.start] == "-"), None
            )
            if before is not None and cue.kind == "cue":
                cue.kind, cue.compound_agent = "compound", before
        # "Iranian-backed": the compound's state is the agent.
        for ref in reading.refs:
            if ref.kind != "demonym" or "-" not in ref.surface:
                continue
            tail = ref.surface.split("-", 1)[1]
            found = self.lexicon.relations.find(tail)
            if found:
                relation, _ = found[0].payload
                cue = cue_of(ref.start, ref.end, relation, False, "compound")
                cue.compound_agent = ref
                cues = [c for c in cues if not _overlaps(c.start, c.end, ref.start, ref.end)]
                cues.append(cue)
            elif fold(tail) in EN_TRANSFER_VERBS:
                nxt = [c for c in cues if 0 < c.first - ref.last <= 2]
                for c in nxt:
                    c.compound_agent = ref
        cues = [
            c
            for c in cues
            if not (
                c.words.lower() == "part of"
                and c.first > 0
                and reading.tokens[c.first - 1].low == "as"
            )
        ]
        cues = self._changes(reading, cues)
        cues = self._instruments(reading, cues)
        cues = self._merge_pledges(reading, cues)
        cues = self._purposes(reading, cues)
        cues = self._with_kinds(reading, cues)
        ordered = sorted(cues, key=lambda c: (c.start, c.relation))
        del tokens
        return ordered

    def _changes(self, reading: Reading, cues: list[Cue]) -> list[Cue]:
        """ "علقت إيران تمويلها", "resumed its financial support": a change to support is a
        suspension or resumption of it, not the support itself."""
        changes = [c for c in self.changes if reading.start <= c.start and c.end <= reading.end]
        out = list(cues)
        for change in changes:
            at = reading.token_at(change.end - 1)
            clause = reading.clause_of(at)
            support = [
                c
                for c in out
                if c.relation in _SUPPORT_NOUNS
                and reading.clause_of(c.first) is clause
                and 0 < c.first - at <= 4
            ]
            if not support:
                continue
            relation = change.payload[0]
            out = [c for c in out if not _overlaps(c.start, c.end, change.start, change.end)]
            for c in support:
                c.relation = relation
                c.words = f"{self.text[change.start : change.end]} {c.words}"
                c.first, c.start = reading.token_at(change.start), change.start
        return out

    def _instruments(self, reading: Reading, cues: list[Cue]) -> list[Cue]:
        """ "إيران تدعم حماس بالتمويل والأسلحة والتدريب", "supports Hamas with funds and
        weapons": the kinds of support named after a support verb take its roles, and replace
        the support of no named kind."""
        out = list(cues)
        for verb in [c for c in cues if c.relation == "political-support" and c.kind == "cue"]:
            clause = reading.clause_of(verb.first)
            chain: list[Cue] = []
            for c in sorted(cues, key=lambda c: c.first):
                if c is verb or c.first <= verb.last or reading.clause_of(c.first) is not clause:
                    continue
                token = reading.tokens[c.first]
                prev = reading.tokens[c.first - 1] if c.first > 0 else None
                opens = (token.low.startswith(("ب", "وب")) and self.language == "ar") or (
                    prev is not None and prev.low == "with"
                )
                if not chain and not opens:
                    continue
                if chain:
                    between = [t.low for t in reading.tokens[chain[-1].last + 1 : c.first]]
                    if any(w not in (",", "،", "and", "و") for w in between):
                        break
                if c.first - verb.last > 8:
                    break
                chain.append(c)
            if chain:
                for c in chain:
                    c.governor = verb
                out.remove(verb)
        return out

    def _transfer_verb(self, reading: Reading, cue: Cue) -> int | None:
        clause = reading.clause_of(cue.first)
        verbs = EN_TRANSFER_VERBS if self.language == "en" else AR_TRANSFER_VERBS
        for k in range(cue.first - 1, clause.first - 1, -1):
            low = reading.tokens[k].low
            if low in verbs or (low[:1] in "وفب" and low[1:] in verbs):
                return k
        return None

    def _received(self, reading: Reading, cue: Cue) -> bool:
        """Money a receiving verb takes ("receives about $700 million a year from Iran",
        "يتلقى نحو 700 مليون دولار"): a few words before the amount, in its clause."""
        clause = reading.clause_of(cue.first)
        return any(
            reading.start <= r.start < reading.end
            and clause.first <= reading.token_at(r.start) < cue.first
            and len(reading.words_between(reading.token_at(r.start), cue.first)) <= 4
            for r in self.reversing
        )

    def _merge_pledges(self, reading: Reading, cues: list[Cue]) -> list[Cue]:
        """A pledge of funding is a pledge of financial aid, not funding: "pledged new funding",
        "تعهد بمبلغ 250 مليون دولار", "pledged weapons"."""
        out = list(cues)
        for pledge in [c for c in cues if c.relation == "pledge"]:
            clause = reading.clause_of(pledge.first)
            what = [
                c
                for c in cues
                if c is not pledge
                and reading.clause_of(c.first) is clause
                and 0 < c.first - pledge.last <= 4
                and c.relation in ("financial-support", "military-support", "weapons-supply")
            ]
            amounts = [
                a
                for a in self.amounts
                if clause.first <= reading.token_at(a.start) < clause.last
                and 0 < reading.token_at(a.start) - pledge.last <= 4
            ]
            if not what and not amounts:
                continue
            financial = amounts or any(c.relation == "financial-support" for c in what)
            pledge.relation = "pledge-financial-aid" if financial else "pledge-military-aid"
            for c in what:
                if c in out:
                    out.remove(c)
                pledge.words = f"{pledge.words} {c.words}"
                pledge.last, pledge.end = max(pledge.last, c.last), max(pledge.end, c.end)
        return out

    def _purposes(self, reading: Reading, cues: list[Cue]) -> list[Cue]:
        """ "$50 million for weapons and training": what money is for is not another claim."""
        out = []
        tokens = reading.tokens
        for cue in cues:
            if cue.kind != "cue" or cue.relation in ("financial-support", "pledge-financial-aid"):
                out.append(cue)
                continue
            purpose = False
            for a in self.amounts:
                k = reading.token_at(a.end - 1)
                if not (reading.start <= a.start < reading.end) or k >= cue.first:
                    continue
                between = [t.low for t in tokens[k + 1 : cue.first] if t.is_word]
                if (
                    between
                    and len(between) <= 4
                    and (
                        between[0] in EN_PURPOSE
                        or between[0] in AR_PURPOSE
                        or (self.language == "ar" and between[0].startswith("ل"))
                    )
                    and all(
                        w in ("and", "for", "the", "و")
                        or w.startswith("و")
                        or w == between[0]
                        or any(
                            _overlaps(c.start, c.end, t.start, t.end)
                            for c in cues
                            for t in tokens[k + 1 : cue.first]
                            if t.low == w
                        )
                        for w in between
                    )
                ):
                    purpose = True
            if not purpose:
                out.append(cue)
        return out

    def _with_kinds(self, reading: Reading, cues: list[Cue]) -> list[Cue]:
        """ "الدعم السياسي والمادي", "political and financial support": one cue per kind."""
        out = []
        kinds = [k for k in self.kinds if reading.start <= k.start and k.end <= reading.end]
        generic = ("political-support", "financial-support", "military-support")
        for cue in cues:
            if cue.relation not in generic or cue.kind != "cue":
                out.append(cue)
                continue
            near = []
            if self.language == "ar":
                position = cue.last
                for k in kinds:
                    first = reading.token_at(k.start)
                    if first == position + 1:
                        near.append(k)
                        position = reading.token_at(k.end - 1)
            else:
                position = cue.first
                for k in sorted(kinds, key=lambda k: -k.start):
                    last = reading.token_at(k.end - 1)
                    between = list(reading.tokens[last + 1 : position])
                    if (
                        last < position
                        and all(t.low in (",", "and", "or") for t in between)
                        and (len(between) <= 2)
                    ):
                        near.append(k)
                        position = reading.token_at(k.start)
            relations = list(dict.fromkeys(k.payload[0] for k in near))
            if not relations:
                out.append(cue)
                continue
            if cue.relation != "political-support" and cue.relation not in relations:
                relations.insert(0, cue.relation)
            for relation in relations:
                out.append(replace(cue, relation=relation))
        return out

    # --- drafts of one cue ----------------------------------------------------------------------------

    def _drafts(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        frames: list[Frame],
        thanker: list[Ref],
    ) -> list[Draft]:
        notes: list[str] = []
        confidence = 0.7
        agents = self._wholes(_expand([r for r in roles.agents if r.ids]))
        recipients = self._wholes(_expand([r for r in roles.recipients if r.ids]))
        # A pronoun or description in a role that no single actor fits: the draft names it.
        unread_agent = next((r for r in roles.agents if not r.ids), None)
        unread_recipient = next((r for r in roles.recipients if not r.ids), None)
        for r in agents + recipients:
            if r.note:
                notes.append(r.note)
                confidence -= 0.1
        if roles.how == "relative":
            confidence -= 0.05
        if roles.competing:
            confidence -= 0.1
        gap = None
        # A dropped subject or an implicit recipient: the preceding clause, when unambiguous.
        possessor = self._attached_pronoun(reading, cue) if not agents else []
        if possessor:
            agents = possessor
            notes.append(
                f'The pronoun on "{cue.words}" is read as '
                f"{' and '.join(r.actor or '' for r in possessor)}."
            )
            confidence -= 0.1
        if not agents and cue.kind != "compound":
            previous = list(dict.fromkeys(self.memory.subjects))
            if len(previous) == 1 and self._verb_opens_clause(reading, clause, cue):
                ident = previous[0]
                agents = [Ref(cue.start, cue.start, cue.first, cue.first, (ident,), "", "pronoun")]
                notes.append(
                    f"The subject is not named in the clause; read as {ident}, "
                    "the actor of the preceding clause."
                )
                confidence -= 0.2
            else:
                gap = "subject: the agent is not named in the clause"
        if not recipients and cue.relation in SUPPORT and agents:
            previous = self._previous_recipients(agents)
            if len(previous) == 1:
                ident = previous[0]
                recipients = [
                    Ref(cue.start, cue.start, cue.first, cue.first, (ident,), "", "pronoun")
                ]
                notes.append(
                    f"The recipient is not named in the clause; read as {ident}, "
                    "the recipient of the preceding clause."
                )
                confidence -= 0.2
            elif (
                not previous
                and cue.kind != "compound"  # "Iranian-backed militias": the militias, unnamed
                and (topic := self._topic_recipient(agents)) is not None
            ):
                ident, where = topic
                recipients = [
                    Ref(cue.start, cue.start, cue.first, cue.first, (ident,), "", "pronoun")
                ]
                notes.append(
                    f"The recipient is not named in the clause; read as {ident}, "
                    f"the recipient the {where} names."
                )
                confidence -= 0.25
            else:
                gap = "object: the recipient is not named in the clause"
        attending = False
        if (
            not recipients
            and cue.relation == "meeting"
            and agents
            and self.memory.meeting is not None
            and _back_reference(reading, cue)
            and all(self._type(a.actor or "") == "person" for a in agents)  # who attends
        ):
            # "X and Y were also present during the meeting": the meeting told before; who
            # attends meets its guests, or its host when they belong to the guests' side.
            host, guest = self.memory.meeting
            met = []
            for agent in agents:
                ident = agent.actor or ""
                titled_by = {
                    r.actor
                    for r in reading.refs
                    if r.modifier and r.last < agent.first and agent.first - r.last <= 6
                }
                guest_side = ident == guest or self.related(ident, guest) or guest in titled_by
                side = host if guest_side else guest
                if ident not in (host, guest) and not self.related(ident, side):
                    met.append(side)
            if met and len(set(met)) == 1:
                ident = met[0]
                recipients = [
                    Ref(cue.start, cue.start, cue.first, cue.first, (ident,), "", "pronoun")
                ]
                notes.append(
                    f'"{cue.words}" is the meeting of {host} and {guest} told before; read as '
                    f"a meeting with {ident}."
                )
                confidence -= 0.2
                attending = True
        if cue.relation == "visit":
            # A visit to a city is a visit to its state, there.
            recipients = [self._state_of(r) for r in recipients]
        if cue.relation == "visit" and agents and not recipients:
            places = [
                r
                for r in reading.refs_in(clause.first, clause.last)
                if r.place and r.first > cue.last and r.ids
            ]
            if places:
                recipients = places[:1]
        if not agents and not recipients:
            return []
        if self._irrealis(reading, clause, cue):
            return []  # "the difficulty of sending forces", "could fund": not a fact
        if not agents and unread_agent is not None and recipients:
            return self._gap(reading, clause, cue, roles, unread_agent, recipients[0], frames,
                             "subject")  # fmt: skip
        if not recipients and unread_recipient is not None and agents:
            return self._gap(reading, clause, cue, roles, agents[0], unread_recipient, frames,
                             "object")  # fmt: skip
        if gap is not None or not agents or not recipients:
            return []  # nothing said of who acts or on whom: no draft rather than a guess
        drafts = []
        pairs = [(a, r) for a in agents for r in recipients]
        for agent, recipient in pairs[:8]:
            subject, obj = agent.actor, recipient.actor
            if subject is None or obj is None or self.related(subject, obj):
                continue
            if cue.relation in PERSONLESS and (
                self._type(subject) == "person" or self._type(obj) == "person"
            ):
                continue
            if cue.relation in SUPPORT and self._type(obj) == "media":
                continue
            draft = self._draft(
                reading, clause, cue, roles, agent, recipient, frames, notes, confidence, len(pairs)
            )
            if thanker:
                said = [
                    (r.actor or "", "quoted-speaker")
                    for r in thanker
                    if r.actor and not r.extension
                ]
                draft = replace(
                    draft, attribution=tuple(dict.fromkeys(said + list(draft.attribution)))
                )
            if attending and draft.place is None:
                draft = replace(draft, place=self.memory.meeting_place)  # where it was held
            drafts.append(draft)
            if attending:
                self.attended.add((draft.subject, draft.object, draft.start))
            if cue.relation == "hosting" and self._type(obj) != "person":
                members = [
                    replace(d, place=d.place or draft.place)  # where the delegation was hosted
                    for d in self._members_met(
                        reading, clause, cue, roles, agent, recipient, frames
                    )
                ]
                # the meeting a later sentence refers to is the hosting, not this part of it
                self.attended |= {(d.subject, d.object, d.start) for d in members}
                drafts += members
        return drafts

    def _members_met(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        host: Ref,
        guests: Ref,
        frames: list[Frame],
    ) -> list[Draft]:
        """ "hosted a delegation from Hamas, including its political bureau chief Ismail
        Haniyeh", "استقبل وفدا من حماس برئاسة إسماعيل هنية": the host met the person named in
        the delegation."""
        tokens = reading.tokens
        end = min(clause.last, guests.last + 7)
        opener = next(
            (k for k in range(guests.last + 1, end) if tokens[k].low in _MEMBERS_NAMED),
            None,
        )
        if opener is None:
            return []
        people = [
            r
            for r in reading.refs_in(opener + 1, min(clause.last, opener + 9))
            if r.ids and self._type(r.actor or "") == "person" and r.actor != host.actor
        ]
        if not people or self.related(host.actor or "", people[0].actor or ""):
            return []
        meeting = replace(cue, relation="meeting")
        note = [f"{people[0].actor} is named in the delegation {host.actor} hosted."]
        return [self._draft(reading, clause, meeting, roles, host, people[0], frames, note, 0.6, 1)]

    def _irrealis(self, reading: Reading, clause: Clause, cue: Cue) -> bool:
        words = EN_IRREALIS if self.language == "en" else AR_IRREALIS
        for t in reading.tokens[clause.first : cue.first]:
            low = t.low[1:] if t.low[:1] in "وف" and t.low[1:] in words else t.low
            if low in words:
                return True
        return False

    def _gap(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        agent: Ref,
        recipient: Ref,
        frames: list[Frame],
        role: str,
    ) -> list[Draft]:
        """A draft whose subject or object is a pronoun or description that no single actor
        of the preceding clauses fits: written with that role left out and the gap named."""
        unread = agent if role == "subject" else recipient
        known = recipient if role == "subject" else agent
        if known.actor is None or self._type(known.actor) == "media" or unread.marker == "'s":
            return []  # ("its readiness": a possessor of another noun, not a role)
        a, b = (
            sorted((unread.last, cue.first))
            if unread.last < cue.first
            else (cue.last, unread.first)
        )
        if len(reading.words_between(a, b)) > 3:
            return []  # a pronoun far from the cue may not be its role at all
        draft = self._draft(reading, clause, cue, roles, agent, recipient, frames, [], 0.2, 1)
        gap = f'{role}: "{unread.surface}" could not be read as one actor of the text before it'
        return [
            replace(
                draft,
                subject=None if role == "subject" else draft.subject,
                object=None if role == "object" else draft.object,
                gap=gap,
                confidence=0.2,
            )
        ]

    def _state_of(self, ref: Ref) -> Ref:
        if ref.place and ref.place in self.places and self.places[ref.place].located_in:
            return replace(ref, ids=(str(self.places[ref.place].located_in),))
        return ref

    def _wholes(self, refs: list[Ref]) -> list[Ref]:
        """ "to Hamas, including the Qassam Brigades": a part listed after its whole is part of
        the whole's claim, not one of its own."""
        heads = [r.actor for r in refs if not r.extension]
        return [
            r
            for r in refs
            if not (r.extension and any(h and self.related(h, r.actor or "") for h in heads))
        ]

    def _type(self, ident: str) -> str:
        actor = self.actors.get(ident)
        return actor.type if actor else ""

    def _attached_pronoun(self, reading: Reading, cue: Cue) -> list[Ref]:
        """ "على دعمها" (her support), "علاقاتهما" (the two's relations): the possessor of an
        Arabic verbal noun, the actor (or the pair) named before it in the sentence."""
        if self.language != "ar" or (
            not arabic_noun(reading, cue)
            and not (reading.tokens[cue.first].low.startswith(("و", "ف")))
        ):
            return []
        low = reading.tokens[cue.last].low
        for suffix, number in AR_SUFFIXES:
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
        return not arabic_noun(reading, cue) and all(t.low in openers for t in before)

    def _previous_recipients(self, agents: list[Ref]) -> list[str]:
        ids = {a.actor for a in agents}
        found = []
        for d in self.memory.drafts:
            if d.relation in SUPPORT and d.object and not d.gap:
                related = any(
                    a is not None
                    and d.subject is not None
                    and (self.related(a, d.subject) or self._same_state(a, d.subject))
                    for a in ids
                )
                if related:
                    found.append(d.object)
        return list(dict.fromkeys(found))

    def _same_state(self, a: str, b: str) -> bool:
        top_a = {a} | self.parents.get(a, set())
        top_b = {b} | self.parents.get(b, set())
        return bool(top_a & top_b)

    # --- fields -----------------------------------------------------------------------------------------

    def _draft(
        self,
        reading: Reading,
        clause: Clause,
        cue: Cue,
        roles: Roles,
        agent: Ref,
        recipient: Ref,
        frames: list[Frame],
        notes: list[str],
        confidence: float,
        pairs: int,
    ) -> Draft:
        text = self.text
        subject, obj = agent.actor, recipient.actor
        span = [cue.start, cue.end]
        cues = [" ".join(cue.words.split())]

        def cover(start: int, end: int) -> None:
            if reading.start <= start and end <= reading.end and start < end:
                span[0] = min(span[0], start)
                span[1] = max(span[1], end)

        for ref in (agent, recipient):
            if ref.start < ref.end:
                cover(ref.start, ref.end)
        # Polarity: a negation just before the cue, or a denial frame over it.
        polarity = "affirmed"
        attribution: list[tuple[str, str]] = []
        for n in self.negations:
            if not (reading.start <= n.start and n.end <= reading.end):
                continue
            k = reading.token_at(n.start)
            if (
                clause.first <= k < cue.first
                and len(reading.words_between(k, cue.first)) < NEGATION_WINDOW
            ):
                if fold(text[n.start : n.end]) in ("no",) and cue.kind == "amount":
                    continue
                polarity = "denied"
                cover(n.start, n.end)
                cues.append(text[n.start : n.end])
        for frame in frames:
            if (
                frame.kind == "denial"
                and frame.covers(cue.first)
                and (reading.clause_of(frame.at) is clause or frame.at < cue.first)
            ):
                polarity = "denied"
                cover(frame.start, frame.end)
                cues.append(text[frame.start : frame.end])
        # Hedges: in the clause, or in the clause that governs a content clause.
        hedged = False
        for h in self.hedges:
            if not (reading.start <= h.start < reading.end):
                continue
            k = reading.token_at(h.start)
            governing = reading.clause_of(k)
            if (
                governing is clause
                or (clause.kind == "content" and governing.last == clause.first)
                or (k < cue.first and fold(text[h.start : h.end]) in _SENTENCE_HEDGES)
            ):
                hedged = True
                cues.append(" ".join(text[h.start : h.end].split()))
                if governing is clause:
                    cover(h.start, h.end)
        # Attribution: innermost speaker first, then outlets, then "according to".
        speakers = [
            f
            for f in frames
            if f.kind in ("speaker", "denial")
            and f.covers(cue.first)
            and not self._speaker_s_circumstance(reading, f, cue)  # his own act, not his word
        ]
        sources = [f for f in frames if f.kind == "source" and f.covers(cue.first)]
        # (a speaker after what they say, "..., T24 reported", reports the others)
        for frame in sorted(speakers, key=lambda f: (f.last <= f.at, -f.at)) + sources:
            for ident, role in frame.agents:
                if ident and ident not in [a for a, _ in attribution]:
                    attribution.append((ident, role))
        # Amount, counts: the nearest in the clause (per recipient when several).
        amount = None
        if cue.relation in self.lexicon.takes_amount or cue.kind == "amount":
            amount = self._amount(reading, clause, cue, recipient)
            if amount is not None:
                cues.append(amount[1])
        quantities: tuple[DraftQuantity, ...] = ()
        if cue.relation in COUNTED:
            quantities = self._counts(reading, clause)
        time, time_note = self._time(reading, clause, cue)
        if time_note:
            notes.append(time_note)
        place, origin, route, destination = self._places(reading, clause, cue, agent, recipient)
        if cue.relation in _STATES_OF_AFFAIRS:
            place = None  # an alliance, ties, a stance: not something that happens somewhere
        if roles.how in ("active", "subject-first", "verb-first", "transfer", "passive") and (
            agent.start < agent.end and recipient.start < recipient.end
        ):
            confidence += 0.1
        if pairs > 2:
            confidence -= 0.05
        if cue.kind in ("amount",):
            confidence -= 0.05
        start, end = span
        start, end = self._trim(start, end)
        return Draft(
            document=self.document.id,
            subject=subject,
            relation=cue.relation,
            object=obj,
            start=start,
            end=end,
            quote=text[start:end],
            cues=tuple(dict.fromkeys(cues)),
            cue_start=cue.start,
            confidence=round(max(0.05, min(0.95, confidence)), 2),
            amount=amount[0] if amount else None,
            quantities=quantities,
            time=time,
            place=place,
            origin=origin,
            route=route,
            destination=destination,
            hedged=hedged,
            polarity=polarity,
            attribution=tuple(attribution),
            note=" ".join(dict.fromkeys(notes)) or None,
        )

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not (text[end - 1].isalnum() or text[end - 1] in ")”\"»'’"):
            end -= 1
        return start, end

    def _amount(
        self, reading: Reading, clause: Clause, cue: Cue, recipient: Ref
    ) -> tuple[DraftAmount, str] | None:
        mine = [a for a in self.amounts if clause.first <= reading.token_at(a.start) < clause.last]
        if not mine:
            return None
        if cue.kind == "amount":
            chosen = next((a for a in mine if a.start == cue.start), mine[0])
        else:
            group = reading.group_of(recipient) if recipient.group >= 0 else [recipient]
            if len(group) > 1 and len(mine) == len(group):
                chosen = mine[group.index(recipient)] if recipient in group else mine[0]
            else:
                chosen = min(mine, key=lambda a: (abs(a.start - cue.start), a.start))
        return self._amount_of(chosen), " ".join(self.text[chosen.start : chosen.end].split())

    def _amount_of(self, mention: AmountMention) -> DraftAmount:
        amount: DraftAmount = {}
        if mention.value is not None:
            amount["value"] = mention.value
        else:
            if mention.minimum is not None:
                amount["min"] = mention.minimum
            if mention.maximum is not None:
                amount["max"] = mention.maximum
        amount["currency"] = mention.currency
        if mention.rate in self.rates:
            amount["rate"] = mention.rate
        if mention.approximate:
            amount["approximate"] = True
        return amount

    def _counts(self, reading: Reading, clause: Clause) -> tuple[DraftQuantity, ...]:
        start = reading.tokens[clause.first].start
        end = reading.tokens[clause.last - 1].end
        out = []
        for c in self.counts:
            if start <= c.start and c.end <= end:
                out.append(_quantity(c))
        return tuple(out)

    def _time(
        self, reading: Reading, clause: Clause, cue: Cue
    ) -> tuple[DraftTime | None, str | None]:
        text = self.text
        c0 = reading.tokens[clause.first].start
        c1 = reading.tokens[clause.last - 1].end
        published = self.document.published
        found = times_in(text, c0, c1, self.dates) + relative_times(
            self.relatives, c0, c1, published, self.memory.time, text
        )
        chosen = nearest(found, cue.start)
        if chosen is None:
            before = times_in(text, reading.start, cue.start, self.dates)
            before += relative_times(
                self.relatives, reading.start, cue.start, published, self.memory.time, text
            )
            before = [f for f in before if f.end <= c0]
            chosen = max(before, key=lambda f: f.start) if before else None
        if chosen is None and self.war_year is not None and _THE_WAR.search(fold(text[c0:c1])):
            # "during the war", "for this conflict": the war the document named with its year.
            return self.war_year, f'"The war" is read as the war of {self.war_year}.'
        if chosen is None:
            return None, None
        note = None
        if any(r.start == chosen.start for r in self.relatives):
            note = f'The time is read from "{" ".join(text[chosen.start : chosen.end].split())}".'
        return chosen.value, note

    def _places(
        self, reading: Reading, clause: Clause, cue: Cue, agent: Ref, recipient: Ref
    ) -> tuple[str | None, str | None, tuple[str, ...], str | None]:
        place = origin = destination = None
        route: list[str] = []
        places = [
            r
            for r in reading.refs_in(clause.first, clause.last)
            if r is not agent
            and r is not recipient
            and not r.modifier
            and (r.place or self._type(r.actor or "") == "state")
        ]
        en = self.language == "en"
        participants = {id(agent), id(recipient)}
        refs = reading.refs
        for r in list(places):
            before = [x for x in refs if x.last < r.first and x.ids and not x.place]
            if (
                before
                and id(before[-1]) not in participants
                and len(reading.words_between(before[-1].last, r.first)) <= 1
            ):
                places.remove(r)  # "the Houthi movement in Yemen": where the Houthis are
        for r in places:
            where = r.place or r.actor
            marker = r.marker
            if marker in (("in", "at", "inside", "within") if en else _AR_IN):
                if place is None:
                    place = where
            elif cue.relation in TRANSFERS and marker in (("from",) if en else _AR_FROM):
                origin = origin or where
            elif cue.relation in TRANSFERS and marker in (("via", "through") if en else _AR_VIA):
                route.append(where or "")
            elif cue.relation in TRANSFERS and marker in (("to", "into") if en else _AR_TO):
                destination = destination or where
        if cue.relation == "visit" and recipient.place:
            place = recipient.place
        if cue.relation == "hosting" and agent.place:
            place = agent.place  # "based in Doha": hosted there
        if cue.relation == "training" and place is None and agent.marker in ("in", *_AR_IN):
            place = agent.place or agent.actor  # "trained in Iran": by Iran, there
        return place, origin, tuple(r for r in route if r), destination

    # --- memory --------------------------------------------------------------------------------------------

    def _remember(self, reading: Reading, drafts: list[Draft], frames: list[Frame]) -> None:
        memory = self.memory
        number = memory.sentence
        for ref in reading.refs:
            if ref.ids and not ref.modifier:
                memory.refs.append((ref, number))
        memory.refs = [(r, n) for r, n in memory.refs if n >= number - 1]
        good = [d for d in drafts if not d.gap]
        for d in good:
            if (
                d.relation in ("meeting", "hosting")
                and d.subject
                and d.object
                and (d.subject, d.object, d.start) not in self.attended  # not who joined later
            ):
                memory.meeting = (d.subject, d.object)
                memory.meeting_place = d.place
        if good:
            memory.subjects = list(dict.fromkeys(d.subject for d in good if d.subject))
            memory.drafts = good
        else:
            subjects = [
                r
                for r in reading.refs
                if r.ids and r.marker is None and not r.modifier and r.kind != "place"
            ]
            memory.subjects = [subjects[0].actor or ""] if subjects else []
            memory.drafts = []
        for frame in frames:
            for ident, _ in frame.agents:
                if self._type(ident) == "media":
                    memory.media = ident
                elif self._type(ident) == "person":
                    memory.speaker = ident
        tokens = reading.tokens
        for ref in reading.refs:
            if not ref.ids or ref.modifier:
                continue
            before = [t.low for t in tokens[max(0, ref.first - 4) : ref.first]]
            if any(w in ("delegation", "وفد", "الوفد", "وفدا") for w in before):
                memory.delegation = ref.actor
        times = times_in(self.text, reading.start, reading.end, self.dates)
        if times:
            memory.time = times[-1].value
        elif good and good[-1].time is not None:
            memory.time = good[-1].time


# A war the document names with its year ("the 2006 Lebanon War", "حرب عام 2006"), and the
# words that refer back to it.
_WAR_YEAR = re.compile(
    r"\b(1[89]\d\d|20\d\d)\s+(?:[^\W\d_]+\s+){0,2}(?:war|conflict)\b"
    r"|حرب\s+(?:[^\W\d_]+\s+){0,2}?(?:عام\s+)?(1[89]\d\d|20\d\d)"
)
_THE_WAR = re.compile(
    r"\b(?:the|this|that)\s+(?:war|conflict)\b|(?<![^\W\d_])[وفب]?الحرب(?![^\W\d_])"
)
# Words that open what the text says of a source ("X, the official in ...", "X، المسؤول في").
_DESCRIPTIONS = (
    EN_AGENT_NOUNS
    | AR_AGENT_NOUNS
    | frozenset(("a", "an", "the", "who", "which", "whose"))
    | frozenset(fold(w) for w in ("مسؤول", "مسؤولة", "الذي", "التي", "أحد", "عضو", "القيادي"))
)
_STATES_OF_AFFAIRS = frozenset(
    {
        "alliance",
        "diplomatic-relations",
        "political-support",
        "terrorist-designation",
        "refusal-to-designate",
        "rift",
    }
)
_MEMBERS_NAMED = frozenset(
    fold(w) for w in ("including", "among", "بينهم", "ومنهم", "منهم", "فيهم")
)
_AR_PARTICLES = frozenset(fold(w) for w in ("قد", "لقد", "وقد", "فقد"))
_TOPIC_RECIPIENT = frozenset({"for", "to", "of", "towards", fold("ل"), fold("إلى"), fold("الى")})
_RESTATED = frozenset({"diplomatic-relations", "alliance", "political-support"})
_SUPPORT_NOUNS = frozenset(
    {"financial-support", "military-support", "political-support", "weapons-supply", "training"}
)
_INCLUDE_EN = frozenset(("include", "includes", "included"))
_INCLUDE_AR = frozenset(fold(w) for w in ("تضم", "يضم", "ضم", "ضمت", "تشمل", "يشمل"))
_AR_IN = frozenset(fold(w) for w in ("في", "داخل"))
_AR_FROM = frozenset({fold("من")})
_AR_VIA = frozenset({fold("عبر")})
_AR_TO = frozenset(fold(w) for w in ("إلى", "الى"))
_SENTENCE_HEDGES = frozenset(
    fold(w) for w in ("reportedly", "allegedly", "purportedly", "apparently", "يقال", "ربما")
)


def _apposition_then_particles(reading: Reading, a: int, b: int) -> bool:
    """Between tokens a and b: ", <at most eight words>," then only particles (قد)."""
    tokens = reading.tokens
    if a + 1 >= b or tokens[a + 1].text not in ",،":
        return False
    close = next((k for k in range(a + 2, b) if tokens[k].text in ",،"), None)
    return (
        close is not None
        and len(reading.words_between(a + 1, close)) <= 8
        and all(t.low in _AR_PARTICLES for t in reading.words_between(close, b))
    )


def _back_reference(reading: Reading, cue: Cue) -> bool:
    """ "the meeting", "the talks", "اللقاء", "الاجتماع": a meeting told before, not a new one."""
    word = reading.tokens[cue.first]
    before = reading.tokens[cue.first - 1].low if cue.first > 0 else ""
    if reading.language == "en":
        return before in ("the", "that", "this")
    low = word.low[1:] if word.low[:1] in "وفبل" else word.low
    return (low.startswith("ال") or word.low.startswith("لل")) and low not in AR_AL_VERBS


def _expand(refs: list[Ref]) -> list[Ref]:
    """A plural pronoun stands for each of the actors it refers to ("their ties", "علاقاتهما")."""
    out: list[Ref] = []
    for ref in refs:
        if len(ref.members) > 1:
            out += [replace(ref, ids=(member,), members=()) for member in ref.members]
        else:
            out.append(ref)
    return out


def _quantity(count: Count) -> DraftQuantity:
    quantity: DraftQuantity = {"kind": count.kind}
    if count.value is not None:
        quantity["value"] = count.value
    if count.minimum is not None:
        quantity["min"] = count.minimum
    if count.maximum is not None:
        quantity["max"] = count.maximum
    if count.approximate:
        quantity["approximate"] = True
    if count.label:
        quantity["label"] = count.label
    return quantity


def draft_claims(
    document: Document,
    layer: TextLayer,
    corpus: Corpus,
    lexicon: Lexicon,
    rates: frozenset[str] = frozenset(),
    title_layer: TextLayer | None = None,
) -> list[Draft]:
    """The drafts of one document, in text order (`title_layer`: its title in its language,
    read for what the document is about)."""
    return Drafter(document, layer, corpus, lexicon, rates, title_layer).run()

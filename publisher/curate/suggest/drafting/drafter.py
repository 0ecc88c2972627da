"""The drafter of one document: its cues and lexicon matches found once, then sentence by
sentence in text order, each part of the drafting in turn (draft_claims).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from copy import deepcopy
from dataclasses import replace

from publisher.corpus.model import Corpus, Document
from publisher.curate.suggest.drafting.attribution import AttributionReading
from publisher.curate.suggest.drafting.context import Memory, Topic, overlaps
from publisher.curate.suggest.drafting.cues import CueFinding
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.english_cues import is_speaker_noun
from publisher.curate.suggest.drafting.implied import ImpliedRelations
from publisher.curate.suggest.drafting.relation_kinds import SUPPORT
from publisher.curate.suggest.drafting.remembering import MemoryKeeping
from publisher.curate.suggest.drafting.resolution import ReferentResolution
from publisher.curate.suggest.grammar.arabic import AR_AGENT_NOUNS
from publisher.curate.suggest.lexicon import Lexicon
from publisher.curate.suggest.reading.reader import Reader
from publisher.curate.suggest.reading.sentence import Clause, Reading
from publisher.curate.suggest.roles.arabic_nouns import arabic_noun
from publisher.curate.suggest.roles.coordination import coordinated_across
from publisher.curate.suggest.roles.cue import Cue, Roles
from publisher.curate.suggest.roles.finding import find_roles
from publisher.textlayer import Mention, TextLayer
from publisher.textlayer.arabic import fold
from publisher.textlayer.quantities import find_counts
from publisher.textlayer.relative import find_relative


class Drafter(ImpliedRelations, AttributionReading, ReferentResolution, CueFinding, MemoryKeeping):
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
            if not any(overlaps(c.start, c.end, m.start, m.end) for m in mentions)
        ]
        if self.language == "ar":
            # Verb ... object cues around their subject: "أسقطت موسكو وبكين مشروع قرار".
            split = lexicon.relations.find_split(text, _subject_spans(text, mentions))
            self.cues += [
                c
                for c in split
                if not any(overlaps(c.start, c.end, k.start, k.end) for k in self.cues)
            ]
            self.cues.sort()
        self.transferred = lexicon.transferred.find(text)
        self.kinds = lexicon.kinds.find(text)
        self.changes = lexicon.changes.find(text)
        # "the United States" holds "states" (as in "X states that"): a cue inside a name is
        # the name's
        self.attribution = [
            a
            for a in lexicon.attribution.find(text)
            if not any(overlaps(a.start, a.end, m.start, m.end) for m in mentions)
        ]
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

    # --- the document ----------------------------------------------------------------------------

    def run(self) -> list[Draft]:
        drafts: dict[tuple[str | None, str, str | None, int], Draft] = {}
        sentences = [s for s in self.layer.sentences if not s.in_boilerplate]
        number = -1
        headline: list[Draft] = []
        for s in sentences:
            if self._heading(s.start, s.end):
                cues = [c for c in self.cues if s.start <= c.start and c.end <= s.end]
                self.heading_topic = self._topic(self.text, s.start, s.end, self.mentions, cues)
                if self.language == "ar":
                    headline += self._headline_claims(s.start, s.end)
                elif self._headline_clause(s.start, s.end):
                    # Read on its own: what later sentences remember comes from the body.
                    kept_memory = copy.deepcopy(self.memory)
                    headline += self._sentence(s.start, s.end)
                    self.memory = kept_memory
                continue
            number += 1
            self.memory.sentence = number
            found = self._sentence(s.start, s.end)
            for d in found:
                key = (d.subject, d.relation, d.object, d.start)
                old = drafts.get(key)
                if old is None or d.confidence > old.confidence:
                    drafts[key] = d
        # The two languages were tuned apart and keep a headline's claim differently (one
        # policy for both is to be measured): in Arabic a claim the body tells again is drafted
        # once, from the body, whose sentence says more (who said it, when, how much, which
        # kind of support a bare "يدعم" is), and a headline's other claims stand; in English a
        # headline's claim stands only where the body tells it too, its few words ("meets
        # with top Hamas leaders") being read with less context than the body's sentences.
        told = {(d.subject, d.relation, d.object) for d in drafts.values()}
        if self.language == "ar":
            supported = {(d.subject, d.object) for d in drafts.values() if d.relation in SUPPORT}
            for d in headline:
                again = (d.subject, d.relation, d.object) in told or (
                    d.relation in SUPPORT and (d.subject, d.object) in supported
                )
                if not again:
                    drafts.setdefault((d.subject, d.relation, d.object, d.start), d)
        else:
            for d in headline:
                if (d.subject, d.relation, d.object) in told:
                    drafts[(d.subject, d.relation, d.object, d.start)] = d
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
                and overlaps(k.start, k.end, d.start, d.end)
                for k in kept
            ):
                continue
            kept.append(d)
        return sorted(kept, key=lambda d: (d.start, d.cue_start, d.relation, d.subject or ""))

    def _headline_claims(self, start: int, end: int) -> list[Draft]:
        """An Arabic headline written as a clause with a finite verb states a claim ("إيران
        تعلق دعمها لحماس"); one that is a noun phrase ("الدعم الإيراني لحماس") only names a
        topic. What the headline leaves in memory is forgotten: the body is read as without it."""
        kept = deepcopy(self.memory)
        found = self._sentence(start, end)
        self.memory = kept
        reading = self.reader.read(self.text, start, end, self.mentions, [])
        claims = []
        for d in found:
            k = reading.token_at(d.cue_start)
            if k < 0:
                continue
            token = reading.tokens[k]
            cue = Cue(k, k, token.start, token.end, d.relation, False, token.text)
            if not arabic_noun(reading, cue):
                claims.append(d)
        return claims

    # --- one sentence ------------------------------------------------------------------------------

    def _sentence(self, start: int, end: int) -> list[Draft]:
        text = self.text
        cue_matches = [c for c in self.cues if start <= c.start and c.end <= end]
        if self.language == "en":
            cue_matches = [c for c in cue_matches if not is_speaker_noun(text, c, self.attribution)]
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
                r.ids and r.kind == "anaphor" and overlaps(c.start, c.end, r.start, r.end)
                for r in reading.refs
            )
        ]
        reversing = {
            reading.token_at(r.start) for r in self.reversing if start <= r.start and r.end <= end
        }
        drafts: list[Draft] = []
        praised: list[tuple[Cue, Roles]] = []
        computed: list[tuple[Cue, Clause, Roles]] = []
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
                    and not self._announcer_acts(reading, f, cue)
                    and not (f.kind == "speaker" and f.at == cue.first)  # "اتهم X Y": X accuses
                )
                for r in f.refs
            }
            roles = find_roles(reading, clause, governor, excluded, reversing)
            if roles.agents:
                roles.agents = coordinated_across(reading, clause, roles.agents)
            roles = self._membership(reading, cue, roles)
            if computed:
                roles = self._coordinated_verb(reading, cue, roles, computed[-1])
            computed.append((cue, clause, roles))
        if self.language == "ar":
            computed = _characterised_support(reading, computed)
        praised_support = self._praised_support(reading, computed)
        for cue, clause, roles in computed:
            roles = praised_support.get(id(cue), roles)
            if cue.relation == "praise":
                praised.append((cue, roles))
            roles, thanker = self._thanked_for(reading, cue, roles, praised)
            if not thanker and id(cue) in praised_support and cue.relation in SUPPORT:
                thanker = praised_support[id(cue)].recipients
            drafts += self._drafts(reading, clause, cue, roles, frames, thanker)
        if self.language == "ar":
            drafts = _without_changed_relations(drafts)
            drafts = _without_denied_designations(drafts)
        drafts += self._inclusions(reading, frames)
        drafts += self._denied_claims(reading, frames, drafts)
        self._remember(reading, drafts, frames)
        return drafts


_IT_IS = frozenset(fold(w) for w in ("أنه", "أنها", "بأنه", "بأنها", "إنه", "إنها"))


def _characterised_support(
    reading: Reading, computed: list[tuple[Cue, Clause, Roles]]
) -> list[tuple[Cue, Clause, Roles]]:
    """ "أقر بدعم الحرس الثوري للحوثيين، وزعم أنه دعم استشاري": support the sentence then
    says is of a kind ("it is advisory support", with no actors of its own) is of that kind."""
    out = list(computed)
    for i, (cue, clause, roles) in enumerate(computed):
        if cue.relation != "political-support" or not roles.agents or not roles.recipients:
            continue
        for later, _, later_roles in computed[i + 1 :]:
            if (
                later.relation not in SUPPORT
                or later.relation == "political-support"
                or later_roles.agents
                or later_roles.recipients
            ):
                continue
            before = reading.tokens[max(0, later.first - 3) : later.first]
            if any(t.low in _IT_IS or t.low.removeprefix("و") in _IT_IS for t in before):
                out[i] = (replace(cue, relation=later.relation), clause, roles)
                break
    return out


def _without_denied_designations(drafts: list[Draft]) -> list[Draft]:
    """ "رفضت قطر تصنيف حماس منظمة إرهابية" is a refusal to designate; the designation it
    denies is not drafted again beside it."""
    refused = {(d.subject, d.object) for d in drafts if d.relation == "refusal-to-designate"}
    return [
        d
        for d in drafts
        if not (
            d.relation == "terrorist-designation"
            and d.polarity == "denied"
            and (d.subject, d.object) in refused
        )
    ]


def _subject_spans(text: str, mentions: list[Mention]) -> list[tuple[int, int]]:
    """The spans a verb-subject-object cue may be split by: each name, and a name with the
    noun for its people before it ("وصل وفد من حماس إلى", "أجرى قادة حماس محادثات")."""
    spans = []
    for m in mentions:
        spans.append((m.start, m.end))
        before = _PEOPLE_OF.search(text, max(0, m.start - 30), m.start)
        word = fold(before.group(1)) if before is not None else ""
        if before is not None and {word, word.removeprefix("و")} & AR_AGENT_NOUNS:
            spans.append((before.start(1), m.end))
    return spans


_PEOPLE_OF = re.compile(r"(?<!\S)(\S+)\s+(?:(?:من|عن)\s+)?$")


def _without_changed_relations(drafts: list[Draft]) -> list[Draft]:
    """ "العلاقات بين حماس وإيران شهدت فتورا" tells a rift of the pair, not that they have
    relations: the relations draft of the pair whose evidence meets the rift's (or the
    reconciliation's) goes."""
    changes = [d for d in drafts if d.relation in ("rift", "reconciliation")]
    return [
        d
        for d in drafts
        if d.relation != "diplomatic-relations"
        or not any(
            {c.subject, c.object} == {d.subject, d.object}
            and overlaps(c.start, c.end, d.start, d.end)
            for c in changes
        )
    ]


# A war the document names with its year ("the 2006 Lebanon War", "حرب عام 2006"), and the
# words that refer back to it.
_WAR_YEAR = re.compile(
    r"\b(1[89]\d\d|20\d\d)\s+(?:[^\W\d_]+\s+){0,2}(?:war|conflict)\b"
    r"|حرب\s+(?:[^\W\d_]+\s+){0,2}?(?:عام\s+)?(1[89]\d\d|20\d\d)"
)
_RESTATED = frozenset({"diplomatic-relations", "alliance", "political-support"})


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

"""Attribution and denial: who states what ("according to", "X said", "قال X لوكالة Y"), who
denies it ("X denied", "نفى X", "rejected the claims"), as frames over the sentence.
"""

from __future__ import annotations

from dataclasses import replace

from publisher.curate.suggest.drafting.context import Frame
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.drafter_base import DrafterBase
from publisher.curate.suggest.drafting.statements import quoted_as_saying, statement_frames
from publisher.curate.suggest.grammar.arabic import (
    AR_AGENT_NOUNS,
    AR_COMPLEMENTIZERS,
    AR_CONSIDER,
    AR_DENIAL_OBJECTS,
    AR_DENIAL_VERBS,
    AR_TRANSFER_VERBS,
)
from publisher.curate.suggest.grammar.english import (
    EN_AGENT_NOUNS,
    EN_BE,
    EN_DENIAL_OBJECTS,
    EN_DENIAL_VERBS,
    EN_PLACE_PREPOSITIONS,
    EN_TRANSFER_VERBS,
)
from publisher.curate.suggest.reading.sentence import Reading, Ref
from publisher.curate.suggest.roles.arabic_nouns import adverbs_only, is_transfer_masdar
from publisher.curate.suggest.roles.cue import Cue
from publisher.textlayer.arabic import fold


class AttributionReading(DrafterBase):
    """Who states what and who denies it: the frames of sources, speakers and denials."""

    @staticmethod
    def _denier_acts(reading: Reading, frame: Frame, cue: Cue) -> bool:
        """What the denier denies doing: "Iran denied funding Hamas", "نفت إيران تمويل حماس":
        the act right after the denial (its verb, or in Arabic its subject) is the denier's."""
        if frame.kind != "denial" or not frame.refs:
            return False
        if reading.language == "en":
            between = reading.words_between(frame.at, cue.first)
            return cue.first > frame.at and all(
                t.low in ("having", "ever") or t.low in EN_TRANSFER_VERBS or t.low in _RECEIVING
                for t in between
            )
        # "نفت قطر تمويل حماس", "نفت قطر مرارا تمويل حماس", "نفى حزب الله تلقي أسلحة"
        first = frame.refs[-1].last + 1
        if first < cue.first and reading.tokens[first].low in _RECEIVING:
            first += 1
        at = first
        while at < min(cue.first, first + 2) and adverbs_only(reading, at, at + 1):
            at += 1  # "نفت إيران مرارا تزويد"
        if (
            cue.first > at
            and cue.first - at <= 4
            and _transfer_masdar(reading, at)
            and not any(
                r.kind == "demonym" or r.qualifies is not None
                for r in reading.refs
                if at < r.first <= cue.last + 1
            )
        ):
            # "نفت إيران تزويد الحوثيين بالأسلحة": the thing given, after the masdar (not
            # "نفى باقري إرسال صواريخ إيرانية": missiles with a giver of their own)
            return True
        return cue.first > frame.refs[-1].last and adverbs_only(reading, first, cue.first)

    @staticmethod
    def _announcer_acts(reading: Reading, frame: Frame, cue: Cue) -> bool:
        """ "أعلنت الولايات المتحدة فرض عقوبات على حزب الله", "اعترف الحرس الثوري بتقديم
        الدعم": what a speaker announces or admits doing, a verbal noun right after the
        speaker, is the speaker's own act."""
        if reading.language != "ar" or frame.kind != "speaker" or not frame.refs:
            return False
        verb = reading.tokens[frame.at].low
        if verb not in _ANNOUNCING and verb[1:] not in _ANNOUNCING:
            return False
        after = frame.refs[-1].last + 1
        if cue.first == after + 1 and _transfer_masdar(reading, after):
            return True  # "اعترف الحرس الثوري بتقديم الدعم": admitting giving it
        # "أعلنت ... فرض عقوبات" (but "أقر هنية بدعم الحرس الثوري": the genitive's support)
        return cue.first == after and (verb in _ANNOUNCING_OWN or verb[1:] in _ANNOUNCING_OWN)

    def _interviewers(self, reading: Reading, refs: list[Ref]) -> list[Ref]:
        """The outlet spoken to: "in an interview with the New York Times", "speaking to the
        AP", "said in an interview with X"."""
        tokens = reading.tokens
        found = []
        for r in refs:
            if not self._is_media(r):
                continue
            before = {t.low for t in tokens[max(0, r.first - 3) : r.first]}
            if before & {"interview", "interviews", "speaking", "talking", "spoke"}:
                found.append(r)
        return found

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
                nxt = tokens[last_at + 1] if last_at + 1 < n else None
                if (
                    tokens[at].low in ("maintains", "maintained", "maintain", "maintaining")
                    and nxt is not None
                    and nxt.is_word
                    and nxt.low != "that"
                ):
                    continue  # "has maintained close ties with": keeping, not saying
                # The speaker stands right before the verb ("T24 news site reported"), with no
                # punctuation between ("Hezbollah, Reuters reported" is Reuters, not Hezbollah).
                before = [
                    r
                    for r in refs
                    if r.last < at
                    and len(reading.words_between(r.last, at)) <= 3
                    and not reading.punctuated(r.last, at)
                ]
                speaker = before[-1] if before else None
                inverted = None
                if at > 0 and tokens[at - 1].text == "," and reading.language == "en":
                    # "Iran funds Hamas, said Israel": the speaker after its verb
                    inverted = next((r for r in refs if r.first == at + 1), None)
                if inverted is not None and (
                    inverted.last + 1 >= n
                    or not tokens[inverted.last + 1].is_word
                    or tokens[inverted.last + 1].low in _CIRCUMSTANCE
                ):
                    group = reading.group_of(inverted)
                    agents = [(r.actor or "", self._role(r.actor or "", role)) for r in group]
                    frames.append(
                        Frame("speaker", 0, at, agents, group, at, match.start, match.end)
                    )
                    continue
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
                if len(after_words) >= 3 and not _reports_what_precedes(reading, group[0], at):
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
                for r in self._interviewers(reading, refs):
                    if r not in told and r not in group:
                        agents.append((r.actor or "", "reporting-outlet"))
                        told.append(r)
                frames.append(
                    Frame("speaker", *scope, agents, group + told, at, match.start, match.end)
                )
            else:
                window = 6 if kind == "speaker_before" else 2  # "according to" + the source
                # "قالت حماس إن هنية التقى ...": a name after the complementizer is what is
                # said, not who says it.
                said = next(
                    (
                        k
                        for k in range(last_at + 1, n)
                        if kind == "speaker_before" and tokens[k].low in AR_COMPLEMENTIZERS
                    ),
                    n,
                )
                if kind == "source_before" and _a_document_of(reading, last_at):
                    window = 5  # "according to a statement from Israel"
                after = [
                    r
                    for r in refs
                    if r.first > last_at
                    and r.first < said
                    and len(reading.words_between(last_at, r.first)) <= window
                    and (
                        r.marker is None
                        or kind == "source_before"
                        # "قال المتحدث باسم حماس": the body its spokesman speaks for
                        or (r.first > 0 and reading.tokens[r.first - 1].low == _IN_THE_NAME_OF)
                    )
                    # "According to reports, Iran funds Hamas": the comma ends the source
                    and not (kind == "source_before" and reading.punctuated(last_at, r.first))
                ]
                persons = [r for r in after if self._is_person(r)]
                if kind == "source_before":
                    persons = []  # "according to X": the nearest name is the source
                    if after and (
                        after[0].marker == "'s" or self._type(after[0].actor or "") == "state"
                    ):
                        # "according to Russia's RIA news agency", "according to the US State
                        # Department": the outlet or body, not its state
                        owned = [
                            r
                            for r in refs
                            if r.first > after[0].last
                            and len(reading.words_between(after[0].last, r.first)) <= 1
                            and not reading.punctuated(after[0].last, r.first)
                        ]
                        after = owned[:1] or after
                elif (
                    after
                    and not persons
                    and any(
                        t.low not in AR_AGENT_NOUNS and t.low not in _SOURCES
                        for t in reading.words_between(last_at, after[0].first)
                    )
                ):
                    # "اتهمت السعودية إيران": an unknown name may be the speaker (but not
                    # "مسؤولون أمريكيون", "مصادر إيرانية": people of the state named)
                    after = []
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
                if speaker is None and kind == "speaker_before":
                    # "ونقلت رويترز عن مسؤولين إسرائيليين قولهم": an outlet the reference data
                    # does not know passes on a speaker it does.
                    speaker = _quoted_by_unknown_outlet(reading, refs, at)
                continued = self.memory.speaker or self.memory.voice
                if speaker is None and kind == "speaker_before" and continued:
                    # "وأضاف:" continues the speaker of the sentence before; "قالت إسرائيل
                    # ... وأضافت أن ...", a state's or a group's too.
                    agents = [(continued, "quoted-speaker")]
                    frames.append(
                        Frame("speaker", last_at + 1, n, agents, [], at, match.start, match.end)
                    )
                    continue
                if speaker is None:
                    continue
                group = reading.group_of(speaker)
                agents = [(r.actor or "", self._role(r.actor or "", role)) for r in group]
                used = list(group)
                if kind == "speaker_before" and _without_wa(tokens[at].low) in _PASSED_ON:
                    # "نقلت وكالة إرنا عن ظريف قوله": the one quoted speaks first, the outlet
                    # passes it on
                    quoted = next(
                        (
                            r
                            for r in refs
                            if r.marker == _AN
                            and r.first > group[-1].last
                            and len(reading.words_between(group[-1].last, r.first)) <= 1
                        ),
                        None,
                    ) or _spokesman_quoted(reading, refs, group[-1].last)
                    if quoted is not None and quoted.actor:
                        agents.insert(0, (quoted.actor, self._role(quoted.actor, role)))
                        used.append(quoted)
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
        if self.language == "en":
            for speaker, quoter, frame in quoted_as_saying(reading, refs):
                frame.refs = [speaker] + ([quoter] if quoter is not None else [])
                frame.agents = [
                    (r.actor or "", self._role(r.actor or "", role))
                    for r, role in ((speaker, "quoted-speaker"), (quoter, "reporting-outlet"))
                    if r is not None
                ]
                frames = [f for f in frames if f.at != frame.at]
                frames.append(frame)
            for issuer, frame in statement_frames(reading, refs):
                group = reading.group_of(issuer)
                frame.agents = [
                    (r.actor or "", self._role(r.actor or "", "quoted-speaker")) for r in group
                ]
                frame.refs = list(group)
                frames.append(frame)
        if (
            self.language == "en"
            and self.memory.quoted
            and not any(f.kind in ("speaker", "source") for f in frames)
            and reading.text[reading.start : reading.end].lstrip()[:1] in ("“", '"')
        ):
            # "“X,” the embassy says. “Y.”": a quotation that goes on in the next sentence
            # is still the speaker's.
            frames.append(
                Frame(
                    "speaker", 0, n, list(self.memory.quoted), [], 0, reading.start, reading.start
                )
            )
        frames += self._denials(reading, refs)
        return frames

    def _denials(self, reading: Reading, refs: list[Ref]) -> list[Frame]:
        """ "X denied (that) ...", "نفى X ...": the claims after it are denied, by X."""
        frames = []
        tokens = reading.tokens
        for t in tokens:
            low = t.low[1:] if t.low[:1] in "وف" and t.low[1:] in AR_DENIAL_VERBS else t.low
            if self.language == "en" and (
                low in EN_DENIAL_VERBS or _called_false(reading, t.index)
            ):
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


# Words that open what the text says of a source ("X, the official in ...", "X، المسؤول في").
_DESCRIPTIONS = (
    EN_AGENT_NOUNS
    | AR_AGENT_NOUNS
    | frozenset(("a", "an", "the", "who", "which", "whose"))
    | frozenset(fold(w) for w in ("مسؤول", "مسؤولة", "الذي", "التي", "أحد", "عضو", "القيادي"))
)
_AR_PARTICLES = frozenset(fold(w) for w in ("قد", "لقد", "وقد", "فقد"))


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


def _reports_what_precedes(reading: Reading, speaker: Ref, verb: int) -> bool:
    """ "“Qatar does not pay Hamas,” the embassy says in a tweet", "..., Reuters reported on
    Monday": a speaker set off by a comma or a closing quote, whose verb goes on with where or
    when it spoke (not with "that" and what it said), reports what stands before it."""
    tokens = reading.tokens
    before = speaker.first - 1
    # "..., the embassy says", "..., a senior Israeli official said": past the speaker's
    # own determiner and adjectives (lower case, three at most)
    while (
        before > 0
        and speaker.first - before <= 3
        and tokens[before].is_word
        and tokens[before].text[:1].islower()
    ):
        before -= 1
    if before < 1 or tokens[before].text not in (",", "”", "’", '"', "'"):
        return False
    after = [t.low for t in tokens[verb + 1 :] if t.is_word]
    if "that" in after:
        return False
    if tokens[verb].low in ("told", "tells", "telling"):
        return True  # "..., Khamenei told the New York Times": whom he told, not what
    return bool(after) and (after[0] in _CIRCUMSTANCE or after[0] in EN_PLACE_PREPOSITIONS)


# What follows a reporting verb when it says where, when or how it was said.
_CIRCUMSTANCE = frozenset(
    (
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "via",
        "through",
        "earlier",
        "late",
        "last",
        "this",
        "today",
        "yesterday",
        "told",
        "citing",
        "quoting",
        "when",
        "while",
    )
)


def _a_document_of(reading: Reading, at: int) -> bool:
    """ "according to a statement from X", "citing a report by X": a document, then whose."""
    words = [t.low for t in reading.tokens[at + 1 : at + 5]]
    return (
        len(words) >= 3
        and words[0] in ("a", "an", "the")
        and words[1] in _DOCUMENTS
        and words[2] in ("from", "by", "of", "issued")
    )


_DOCUMENTS = frozenset(
    ("statement", "report", "letter", "document", "documents", "memo", "cable", "study", "tweet")
)


def _called_false(reading: Reading, at: int) -> bool:
    """ "Iran called the reports false", "branded the claims baseless": calling what was said
    untrue denies it."""
    tokens = reading.tokens
    if tokens[at].low not in _CALLING:
        return False
    words = [t.low for t in tokens[at + 1 : at + 6] if t.is_word]
    return bool(set(words[:3]) & EN_DENIAL_OBJECTS) and bool(set(words) & _FALSE)


_CALLING = frozenset(("called", "calls", "described", "branded", "labelled", "labeled", "termed"))
_FALSE = frozenset(
    (
        "false",
        "baseless",
        "untrue",
        "fabricated",
        "lies",
        "unfounded",
        "groundless",
        "fake",
        "nonsense",
        "incorrect",
        "fabrications",
    )
)


# What a denier may deny receiving: "denied receiving weapons", "نفى تلقي أسلحة".
_RECEIVING = frozenset(("receiving", "accepting", "getting", "obtaining", "taking")) | frozenset(
    fold(w) for w in ("تلقي", "تسلم", "استلام", "قبول")
)


def _transfer_masdar(reading: Reading, k: int) -> bool:
    """Whether token k is the verbal noun of giving ("تزويد", "إرسال", "بتقديم")."""
    low = reading.tokens[k].low
    return is_transfer_masdar(low) and (low in AR_TRANSFER_VERBS or low[1:] in AR_TRANSFER_VERBS)


_SOURCES = frozenset(
    fold(w)
    for w in (
        "مصادر", "مصدر", "أوساط", "دوائر", "باسم",
        # the noun before an outlet's name: "وكالة إرنا", "صحيفة هآرتس"
        "وكالة", "صحيفة", "قناة", "موقع", "أنباء",
    )
)  # fmt: skip
_PASSED_ON = frozenset(fold(w) for w in ("نقلت", "نقل"))
_AN = fold("عن")


def _quoted_by_unknown_outlet(reading: Reading, refs: list[Ref], at: int) -> Ref | None:
    """After "نقل(ت)" at `at` and at most three words: a referent after "عن" whose saying
    ("قوله", "قولهم") follows within two words."""
    if _without_wa(reading.tokens[at].low) not in _PASSED_ON:
        return None
    for r in refs:
        if r.first <= at or r.marker != _AN or len(reading.words_between(at, r.first)) > 3:
            continue
        after = [t.low for t in reading.tokens[r.last + 1 : r.last + 3] if t.is_word]
        if any(w.startswith(_SAYING) for w in after):
            return r
    return None


_SAYING = fold("قول")
_IN_THE_NAME_OF = fold("باسم")
_SPOKESMAN = frozenset(fold(w) for w in ("المتحدث", "متحدث", "الناطق", "ناطق"))


def _spokesman_quoted(reading: Reading, refs: list[Ref], outlet: int) -> Ref | None:
    """ "نقلت وكالة إرنا عن المتحدث باسم الخارجية الإيرانية قوله": the body a spokesman
    quoted after "عن" speaks for."""
    words = [t for t in reading.tokens[outlet + 1 : outlet + 4] if t.is_word]
    if len(words) < 2 or words[0].low != _AN or words[1].low not in _SPOKESMAN:
        return None
    return next(
        (
            r
            for r in refs
            if r.first > words[1].index
            and len(reading.words_between(words[1].index, r.first)) <= 1
            and not reading.punctuated(words[1].index, r.first)
        ),
        None,
    )


def _without_wa(low: str) -> str:
    return low[1:] if low[:1] in "وف" and len(low) > 3 else low


_ANNOUNCING_OWN = frozenset(fold(w) for w in ("أعلن", "أعلنت", "قرر", "قررت", "تعلن", "يعلن"))
_ANNOUNCING = frozenset(
    fold(w)
    for w in ("أعلن", "أعلنت", "قرر", "قررت", "تعلن", "يعلن", "اعترف", "اعترفت", "أقر", "أقرت")
)

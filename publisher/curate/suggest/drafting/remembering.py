"""What a sentence leaves for the next ones: resolved referents, subjects, speaker, time,
meeting, topic.
"""

from __future__ import annotations

from publisher.curate.suggest.drafting.context import Frame
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.drafter_base import DrafterBase
from publisher.curate.suggest.reading.sentence import Reading
from publisher.curate.suggest.timing import times_in


class MemoryKeeping(DrafterBase):
    """What a sentence leaves for the next: resolved referents, subjects, speaker, time, meeting."""

    def _remember(self, reading: Reading, drafts: list[Draft], frames: list[Frame]) -> None:
        memory = self.memory
        number = memory.sentence
        for ref in reading.refs:
            if ref.ids and not ref.modifier:
                memory.refs.append((ref, number))
        memory.refs = [(r, n) for r, n in memory.refs if n >= number - 1]
        good = [d for d in drafts if not d.gap]
        for d in good:
            if d.object:
                memory.last_recipients[d.relation] = d.object
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
        speakers = [f for f in frames if f.kind == "speaker" and f.agents]
        if speakers and _QUOTES & set(reading.text[reading.start : reading.end]):
            memory.quoted = list(speakers[-1].agents)
        elif not reading.text[reading.start : reading.end].lstrip().startswith(tuple(_QUOTES)):
            memory.quoted = []
        for frame in frames:
            for ident, _ in frame.agents:
                if self._type(ident) == "media":
                    memory.media = ident
                    continue
                if self._type(ident) == "person":
                    memory.speaker = ident
                memory.voice = ident
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


_QUOTES = frozenset('“”"')

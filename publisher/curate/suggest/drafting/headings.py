"""Heading recipients: the giver and recipient a title or heading names, and the recipient a
clause takes from them when it names only the giver.
"""

from __future__ import annotations

from collections.abc import Sequence

from publisher.curate.suggest.drafting.context import Topic
from publisher.curate.suggest.drafting.drafter_base import DrafterBase
from publisher.curate.suggest.drafting.relation_kinds import SUPPORT
from publisher.curate.suggest.lexicon import Match
from publisher.curate.suggest.reading.sentence import Ref
from publisher.textlayer import Mention
from publisher.textlayer.arabic import fold


class HeadingTopics(DrafterBase):
    """The giver and recipient a title or heading names ("Qatari support for Hamas"), and the
    recipient a clause takes from them when it names only the giver."""

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

    def _headline_clause(self, start: int, end: int) -> bool:
        """An English headline written as a clause ("Iran denies arming Houthi rebels",
        "Foreign minister meets with Hezbollah delegation") states a claim of its own, where
        a topic heading ("Qatari support for Hamas") only names what follows."""
        return self.language == "en" and self.heading_topic is None

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


_TOPIC_RECIPIENT = frozenset({"for", "to", "of", "towards", fold("ل"), fold("إلى"), fold("الى")})

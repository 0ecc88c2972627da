"""Relations a sentence states beside its cues: membership in the collective it is about, the
members a collective includes, the one thanked for support.
"""

from __future__ import annotations

from publisher.curate.suggest.drafting.context import Frame
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.relation_kinds import SUPPORT
from publisher.curate.suggest.drafting.role_drafts import RoleDrafting
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.cue import Cue, Roles
from publisher.textlayer.arabic import fold


class ImpliedRelations(RoleDrafting):
    """Relations a sentence states beside its cues: membership in a collective, a list of members,
    thanks for support."""

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
        if roles.agents and all(r.kind == "pronoun" for r in roles.agents):
            agents = thanks_roles.recipients  # "for its support": the one thanked
        recipients = roles.recipients or thanks_roles.agents
        return Roles(agents, recipients, roles.how, roles.competing), thanks_roles.agents

    def _praised_support(
        self, reading: Reading, computed: list[tuple[Cue, Clause, Roles]]
    ) -> dict[int, Roles]:
        """ "أشادت حماس بالدعم الإيراني", "Hamas praised Iranian support": support named by its
        giver as what is praised; the giver is praised, and the one praising receives it (as
        it says). Roles by id of the cue they replace."""
        out: dict[int, Roles] = {}
        for n, (cue, clause, roles) in enumerate(computed):
            if cue.relation != "praise" or not roles.agents or roles.recipients:
                continue
            for other, other_clause, other_roles in computed[n + 1 :]:
                givers = [r for r in other_roles.agents if r.qualifies is not None]
                if self._praised_in_list(reading, cue, clause, other, other_clause):
                    # "أثنى الوفد على هذه الجهود، والمساعدات الروسية لإغاثة ...": the giver of
                    # support listed among the things praised is praised; the support keeps
                    # its own recipient.
                    if other.relation in SUPPORT and givers:
                        out[id(cue)] = Roles(roles.agents, givers, roles.how, roles.competing)
                    break
                if other_clause is not clause or not 0 < other.first - cue.last <= 3:
                    break
                if other.relation in SUPPORT and givers and not other_roles.recipients:
                    out[id(cue)] = Roles(roles.agents, givers, roles.how, roles.competing)
                    out[id(other)] = Roles(givers, roles.agents, "praised", other_roles.competing)
                    break
        return out

    def _praised_in_list(
        self, reading: Reading, praise: Cue, clause: Clause, other: Cue, other_clause: Clause
    ) -> bool:
        """Whether `other` is a noun joined by "و" after a comma to what `praise` praises
        ("أثنى على X، وY"), within a few words and with no verb of its own."""
        if self.language != "ar" or other_clause is clause or other_clause.first != other.first:
            return False
        tokens = reading.tokens
        return (
            0 < other.first - praise.last <= 8
            and other.first > 0
            and tokens[other.first - 1].text in ",،"
            and tokens[other.first].low.startswith("و")
            and tokens[other.first].low[1:].startswith("ال")
        )

    def _coordinated_verb(
        self, reading: Reading, cue: Cue, roles: Roles, before: tuple[Cue, Clause, Roles]
    ) -> Roles:
        """ "تمول إيران حزب الله وتسلحه وتدربه": a verb joined by و with the object's pronoun
        on it shares the subject and the object of the verb before it."""
        previous, _, previous_roles = before
        low = reading.tokens[cue.first].low
        if (
            self.language != "ar"
            or roles.recipients
            or any(r not in previous_roles.recipients for r in roles.agents)
            or cue.first != cue.last
            or not low.startswith("و")
            or not low.endswith(_OBJECT_PRONOUNS)
            or not previous_roles.agents
            or not previous_roles.recipients
            or reading.refs_in(cue.first, cue.last + 1)
            or cue.relation not in SUPPORT  # "وعلاقتها": its relations, a noun
        ):
            return roles
        between = range(previous.last + 1, cue.first)
        named = {
            i
            for r in [*previous_roles.agents, *previous_roles.recipients]
            for i in range(r.first, r.last + 1)
        }
        if any(k not in named and k not in reading.cue_tokens for k in between):
            return roles
        return Roles(previous_roles.agents, previous_roles.recipients, "coordinated")

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


_INCLUDE_EN = frozenset(("include", "includes", "included"))
_INCLUDE_AR = frozenset(fold(w) for w in ("تضم", "يضم", "ضم", "ضمت", "تشمل", "يشمل"))
_OBJECT_PRONOUNS = tuple(fold(w) for w in ("ه", "ها", "هم", "هما"))

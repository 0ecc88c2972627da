"""The relation cues of a sentence: merged where they make one relation, split per kind of
support, instruments of a support verb, changes to support, purposes of money, receiving verbs.
"""

from __future__ import annotations

from dataclasses import replace

from publisher.curate.suggest.drafting.context import overlaps
from publisher.curate.suggest.drafting.drafter_base import DrafterBase
from publisher.curate.suggest.drafting.english_cues import (
    is_money_to_come,
    reception_cues,
    without_misread_cues,
)
from publisher.curate.suggest.grammar.arabic import AR_PURPOSE, AR_TRANSFER_VERBS
from publisher.curate.suggest.grammar.english import (
    EN_LISTING,
    EN_MAKING,
    EN_PURPOSE,
    EN_TRANSFER_VERBS,
)
from publisher.curate.suggest.lexicon import Match
from publisher.curate.suggest.reading.sentence import Reading
from publisher.curate.suggest.roles.cue import Cue
from publisher.textlayer.arabic import fold


class CueFinding(DrafterBase):
    """The relation cues of a sentence: merged into one relation or split per kind of support,
    instruments, changes to support, purposes, receiving verbs."""

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
            if self.language == "en" and any(
                r.ids and r.last == cue.first - 1 for r in reading.refs
            ):
                continue  # "training to Hamas fighters": the fighters are Hamas's own
            if self._transfer_verb(reading, cue) is not None and not any(
                overlaps(c.start, c.end, cue.start, cue.end) for c in cues
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
                cues = [c for c in cues if not overlaps(c.start, c.end, ref.start, ref.end)]
                cues.append(cue)
            elif fold(tail) in EN_TRANSFER_VERBS or fold(tail) in EN_MAKING:
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
        if self.language == "en":
            cues = without_misread_cues(reading, cues)
            kinds = {ident: actor.type for ident, actor in self.actors.items()}
            cues += [
                c
                for c in reception_cues(reading, kinds)
                if not any(overlaps(c.start, c.end, k.start, k.end) for k in cues)
            ]
        cues = self._changes(reading, cues)
        cues = self._instruments(reading, cues)
        cues = self._merge_pledges(reading, cues)
        if self.language == "en":
            for c in cues:
                if c.relation == "financial-support":
                    verb = self._transfer_verb(reading, c) if c.kind != "cue" else None
                    if is_money_to_come(reading, c.first if verb is None else verb):
                        c.relation = "pledge-financial-aid"
        cues = self._purposes(reading, cues)
        cues = self._with_kinds(reading, cues)
        if self.language == "ar":
            cues = self._support_in_money(reading, cues)
        ordered = sorted(cues, key=lambda c: (c.start, c.relation))
        del tokens
        return ordered

    def _support_in_money(self, reading: Reading, cues: list[Cue]) -> list[Cue]:
        """ "بلغ حجم الدعم الإيراني لحزب الله 700 مليون دولار": support of no named kind
        that the clause measures in money is financial support."""
        for c in cues:
            if c.relation != "political-support" or c.kind != "cue":
                continue
            clause = reading.clause_of(c.first)
            measured = any(
                reading.start <= a.start
                and a.end <= reading.end
                and reading.clause_of(reading.token_at(a.start)) is clause
                and 0 < reading.token_at(a.start) - c.last <= 8
                for a in self.amounts
            )
            if measured and not any(
                o.relation == "financial-support" and reading.clause_of(o.first) is clause
                for o in cues
            ):
                c.relation = "financial-support"
        return cues

    def _changes(self, reading: Reading, cues: list[Cue]) -> list[Cue]:
        """ "علقت إيران تمويلها", "resumed its financial support": a change to support is a
        suspension or resumption of it, not the support itself."""
        changes = [c for c in self.changes if reading.start <= c.start and c.end <= reading.end]
        out = list(cues)
        for change in changes:
            at = reading.token_at(change.end - 1)
            clause = reading.clause_of(at)
            first = reading.token_at(change.start)
            support = [
                c
                for c in out
                if c.relation in _SUPPORT_NOUNS
                and reading.clause_of(c.first) is clause
                and (
                    0 < c.first - at <= 4
                    # "الدعم القطري تراجع", "Iran's aid to Hamas has largely dried up":
                    # support that declined, the verb after it
                    or (
                        0 < first - c.last <= (4 if self.language == "ar" else 8)
                        and fold(change.phrase).removeprefix("و") in _DECLINED
                        and not any(c.last < k < first for k in reading.cue_tokens)
                    )
                )
            ]
            if not support:
                continue
            relation = change.payload[0]
            out = [c for c in out if not overlaps(c.start, c.end, change.start, change.end)]
            for c in support:
                c.relation = relation
                c.words = f"{self.text[change.start : change.end]} {c.words}"
                if (
                    c.first < first
                    # "a reduction in Iranian support to Hamas": a noun of change, whose
                    # support keeps its own giver and recipient
                    or fold(change.phrase).split()[-1] in _NOUN_OF_CHANGE_LINKS
                    or (
                        self.language == "ar"
                        and any(at < r.first and r.last < c.first for r in reading.refs if r.ids)
                    )
                ):
                    continue  # "خفضت إيران دعمها": the subject between stays the subject
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
                    prev is not None
                    and (prev.low == "with" or (self.language == "en" and _lists(reading, c)))
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
            support = [
                c
                for c in cues
                if c is not pledge
                and reading.clause_of(c.first) is clause
                and 0 < c.first - pledge.last <= 3
                and c.relation == "political-support"
                and not reading.refs_in(pledge.last + 1, c.first)
            ]
            if not what and not amounts and support:
                # "promised to support Hamas", "تعهدت بدعم حماس": a pledge of support is the
                # pledge, to the one supported.
                for c in support[:1]:
                    out.remove(c)
                    pledge.words = f"{pledge.words} {c.words}"
                    pledge.last, pledge.end = max(pledge.last, c.last), max(pledge.end, c.end)
                continue
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
                            overlaps(c.start, c.end, t.start, t.end)
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
            if not near:
                near = self._adverbial_kinds(reading, cue, kinds)
            relations = list(dict.fromkeys(k.payload[0] for k in near))
            if not relations:
                out.append(cue)
                continue
            if cue.relation != "political-support" and cue.relation not in relations:
                relations.insert(0, cue.relation)
            for relation in relations:
                out.append(replace(cue, relation=relation))
        return out

    def _adverbial_kinds(
        self, reading: Reading, cue: Cue, kinds: list[Match[tuple[str]]]
    ) -> list[Match[tuple[str]]]:
        """ "supports Hamas financially and militarily", "تدعم إيران الحوثيين ماليا وعسكريا":
        adverbs of kind a few words after the cue, in its clause."""
        clause = reading.clause_of(cue.first)
        found = []
        for k in kinds:
            first = reading.token_at(k.start)
            word = reading.tokens[first].low
            adverb = word.endswith("ly") if self.language == "en" else word.endswith("ا")
            if adverb and cue.last < first <= cue.last + 5 and first < clause.last:
                found.append(k)
        return found


_NOUN_OF_CHANGE_LINKS = frozenset(("in", "of", "to", "on"))
# Verbs that say support declined, written after it: the support is their subject.
_DECLINED = frozenset(
    fold(w)
    for w in (
        "تراجع", "تراجعت", "انخفض", "انخفضت", "تقلص", "تقلصت", "توقف", "توقفت",
        "decreased", "dried up", "ceased", "dwindled", "diminished", "shrank",
        "stopped", "ended", "been cut", "been suspended", "been halted", "been frozen",
    )
)  # fmt: skip


def _lists(reading: Reading, cue: Cue) -> bool:
    """Whether the cue opens the list of what a support consists of: "includes weapons", "such
    as weapons", "in the form of funding"."""
    tokens = reading.tokens
    prev = tokens[cue.first - 1].low
    if prev == "of" and cue.first >= 2:
        prev = tokens[cue.first - 2].low
    return prev in EN_LISTING


_SUPPORT_NOUNS = frozenset(
    {"financial-support", "military-support", "political-support", "weapons-supply", "training"}
)

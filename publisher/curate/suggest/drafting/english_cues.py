"""English cues that do not state a relation where they stand: a designation word used as an
epithet of the actor ("the Hamas terror group"), a vow whose verb acts against the actor
named after it ("vowed to wipe out Hamas"), a relation noun that is the speaker ("the embassy
said").
"""

from __future__ import annotations

from typing import Any

from publisher.curate.suggest.grammar.folding import folded
from publisher.curate.suggest.lexicon import Match
from publisher.curate.suggest.reading.sentence import Reading
from publisher.curate.suggest.roles.cue import Cue
from publisher.textlayer.arabic import fold

# Nouns of designation that a writer also puts before or after a name as its label: "the
# Hezbollah terror group", "the terrorist group Hamas". Said so, the label is the writer's
# word for the actor, not a designation by whoever else the clause names.
_LABELS = folded(
    "terror group",
    "terrorist group",
    "terrorist organization",
    "terrorist organisation",
    "terror organization",
    "terror organisation",
    "terrorist entity",
)
# Verbs of harming an actor: a vow to do that to X is a threat against X, not a pledge to X.
_HARMING = folded(
    "destroy",
    "wipe",
    "eliminate",
    "crush",
    "defeat",
    "annihilate",
    "eradicate",
    "dismantle",
    "punish",
    "retaliate",
    "avenge",
    "attack",
    "strike",
    "fight",
    "topple",
    "overthrow",
    "oust",
    "expel",
    "kill",
    "target",
    "hunt",
    "disarm",
    "remove",
    "end",
    "stop",
    "isolate",
    "confront",
    "respond",
)


_REVENGE = folded(
    "revenge", "retaliation", "retribution", "vengeance", "punishment", "response", "harsh"
)


def is_label(reading: Reading, cue: Cue) -> bool:
    """ "the Hamas terror group", "the terrorist group Hamas": a designation noun right next
    to a name, with nothing between them."""
    if cue.relation != "terrorist-designation" or fold(cue.words) not in _LABELS:
        return False
    return any(
        r.ids and r.kind == "name" and (r.last == cue.first - 1 or r.first == cue.last + 1)
        for r in reading.refs
    )


def is_harming_vow(reading: Reading, cue: Cue) -> bool:
    """ "vowed to wipe out Hamas", "promised to destroy Israel": the one named after the verb
    is its target."""
    if cue.relation != "pledge" or cue.kind != "cue":
        return False
    after = [t.low for t in reading.tokens[cue.last + 1 : cue.last + 3]]
    if after and (after[0] in _REVENGE or (len(after) == 2 and after[1] in _REVENGE)):
        return True  # "vowed revenge against Israel", "promised a harsh response"
    return len(after) == 2 and after[0] == "to" and after[1] in _HARMING


def without_misread_cues(reading: Reading, cues: list[Cue]) -> list[Cue]:
    """The English cues of a sentence less labels, harming vows, accusations with no accuser
    and relations that are only the subject of their own change; welcoming an act praises."""
    return [
        c
        for c in welcomed_acts(reading, cues)
        if not is_label(reading, c)
        and not is_harming_vow(reading, c)
        and not is_agentless_accusation(reading, c)
        and not is_changed_relation(reading, c, cues)
    ]


def is_changed_relation(reading: Reading, cue: Cue, cues: list[Cue]) -> bool:
    """ "Relations between Iran and Hamas soured": the relations are what changed; the claim
    is the rift (or the reconciliation), not the relations."""
    if cue.relation != "diplomatic-relations":
        return False
    tokens = reading.tokens
    return any(
        c.relation in ("rift", "reconciliation")
        and 0 < c.first - cue.last <= 8
        and tokens[cue.last + 1].low == "between"
        and reading.clause_of(c.first) is reading.clause_of(cue.first)
        for c in cues
    )


def is_speaker_noun(text: str, cue: Match[tuple[str, bool]], speech: list[Match[Any]]) -> bool:
    """ "the embassy said", "the coalition says": a relation noun right before a speech verb,
    after "the", is who speaks (a description of an actor named before), not a relation."""
    before = text[: cue.start].rstrip().rsplit(None, 1)
    if not before or fold(before[-1]) != "the" or " " in cue.payload[0]:
        return False
    return any(
        m.payload[0] == "speaker_after"
        and m.start > cue.end
        and not text[cue.end : m.start].strip()
        for m in speech
    )


def is_agentless_accusation(reading: Reading, cue: Cue) -> bool:
    """ "Iran is accused of arming the Houthis": a passive accusation with no accuser named
    is no one's condemnation (what it accuses of is drafted on its own)."""
    if cue.relation != "condemnation" or fold(cue.words) not in _ACCUSED:
        return False
    tokens = reading.tokens
    before = tokens[cue.first - 1].low if cue.first > 0 else ""
    if before not in ("is", "are", "was", "were", "been", "being", "be"):
        return False
    return not any(t.low == "by" for t in tokens[cue.last + 1 : cue.last + 3])


_ACCUSED = folded("accused", "blamed", "criticized", "criticised", "condemned", "denounced")
# Receiving a visitor: "Khamenei received Haniyeh in Tehran", "received a Hamas delegation".
_RECEIVING_VISITORS = folded("received", "receives", "receiving", "receive")
_VISITOR_WORDS = folded("a", "an", "the", "delegation", "high-level", "large", "senior")


def reception_cues(reading: Reading, kinds: dict[str, str]) -> list[Cue]:
    """Hosting cues for "received" with a visitor right after it (a person, a body or a
    delegation of one), not a thing: "Khamenei received Haniyeh", "received a Hamas
    delegation"."""
    tokens = reading.tokens
    found = []
    for t in tokens:
        if t.low not in _RECEIVING_VISITORS:
            continue
        k = t.index + 1
        while k < len(tokens) and tokens[k].low in _VISITOR_WORDS:
            k += 1
        guest = next((r for r in reading.refs if r.first == k and r.ids), None)
        if guest is None or kinds.get(guest.ids[0]) not in ("person", "organisation"):
            continue
        after = tokens[guest.last + 1].low if guest.last + 1 < len(tokens) else ""
        if after in ("'s", "’s") or (after and after not in _AFTER_GUEST):
            continue  # "received Hamas funding": a thing Hamas gave
        found.append(Cue(t.index, t.index, t.start, t.end, "hosting", False, t.text, "cue"))
    return found


_AFTER_GUEST = folded(".", ",", "in", "at", "on", "for", "during", "last", "this", "delegation")


# "is set to transfer", "is expected to pay", "agreed to fund", "is to send": money that is to
# be given. What is promised, not yet given, is a pledge of financial aid.
_TO_BE = folded("set", "expected", "agreed", "due", "poised", "going", "is", "are", "scheduled")


def is_money_to_come(reading: Reading, anchor: int) -> bool:
    """Whether the verb at `anchor` (a funding or transfer verb) is said of money to come:
    "will transfer", "is set to pay"."""
    tokens = reading.tokens
    before = [t.low for t in tokens[max(0, anchor - 3) : anchor]]
    if "will" in before[-2:]:
        return True
    return len(before) >= 2 and before[-1] == "to" and before[-2] in _TO_BE


# What one welcomes when it is no visitor: "welcomed Iran's decision", "welcomed the move by".
_WELCOMING = folded("welcomed", "welcomes", "welcome", "welcoming")
_ACT_NOUNS = folded(
    "decision",
    "decisions",
    "move",
    "moves",
    "statement",
    "statements",
    "proposal",
    "proposals",
    "initiative",
    "initiatives",
    "efforts",
    "effort",
    "stance",
    "position",
    "call",
    "calls",
    "announcement",
    "offer",
    "resolution",
    "steps",
    "step",
    "plan",
    "role",
    "support",
    "remarks",
    "vote",
    "intervention",
    "involvement",
    "mediation",
    "ceasefire",
    "agreement",
    "deal",
)


# What of another's one welcomes as a host: "welcomed Putin's envoy", "Iran's delegation".
_GUEST_NOUNS = folded(
    "delegation",
    "delegations",
    "envoy",
    "envoys",
    "representative",
    "representatives",
    "officials",
    "minister",
    "ministers",
    "team",
    "leaders",
    "leader",
    "president",
    "visit",
    "arrival",
    "guests",
)


def welcomed_acts(reading: Reading, cues: list[Cue]) -> list[Cue]:
    """ "Hamas welcomed Iran's decision": praise of Iran, not hosting; "welcomed the move by
    Russia": no guest either (the cue is dropped, since who made the move is not the one who
    welcomed it)."""
    tokens = reading.tokens
    out = []
    for c in cues:
        if c.relation != "hosting" or fold(c.words) not in _WELCOMING:
            out.append(c)
            continue
        k = c.last + 1
        if k < len(tokens) and tokens[k].low == "the":
            k += 1
        owner = next((r for r in reading.refs if r.first == k and r.marker == "'s"), None)
        head = owner.last + 1 if owner is not None else k
        while head < len(tokens) and not tokens[head].is_word:
            head += 1  # the possessive ending
        if head < len(tokens) and tokens[head].low in ("'s", "’s", "s"):
            head += 1
        noun = tokens[head].low if head < len(tokens) and tokens[head].is_word else ""
        if owner is not None and noun and noun not in _GUEST_NOUNS:
            # "welcomed Putin's intervention": whatever of Putin's is welcomed but his people
            c.relation = "praise"
            out.append(c)
            continue
        if noun in _ACT_NOUNS:
            continue  # "welcomed the move by Russia": neither hosting nor a sure praise
        out.append(c)
    return out

"""Who acts on whom: the agent and the recipient of one relation cue, read from the clause.

English (subject-verb-object):

* active: the agent is the clause's subject, the nearest referent before the cue that no
  preposition governs (or a possessor: "Iran's help to Hezbollah"); the recipient is the first
  referent after the cue that is its object or is marked by to, for, with, alongside, of,
  between, against (from, for meetings and hosting: "a delegation from Hamas");
* passive ("was funded by", "is listed as a terrorist organisation by", a reversed cue of the
  lexicon) and support nouns with "from" ("with direct backing from Iran"): the agent is
  marked by "by" or "from", the recipient is the subject;
* a receiving verb ("Hamas received weapons from Iran", "faced criticism from") turns the cue
  around;
* a compound ("Iranian-backed", "Iranian-supplied weaponry"): the state in front is the agent;
* a transfer verb carries a noun cue: "Iran provided Hamas with funds", "supplied most of
  Hezbollah's arms": the verb's subject is the agent, its object (or the possessor of the
  thing given) the recipient;
* "help X (to) do": X is the recipient, the helper the agent.

Arabic (verb-subject-object, and subject-first):

* a verb followed by an actor with no preposition, then another: the first is the agent, the
  second the recipient ("تزود إيران الحوثيين"); a verbal noun followed by an actor, then one
  marked by لـ or إلى: the first is the agent ("دعم الحرس الثوري لميليشيات الحوثي"); with only
  one after it, an actor before the cue is the agent ("الولايات المتحدة تدرج حزب الله",
  "إيران مستمرة بدعم دول محور المقاومة");
* a first actor marked by لـ، إلى، مع، بـ، على after the cue is the recipient, and the agent is
  the actor before the cue or the clause's antecedent;
* an actor right before a noun cue is its subject ("سوريا الحليف الأول للحزب");
* reversed cues ("المدعومة من", "بدعم من") and receiving verbs ("تلقت ... من") turn it around.

Both: symmetric relations (meetings, relations, alliances) take both sides of "between X and
Y" or of "X and Y ..."; "an alliance between A, B and C" said of a collective makes each a
member of it. Relative clauses take their antecedent (and what it is coordinated with) as
subject ("Hamas, which is listed ... by", "قطر وتركيا ... اللتين دعمتا"). A role that is empty
here is left to the caller (the preceding clause, or no draft).
"""

from __future__ import annotations

from dataclasses import dataclass

from publisher.curate.suggest.grammar.arabic import (
    AR_AGENT_NOUNS,
    AR_DENIAL_VERBS,
    AR_PREPOSITIONS,
    AR_RELATIVES,
    AR_RELATIVES_DUAL,
    AR_TRANSFER_VERBS,
)
from publisher.curate.suggest.grammar.english import (
    EN_BE,
    EN_RELATIVES,
    EN_ROLE_PREPOSITIONS,
    EN_TRANSFER_VERBS,
)
from publisher.curate.suggest.reading import Clause, Reading, Ref
from publisher.textlayer.arabic import fold

SYMMETRIC = frozenset(
    {
        "meeting",
        "diplomatic-relations",
        "alliance",
        "rift",
        "reconciliation",
        "cooperation-agreement",
    }
)
CONTACT = frozenset({"meeting", "hosting", "visit", "diplomatic-relations", "mediation"})
GIVING = frozenset(
    {
        "financial-support",
        "military-support",
        "weapons-supply",
        "training",
        "political-support",
        "pledge",
        "pledge-financial-aid",
        "pledge-military-aid",
    }
)
OPPOSING = frozenset(
    {"condemnation", "pressure", "terrorist-designation", "rift", "suspension-of-support"}
)
EN_RECIPIENT_MARKERS = frozenset(
    {
        None,
        "to",
        "for",
        "with",
        "alongside",
        "of",
        "'s",
        "between",
        "against",
        "toward",
        "towards",
        "including",
        "among",
    }
)
AR_RECIPIENT_MARKERS = frozenset(
    {None} | {fold(w) for w in ("ل", "إلى", "مع", "ب", "على", "بين", "لدى", "ضد")}
)
AR_PART_ENDINGS = frozenset(fold(w) for w in ("من", "في"))  # جزء من، عضو في
AR_TO = frozenset(fold(w) for w in ("ل", "إلى", "الى"))
AR_FROM = fold("من")
AR_BETWEEN = fold("بين")
VERB_FIRST_WINDOW = 0  # a verb's subject follows it at once (else an unknown name may)
PERSON_WINDOW = 5  # a person may follow its titles ("لقاء نائب وزير الخارجية الروسي X")
RECIPIENT_WINDOW = 10  # words between a cue and its recipient
SUBJECT_WINDOW = {"en": 16, "ar": 6}  # words between a subject and its cue
EN_HELP = frozenset(
    (
        "help",
        "helps",
        "helped",
        "helping",
        "assist",
        "assists",
        "assisted",
        "assisting",
        "enable",
        "enabled",
        "enabling",
    )
)
EN_INCLUDE = frozenset(("include", "includes", "included", "including"))
AR_INCLUDE = frozenset(fold(w) for w in ("تضم", "يضم", "ضم", "ضمت", "تشمل", "يشمل"))


@dataclass
class Cue:
    """A relation cue in the sentence: its tokens, relation and whether it is reversed."""

    first: int
    last: int
    start: int
    end: int
    relation: str
    reversed: bool
    words: str  # as written
    kind: str = "cue"  # cue | amount | compound | transferred
    compound_agent: Ref | None = None  # the state of "Iranian-backed"
    governor: Cue | None = None  # "تدعم حماس بالتمويل": the verb whose roles an instrument takes


@dataclass
class Roles:
    agents: list[Ref]
    recipients: list[Ref]
    how: str  # which rule found them (for the confidence and the curator's note)
    competing: bool = False  # another actor could have filled a role


def _usable(ref: Ref, excluded: set[int]) -> bool:
    """A referent that can fill a role: a known actor, or a pronoun or description not
    resolved (the caller then names the gap)."""
    return (
        not ref.modifier
        and id(ref) not in excluded
        and (bool(ref.ids) or ref.kind in ("pronoun", "anaphor"))
    )


def _group(reading: Reading, ref: Ref | None, clause: Clause | None = None) -> list[Ref]:
    if ref is None:
        return []
    members = reading.group_of(ref)
    return [r for r in members if r.ids] or [ref]


def _words(reading: Reading, a: int, b: int) -> int:
    return len(reading.words_between(a, b))


def coordinated_across(reading: Reading, clause: Clause, agents: list[Ref]) -> list[Ref]:
    """Subjects coordinated across relative clauses: "A, B which ..., and C are part of X",
    "الميليشيات ...، والميليشيات ... التي ...، وحركة ... تعتبر جزءا من": C opens its clause
    with "and"/"و" after one or more relative clauses; the actors ending the main clause
    before them (with no relation cue of its own) share C's role."""
    first = agents[0]
    if clause.kind != "main" or clause.opener is None:
        return agents
    tokens = reading.tokens
    opener = tokens[clause.first]
    if reading.language == "en":
        opens = opener.low == "and" and first.first <= clause.first + 2
    else:
        opens = opener.low.startswith("و") and first.first <= clause.first + 6
    earlier = [r for r in reading.refs_in(clause.first, first.first) if r.ids and not r.modifier]
    if not opens or earlier:
        return agents
    index = reading.clauses.index(clause)
    skipped = 0
    for before in reversed(reading.clauses[:index]):
        if before.kind == "relative":
            skipped += 1
            continue
        if not skipped or any(before.first <= k < before.last for k in reading.cue_tokens):
            return agents
        refs = [
            r
            for r in reading.refs_in(before.first, before.last)
            if r.ids and not r.modifier and r.kind != "place"
        ]
        if not refs or refs[-1].marker is not None:
            return agents
        group = [r for r in reading.group_of(refs[-1]) if r.ids]
        return [*group, *agents]
    return agents


def _words_past_apposition(reading: Reading, a: int, b: int) -> int:
    """Words between tokens a and b, not counting an apposition set off by commas right after
    a ("هنية، رئيس الوفد ورئيس كتلة حزب الله، قد التقى", "Haniyeh, the group's leader, met")."""
    tokens = reading.tokens
    if a + 1 < b and tokens[a + 1].text in ",،":
        close = next((k for k in range(a + 2, b) if tokens[k].text in ",،"), None)
        if close is not None and len(reading.words_between(a + 1, close)) <= 8:
            return len(reading.words_between(close, b))
    return _words(reading, a, b)


def _antecedent(reading: Reading, clause: Clause) -> list[Ref]:
    """What a relative clause is about: the referent before it, and those coordinated with it
    when the pronoun is dual or plural ("قطر وتركيا ... اللتين", "الذين")."""
    ref = clause.antecedent
    if ref is None:
        return []
    opener = reading.tokens[clause.first].low if clause.first < len(reading.tokens) else ""
    opener = opener[1:] if opener[:1] in "وف" else opener
    if opener in AR_RELATIVES_DUAL or opener in (fold("الذين"), fold("اللواتي")):
        return _group(reading, ref)
    return [ref]


def _is_place(ref: Ref) -> bool:
    return ref.kind == "place"


def _trained_in(reading: Reading, cue: Cue, right: list[Ref]) -> Ref | None:
    """Training received in a state, no trainer named: the state trains ("militants have
    undergone training in Iran", "were trained in Iran", "تدربوا في إيران"). Only a state (or
    a place standing for one) right after "in"/"في", and only for training."""
    if cue.relation != "training":
        return None
    within = fold("في")
    for ref in right:
        if _words(reading, cue.last, ref.first) > 3:
            return None
        if ref.marker in ("in", within) and ref.ids:
            return ref
    return None


def _governing(reading: Reading, clause: Clause, cue: Cue, verbs: set[int]) -> set[int]:
    """The receiving verbs that take the cue as their object: a few words before it, with no
    preposition between ("received weapons", not "faced criticism over their ties")."""
    found = set()
    prepositions = EN_ROLE_PREPOSITIONS if reading.language == "en" else AR_PREPOSITIONS
    for k in verbs:
        if not clause.first <= k < cue.first:
            continue
        named = {i for r in reading.refs if r.ids for i in range(r.first, r.last + 1)}
        between = [t for t in reading.tokens[k + 1 : cue.first] if t.is_word]
        if reading.language == "ar":
            between = [t for t in between if t.index not in named]  # "تعتمد حماس على"
        if between and between[0].low in _VERB_PARTICLES:
            between = between[1:]  # "relies on", "تعتمد على": the verb's own preposition
        if len(between) <= 4 and not any(t.low in prepositions for t in between):
            found.add(k)
    return found


def tokens_low(reading: Reading, k: int) -> str:
    return reading.tokens[k].low


def _bare(low: str) -> str:
    """An Arabic word without its conjunction و/ف."""
    return low[1:] if low[:1] in "وف" and len(low) > 3 else low


_VERB_PARTICLES = frozenset(("on", "upon", fold("على")))


def find_roles(
    reading: Reading, clause: Clause, cue: Cue, excluded: set[int], reversing: set[int]
) -> Roles:
    """Agent and recipient of `cue` in `clause`; `excluded`: ids of referents that are sources
    (attribution), not participants; `reversing`: token indices of receiving verbs."""
    reversing = _governing(reading, clause, cue, reversing)
    refs = [
        r
        for r in reading.refs_in(clause.first, clause.last)
        if _usable(r, excluded) and (r.qualifies is None or cue.first <= r.qualifies <= cue.last)
    ]
    left = [r for r in refs if r.last < cue.first]
    right = [r for r in refs if r.first > cue.last]
    relative = _relative_giver(reading, cue, excluded)
    if relative is not None:
        return relative
    if reading.language == "en":
        roles = _english(reading, clause, cue, left, right, reversing)
    else:
        roles = _arabic(reading, clause, cue, left, right, reversing)
    if roles.agents and not roles.recipients and cue.relation in GIVING:
        fronted = _fronted_with(reading, cue, excluded)
        if fronted is not None:
            roles = Roles(roles.agents, _group(reading, fronted), "fronted")
    return roles


def _fronted_with(reading: Reading, cue: Cue, excluded: set[int]) -> Ref | None:
    """ "With Iranian support, Hezbollah built ...", "وبدعم إيراني، بنى حزب الله": support
    named in a phrase opening the sentence goes to the subject of what follows the comma."""
    tokens = reading.tokens
    first = tokens[0].low if tokens else ""
    with_ = first in ("with", "thanks") or _bare(tokens[cue.first].low).startswith("ب")
    if not with_ or cue.first > 3:
        return None
    comma = next(
        (k for k in range(cue.last + 1, min(len(tokens), cue.last + 6)) if tokens[k].text in ",،"),
        None,
    )
    if comma is None:
        return None
    after = [
        r
        for r in reading.refs
        if r.first > comma and r.ids and _usable(r, excluded) and not _is_place(r)
    ]
    if not after or after[0].marker is not None or _words(reading, comma, after[0].first) > 2:
        return None
    return after[0]


def _relative_giver(reading: Reading, cue: Cue, excluded: set[int]) -> Roles | None:
    """A thing given, then who gives it in a relative clause: "the support (that) Iran
    provides to Hezbollah", "the funding which Qatar gives Hamas", "الدعم الذي تقدمه إيران
    لحزب الله". The relative clause's subject gives, its object or "to"/لـ receives."""
    if cue.relation not in GIVING or cue.kind == "compound":
        return None
    tokens = reading.tokens
    k = cue.last + 1
    if k >= len(tokens):
        return None
    english = reading.language == "en"
    opener = tokens[k].low
    if opener in EN_RELATIVES or opener in AR_RELATIVES:
        k += 1
    elif not english:
        return None
    end = min(len(tokens), k + 8)
    verbs = EN_TRANSFER_VERBS if english else AR_TRANSFER_VERBS
    verb = None
    for j in range(k, end):
        low = tokens[j].low
        stem = low if english else low.removesuffix("ها").removesuffix("ه")
        if low in verbs or stem in verbs:
            verb = j
            break
        if not tokens[j].is_word:
            return None
    if verb is None:
        return None
    refs = [
        r
        for r in reading.refs
        if k <= r.first < end and _usable(r, excluded) and not _is_place(r) and r.ids
    ]
    if english:
        givers = [r for r in refs if r.last < verb and r.marker is None]
        takers = [
            r
            for r in refs
            if r.first > verb
            and (r.marker in ("to", "for") or (r.marker is None and r.first == verb + 1))
        ]
    else:
        givers = [r for r in refs if r.first > verb and r.marker is None]
        takers = [r for r in refs if r.first > verb and r.marker in AR_TO]
    if not givers:
        return None
    # No recipient in the relative clause: none is taken from outside it ("Hamas praised
    # the support Iran provides" is not Iran's support of... Iran).
    taker = _group(reading, takers[0]) if takers else []
    return Roles(_group(reading, givers[0]), taker, "relative-giver")


def _subject_before(
    reading: Reading, left: list[Ref], before: int, places: bool = True
) -> Ref | None:
    """The nearest referent before token `before` that no preposition governs, not too far."""
    window = SUBJECT_WINDOW[reading.language]
    for ref in reversed([r for r in left if r.last < before]):
        if _words_past_apposition(reading, ref.last, before) > window:
            return None
        if ref.marker is None and (places or not _is_place(ref)):
            return ref
    return None


def _passive(reading: Reading, cue: Cue) -> bool:
    """be (+ adverb) + participle cue, or a participle cue followed by "by"."""
    if cue.reversed:
        return True
    tokens = reading.tokens
    words = cue.words.lower().split()
    participle = any(
        w.endswith(("ed", "en")) or w in ("held", "sent", "paid", "led", "made", "met", "hit")
        for w in words
    )
    if not participle:
        return False
    for k in range(cue.first - 1, max(-1, cue.first - 4), -1):
        low = tokens[k].low
        if low in EN_BE:
            return True
        if not tokens[k].is_word or low not in (
            "also",
            "reportedly",
            "allegedly",
            "not",
            "widely",
            "long",
            "often",
            "previously",
            "later",
            "recently",
            "been",
            "being",
            "directly",
        ):
            break
    after = [t.low for t in tokens[cue.last + 1 : cue.last + 7]]
    if "by" not in after:
        return False
    # "hosted a delegation led by X": "by" belongs to another participle.
    return not any(w.endswith("ed") or w in ("led", "run") for w in after[: after.index("by")])


def _recipient_before_passive(reading: Reading, left: list[Ref], cue: Cue) -> Ref | None:
    """The subject of a passive: right before it ("Hamas, funded by Iran") or before its
    auxiliary ("Hamas is funded by Iran", "which is listed as ... by")."""
    for ref in reversed(left):
        if ref.marker is not None:
            continue
        between = reading.tokens[ref.last + 1 : cue.first]
        words = [t.low for t in between if t.is_word]
        if len(words) <= 1 or (any(w in EN_BE for w in words) and len(words) <= 5):
            return ref
        return None
    return None


def _english(
    reading: Reading,
    clause: Clause,
    cue: Cue,
    left: list[Ref],
    right: list[Ref],
    reversing: set[int],
) -> Roles:
    tokens = reading.tokens
    relation = cue.relation
    receiving = [k for k in reversing if clause.first <= k < cue.first]

    # "Iranian-backed militias", "Hezbollah received Iranian-supplied weaponry"
    if cue.compound_agent is not None:
        if receiving:
            subject = _subject_before(reading, left, max(receiving))
            return Roles([cue.compound_agent], _group(reading, subject), "compound")
        recipient = next(
            (r for r in right if _words(reading, cue.last, r.first) <= 3 and r.marker is None),
            None,
        )
        recipients = _group(reading, recipient)
        if not recipients:
            recipients = _appositive(reading, left, cue) or _antecedent(reading, clause)
        return Roles([cue.compound_agent], recipients, "compound")

    # "with direct backing from Iran": a support noun whose giver follows "from".
    from_giver = (
        relation in GIVING
        and not cue.words.lower().endswith("ed")
        and next(
            (r for r in right if r.marker == "from" and _words(reading, cue.last, r.first) <= 2),
            None,
        )
    )
    if cue.reversed and cue.words.lower().split()[-1] in ("in", "at"):
        # "based in Doha", "Hamas has offices in Istanbul": the place hosts (its state does).
        host = next((r for r in right if _words(reading, cue.last, r.first) <= 2), None)
        subject = _subject_before(reading, left, cue.first)
        return Roles(_group(reading, host), _group(reading, subject), "passive")
    if _passive(reading, cue) or (from_giver and not receiving):
        agent = next((r for r in right if r.marker in ("by", "from")), None)
        if agent is None:
            agent = next((r for r in right if r.marker == "of"), None)  # "with the backing of"
        if agent is None and cue.reversed:  # the cue ends in its preposition: "with the support of"
            agent = next((r for r in right if _words(reading, cue.last, r.first) <= 1), None)
        if agent is None:
            agent = _trained_in(reading, cue, right)
        subject = _recipient_before_passive(reading, left, cue)
        recipients = _group(reading, subject) or _antecedent(reading, clause)
        if not recipients and from_giver and agent is not None:
            # "funding from Iran to Hamas"
            taker = next(
                (
                    r
                    for r in right
                    if r.first > agent.last
                    and r.marker in ("to", "for")
                    and _words(reading, agent.last, r.first) <= 1
                ),
                None,
            )
            recipients = _group(reading, taker)
        return Roles(_group(reading, agent), recipients, "passive")

    if receiving:
        verb = max(receiving)
        subject = _subject_before(reading, left, verb)
        recipients = _group(reading, subject) or _antecedent(reading, clause)
        agent = next((r for r in right if r.marker in ("from", "by")), None)
        if agent is None:  # "Hamas received Iranian funding"
            agent = next((r for r in left if r.qualifies is not None and r.first > verb), None)
        if agent is None:
            agent = _trained_in(reading, cue, right)
        return Roles(_group(reading, agent), recipients, "receiving")

    # A transfer verb before a noun cue: its subject gives, its object receives.
    transfer = next(
        (
            k
            for k in range(cue.first - 1, clause.first - 1, -1)
            if tokens[k].low in EN_TRANSFER_VERBS
        ),
        None,
    )
    if transfer is not None and cue.kind in ("cue", "amount", "transferred"):
        subject = _subject_before(reading, left, transfer)
        agents = _group(reading, subject) or _antecedent(reading, clause)
        objects = [
            r
            for r in right
            if r.marker in ("to", "for", "alongside")
            and not _is_place(r)
            and _words(reading, cue.last, r.first) <= RECIPIENT_WINDOW
        ]
        between = [
            r
            for r in left
            if r.first > transfer and r.marker in (None, "'s", "to") and not _is_place(r)
        ]
        recipient = objects[0] if objects else (between[0] if between else None)
        return Roles(agents, _group(reading, recipient), "transfer")

    # "relations between X and Y", "X and Y signed"
    if relation in SYMMETRIC:
        pair = [r for r in right if r.marker == "between"]
        if pair:
            group = _group(reading, pair[0])
            if len(group) >= 2:
                return Roles(group[:1], group[1:], "between")

    # "Iran is Hezbollah's main backer", "Hezbollah's patron, Iran": the possessor of a
    # giver noun receives; the giver is the subject of "is" or the apposition after it.
    last_word = cue.words.lower().split()[-1]
    if last_word in EN_GIVER_NOUNS or (relation in SYMMETRIC and last_word in EN_PARTNER_NOUNS):
        owner = next(
            (
                r
                for r in reversed(left)
                if r.marker == "'s" and _words(reading, r.last, cue.first) <= 2
            ),
            None,
        )
        if owner is not None:
            after = next(
                (
                    r
                    for r in right
                    if r.marker is None
                    and _words(reading, cue.last, r.first) == 0
                    and reading.punctuation_between(cue.last, r.first) & {","}
                ),
                None,
            )
            giver = after or _subject_before(reading, left, owner.first)
            return Roles(_group(reading, giver), _group(reading, owner), "giver-noun")
    # "the support of Iran for Hezbollah", "funding from Iran to Hamas": the giver after
    # "of"/"from", the recipient after "for"/"to".
    if relation in GIVING and not left_subject_adjacent(reading, left, cue):
        giver = next(
            (
                r
                for r in right
                if r.marker in ("of", "from") and _words(reading, cue.last, r.first) <= 1
            ),
            None,
        )
        taker = next(
            (
                r
                for r in right
                if giver is not None
                and r.first > giver.last
                and r.marker in ("for", "to")
                and _words(reading, giver.last, r.first) <= 1
            ),
            None,
        )
        if giver is not None and taker is not None:
            return Roles(_group(reading, giver), _group(reading, taker), "of-for")

    subject = None
    for ref in reversed(left):
        if _words(reading, ref.last, cue.first) > SUBJECT_WINDOW["en"]:
            break
        if ref.marker == "'s" and _words(reading, ref.last, cue.first) > 2:
            continue  # "shares its ideology, is a member": its owns another noun
        if ref.marker in (None, "'s"):
            subject = ref
            break
    if circumstantial(reading, cue):
        # "thanked Iran ... during a visit to Tehran": the visit is the subject's.
        subject = next((r for r in left if r.marker is None), subject)
    # "helping Hezbollah train": the one helped receives, the helper gives.
    helped = None
    if subject is not None and subject.first > 0 and tokens[subject.first - 1].low in EN_HELP:
        helped = subject
        subject = next(
            (r for r in reversed(left) if r.last < helped.first and r.marker is None), None
        )
    competing = sum(1 for r in left if r.marker is None) > 1
    agents = _group(reading, subject)
    how = "active"
    if not agents and clause.antecedent is not None:
        agents, how = _antecedent(reading, clause), "relative"
    if helped is not None:
        return Roles(agents, _group(reading, helped), "help", competing)
    markers = EN_RECIPIENT_MARKERS | ({"from"} if relation in CONTACT - {"visit"} else set())
    if relation == "visit":
        markers = markers | {"in", "into"}  # "arrived in Qatar"; "from Beirut" is where from
    if relation not in OPPOSING:
        markers = markers - {"against"}  # "commitment to resistance against Israel"
    recipient = None
    next_cue = min((k for k in reading.cue_tokens if k > cue.last), default=len(tokens))
    for ref in right:
        if _words(reading, cue.last, ref.first) > RECIPIENT_WINDOW:
            break
        if ref.first > next_cue and relation not in SYMMETRIC:
            break  # "its support during a visit to Tehran": Tehran is the visit's
        if ref.marker in markers and (not _is_place(ref) or relation == "visit"):
            recipient = ref
            break
        if ref.marker in ("by",):
            break
    recipients = _group(reading, recipient)
    if (
        not recipients
        and relation in SYMMETRIC
        and subject is not None
        and not circumstantial(reading, cue)  # "A and B were present during the meeting"
    ):
        group = _group(reading, subject)
        if len(group) >= 2:
            return Roles(group[:1], group[1:], "pair")
    if recipients and agents and recipients[0] in agents:
        recipients = []
    return Roles(agents, recipients, how, competing)


EN_PARTNER_NOUNS = frozenset(("ally", "allies", "partner", "partners", "proxy", "proxies"))
EN_GIVER_NOUNS = frozenset(
    (
        "patron",
        "patrons",
        "sponsor",
        "sponsors",
        "backer",
        "backers",
        "supporter",
        "supporters",
        "funder",
        "funders",
        "financier",
        "financiers",
        "benefactor",
        "benefactors",
    )
)


def left_subject_adjacent(reading: Reading, left: list[Ref], cue: Cue) -> bool:
    """A possessor or a demonym right before the cue already names the giver ("Iran's
    support of ...", "Iranian funding of ...")."""
    return any(
        (r.marker == "'s" or r.qualifies is not None) and _words(reading, r.last, cue.first) <= 2
        for r in left
    )


_CIRCUMSTANCE = frozenset(
    fold(w)
    for w in (
        "during",
        "after",
        "before",
        "upon",
        "on",
        "following",
        "amid",
        "خلال",
        "عقب",
        "بعد",
        "أثناء",
        "اثناء",
        "إثر",
        "قبيل",
        "لدى",
    )
)


def circumstantial(reading: Reading, cue: Cue) -> bool:
    """A noun cue in a time phrase ("during a visit", "عقب لقاء"): its agent is the subject
    of the clause, not the nearest actor."""
    before = [t for t in reading.tokens[max(0, cue.first - 3) : cue.first] if t.is_word]
    words = [t.low for t in before if t.low not in ("a", "an", "the", "his", "her", "its", "their")]
    return bool(words) and words[-1] in _CIRCUMSTANCE


def _appositive(reading: Reading, left: list[Ref], cue: Cue) -> list[Ref]:
    """ "the axis, a network of Iranian-backed militias": the referent the phrase describes."""
    if not left:
        return []
    ref = left[-1]
    between = reading.tokens[ref.last + 1 : cue.first]
    if (
        between
        and between[0].text == ","
        and len([t for t in between if t.is_word]) <= 5
        and any(t.low in ("a", "an") for t in between[1:3])
    ):
        return [ref]
    return []


def arabic_noun(reading: Reading, cue: Cue) -> bool:
    """Whether an Arabic cue is a noun (a verbal noun, participle: "بدعم", "الدعم", "على دعمها")
    rather than a verb ("دعمت", "تدعم")."""
    token = reading.tokens[cue.first]
    low = token.low
    if low[:1] in "وف" and len(low) > 3:
        low = low[1:]
    if low in AR_AL_VERBS:
        return False  # التقى: a verb whose root begins with ل, not the article
    if low.startswith(("ال", "لل", "بال", "ب", "ل")) and not low.startswith("بين"):
        return True
    written = token.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if written.endswith(("ة", "ات", "اء", "اً")):
        return True  # زيارة, قمة, اتصالات, لقاء, دعماً: verbs never end so
    stem = low
    if len(stem) >= 5 and stem[0] == "ت" and stem[-2] == "ي":
        return True  # تفعيل: تمويل, تدريب, تسليح
    if len(stem) >= 5 and stem[0] == "ا" and stem[-2] == "ا":
        return True  # إفعال, افتعال, استفعال: إرسال, اجتماع, استقبال
    prev = reading.tokens[cue.first - 1] if cue.first > 0 else None
    if prev is None or not prev.is_word:
        return False  # a verb opening the sentence or a clause
    bare = prev.low[1:] if prev.low[:1] in "وف" and len(prev.low) > 2 else prev.low
    if bare in AR_PREPOSITIONS or bare in _CIRCUMSTANCE:
        return True
    if prev.low in AR_VERB_OPENERS or bare in AR_VERB_OPENERS:
        return False
    # After a subject ("إيران تدعم") it is a verb; after a noun or an adjective ("نشرت ...
    # دعم حماس", "قمة الدوحة") a noun. After two actors or more a verb agrees with them
    # ("حماس والجهاد دعمتا"): a bare form there is a noun ("حماس والجهاد ... دعم إيران").
    before = [r for r in reading.refs if r.last == prev.index]
    if not before:
        return True
    plural = len(reading.group_of(before[0])) >= 2
    agrees = low.endswith(("ا", "ان", "ون", "ين")) or low[:1] in "يت"  # دعمتا، تدعمان، يدعمون
    return plural and not agrees


# Verbs (form VIII of roots beginning with ل) that look as if they carried the article.
AR_AL_VERBS = frozenset(
    fold(w)
    for w in ("التقى", "التقت", "التقوا", "التقيا", "التزم", "التزمت", "التزموا", "التحق", "التحقت")
)
AR_VERB_OPENERS = frozenset(
    fold(w)
    for w in (
        "قد",
        "لقد",
        "فقد",
        "وقد",
        "لم",
        "لن",
        "لا",
        "ما",
        "ثم",
        "كما",
        "أن",
        "إن",
        "بأن",
        "أنه",
        "إنه",
        "الذي",
        "التي",
        "الذين",
        "اللذين",
        "اللتين",
        "حيث",
        "عندما",
        "بعدما",
        "فيما",
        "و",
        "ف",
        "كان",
        "كانت",
        "إذ",
        "ولم",
        "ولا",
        "فلم",
        "وقد",
    )
)


def _adjacent_subject(reading: Reading, left: list[Ref], cue: Cue) -> Ref | None:
    """An Arabic subject written before its verb stands right before it, but for particles
    ("الولايات المتحدة تدرج", "روسيا «لا توافق ولا تدعم"); a noun between makes the verb its
    relative clause ("قرار يدين حماس")."""
    if not left:
        return None
    ref = left[-1]
    if ref.modifier or ref.marker is not None:
        return None
    start = ref.last + 1
    tokens = reading.tokens
    if tokens[start].text in ",،":
        # "هنية، رئيس الوفد، قد التقى": an apposition between commas is skipped.
        close = next((k for k in range(start + 1, cue.first) if tokens[k].text in ",،"), None)
        if close is not None and len(reading.words_between(start, close)) <= 8:
            start = close + 1
    for t in tokens[start : cue.first]:
        if not t.is_word:
            continue
        if t.low in AR_VERB_OPENERS or t.low[1:] in AR_VERB_OPENERS:
            continue
        return None
    return ref


def _noun_governed(reading: Reading, cue: Cue) -> bool:
    """A verbal noun used as a verb: after a preposition or a time word ("بدعم", "لدعم",
    "على دعمها", "عقب لقاء", "مستمرة بدعم")."""
    low = reading.tokens[cue.first].low
    low = low[1:] if low[:1] in "وف" and len(low) > 3 else low
    if low.startswith(("ب", "ل")) and not low.startswith(("بين", "لقاء")):
        return True
    prev = reading.tokens[cue.first - 1] if cue.first > 0 else None
    if prev is None or not prev.is_word:
        return False
    bare = prev.low[1:] if prev.low[:1] in "وف" and len(prev.low) > 2 else prev.low
    return bare in AR_PREPOSITIONS or bare in _CIRCUMSTANCE or bare in AR_INTENT


AR_INTENT = frozenset(fold(w) for w in ("لحضور", "بهدف", "تريد", "يريد", "مواصلة", "استمرار"))


def _masdar(low: str) -> bool:
    """A verbal noun of a transfer verb ("بتزويد", "إرسال", "تقديم"): what follows it is what
    is given or to whom, and the giver is the clause's subject."""
    low = low[1:] if low[:1] in "وف" and len(low) > 4 else low
    if low.startswith(("ب", "ل", "ال")) and len(low) > 4:
        return True
    return (len(low) >= 5 and low[0] == "ت" and low[-2] == "ي") or (
        len(low) >= 5 and low[0] == "ا" and low[-2] == "ا"
    )


def _transfer_index(reading: Reading, clause: Clause, cue: Cue) -> int | None:
    tokens = reading.tokens
    for k in range(cue.first - 1, clause.first - 1, -1):
        low = tokens[k].low
        bare = low[1:] if low[:1] in "وفب" else low
        if low in AR_TRANSFER_VERBS or bare in AR_TRANSFER_VERBS:
            return k
    return None


def _arabic_transfer(
    reading: Reading, clause: Clause, cue: Cue, left: list[Ref], right: list[Ref]
) -> Roles | None:
    verb = _transfer_index(reading, clause, cue)
    if verb is None:
        return None
    refs = left + right
    after = [r for r in refs if r.first > verb]
    subject = None
    masdar = _masdar(reading.tokens[verb].low)
    if (
        not masdar
        and after
        and after[0].marker is None
        and _words(reading, verb, after[0].first) <= 1
    ):
        subject = after[0]
    if subject is None:
        subject = _subject_before(reading, [r for r in left if r.last < verb], verb)
    agents = _group(reading, subject) or _antecedent(reading, clause)
    taken = {id(r) for r in agents}
    rest = [r for r in after if id(r) not in taken and not _is_place(r)]
    recipient = None
    for r in rest:
        if r.marker is None and r.last < cue.first:
            recipient = r
            break
        if r.marker in AR_TO and _words(reading, cue.last, r.first) <= RECIPIENT_WINDOW:
            recipient = r
            break
    return Roles(agents, _group(reading, recipient), "transfer")


def _arabic(
    reading: Reading,
    clause: Clause,
    cue: Cue,
    left: list[Ref],
    right: list[Ref],
    reversing: set[int],
) -> Roles:
    relation = cue.relation
    if cue.reversed:
        agent = next(
            (
                r
                for r in right
                if _words(reading, cue.last, r.first) <= 3
                and not reading.punctuation_between(cue.last, r.first) & {",", "،", ";", "؛"}
            ),
            None,
        )
        recipient = left[-1] if left and _words(reading, left[-1].last, cue.first) <= 4 else None
        recipients = _group(reading, recipient) or _antecedent(reading, clause)
        return Roles(_group(reading, agent), recipients, "passive")

    # "حماس وحزب الله تعتبر جزءا من المحور", "عضو في": a cue ending in its preposition
    # takes what follows as the whole, and the subject before it as the member.
    if fold(cue.words).split()[-1] in AR_PART_ENDINGS and len(cue.words.split()) >= 2:
        whole = next((r for r in right if _words(reading, cue.last, r.first) <= 1), None)
        member = _subject_before(reading, left, cue.first, places=False)
        members = _group(reading, member) or _antecedent(reading, clause)
        if whole is not None:
            return Roles(members, _group(reading, whole), "membership")

    receiving = [k for k in reversing if clause.first <= k < cue.first]
    if receiving:
        verb = max(receiving)
        after = [r for r in left if r.first > verb and r.marker is None]
        before = [r for r in left if r.last < verb and r.marker is None]
        subject = after[0] if after else (before[-1] if before else clause.antecedent)
        agent = next((r for r in right if r.marker == AR_FROM), None)
        if agent is None:  # "تلقت حماس دعما إيرانيا"
            agent = next((r for r in right if r.qualifies is not None), None)
        if agent is None:
            agent = _trained_in(reading, cue, right)
        return Roles(_group(reading, agent), _group(reading, subject), "receiving")

    if cue.kind in ("amount", "transferred") or relation in (
        "financial-support",
        "weapons-supply",
        "military-support",
    ):
        transfer = _arabic_transfer(reading, clause, cue, left, right)
        if transfer is not None and transfer.agents:
            return transfer

    # "بين X وY"
    if relation in SYMMETRIC:
        pair = [r for r in right if r.marker == AR_BETWEEN]
        if pair:
            group = _group(reading, pair[0])
            if len(group) >= 2:
                return Roles(group[:1], group[1:], "between")

    noun = arabic_noun(reading, cue)
    marked = AR_RECIPIENT_MARKERS - {None}
    competing = sum(1 for r in left if r.marker is None) > 1

    # "سوريا الحليف الأول للحزب": an actor right before a noun cue is its subject.
    if noun and left and left[-1].last == cue.first - 1 and not _is_place(left[-1]):
        apposed = left[-1]
        recipient = next(
            (
                r
                for r in right
                if r.marker in marked
                and not _is_place(r)
                and _words(reading, cue.last, r.first) <= 4
            ),
            None,
        )
        if recipient is not None:
            return Roles(_group(reading, apposed), _group(reading, recipient), "apposition")

    def within(r: Ref) -> bool:
        if r.kind == "name" and _person_like(reading, r):
            limit = PERSON_WINDOW
        else:
            limit = 1 if noun else VERB_FIRST_WINDOW  # a verbal noun's genitive follows it
        return _words(reading, cue.last, r.first) <= limit

    near = [
        r
        for r in right
        if within(r)
        and (not _is_place(r) or not noun)
        and not reading.punctuation_between(cue.last, r.first) & {",", "،", ";", "؛", ":"}
    ]
    first = near[0] if near else None
    subject_before = _subject_before(reading, left, cue.first, places=not noun)
    if noun and circumstantial(reading, cue):
        # "قد صرح عقب لقاء بوغدانوف": the meeting is the clause subject's.
        subject_before = next((r for r in left if r.marker is None), subject_before)

    def later(after: Ref, allowed: frozenset[str | None]) -> Ref | None:
        other_cue = len(reading.tokens)
        if noun:  # "شكر قطر على دعمها لهم": "لهم" belongs to the next cue
            other_cue = min((k for k in reading.cue_tokens if k > after.last), default=other_cue)
        return next(
            (
                r
                for r in right
                if r.first > after.last
                and r.first < other_cue
                and r is not after
                and not (after.group >= 0 and r.group == after.group)
                and r.marker in allowed
                and (not _is_place(r) or relation == "visit")
                and _words(reading, after.last, r.first) <= RECIPIENT_WINDOW
            ),
            None,
        )

    if (
        noun
        and first is not None
        and first.marker is None
        and subject_before is not None
        and subject_before.last == cue.first - 1
        and subject_before.first > 0
        and _bare(tokens_low(reading, subject_before.first - 1)) in AR_DENIAL_VERBS
    ):
        # "نفت إيران تمويل حماس": the denier's own act, the genitive what it acts on.
        return Roles(_group(reading, subject_before), _group(reading, first), "denied-act")
    if first is not None and first.qualifies is not None:
        # "الدعم الإيراني لحماس": the demonym gives; no recipient named, none guessed.
        second = later(first, marked)
        return Roles(_group(reading, first), _group(reading, second), "demonym")
    if first is not None and first.marker is None and (not _is_place(first) or not noun):
        group = _group(reading, first)
        second = later(group[-1], marked if noun else AR_RECIPIENT_MARKERS)
        if second is not None and not (
            noun and subject_before is not None and second.marker not in AR_TO
        ):
            return Roles(group, _group(reading, second), "verb-first")
        if noun:
            # A verbal noun and its genitive: after a preposition ("بدعم دول المحور", "عقب لقاء
            # بوغدانوف") the genitive is what the subject acts on; otherwise it is the agent
            # ("زاد دعم طهران": Tehran's support), and the recipient is not named here.
            governed = _noun_governed(reading, cue) or circumstantial(reading, cue)
            if relation in SYMMETRIC and subject_before is not None and not governed:
                # "يعد حزب الله أقرب حلفاء إيران": the subject is an ally of the genitive.
                return Roles(_group(reading, subject_before), group, "subject-genitive")
            if governed and subject_before is not None:
                return Roles(_group(reading, subject_before), group, "subject-first", competing)
            if governed and clause.antecedent is not None:
                return Roles(_antecedent(reading, clause), group, "relative")
            return Roles(group, [], "genitive")
        adjacent = _adjacent_subject(reading, left, cue)
        if adjacent is not None:
            return Roles(_group(reading, adjacent), group, "subject-first", competing)
        if clause.antecedent is not None and not left:
            return Roles(_antecedent(reading, clause), group, "relative")
        return Roles(group, [], "verb-first")
    if (
        first is not None
        and first.marker in marked
        and (not _is_place(first) or relation == "visit")
    ):
        subject = subject_before if noun else _adjacent_subject(reading, left, cue)
        agents = _group(reading, subject) or _antecedent(reading, clause)
        return Roles(agents, _group(reading, first), "subject-first", competing)
    # Nothing right after the cue: the subject before it, a recipient further on.
    recipient = next(
        (
            r
            for r in right
            if r.marker in marked
            and (not _is_place(r) or relation == "visit")
            and _words(reading, cue.last, r.first) <= (4 if noun else RECIPIENT_WINDOW)
        ),
        None,
    )
    subject = subject_before if noun else _adjacent_subject(reading, left, cue) or subject_before
    agents = _group(reading, subject) or _antecedent(reading, clause)
    if not recipient and relation in SYMMETRIC and agents:
        group = _group(reading, agents[0])
        if len(group) >= 2:
            return Roles(group[:1], group[1:], "pair")
    return Roles(agents, _group(reading, recipient), "subject-first", competing)


def _person_like(reading: Reading, ref: Ref) -> bool:
    """A name after title words ("نائب وزير الخارجية الروسي ميخائيل بوغدانوف")."""
    before = reading.tokens[max(0, ref.first - 2) : ref.first]
    return any(t.low in AR_AGENT_NOUNS or t.low.endswith(("ي", "يه")) for t in before)

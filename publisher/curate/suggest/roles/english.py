"""Agent and recipient in an English clause (subject-verb-object): active and passive cues,
support nouns, compounds, transfer verbs, "help X do", appositions and partners.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.english import EN_BE, EN_TRANSFER_VERBS
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.roles.cue import CONTACT, GIVING, OPPOSING, SYMMETRIC, Cue, Roles
from publisher.curate.suggest.roles.destinations import destination_roles
from publisher.curate.suggest.roles.markers import (
    EN_HELP,
    EN_RECIPIENT_MARKERS,
    RECIPIENT_WINDOW,
    SUBJECT_WINDOW,
)
from publisher.curate.suggest.roles.passive import is_passive, passive_subject
from publisher.curate.suggest.roles.referents import (
    circumstantial,
    coordinated_group,
    is_place,
    nearest_subject,
    relative_antecedents,
    trained_in,
    word_count,
)


def english_roles(
    reading: Reading,
    clause: Clause,
    cue: Cue,
    left: list[Ref],
    right: list[Ref],
    reversing: set[int],
) -> Roles:
    """Agent and recipient of `cue` in an English clause."""
    tokens = reading.tokens
    relation = cue.relation
    receiving = [k for k in reversing if clause.first <= k < cue.first]

    designated = _designated_in(reading, cue, left, right)
    if designated is not None:
        return designated
    paired = _dash_pair(reading, cue, left)
    if paired is not None:
        return paired

    # "a visit to Moscow by a Hamas delegation": the visitor after "by".
    if relation == "visit" and cue.words.lower() in ("visit", "visits", "trip to", "tour of"):
        where = next(
            (r for r in right if r.marker in ("to", "of") and r.first - cue.last <= 2), None
        )
        who = None if where is None else _marked_after(reading, right, where, "by", 3)
        if where is not None and who is None:
            # "a two-day visit to Moscow of Israel's foreign minister": the visitor after "of"
            who = _visitor_after(reading, where.last, right, "of")
        if where is None:
            # "the visit of the Hamas delegation to Russia": the visitor first, then where to
            who = _visitor_after(reading, cue.last, right, "of")
            if who is not None:
                where = _marked_after(reading, right, who, "to", 3)
        if where is not None and who is not None:
            return Roles(coordinated_group(reading, who), coordinated_group(reading, where), "by")

    # "Iranian weapons bound for the Houthis", "missile parts en route to the Houthis from Iran"
    shipped = destination_roles(reading, clause, cue, right)
    if shipped is not None:
        return shipped

    # "Iranian-backed militias", "Hezbollah received Iranian-supplied weaponry"
    if cue.compound_agent is not None:
        if receiving:
            subject = nearest_subject(reading, left, max(receiving))
            return Roles([cue.compound_agent], coordinated_group(reading, subject), "compound")
        recipient = next(
            (r for r in right if word_count(reading, cue.last, r.first) <= 3 and r.marker is None),
            None,
        )
        recipients = coordinated_group(reading, recipient)
        if not recipients:
            recipients = _appositive(reading, left, cue) or relative_antecedents(reading, clause)
        return Roles([cue.compound_agent], recipients, "compound")

    # "In full coordination with Israel, Qatar has ...": a fronted phrase ending in "with"
    # names the partner; the subject after the comma acts.
    if not any(r.marker is None for r in left) and cue.words.lower().endswith(" with"):
        partner = next(
            (
                r
                for r in right
                if r.first == cue.last + 1
                or (r.first == cue.last + 2 and tokens[cue.last + 1].low == "the")
            ),
            None,
        )
        if partner is not None:
            group = coordinated_group(reading, partner)
            comma = next(
                (k for k in range(group[-1].last + 1, clause.last) if tokens[k].text == ","),
                None,
            )
            actor = None
            if comma is not None:
                actor = next((r for r in right if r.first > comma and r.marker is None), None)
            if (
                comma is not None
                and actor is not None
                and not reading.punctuation_between(comma, actor.first) - {","}
            ):
                return Roles(coordinated_group(reading, actor), group, "fronted")

    # "with direct backing from Iran": a support noun whose giver follows "from".
    from_giver = (
        relation in GIVING
        and not cue.words.lower().endswith("ed")
        and next(
            (
                r
                for r in right
                if r.marker == "from" and word_count(reading, cue.last, r.first) <= 2
            ),
            None,
        )
    )
    if cue.reversed and cue.words.lower().split()[-1] in ("in", "at"):
        # "based in Doha", "Hamas has offices in Istanbul": the place hosts (its state does).
        host = next((r for r in right if word_count(reading, cue.last, r.first) <= 2), None)
        subject = nearest_subject(reading, left, cue.first) or passive_subject(reading, left, cue)
        return Roles(
            coordinated_group(reading, host), coordinated_group(reading, subject), "passive"
        )
    if is_passive(reading, cue) or (from_giver and not receiving):
        agent = next((r for r in right if r.marker in ("by", "from")), None)
        if agent is None:
            agent = next((r for r in right if r.marker == "of"), None)  # "with the backing of"
        if agent is None and cue.reversed:  # the cue ends in its preposition: "with the support of"
            agent = next((r for r in right if word_count(reading, cue.last, r.first) <= 1), None)
        if agent is None:
            agent = trained_in(reading, cue, right)
        subject = passive_subject(reading, left, cue)
        recipients = coordinated_group(reading, subject) or relative_antecedents(reading, clause)
        if not recipients and from_giver and agent is not None:
            # "funding from Iran to Hamas"
            taker = next(
                (
                    r
                    for r in right
                    if r.first > agent.last
                    and r.marker in ("to", "for")
                    and word_count(reading, agent.last, r.first) <= 1
                ),
                None,
            )
            recipients = coordinated_group(reading, taker)
        return Roles(coordinated_group(reading, agent), recipients, "passive")

    if receiving:
        verb = max(receiving)
        subject = nearest_subject(reading, left, verb)
        recipients = coordinated_group(reading, subject) or relative_antecedents(reading, clause)
        agent = next((r for r in right if r.marker in ("from", "by")), None)
        if agent is None:  # "Hamas relied on Iran for weapons": the one relied on
            agent = next(
                (
                    r
                    for r in left
                    if r.first > verb
                    and r.marker == "on"
                    and reading.tokens[cue.first - 1].low == "for"
                    and r.last == cue.first - 2
                ),
                None,
            )
        if agent is None:  # "Hamas enjoys the support of Qatar": the noun's own giver
            agent = next(
                (
                    r
                    for r in right
                    if r.marker == "of"
                    and r.first == cue.last + 2
                    and cue.relation in GIVING
                    and reading.tokens[cue.first - 1].low == "the"
                ),
                None,
            )
        if agent is None:  # "Hamas received Iranian funding"
            agent = next((r for r in left if r.qualifies is not None and r.first > verb), None)
        if agent is None:
            agent = trained_in(reading, cue, right)
        return Roles(coordinated_group(reading, agent), recipients, "receiving")

    # "Weapons were supplied to Hezbollah by Iran": the thing given is the subject of a
    # passive transfer verb; "by" gives, "to" receives.
    given = next(
        (
            k
            for k in range(cue.last + 2, min(len(tokens), cue.last + 4))
            if tokens[k].low in EN_TRANSFER_VERBS and tokens[k - 1].low in EN_PASSIVE_BE
        ),
        None,
    )
    if given is not None and relation in GIVING:
        later = [r for r in right if r.first > given and not is_place(r)]
        agent = next((r for r in later if r.marker == "by"), None)
        taker = next((r for r in later if r.marker in ("to", "for")), None)
        if agent is not None and taker is not None:
            return Roles(
                coordinated_group(reading, agent), coordinated_group(reading, taker), "passive"
            )

    # A transfer verb before a noun cue: its subject gives, its object receives.
    transfer = next(
        (
            k
            for k in range(cue.first - 1, clause.first - 1, -1)
            if tokens[k].low in EN_TRANSFER_VERBS
        ),
        None,
    )
    if (
        transfer is not None
        and cue.kind in ("cue", "amount", "transferred")
        and relation != "armed-attack"  # "After Iran sent weapons ..., Israel struck"
    ):
        subject = nearest_subject(reading, left, transfer)
        agents = coordinated_group(reading, subject) or relative_antecedents(reading, clause)
        objects = [
            r
            for r in right
            if r.marker in ("to", "for", "alongside")
            and not is_place(r)
            and word_count(reading, cue.last, r.first) <= RECIPIENT_WINDOW
        ]
        between = [
            r
            for r in left
            if r.first > transfer and r.marker in (None, "'s", "to") and not is_place(r)
        ]
        recipient = objects[0] if objects else (between[0] if between else None)
        return Roles(agents, coordinated_group(reading, recipient), "transfer")

    # "relations between X and Y", "X and Y signed"
    if relation in SYMMETRIC:
        pair = [r for r in right if r.marker == "between"]
        if pair:
            group = coordinated_group(reading, pair[0])
            if len(group) >= 2:
                return Roles(group[:1], group[1:], "between")
        # "Relations between Iran and Hamas soured": the pair before the change verb.
        before = [r for r in left if r.marker == "between"]
        if before:
            group = coordinated_group(reading, before[0])
            if len(group) >= 2 and word_count(reading, group[-1].last, cue.first) <= 2:
                return Roles(group[:1], group[1:], "between")

    # "Iran is Hezbollah's main backer", "Hezbollah's patron, Iran": the possessor of a
    # giver noun receives; the giver is the subject of "is" or the apposition after it.
    last_word = cue.words.lower().split()[-1]
    if last_word in EN_GIVER_NOUNS or (relation in SYMMETRIC and last_word in EN_PARTNER_NOUNS):
        owner = next(
            (
                r
                for r in reversed(left)
                if (
                    r.marker == "'s"
                    or (
                        r.kind == "demonym" and r.qualifies is not None and reading.language == "en"
                    )
                )
                and word_count(reading, r.last, cue.first) <= 2
            ),
            None,
        )
        if owner is not None:
            after = next(
                (
                    r
                    for r in right
                    if r.marker is None
                    and word_count(reading, cue.last, r.first) == 0
                    and reading.punctuation_between(cue.last, r.first) & {","}
                ),
                None,
            )
            listed = None
            nxt = reading.tokens[cue.last + 1].low if cue.last + 1 < len(reading.tokens) else ""
            if after is None and nxt in ("include", "includes", "included", "are", "were"):
                # "Iran's proxies include Hezbollah and the Houthis": the ones listed
                listed = next((r for r in right if r.first == cue.last + 2), None)
            if listed is not None:
                return Roles(
                    coordinated_group(reading, listed), coordinated_group(reading, owner), "listed"
                )
            giver = after or nearest_subject(reading, left, owner.first)
            return Roles(
                coordinated_group(reading, giver), coordinated_group(reading, owner), "giver-noun"
            )
    # "the support of Iran for Hezbollah", "funding from Iran to Hamas": the giver after
    # "of"/"from", the recipient after "for"/"to".
    if relation in GIVING and not left_subject_adjacent(reading, left, cue):
        giver = next(
            (
                r
                for r in right
                if r.marker in ("of", "from") and word_count(reading, cue.last, r.first) <= 1
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
                and word_count(reading, giver.last, r.first) <= 1
            ),
            None,
        )
        if giver is not None and taker is not None:
            return Roles(
                coordinated_group(reading, giver), coordinated_group(reading, taker), "of-for"
            )
        # "the funding of Hamas by Iran": the noun's object after "of", its giver after "by".
        if giver is not None and giver.marker == "of":
            by = _marked_after(reading, right, giver, "by", 1)
            if by is not None:
                return Roles(
                    coordinated_group(reading, by), coordinated_group(reading, giver), "of-by"
                )

    subject = None
    for ref in reversed(left):
        if word_count(reading, ref.last, cue.first) > SUBJECT_WINDOW["en"]:
            break
        if ref.marker == "'s" and word_count(reading, ref.last, cue.first) > 2:
            continue  # "shares its ideology, is a member": its owns another noun
        if ref.marker in (None, "'s"):
            subject = ref
            break
    if subject is not None:
        # "Haniyeh, the head of Hamas's political bureau, visited Tehran": the one described.
        subject = _described(reading, left, subject, cue) or subject
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
    agents = coordinated_group(reading, subject)
    how = "active"
    if not agents and clause.antecedent is not None:
        agents, how = relative_antecedents(reading, clause), "relative"
    if helped is not None:
        return Roles(agents, coordinated_group(reading, helped), "help", competing)
    if (
        relation == "training"
        and subject is not None
        and subject.last + 1 < cue.first
        and tokens[subject.last + 1].low in _TRAINEES
        and cue.last + 1 < len(tokens)
        and tokens[cue.last + 1].low == "in"
    ):
        # "Houthi fighters trained in Iran": the fighters were trained, in (and by) the state
        host = trained_in(reading, cue, right)
        if host is not None:
            return Roles(coordinated_group(reading, host), agents, "trained-in", competing)
    markers = EN_RECIPIENT_MARKERS | ({"from"} if relation in CONTACT - {"visit"} else set())
    if relation == "visit":
        markers = markers | {"in", "into"}  # "arrived in Qatar"; "from Beirut" is where from
    if relation not in OPPOSING and relation != "armed-attack":
        markers = markers - {"against"}  # "commitment to resistance against Israel"
    if relation == "mediation":
        markers = markers | {"between"}  # "mediated between Israel and Hamas"
    if relation == "armed-attack":
        # "strikes on Hezbollah", "fired rockets at Israel"; not "struck a deal with Hamas"
        markers = frozenset({None, "on", "against", "at"})
    recipient = None
    if relation == "terrorist-designation":
        markers = markers | {"on"}  # "imposed sanctions on Hezbollah"
    next_cue = _next_cue(reading, cue)
    for ref in right:
        if word_count(reading, cue.last, ref.first) > RECIPIENT_WINDOW:
            break
        if ref.first > next_cue and relation not in SYMMETRIC:
            break  # "its support during a visit to Tehran": Tehran is the visit's
        if ref.marker in markers and (not is_place(ref) or relation == "visit"):
            recipient = ref
            break
        if ref.marker in ("by",):
            break
    if recipient is not None and relation in ("condemnation", "praise"):
        # "condemned the assassination of Haniyeh by Israel": the one condemned is who did
        # it (after "by"), not its victim after "of"; with no doer named, no one.
        recipient = _doer_of_event(reading, cue, recipient, right)
    recipients = coordinated_group(reading, recipient)
    if (
        not recipients
        and relation not in SYMMETRIC
        and clause.kind == "relative"
        and clause.antecedent is not None
        and subject is not None
        and subject.first == clause.first + 1
        and tokens[clause.first].low in ("which", "that", "whom")
        and all(t.low in EN_AUXILIARIES for t in tokens[subject.last + 1 : cue.first])
    ):
        # "Hezbollah, which Iran funds, ...": the antecedent is the object of the relative
        # clause whose own subject follows the pronoun.
        recipients = relative_antecedents(reading, clause)
    if (
        not recipients
        and relation in SYMMETRIC
        and subject is not None
        and not circumstantial(reading, cue)  # "A and B were present during the meeting"
    ):
        group = coordinated_group(reading, subject)
        if len(group) >= 2:
            return Roles(group[:1], group[1:], "pair")
    if recipients and agents and recipients[0] in agents:
        recipients = []
    return Roles(agents, recipients, how, competing)


# People who are trained: "Hezbollah fighters trained in Iran".
_TRAINEES = frozenset(
    ("fighters", "militants", "members", "commanders", "operatives", "recruits", "troops")
)
EN_AUXILIARIES = frozenset(("has", "have", "had", "does", "did", "will", "would", "also"))
EN_PASSIVE_BE = frozenset(("was", "were", "is", "are", "been", "being", "be"))
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


def _doer_of_event(reading: Reading, cue: Cue, recipient: Ref, right: list[Ref]) -> Ref | None:
    """ "condemned the assassination of Haniyeh by Israel": Israel; "the killing of X": no one."""
    tokens = reading.tokens
    between = [t.low for t in tokens[cue.last + 1 : recipient.first]]
    if len(between) < 2 or between[-1] != "of" or not set(between[:-1]) & _EVENTS:
        return recipient
    return _marked_after(reading, right, recipient, "by", 2)


# Events done to someone: "the killing of X", "the arrest of X".
_EVENTS = frozenset(
    (
        "assassination",
        "killing",
        "murder",
        "arrest",
        "detention",
        "execution",
        "kidnapping",
        "abduction",
        "bombing",
        "shelling",
        "expulsion",
        "deportation",
        "imprisonment",
    )
)


def _dash_pair(reading: Reading, cue: Cue, left: list[Ref]) -> Roles | None:
    """ "the Hezbollah–Russia relationship", "Iran-Hamas ties": two names joined by a dash
    right before a cue of a relation between two sides are its two sides."""
    if cue.relation not in SYMMETRIC or len(left) < 2:
        return None
    a, b = left[-2], left[-1]
    if not (a.ids and b.ids) or a.modifier or b.modifier:
        return None
    joined = reading.text[a.end : b.start].strip() in ("–", "-", "—", "/")
    next_to_cue = reading.text[b.end : reading.tokens[cue.first].start].strip() == ""
    return Roles([a], [b], "pair") if joined and next_to_cue else None


def _next_cue(reading: Reading, cue: Cue) -> int:
    """The first token of the next cue that does not share this one's object: cues joined
    by "and", "or" or a comma share it ("trained and armed Hezbollah")."""
    tokens = reading.tokens
    k = cue.last + 1
    while k < len(tokens) and (k in reading.cue_tokens or tokens[k].low in ("and", "or", ",")):
        k += 1
    joints = {t.low for t in tokens[cue.last + 1 : k]}
    if (k < len(tokens) and tokens[k - 1].low in ("and", "or", ",")) or not joints & {"and", "or"}:
        # "supports Hamas, and ...": no cue of its own followed; "praised, funds Hezbollah":
        # a comma without "and" is no list of verbs.
        k = cue.last + 1
    return min((j for j in reading.cue_tokens if j >= k), default=len(tokens))


def left_subject_adjacent(reading: Reading, left: list[Ref], cue: Cue) -> bool:
    """A possessor or a demonym right before the cue already names the giver ("Iran's
    support of ...", "Iranian funding of ...")."""
    return any(
        (r.marker == "'s" or r.qualifies is not None)
        and word_count(reading, r.last, cue.first) <= 2
        for r in left
    )


def _described(reading: Reading, left: list[Ref], subject: Ref, cue: Cue) -> Ref | None:
    """The actor an apposition describes when the subject found is inside it: "X, the head
    of Y's political bureau, visited ..." (X, not Y)."""
    tokens = reading.tokens
    if "," not in {t.text for t in tokens[subject.last + 1 : cue.first]}:
        return None
    for ref in reversed(left):
        if ref.last >= subject.first or ref.marker is not None:
            continue
        opening = tokens[ref.last + 1 : ref.last + 3]
        if (
            len(opening) == 2
            and opening[0].text == ","
            and opening[1].low in ("the", "a", "an")
            and "," not in {t.text for t in tokens[ref.last + 2 : subject.first]}
        ):
            return ref
        return None
    return None


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


# "is recognized as a terrorist organization in X": the words before "as" that make the
# label a standing one, given by the states after "in".
_HELD_AS = frozenset(
    {"recognized", "recognised", "considered", "regarded", "designated", "listed", "classified"}
)


def _designated_in(reading: Reading, cue: Cue, left: list[Ref], right: list[Ref]) -> Roles | None:
    """ "Hezbollah is recognized as a terrorist organization in the United States, Canada and
    Israel": each state after "in" designates the group the clause is about."""
    if cue.relation != "terrorist-designation" or not left or not right:
        return None
    before = [t.low for t in reading.tokens[max(0, cue.first - 4) : cue.first] if t.is_word]
    if "as" not in before or not set(before) & _HELD_AS:
        return None
    where = right[0]
    if where.marker != "in" or word_count(reading, cue.last, where.first) > 2:
        return None
    group = left[-1]
    between = [t.low for t in reading.tokens[group.last + 1 : cue.first] if t.is_word]
    if group.marker is not None or not set(between) & EN_BE:
        return None
    return Roles(coordinated_group(reading, where), [group], "designated-in")


def _marked_after(
    reading: Reading, refs: list[Ref], after: Ref, marker: str, within: int
) -> Ref | None:
    """The first of `refs` after `after` that `marker` introduces, at most `within` words on
    ("the visit of X to Y", "the funding of X by Y")."""
    return next(
        (
            r
            for r in refs
            if r.first > after.last
            and r.marker == marker
            and word_count(reading, after.last, r.first) <= within
        ),
        None,
    )


def _visitor_after(reading: Reading, last: int, right: list[Ref], word: str) -> Ref | None:
    """The visitor named after `word` right after token `last` ("of the Hamas delegation",
    "of Israeli Foreign Minister Gabi Ashkenazi"): no other preposition between."""
    tokens = reading.tokens
    if last + 1 >= len(tokens) or tokens[last + 1].low != word:
        return None
    for r in right:
        if r.first <= last + 1 or r.kind == "place":
            continue
        between = reading.words_between(last + 1, r.first)
        if len(between) > 4 or any(t.low in ("to", "in", "by", "from", "with") for t in between):
            return None
        if not r.modifier:
            return r
    return None

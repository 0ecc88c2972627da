"""Agent and recipient in an Arabic clause (verb-subject-object and subject-first): marked
recipients, verbal nouns, transfer verbs, reversed cues, "بين X و Y" and persons after their
titles.
"""

from __future__ import annotations

from publisher.curate.suggest.grammar.arabic import (
    AR_AGENT_NOUNS,
    AR_DENIAL_VERBS,
    AR_LED_BY,
    AR_PREPOSITIONS,
    AR_TRANSFER_VERBS,
)
from publisher.curate.suggest.reading.sentence import Clause, Reading, Ref
from publisher.curate.suggest.reading.titles import is_title
from publisher.curate.suggest.roles.arabic_nouns import (
    AR_VERB_OPENERS,
    adjacent_subject,
    adverbs_only,
    arabic_noun,
    is_transfer_masdar,
    noun_governed,
)
from publisher.curate.suggest.roles.cue import SYMMETRIC, Cue, Roles
from publisher.curate.suggest.roles.markers import (
    AR_BETWEEN,
    AR_FROM,
    AR_PART_ENDINGS,
    AR_RECIPIENT_MARKERS,
    AR_TO,
    PERSON_WINDOW,
    RECIPIENT_WINDOW,
    VERB_FIRST_WINDOW,
)
from publisher.curate.suggest.roles.referents import (
    circumstantial,
    coordinated_group,
    is_place,
    nearest_subject,
    relative_antecedents,
    tokens_low,
    trained_in,
    without_conjunction,
    word_count,
)
from publisher.textlayer.arabic import fold


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
    masdar = is_transfer_masdar(reading.tokens[verb].low)
    fronted = next(
        (
            r
            for r in left
            if r.last < verb
            and r.marker is None
            and not r.modifier
            and all(t.low in AR_VERB_OPENERS for t in reading.words_between(r.last, verb))
            and not reading.punctuation_between(r.last, verb)
        ),
        None,
    )
    if (
        not masdar
        and fronted is None  # "إيران زودت الحوثيين": the name after the verb is its object
        and after
        and after[0].marker is None
        and word_count(reading, verb, after[0].first) <= 1
    ):
        subject = after[0]
    if subject is None:
        subject = nearest_subject(reading, [r for r in left if r.last < verb], verb)
    agents = coordinated_group(reading, subject) or relative_antecedents(reading, clause)
    taken = {id(r) for r in agents}
    rest = [r for r in after if id(r) not in taken and not is_place(r)]
    recipient = None
    for r in rest:
        if r.marker is None and r.last < cue.first:
            recipient = r
            break
        if r.marker in AR_TO and word_count(reading, cue.last, r.first) <= RECIPIENT_WINDOW:
            recipient = r
            break
    return Roles(agents, coordinated_group(reading, recipient), "transfer")


def arabic_roles(
    reading: Reading,
    clause: Clause,
    cue: Cue,
    left: list[Ref],
    right: list[Ref],
    reversing: set[int],
) -> Roles:
    """Agent and recipient of `cue` in an Arabic clause."""
    roles = _arabic_roles(reading, clause, cue, left, right, reversing)
    for r in roles.recipients:
        # "زار وفد من حماس يرأسه مشعل موسكو": the head goes with the delegation
        delegation = _delegation_led_by(reading, r)
        if delegation is not None and delegation in roles.agents:
            roles = Roles(
                [*roles.agents, r], [x for x in roles.recipients if x is not r], roles.how
            )
            break
    if cue.relation != "mediation" and roles.agents and _mediator(reading, roles.agents[0]):
        # "طلب وساطة حزب الله لحل الأزمة مع طهران": the mediator is no party to the crisis
        return Roles([], roles.recipients, roles.how)
    if len(roles.agents) == 1:
        delegation = _delegation_led_by(reading, roles.agents[0])
        if delegation is not None:
            roles.agents = [delegation, roles.agents[0]]
    return roles


def _delegation_led_by(reading: Reading, head: Ref) -> Ref | None:
    """ "وفد من حماس يرأسه الزهار التقى ...", "وفدا عنها يتقدمه رئيس مكتب ... أبو مرزوق":
    the head of a delegation acts with the delegation, which stands for its group."""
    tokens = reading.tokens
    led = next(
        (
            k
            for k in range(head.first - 1, max(-1, head.first - 9), -1)
            if without_conjunction(tokens[k].low) in AR_LED_BY
        ),
        None,
    )
    if led is None or not tokens[led - 1].is_word:
        return None
    between = [r for r in reading.refs if led < r.first < head.first]
    if any(r.ids and r.kind == "name" and not r.modifier for r in between):
        return None
    group = next((r for r in reading.refs if r.last == led - 1 and r.ids), None)
    if group is None or group.kind not in ("name", "pronoun") or group.first < 1:
        return None
    k = group.first - 1
    if tokens[k].low in _DELEGATION_OF:  # "وفد من حماس"
        k -= 1
    elif group.kind != "pronoun":  # "وفدا عنها": the preposition is on the pronoun
        return None
    if k < 0 or not {tokens[k].low, without_conjunction(tokens[k].low)} & _DELEGATIONS:
        return None
    return group


_DELEGATION_OF = frozenset(fold(w) for w in ("من", "عن"))
_DELEGATIONS = frozenset(fold(w) for w in ("وفد", "وفدا", "الوفد", "لوفد", "بوفد"))


def _arabic_roles(
    reading: Reading,
    clause: Clause,
    cue: Cue,
    left: list[Ref],
    right: list[Ref],
    reversing: set[int],
) -> Roles:
    relation = cue.relation
    if cue.reversed and relation == "hosting" and len(right) >= 2:
        # "مكتب حماس في طهران", "مكتب لحماس في الدوحة": the owner between the office and
        # its place, which hosts it
        owner, place = right[0], right[1]
        if (
            owner.first == cue.last + 1
            and owner.marker in (None, "ل")
            and place.marker == fold("في")
            and place.first == owner.last + 2
        ):
            return Roles([place], coordinated_group(reading, owner), "office")
    if cue.reversed:
        agent = next(
            (
                r
                for r in right
                if word_count(reading, cue.last, r.first) <= 3
                and not reading.punctuation_between(cue.last, r.first) & {",", "،", ";", "؛"}
            ),
            None,
        )
        recipient = (
            left[-1] if left and word_count(reading, left[-1].last, cue.first) <= 4 else None
        )
        recipients = coordinated_group(reading, recipient) or relative_antecedents(reading, clause)
        return Roles(coordinated_group(reading, agent), recipients, "passive")

    affiliated = _affiliated_trainers(reading, clause, cue, left, right)
    if affiliated is not None:
        return affiliated

    # "حماس وحزب الله تعتبر جزءا من المحور", "عضو في": a cue ending in its preposition
    # takes what follows as the whole, and the subject before it as the member.
    if fold(cue.words).split()[-1] in AR_PART_ENDINGS and len(cue.words.split()) >= 2:
        whole = next((r for r in right if word_count(reading, cue.last, r.first) <= 1), None)
        member = nearest_subject(reading, left, cue.first, places=False)
        members = coordinated_group(reading, member) or relative_antecedents(reading, clause)
        if whole is not None:
            return Roles(members, coordinated_group(reading, whole), "membership")

    receiving = [k for k in reversing if clause.first <= k < cue.first]
    if receiving:
        verb = max(receiving)
        after = [r for r in left if r.first > verb and r.marker is None]
        before = [r for r in left if r.last < verb and r.marker is None]
        subject = after[0] if after else (before[-1] if before else clause.antecedent)
        agent = next((r for r in right if r.marker == AR_FROM), None)
        if agent is None and cue.last + 1 < len(reading.tokens):
            # "يعتمد حزب الله في تمويله على إيران": the giver relied on, right after the thing
            agent = next((r for r in right if r.marker == _ALA and r.first == cue.last + 2), None)
        if agent is None:  # "يتلقى حزب الله من إيران دعما": the giver before the thing
            agent = next((r for r in left if r.first > verb and r.marker == AR_FROM), None)
        if agent is None:  # "تلقت حماس دعما إيرانيا"
            agent = next((r for r in right if r.qualifies is not None), None)
        if agent is None:
            agent = trained_in(reading, cue, right)
        return Roles(
            coordinated_group(reading, agent), coordinated_group(reading, subject), "receiving"
        )

    by = _by_agent(reading, cue, right)
    if by is not None:
        # "تمويل حماس من قبل إيران", "يتم تمويل حماس من قبل إيران", "حماس مدعومة من قبل
        # إيران": the agent after "من قبل", the noun's genitive or the subject receives.
        genitive = next(
            (
                r
                for r in right
                if r.last < by.first
                and r.marker is None
                and word_count(reading, cue.last, r.first) <= 1  # "تدريب مقاتلي حزب الله"
            ),
            None,
        )
        if genitive is None and left and word_count(reading, left[-1].last, cue.first) <= 3:
            genitive = left[-1] if left[-1].marker is None else None
        if genitive is not None:
            return Roles(
                coordinated_group(reading, by), coordinated_group(reading, genitive), "passive"
            )

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
            group = coordinated_group(reading, pair[0])
            if len(group) >= 2:
                return Roles(group[:1], group[1:], "between")

        changed = _relations_changed(reading, cue, left)
        if changed is not None:
            return changed

    noun = arabic_noun(reading, cue)
    marked = AR_RECIPIENT_MARKERS - {None}
    competing = sum(1 for r in left if r.marker is None) > 1

    # "سوريا الحليف الأول للحزب": an actor right before a noun cue is its subject.
    if noun and left and left[-1].last == cue.first - 1 and not is_place(left[-1]):
        apposed = left[-1]
        recipient = next(
            (
                r
                for r in right
                if r.marker in marked
                and not is_place(r)
                and word_count(reading, cue.last, r.first) <= 4
            ),
            None,
        )
        if recipient is not None:
            return Roles(
                coordinated_group(reading, apposed),
                coordinated_group(reading, recipient),
                "apposition",
            )

    def within(r: Ref) -> bool:
        if r.kind == "name" and _person_like(reading, r):
            limit = PERSON_WINDOW
        elif r.kind in ("demonym", "anaphor") and all(
            t.low in AR_AGENT_NOUNS for t in reading.words_between(cue.last, r.first)
        ):
            # "اتهم مسؤولون أمريكيون": officials of the state; "وثمن وفد الحركة": the
            # movement's delegation
            limit = 2
        else:
            limit = 1 if noun else VERB_FIRST_WINDOW  # a verbal noun's genitive follows it
        return word_count(reading, cue.last, r.first) <= limit

    near = [
        r
        for r in right
        if within(r)
        and (not is_place(r) or not noun)
        and not reading.punctuation_between(cue.last, r.first) & {",", "،", ";", "؛", ":"}
    ]
    first = near[0] if near else None
    subject_before = nearest_subject(reading, left, cue.first, places=not noun)
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
                and (not is_place(r) or relation == "visit")
                and word_count(reading, after.last, r.first) <= RECIPIENT_WINDOW
                and (r.marker is not None or noun or _object_next(reading, after.last, r.first))
            ),
            None,
        )

    if (
        noun
        and first is not None
        and first.marker is None
        and subject_before is not None
        and adverbs_only(reading, subject_before.last + 1, cue.first)  # "نفت قطر مرارا"
        and subject_before.first > 0
        and without_conjunction(tokens_low(reading, subject_before.first - 1)) in AR_DENIAL_VERBS
    ):
        # "نفت إيران تمويل حماس": the denier's own act, the genitive what it acts on.
        return Roles(
            coordinated_group(reading, subject_before),
            coordinated_group(reading, first),
            "denied-act",
        )
    if first is not None and first.qualifies is not None:
        # "الدعم الإيراني لحماس": the demonym gives; no recipient named, none guessed.
        second = later(first, marked)
        return Roles(
            coordinated_group(reading, first), coordinated_group(reading, second), "demonym"
        )
    if (
        first is not None
        and first.marker is None
        and not noun
        and clause.kind == "relative"
        and clause.antecedent is not None
        and not left
        and cue.first == clause.first + 1
    ):
        # "إيران التي تدعم الحوثيين": the antecedent is the subject, the name after the
        # verb its object; "حماس التي تدعمها إيران": the pronoun on the verb is the object.
        low = reading.tokens[cue.last].low
        group = coordinated_group(reading, first)
        if low.endswith(_RESUMPTIVE):
            return Roles(group, relative_antecedents(reading, clause), "relative")
        return Roles(relative_antecedents(reading, clause), group, "relative")
    if first is not None and first.marker is None and (not is_place(first) or not noun):
        group = coordinated_group(reading, first)
        second = later(group[-1], marked if noun else AR_RECIPIENT_MARKERS)
        if second is not None and not (
            noun and subject_before is not None and second.marker not in AR_TO
        ):
            return Roles(group, coordinated_group(reading, second), "verb-first")
        if noun:
            # A verbal noun and its genitive: after a preposition ("بدعم دول المحور", "عقب لقاء
            # بوغدانوف") the genitive is what the subject acts on; otherwise it is the agent
            # ("زاد دعم طهران": Tehran's support), and the recipient is not named here.
            governed = noun_governed(reading, cue) or circumstantial(reading, cue)
            if relation in SYMMETRIC and subject_before is not None and not governed:
                # "يعد حزب الله أقرب حلفاء إيران": the subject is an ally of the genitive.
                return Roles(coordinated_group(reading, subject_before), group, "subject-genitive")
            if governed and subject_before is not None:
                return Roles(
                    coordinated_group(reading, subject_before), group, "subject-first", competing
                )
            if governed and clause.antecedent is not None:
                return Roles(relative_antecedents(reading, clause), group, "relative")
            if _giver_noun(reading, cue) and subject_before is not None:
                # "تعد إيران من أبرز داعمي حزب الله": a giver noun's genitive receives.
                return Roles(coordinated_group(reading, subject_before), group, "giver-noun")
            return Roles(group, [], "genitive")
        adjacent = adjacent_subject(reading, left, cue)
        if adjacent is not None:
            return Roles(coordinated_group(reading, adjacent), group, "subject-first", competing)
        if clause.antecedent is not None and not left:
            return Roles(relative_antecedents(reading, clause), group, "relative")
        return Roles(group, [], "verb-first")
    if (
        first is not None
        and first.marker in marked
        and (not is_place(first) or relation == "visit")
    ):
        subject = subject_before if noun else adjacent_subject(reading, left, cue)
        agents = coordinated_group(reading, subject) or relative_antecedents(reading, clause)
        return Roles(agents, coordinated_group(reading, first), "subject-first", competing)
    # Nothing right after the cue: the subject before it, a recipient further on.
    recipient = next(
        (
            r
            for r in right
            if r.marker in marked
            and (not is_place(r) or relation == "visit")
            and word_count(reading, cue.last, r.first) <= (4 if noun else RECIPIENT_WINDOW)
        ),
        None,
    )
    subject = subject_before if noun else adjacent_subject(reading, left, cue) or subject_before
    agents = coordinated_group(reading, subject) or relative_antecedents(reading, clause)
    if not recipient and relation in SYMMETRIC and agents:
        group = coordinated_group(reading, agents[0])
        if len(group) >= 2:
            return Roles(group[:1], group[1:], "pair")
    return Roles(agents, coordinated_group(reading, recipient), "subject-first", competing)


def _object_next(reading: Reading, subject_last: int, first: int) -> bool:
    """A verb's object with no preposition is not reached past a preposition and its object:
    "فرضت الولايات المتحدة عقوبات على شبكة تمول حزب الله" sanctions the network, and the name
    belongs to what is said of the network ("a network that funds"). A delegation or officials
    "من" a group stand for it ("وفدا من حماس")."""
    tokens = reading.tokens
    named = {k for r in reading.refs for k in range(r.first, r.last + 1)}
    for k in range(subject_last + 2, first - 1):  # "صوتت روسيا ضد": the verb's own preposition
        low = without_conjunction(tokens[k].low)
        if low not in AR_PREPOSITIONS or k in reading.cue_tokens or k + 1 in named:
            continue  # "في طهران": a place, not an object
        if low in _DELEGATION_OF and without_conjunction(tokens[k - 1].low) in AR_AGENT_NOUNS:
            continue
        return False  # the preposition's object is a noun, and the name comes after it
    return True


def _relations_changed(reading: Reading, cue: Cue, left: list[Ref]) -> Roles | None:
    """ "العلاقات بين حماس وإيران شهدت فتورا", "تحسنت العلاقات بين X وY": what happened to the
    relations between a pair is a relation of that pair (a rift, a reconciliation)."""
    if cue.relation not in _CHANGES_OF_RELATIONS:
        return None
    tokens = reading.tokens
    pair = [r for r in left if r.marker == AR_BETWEEN]
    if not pair:
        return None
    group = coordinated_group(reading, pair[-1])
    between = group[0].first - 1
    if (
        len(group) < 2
        or between < 1
        or without_conjunction(tokens[between - 1].low) not in _RELATIONS_NOUNS
        or reading.punctuation_between(group[-1].last, cue.first) & {",", "،", ";", "؛"}
    ):
        return None
    words = [without_conjunction(t.low) for t in reading.words_between(group[-1].last, cue.first)]
    before = without_conjunction(tokens[between - 2].low) if between >= 2 else ""
    # "شهدت العلاقات بين X وY توترا" (the verb first) or "العلاقات بين X وY كانت قد شهدت فتورا"
    if (before in _WITNESSED and len(words) <= 1) or (
        len(words) <= 4 and any(w in _WITNESSED for w in words)
    ):
        return Roles(group[:1], group[1:], "relations-changed")
    return None


_CHANGES_OF_RELATIONS = frozenset({"rift", "reconciliation"})
# Verbs by which relations go through something: "شهدت فتورا", "عرفت توترا", "سادها التوتر".
_WITNESSED = frozenset(
    fold(w) for w in ("شهدت", "شهد", "تشهد", "يشهد", "عرفت", "تعرف", "سادها", "يسودها", "تسودها")
)
_RELATIONS_NOUNS = frozenset(fold(w) for w in ("العلاقات", "علاقات", "العلاقة", "علاقة"))


def _person_like(reading: Reading, ref: Ref) -> bool:
    """A name after title words ("نائب وزير الخارجية الروسي ميخائيل بوغدانوف")."""
    before = reading.tokens[max(0, ref.first - 2) : ref.first]
    if any(t.low in AR_AGENT_NOUNS for t in before):
        return True
    # a demonym ends a title ("وزير الخارجية الروسي"), but a lone one does not make a title
    # ("اتهمت السعودية إيران": an unknown name, not a title of Iran)
    wider = reading.tokens[max(0, ref.first - 5) : ref.first]
    titled = any(
        without_conjunction(t.low) in AR_AGENT_NOUNS or is_title(t.low, "ar") for t in wider
    )
    # "المرشد الإيراني علي خامنئي": a definite noun and its demonym
    headed = any(
        t.low.endswith(("ي", "يه"))
        and t.index > 0
        and reading.tokens[t.index - 1].low.startswith("ال")
        for t in before
    )
    return headed or (titled and any(t.low.endswith(("ي", "يه")) for t in before))


_MIN, _QABL = fold("من"), fold("قبل")
_ALA = fold("على")
_RESUMPTIVE = tuple(fold(w) for w in ("ها", "هما", "هم", "ه"))


def _by_agent(reading: Reading, cue: Cue, right: list[Ref]) -> Ref | None:
    """The agent of a passive or a verbal noun after "من قبل" (by), a few words after the cue."""
    tokens = reading.tokens
    return next(
        (
            r
            for r in right
            if r.first >= 2
            and without_conjunction(tokens[r.first - 2].low) == _MIN
            and tokens[r.first - 1].low == _QABL
            and word_count(reading, cue.last, r.first) <= 6
            and not reading.punctuation_between(cue.last, r.first) & {",", "،", ";", "؛"}
        ),
        None,
    )


_GIVER_STEMS = tuple(fold(w) for w in ("داعم", "ممول", "راعي", "رعاة", "مسلح", "مدرب"))


def _giver_noun(reading: Reading, cue: Cue) -> bool:
    """An agent noun of giving (داعم، ممول، راعي, any number or case): who gives, not what."""
    low = without_conjunction(reading.tokens[cue.last].low)
    for prefix in ("بال", "لل", "ال", "ب", "ل"):
        if low.startswith(prefix) and len(low) - len(prefix) >= 4:
            low = low[len(prefix) :]
            break
    return low.startswith(_GIVER_STEMS)


_STOPS = frozenset({",", "،", ";", "؛", "."})
_TRAINER_STEMS = tuple(fold(w) for w in ("مدرب", "المدرب", "بمدرب", "لمدرب"))
_BELONGING_STEMS = tuple(
    fold(w) for w in ("تابع", "التابع", "ينتم", "منتم", "المنتم", "يتبع", "تتبع")
)


def _affiliated_trainers(
    reading: Reading, clause: Clause, cue: Cue, left: list[Ref], right: list[Ref]
) -> Roles | None:
    """Trainers named by whom they belong to: "تدريبات بإشراف مدربين تابعين للحرس الثوري",
    "مدربون إيرانيون ينتمون إلى حزب الله". The actor the trainers belong to trains (it is
    no recipient of its own trainers); the clause's subject, if any, is trained."""
    if cue.relation != "training":
        return None
    tokens = reading.tokens
    # the trainers may come a phrase after the training: "تدريبات عسكرية لمسلحيها بإشراف
    # مباشر من قبل مدربين ..."
    end = min(clause.last, cue.last + 12)
    trainer = next(
        (
            k
            for k in range(cue.first, end)
            if without_conjunction(tokens[k].low).startswith(_TRAINER_STEMS)
        ),
        None,
    )
    if trainer is None or reading.punctuation_between(cue.last, trainer) & _STOPS:
        return None
    for ref in right:
        if ref.marker not in AR_TO or not ref.ids or is_place(ref):
            continue
        words = reading.words_between(trainer, ref.first)
        if reading.punctuation_between(trainer, ref.first) & _STOPS:
            return None
        belonging = [t for t in words if without_conjunction(t.low).startswith(_BELONGING_STEMS)]
        if not belonging or len(words) > 4:
            return None
        agents = coordinated_group(reading, ref)
        owners = {a.actor for a in agents}
        trainee = nearest_subject(reading, left, cue.first, places=False)
        if trainee is None:  # "درب مدربون تابعون لحزب الله مقاتلي حماس": the verb's object
            trainee = next(
                (
                    r
                    for r in right
                    if r.first > agents[-1].last
                    and r.marker is None
                    and not is_place(r)
                    and word_count(reading, agents[-1].last, r.first) <= 2
                    # "... للحرس الثوري ومليشيا حزب الله": joined to the owners, not trained
                    and not r.clitic.startswith("و")
                    and not any(
                        t.low.startswith("و")
                        for t in reading.words_between(agents[-1].last, r.first)
                    )
                ),
                None,
            )
        recipients = [r for r in coordinated_group(reading, trainee) if r.actor not in owners]
        return Roles(agents, recipients, "trainers-of")
    return None


_MEDIATION_NOUNS = frozenset(fold(w) for w in ("وساطة", "بوساطة", "لوساطة", "الوسيط", "وسيط"))


def _mediator(reading: Reading, ref: Ref) -> bool:
    """Whether `ref` is the genitive of a mediation noun ("وساطة حزب الله", "بوساطة قطرية")."""
    if ref.first < 1 or ref.marker is not None:
        return False
    low = reading.tokens[ref.first - 1].low  # "وساطة" opens with و of its root, no "and"
    return low in _MEDIATION_NOUNS or without_conjunction(low) in _MEDIATION_NOUNS

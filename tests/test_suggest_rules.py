"""Drafting rules that generalise beyond the sentences they were found on: relations stated as
nouns, coordinated actors, passives with a place for the agent... Each rule is checked on
sentences made up for it, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.corpus.model import Document
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.drafter import draft_claims
from publisher.curate.suggest.workspace import Workspace
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The repository's own corpus (read only)."""
    return Workspace.open(ROOT)


def drafts_of(workspace: Workspace, text: str, language: str) -> list[Draft]:
    document = Document("t", Path("t.txt"), "t.txt", "", language, "news-report", {}, "", text)
    return draft_claims(
        document,
        workspace.drafting_layer(document),
        workspace.corpus,
        workspace.lexicon(language),
        workspace.vocabulary.concepts["rate"],
    )


def triples(workspace: Workspace, text: str, language: str) -> set[tuple[str | None, ...]]:
    return {(d.subject, d.relation, d.object) for d in drafts_of(workspace, text, language)}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Iranian support for Hamas grew in 2015.", "en", {("iran", "political-support", "hamas")}),
        (
            "Iranian military and financial support to Hezbollah continued.",
            "en",
            {
                ("iran", "military-support", "hezbollah"),
                ("iran", "financial-support", "hezbollah"),
            },
        ),
        ("Hamas received Iranian funding in 2012.", "en", {("iran", "financial-support", "hamas")}),
        ("الدعم الإيراني لحماس مستمر.", "ar", {("iran", "political-support", "hamas")}),
        (
            "ويستمر الدعم المالي الإيراني لحزب الله.",
            "ar",
            {("iran", "financial-support", "hezbollah")},
        ),
        ("وتلقت حماس تمويلا قطريا.", "ar", {("qatar", "financial-support", "hamas")}),
    ],
)
def test_a_demonym_qualifying_a_relation_noun_is_its_giver(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


def test_a_demonym_qualifies_only_its_own_noun(workspace: Workspace) -> None:
    # "Iranian" belongs to "backing": it is not who Hezbollah welcomed (hosting).
    assert triples(workspace, "Hezbollah welcomed Iranian backing.", "en") == set()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three thousand Hezbollah militants have undergone training in Iran.", "en"),
        ("Hezbollah fighters were trained in Iran.", "en"),
        ("وخضع مقاتلو حزب الله لتدريب في إيران.", "ar"),
    ],
)
def test_training_received_in_a_state_is_that_state_s(
    workspace: Workspace, text: str, language: str
) -> None:
    assert triples(workspace, text, language) == {("iran", "training", "hezbollah")}


def test_only_training_takes_its_giver_from_where_it_happened(workspace: Workspace) -> None:
    # Funding received in a state is not funding by that state.
    assert triples(workspace, "Hezbollah fighters received funding in Iran.", "en") == set()


def titled_drafts(workspace: Workspace, title: str, text: str, language: str) -> list[Draft]:
    document = Document(
        "t", Path("t.txt"), "t.txt", "", language, "news-report", {language: title}, "", text
    )
    return workspace.drafts(document)


@pytest.mark.parametrize(
    ("title", "text", "language", "expected"),
    [
        # A section heading names the recipient of what the section's sentences give.
        (
            "Foreign involvement",
            "==Support of Hezbollah==\nIran provides between US$50–100 million annually.",
            "en",
            ("iran", "financial-support", "hezbollah", "heading"),
        ),
        # The title names giver and recipient: a sentence of that giver takes the recipient.
        (
            "Qatari support for Hamas",
            "Qatar transferred more than $1 billion in 2018.",
            "en",
            ("qatar", "financial-support", "hamas", "title"),
        ),
        (
            "الدعم القطري لحماس",
            "وحولت قطر أكثر من مليار دولار في عام 2018.",
            "ar",
            ("qatar", "financial-support", "hamas", "title"),
        ),
    ],
)
def test_a_heading_or_the_title_names_the_recipient_a_sentence_leaves_out(
    workspace: Workspace, title: str, text: str, language: str, expected: tuple[str, ...]
) -> None:
    drafts = titled_drafts(workspace, title, text, language)
    assert [(d.subject, d.relation, d.object) for d in drafts] == [expected[:3]]
    assert f"the recipient the {expected[3]} names" in (drafts[0].note or "")
    assert drafts[0].confidence <= 0.5  # an inference, said in the note


def test_the_title_s_recipient_is_only_for_the_title_s_giver(workspace: Workspace) -> None:
    # Another state's money is not said to go to the title's recipient.
    drafts = titled_drafts(
        workspace, "Qatari support for Hamas", "Turkey transferred $5 million in 2019.", "en"
    )
    assert drafts == []
    # A heading about something else leaves the sentence without a recipient.
    text = "==Support of Hezbollah==\nIran met Russia.\n==Reactions==\nIran provides $5 million."
    drafts = titled_drafts(workspace, "Foreign involvement", text, "en")
    assert ("iran", "financial-support", "hezbollah") not in {
        (d.subject, d.relation, d.object) for d in drafts
    }


def test_a_transfer_verb_before_what_it_moves_is_not_money(workspace: Workspace) -> None:
    text = "==Support of Hezbollah==\nHe also claimed that Iran transferred the missiles."
    drafts = titled_drafts(workspace, "Foreign involvement", text, "en")
    assert [(d.subject, d.relation, d.object) for d in drafts] == [
        ("iran", "weapons-supply", "hezbollah")
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # التقى is a verb (its root begins with ل), not a noun with the article.
        (
            "التقى إسماعيل هنية ميخائيل بوغدانوف.",
            "ar",
            {("ismail-haniyeh", "meeting", "mikhail-bogdanov")},
        ),
        # The speaker stands before his verb; whom he met after "عقب لقاء" is not the speaker,
        # and the meeting is his own act, not part of what he states.
        (
            "وكان إسماعيل هنية، رئيس المكتب السياسي لحركة حماس، قد صرح عقب لقاء ميخائيل "
            "بوغدانوف، “اتفقنا على متابعة اللقاءات”.",
            "ar",
            {("ismail-haniyeh", "meeting", "mikhail-bogdanov")},
        ),
        (
            "Ismail Haniyeh said after meeting Mikhail Bogdanov that talks would go on.",
            "en",
            {("ismail-haniyeh", "meeting", "mikhail-bogdanov")},
        ),
    ],
)
def test_who_speaks_and_whom_they_met(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


def test_a_word_beginning_with_kaf_is_not_the_preposition(workspace: Workspace) -> None:
    # "كتلة حزب الله" (Hezbollah's bloc) in an apposition describes the person: no claim of
    # Hezbollah's; "كذلك" (likewise) governs nothing.
    # The apposition between commas does not keep the subject from its verb.
    text = "وكان إسماعيل هنية، رئيس الوفد ورئيس كتلة حزب الله، قد التقى ميخائيل بوغدانوف."
    assert triples(workspace, text, "ar") == {("ismail-haniyeh", "meeting", "mikhail-bogdanov")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After two actors a verb agrees with them (dual, plural): the bare form is a noun.
        (
            "قطر وإيران دعمتا حماس.",
            {("qatar", "political-support", "hamas"), ("iran", "political-support", "hamas")},
        ),
        (
            "وقطر وإيران تدعمان حماس.",
            {("qatar", "political-support", "hamas"), ("iran", "political-support", "hamas")},
        ),
        ("أكد قادة في حركتي حماس والجهاد الإسلامي دعم إيران المستمر.", set()),
    ],
)
def test_a_verb_agrees_with_coordinated_subjects(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


ALLIANCE = "axis-of-resistance"


@pytest.mark.parametrize(
    ("text", "language", "members"),
    [
        # A cue ending in its preposition: what follows is the whole, the subject the member.
        ("وحركة حماس وحزب الله تعتبر جزءا من محور المقاومة.", "ar", {"hamas", "hezbollah"}),
        ("حماس عضو في محور المقاومة.", "ar", {"hamas"}),
        # Subjects coordinated across relative clauses share the predicate.
        (
            "كذلك حركة حماس، وحزب الله الذي يقوده حسن نصر الله، وحركة الجهاد الإسلامي تعتبر "
            "جزءًا من محور المقاومة.",
            "ar",
            {"hamas", "hezbollah", "palestinian-islamic-jihad"},
        ),
        (
            "Hamas, which is based in Gaza, and Hezbollah are part of the Axis of Resistance.",
            "en",
            {"hamas", "hezbollah"},
        ),
    ],
)
def test_members_of_a_whole(
    workspace: Workspace, text: str, language: str, members: set[str]
) -> None:
    assert triples(workspace, text, language) == {(m, "alliance", ALLIANCE) for m in members}


def test_a_reversed_cue_does_not_reach_past_a_comma(workspace: Workspace) -> None:
    # "مقرها غزة، وحزب الله": Hezbollah does not host Hamas.
    text = "حماس التي مقرها غزة، وحزب الله يعتبران جزءا من محور المقاومة."
    assert not any(r == "hosting" for _, r, _ in triples(workspace, text, "ar"))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "محور المقاومة تحالف بين إيران وسوريا والجماعات الفلسطينية المسلحة. وتصنف الولايات المتحدة "
            "معظم هذه الجماعات كمنظمات إرهابية.",
            "ar",
            ("united-states", "terrorist-designation", ALLIANCE),
        ),
        (
            "The Axis of Resistance is an alliance between Iran, Syria and Palestinian armed groups. "
            "The United States designated most of these groups as terrorist organisations.",
            "en",
            ("united-states", "terrorist-designation", ALLIANCE),
        ),
    ],
)
def test_the_alliance_or_these_groups_is_the_collective_the_document_is_about(
    workspace: Workspace, text: str, language: str, expected: tuple[str, ...]
) -> None:
    drafts = [d for d in drafts_of(workspace, text, language) if d.relation == expected[1]]
    assert [(d.subject, d.relation, d.object) for d in drafts] == [expected]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Vladimir Putin on Friday hosted a delegation of Hamas leaders in Moscow. Foreign "
            "Minister Sergey Lavrov and deputy foreign minister Mikhail Bogdanov were also "
            "present during the meeting. Hamas official Mousa Abu Marzouk was also in "
            "attendance at the meeting.",
            "en",
            {
                ("vladimir-putin", "hosting", "hamas"),
                ("sergey-lavrov", "meeting", "hamas"),
                ("mikhail-bogdanov", "meeting", "hamas"),
                # of the guests' side (Hamas names him): he met the host
                ("mousa-abu-marzouk", "meeting", "vladimir-putin"),
            },
        ),
        (
            "استقبل فلاديمير بوتين وفدا من حركة حماس في موسكو. وحضر اللقاء سيرغي لافروف "
            "وميخائيل بوغدانوف.",
            "ar",
            {
                ("vladimir-putin", "hosting", "hamas"),
                ("sergey-lavrov", "meeting", "hamas"),
                ("mikhail-bogdanov", "meeting", "hamas"),
            },
        ),
    ],
)
def test_who_attends_the_meeting_told_before_meets_the_other_side(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    drafts = drafts_of(workspace, text, language)
    assert {(d.subject, d.relation, d.object) for d in drafts} == expected
    attended = [d for d in drafts if d.relation == "meeting"]
    assert all("told before" in (d.note or "") and d.confidence <= 0.6 for d in attended)


def test_attending_needs_a_meeting_told_before(workspace: Workspace) -> None:
    text = "Sergey Lavrov and Mikhail Bogdanov were also present during the meeting."
    assert triples(workspace, text, "en") == set()  # not a meeting of the two with each other


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Vladimir Putin hosted a large delegation of leaders from Hamas in Moscow, "
            "including the group's political bureau chief Ismail Haniyeh.",
            "en",
            {
                ("vladimir-putin", "hosting", "hamas"),
                ("vladimir-putin", "meeting", "ismail-haniyeh"),
            },
        ),
        # "led by" is another participle's "by": Putin still hosts, Haniyeh does not.
        (
            "Vladimir Putin hosted a delegation from Hamas led by Ismail Haniyeh.",
            "en",
            {("vladimir-putin", "hosting", "hamas")},
        ),
    ],
)
def test_a_host_meets_the_people_named_in_the_delegation(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # The possessor of a giver noun receives.
        ("Iran is Hezbollah's main backer.", "en", {("iran", "political-support", "hezbollah")}),
        (
            "Hezbollah's main patron, Iran, sent advisers.",
            "en",
            {("iran", "political-support", "hezbollah")},
        ),
        # "of" the giver, "for"/"to" the recipient; "from" the giver.
        (
            "The support of Iran for Hezbollah is well documented.",
            "en",
            {("iran", "political-support", "hezbollah")},
        ),
        (
            "Funding from Iran to Hamas rose in 2012.",
            "en",
            {("iran", "financial-support", "hamas")},
        ),
        ("Hamas got direct backing from Iran.", "en", {("iran", "political-support", "hamas")}),
        # Depending on something is receiving it.
        ("Hamas relies on Iranian funding.", "en", {("iran", "financial-support", "hamas")}),
        (
            "حزب الله يعتمد على الدعم المالي من إيران.",
            "ar",
            {("iran", "financial-support", "hezbollah")},
        ),
        ("حماس تعتمد على التمويل الإيراني.", "ar", {("iran", "financial-support", "hamas")}),
        # A demonym's noun with no recipient named: no guess (the subject talks about it).
        ("وتحدثت حماس عن الدعم الإيراني.", "ar", set()),
        ("Hamas commented on Iranian funding.", "en", set()),
    ],
)
def test_givers_and_recipients_of_relation_nouns(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Who gives the thing in a relative clause after it.
        (
            "The support that Iran provides to Hezbollah is large.",
            "en",
            {("iran", "political-support", "hezbollah")},
        ),
        (
            "The funding which Qatar gives Hamas is public.",
            "en",
            {("qatar", "financial-support", "hamas")},
        ),
        (
            "الدعم الذي تقدمه إيران لحزب الله كبير.",
            "ar",
            {("iran", "political-support", "hezbollah")},
        ),
        # No recipient there: none taken from outside (Hamas is not Iran's supporter).
        ("Hamas praised the support Iran provides.", "en", set()),
        # Money a receiving verb takes, with its giver after "from"/"من".
        (
            "Hezbollah receives about $700 million a year from Iran.",
            "en",
            {("iran", "financial-support", "hezbollah")},
        ),
        (
            "ويتلقى حزب الله نحو 700 مليون دولار سنويا من إيران.",
            "ar",
            {("iran", "financial-support", "hezbollah")},
        ),
    ],
)
def test_relative_givers_and_money_received(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Iran has denied funding Hamas.", "en", ("iran", "financial-support", "hamas")),
        (
            "Iran denied sending weapons to the Houthi movement.",
            "en",
            ("iran", "weapons-supply", "houthis"),
        ),
        ("نفت إيران تمويل حماس.", "ar", ("iran", "financial-support", "hamas")),
    ],
)
def test_what_the_denier_denies_doing_is_its_own_act_denied(
    workspace: Workspace, text: str, language: str, expected: tuple[str, ...]
) -> None:
    drafts = drafts_of(workspace, text, language)
    assert [(d.subject, d.relation, d.object) for d in drafts] == [expected]
    assert drafts[0].polarity == "denied"
    assert [agent for agent, _ in drafts[0].attribution] == [expected[0]]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Partners: the possessor or genitive of "ally" is the other side.
        ("Hezbollah is Iran's closest ally.", "en", {("hezbollah", "alliance", "iran")}),
        ("يعد حزب الله أقرب حلفاء إيران.", "ar", {("hezbollah", "alliance", "iran")}),
        # Support named in a phrase opening the sentence goes to the subject after the comma.
        (
            "With Iranian support, Hezbollah built a large arsenal.",
            "en",
            {("iran", "political-support", "hezbollah")},
        ),
        (
            "With the support of Iran, Hamas expanded.",
            "en",
            {("iran", "political-support", "hamas")},
        ),
        (
            "وبدعم إيراني، بنى حزب الله ترسانة كبيرة.",
            "ar",
            {("iran", "political-support", "hezbollah")},
        ),
        # A receiving verb and its preposition around the subject (verb-subject-object).
        ("وحصل الحوثيون على دعم إيراني.", "ar", {("iran", "political-support", "houthis")}),
        ("وتعتمد حماس على التمويل الإيراني.", "ar", {("iran", "financial-support", "hamas")}),
    ],
)
def test_partners_fronted_support_and_split_receiving_verbs(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


def test_fields_of_inferred_drafts(workspace: Workspace) -> None:
    text = (
        "Vladimir Putin hosted a delegation from Hamas in Moscow, including the group's "
        "political bureau chief Ismail Haniyeh, the Associated Press reported. Sergey Lavrov "
        "was also present during the meeting, it said."
    )
    drafts = {(d.subject, d.relation, d.object): d for d in drafts_of(workspace, text, "en")}
    # The meeting told before is where those who attend it meet, and "it said" is the outlet.
    assert drafts[("vladimir-putin", "meeting", "ismail-haniyeh")].place == "moscow"
    lavrov = drafts[("sergey-lavrov", "meeting", "hamas")]
    assert lavrov.place == "moscow"
    assert [agent for agent, _ in lavrov.attribution] == ["associated-press"]
    # Training received in a state happened there.
    (trained,) = drafts_of(workspace, "Hezbollah fighters were trained in Iran.", "en")
    assert trained.place == "iran"


def test_a_speaker_s_own_meeting_is_not_attributed_to_whom_he_met(workspace: Workspace) -> None:
    text = (
        "وكان إسماعيل هنية، رئيس المكتب السياسي لحركة حماس، قد صرح عقب لقاء ميخائيل "
        "بوغدانوف، “اتفقنا على متابعة اللقاءات”."
    )
    (draft,) = drafts_of(workspace, text, "ar")
    assert (draft.subject, draft.object) == ("ismail-haniyeh", "mikhail-bogdanov")
    assert draft.attribution == ()  # what he did, told by the text, not what he said


# --- suggest 4: forms of the words, not the dev articles' wording --------------------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Iran armed Hamas during the 2000s.", "en", {("iran", "weapons-supply", "hamas")}),
        ("Hamas was armed by Iran.", "en", {("iran", "weapons-supply", "hamas")}),
        (
            "Iran equips Hezbollah with drones.",
            "en",
            {("iran", "weapons-supply", "hezbollah")},
        ),
        ("سلحت إيران حماس.", "ar", {("iran", "weapons-supply", "hamas")}),
        ("تمد إيران حزب الله بالأسلحة.", "ar", {("iran", "weapons-supply", "hezbollah")}),
        ("أمدت إيران الحوثيين بالسلاح.", "ar", {("iran", "weapons-supply", "houthis")}),
        ("الحوثيون مدعومون من إيران.", "ar", {("iran", "political-support", "houthis")}),
        ("دعمنا حماس.", "ar", set()),  # no actor for "we": nothing, not a guess
    ],
)
def test_inflected_forms_of_a_cue_are_the_cue(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Iran financially supports Hamas.", "en", {("iran", "financial-support", "hamas")}),
        (
            "Iran supports Hamas financially and militarily.",
            "en",
            {("iran", "financial-support", "hamas"), ("iran", "military-support", "hamas")},
        ),
        (
            "تدعم إيران الحوثيين ماليا وعسكريا.",
            "ar",
            {("iran", "financial-support", "houthis"), ("iran", "military-support", "houthis")},
        ),
        ("دعمت قطر حماس سياسيا.", "ar", {("qatar", "political-support", "hamas")}),
    ],
)
def test_an_adverb_of_kind_names_the_kind_of_support(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


def test_the_main_clause_after_a_relative_clause_is_about_its_antecedent(
    workspace: Workspace,
) -> None:
    assert triples(workspace, "Iran, which funds Hamas, condemned Israel.", "en") == {
        ("iran", "financial-support", "hamas"),
        ("iran", "condemnation", "israel"),
    }


def test_comma_and_between_two_names_joins_clauses_not_a_list(workspace: Workspace) -> None:
    # Formerly Israel was read as a second recipient of Iran's support.
    assert triples(workspace, "Iran supports Hamas, and Israel strongly condemned this.", "en") == {
        ("iran", "political-support", "hamas")
    }


def test_fighters_named_after_their_group_are_not_sent_forces(workspace: Workspace) -> None:
    assert triples(workspace, "Iran provided training to Hamas fighters.", "en") == {
        ("iran", "training", "hamas")
    }


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Qatar has harboured Hamas leaders since 2012.", "en", {("qatar", "hosting", "hamas")}),
        (
            "Ismail Haniyeh held talks with Sergey Lavrov.",
            "en",
            {("ismail-haniyeh", "meeting", "sergey-lavrov")},
        ),
        ("Ismail Haniyeh travelled to Iran in 2019.", "en", {("ismail-haniyeh", "visit", "iran")}),
        ("Hamas lauded Qatar.", "en", {("hamas", "praise", "qatar")}),
        ("Israel blamed Iran.", "en", {("israel", "condemnation", "iran")}),
        (
            "Israel branded Hamas a terrorist group.",
            "en",
            {("israel", "terrorist-designation", "hamas")},
        ),
        ("تؤوي قطر قادة حماس.", "ar", {("qatar", "hosting", "hamas")}),
        ("امتدحت حماس موقف قطر.", "ar", {("hamas", "praise", "qatar")}),
        (
            "وتباحث إسماعيل هنية مع سيرغي لافروف.",
            "ar",
            {("ismail-haniyeh", "meeting", "sergey-lavrov")},
        ),
        # "يصل إلى" is "up to" here, not an arrival
        (
            "إيران تقدم ما يصل إلى 100 مليون دولار سنويا لحماس.",
            "ar",
            {("iran", "financial-support", "hamas")},
        ),
    ],
)
def test_common_wordings_of_contacts_and_stances(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "hedged", "speaker"),
    [
        ("Iran is reported to have funded Hamas.", "en", True, None),
        ("Iran funds Hamas, the United States asserted.", "en", False, "united-states"),
        ("يقول مسؤولون إسرائيليون إن إيران تمول حماس.", "ar", False, "israel"),
        ("من المرجح أن إيران تمول حماس.", "ar", True, None),
    ],
)
def test_hedges_and_speakers_in_their_common_wordings(
    workspace: Workspace, text: str, language: str, hedged: bool, speaker: str | None
) -> None:
    (draft,) = drafts_of(workspace, text, language)
    assert (draft.subject, draft.relation, draft.object) == ("iran", "financial-support", "hamas")
    assert draft.hedged is hedged
    assert {agent for agent, _ in draft.attribution} == ({speaker} if speaker else set())


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The Quds Force has trained and armed Hezbollah.",
            "en",
            {
                ("quds-force", "training", "hezbollah"),
                ("quds-force", "weapons-supply", "hezbollah"),
            },
        ),
        (
            "Iran arms and funds Hamas.",
            "en",
            {("iran", "weapons-supply", "hamas"), ("iran", "financial-support", "hamas")},
        ),
        # the object of the first verb is not coordinated with the subject of the next
        (
            "Iran funds Hamas and Qatar hosts Hezbollah.",
            "en",
            {("iran", "financial-support", "hamas"), ("qatar", "hosting", "hezbollah")},
        ),
        (
            "The United States imposed sanctions on Hezbollah.",
            "en",
            {("united-states", "terrorist-designation", "hezbollah")},
        ),
        ("The funding of Hamas by Iran continued.", "en", {("iran", "financial-support", "hamas")}),
        ("يتم تمويل حماس من قبل إيران.", "ar", {("iran", "financial-support", "hamas")}),
        ("تمويل حماس من قبل قطر مستمر.", "ar", {("qatar", "financial-support", "hamas")}),
        (
            "تم تدريب مقاتلي حزب الله من قبل الحرس الثوري.",
            "ar",
            {("irgc", "training", "hezbollah")},
        ),
        # تواصل is "continues" before a verbal noun, "contact" only as a noun or with مع
        ("تواصل إيران دعم حماس.", "ar", {("iran", "political-support", "hamas")}),
        ("وتواصلت حماس مع روسيا.", "ar", {("hamas", "diplomatic-relations", "russia")}),
    ],
)
def test_shared_objects_and_agents_after_by(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Hamas relies heavily on Qatari money.", "en", {("qatar", "financial-support", "hamas")}),
        (
            "Hezbollah is funded largely by Iran.",
            "en",
            {("iran", "financial-support", "hezbollah")},
        ),
        (
            "Weapons were supplied to Hezbollah by Iran.",
            "en",
            {("iran", "weapons-supply", "hezbollah")},
        ),
        ("Iran promised to support Hamas.", "en", {("iran", "pledge", "hamas")}),
        ("Iran vowed continued support for Hezbollah.", "en", {("iran", "pledge", "hezbollah")}),
        (
            "Hamas thanked Qatar for its financial aid.",
            "en",
            {("hamas", "praise", "qatar"), ("qatar", "financial-support", "hamas")},
        ),
        (
            "Hamas praised Iranian support.",
            "en",
            {("hamas", "praise", "iran"), ("iran", "political-support", "hamas")},
        ),
        (
            "أشادت حماس بالدعم الإيراني.",
            "ar",
            {("hamas", "praise", "iran"), ("iran", "political-support", "hamas")},
        ),
        (
            "وشكرت حماس قطر على دعمها.",
            "ar",
            {("hamas", "praise", "qatar"), ("qatar", "political-support", "hamas")},
        ),
    ],
)
def test_adverbs_passive_transfers_pledges_and_praised_support(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "حزب الله، المدعوم من إيران، أدان إسرائيل.",
            {("iran", "political-support", "hezbollah"), ("hezbollah", "condemnation", "israel")},
        ),
        (
            "إيران، التي تدعم الحوثيين، أدانت إسرائيل.",
            {("iran", "political-support", "houthis"), ("iran", "condemnation", "israel")},
        ),
        (
            "إيران التي تدعم الحوثيين أدانت إسرائيل.",
            {("iran", "political-support", "houthis"), ("iran", "condemnation", "israel")},
        ),
        (
            "حماس التي تدعمها إيران أدانت إسرائيل.",
            {("iran", "political-support", "hamas"), ("hamas", "condemnation", "israel")},
        ),
    ],
)
def test_arabic_relative_clauses_and_appositions_keep_the_main_subject(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    # Formerly the name inside the apposition or the relative clause was read as the
    # subject of the main verb, and the relative verb's object as its subject.
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأكدت إيران دعمها لحماس.", {("iran", "political-support", "hamas")}),
        ("وأعلنت إيران دعمها الكامل لحماس.", {("iran", "political-support", "hamas")}),
        ("وأعلنت قطر تعليق تمويلها لحماس.", {("qatar", "suspension-of-support", "hamas")}),
        ("تعد إيران من أبرز داعمي حزب الله.", {("iran", "political-support", "hezbollah")}),
        ("إيران أكبر ممولي حماس.", {("iran", "financial-support", "hamas")}),
    ],
)
def test_arabic_stated_support_and_giver_nouns(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    "text",
    [
        "نفت قطر مرارا تمويل حماس.",
        "نفت قطر تمويل حماس.",
        "Qatar has repeatedly denied funding Hamas.",
    ],
)
def test_a_denial_past_an_adverb_is_still_the_denier_s_act(workspace: Workspace, text: str) -> None:
    language = "en" if text.isascii() else "ar"
    (draft,) = drafts_of(workspace, text, language)
    assert (draft.subject, draft.relation, draft.object) == ("qatar", "financial-support", "hamas")
    assert draft.polarity == "denied"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hezbollah gets most of its weapons from Iran.", "en"),
        ("يحصل حزب الله على معظم أسلحته من إيران.", "ar"),
    ],
)
def test_a_share_of_what_is_received_is_received(
    workspace: Workspace, text: str, language: str
) -> None:
    # "most of its", "معظم": a quantifier before the thing received; "أسلحته": ة written ت
    # before a pronoun.
    assert triples(workspace, text, language) == {("iran", "weapons-supply", "hezbollah")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hezbollah, which Iran funds, praised Syria.",
            {("iran", "financial-support", "hezbollah"), ("hezbollah", "praise", "syria")},
        ),
        # formerly Hamas praised Hezbollah and funded it: a comma without "and" joins no verbs
        (
            "Iran, which Hamas praised, funds Hezbollah.",
            {("hamas", "praise", "iran"), ("iran", "financial-support", "hezbollah")},
        ),
        # the relative clause's own claim is drafted too (it was left out before suggest 4)
        (
            "The United States designated Hamas, which Iran funds, as a terrorist organisation.",
            {
                ("united-states", "terrorist-designation", "hamas"),
                ("iran", "financial-support", "hamas"),
            },
        ),
        (
            "Iran trained, armed and funded Hezbollah.",
            {
                ("iran", "training", "hezbollah"),
                ("iran", "weapons-supply", "hezbollah"),
                ("iran", "financial-support", "hezbollah"),
            },
        ),
    ],
)
def test_english_object_relatives_and_lists_of_verbs(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "en") == expected


def test_an_accuser_named_as_officials_of_a_state_accuses(workspace: Workspace) -> None:
    # Formerly Iran was read as condemning the Houthis: the officials, the speaker of the
    # accusation, were left out of its roles.
    text = "واتهم مسؤولون أمريكيون إيران بتهريب الأسلحة إلى الحوثيين."
    assert triples(workspace, text, "ar") == {
        ("united-states", "condemnation", "iran"),
        ("iran", "weapons-supply", "houthis"),
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hezbollah has denied receiving weapons from Iran.", "en"),
        ("ونفى حزب الله تلقي أسلحة من إيران.", "ar"),
    ],
)
def test_a_recipient_denying_what_it_received(
    workspace: Workspace, text: str, language: str
) -> None:
    (draft,) = drafts_of(workspace, text, language)
    assert (draft.subject, draft.relation, draft.object) == ("iran", "weapons-supply", "hezbollah")
    assert draft.polarity == "denied"
    assert {agent for agent, _ in draft.attribution} == {"hezbollah"}


def test_arabic_verbs_joined_by_wa_with_the_object_pronoun_share_their_roles(
    workspace: Workspace,
) -> None:
    assert triples(workspace, "تمول إيران حزب الله وتسلحه وتدربه.", "ar") == {
        ("iran", "financial-support", "hezbollah"),
        ("iran", "weapons-supply", "hezbollah"),
        ("iran", "training", "hezbollah"),
    }
    # a noun with a pronoun after a clause is not another verb of it
    assert triples(workspace, "تدعم إيران حماس وعلاقتها قوية.", "ar") == {
        ("iran", "political-support", "hamas")
    }


# --- Arabic news constructions (made-up sentences) ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # the preposition stands before the person's titles, not before the name
        "وكان خالد مشعل قد التقى يوم الأحد في القاهرة مع نائب وزير الخارجية الروسي ميخائيل "
        "بوغدانوف.",
        # a name after "قال X إن" is what X says, not a second speaker
        "وقالت حماس إن خالد مشعل اجتمع أمس في الدوحة مع وزير الخارجية الروسي ميخائيل بوغدانوف.",
    ],
)
def test_an_arabic_preposition_before_a_person_s_titles_governs_the_person(
    workspace: Workspace, text: str
) -> None:
    drafts = drafts_of(workspace, text, "ar")
    assert {(d.subject, d.relation, d.object) for d in drafts} == {
        ("khaled-meshaal", "meeting", "mikhail-bogdanov")
    }
    if text.startswith("وقالت"):
        assert {agent for agent, _ in drafts[0].attribution} == {"hamas"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ministry named by its field and state, without "وزارة"
        ("وانتقدت الخارجية الإيرانية حماس.", ("iran-foreign-ministry", "condemnation", "hamas")),
        # talking a matter over is a consultation, not a meeting
        (
            "وأجرى خالد مشعل مشاورات سياسية مع الخارجية الروسية.",
            ("khaled-meshaal", "consultation", "russian-foreign-ministry"),
        ),
        ("وتشاورت قطر مع حماس بشأن الهدنة.", ("qatar", "consultation", "hamas")),
    ],
)
def test_arabic_ministries_by_their_field_and_consultations(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    assert triples(workspace, text, "ar") == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the relations between a pair went through is that pair's relation, and tells
        # no relations of its own
        ("وشهدت العلاقات بين قطر وإسرائيل توترا كبيرا عام 2010.", ("qatar", "rift", "israel")),
        ("وكانت العلاقات بين إيران وحماس قد عرفت فتورا بعد عام 2012.", ("iran", "rift", "hamas")),
        # relations that hold are still relations
        (
            "وتوطدت العلاقات بين إيران وحزب الله رغم الأزمة.",
            ("iran", "diplomatic-relations", "hezbollah"),
        ),
    ],
)
def test_arabic_relations_between_a_pair_that_went_through_a_rift(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    assert triples(workspace, text, "ar") == {expected}


def test_an_arabic_reception_of_a_delegation_headed_by_a_leader(workspace: Workspace) -> None:
    # the verbal noun استقبال with its genitive host and لـ before the delegation; "يرأسه"
    # (led by) is no title, so the group is the guest and its head meets the host; the
    # delegation received in a city of the host's state visited that state
    text = (
        "وجرى ذلك خلال استقبال الرئيس السوري بشار الأسد أمس في دمشق لوفد من حركة حماس يرأسه "
        "خالد مشعل."
    )
    drafts = {(d.subject, d.relation, d.object): d for d in drafts_of(workspace, text, "ar")}
    assert set(drafts) == {
        ("bashar-al-assad", "hosting", "hamas"),
        ("khaled-meshaal", "meeting", "bashar-al-assad"),
        ("hamas", "visit", "syria"),
    }
    assert drafts[("hamas", "visit", "syria")].place == "damascus"
    assert drafts[("hamas", "visit", "syria")].note


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "برئاسة" names the head of the delegation, not whom the host received
        (
            "واستقبل بشار الأسد وفدا من حماس برئاسة خالد مشعل.",
            {
                ("bashar-al-assad", "hosting", "hamas"),
                ("khaled-meshaal", "meeting", "bashar-al-assad"),
            },
        ),
        # a state that hosts meets no one, and its hosting is no visit told twice
        ("استضافت موسكو وفدا من حماس برئاسة خالد مشعل.", {("russia", "hosting", "hamas")}),
    ],
)
def test_an_arabic_delegation_led_by_a_person(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # humanitarian aid is material support
        (
            "وتواصل المساعدات الإنسانية الإيرانية لحزب الله.",
            {("iran", "financial-support", "hezbollah")},
        ),
        # the giver of aid listed among the things praised, after a comma, is praised
        (
            "وأشادت حماس بالجهود السياسية، والمساعدات الإنسانية القطرية لسكان غزة.",
            {("hamas", "praise", "qatar")},
        ),
    ],
)
def test_arabic_humanitarian_aid_and_its_giver_praised_in_a_list(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the delegation acts for its group, with the person who leads it
        (
            "وزار وفد من حماس يرأسه خالد مشعل موسكو.",
            {("hamas", "visit", "russia"), ("khaled-meshaal", "visit", "russia")},
        ),
        (
            "وأعلنت حماس أن وفدا عنها يتقدمه خالد مشعل، التقى الجمعة مع سيرغي لافروف.",
            {("hamas", "meeting", "sergey-lavrov"), ("khaled-meshaal", "meeting", "sergey-lavrov")},
        ),
    ],
)
def test_an_arabic_delegation_and_its_head_act_together(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sanctions fall on the network; the name belongs to what is said of the network
        ("وفرضت وزارة الخزانة الأمريكية عقوبات على شبكة تمول حزب الله.", set()),
        (
            "وفرضت الولايات المتحدة عقوبات على حزب الله.",
            {("united-states", "terrorist-designation", "hezbollah")},
        ),
        # the verb's own preposition, and an adverb, stand between the subject and the object
        ("صوتت روسيا ضد قرار يدين حماس.", {("russia", "diplomatic-protection", "hamas")}),
        ("تدعم إيران سياسيا حماس.", {("iran", "political-support", "hamas")}),
    ],
)
def test_an_arabic_verb_s_object_is_not_reached_past_a_preposition_and_its_noun(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "his country": the state of the person, from the demonym of the title he was given
        (
            "وأكد الرئيس الروسي فلاديمير بوتين دعم بلاده لسوريا.",
            {("russia", "political-support", "syria")},
        ),
        (
            "والتقى الرئيس الروسي فلاديمير بوتين خالد مشعل. وأعرب بوتين عن موقف بلاده الداعم "
            "لحماس.",
            {
                ("vladimir-putin", "meeting", "khaled-meshaal"),
                ("russia", "political-support", "hamas"),
            },
        ),
        # a country the text does not give is no gap and no guess
        ("وقال خالد مشعل إن بلاده تدعم حماس.", set()),
    ],
)
def test_an_arabic_person_s_country(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the giver named with "من" before the thing received
        ("يتلقى حزب الله من إيران دعما ماليا.", {("iran", "financial-support", "hezbollah")}),
        ("وتلقت حماس من قطر أموالا طائلة.", {("qatar", "financial-support", "hamas")}),
        # denying the verbal noun of giving, past an adverb: the denier's own act, denied
        ("ونفت إيران مرارا تزويد الحوثيين بالأسلحة.", {("iran", "weapons-supply", "houthis")}),
        # an accuser the reference data does not know is not replaced by the accused
        (
            "واتهمت السعودية إيران بتزويد الحوثيين بالأسلحة.",
            {("iran", "weapons-supply", "houthis")},
        ),
    ],
)
def test_arabic_receiving_from_denying_giving_and_unknown_accusers(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    drafts = drafts_of(workspace, text, "ar")
    assert {(d.subject, d.relation, d.object) for d in drafts} == expected
    if text.startswith("ونفت"):
        assert drafts[0].polarity == "denied"
        assert {agent for agent, _ in drafts[0].attribution} == {"iran"}


def test_arabic_officials_and_sources_of_a_state_speak_for_it(workspace: Workspace) -> None:
    text = "واتهم مسؤولون أمريكيون إيران بتهريب الأسلحة إلى الحوثيين."
    drafts = {(d.subject, d.relation, d.object): d for d in drafts_of(workspace, text, "ar")}
    supply = drafts[("iran", "weapons-supply", "houthis")]
    assert {agent for agent, _ in supply.attribution} == {"united-states"}


def test_the_subject_on_an_arabic_complementizer(workspace: Workspace) -> None:
    # "إنهم": the pronoun on the complementizer is the subject of what is said; the plural
    # receiving verb; the denial is the speakers'
    text = "وقال الحوثيون إنهم لا يتلقون أي دعم من إيران."
    (draft,) = drafts_of(workspace, text, "ar")
    assert (draft.subject, draft.relation, draft.object) == ("iran", "political-support", "houthis")
    assert draft.polarity == "denied"
    assert {agent for agent, _ in draft.attribution} == {"houthis"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # continuing to support (تواصل دعم): the subject supports the genitive
        ("وتواصل إيران دعم الحوثيين.", {("iran", "political-support", "houthis")}),
        # what will be done (ستواصل، ستقدم) is no fact yet, as with "سوف"
        ("وأكدت إيران أنها ستواصل دعم الحوثيين.", set()),
        ("وأعلنت قطر أنها ستقدم دعما ماليا لحركة حماس.", set()),
        # enjoying support (يحظى بـ) is receiving it
        ("ويحظى الحوثيون بدعم إيراني كبير.", {("iran", "political-support", "houthis")}),
        # "وصفها بأنها": what is described, not a subject
        ("ووصفت حماس الزيارة بأنها تعبير عن دعم روسيا.", set()),
    ],
)
def test_arabic_continuing_and_enjoying_support(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    "text",
    [
        "وبلغ حجم الدعم الإيراني لحزب الله نحو 700 مليون دولار في العام.",
        "وتدعم إيران حزب الله بنحو 700 مليون دولار سنويا.",
    ],
)
def test_arabic_support_measured_in_money_is_financial(workspace: Workspace, text: str) -> None:
    (draft,) = drafts_of(workspace, text, "ar")
    assert (draft.subject, draft.relation, draft.object) == (
        "iran",
        "financial-support",
        "hezbollah",
    )
    assert draft.amount is not None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an office in a city: the city's state hosts the office's owner
        ("افتتحت حماس مكتبا لها في طهران.", "tehran"),
        ("وتملك حماس مكتبا في الدوحة.", "doha"),
        # the owner between the office and its place
        ("وكان القدومي يترأس مكتب حماس في طهران.", "tehran"),
    ],
)
def test_an_arabic_office_in_a_city_is_hosted_by_its_state(
    workspace: Workspace, text: str, place: str
) -> None:
    (draft,) = drafts_of(workspace, text, "ar")
    host = "iran" if place == "tehran" else "qatar"
    assert (draft.subject, draft.relation, draft.object) == (host, "hosting", "hamas")
    assert draft.place == place


def test_not_ruling_out_an_office_is_a_hedged_hosting(workspace: Workspace) -> None:
    (draft,) = drafts_of(workspace, "ولم تستبعد قطر فتح مكتب لحماس في الدوحة.", "ar")
    assert (draft.subject, draft.relation, draft.object) == ("qatar", "hosting", "hamas")
    assert draft.hedged and draft.polarity == "affirmed"


def test_the_movement_of_a_person_named_with_his_title(workspace: Workspace) -> None:
    text = "وقال رئيس المكتب السياسي لحماس خالد مشعل إن الحركة تلقت دعما كبيرا من قطر."
    assert triples(workspace, text, "ar") == {("qatar", "political-support", "hamas")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change verb, its subject, then the support noun
        ("وخفضت إيران دعمها المالي لحزب الله.", ("iran", "suspension-of-support", "hezbollah")),
        # support that declined is reduced
        (
            "وتراجع الدعم الإيراني لحزب الله بسبب العقوبات.",
            ("iran", "suspension-of-support", "hezbollah"),
        ),
        # relying on someone for a thing: the one relied on gives it
        ("ويعتمد حزب الله في تمويله على إيران.", ("iran", "financial-support", "hezbollah")),
        ("ويعتمد الحوثيون في تسليحهم على إيران.", ("iran", "weapons-supply", "houthis")),
        # an adverb between the receiving verb and its preposition
        (
            "ويحصل حزب الله سنويا على نحو 700 مليون دولار من إيران.",
            ("iran", "financial-support", "hezbollah"),
        ),
    ],
)
def test_arabic_reduced_support_and_relying_on_a_giver(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    assert triples(workspace, text, "ar") == {expected}


def test_what_an_arabic_speaker_announces_doing_is_its_own_act(workspace: Workspace) -> None:
    text = "وأعلنت الولايات المتحدة فرض عقوبات جديدة على حزب الله."
    assert triples(workspace, text, "ar") == {
        ("united-states", "terrorist-designation", "hezbollah")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # subject, transfer verb, object: the name after the verb is what it gives to
        (
            "إيران زودت الحوثيين بطائرات مسيرة وصواريخ باليستية.",
            {("iran", "weapons-supply", "houthis")},
        ),
        ("وزودت إيران الحوثيين بطائرات مسيرة.", {("iran", "weapons-supply", "houthis")}),
        # "his country" after a body with no person named: the body's state
        (
            "وقال قائد فيلق القدس إن بلاده دربت مقاتلي حزب الله.",
            {("iran", "training", "hezbollah")},
        ),
        # admitting giving it; advisory support is military
        (
            "واعترف الحرس الثوري بتقديم الدعم الاستشاري للحوثيين.",
            {("irgc", "military-support", "houthis")},
        ),
    ],
)
def test_arabic_subject_first_transfers_bodies_countries_and_admissions(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aid of no named kind is material support, measured or not
        (
            "وتتراوح المساعدات الإيرانية لحماس بين 20 و50 مليون دولار في السنة.",
            {("iran", "financial-support", "hamas")},
        ),
        ("وأرسلت قطر مساعدات إلى حماس.", {("qatar", "financial-support", "hamas")}),
        # the verb of decline after the support it reduces
        ("لكن الدعم القطري لحماس تراجع لاحقا.", {("qatar", "suspension-of-support", "hamas")}),
    ],
)
def test_arabic_aid_and_declining_support(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


def test_a_recipient_named_but_not_read_is_not_borrowed(workspace: Workspace) -> None:
    # "للمقاومة" names who receives; no actor stands for it, so the support praised in the
    # second sentence does not take Hamas, the recipient of the first
    text = (
        "وكانت المساعدات التي تقدمها إيران لحماس كبيرة. ووصف صالح العاروري العلاقات مع إيران "
        "بأنها جيدة وأشاد بدعمها «للمقاومة» في غزة."
    )
    assert ("iran", "political-support", "hamas") not in triples(workspace, text, "ar")
    assert ("iran", "financial-support", "hamas") in triples(workspace, text, "ar")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb ... preposition cue split by a delegation of a group
        ("ووصل وفد من حماس إلى طهران.", {("hamas", "visit", "iran")}),
        # a person after a definite noun and its demonym ("المرشد الإيراني") is after a title
        ("واستقبل المرشد الإيراني علي خامنئي وفد حماس.", {("ali-khamenei", "hosting", "hamas")}),
    ],
)
def test_arabic_delegations_splitting_a_cue_and_titles_ending_in_a_demonym(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # "وكالة" (agency) is no preposition ك before an article
        ("وأفادت وكالة إرنا بأن قطر استضافت قادة حماس.", ["irna"]),
        # "نقلت X عن Y": Y is quoted, X passes it on
        (
            "ونقلت وكالة إرنا عن خالد مشعل قوله إن قطر استضافت قادة حماس.",
            ["khaled-meshaal", "irna"],
        ),
    ],
)
def test_arabic_outlets_and_what_they_pass_on(
    workspace: Workspace, text: str, said: list[str]
) -> None:
    (draft,) = drafts_of(workspace, text, "ar")
    assert (draft.subject, draft.relation, draft.object) == ("qatar", "hosting", "hamas")
    assert [agent for agent, _ in draft.attribution] == said


def test_an_arabic_refusal_to_designate_is_not_also_a_denied_designation(
    workspace: Workspace,
) -> None:
    assert triples(workspace, "ورفضت قطر تصنيف حماس منظمة إرهابية.", "ar") == {
        ("qatar", "refusal-to-designate", "hamas")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # trainers named by whom they belong to: that actor trains the clause's subject
        (
            "وقال مسؤول إن جماعة الحوثي تجري تدريبات لعناصرها بإشراف مدربين تابعين لحزب الله.",
            {("hezbollah", "training", "houthis")},
        ),
        (
            "يتلقى الحوثيون تدريبات على يد مدربين ينتمون إلى الحرس الثوري.",
            {("irgc", "training", "houthis")},
        ),
        # no subject before the verb: its object is trained
        ("ودرب مدربون تابعون لحزب الله مقاتلي حماس.", {("hezbollah", "training", "hamas")}),
        # trainers of a state's unit are not the state training its own unit, nor anyone
        ("ووصل إلى لبنان مدربون إيرانيون تابعون للحرس الثوري.", set()),
    ],
)
def test_arabic_trainers_belonging_to_an_actor_are_that_actor_s(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأعلنت جماعة الحوثي دعمها لحماس.", ("houthis", "political-support", "hamas")),
        ("وتلقت مليشيا الحوثي أسلحة من إيران.", ("iran", "weapons-supply", "houthis")),
    ],
)
def test_a_plural_nisba_group_is_named_by_its_singular_after_a_group_noun(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    assert expected in triples(workspace, text, "ar")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline with a finite verb states a claim
        (
            "قطر تمول حماس\nوذكرت وكالة إرنا أن إيران دعمت حزب الله.",
            {("qatar", "financial-support", "hamas"), ("iran", "political-support", "hezbollah")},
        ),
        # a headline that is a noun phrase only names a topic
        (
            "الدعم الإيراني لحماس\nوذكرت وكالة إرنا أن إيران دعمت حزب الله.",
            {("iran", "political-support", "hezbollah")},
        ),
    ],
)
def test_an_arabic_headline_with_a_verb_is_a_claim(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


def test_an_arabic_headline_the_body_tells_again_is_drafted_from_the_body(
    workspace: Workspace,
) -> None:
    text = "إيران تدعم حماس\nوذكرت وكالة إرنا أن إيران تدعم حماس منذ عام 2012."
    (draft,) = drafts_of(workspace, text, "ar")
    assert (draft.subject, draft.relation, draft.object) == ("iran", "political-support", "hamas")
    assert text[draft.start : draft.end] in text.split("\n")[1]


@pytest.mark.parametrize(
    "text",
    [
        "وذكرت الصحيفة أن الحرس الثوري قرر وقف تمويل حماس.",
        "وقرر الحرس الثوري وقف تمويل حماس.",
    ],
)
def test_an_arabic_verbal_noun_after_a_verb_of_deciding_is_the_subject_s_act(
    workspace: Workspace, text: str
) -> None:
    assert ("irgc", "suspension-of-support", "hamas") in triples(workspace, text, "ar")


def test_an_arabic_dispute_between_two_actors_is_a_rift(workspace: Workspace) -> None:
    text = "وفشل الوسطاء في تسوية النزاعات بين إيران وحماس."
    assert triples(workspace, text, "ar") == {("iran", "rift", "hamas")}


def test_the_mediator_of_an_arabic_crisis_is_no_party_to_it(workspace: Workspace) -> None:
    # "وساطة حزب الله": Hezbollah mediates; the crisis with Tehran is the visitor's side's, and
    # "الأزمة" ends in a taa marbuta, not in the pronoun ه that would name a possessor
    text = "وتوجه مشعل إلى بيروت لطلب وساطة حزب الله لحل الأزمة مع طهران."
    assert triples(workspace, text, "ar") == {("khaled-meshaal", "visit", "lebanon")}


def test_an_arabic_possessor_pronoun_still_names_the_actor_before(workspace: Workspace) -> None:
    assert ("qatar", "political-support", "hamas") in triples(
        workspace, "وأكدت قطر على دعمها لحماس.", "ar"
    )


def test_leaving_a_foreign_capital_in_arabic_tells_a_visit_there(workspace: Workspace) -> None:
    text = "وذكر الموقع أن خالد مشعل غادر طهران بعد أن فشل في تسوية الخلاف."
    assert ("khaled-meshaal", "visit", "iran") in triples(workspace, text, "ar")
    # an official leaving his own capital visits nothing
    assert triples(workspace, "وغادر ظريف طهران متوجها إلى موسكو.", "ar") == set()


def test_an_arabic_support_noun_after_a_demonstrative_is_the_one_told_before(
    workspace: Workspace,
) -> None:
    text = (
        "وقالت مصادر إن الحوثيين يتلقون تدريبات بإشراف مدربين تابعين للحرس الثوري.\n"
        "وأكدت المصادر أن هذه التدريبات يشرف عليها مدربون ينتمون لحزب الله."
    )
    assert triples(workspace, text, "ar") == {
        ("irgc", "training", "houthis"),
        ("hezbollah", "training", "houthis"),
    }
    # without the demonstrative, a training with no trainee named borrows none
    alone = "وأكدت المصادر أن التدريبات يشرف عليها مدربون ينتمون لحزب الله."
    assert triples(workspace, alone, "ar") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأقام خالد مشعل في الدوحة منذ عام 2012.", {("qatar", "hosting", "khaled-meshaal")}),
        ("واستقر إسماعيل هنية في قطر.", {("qatar", "hosting", "ismail-haniyeh")}),
        # "أقام" without "في" after its subject holds something: no residence
        ("وأقامت قطر علاقات مع حماس.", {("qatar", "diplomatic-relations", "hamas")}),
    ],
)
def test_residing_or_settling_in_a_place_in_arabic_is_being_hosted_by_its_state(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "ar") == expected


def test_arabic_support_the_sentence_then_calls_of_a_kind_is_of_that_kind(
    workspace: Workspace,
) -> None:
    text = "أقر مسؤول إيراني بدعم الحرس الثوري لجماعة الحوثي في اليمن، وزعم أنه دعم استشاري."
    assert triples(workspace, text, "ar") == {("irgc", "military-support", "houthis")}


def test_an_arabic_headline_s_bare_support_told_as_a_kind_in_the_body_is_drafted_once(
    workspace: Workspace,
) -> None:
    text = "الحرس الثوري يدعم الحوثيين\nوأقر مسؤول بدعم الحرس الثوري لجماعة الحوثي، وزعم أنه دعم استشاري."
    assert triples(workspace, text, "ar") == {("irgc", "military-support", "houthis")}

"""English drafting rules found on new articles, each checked on sentences made up for it: the
language phenomenon, not the sentence it was seen in."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.corpus.model import Document
from publisher.curate.suggest.drafting.draft import Draft
from publisher.curate.suggest.drafting.drafter import draft_claims
from publisher.curate.suggest.workspace import Workspace
from tests.conftest import ROOT
from tests.test_suggest_rules import drafts_of, triples


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The repository's own corpus (read only)."""
    return Workspace.open(ROOT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran has sent money to the Hezbollah terror group for years.",
            {("iran", "financial-support", "hezbollah")},
        ),
        (
            "The terrorist group Hamas received weapons from Iran.",
            {("iran", "weapons-supply", "hamas")},
        ),
        (
            "Washington designated Hezbollah a terrorist organization in 1997.",
            {("united-states", "terrorist-designation", "hezbollah")},
        ),
    ],
)
def test_a_terror_label_next_to_a_name_is_the_writer_s_epithet(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Israel vowed to destroy Hezbollah after the raid.",
        "The Israeli government has promised to wipe out Hamas.",
        "Iran pledged to eliminate the Islamic State.",
    ],
)
def test_a_vow_to_harm_an_actor_is_no_pledge_to_it(workspace: Workspace, text: str) -> None:
    assert not any(d.relation.startswith("pledge") for d in drafts_of(workspace, text, "en"))


def test_a_vow_to_support_an_actor_is_still_a_pledge(workspace: Workspace) -> None:
    assert triples(workspace, "Iran pledged to support Hamas.", "en") == {
        ("iran", "pledge", "hamas")
    }


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Iran does not pay the Houthis.", "denied"),
        ("For years Iran paid Hezbollah through front companies.", "affirmed"),
    ],
)
def test_paying_an_actor_is_funding_it(workspace: Workspace, text: str, polarity: str) -> None:
    drafts = drafts_of(workspace, text, "en")
    assert [(d.relation, d.polarity) for d in drafts] == [("financial-support", polarity)]


def test_paying_a_visit_is_a_visit(workspace: Workspace) -> None:
    assert triples(workspace, "The Iranian president paid a visit to Damascus.", "en") == {
        ("iran", "visit", "syria")
    }


def test_a_monthly_sum_is_written_per_year(workspace: Workspace) -> None:
    (draft,) = drafts_of(workspace, "Iran pays Hezbollah $25 million a month.", "en")
    assert draft.amount == {"value": 300_000_000, "currency": "USD", "rate": "per-year"}


def test_a_relation_noun_that_speaks_is_the_speaker(workspace: Workspace) -> None:
    text = (
        "The Ministry of Foreign Affairs of Iran rejected the report. "
        "“Iran does not arm the Houthis,” the ministry said in a statement."
    )
    drafts = drafts_of(workspace, text, "en")
    assert [(d.subject, d.relation, d.object, d.polarity) for d in drafts] == [
        ("iran", "weapons-supply", "houthis", "denied")
    ]
    assert [agent for agent, _ in drafts[0].attribution] == ["iran-foreign-ministry"]


@pytest.mark.parametrize(
    "text",
    [
        "“Iran does not arm the Houthis,” the Ministry of Foreign Affairs of Iran said on Monday.",
        "Iran does not arm the Houthis, the Ministry of Foreign Affairs of Iran said in a tweet.",
    ],
)
def test_a_speaker_after_a_quotation_reports_the_quotation(workspace: Workspace, text: str) -> None:
    (draft,) = drafts_of(workspace, text, "en")
    assert [agent for agent, _ in draft.attribution] == ["iran-foreign-ministry"]


def test_a_speaker_before_that_reports_what_follows(workspace: Workspace) -> None:
    text = (
        "On Monday, the Ministry of Foreign Affairs of Iran said in Tehran that Qatar funds Hamas."
    )
    (draft,) = drafts_of(workspace, text, "en")
    assert (draft.subject, draft.object) == ("qatar", "hamas")
    assert [agent for agent, _ in draft.attribution] == ["iran-foreign-ministry"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2010 Iran funded Hezbollah.",
        "For years Iran funded Hezbollah.",
        "Since 2012 Iran has funded Hezbollah.",
    ],
)
def test_a_fronted_time_without_a_comma_leaves_the_subject_free(
    workspace: Workspace, text: str
) -> None:
    assert triples(workspace, text, "en") == {("iran", "financial-support", "hezbollah")}


def attributed(workspace: Workspace, text: str) -> list[tuple[str | None, str, str | None, str]]:
    return [
        (d.subject, d.relation, d.object, ",".join(sorted(a for a, _ in d.attribution)))
        for d in drafts_of(workspace, text, "en")
    ]


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        ("The Russian Foreign Ministry condemned Israel.", "russian-foreign-ministry"),
        ("Russia's Foreign Ministry condemned Israel.", "russian-foreign-ministry"),
        ("The Iranian Ministry of Foreign Affairs condemned Israel.", "iran-foreign-ministry"),
    ],
)
def test_a_state_s_ministry_by_its_demonym_or_possessive(
    workspace: Workspace, text: str, ministry: str
) -> None:
    assert triples(workspace, text, "en") == {(ministry, "condemnation", "israel")}


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "A Hamas delegation visited Moscow, news agencies reported, citing the foreign ministry.",
            "russian-foreign-ministry",
        ),
        ("Iran praised Hamas on Monday, the foreign ministry said.", "iran-foreign-ministry"),
        # Two states named: which one's ministry is not known.
        ("Iran praised Qatar on Monday, the foreign ministry said.", ""),
    ],
)
def test_the_foreign_ministry_is_that_of_the_one_state_named(
    workspace: Workspace, text: str, source: str
) -> None:
    ((*_, agents),) = attributed(workspace, text)
    assert agents == source


def test_according_to_a_state_s_outlet_is_the_outlet(workspace: Workspace) -> None:
    text = "Iran funds Hamas, according to Iran's Ministry of Foreign Affairs of Iran."
    assert attributed(workspace, text) == [
        ("iran", "financial-support", "hamas", "iran-foreign-ministry")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hamas released a statement in which it praised Qatar.",
            [("hamas", "praise", "qatar", "hamas")],
        ),
        (
            "Hezbollah issued a statement late on Monday saying Iran funds Hamas.",
            [("iran", "financial-support", "hamas", "hezbollah")],
        ),
        # A statement whose content the sentence does not give says nothing of the rest.
        (
            "Hezbollah, which issued a statement on Monday, funds Hamas.",
            [("hezbollah", "financial-support", "hamas", "")],
        ),
    ],
)
def test_what_a_statement_says_is_its_issuer_s_word(
    workspace: Workspace, text: str, expected: list[tuple[str, ...]]
) -> None:
    assert attributed(workspace, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran coordinated with Hezbollah before the attack.", ("iran", "hezbollah")),
        ("Qatar briefed Israel on the talks.", ("qatar", "israel")),
        (
            "In full coordination with the Government of Israel, Qatar has sent aid since 2018.",
            ("qatar", "israeli-government"),
        ),
        ("In coordination with Iran, Hezbollah fired rockets.", ("hezbollah", "iran")),
    ],
)
def test_acting_in_coordination_with_another_is_consultation(
    workspace: Workspace, text: str, expected: tuple[str, str]
) -> None:
    assert triples(workspace, text, "en") == {(expected[0], "consultation", expected[1])}


def test_highly_coordinated_attacks_are_no_consultation(workspace: Workspace) -> None:
    assert triples(workspace, "Hamas launched highly coordinated attacks on Israel.", "en") == {
        ("hamas", "armed-attack", "israel")
    }


def test_a_quotation_that_goes_on_is_still_the_speaker_s(workspace: Workspace) -> None:
    text = (
        "“Iran does not arm the Houthis,” the Ministry of Foreign Affairs of Iran said on "
        "Monday. “Iran supports Hezbollah.” Hamas thanked Qatar."
    )
    assert attributed(workspace, text) == [
        ("iran", "weapons-supply", "houthis", "iran-foreign-ministry"),
        ("iran", "political-support", "hezbollah", "iran-foreign-ministry"),
        ("hamas", "praise", "qatar", ""),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas appreciated the help of Qatar.", ("hamas", "qatar")),
        ("Iran's support was appreciated by Hamas.", ("hamas", "iran")),
        ("Qatar's mediation was praised by Israel.", ("israel", "qatar")),
    ],
)
def test_appreciating_an_actor_s_act_praises_the_actor(
    workspace: Workspace, text: str, expected: tuple[str, str]
) -> None:
    assert (expected[0], "praise", expected[1]) in triples(workspace, text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran allocated substantial resources to Hezbollah.", ("iran", "hezbollah")),
        ("Qatar sent millions to Hamas over the years.", ("qatar", "hamas")),
    ],
)
def test_resources_and_millions_given_are_funding(
    workspace: Workspace, text: str, expected: tuple[str, str]
) -> None:
    assert triples(workspace, text, "en") == {(expected[0], "financial-support", expected[1])}


def test_resources_not_given_are_no_funding(workspace: Workspace) -> None:
    assert triples(workspace, "Hezbollah controls resources in Lebanon.", "en") == set()


def test_a_ministry_after_and_is_that_of_the_possessor_before(workspace: Workspace) -> None:
    text = "Hezbollah thanked Iran's President Ebrahim Raisi and foreign ministry on Sunday."
    assert triples(workspace, text, "en") == {
        ("hezbollah", "praise", "ebrahim-raisi"),
        ("hezbollah", "praise", "iran-foreign-ministry"),
    }
    # Without a possessor, a bare "foreign ministry" is nobody's for sure.
    text = "Hamas praised Russia and foreign ministry officials."
    assert triples(workspace, text, "en") == {("hamas", "praise", "russia")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hamas said in a statement that Iran supports it.",
            ("iran", "political-support", "hamas", "hamas"),
        ),
        (
            "Hezbollah says Iran has long armed it.",
            ("iran", "weapons-supply", "hezbollah", "hezbollah"),
        ),
    ],
)
def test_an_object_pronoun_is_not_its_own_clause_s_subject(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    assert attributed(workspace, text) == [expected]


def test_a_pronoun_after_coordinated_verbs_is_left_as_a_gap(workspace: Workspace) -> None:
    # The subject of "funds" is not next to it: no guess at whom "it" stands for.
    drafts = drafts_of(workspace, "Qatar hosts Hamas and funds it.", "en")
    assert not any(d.relation == "financial-support" and d.object for d in drafts)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("A delegation led by Ismail Haniyeh visited Tehran.", "ismail-haniyeh"),
        ("A large delegation headed by Ismail Haniyeh visited Tehran.", "ismail-haniyeh"),
        ("In 2022, a Hamas delegation led by Haniyeh visited Damascus.", "hamas"),
    ],
)
def test_a_delegation_led_by_someone_stands_for_its_leader_or_its_body(
    workspace: Workspace, text: str, subject: str
) -> None:
    assert {(s, r) for s, r, _ in triples(workspace, text, "en")} == {(subject, "visit")}


def test_the_subject_is_the_one_an_apposition_describes(workspace: Workspace) -> None:
    text = "Ismail Haniyeh, the head of Hamas's political bureau, visited Tehran."
    assert triples(workspace, text, "en") == {("ismail-haniyeh", "visit", "iran")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ali Khamenei received Ismail Haniyeh in Tehran.", {("ali-khamenei", "ismail-haniyeh")}),
        ("Iran received a Hamas delegation in Tehran on Monday.", {("iran", "hamas")}),
    ],
)
def test_receiving_a_visitor_is_hosting(
    workspace: Workspace, text: str, expected: set[tuple[str, str]]
) -> None:
    assert {(s, o) for s, r, o in triples(workspace, text, "en") if r == "hosting"} == expected


@pytest.mark.parametrize(
    "text", ["Hamas received funding from Iran.", "Hezbollah received Iranian weapons."]
)
def test_receiving_a_thing_is_no_hosting(workspace: Workspace, text: str) -> None:
    assert not any(r == "hosting" for _, r, _ in triples(workspace, text, "en"))


def test_a_passive_accusation_without_an_accuser_is_no_condemnation(workspace: Workspace) -> None:
    text = "Iran is accused of supplying the Houthis with drones."
    assert not any(r == "condemnation" for _, r, _ in triples(workspace, text, "en"))
    text = "Iran was accused by Israel of arming Hamas."
    assert ("israel", "condemnation", "iran") in triples(workspace, text, "en")


def test_according_to_a_state_s_body_is_the_body(workspace: Workspace) -> None:
    text = "Hezbollah receives about $700 million a year from Iran, according to the US State Department."
    assert attributed(workspace, text) == [
        ("iran", "financial-support", "hezbollah", "us-state-department")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The US Treasury sanctioned Hezbollah officials.",
        "The U.S. Treasury froze Hezbollah assets.",
    ],
)
def test_a_state_s_department_by_its_state_s_short_name(workspace: Workspace, text: str) -> None:
    assert {s for s, _, _ in triples(workspace, text, "en")} <= {"us-treasury"}
    assert triples(workspace, "The US Treasury sanctioned Hezbollah officials.", "en") == {
        ("us-treasury", "terrorist-designation", "hezbollah")
    }


def test_an_accusation_with_no_accuser_is_a_hedge(workspace: Workspace) -> None:
    (draft,) = drafts_of(
        workspace, "Iran has been accused of supplying weapons to the Houthis.", "en"
    )
    assert (draft.subject, draft.relation, draft.object, draft.hedged) == (
        "iran",
        "weapons-supply",
        "houthis",
        True,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Houthis are an Iranian proxy.", ("houthis", "alliance", "iran")),
        ("Hamas, an Iranian ally, fired rockets.", ("hamas", "alliance", "iran")),
    ],
)
def test_a_partner_noun_qualified_by_a_demonym_pairs_with_that_state(
    workspace: Workspace, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(workspace, text, "en") == {expected}


@pytest.mark.parametrize(
    ("text", "guest"),
    [
        ("Several Hamas leaders live in Qatar.", "hamas"),
        ("Ismail Haniyeh has resided in Doha since 2012.", "ismail-haniyeh"),
    ],
)
def test_living_in_a_state_is_being_hosted_by_it(
    workspace: Workspace, text: str, guest: str
) -> None:
    assert triples(workspace, text, "en") == {("qatar", "hosting", guest)}


@pytest.mark.parametrize(
    "text",
    [
        "The missile parts were en route to the Houthis from Iran.",
        "The navy intercepted Iranian-made missile components destined for the Houthis.",
        "Coalition ships seized a shipment of Iranian weapons bound for the Houthis.",
    ],
)
def test_weapons_on_their_way_to_an_actor_are_supplied_to_it(
    workspace: Workspace, text: str
) -> None:
    assert triples(workspace, text, "en") == {("iran", "weapons-supply", "houthis")}


def test_weapons_on_their_way_to_a_place_name_no_receiver(workspace: Workspace) -> None:
    assert triples(workspace, "The Iranian weapons were bound for Gaza.", "en") == set()


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        (
            "Iran is set to transfer hundreds of millions of dollars to Hamas.",
            "pledge-financial-aid",
        ),
        ("Qatar will pay Hamas $30 million.", "pledge-financial-aid"),
        ("Iran agreed to fund Islamic Jihad.", "pledge-financial-aid"),
        ("Iran transferred $100 million to Hamas.", "financial-support"),
    ],
)
def test_money_still_to_be_given_is_a_pledge(
    workspace: Workspace, text: str, relation: str
) -> None:
    assert {r for _, r, _ in triples(workspace, text, "en")} == {relation}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Relations between Iran and Hamas soured in 2012 over the Syrian civil war.",
            {("iran", "rift", "hamas")},
        ),
        ("Ties between Qatar and Hamas deteriorated after 2017.", {("qatar", "rift", "hamas")}),
        ("Hamas and Iran mended ties in 2017.", {("hamas", "reconciliation", "iran")}),
        (
            "Relations between Iran and Hezbollah are close.",
            {("iran", "diplomatic-relations", "hezbollah")},
        ),
    ],
)
def test_relations_that_change_are_the_change(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran's support to Hezbollah includes weapons, training and funding.",
            {
                ("iran", "weapons-supply", "hezbollah"),
                ("iran", "training", "hezbollah"),
                ("iran", "financial-support", "hezbollah"),
            },
        ),
        ("Iran supported Hamas in the form of funding.", {("iran", "financial-support", "hamas")}),
    ],
)
def test_the_kinds_a_support_includes_are_its_claims(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Iran funds Hamas, Khamenei told the New York Times.", "ali-khamenei,new-york-times"),
        (
            "In an interview with the New York Times, Khamenei said Iran funds Hamas.",
            "ali-khamenei,new-york-times",
        ),
        (
            "Speaking to the Associated Press, Khamenei said Iran funds Hamas.",
            "ali-khamenei,associated-press",
        ),
        (
            "The Wall Street Journal quoted Khamenei as saying Iran funds Hamas.",
            "ali-khamenei,wall-street-journal",
        ),
        (
            "The Wall Street Journal quoted Khamenei as saying that Iran funds Hamas.",
            "ali-khamenei,wall-street-journal",
        ),
    ],
)
def test_the_outlet_spoken_to_or_quoting_is_named_with_the_speaker(
    workspace: Workspace, text: str, sources: str
) -> None:
    assert attributed(workspace, text) == [("iran", "financial-support", "hamas", sources)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hezbollah held a rally in Beirut. Iran funds the Lebanese group.",
            ("iran", "financial-support", "hezbollah"),
        ),
        (
            "The Houthis held a rally in Sanaa. Iran arms the Yemeni rebels.",
            ("iran", "weapons-supply", "houthis"),
        ),
        (
            "Hamas held a rally in Gaza. Qatar hosts the Palestinian militant group.",
            ("qatar", "hosting", "hamas"),
        ),
        (
            "Hamas held a rally in Gaza. Qatar hosts the group's leaders.",
            ("qatar", "hosting", "hamas"),
        ),
        ("Qatar hosts the Palestinian group Hamas.", ("qatar", "hosting", "hamas")),
    ],
)
def test_a_group_named_by_what_it_is_stands_for_the_group_named_before(
    workspace: Workspace, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(workspace, text, "en") == {expected}


def test_a_description_two_groups_fit_names_the_gap(workspace: Workspace) -> None:
    text = "Hamas and Hezbollah held rallies. Iran funds the Lebanese group."
    (draft,) = drafts_of(workspace, text, "en")
    assert (draft.subject, draft.object) == ("iran", None) and draft.gap


@pytest.mark.parametrize(
    "second",
    ["Iran called the reports false.", "Iran described the claims as baseless."],
)
def test_calling_what_was_said_untrue_denies_it(workspace: Workspace, second: str) -> None:
    drafts = drafts_of(workspace, f"Israel says Iran funds Hamas. {second}", "en")
    assert [(d.relation, d.polarity) for d in drafts] == [
        ("financial-support", "affirmed"),
        ("financial-support", "denied"),
    ]
    assert [a for a, _ in drafts[1].attribution] == ["iran"]


def test_maintaining_ties_is_keeping_them_not_saying(workspace: Workspace) -> None:
    text = "Iran has maintained close ties with Hezbollah since the 1980s."
    assert attributed(workspace, text) == [("iran", "alliance", "hezbollah", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas enjoys the support of Qatar.", ("qatar", "political-support", "hamas")),
        (
            "Hezbollah received the backing of Iran in 1982.",
            ("iran", "political-support", "hezbollah"),
        ),
        ("Hamas secured funding from Qatar.", ("qatar", "financial-support", "hamas")),
    ],
)
def test_enjoying_or_securing_support_is_receiving_it(
    workspace: Workspace, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(workspace, text, "en") == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran's proxies include Hezbollah and the Houthis.",
            {("hezbollah", "alliance", "iran"), ("houthis", "alliance", "iran")},
        ),
        ("The Iran-aligned Houthis attacked ships.", {("iran", "alliance", "houthis")}),
        ("Hezbollah is aligned with Iran.", {("hezbollah", "alliance", "iran")}),
        ("The Houthis are allied with Iran.", {("houthis", "alliance", "iran")}),
    ],
)
def test_partners_listed_after_a_possessed_partner_noun_and_allied_with(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hezbollah attacked Israel with rockets.", {("hezbollah", "armed-attack", "israel")}),
        (
            "The United States launched strikes on the Houthis.",
            {("united-states", "armed-attack", "houthis")},
        ),
        ("The Houthis fired missiles at Israel.", {("houthis", "armed-attack", "israel")}),
        (
            "Since Israel declared war against Hamas, Hezbollah has fired rockets daily.",
            {("israel", "armed-attack", "hamas")},
        ),
        ("Iran struck a deal with Hamas.", set()),
        (
            "After Iran sent weapons to Hezbollah, Israel struck the convoy.",
            {("iran", "weapons-supply", "hezbollah")},
        ),
    ],
)
def test_force_used_against_an_actor_is_an_armed_attack(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


def test_lethal_aid_is_weapons(workspace: Workspace) -> None:
    text = "It is clear that Iran continues shipment of lethal aid to the Houthis."
    assert triples(workspace, text, "en") == {("iran", "weapons-supply", "houthis")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas's political bureau is based in Doha.", ("qatar", "hosting", "hamas")),
        ("Hamas's leadership was hosted by Qatar.", ("qatar", "hosting", "hamas")),
        ("Iran's generous support was appreciated by Hamas.", ("hamas", "praise", "iran")),
    ],
)
def test_the_possessor_of_a_passive_s_subject_noun_is_the_actor_said_of(
    workspace: Workspace, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(workspace, text, "en") == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas welcomed Iran's decision.", {("hamas", "praise", "iran")}),
        ("Hamas welcomes Qatar's efforts to end the war.", {("hamas", "praise", "qatar")}),
        ("Hamas welcomed the move by Russia.", set()),
        ("Qatar welcomed a Hamas delegation in Doha.", {("qatar", "hosting", "hamas")}),
    ],
)
def test_welcoming_an_act_praises_its_author_and_hosts_no_one(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qatar hosted Haniyeh.", {("qatar", "hosting", "ismail-haniyeh")}),
        ("Hamas leader Ismail Haniyeh visited Tehran.", {("ismail-haniyeh", "visit", "iran")}),
    ],
)
def test_a_body_before_a_person_qualifies_them_only_with_no_cue_between(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "During a visit to Moscow by a Hamas delegation, Russia called for a ceasefire.",
            {("hamas", "visit", "russia")},
        ),
        (
            "A visit to Tehran by Haniyeh in 2012 angered Egypt.",
            {("ismail-haniyeh", "visit", "iran")},
        ),
    ],
)
def test_a_visit_to_a_place_by_an_actor_is_the_actor_s_visit(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Iran funds Hamas, according to a statement from Israel.",
        "Iran funds Hamas, said Israel.",
        "Iran funds Hamas, said Israel on Monday.",
        "Iran funds Hamas, a senior Israeli official said on condition of anonymity.",
    ],
)
def test_more_wordings_of_who_said_it(workspace: Workspace, text: str) -> None:
    assert attributed(workspace, text) == [("iran", "financial-support", "hamas", "israel")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Houthi fighters trained in Iran.", {("iran", "training", "houthis")}),
        ("Hezbollah fighters trained in Iran in the 1990s.", {("iran", "training", "hezbollah")}),
        ("Iran trained Hezbollah fighters in Lebanon.", {("iran", "training", "hezbollah")}),
        # Who trained Hezbollah in its own country the sentence does not say.
        ("Hezbollah trained in Lebanon.", set()),
    ],
)
def test_fighters_trained_in_a_state_were_trained_by_it(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas refused to support Assad, angering Iran.", ("political-support", "denied")),
        ("Iran declined to fund Hamas in 2013.", ("financial-support", "denied")),
        (
            "Qatar has refused to designate Hamas as a terrorist organization.",
            ("refusal-to-designate", "affirmed"),
        ),
    ],
)
def test_refusing_to_do_it_denies_it(
    workspace: Workspace, text: str, expected: tuple[str, str]
) -> None:
    assert [(d.relation, d.polarity) for d in drafts_of(workspace, text, "en")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran vowed revenge against Israel for the killing of Haniyeh.", set()),
        (
            "Hamas condemned the assassination of Haniyeh by Israel.",
            {("hamas", "condemnation", "israel")},
        ),
        ("Hamas condemned the killing of Haniyeh.", set()),
        (
            "Qatar mediated between Israel and Hamas in 2023.",
            {("qatar", "mediation", "israel"), ("qatar", "mediation", "hamas")},
        ),
    ],
)
def test_revenge_events_done_to_someone_and_mediating_between(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    "text",
    ["Israel warned Iran against arming Hezbollah.", "The US urged Qatar to stop funding Hamas."],
)
def test_what_one_is_warned_or_urged_about_has_not_happened(
    workspace: Workspace, text: str
) -> None:
    assert triples(workspace, text, "en") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hamas has long relied on Iran for weapons.", {("iran", "weapons-supply", "hamas")}),
        ("Hezbollah depends on Iran for funding.", {("iran", "financial-support", "hezbollah")}),
        ("Hamas relies on tunnels for weapons.", set()),
    ],
)
def test_relying_on_an_actor_for_something_is_receiving_it_from_them(
    workspace: Workspace, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran supplies weapons to Lebanon's Hezbollah.", ("iran", "weapons-supply", "hezbollah")),
        (
            "Tehran denies arming Yemen Houthi rebels.",
            ("iran-government", "weapons-supply", "houthis"),
        ),
        ("Qatar has paid Gaza’s Hamas for years.", ("qatar", "financial-support", "hamas")),
    ],
)
def test_a_state_named_before_a_group_only_says_where_it_is(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    assert triples(workspace, text, "en") == {expected}


def test_a_headline_clause_is_a_claim_where_the_body_tells_it_too(workspace: Workspace) -> None:
    text = (
        "Iran denies arming Hezbollah\n"
        "Iran on Monday denied sending weapons to Hezbollah, its foreign ministry said.\n"
    )
    drafts = drafts_of(workspace, text, "en")
    headline = [d for d in drafts if d.end <= text.index("\n")]
    assert [(d.subject, d.relation, d.object, d.polarity) for d in headline] == [
        ("iran", "weapons-supply", "hezbollah", "denied")
    ]
    assert len(drafts) == 2


def test_a_headline_the_body_does_not_tell_is_left_out(workspace: Workspace) -> None:
    text = (
        "Qatar meets with Hamas leaders\n"
        "The emir received the delegation in Doha on Sunday and spoke about Gaza.\n"
    )
    assert not [d for d in drafts_of(workspace, text, "en") if d.end <= text.index("\n")]


def test_a_topic_heading_is_still_no_claim(workspace: Workspace) -> None:
    text = "Qatari support for Hamas\nQatar has funded Hamas since 2012.\n"
    drafts = drafts_of(workspace, text, "en")
    assert [(d.subject, d.relation, d.object) for d in drafts] == [
        ("qatar", "financial-support", "hamas")
    ]
    assert drafts[0].start > text.index("\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hamas is recognized as a terrorist organization in Israel.",
            {("israel", "terrorist-designation", "hamas")},
        ),
        (
            "Hamas is listed as a terrorist group in Israel, the United States and many others.",
            {
                ("israel", "terrorist-designation", "hamas"),
                ("united-states", "terrorist-designation", "hamas"),
            },
        ),
    ],
)
def test_a_group_recognized_as_terrorist_in_states_is_designated_by_each(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "en") == expected


def test_a_group_founded_in_a_state_is_not_designated_by_it(workspace: Workspace) -> None:
    text = "Hamas was founded as a resistance movement in Gaza and is designated by Canada."
    assert ("palestine", "terrorist-designation", "hamas") not in triples(workspace, text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel waged war on Hezbollah in 2006.", {("israel", "armed-attack", "hezbollah")}),
        ("Israel has been waging war against Hamas.", {("israel", "armed-attack", "hamas")}),
    ],
)
def test_waging_war_on_an_actor_is_an_armed_attack(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert triples(workspace, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It coincided with the visit of a Hamas delegation to Tehran.",
            {("hamas", "visit", "iran")},
        ),
        (
            "It followed a three-day visit to Tehran of a Hamas delegation.",
            {("hamas", "visit", "iran")},
        ),
        ("A visit to Moscow of great importance ended.", set()),
    ],
)
def test_the_visitor_of_a_visit_follows_of(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert {t for t in triples(workspace, text, "en") if t[0] is not None} == expected


def test_a_participle_after_while_has_the_sentence_s_subject(workspace: Workspace) -> None:
    text = "Israel has been waging war on Hamas while accusing Iran of backing the group."
    assert ("israel", "condemnation", "iran") in triples(workspace, text, "en")


def test_a_participle_opening_a_sentence_takes_no_earlier_subject(workspace: Workspace) -> None:
    text = "Israel bombed Hamas. While accusing Iran of funding Hamas, officials said nothing."
    assert ("israel", "condemnation", "iran") not in triples(workspace, text, "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Iranian support was condemned by Israel.", ("israel", "condemnation", "iran")),
        ("The Qatari support was appreciated by Israel.", ("israel", "praise", "qatar")),
    ],
)
def test_a_judged_act_named_by_its_maker_s_demonym_judges_the_maker(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    assert expected in triples(workspace, text, "en")


def test_a_demonym_s_act_in_an_active_judgement_is_not_read_as_judged(
    workspace: Workspace,
) -> None:
    text = "The Qatari support helped Hamas, Israel condemned."
    assert ("israel", "condemnation", "qatar") not in triples(workspace, text, "en")


def _dated_drafts(workspace: Workspace, text: str, published: str) -> list[Draft]:
    document = Document(
        "t", Path("t.txt"), "t.txt", "", "en", "news-report", {}, "", text, published=published
    )
    return draft_claims(
        document,
        workspace.drafting_layer(document),
        workspace.corpus,
        workspace.lexicon("en"),
        workspace.vocabulary.concepts["rate"],
    )


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Qatar denies funding Hamas, its foreign ministry said.", "2021-05-04"),
        ("Qatar denied funding Hamas in 2014.", "2014"),
    ],
)
def test_a_denial_in_the_present_tense_is_made_on_the_day_of_publication(
    workspace: Workspace, text: str, time: str
) -> None:
    (draft,) = _dated_drafts(workspace, text, "2021-05-04")
    assert (draft.relation, draft.polarity, draft.time) == ("financial-support", "denied", time)


@pytest.mark.parametrize(
    ("text", "polarity", "hedged"),
    [
        ("Iran denies arming Hezbollah, as alleged by Israel.", "denied", False),
        ("Iran armed Hezbollah, as alleged by Israel.", "affirmed", True),
    ],
)
def test_as_alleged_by_names_the_accuser_of_a_denial_and_hedges_no_denial(
    workspace: Workspace, text: str, polarity: str, hedged: bool
) -> None:
    (draft,) = drafts_of(workspace, text, "en")
    assert (draft.polarity, draft.hedged) == (polarity, hedged)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran supports the Houthis. Iran also funds Polisario.",
            ("iran", "political-support", "houthis"),
        ),
        (
            "Qatar funds Hamas. It also sends money to the Harakat al-Sabireen movement.",
            ("qatar", "financial-support", "hamas"),
        ),
        (
            "Iran armed Hezbollah. Iran later supplied weapons to Kataib Sayyid al-Shuhada.",
            ("iran", "weapons-supply", "hezbollah"),
        ),
    ],
)
def test_an_unknown_name_where_the_recipient_stands_borrows_none(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    """A recipient the reference data does not know is still named: the recipient of the
    clause before is not borrowed for it (only the first sentence is drafted)."""
    assert triples(workspace, text, "en") == {expected}


def test_a_name_in_brackets_after_the_same_actor_is_one_mention(workspace: Workspace) -> None:
    text = "وتمول إيران حزب الله، وحركة أنصار الله اليمنية (الحوثيون)، وحركة حماس."
    assert triples(workspace, text, "ar") == {
        ("iran", "financial-support", "hezbollah"),
        ("iran", "financial-support", "houthis"),
        ("iran", "financial-support", "hamas"),
    }
    assert triples(workspace, "Iran funds Ansar Allah (the Houthis) and Hamas.", "en") == {
        ("iran", "financial-support", "houthis"),
        ("iran", "financial-support", "hamas"),
    }

"""Long lists and chains of names in English, found by sentences made up for them
(`suggest 11`): the things given listed before the giver ("received training, weapons, and
intelligence from ..."), a unit named through its owners ("Iran's IRGC's Quds Force", with
an abbreviation in brackets), an adverb before a passive participle ("is officially listed
... by"), and "states" inside "the United States" not read as "X states that"."""

from __future__ import annotations

import pytest

from publisher.curate.suggest.workspace import Workspace
from tests.conftest import ROOT
from tests.test_suggest_rules import drafts_of, triples


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The repository's own corpus (read only)."""
    return Workspace.open(ROOT)


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah has received training, weapons and intelligence from the Quds Force.",
        "Hezbollah has received training, weapons, and intelligence from the Quds Force.",
        "Hezbollah received extensive training, funding, logistic support, weapons, and "
        "intelligence from the Quds Force.",
    ],
)
def test_a_list_of_things_given_ends_with_a_noun_that_is_no_cue(
    workspace: Workspace, text: str
) -> None:
    found = triples(workspace, text, "en")
    assert ("quds-force", "training", "hezbollah") in found
    assert ("quds-force", "weapons-supply", "hezbollah") in found
    assert not {t for t in found if t[0] != "quds-force"}


def test_intelligence_from_a_state_alone_is_still_its_intelligence_service(
    workspace: Workspace,
) -> None:
    # not after a list of things given: a body of people, who stand for the state
    assert ("iran", "meeting", "hamas") in triples(
        workspace, "A delegation of intelligence officials from Iran met Hamas.", "en"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Hamas received weapons from the IRGC's Quds Force.",
        "Hamas received weapons from Iran's Islamic Revolutionary Guard Corps's (IRGC) Quds Force.",
    ],
)
def test_a_unit_named_through_its_owners_is_the_giver(workspace: Workspace, text: str) -> None:
    assert triples(workspace, text, "en") == {("quds-force", "weapons-supply", "hamas")}


def test_the_owner_of_a_unit_as_subject_passes_the_subject_on(workspace: Workspace) -> None:
    assert triples(
        workspace, "Iran's IRGC's Quds Force supplied weapons to the Houthis.", "en"
    ) == {("quds-force", "weapons-supply", "houthis")}


@pytest.mark.parametrize(
    "text",
    [
        "Hamas is officially listed as a terrorist organization by the United States.",
        "Hamas is formally listed as a terrorist organization by the governments of Israel "
        "and the United States.",
    ],
)
def test_an_adverb_before_a_passive_participle(workspace: Workspace, text: str) -> None:
    assert ("united-states", "terrorist-designation", "hamas") in triples(workspace, text, "en")


def test_states_inside_the_united_states_is_no_speaker(workspace: Workspace) -> None:
    # Before, "States" was read as "X states": Israel and the United States became sources.
    assert triples(
        workspace,
        "Hamas is listed as a terrorist organization by the governments of Israel and the "
        "United States.",
        "en",
    ) == {
        ("israel", "terrorist-designation", "hamas"),
        ("united-states", "terrorist-designation", "hamas"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "The Hezbollah–Russia relationship is complex.",
        "Hezbollah-Russia relations improved in 2015.",
        "A milestone in Hezbollah–Russia ties came in 2015.",
    ],
)
def test_two_names_joined_by_a_dash_before_relations_are_its_two_sides(
    workspace: Workspace, text: str
) -> None:
    assert triples(workspace, text, "en") == {("hezbollah", "diplomatic-relations", "russia")}


def test_a_spaced_dash_still_breaks_the_sentence(workspace: Workspace) -> None:
    # "Hamas – and Qatar": no compound; Qatar is no side of Iran's funding
    found = triples(workspace, "Iran funds Hamas – and Qatar hosts Hezbollah.", "en")
    assert ("iran", "financial-support", "hamas") in found
    assert ("iran", "financial-support", "qatar") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hezbollah welcomed Putin's intervention in Syria.",
            ("hezbollah", "praise", "vladimir-putin"),
        ),
        ("Putin welcomed Hamas's delegation in Moscow.", ("vladimir-putin", "hosting", "hamas")),
    ],
)
def test_welcoming_what_is_someone_s_praises_them_but_their_people_are_guests(
    workspace: Workspace, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(workspace, text, "en") == {expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iranian Foreign Minister Hossein Amir-Abdollahian said that his country supports "
            "Hamas.",
            ("iran", "political-support", "hamas"),
        ),
        (
            "Iranian Foreign Minister Hossein Amir-Abdollahian expressed his country's support "
            "for Hamas.",
            ("iran", "political-support", "hamas"),
        ),
    ],
)
def test_his_country_is_the_state_of_the_person_named(
    workspace: Workspace, text: str, expected: tuple[str, str, str]
) -> None:
    drafts = drafts_of(workspace, text, "en")
    assert {(d.subject, d.relation, d.object) for d in drafts} == {expected}
    assert "his country" in (drafts[0].note or "")

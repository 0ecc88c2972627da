"""Attacks, refusals to designate, support that declined ("aid ... has dried up") and support
of no named kind ("aid", "stand with"), found by sentences made up for them
(`suggest 11`): until then the cue lexicon had no Arabic word for an attack, so an Arabic
article drafted none, and "does not recognize ... as a terrorist organization" was read as
nothing at all."""

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
    ("text", "language", "expected"),
    [
        ("هاجمت إسرائيل حزب الله في لبنان.", "ar", ("israel", "armed-attack", "hezbollah")),
        ("نفذت إسرائيل غارات على حزب الله.", "ar", ("israel", "armed-attack", "hezbollah")),
        ("قاتل حزب الله ضد إسرائيل.", "ar", ("hezbollah", "armed-attack", "israel")),
        (
            "وشن الحوثيون هجمات صاروخية على إسرائيل.",
            "ar",
            ("houthis", "armed-attack", "israel"),
        ),
        ("Hezbollah fought against Israel in 2006.", "en", ("hezbollah", "armed-attack", "israel")),
        ("Hezbollah was attacked by Israel.", "en", ("israel", "armed-attack", "hezbollah")),
    ],
)
def test_an_attack_is_drafted_with_the_attacker_as_subject(
    workspace: Workspace, text: str, language: str, expected: tuple[str, str, str]
) -> None:
    assert expected in triples(workspace, text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russia does not recognize Hezbollah as a terrorist organization.", "en"),
        ("Russia has never designated Hezbollah as a terrorist organization.", "en"),
        ("لا تعترف روسيا بحزب الله منظمة إرهابية.", "ar"),
    ],
)
def test_not_recognising_a_group_as_terrorist_is_a_refusal_to_designate(
    workspace: Workspace, text: str, language: str
) -> None:
    drafts = drafts_of(workspace, text, language)
    assert {(d.subject, d.relation, d.object, d.polarity) for d in drafts} == {
        ("russia", "refusal-to-designate", "hezbollah", "affirmed")
    }


def test_an_attack_word_with_no_second_actor_drafts_nothing(workspace: Workspace) -> None:
    # a strike on a place, not on an actor the reference data knows
    assert triples(workspace, "قصفت الطائرات مواقع في الصحراء.", "ar") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Iranian aid to Hamas has drastically decreased.",
        "Iran's aid to Hamas has largely dried up.",
        "Iran's funding of Hamas has largely ceased.",
    ],
)
def test_support_that_declined_is_a_suspension(workspace: Workspace, text: str) -> None:
    assert triples(workspace, text, "en") == {("iran", "suspension-of-support", "hamas")}


def test_support_that_grew_is_still_support(workspace: Workspace) -> None:
    assert triples(workspace, "Iran's funding of Hamas has increased.", "en") == {
        ("iran", "financial-support", "hamas")
    }


@pytest.mark.parametrize(
    "text", ["Iran will stand with Hezbollah.", "Iranian aid to Hezbollah grew in 2015."]
)
def test_standing_with_and_aid_are_support_of_no_named_kind(
    workspace: Workspace, text: str
) -> None:
    assert triples(workspace, text, "en") == {("iran", "political-support", "hezbollah")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The decision caused a reduction in Iranian financial support to Hamas.",
            ("iran", "suspension-of-support", "hamas"),
        ),
        (
            "Qatar announced cuts to its funding of Hamas.",
            ("qatar", "suspension-of-support", "hamas"),
        ),
    ],
)
def test_a_noun_of_change_before_support(
    workspace: Workspace, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(workspace, text, "en") == {expected}

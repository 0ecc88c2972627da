"""English drafting rules found on new articles, each checked on sentences made up for it: the
language phenomenon, not the sentence it was seen in."""

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

"""A state a curator adds with only its two names is found by its demonyms in both languages.
Sentences made up for each form."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.corpus.model import Document
from publisher.curate.suggest.drafting.drafter import draft_claims
from publisher.curate.suggest.workspace import Workspace
from tests.conftest import ROOT

TURKEY = {"id": "turkey", "type": "state", "name": {"en": "Turkey", "ar": "تركيا"}}


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The repository's corpus (read only) with Turkey given by its names only."""
    return Workspace.open(ROOT).with_reference([TURKEY], [], ROOT)


def document(text: str, language: str) -> Document:
    return Document("t", Path("t.txt"), "t.txt", "", language, "news-report", {}, "", text)


def triples(workspace: Workspace, text: str, language: str) -> set[tuple[str | None, ...]]:
    doc = document(text, language)
    drafts = draft_claims(
        doc,
        workspace.drafting_layer(doc),
        workspace.corpus,
        workspace.lexicon(language),
        workspace.vocabulary.concepts["rate"],
    )
    return {(d.subject, d.relation, d.object) for d in drafts}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("الدعم التركي لحماس مستمر.", "ar"),
        ("ويستمر الدعم السياسي التركي لحماس.", "ar"),
        ("Turkish support for Hamas continued.", "en"),
    ],
)
def test_a_state_given_by_its_names_has_its_demonyms(
    workspace: Workspace, text: str, language: str
) -> None:
    assert ("turkey", "political-support", "hamas") in triples(workspace, text, language)

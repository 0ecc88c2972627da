"""An actor a curator adds with only its two names and its kind is found where a text writes it
in its common forms: plurals and singulars of a group's name, the name without its demonym,
initials, a group noun and demonym around an Arabic name, Arabic clitics, and the demonyms of a
state. Sentences made up for each form, in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from publisher.corpus.model import Document
from publisher.curate.suggest.drafting.drafter import draft_claims
from publisher.curate.suggest.workspace import Workspace
from tests.conftest import ROOT

# Actors as the evaluation set's annotations give them: names and kind, no aliases. Entries
# with the id of a reference actor replace it, so its aliases are gone.
NAMES_ONLY: list[dict[str, Any]] = [
    {
        "id": "irgc",
        "type": "organisation",
        "name": {"en": "Islamic Revolutionary Guard Corps", "ar": "الحرس الثوري الإيراني"},
        "part_of": "iran-government",
    },
    {"id": "hamas", "type": "organisation", "name": {"en": "Hamas", "ar": "حماس"}},
    {
        "id": "united-states",
        "type": "state",
        "name": {"en": "United States", "ar": "الولايات المتحدة"},
    },
    {"id": "turkey", "type": "state", "name": {"en": "Turkey", "ar": "تركيا"}},
    {"id": "china", "type": "state", "name": {"en": "China", "ar": "الصين"}},
    {
        "id": "united-kingdom",
        "type": "state",
        "name": {"en": "United Kingdom", "ar": "المملكة المتحدة"},
    },
    {
        "id": "popular-mobilization-forces",
        "type": "organisation",
        "name": {"en": "Popular Mobilization Forces", "ar": "الحشد الشعبي"},
    },
]


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The repository's corpus (read only) with the actors above given by their names only."""
    return Workspace.open(ROOT).with_reference(NAMES_ONLY, [], ROOT)


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


def mentioned(workspace: Workspace, text: str, language: str) -> list[tuple[str, str]]:
    layer = workspace.drafting_layer(document(text, language))
    return [(m.surface, m.entity_id) for m in layer.mentions]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "Houthi movement": the plural and the singular of its first word
        ("Iran supplies the Houthis with drones.", "en", ("iran", "houthis")),
        ("Iran has armed Houthi rebels for years.", "en", ("iran", "houthis")),
        ("وتزود إيران الميليشيات الحوثية بالصواريخ.", "ar", ("iran", "houthis")),
        # "Palestinian Islamic Jihad" without its demonym; its initials
        ("Iran funds Islamic Jihad.", "en", ("iran", "palestinian-islamic-jihad")),
        ("Iran funds the PIJ.", "en", ("iran", "palestinian-islamic-jihad")),
        # initials derived from a name the curator added: "Popular Mobilization Forces"
        ("Iran has funded the PMF since 2014.", "en", ("iran", "popular-mobilization-forces")),
        # "Islamic Revolutionary Guard Corps": its initials; "الحرس الثوري الإيراني" without
        # its demonym, with the clitics ل and لل
        ("The IRGC trained Hamas fighters.", "en", ("irgc", "hamas")),
        ("ودرب الحرس الثوري عناصر حماس.", "ar", ("irgc", "hamas")),
        ("وقدم الحرس الثوري أسلحة لحماس.", "ar", ("irgc", "hamas")),
        # "United States": its initials, dotted or not
        (
            "The U.S. designated Hamas as a terrorist organisation.",
            "en",
            ("united-states", "hamas"),
        ),
    ],
)
def test_common_forms_of_a_name_are_the_actor(
    workspace: Workspace, text: str, language: str, expected: tuple[str, str]
) -> None:
    assert expected in {(s, o) for s, _, o in triples(workspace, text, language)}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The Houthis' drones", "en", [("Houthis", "houthis")]),
        ("Hamas’ leaders", "en", [("Hamas", "hamas")]),
        ("Islamic Jihad's office", "en", [("Islamic Jihad", "palestinian-islamic-jihad")]),
        ("وللحوثيين والحوثيون", "ar", [("لحوثيين", "houthis"), ("الحوثيون", "houthis")]),
        ("فالحرس الثوري", "ar", [("الحرس الثوري", "irgc")]),
        ("وللميليشيات الحوثية", "ar", [("لميليشيات الحوثية", "houthis")]),
        ("للحرس الثوري", "ar", [("لحرس الثوري", "irgc")]),  # ل + ال
    ],
)
def test_possessives_and_arabic_clitics_leave_the_name(
    workspace: Workspace, text: str, language: str, expected: list[tuple[str, str]]
) -> None:
    assert mentioned(workspace, text, language) == expected


def test_initials_a_text_defines_are_its_name_in_that_text(workspace: Workspace) -> None:
    text = "The Muslim Brotherhood (MB) grew in Egypt. Qatar has funded the MB since then."
    found = mentioned(workspace, text, "en")
    assert found.count(("MB", "muslim-brotherhood")) == 1  # the definition is not another
    assert ("qatar", "financial-support", "muslim-brotherhood") in triples(workspace, text, "en")
    assert mentioned(workspace, "Qatar has funded the MB.", "en") == [("Qatar", "qatar")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "تدعم إيران حركة حماس الفلسطينية وحركة الجهاد الإسلامي.",
            {
                ("iran", "political-support", "hamas"),
                ("iran", "political-support", "palestinian-islamic-jihad"),
            },
        ),
        ("وتمول قطر حماس الفلسطينية.", {("qatar", "financial-support", "hamas")}),
    ],
)
def test_a_group_noun_and_a_demonym_around_an_arabic_name_are_part_of_it(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    assert expected <= triples(workspace, text, "ar")


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


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # a government body's name without its demonym would be any state's ministry
        ("وزارة الخارجية أصدرت بيانا.", "ar"),
        # a collective's name without its demonym is a common noun
        ("Armed groups fought in the south.", "en"),
        # initials in lower case are a word
        ("Tell us about it.", "en"),
    ],
)
def test_forms_that_would_name_no_one_for_sure_are_not_read(
    workspace: Workspace, text: str, language: str
) -> None:
    assert mentioned(workspace, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Hamas was designated as a terrorist organisation by Washington.",
            "en",
            {("united-states", "terrorist-designation", "hamas")},
        ),
        # a capital that is a place of the reference data (موسكو) beside one that is not
        (
            "وأسقطت موسكو وبكين مشروع قرار يفرض عقوبات على سوريا.",
            "ar",
            {
                ("russia", "diplomatic-protection", "syria"),
                ("china", "diplomatic-protection", "syria"),
            },
        ),
    ],
)
def test_a_capital_stands_for_its_state(
    workspace: Workspace, text: str, language: str, expected: set[tuple[str, ...]]
) -> None:
    assert expected <= triples(workspace, text, language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Washington Post reported it.", []),  # a capital that begins another name
        ("Britain, or the UK", [("Britain", "united-kingdom"), ("UK", "united-kingdom")]),
    ],
)
def test_the_name_list_gives_a_state_its_other_names(
    workspace: Workspace, text: str, expected: list[tuple[str, str]]
) -> None:
    assert mentioned(workspace, text, "en") == expected

"""Arabic references across sentences, found by sentences made up for them (`suggest 11`): a
delegation named by the movement it belongs to ("وفد الحركة") as the verb's subject, and a
body named in full with its state's adjective, then without it ("وزارة الخزانة")."""

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
    ("second", "expected"),
    [
        ("وثمن وفد الحركة الموقف الروسي.", ("hamas", "praise", "russia")),
        ("وأجرى وفد الحركة مشاورات مع روسيا.", ("hamas", "consultation", "russia")),
    ],
)
def test_the_movement_s_delegation_acts_for_the_movement(
    workspace: Workspace, second: str, expected: tuple[str, str, str]
) -> None:
    text = "وصل وفد من حركة حماس إلى موسكو. " + second
    drafts = [
        d for d in drafts_of(workspace, text, "ar") if (d.subject, d.relation, d.object) == expected
    ]
    assert drafts and "hamas" in (drafts[0].note or "")


def test_a_ministry_named_again_without_its_state_s_adjective(workspace: Workspace) -> None:
    text = (
        "فرضت وزارة الخزانة الأمريكية عقوبات على إيران. ثم فرضت وزارة الخزانة عقوبات على حزب الله."
    )
    assert ("us-treasury", "terrorist-designation", "hezbollah") in triples(workspace, text, "ar")


def test_another_state_s_ministry_of_the_same_office_is_not_it(workspace: Workspace) -> None:
    text = (
        "فرضت وزارة الخزانة الأمريكية عقوبات على إيران. وانتقدت وزارة الخزانة الإيرانية حزب الله."
    )
    assert not any(
        d.subject == "us-treasury" and d.object == "hezbollah"
        for d in drafts_of(workspace, text, "ar")
    )


def test_the_short_form_before_the_full_name_is_not_read(workspace: Workspace) -> None:
    text = "فرضت وزارة الخزانة عقوبات على حزب الله. وقالت وزارة الخزانة الأمريكية إنها ستواصل."
    assert ("us-treasury", "terrorist-designation", "hezbollah") not in triples(
        workspace, text, "ar"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "أدرجت الولايات المتحدة حماس وحزب الله على قائمة الإرهاب. "
            "وقالت إن إيران تواصل تقديم الدعم لهذه الجماعات.",
            "ar",
        ),
        (
            "The United States designated Hamas and Hezbollah as terrorist organizations. "
            "Iran continues to support these groups.",
            "en",
        ),
    ],
)
def test_these_groups_are_each_of_the_groups_listed_before(
    workspace: Workspace, text: str, language: str
) -> None:
    found = triples(workspace, text, language)
    assert {
        ("iran", "political-support", "hamas"),
        ("iran", "political-support", "hezbollah"),
    } <= found


def test_these_groups_after_no_list_of_groups_stay_unread(workspace: Workspace) -> None:
    # one group, then a state: no list of two groups to stand for
    text = "Israel attacked Hamas. Iran continues to support these groups."
    assert not any(
        d.subject == "iran" and d.relation == "political-support"
        for d in drafts_of(workspace, text, "en")
        if d.object is not None
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group right before a person is the verb's subject, not the person's title
        ("شكرت حماس بوتين على موقفه.", ("hamas", "praise", "vladimir-putin")),
        # ... unless a title stands before the group
        ("التقى زعيم حماس إسماعيل هنية بوتين.", ("ismail-haniyeh", "meeting", "vladimir-putin")),
        # the past of a hollow root's استفعل is a verb, not the noun استضافة
        ("استضاف بوتين خالد مشعل في موسكو.", ("vladimir-putin", "hosting", "khaled-meshaal")),
        # a particle before the verb is no preposition on a noun
        ("لم تصنف روسيا حماس كمنظمة إرهابية.", ("russia", "refusal-to-designate", "hamas")),
    ],
)
def test_arabic_verb_subject_object(
    workspace: Workspace, text: str, expected: tuple[str, str, str]
) -> None:
    assert triples(workspace, text, "ar") == {expected}


def test_a_title_of_two_words_before_the_group(workspace: Workspace) -> None:
    text = "وخلال زيارة رئيس وزراء حماس إسماعيل هنية إلى طهران تعهدت إيران بدعم الحركة."
    # Hamas is Haniyeh's title here, not the visitor (a one-word look back drafted it so)
    assert ("hamas", "visit", "iran") not in triples(workspace, text, "ar")

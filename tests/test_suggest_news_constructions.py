"""Drafting rules for constructions common in news text in both languages, each found by
sentences made up for it (not from an article of the evaluation set): sources opening a
sentence, a state's unit as subject, periods after "since", pronouns that stand for the
speaker or the one other actor named, judgements of a deed named by its maker's demonym, and
subjects named by a noun of people the reference data does not know."""

from __future__ import annotations

import pytest

from publisher.curate.suggest.workspace import Workspace
from tests.conftest import ROOT
from tests.test_suggest_rules import drafts_of, triples


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    """The repository's own corpus (read only)."""
    return Workspace.open(ROOT)


def _sourced(workspace: Workspace, text: str, language: str) -> set[tuple[object, ...]]:
    return {
        (d.subject, d.relation, d.object, tuple(a for a, _ in d.attribution))
        for d in drafts_of(workspace, text, language)
    }


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "According to the United States, Iran has provided weapons to the Houthis.",
            "en",
            {("iran", "weapons-supply", "houthis", ("united-states",))},
        ),
        (
            "According to reports, Iran funds Hamas.",
            "en",
            {("iran", "financial-support", "hamas", ())},
        ),
        (
            "According to a statement from Israel, Iran funds Hamas.",
            "en",
            {("iran", "financial-support", "hamas", ("israel",))},
        ),
        (
            "وفقا للولايات المتحدة، قدمت إيران أسلحة للحوثيين.",
            "ar",
            {("iran", "weapons-supply", "houthis", ("united-states",))},
        ),
        (
            "بحسب إسرائيل، تمول إيران حركة حماس.",
            "ar",
            {("iran", "financial-support", "hamas", ("israel",))},
        ),
    ],
)
def test_a_source_opening_the_sentence_ends_at_its_comma(
    workspace: Workspace, text: str, language: str, expected: set[tuple[object, ...]]
) -> None:
    """The source of "according to X," is X, never an actor of what follows the comma (which
    used to leave the claim with no agent or recipient, and no draft)."""
    assert _sourced(workspace, text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran's Quds Force supplied weapons to the Houthis.",
            ("quds-force", "weapons-supply", "houthis"),
        ),
        (
            "Iran's Quds Force has supplied the Houthis with missiles.",
            ("quds-force", "weapons-supply", "houthis"),
        ),
        ("Iran sent weapons to Yemen's Houthis.", ("iran", "weapons-supply", "houthis")),
    ],
)
def test_a_state_s_unit_opening_the_sentence_is_its_subject(
    workspace: Workspace, text: str, expected: tuple[str, ...]
) -> None:
    assert triples(workspace, text, "en") == {expected}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Iran has funded Hamas since the 1990s.", "en", ("1990", None)),
        ("Iran has funded Hamas since the early 1990s.", "en", ("1990", None)),
        ("Iran funded Hamas in the 1990s.", "en", ("1990", "1999")),
        ("قدمت إيران دعما ماليا لحركة حماس منذ التسعينيات.", "ar", ("1990", None)),
        ("قدمت إيران دعما ماليا لحركة حماس منذ تسعينيات القرن الماضي.", "ar", ("1990", None)),
        ("قدمت إيران دعما ماليا لحركة حماس في ثمانينيات القرن العشرين.", "ar", ("1980", "1989")),
    ],
)
def test_a_period_after_since_opens_the_time(
    workspace: Workspace, text: str, language: str, expected: tuple[str | None, ...]
) -> None:
    (draft,) = drafts_of(workspace, text, language)
    assert isinstance(draft.time, dict)
    assert (draft.time.get("from"), draft.time.get("to")) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Hamas said Iran had given it money.", "en", ("iran", "financial-support", "hamas")),
        ("Hezbollah says Iran gives it money.", "en", ("iran", "financial-support", "hezbollah")),
        ("Hamas said Iran gave it weapons.", "en", ("iran", "weapons-supply", "hamas")),
        (
            "وقالت حماس إن إيران قدمت لها دعما عسكريا.",
            "ar",
            ("iran", "military-support", "hamas"),
        ),
        (
            "وقال حزب الله إن إيران تقدم له الأموال.",
            "ar",
            ("iran", "financial-support", "hezbollah"),
        ),
        ("وقالت حماس إن إيران تدعمها.", "ar", ("iran", "political-support", "hamas")),
    ],
)
def test_an_object_pronoun_is_not_its_own_clause_s_subject(
    workspace: Workspace, text: str, language: str, expected: tuple[str, ...]
) -> None:
    """ "gave it money", "قدمت لها", "تدعمها": the pronoun is who receives, and the subject of
    its own clause cannot be that (it would be "itself", "نفسها"): the speaker named before."""
    assert triples(workspace, text, language) == {expected}


def test_an_object_pronoun_of_a_relative_stands_for_what_was_told(workspace: Workspace) -> None:
    assert triples(workspace, "استقبلت روسيا وفدا من حماس، وهو ما أدانته إسرائيل.", "ar") == {
        ("russia", "hosting", "hamas")
    }


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Qatar condemned the Israeli strikes on Gaza.", "en", ("qatar", "condemnation", "israel")),
        ("Iran praised the Russian position.", "en", ("iran", "praise", "russia")),
        ("أدانت قطر الغارات الإسرائيلية على غزة.", "ar", ("qatar", "condemnation", "israel")),
        (
            "وندد حزب الله بالعدوان الإسرائيلي على غزة.",
            "ar",
            ("hezbollah", "condemnation", "israel"),
        ),
    ],
)
def test_judging_a_deed_named_by_its_maker_s_demonym_judges_the_maker(
    workspace: Workspace, text: str, language: str, expected: tuple[str, ...]
) -> None:
    assert triples(workspace, text, language) == {expected}


def test_a_demonym_after_another_verb_is_not_an_actor(workspace: Workspace) -> None:
    assert triples(workspace, "Iran funds the Palestinian cause.", "en") == set()


def test_a_subject_named_by_a_noun_of_people_borrows_none(workspace: Workspace) -> None:
    """ "وأدان دبلوماسيون روس": the subject is named (Russian diplomats), so the actor of the
    clause before is not taken for it; "روس" is the plural of the Russian demonym."""
    text = "زار وفد من حماس موسكو. وأدان مسؤولون في الأمم المتحدة الهجوم."
    assert ("hamas", "condemnation", None) not in triples(workspace, text, "ar")
    assert not any(d.relation == "condemnation" for d in drafts_of(workspace, text, "ar"))
    met = triples(workspace, "والتقى هنية مسؤولين روس في موسكو.", "ar")
    assert met == {("ismail-haniyeh", "meeting", "russia")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال الحرس الثوري إنه يدعم حماس.", {("irgc", "political-support", "hamas")}),
        ("وأكد الحرس الثوري أنه لم يدعم الحوثيين.", {("irgc", "political-support", "houthis")}),
        ("وذكرت الوكالة أنه تم تسليم الأسلحة للحوثيين.", set()),
    ],
)
def test_anna_hu_before_a_verb_cue_carries_its_subject(
    workspace: Workspace, text: str, expected: set[tuple[str, ...]]
) -> None:
    """ "أنه" before the verb is the speaker's "that he (it)", as "أنها" was; before anything
    else it is impersonal and names no one."""
    assert triples(workspace, text, "ar") == expected


def test_a_form_ten_verb_is_no_verbal_noun(workspace: Workspace) -> None:
    """ "تستضيف" (hosts) has the letters of a تفعيل noun (تمويل) but one more: a verb, whose
    subject comes after it."""
    assert triples(workspace, "وتستضيف قطر قادة حماس منذ عام 2012.", "ar") == {
        ("qatar", "hosting", "hamas")
    }


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "وقالت إسرائيل إن إيران تمول حماس. وأضافت أن إيران تسلح حزب الله أيضا.",
            "ar",
            {
                ("iran", "financial-support", "hamas", ("israel",)),
                ("iran", "weapons-supply", "hezbollah", ("israel",)),
            },
        ),
        (
            "ونقلت رويترز عن مسؤولين إسرائيليين قولهم إن إيران تمول حماس.",
            "ar",
            {("iran", "financial-support", "hamas", ("israel",))},
        ),
        (
            "ونقلت وكالة إرنا عن المتحدث باسم الخارجية الإيرانية قوله إن إيران تدعم الحوثيين.",
            "ar",
            {("iran", "political-support", "houthis", ("iran-foreign-ministry", "irna"))},
        ),
        (
            "وقال المتحدث باسم حماس إن إيران تدعم الحركة.",
            "ar",
            {("iran", "political-support", "hamas", ("hamas",))},
        ),
        (
            "The Israeli army said Iran funds Hamas.",
            "en",
            {("iran", "financial-support", "hamas", ("israel",))},
        ),
        (
            "Ismail Haniyeh affirmed that Iran provided weapons to Hamas.",
            "en",
            {("iran", "weapons-supply", "hamas", ("ismail-haniyeh",))},
        ),
        (
            "Ismail Haniyeh pointed out that Iran provided weapons to Hamas.",
            "en",
            {("iran", "weapons-supply", "hamas", ("ismail-haniyeh",))},
        ),
        (
            "Ismail Haniyeh reiterated that Iran provided weapons to Hamas.",
            "en",
            {("iran", "weapons-supply", "hamas", ("ismail-haniyeh",))},
        ),
        (
            "Ismail Haniyeh underscored that Iran provided weapons to Hamas.",
            "en",
            {("iran", "weapons-supply", "hamas", ("ismail-haniyeh",))},
        ),
        (
            "ولفت إسماعيل هنية إلى أن إيران قدمت السلاح لحماس.",
            "ar",
            {("iran", "weapons-supply", "hamas", ("ismail-haniyeh",))},
        ),
        (
            "ونوه إسماعيل هنية بأن إيران قدمت السلاح لحماس.",
            "ar",
            {("iran", "weapons-supply", "hamas", ("ismail-haniyeh",))},
        ),
    ],
)
def test_who_says_it_in_the_common_wordings_of_news(
    workspace: Workspace, text: str, language: str, expected: set[tuple[object, ...]]
) -> None:
    """A state or a group that goes on speaking ("وأضافت أن"), a speaker an unknown outlet
    passes on ("نقلت رويترز عن ... قولهم"), a spokesman's body ("المتحدث باسم X"), an army;
    reporting verbs besides "said" ("affirmed", "pointed out", "لفت", "نوه")."""
    assert _sourced(workspace, text, language) == expected

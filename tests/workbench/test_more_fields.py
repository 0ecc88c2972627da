"""The card's other fields: beneficiaries, origin, route and destination, quantities,
proposition and event, with pickers for the references; only the changed lines change."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from publisher.curate.suggest.mapping_file import mapping_path
from tests.workbench.conftest import ARMS, DOCUMENT, Curator, snapshot
from tests.workbench.forms import claim_cards

SMUGGLED = ("raisi-damascus-ar-news", "rdm-weapons-smuggled-to-gaza")
MADE = "rdm-irgc-makes-rockets-in-sudan"


def _changes(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def _card(curator: Curator, document: str, claim: str) -> dict[str, str]:
    return claim_cards(curator.client.get(f"/document/{document}").get_data(as_text=True))[claim]


def _entry(home: Path, document: str, claim: str) -> dict:
    content = yaml.safe_load(mapping_path(home, document).read_text(encoding="utf-8"))
    return next(c for c in content["claims"] if c["id"] == claim)


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_a_draft_gets_every_other_field_and_is_accepted(curator: Curator, home: Path) -> None:
    path = mapping_path(home, DOCUMENT)
    before = path.read_text(encoding="utf-8")
    card = _card(curator, DOCUMENT, ARMS)
    assert card["origin"] == card["route_1"] == card["quantity_1_kind"] == ""
    card.update(
        beneficiary_1="hamas", origin="iran", route_1="syria", route_2="",
        destination="gaza-strip", quantity_1_kind="rocket", quantity_1_min="100",
        quantity_1_approximate="on", proposition="iran-arms-hamas",
        event="first-intifada", action="accept",
    )  # fmt: skip
    answer = curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", card)
    assert answer.status_code == 200, answer.get_json()
    assert set(answer.get_json()["changed"]) == {
        "beneficiary_includes", "origin", "route", "destination", "quantities",
        "proposition", "event",
    }  # fmt: skip
    entry = _entry(home, DOCUMENT, ARMS)
    assert entry["beneficiary_includes"] == ["hamas"]
    assert (entry["origin"], entry["route"], entry["destination"]) == (
        "iran",
        ["syria"],
        "gaza-strip",
    )
    assert entry["quantities"] == [{"kind": "rocket", "min": 100, "approximate": True}]
    assert (entry["proposition"], entry["event"], entry["status"]) == (
        "iran-arms-hamas", "first-intifada", "confirmed"
    )  # fmt: skip
    changes = _changes(before, path.read_text(encoding="utf-8"))
    assert sorted(changes) == sorted(
        [
            "+    beneficiary_includes: [hamas]",
            "+    origin: iran",
            "+    route: [syria]",
            "+    destination: gaza-strip",
            "+    quantities:",
            "+      - {kind: rocket, min: 100, approximate: true}",
            "+    proposition: iran-arms-hamas",
            "+    event: first-intifada",
            "-    status: draft",
            "+    status: confirmed",
        ]
    )
    # Shown again, the card holds what was written; saved as shown, nothing changes.
    again = _card(curator, DOCUMENT, ARMS)
    assert (again["beneficiary_1"], again["route_1"], again["quantity_1_kind"]) == (
        "hamas", "syria", "rocket"
    )  # fmt: skip
    written = path.read_bytes()
    answer = curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", {**again, "action": "save"})
    assert answer.get_json()["changed"] == [] and path.read_bytes() == written


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_changing_one_place_and_one_count_changes_their_lines_only(
    curator: Curator, home: Path
) -> None:
    document, claim = SMUGGLED
    path = mapping_path(home, document)
    before = path.read_text(encoding="utf-8")
    card = _card(curator, document, claim)
    assert (card["origin"], card["destination"]) == ("sudan", "gaza-strip")
    answer = curator.post(
        f"/document/{document}/claims/{claim}", {**card, "origin": "yemen", "action": "save"}
    )
    assert answer.get_json()["changed"] == ["origin"], answer.get_json()
    assert _changes(before, path.read_text(encoding="utf-8")) == [
        "-    origin: sudan",
        "+    origin: yemen",
    ]
    # A quantity's value changed on a claim that has two: its label stays, the other's line too.
    document, claim = "iran-hamas-relations-ar-wikipedia", None
    path = mapping_path(home, document)
    text = path.read_text(encoding="utf-8")
    content = yaml.safe_load(text)
    claim = next(c["id"] for c in content["claims"] if len(c.get("quantities") or []) == 2)
    card = _card(curator, document, claim)
    assert card["quantity_2_kind"] == "captive" and card["quantity_3_kind"] == ""
    answer = curator.post(
        f"/document/{document}/claims/{claim}",
        {**card, "quantity_2_value": "250", "action": "save"},
    )
    assert answer.get_json()["changed"] == ["quantities"], answer.get_json()
    assert _changes(text, path.read_text(encoding="utf-8")) == [
        "-      - {kind: captive, value: 200, approximate: true, label: حوالي 200 مدني وجندي إسرائيلي}",
        "+      - {kind: captive, value: 250, approximate: true, label: حوالي 200 مدني وجندي إسرائيلي}",
    ]


def test_clearing_fields_removes_their_lines(curator: Curator, home: Path) -> None:
    document, claim = SMUGGLED
    path = mapping_path(home, document)
    before = path.read_text(encoding="utf-8")
    card = _card(curator, document, claim)
    form = {**card, "origin": "", "destination": "", "action": "save"}
    assert curator.post(f"/document/{document}/claims/{claim}", form).status_code == 200
    assert sorted(_changes(before, path.read_text(encoding="utf-8"))) == [
        "-    destination: gaza-strip",
        "-    origin: sudan",
    ]
    entry = _entry(home, document, claim)
    assert "origin" not in entry and "destination" not in entry


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_bad_references_get_a_message_on_their_field(curator: Curator, home: Path) -> None:
    before = snapshot(home)
    card = _card(curator, DOCUMENT, ARMS)
    bad = {
        "route_1": ("nowhere", "route"),
        "origin": ("hamas", "origin"),  # an actor, not a place
        "beneficiary_1": ("nobody", "beneficiary_includes"),
        "quantity_1_kind": ("tanks", "quantities"),
        "proposition": ("no-such-proposition", "proposition"),
        "event": ("no-such-event", "event"),
    }
    for field, (value, error) in bad.items():
        extra = {"quantity_1_value": "3"} if field == "quantity_1_kind" else {}
        form = {**card, field: value, **extra, "action": "accept"}
        answer = curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", form)
        assert answer.status_code == 400, (field, answer.get_json())
        assert value in answer.get_json()["errors"][error], answer.get_json()
    no_count = {**card, "quantity_1_kind": "rocket", "action": "save"}
    answer = curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", no_count)
    assert "needs a value" in answer.get_json()["errors"]["quantities"]
    assert snapshot(home) == before


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_pickers_for_events_propositions_and_quantity_kinds(curator: Curator) -> None:
    def ids(kind: str, query: str) -> list[str]:
        answer = curator.client.get(f"/pick/{kind}", query_string={"q": query})
        assert answer.status_code == 200
        return [choice["id"] for choice in answer.get_json()]

    assert ids("event", "الانتفاضة الاولى")[0] == "first-intifada"  # hamza forgiven
    assert ids("event", "First Intifada")[0] == "first-intifada"
    assert ids("proposition", "إيران تمول حماس")[0] == "iran-funds-hamas"
    assert "rocket" in ids("quantity-kind", "rocket")
    assert ids("relation", "")  # relation types still offered

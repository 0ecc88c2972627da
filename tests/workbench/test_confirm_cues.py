"""Confirming runs the build's cue check first: a denied claim whose quote holds no negation
(or a hedged one with no hedge) is refused, from the workbench and from `publisher confirm`
alike, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from publisher.cli import main
from publisher.curate.suggest.mapping_file import mapping_path
from tests.workbench.conftest import ARMS, DOCUMENT, TIES, VISIT, Curator, snapshot
from tests.workbench.forms import claim_cards

ARMS_FORM = {"subject": "irgc", "relation": "weapons-supply", "object": "palestinian-islamic-jihad",
             "time": "2019", "polarity": "affirmed"}  # fmt: skip


def _deny_in_file(home: Path, claim: str) -> None:
    """Mark a draft denied by hand (its quote denies nothing): a draft is not checked."""
    path = mapping_path(home, DOCUMENT)
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.endswith(f"id: {claim}"))
    at = next(i for i in range(start, len(lines)) if "polarity:" in lines[i])
    lines[at] = lines[at].replace("affirmed", "denied")
    path.write_text("\n".join(lines), encoding="utf-8")


def _statuses(home: Path) -> dict[str, str]:
    content = yaml.safe_load(mapping_path(home, DOCUMENT).read_text(encoding="utf-8"))
    return {c["id"]: c.get("status", "confirmed") for c in content["claims"]}


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_accept_refuses_a_denied_claim_whose_quote_denies_nothing(
    curator: Curator, home: Path
) -> None:
    before = snapshot(home)
    form = {**ARMS_FORM, "polarity": "denied", "action": "accept"}
    answer = curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", form)
    body = answer.get_json()
    assert answer.status_code == 400 and body["ok"] is False, body
    assert any(f"claim {ARMS} is denied" in p and "negation" in p for p in body["problems"])
    assert snapshot(home) == before  # neither the polarity nor the status was written


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_accept_as_is_refuses_a_draft_denied_by_hand(curator: Curator, home: Path) -> None:
    _deny_in_file(home, VISIT)
    before = snapshot(home)
    page = curator.client.get(f"/document/{DOCUMENT}").get_data(as_text=True)
    card = claim_cards(page)[VISIT]  # Accept with the fields as the card shows them
    assert card["polarity"] == "denied"
    answer = curator.post(f"/document/{DOCUMENT}/claims/{VISIT}", {**card, "action": "accept"})
    assert answer.status_code == 400, answer.get_json()
    assert any(f"claim {VISIT} is denied" in p for p in answer.get_json()["problems"])
    assert snapshot(home) == before
    assert _statuses(home)[VISIT] == "draft"


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_save_refuses_denying_a_confirmed_claim_without_a_negation(
    curator: Curator, home: Path
) -> None:
    assert curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", {**ARMS_FORM, "action": "accept"})
    assert _statuses(home)[ARMS] == "confirmed"
    before = snapshot(home)
    form = {**ARMS_FORM, "polarity": "denied", "action": "save"}
    answer = curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", form)
    assert answer.status_code == 400
    assert any("negation" in p for p in answer.get_json()["problems"])
    assert snapshot(home) == before


def test_a_draft_may_still_be_saved_denied_and_the_check_names_it(
    curator: Curator, home: Path
) -> None:
    form = {**ARMS_FORM, "polarity": "denied", "action": "save"}
    assert curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", form).status_code == 200
    content = yaml.safe_load(mapping_path(home, DOCUMENT).read_text(encoding="utf-8"))
    saved = next(c for c in content["claims"] if c["id"] == ARMS)
    assert (saved["polarity"], saved["status"]) == ("denied", "draft")


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_the_cli_confirm_refuses_it_too(home: Path, capsys) -> None:
    _deny_in_file(home, VISIT)
    before = snapshot(home)
    assert main(["confirm", DOCUMENT, VISIT, "--home", str(home)]) == 2
    err = capsys.readouterr().err
    assert "not confirmed" in err and f"claim {VISIT} is denied" in err
    assert snapshot(home) == before
    # In bulk as well: every draft at 0.8 or above, VISIT among them; none is confirmed.
    assert main(["confirm", DOCUMENT, "--above", "0.8", "--home", str(home)]) == 2
    assert snapshot(home) == before
    # A claim whose quote holds no cue problem is confirmed as before.
    assert main(["confirm", DOCUMENT, ARMS, TIES, "--home", str(home)]) == 0
    statuses = _statuses(home)
    assert (statuses[ARMS], statuses[TIES], statuses[VISIT]) == ("confirmed", "confirmed", "draft")

"""The build's check of a document and publishing from the workbench (the real build: slow),
and a check's findings given to the claim they concern."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.corpus.load import load_corpus
from publisher.curate.suggest.mapping_file import mapping_path
from tests.workbench.conftest import ARMS, DOCUMENT, TIES, VISIT, Curator
from tests.workbench.scenario import diff, release_claims, suggest_changes_nothing

ARMS_FORM = {"subject": "irgc", "relation": "weapons-supply", "object": "palestinian-islamic-jihad",
             "time": "2019", "polarity": "affirmed"}  # fmt: skip


def test_a_check_puts_a_finding_on_its_claim(curator: Curator, home: Path) -> None:
    """A claim whose offsets no longer hold its quote (edited by hand): the check names it."""
    path = mapping_path(home, DOCUMENT)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    at = next(k for k, line in enumerate(lines) if line.strip().endswith(ARMS))
    line = next(line for line in lines[at:] if line.strip().startswith("start:"))
    moved = line.replace(str(int(line.split(":")[1])), str(int(line.split(":")[1]) + 1))
    path.write_text(text.replace(line, moved, 1), encoding="utf-8")
    answer = curator.post(f"/document/{DOCUMENT}/check")
    body = answer.get_json()
    assert answer.status_code == 200, body
    assert list(body["findings"]) == [ARMS]
    assert "quote is not at offsets" in body["findings"][ARMS][0]
    assert body["clean"] is False


@pytest.mark.slow
def test_review_check_and_publish(warm_curator: Curator, warm_home: Path) -> None:
    curator, home = warm_curator, warm_home
    path = mapping_path(home, DOCUMENT)
    before = path.read_text(encoding="utf-8")
    text = load_corpus(home)[0].documents[DOCUMENT].text
    claims = f"/document/{DOCUMENT}/claims"
    assert curator.post(f"{claims}/{ARMS}", {**ARMS_FORM, "action": "accept"}).status_code == 200
    visit = {"subject": "ismail-haniyeh", "relation": "visit", "object": "russian-government",
             "time": "2022-06", "place": "moscow", "polarity": "affirmed", "action": "accept"}  # fmt: skip
    assert curator.post(f"{claims}/{VISIT}", visit).status_code == 200
    assert curator.post(f"{claims}/{TIES}", {"action": "reject"}).status_code == 200
    start, end = text.index("أعلنت إيران"), text.index("، وفقا")
    new = curator.post(
        claims,
        {"start": start, "end": end, "subject": "iran", "relation": "pledge-financial-aid",
         "object": "hamas", "time": "2021-03", "polarity": "affirmed"},
    )  # fmt: skip
    assert new.status_code == 200
    pledge = new.get_json()["claim"]

    check = curator.post(f"/document/{DOCUMENT}/check").get_json()
    assert check["ok"] and check["clean"] and check["shapes"], check
    published = curator.post("/publish").get_json()
    assert published["ok"], published
    release = (home / "release").resolve()
    assert release.name == published["release"]
    assert release_claims(release, text) == {
        ARMS: ("irgc", "weapons-supply", "palestinian-islamic-jihad"),
        VISIT: ("ismail-haniyeh", "visit", "russian-government"),
        pledge: ("iran", "pledge-financial-aid", "hamas"),
    }
    changes = diff(before, path.read_text(encoding="utf-8"))
    assert changes.count("+    status: confirmed") == 2
    assert changes.count("+    status: rejected") == 1
    assert "+    object: russian-government" in changes and "+    time: 2022-06" in changes
    assert f"+  - id: {pledge}" in changes
    assert len([c for c in changes if c.startswith("-")]) == 5  # three statuses, object, time
    suggest_changes_nothing(home)


def test_a_check_runs_the_builds_cue_checks(curator: Curator, home: Path) -> None:
    """A draft saved as denied whose words deny nothing: the build's cue check names it
    (Accept would refuse it: tests/workbench/test_confirm_cues.py)."""
    form = {**ARMS_FORM, "polarity": "denied", "action": "save"}
    assert curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", form).status_code == 200
    body = curator.post(f"/document/{DOCUMENT}/check").get_json()
    assert list(body["findings"]) == [ARMS], body
    assert body["shapes"] is False

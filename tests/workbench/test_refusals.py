"""What the workbench refuses, and that a refused request wrote nothing: writes without the
session's token or from another origin (403), bad input (400, a message on the field)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from publisher.corpus.load import load_corpus
from tests.workbench.conftest import ARMS, DOCUMENT, ORIGIN, VISIT, Curator, snapshot

ACCEPT = {"subject": "irgc", "relation": "weapons-supply", "object": "palestinian-islamic-jihad",
          "time": "2019", "polarity": "affirmed", "action": "accept"}  # fmt: skip
WRITES = [
    (f"/document/{DOCUMENT}/claims/{ARMS}", ACCEPT),
    (f"/document/{DOCUMENT}/claims/{ARMS}", {"action": "reject"}),
    (f"/document/{DOCUMENT}/claims", {**ACCEPT, "start": "22", "end": "79"}),
    (f"/document/{DOCUMENT}/draft", {}),
    ("/actors", {"mode": "new", "id": "someone-new", "type": "person", "en": "Someone New"}),
    (
        "/documents",
        {"text": "A headline\nRussia met Hamas.\n", "lang": "en", "missing_title": "on"},
    ),
    ("/publish", {}),
]


@pytest.mark.parametrize(
    "headers",
    [
        pytest.param({"X-Workbench-Token": None}, id="no-token"),
        pytest.param({"X-Workbench-Token": "guessed"}, id="wrong-token"),
        pytest.param({"Origin": "http://evil.example"}, id="other-origin"),
        pytest.param({"Origin": "null"}, id="opaque-origin"),
        pytest.param({"Sec-Fetch-Site": "cross-site"}, id="cross-site"),
        pytest.param({"Origin": None, "Referer": "http://evil.example/page"}, id="other-referer"),
        pytest.param({"Origin": None, "Referer": None}, id="no-origin-nor-referer"),
    ],
)
def test_forged_writes_are_refused_and_change_no_file(
    curator: Curator, home: Path, headers: dict
) -> None:
    before = snapshot(home)
    for url, data in WRITES:
        sent = {
            "Origin": ORIGIN,
            "X-Workbench-Token": curator.token,
            "Sec-Fetch-Site": "same-origin",
        }
        sent.update(headers)
        answer = curator.client.post(
            url, data=data, headers={k: v for k, v in sent.items() if v is not None}
        )
        assert answer.status_code == 403, (url, answer.get_data(as_text=True))
    assert snapshot(home) == before
    assert not (home / "release").exists()


def test_a_form_post_from_the_page_itself_is_accepted(curator: Curator, home: Path) -> None:
    """Origin absent (older browsers), Referer from the workbench, token in the form."""
    answer = curator.client.post(
        f"/document/{DOCUMENT}/claims/{ARMS}",
        data={**ACCEPT, "token": curator.token},
        headers={"Referer": f"{ORIGIN}/document/{DOCUMENT}"},
    )
    assert answer.status_code == 200, answer.get_json()


def test_another_host_gets_nothing(app: Flask) -> None:
    """A name pointed at loopback by another site (DNS rebinding) gets no page, no token."""
    answer = app.test_client().get(f"/document/{DOCUMENT}", headers={"Host": "evil.example"})
    assert answer.status_code == 403
    assert b"workbench-token" not in answer.data


def test_a_session_token_is_not_another_sessions(app: Flask, curator: Curator) -> None:
    other = app.test_client()  # another browser: its own session
    answer = other.post(
        f"/document/{DOCUMENT}/claims/{ARMS}",
        data=ACCEPT,
        headers={"Origin": ORIGIN, "X-Workbench-Token": curator.token},
    )
    assert answer.status_code == 403


@pytest.mark.parametrize(
    ("url", "data", "field"),
    [
        pytest.param(
            f"/document/{DOCUMENT}/claims", {**ACCEPT, "start": "300", "end": "99999"},
            "evidence", id="offset-outside-the-text",
        ),
        pytest.param(
            f"/document/{DOCUMENT}/claims", {**ACCEPT, "start": "40", "end": "30"},
            "evidence", id="end-before-start",
        ),
        pytest.param(
            f"/document/{DOCUMENT}/claims/{VISIT}", {**ACCEPT, "subject": "nobody-known"},
            "subject", id="unknown-actor",
        ),
        pytest.param(
            f"/document/{DOCUMENT}/claims/{VISIT}", {**ACCEPT, "time": "2021-02-30"},
            "time", id="impossible-date",
        ),
        pytest.param(
            f"/document/{DOCUMENT}/claims/{VISIT}", {**ACCEPT, "time": "2021-13"},
            "time", id="impossible-month",
        ),
        pytest.param(
            f"/document/{DOCUMENT}/claims/{VISIT}", {**ACCEPT, "relation": "friendship"},
            "relation", id="unknown-relation",
        ),
        pytest.param(
            f"/document/{DOCUMENT}/claims/{VISIT}", {**ACCEPT, "place": "atlantis"},
            "place", id="unknown-place",
        ),
        pytest.param(
            f"/document/{DOCUMENT}/claims/{VISIT}", {**ACCEPT, "amount_value": "lots"},
            "amount", id="amount-not-a-number",
        ),
        pytest.param(
            f"/document/{DOCUMENT}/claims/{VISIT}", {**ACCEPT, "attribution": "nobody original-source"},
            "attribution", id="unknown-source",
        ),
    ],
)  # fmt: skip
def test_bad_input_gets_a_message_on_its_field_and_writes_nothing(
    curator: Curator, home: Path, url: str, data: dict, field: str
) -> None:
    before = snapshot(home)
    answer = curator.post(url, data)
    assert answer.status_code == 400
    body = answer.get_json()
    assert body["ok"] is False
    assert field in body["errors"], body
    assert snapshot(home) == before


@pytest.mark.slow  # a second or more: `make test` runs it, `make check` leaves it out
def test_bad_actor_and_document_input_write_nothing(curator: Curator, home: Path) -> None:
    before = snapshot(home)
    answer = curator.post(
        "/actors", {"mode": "new", "id": "Not An Id", "type": "person", "en": "X"}
    )
    assert answer.status_code == 400 and answer.get_json()["problems"]
    answer = curator.post(
        "/actors", {"mode": "new", "id": "hamas-2", "type": "person", "en": "Hamas"}
    )
    assert answer.status_code == 400  # a name already an actor's
    answer = curator.post(
        "/actors", {"mode": "alias", "id": "nobody", "name": "x", "language": "en"}
    )
    assert answer.status_code == 400
    answer = curator.post(
        "/documents", {"text": "A long first line that ends like a sentence.\n", "lang": "en"}
    )
    assert answer.status_code == 400
    assert "title" in answer.get_data(as_text=True)
    answer = curator.post("/documents", {"lang": "en"})
    assert answer.status_code == 400
    assert snapshot(home) == before
    assert "someone" not in load_corpus(home)[0].actors


def test_curate_refuses_to_listen_on_every_address(project: Path, capsys) -> None:
    """0.0.0.0 would give no origin to accept writes from: refused before anything starts."""
    from publisher.cli import main

    assert main(["curate", "--home", str(project), "--host", "0.0.0.0"]) == 2
    assert "not 0.0.0.0" in capsys.readouterr().err


def test_an_unknown_document_or_a_broken_file_is_a_page_of_problems(
    curator: Curator, home: Path
) -> None:
    answer = curator.client.get("/document/no-such-document")
    assert answer.status_code == 404
    assert "no document &#39;no-such-document&#39;" in answer.get_data(as_text=True)
    path = home / "data" / "claims" / f"{DOCUMENT}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "    colour: blue\n", encoding="utf-8")
    answer = curator.client.get(f"/document/{DOCUMENT}")
    assert answer.status_code == 409
    assert "unknown key &#39;colour&#39;" in answer.get_data(as_text=True)


def test_a_claim_written_on_one_line_is_left_to_the_file(curator: Curator, home: Path) -> None:
    path = home / "data" / "claims" / f"{DOCUMENT}.yaml"
    text = load_corpus(home)[0].documents[DOCUMENT].text
    path.write_text(
        path.read_text(encoding="utf-8")
        + f"  - {{id: one-line, subject: iran, relation: visit, object: hamas, quote: {text[:5]},"
        " start: 0, end: 5, status: draft}\n",
        encoding="utf-8",
    )
    before = snapshot(home)
    answer = curator.post(f"/document/{DOCUMENT}/claims/one-line", {**ACCEPT, "action": "save"})
    assert answer.status_code == 400
    assert "one line" in answer.get_json()["errors"]["claim"]
    assert snapshot(home) == before

"""Each write of the workbench, through Flask's test client, read back from the files it
wrote: the mapping file (only the lines of what the curator did change, and `suggest` leaves
it as it is afterwards), data/actors.yaml and data/documents.yaml."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml

from publisher.corpus.load import load_corpus
from publisher.curate.drafts import suggest_document
from publisher.curate.suggest.mapping_file import mapping_path
from tests.workbench.conftest import ARMS, DOCUMENT, TIES, VISIT, Curator

FIELDS = {"polarity": "affirmed"}


def _claims(home: Path) -> dict[str, dict]:
    content = yaml.safe_load(mapping_path(home, DOCUMENT).read_text(encoding="utf-8"))
    return {c["id"]: c for c in content["claims"]}


def _diff(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def _fields(claim: dict, **changes: str) -> dict[str, str]:
    """A claim's card as the page fills it in, with the curator's changes."""
    form = {key: str(claim.get(key) or "") for key in ("subject", "relation", "object", "place")}
    form["time"] = str(claim.get("time") or "")
    form["polarity"] = claim.get("polarity", "affirmed")
    if claim.get("hedged"):
        form["hedged"] = "on"
    form.update(changes)
    return form


def _suggest_changes_nothing(home: Path) -> None:
    path = mapping_path(home, DOCUMENT)
    before = path.read_bytes()
    assert not suggest_document(home, DOCUMENT).written.changed
    assert path.read_bytes() == before


def test_the_document_page_shows_text_drafts_and_mentions(curator: Curator, home: Path) -> None:
    page = curator.client.get(f"/document/{DOCUMENT}").get_data(as_text=True)
    assert 'dir="rtl"' in page
    for ident in (ARMS, TIES, VISIT):
        assert f'id="claim-{ident}"' in page
        assert f'data-claims="{ident}"' in page or f"{ident} " in page
    assert 'data-actor="hamas"' in page
    listing = curator.client.get("/").get_data(as_text=True)
    assert listing.index(DOCUMENT) < listing.index("hamas-iran-ties-en-opinion")  # newest first


def test_accept_sets_status_only(curator: Curator, home: Path) -> None:
    path = mapping_path(home, DOCUMENT)
    before = path.read_text(encoding="utf-8")
    claim = _claims(home)[ARMS]
    answer = curator.post(
        f"/document/{DOCUMENT}/claims/{ARMS}", {**_fields(claim), "action": "accept"}
    )
    assert answer.status_code == 200, answer.get_json()
    assert _claims(home)[ARMS]["status"] == "confirmed"
    assert _diff(before, path.read_text(encoding="utf-8")) == [
        "-    status: draft",
        "+    status: confirmed",
    ]
    assert ARMS in load_corpus(home)[0].claims
    _suggest_changes_nothing(home)


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_correct_object_and_time_then_accept(curator: Curator, home: Path) -> None:
    path = mapping_path(home, DOCUMENT)
    before = path.read_text(encoding="utf-8")
    claim = _claims(home)[VISIT]
    form = _fields(claim, object="russian-government", time="2022-06", action="accept")
    answer = curator.post(f"/document/{DOCUMENT}/claims/{VISIT}", form)
    assert answer.status_code == 200, answer.get_json()
    assert answer.get_json()["changed"] == ["object", "time"]
    after = _claims(home)[VISIT]
    assert (after["object"], str(after["time"]), after["status"]) == (
        "russian-government",
        "2022-06",
        "confirmed",
    )
    assert after["key"] == claim["key"]  # kept: suggest knows the draft it came from
    assert sorted(_diff(before, path.read_text(encoding="utf-8"))) == sorted(
        [
            "-    object: russia",
            "+    object: russian-government",
            "-    time: '2022'",
            "+    time: 2022-06",
            "-    status: draft",
            "+    status: confirmed",
        ]
    )
    _suggest_changes_nothing(home)


def test_reject(curator: Curator, home: Path) -> None:
    answer = curator.post(f"/document/{DOCUMENT}/claims/{TIES}", {"action": "reject"})
    assert answer.status_code == 200
    assert _claims(home)[TIES]["status"] == "rejected"
    assert TIES not in load_corpus(home)[0].claims
    _suggest_changes_nothing(home)


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_new_claim_from_a_selection(curator: Curator, home: Path) -> None:
    corpus, _ = load_corpus(home)
    text = corpus.documents[DOCUMENT].text
    start = text.index("أعلنت إيران")
    end = text.index("، وفقا")
    form = {
        "start": str(start),
        "end": str(end),
        "subject": "iran",
        "relation": "pledge-financial-aid",
        "object": "hamas",
        "time": "2021-03",
        "polarity": "affirmed",
        "attribution": "irna reporting-outlet",
    }
    answer = curator.post(f"/document/{DOCUMENT}/claims", form)
    assert answer.status_code == 200, answer.get_json()
    ident = answer.get_json()["claim"]
    claim = _claims(home)[ident]
    assert claim["quote"] == text[start:end]
    assert (claim["start"], claim["end"]) == (start, end)
    assert claim["attribution"] == [{"agent": "irna", "role": "reporting-outlet"}]
    assert "status" not in claim  # confirmed: written by the curator
    assert load_corpus(home)[0].claims[ident].quote == text[start:end]
    _suggest_changes_nothing(home)


def test_new_actor_and_alias_from_a_selected_name(curator: Curator, home: Path) -> None:
    answer = curator.post(
        "/actors",
        {"mode": "new", "id": "samer-al-khatib", "type": "person", "ar": "سامر الخطيب",
         "en": "Samer al-Khatib"},
    )  # fmt: skip
    assert answer.status_code == 200, answer.get_json()
    answer = curator.post(
        "/actors", {"mode": "alias", "id": "ismail-haniyeh", "name": "إ. هنية", "language": "ar"}
    )
    assert answer.status_code == 200, answer.get_json()
    actors = {
        a["id"]: a
        for a in yaml.safe_load((home / "data" / "actors.yaml").read_text(encoding="utf-8"))[
            "actors"
        ]
    }
    assert actors["samer-al-khatib"]["name"] == {"en": "Samer al-Khatib", "ar": "سامر الخطيب"}
    assert actors["samer-al-khatib"]["type"] == "person"
    assert "إ. هنية" in actors["ismail-haniyeh"]["aliases"]["ar"]
    page = curator.client.get(f"/document/{DOCUMENT}").get_data(as_text=True)
    assert 'data-actor="samer-al-khatib"' in page  # now marked as a mention


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_add_a_document_pasted_and_uploaded(curator: Curator, home: Path) -> None:
    pasted = "روسيا تستقبل وفدا من حماس\nاستقبلت روسيا وفدا من حركة حماس في موسكو.\n"
    answer = curator.post(
        "/documents",
        {"text": pasted, "lang": "ar", "title_en": "Russia receives a Hamas delegation",
         "kind": "news-report", "added": "2026-12-02"},
    )  # fmt: skip
    assert answer.status_code == 302, answer.get_data(as_text=True)
    assert answer.headers["Location"].endswith("/document/russia-receives-a-hamas-delegation-ar")
    document = load_corpus(home)[0].documents["russia-receives-a-hamas-delegation-ar"]
    assert document.text == pasted
    assert document.title == {
        "en": "Russia receives a Hamas delegation",
        "ar": "روسيا تستقبل وفدا من حماس",
    }
    from io import BytesIO

    upload = (BytesIO(b"Qatar hosts talks\nQatar hosted talks with Hamas in Doha.\n"), "talks.txt")
    answer = curator.post(
        "/documents",
        {"file": upload, "lang": "en", "missing_title": "on", "added": "2026-12-03"},
    )
    assert answer.status_code == 302, answer.get_data(as_text=True)
    documents = load_corpus(home)[0].documents
    assert documents["qatar-hosts-talks-en"].title_missing == ("ar",)
    listing = curator.client.get("/").get_data(as_text=True)
    assert listing.index("qatar-hosts-talks-en") < listing.index(DOCUMENT)


def test_pickers_forgive_arabic_spelling(curator: Curator) -> None:
    found = curator.client.get("/pick/actor?q=وحماس").get_json()
    assert found[0]["id"] == "hamas"
    found = curator.client.get("/pick/place?q=طهران").get_json()
    assert found[0]["id"] == "tehran"
    found = curator.client.get("/pick/relation?q=weapons").get_json()
    assert found[0]["id"] == "weapons-supply"
    found = curator.client.get("/pick/relation?q=تزويد بالاسلحة").get_json()  # no hamza
    assert found[0]["id"] == "weapons-supply"
    assert found[0]["ar"] == "تزويد بالأسلحة"
    found = curator.client.get("/pick/actor?q=الحرس الثوري").get_json()
    assert found[0]["id"] == "irgc"
    assert curator.client.get("/pick/nothing?q=x").status_code == 404


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_saving_every_card_as_shown_changes_no_line(curator: Curator, home: Path) -> None:
    """Each claim of every document, as its card shows it and the browser would send it back,
    is exactly what its mapping file says: saving it unchanged writes nothing (an amount's
    range or label, a time's label, an attribution's source are kept, not lost)."""
    from publisher.corpus.yamlsource import load_yaml
    from publisher.curate.claim_edits import edit_lines
    from publisher.curate.claim_fields import read_form
    from tests.workbench.forms import claim_cards

    seen = 0
    for document in load_corpus(home)[0].documents:
        page = curator.client.get(f"/document/{document}").get_data(as_text=True)
        cards = claim_cards(page)
        path = mapping_path(home, document)
        if not path.is_file():
            continue
        entries = {str(e["id"]): e for e in load_yaml(path)["claims"]}
        lines = path.read_text(encoding="utf-8").split("\n")
        assert set(cards) == set(entries)
        for ident, form in cards.items():
            assert edit_lines(list(lines), entries[ident], read_form(form)) == [], (ident, form)
            seen += 1
    assert seen > 200
    claim = _claims(home)[ARMS]
    before = mapping_path(home, DOCUMENT).read_bytes()
    form = claim_cards(curator.client.get(f"/document/{DOCUMENT}").get_data(as_text=True))[ARMS]
    answer = curator.post(f"/document/{DOCUMENT}/claims/{ARMS}", {**form, "action": "save"})
    assert answer.get_json()["changed"] == [] and claim["status"] == "draft"
    assert mapping_path(home, DOCUMENT).read_bytes() == before

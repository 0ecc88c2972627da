"""The check of a document sees its drafts as if accepted: the build's loading, cue checks and
SHACL run on a scratch copy where they are confirmed, and each finding lands on its draft."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.workbench.conftest import ARMS, DOCUMENT, PLEDGE, TIES, VISIT, Curator, snapshot


@pytest.fixture(autouse=True)
def warm(warm_home: Path) -> None:
    """The build cache of the session's release (as on a curator's machine after a build):
    a check then builds only the new document's graph and takes about a second."""


# A shape of this project copy only: every claim names its place. The drafts of PLEDGE, ARMS and TIES
# name none; VISIT's names Moscow.
PLACE_SHAPE = """\
@prefix sh:  <http://www.w3.org/ns/shacl#> .
@prefix sup: <http://127.0.0.1:8080/def/> .
<http://127.0.0.1:8080/def/shapes/PlaceNamed> a sh:NodeShape ;
    sh:targetClass sup:Claim ;
    sh:property [ sh:path sup:place ; sh:minCount 1 ;
                  sh:message "A claim names its place (a shape of this test)." ] .
"""


@pytest.mark.slow  # the new shape makes the shapes graph be read again: seconds
def test_shacl_findings_of_drafts_land_on_their_cards(curator: Curator, home: Path) -> None:
    (home / "shapes" / "place-named.ttl").write_text(PLACE_SHAPE, encoding="utf-8")
    before = snapshot(home)
    body = curator.post(f"/document/{DOCUMENT}/check").get_json()
    assert body["ok"] and body["shapes"], body
    assert set(body["findings"]) == {PLEDGE, ARMS, TIES}, body
    for claim in (PLEDGE, ARMS, TIES):
        assert body["findings"][claim] == [
            "Violation: A claim names its place (a shape of this test). "
            "(http://127.0.0.1:8080/def/place)"
        ]
    assert body["general"] == [] and body["clean"] is False
    assert snapshot(home) == before  # the drafts are still drafts: nothing was written


def test_a_drafts_broken_evidence_is_found_before_it_is_accepted(
    curator: Curator, home: Path
) -> None:
    """A draft marked denied whose quote denies nothing: the cue check sees it as confirmed."""
    from publisher.curate.suggest.mapping_file import mapping_path

    path = mapping_path(home, DOCUMENT)
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.endswith(f"id: {VISIT}"))
    polarity = next(i for i in range(start, len(lines)) if "polarity:" in lines[i])
    lines[polarity] = lines[polarity].replace("affirmed", "denied")
    path.write_text("\n".join(lines), encoding="utf-8")
    before = snapshot(home)
    body = curator.post(f"/document/{DOCUMENT}/check").get_json()
    assert list(body["findings"]) == [VISIT], body
    assert "denied" in body["findings"][VISIT][0] and body["shapes"] is False
    assert snapshot(home) == before


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_a_clean_document_with_drafts_passes_every_check(curator: Curator, home: Path) -> None:
    body = curator.post(f"/document/{DOCUMENT}/check").get_json()
    assert body["ok"] and body["shapes"] and body["clean"], body
    assert "status: draft" in (home / "data" / "claims" / f"{DOCUMENT}.yaml").read_text()

"""Coverage: every candidate sentence (two known actors and a relation cue) of the five
documents is accounted for by the claims anchored in it or by a curator's reason; the
release publishes each candidate sentence with its claims or reason."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph
import pytest

from publisher.build.coverage import coverage_report
from publisher.cli import main
from publisher.corpus.load import load_corpus
from publisher.errors import InputError
from publisher.graph.coverage import candidate_sentences
from publisher.textlayer import Gazetteer, analyse

ROOT = Path(__file__).resolve().parent.parent
B = "http://127.0.0.1:8080/"


def test_every_candidate_sentence_of_the_five_documents_is_accounted_for() -> None:
    report = coverage_report(ROOT)
    assert len(report) == 5
    total = sum(len(d.accounting) for d in report)
    assert total >= 100
    missing = [
        (d.document.id, a.candidate.start, d.document.text[a.candidate.start : a.candidate.end])
        for d in report
        for a in d.unaccounted
    ]
    assert missing == []
    # A reason only where no claim is anchored.
    for item in report:
        for a in item.accounting:
            assert a.claims or a.note is not None


@pytest.mark.slow  # seconds each: `make test` runs it, `make check` leaves it out
def test_the_release_publishes_each_candidate_and_its_accounting(
    release_store: pyoxigraph.Store,
) -> None:
    report = coverage_report(ROOT)
    rows = list(
        release_store.query(
            f"""PREFIX sup: <{B}def/>
            SELECT ?sentence (COUNT(DISTINCT ?claim) AS ?claims) (SAMPLE(?reason) AS ?why)
            WHERE {{ GRAPH ?g {{ ?sentence a sup:CandidateSentence .
              OPTIONAL {{ ?sentence sup:hasClaim ?claim }}
              OPTIONAL {{ ?sentence sup:coverageReason ?reason }} }} }} GROUP BY ?sentence"""
        )
    )
    assert len(rows) == sum(len(d.accounting) for d in report)
    assert all(int(r["claims"].value) > 0 or r["why"] is not None for r in rows)
    reasons = {r["why"].value.rsplit("/", 1)[-1] for r in rows if r["why"] is not None}
    assert {"heading", "background", "opinion-without-actor"} <= reasons


def test_a_candidate_needs_two_actors_and_a_cue() -> None:
    class Cues:
        def find_all(self, text: str) -> list[tuple[int, int]]:
            return []

    class Found:
        def __init__(self, start: int, end: int) -> None:
            self.start, self.end = start, end

    class Funds:
        def find_all(self, text: str) -> list[Found]:
            at = text.find("funds")
            return [Found(at, at + 5)] if at >= 0 else []

    gazetteer = Gazetteer.from_names([("iran", "en", "Iran"), ("hamas", "en", "Hamas")])
    layer = analyse("Iran funds Hamas. Iran is large. Hamas funds itself.\n", "en", gazetteer)
    found = candidate_sentences(layer, {"iran", "hamas"}, Funds())
    assert [(c.start, c.actors, c.cues) for c in found] == [(0, ("hamas", "iran"), ("funds",))]
    assert candidate_sentences(layer, {"iran", "hamas"}, Cues()) == []  # no cue, no candidate


def test_the_coverage_command_reports_what_is_missing(project: Path, capsys) -> None:
    path = project / "data/claims/hamas-new-phase-ar-interview.yaml"
    text = path.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("  - {start: 453, end: 505"))
    path.write_text(text.replace(line + "\n", ""), encoding="utf-8")
    assert main(["coverage", "--home", str(project), "--unaccounted"]) == 1
    out = capsys.readouterr().out
    assert "[453, 505) NOT ACCOUNTED FOR" in out
    counted = re.search(r"(\d+) of (\d+) candidate sentences accounted for", out)
    assert counted and int(counted.group(1)) == int(counted.group(2)) - 1


def test_an_unknown_reason_is_an_error(project: Path) -> None:
    path = project / "data/claims/hamas-new-phase-ar-interview.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("reason: heading", "reason: boring", 1), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_corpus(project)
    assert any("unknown reason 'boring'" in str(p) for p in caught.value.problems)


def test_coverage_comes_before_the_claims(project: Path) -> None:
    """`publisher suggest` appends drafts at the end of a mapping file: after a coverage list
    they would be read as coverage notes."""
    path = project / "data/claims/hamas-new-phase-ar-interview.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("# Candidate sentences"), text.index("claims:\n")
    path.write_text(text[:start] + text[end:] + "\n" + text[start:end], encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_corpus(project)
    assert any("coverage: must come before claims:" in str(p) for p in caught.value.problems)

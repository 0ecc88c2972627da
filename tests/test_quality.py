"""The release's data-quality measurements (W3C DQV) in void.ttl: coverage of the candidate
sentences, claims by origin (by hand, or drafted then confirmed, per drafter version) and the
drafter's precision and recall when evaluation/drafting/scores.json exists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD

from publisher.build.publish import build_release
from publisher.corpus.load import load_corpus
from publisher.errors import InputError
from tests.conftest import BASE

DQV = Namespace("http://www.w3.org/ns/dqv#")
SUP = Namespace(BASE + "def/")


def _measures(void: Graph) -> dict[tuple[str, str | None], Literal]:
    """(metric id, drafter) -> value of every measurement of the dataset."""
    found = {}
    for node in void.objects(URIRef(BASE + "id/dataset"), DQV.hasQualityMeasurement):
        assert (node, RDF.type, DQV.QualityMeasurement) in void
        metric = str(void.value(node, DQV.isMeasurementOf)).rsplit("/", 1)[-1]
        drafter = void.value(node, SUP.drafter)
        found[(metric, None if drafter is None else str(drafter))] = void.value(node, DQV.value)
    return found


def test_the_release_measures_its_coverage_and_its_claims(built_release: Path) -> None:
    void = Graph().parse(built_release / "void.ttl", format="turtle")
    measures = _measures(void)
    assert measures[("candidate-coverage", None)] == Literal("1.0000", datatype=XSD.decimal)
    candidates = int(measures[("candidate-sentences", None)])
    assert candidates >= 100
    assert candidates == int(measures[("candidates-with-claims", None)]) + int(
        measures[("candidates-with-reason", None)]
    )
    corpus, _ = load_corpus(Path(__file__).resolve().parent.parent)
    hand = sum(1 for c in corpus.claims.values() if not (c.drafting and c.drafting.drafter))
    assert int(measures[("claims-by-hand", None)]) == hand
    assert not [key for key in measures if key[0].startswith("drafter-")]  # no scores file


@pytest.mark.slow  # a build of a copy of the project (warm: only what changed is redone)
def test_drafted_claims_and_the_drafter_s_scores(warm_project: Path) -> None:
    project = warm_project
    claims = project / "data/claims/raisi-damascus-ar-news.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(
        text.replace(
            "  - id: rdm-syria-hosts-ppsf\n",
            "  - id: rdm-syria-hosts-ppsf\n    drafter: suggest 2\n",
        ),
        encoding="utf-8",
    )
    scores = project / "evaluation/drafting/scores.json"
    scores.parent.mkdir(parents=True)
    scores.write_text(
        json.dumps({"drafter": "suggest 2", "split": "test", "precision": 0.8, "recall": 0.7}),
        encoding="utf-8",
    )
    folder = build_release(project, BASE, project / "release")
    measures = _measures(Graph().parse(folder / "void.ttl", format="turtle"))
    assert measures[("claims-drafted", "suggest 2")] == Literal(1, datatype=XSD.integer)
    assert measures[("drafter-precision", "suggest 2")] == Literal("0.8", datatype=XSD.decimal)
    assert measures[("drafter-recall", "suggest 2")] == Literal("0.7", datatype=XSD.decimal)
    void = Graph().parse(folder / "void.ttl", format="turtle")
    splits = {str(o) for o in void.objects(None, SUP.evaluationSplit)}
    assert splits == {"test"}
    # The scores are an input of the release: its PROV lists the file.
    dataset = Dataset()
    dataset.parse(folder / "dataset.trig", format="trig")
    scores_file = URIRef(BASE + "id/input/evaluation/drafting/scores.json")
    assert any(dataset.quads((scores_file, None, None, None)))


@pytest.mark.slow  # a build of a copy of the project (warm: only what changed is redone)
def test_malformed_scores_stop_the_build(warm_project: Path) -> None:
    project = warm_project
    scores = project / "evaluation/drafting/scores.json"
    scores.parent.mkdir(parents=True)
    scores.write_text('{"drafter": "suggest 2", "precision": 1.7}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        build_release(project, BASE, project / "release")
    assert "scores.json" in str(caught.value)

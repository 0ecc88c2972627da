"""The data-quality measurements of a release, as W3C DQV in its VoID (void.ttl).

* coverage: of the candidate sentences (two known actors and a relation cue), how many are
  accounted for, by claims anchored in them or by a curator's reason, and the counts;
* claims by origin: written by hand, or drafted by the drafter and then confirmed by a
  curator, per drafter version (a claim keeps `sup:drafter`);
* the drafter's precision and recall on the held-out (test) half of the evaluation set, read
  from evaluation/drafting/scores.json when that file exists.

Metrics, their dimensions and units are defined in ontology/quality.ttl (B def/quality/...).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from publisher.errors import InputError, Problem
from publisher.rdf.iris import Minter
from publisher.rdf.namespaces import DQV

SCORES = Path("evaluation") / "drafting" / "scores.json"


@dataclass(frozen=True)
class DrafterScore:
    """The drafter's measured precision and recall on one split of the evaluation set."""

    drafter: str
    split: str
    precision: Decimal
    recall: Decimal


@dataclass(frozen=True)
class Quality:
    candidates: int
    with_claims: int
    with_reason: int
    by_hand: int
    drafted: tuple[tuple[str, int], ...]  # (drafter version, confirmed claims it drafted)
    drafter_score: DrafterScore | None = None

    @property
    def coverage(self) -> Decimal | None:
        """Accounted candidate sentences over all, or None when there are none."""
        if not self.candidates:
            return None
        ratio = Decimal(self.with_claims + self.with_reason) / Decimal(self.candidates)
        return ratio.quantize(Decimal("0.0001"))


def read_scores(home: Path) -> DrafterScore | None:
    """evaluation/drafting/scores.json, or None when absent; malformed is an InputError."""
    path = home / SCORES
    if not path.is_file():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        drafter, split = raw["drafter"], raw.get("split", "test")
        precision, recall = Decimal(str(raw["precision"])), Decimal(str(raw["recall"]))
        if not isinstance(drafter, str) or not isinstance(split, str):
            raise TypeError("drafter and split are text")
        if not (0 <= precision <= 1 and 0 <= recall <= 1):
            raise ValueError("precision and recall are between 0 and 1")
    except (OSError, ValueError, KeyError, TypeError, ArithmeticError) as error:
        raise InputError(
            [
                Problem(
                    path,
                    None,
                    f"cannot read the drafter's scores: {error}",
                    'expected {"drafter": "suggest 2", "split": "test", "precision": 0.8, '
                    '"recall": 0.7}',
                )
            ]
        ) from None
    return DrafterScore(drafter, split, precision, recall)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "unnamed"


def add_quality(graph: Graph, mint: Minter, release_id: str, quality: Quality) -> None:
    """The measurements of `quality` on the dataset (dqv:hasQualityMeasurement)."""
    graph.bind("dqv", DQV)
    dataset = mint.dataset()
    release = mint.release(release_id)
    sup = mint.term

    def measure(name: str, metric: str, value: Literal, label: str) -> URIRef:
        node = URIRef(f"{release}/quality/{name}")
        graph.add((dataset, DQV.hasQualityMeasurement, node))
        graph.add((node, RDF.type, DQV.QualityMeasurement))
        graph.add((node, DQV.isMeasurementOf, mint.concept("quality", metric)))
        graph.add((node, DQV.computedOn, release))
        graph.add((node, DQV.value, value))
        graph.add((node, RDFS.label, Literal(label, lang="en")))
        return node

    def count(value: int) -> Literal:
        return Literal(value, datatype=XSD.integer)

    def ratio(value: Decimal) -> Literal:
        return Literal(str(value), datatype=XSD.decimal)

    if quality.coverage is not None:
        measure(
            "candidate-coverage",
            "candidate-coverage",
            ratio(quality.coverage),
            "Candidate sentences accounted for (by claims or a curator's reason), of all",
        )
    measure(
        "candidate-sentences",
        "candidate-sentences",
        count(quality.candidates),
        "Candidate sentences: two known actors and a relation cue",
    )
    measure(
        "candidates-with-claims",
        "candidates-with-claims",
        count(quality.with_claims),
        "Candidate sentences with claims anchored in them",
    )
    measure(
        "candidates-with-reason",
        "candidates-with-reason",
        count(quality.with_reason),
        "Candidate sentences without claims, with a curator's reason",
    )
    measure(
        "claims-by-hand",
        "claims-by-hand",
        count(quality.by_hand),
        "Published claims written by a curator by hand",
    )
    for drafter, number in quality.drafted:
        node = measure(
            f"claims-drafted/{_slug(drafter)}",
            "claims-drafted",
            count(number),
            f"Published claims drafted by {drafter}, then confirmed by a curator",
        )
        graph.add((node, sup("drafter"), Literal(drafter)))
    score = quality.drafter_score
    if score is not None:
        for metric, value in (
            ("drafter-precision", score.precision),
            ("drafter-recall", score.recall),
        ):
            node = measure(
                f"{metric}/{_slug(score.drafter)}",
                metric,
                ratio(value),
                f"{metric.split('-')[1].capitalize()} of {score.drafter} on the {score.split} half "
                "of the evaluation set",
            )
            graph.add((node, sup("drafter"), Literal(score.drafter)))
            graph.add((node, sup("evaluationSplit"), Literal(score.split)))

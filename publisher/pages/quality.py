"""The quality page: the release's data-quality measurements (DQV, in the release graph and
void.ttl) and the coverage of each document's candidate sentences, read from the store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import NotRequired, TypedDict

from publisher.pages.common import Name, local, names, prefixes, rows
from publisher.store.interface import Store

DQV = "PREFIX dqv: <http://www.w3.org/ns/dqv#>\n"

MEASURES_QUERY = """{prefixes}{dqv}SELECT ?measurement ?metric ?value ?drafter ?split WHERE {{
  GRAPH ?g {{ ?dataset dqv:hasQualityMeasurement ?measurement .
    ?measurement dqv:isMeasurementOf ?metric ; dqv:value ?value .
    OPTIONAL {{ ?measurement sup:drafter ?drafter }}
    OPTIONAL {{ ?measurement sup:evaluationSplit ?split }} }}
}} ORDER BY ?metric ?drafter"""

DOCUMENTS_QUERY = """{prefixes}SELECT ?document (COUNT(DISTINCT ?sentence) AS ?candidates)
       (COUNT(DISTINCT ?claimed) AS ?withClaims) (COUNT(DISTINCT ?reasoned) AS ?withReason)
WHERE {{
  GRAPH ?g {{ ?sentence a sup:CandidateSentence ; nif:referenceContext/sup:textOf ?document .
    OPTIONAL {{ ?sentence sup:hasClaim ?claim BIND(?sentence AS ?claimed) }}
    OPTIONAL {{ ?sentence sup:coverageReason ?reason BIND(?sentence AS ?reasoned) }} }}
}} GROUP BY ?document ORDER BY ?document"""

REASONS_QUERY = """{prefixes}SELECT ?reason (COUNT(DISTINCT ?sentence) AS ?sentences) WHERE {{
  GRAPH ?g {{ ?sentence a sup:CandidateSentence ; sup:coverageReason ?reason }}
}} GROUP BY ?reason ORDER BY DESC(?sentences) ?reason"""


class _MeasureRow(TypedDict):
    measurement: str
    metric: str
    value: float | int
    drafter: NotRequired[str]
    split: NotRequired[str]


class _DocumentRow(TypedDict):
    document: str
    candidates: int
    withClaims: int
    withReason: int


class _ReasonRow(TypedDict):
    reason: str
    sentences: int


@dataclass
class Measure:
    iri: str
    metric: str  # the metric's id, e.g. candidate-coverage
    value: float | int
    drafter: str | None = None
    split: str | None = None


@dataclass
class DocumentCoverage:
    iri: str
    candidates: int
    with_claims: int
    with_reason: int

    @property
    def unaccounted(self) -> int:
        return self.candidates - self.with_claims - self.with_reason


@dataclass
class Quality:
    measures: list[Measure]
    documents: list[DocumentCoverage]
    reasons: dict[str, int]
    names: dict[str, Name]
    queries: dict[str, str] = field(default_factory=dict)

    def name(self, iri: str) -> Name:
        return self.names.get(iri, Name(iri))

    def value(self, metric: str) -> float | int | None:
        """The value of a metric measured once (coverage, counts)."""
        found = [m.value for m in self.measures if m.metric == metric]
        return found[0] if len(found) == 1 else None

    def by_drafter(self, metric: str) -> list[Measure]:
        return [m for m in self.measures if m.metric == metric]

    def as_json(self) -> dict[str, object]:
        """The page's data for clients (the JSON representation of /quality)."""
        return {
            "measurements": [asdict(m) for m in self.measures],
            "documents": [{**asdict(d), "unaccounted": d.unaccounted} for d in self.documents],
            "reasons": self.reasons,
        }


def quality(store: Store, base: str) -> Quality:
    """The release's quality measurements and each document's coverage."""
    pre = prefixes(base)
    queries = {
        "measurements": MEASURES_QUERY.format(prefixes=pre, dqv=DQV),
        "documents": DOCUMENTS_QUERY.format(prefixes=pre),
        "reasons": REASONS_QUERY.format(prefixes=pre),
    }
    measures = [
        Measure(r["measurement"], local(r["metric"]), r["value"], r.get("drafter"), r.get("split"))
        for r in rows(store, queries["measurements"], _MeasureRow)
    ]
    documents = [
        DocumentCoverage(r["document"], r["candidates"], r["withClaims"], r["withReason"])
        for r in rows(store, queries["documents"], _DocumentRow)
    ]
    reasons = {r["reason"]: r["sentences"] for r in rows(store, queries["reasons"], _ReasonRow)}
    iris = [d.iri for d in documents] + list(reasons)
    return Quality(measures, documents, reasons, names(store, base, iris), queries)

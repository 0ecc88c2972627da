"""The SHACL report read back: findings in a stable order, each with the input line its focus
node was made from, and the report as release data (validation.ttl)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from publisher.errors import Origin
from publisher.validate.origins import OriginIndex


@dataclass(frozen=True)
class Finding:
    """One SHACL result, with the input line the focus node was made from."""

    focus: str
    path: str | None
    message: str
    shape: str
    severity: str
    origin: Origin | None

    def __str__(self) -> str:
        where = f"{self.origin}: " if self.origin else ""
        path = f" {self.path}" if self.path else ""
        return f"{where}{self.focus}{path}: {self.message} [{self.shape}]"


@dataclass
class Validation:
    conforms: bool
    findings: list[Finding]
    report: Graph


def read_report(
    report: Graph, origins: OriginIndex | Callable[[], OriginIndex] | None = None
) -> Validation:
    """The findings of a SHACL report graph, in a stable order; it conforms without violations
    (warnings are allowed). `origins` may be given as the function that makes the index, which
    is then made only if there is a finding to place (a release's index is a fifth of a
    second at a million triples, and a release that conforms has no finding)."""
    findings = []
    results = list(_top_results(report))
    if results and callable(origins):
        origins = origins()
    for result in results:
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        shape = report.value(result, SH.sourceShape)
        severity = report.value(result, SH.resultSeverity)
        findings.append(
            Finding(
                focus=str(focus),
                path=str(path) if isinstance(path, URIRef) else None,
                message=str(message) if message is not None else "constraint violated",
                shape=str(shape)
                if isinstance(shape, URIRef)
                else str(report.value(result, SH.sourceConstraintComponent)),
                severity=str(severity).rsplit("#", 1)[-1],
                origin=origins.lookup(str(focus)) if isinstance(origins, OriginIndex) else None,
            )
        )
    # pyshacl can report one result twice (once per shape that reaches the node); keep one.
    findings = sorted(
        set(findings), key=lambda f: (str(f.origin or ""), f.focus, f.path or "", f.message)
    )
    # Anything but a warning or an info counts against conformance.
    violations = [f for f in findings if f.severity not in ("Warning", "Info")]
    return Validation(not violations, findings, report)


def _top_results(report: Graph) -> Iterator[Node]:
    """The report's own results, not the nested sh:detail results that explain them."""
    nested = set(report.objects(None, SH.detail))
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if result not in nested:
            yield result


def skolemised_report(validation: Validation, report_iri: str) -> Graph:
    """The SHACL report with minted IRIs instead of blank nodes, in a stable order, so the
    release stays byte-identical for the same input."""
    source = validation.report
    graph = Graph()
    graph.bind("sh", SH)
    report = URIRef(report_iri)
    graph.add((report, RDF.type, SH.ValidationReport))
    graph.add((report, SH.conforms, Literal(validation.conforms)))
    results = sorted(
        _top_results(source),
        key=lambda r: tuple(
            sorted(
                (str(p), str(o)) for p, o in source.predicate_objects(r) if not isinstance(o, BNode)
            )
        ),
    )
    for number, result in enumerate(results, start=1):
        node = URIRef(f"{report_iri}/result/{number}")
        graph.add((report, SH.result, node))
        for predicate, value in source.predicate_objects(result):
            if isinstance(value, BNode):
                value = Literal(f"(blank node: {predicate.n3().rsplit('#', 1)[-1]})")
            graph.add((node, predicate, value))
    return graph

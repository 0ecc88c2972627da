"""A second SHACL engine: rdf-validate-shacl (JavaScript) agrees with pyshacl on the release.

Both validate what the build validates: every graph of the release except the shapes, merged,
against the shapes graph. rdf-validate-shacl implements SHACL Core only; the SHACL-SPARQL parts
of our shapes (sh:sparql constraints, SPARQL targets) are taken out for it and listed, so those
checks are pyshacl's alone (the README's Tested clients names them). The deliberately broken copy
therefore breaks only Core constraints of shapes with Core targets, which both engines check.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, SH

from publisher.validate.shacl import validate_file
from tests.external.clients import run_js

pytestmark = pytest.mark.external

SUPPORTED_BY_ONE_ENGINE = {str(SH.sparql), str(SH.target)}
SPARQL_COMPONENT = str(SH.SPARQLConstraintComponent)


def pyshacl_results(server, dataset: Path) -> tuple[bool, Counter]:
    """pyshacl, through the project's own `publisher validate --release-file` path."""
    validation = validate_file(dataset, server.home / "shapes", server.base)
    report = validation.report
    results = Counter()
    # The report's own results only: pyshacl also types the sh:detail results nested under an
    # sh:node violation as sh:ValidationResult; rdf-validate-shacl does not report those.
    top = report.value(predicate=RDF.type, object=SH.ValidationReport)
    for result in report.objects(top, SH.result):
        path = report.value(result, SH.resultPath)
        results[
            (
                str(report.value(result, SH.focusNode)),
                str(path) if isinstance(path, URIRef) else None,
                str(report.value(result, SH.sourceConstraintComponent)),
            )
        ] += 1
    return validation.conforms, results


def js_results(server, dataset: Path) -> dict:
    answer = run_js("shacl.mjs", str(dataset), server.iri("graph/shapes"))
    assert answer["shapes"] > 500 and answer["data"] > 1000
    assert {u["property"] for u in answer["unsupported"]} <= SUPPORTED_BY_ONE_ENGINE
    answer["counted"] = Counter((r["focus"], r["path"], r["component"]) for r in answer["results"])
    return answer


def test_both_engines_find_the_release_conforms(server):
    dataset = server.release / "dataset.nq"
    conforms, results = pyshacl_results(server, dataset)
    answer = js_results(server, dataset)
    assert conforms is True and answer["conforms"] is True
    assert sum(results.values()) == len(answer["results"]) == 0


# Required triples to remove: (what, SPARQL that finds the triple on the release). Each breaks a
# Core constraint of a shape targeted by class: a claim without its polarity, an actor without its
# Arabic name, a position selector without its end, a document without its language.
BREAKAGES = {
    "claim polarity": """SELECT ?s ?p ?o WHERE {{
        ?s a <{base}def/Claim> ; ?p ?o . FILTER(?p = <{base}def/polarity>) }}
        ORDER BY DESC(?s) LIMIT 1""",
    "actor's Arabic name": """SELECT ?s ?p ?o WHERE {{
        ?s a <{base}def/Actor> ; ?p ?o .
        FILTER(?p = <http://www.w3.org/2000/01/rdf-schema#label> && LANG(?o) = "ar") }}
        ORDER BY DESC(?s) LIMIT 1""",
    "selector end": """SELECT ?s ?p ?o WHERE {{
        ?s a <http://www.w3.org/ns/oa#TextPositionSelector> ; ?p ?o .
        FILTER(?p = <http://www.w3.org/ns/oa#end>) }} ORDER BY ?s LIMIT 1""",
    "document language": """SELECT ?s ?p ?o WHERE {{
        ?s a <{base}def/Document> ; ?p ?o .
        FILTER(?p = <http://purl.org/dc/terms/language>) }} ORDER BY ?s LIMIT 1""",
}


@pytest.fixture(scope="module")
def broken(server, store, tmp_path_factory) -> tuple[Path, dict[str, tuple]]:
    """A copy of the release's dataset.nq without one required property per breakage (every
    triple with that subject and predicate: the store may not give back the file's exact
    literal, see the README on derived integer datatypes)."""
    removed = {}
    for what, query in BREAKAGES.items():
        rows = store.query(query.format(base=server.base)).rows
        assert rows, f"the release has no {what} to remove"
        removed[what] = (rows[0]["s"], rows[0]["p"])
    assert len({s for s, _ in removed.values()}) == len(removed), "one breakage per node"
    gone = set(removed.values())
    quads = list(ox.parse(path=str(server.release / "dataset.nq"), format=ox.RdfFormat.N_QUADS))
    kept = [quad for quad in quads if (quad.subject, quad.predicate) not in gone]
    assert len(quads) - len(kept) >= len(removed)
    path = tmp_path_factory.mktemp("broken") / "dataset.nq"
    path.write_bytes(ox.serialize(kept, format=ox.RdfFormat.N_QUADS))
    return path, removed


def test_both_engines_find_the_same_violations_on_a_broken_copy(server, broken):
    dataset, removed = broken
    conforms, results = pyshacl_results(server, dataset)
    answer = js_results(server, dataset)
    assert conforms is False and answer["conforms"] is False
    # Every breakage is seen, at the node it was made on or at the one owning it (a selector
    # is checked through its evidence, B id/claim/x/evidence/position through B id/claim/x/evidence).
    focus_nodes = {focus for focus, _, _ in results}
    for what, (subject, _) in removed.items():
        made_on = subject.value
        assert any(made_on == f or made_on.startswith(f + "/") for f in focus_nodes), (
            what,
            results,
        )
    assert SPARQL_COMPONENT not in {component for _, _, component in results}
    assert len(answer["results"]) == sum(results.values())
    assert answer["counted"] == results

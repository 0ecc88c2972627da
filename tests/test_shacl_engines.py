"""The build's SHACL engine (pyshacl-turbo) against the reference (pySHACL): the same verdict
and the same results, compared as (focus node, constraint component, path, severity), on the
release and on data broken on purpose. (tests/test_incremental_build.py also checks that the
build's units, on the build's engine, report what one pySHACL run over the whole graph
reports, with faults planted in every kind of graph.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SH

from publisher.cli import main
from publisher.validate.engines import ENGINES, PYSHACL, TURBO
from publisher.validate.shacl import run_shacl

from . import test_shapes
from .conftest import BASE

CLAIMS = "data/claims/iran-hamas-relations-ar-wikipedia.yaml"

Result = tuple[str, str, str, str]

# Broken on purpose, each in one way (the cases of test_shapes.py, which checks them on the
# reference engine with the shape they name).
BROKEN = [
    "actor-missing-arabic-label",  # a label missing
    "position-without-end",  # oa:end missing
    "quote-does-not-match-text",  # oa:exact changed
    "document-language-plain-string",  # a wrong datatype
    "build-time-not-datetime",  # a wrong datatype, in the release metadata
    "attribution-chain-gap",  # a SPARQL constraint
]

# Where the engines differ (`make engines` runs every case of test_shapes.py on both; 171 of
# 177 give the same results), always with the same verdict, and which follows the spec:
SH_ = "http://www.w3.org/ns/shacl#"
TIME = "http://www.w3.org/2006/time#"
VIOLATION = SH_ + "Violation"
# * SHACL 4.1.2: a literal ill-formed for its datatype fails sh:datatype; pySHACL lets
#   "199"^^xsd:gYear and "2006-13"^^xsd:gYearMonth through (the graph fails on other shapes).
# * SHACL 4.4.4: sh:lessThanOrEquals reports a pair "where the two values cannot be compared";
#   SPARQL's <= does not compare an xsd:date with an xsd:dateTime; pySHACL does not report it.
ONLY_TURBO: dict[str, set[Result]] = {
    "build-time-not-datetime": {
        (
            BASE + "id/build/0123abcd",
            SH_ + "LessThanOrEqualsConstraintComponent",
            "http://www.w3.org/ns/prov#startedAtTime",
            VIOLATION,
        )
    },
    "date-mention-ill-formed-begin-year": {
        (
            BASE + "id/text/fixture-report-ar/offset_155_171",
            SH_ + "DatatypeConstraintComponent",
            BASE + "def/beginYear",
            VIOLATION,
        )
    },
    "claim-time-not-conforming": {
        (
            BASE + "id/claim/fixture-iran-funds-groups/time",
            SH_ + "DatatypeConstraintComponent",
            TIME + "inXSDgYearMonth",
            VIOLATION,
        )
    },
    "instant-ill-formed-gyearmonth": {
        (
            BASE + "id/claim/fixture-iran-funds-groups/time",
            SH_ + "DatatypeConstraintComponent",
            TIME + "inXSDgYearMonth",
            VIOLATION,
        )
    },
}
# * A negative offset: the SPARQL constraints that compare a quote with SUBSTR of the text
#   report it on pySHACL (XPath's substring takes a start below 1) and not on pyshacl-turbo;
#   both report the offset itself (sh:minInclusive 0), so the graph fails on both.
ONLY_PYSHACL: dict[str, set[Result]] = {
    "span-negative-begin": {
        (
            BASE + "id/text/fixture-report-ar/offset_5_10",
            SH_ + "SPARQLConstraintComponent",
            "None",
            VIOLATION,
        )
    },
    "position-negative-start": {
        (
            BASE + "id/claim/fixture-iran-funds-groups/evidence",
            SH_ + "SPARQLConstraintComponent",
            "None",
            VIOLATION,
        )
    },
}


def results(report: Graph) -> set[Result]:
    """The report's own results (not the sh:detail results under them)."""
    nested = set(report.objects(None, SH.detail))
    return {
        (
            str(report.value(r, SH.focusNode)),
            str(report.value(r, SH.sourceConstraintComponent)),
            str(report.value(r, SH.resultPath)),
            str(report.value(r, SH.resultSeverity)),
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
        if r not in nested
    }


def both(data: Graph, shapes: Graph) -> dict[str, tuple[bool, set[Result]]]:
    found = {}
    for engine in ENGINES:
        conforms, report = run_shacl(data, shapes, engine=engine)
        found[engine] = (conforms, results(report))
    return found


@pytest.fixture(scope="module")
def fixture_data() -> Graph:
    data = Graph()
    data += test_shapes.parse_all(test_shapes.ONTOLOGY_FILES)
    data.parse(test_shapes.FIXTURE, format="turtle")
    return data


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return test_shapes.parse_all(test_shapes.SHAPE_FILES)


@pytest.mark.slow  # seconds on two engines; every case on both: make engines
def test_both_engines_pass_the_valid_fixture(fixture_data: Graph, shapes: Graph) -> None:
    found = both(fixture_data, shapes)
    assert found[TURBO] == found[PYSHACL] == (True, set())


def _compare(fixture_data: Graph, shapes: Graph, case: str) -> None:
    _, update, _, focus = next(c for c in test_shapes.CASES if c[0] == case)
    with test_shapes.broken(fixture_data, update) as data:
        found = both(data, shapes)
    (turbo_conforms, turbo), (reference_conforms, reference) = found[TURBO], found[PYSHACL]
    assert turbo_conforms == reference_conforms is False
    assert turbo - reference == ONLY_TURBO.get(case, set())
    assert reference - turbo == ONLY_PYSHACL.get(case, set())
    assert focus in {r[0] for r in turbo}


@pytest.mark.parametrize("case", BROKEN)
@pytest.mark.slow  # seconds on two engines; every case on both: make engines
def test_both_engines_report_the_same_on_broken_data(
    fixture_data: Graph, shapes: Graph, case: str
) -> None:
    _compare(fixture_data, shapes, case)


@pytest.mark.engines  # every case of test_shapes.py on both engines: about four minutes
@pytest.mark.parametrize("case", [c[0] for c in test_shapes.CASES])
def test_both_engines_on_every_broken_case(fixture_data: Graph, shapes: Graph, case: str) -> None:
    _compare(fixture_data, shapes, case)


@pytest.mark.engines  # pySHACL validates the whole release (20 to 40 s): `make engines`
def test_both_engines_pass_the_release(built_release: Path) -> None:
    dataset = Dataset()
    dataset.parse(built_release / "dataset.nq", format="nquads")
    data = Graph()
    for graph in dataset.graphs():
        if graph.identifier != URIRef(BASE + "graph/shapes"):
            data += graph
    found = both(data, test_shapes.parse_all(test_shapes.SHAPE_FILES))
    assert found[TURBO] == found[PYSHACL] == (True, set())


@pytest.mark.parametrize(
    "engine",
    # pySHACL: a whole validation of the release (20 to 40 s): with the others, `make engines`
    [TURBO, pytest.param(PYSHACL, marks=pytest.mark.engines)],
)
@pytest.mark.slow  # seconds on two engines; every case on both: make engines
def test_validate_names_the_mapping_line_on_either_engine(
    built_home: Path, tmp_path: Path, capsys, engine: str
) -> None:
    """`publisher validate --shacl-engine E` reports what only the shapes catch (a negative
    amount) with the mapping file and line the focus node came from."""
    project = tmp_path / "project"
    shutil.copytree(built_home, project, symlinks=True)
    path = project / CLAIMS
    text = path.read_text(encoding="utf-8")
    anchor = "amount: {value: 100000000"
    claim_start = text[: text.index(anchor)].rfind("  - id: ")
    line = text[:claim_start].count("\n") + 1
    claim_id = text[claim_start:].split("\n", 1)[0].split("id:")[1].strip()
    path.write_text(text.replace(anchor, "amount: {value: -100000000", 1), encoding="utf-8")
    assert main(["validate", "--home", str(project), "--shacl-engine", engine]) == 3
    err = capsys.readouterr().err
    assert re.search(rf"{CLAIMS}:{line}: \S*/id/claim/{claim_id}/amount \S*schema.org/value: ", err)

"""The one call to a SHACL engine, with the options every validation here uses: SHACL Core and
SPARQL constraints, no inference, no owl:imports.

Two engines give the same results on this project's shapes (tests/test_shacl_engines.py
compares them on the release and on data broken on purpose): pyshacl-turbo, a compiled engine
with pySHACL's API, which the build uses because it is an order of magnitude faster, and
pySHACL, the reference, which the SHACL_ENGINE setting (or `--shacl-engine pyshacl`) selects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph, URIRef

from publisher.corpus.inputs import read_turtle_folder
from publisher.validate.engines import DEFAULT_ENGINE, TURBO, check_engine
from publisher.validate.origins import OriginIndex
from publisher.validate.report import Validation, read_report


def run_shacl(
    data: Graph, shapes: Graph, *, inplace: bool = False, engine: str = DEFAULT_ENGINE
) -> tuple[bool, Graph]:
    """The engine's verdict and report graph for `data` against `shapes`."""
    validate_with: Any
    if check_engine(engine) == TURBO:
        import pyshacl_turbo

        validate_with = pyshacl_turbo.validate
        # It reads the graph into a store of its own, so a copy is never made; in place would
        # only write the (unchanged) data back.
        inplace = False
    else:
        import pyshacl

        validate_with = pyshacl.validate
    conforms, report, _ = validate_with(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        do_owl_imports=False,
        inplace=inplace,
    )
    if not isinstance(report, Graph):
        # pyshacl-turbo answers a failure to run (not a failure to conform) with an exception
        # object in place of the report.
        raise RuntimeError(f"{engine} could not validate: {report}")
    return bool(conforms), report


def validate(
    data: Graph,
    shapes: Graph,
    origins: OriginIndex | None = None,
    *,
    engine: str = DEFAULT_ENGINE,
) -> Validation:
    """Validate `data` against `shapes` (SHACL Core and SPARQL, no inference, no imports)."""
    conforms, report = run_shacl(data, shapes, engine=engine)
    validation = read_report(report, origins)
    # The engine's own verdict can only make it stricter: never pass what the engine failed.
    validation.conforms = validation.conforms and bool(conforms)
    return validation


def validate_file(
    path: Path, shapes_dir: Path, base: str, *, engine: str = DEFAULT_ENGINE
) -> Validation:
    """Validate a dataset file (N-Quads or TriG) against the shapes in `shapes_dir`."""
    dataset = Dataset()
    dataset.parse(Path(path), format="trig" if str(path).endswith(".trig") else "nquads")
    shapes_graph = URIRef(base + "graph/shapes")
    data = Graph()
    for graph in dataset.graphs():
        if graph.identifier != shapes_graph:
            data += graph
    return validate(data, read_turtle_folder(Path(shapes_dir), base), engine=engine)

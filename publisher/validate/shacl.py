"""The one call to the SHACL engine (pyshacl, the validator of record), with the options every
validation here uses: SHACL Core and SPARQL constraints, no inference, no owl:imports."""

from __future__ import annotations

from pathlib import Path

import pyshacl
from rdflib import Dataset, Graph, URIRef

from publisher.corpus.inputs import read_turtle_folder
from publisher.validate.origins import OriginIndex
from publisher.validate.report import Validation, read_report


def run_shacl(data: Graph, shapes: Graph, *, inplace: bool = False) -> tuple[bool, Graph]:
    """pyshacl's verdict and report graph for `data` against `shapes`."""
    conforms, report, _ = pyshacl.validate(
        data,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        do_owl_imports=False,
        inplace=inplace,
    )
    return bool(conforms), report


def validate(data: Graph, shapes: Graph, origins: OriginIndex | None = None) -> Validation:
    """Validate `data` against `shapes` (SHACL Core and SPARQL, no inference, no imports)."""
    conforms, report = run_shacl(data, shapes)
    validation = read_report(report, origins)
    # pyshacl's own verdict can only make it stricter: never pass what pyshacl failed.
    validation.conforms = validation.conforms and bool(conforms)
    return validation


def validate_file(path: Path, shapes_dir: Path, base: str) -> Validation:
    """Validate a dataset file (N-Quads or TriG) against the shapes in `shapes_dir`."""
    dataset = Dataset()
    dataset.parse(Path(path), format="trig" if str(path).endswith(".trig") else "nquads")
    shapes_graph = URIRef(base + "graph/shapes")
    data = Graph()
    for graph in dataset.graphs():
        if graph.identifier != shapes_graph:
            data += graph
    return validate(data, read_turtle_folder(Path(shapes_dir), base))

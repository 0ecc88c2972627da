"""Reading the ontology and shapes sources, rebased onto the configured base IRI."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.plugins.parsers.notation3 import BadSyntax

from publisher.errors import InputError, Problem
from publisher.rdf.terms import canonical_graph
from publisher.settings import DEFAULT_BASE


def read_turtle_folder(folder: Path, base: str) -> Graph:
    """All Turtle files of a folder as one graph; the default base in them becomes `base`.

    The source files are written with the default base so that they stay readable on their
    own; replacing it textually also rebases IRIs inside literals (sh:namespace, SPARQL).
    """
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        text = path.read_text(encoding="utf-8")
        if base != DEFAULT_BASE:
            text = text.replace(DEFAULT_BASE, base)
        try:
            graph.parse(data=text, format="turtle", publicID=path.resolve().as_uri())
        except BadSyntax as error:
            # rdflib's message: "at line N of <>:", then "Bad syntax (why) at ^ in:", then text
            lines = str(error).splitlines()
            why = lines[1].split(" at ^ in:")[0] if len(lines) > 1 else str(error)
            raise InputError([Problem(path, error.lines + 1, f"Turtle syntax: {why}")]) from None
    # Blank nodes (SHACL and OWL lists) get labels derived from the graph's structure rather
    # than random ones, so that the same input gives a byte-identical release.
    return canonical_graph(graph)


def input_files(home: Path) -> list[Path]:
    """Every file a release is made from, in a stable order (for its id and its PROV)."""
    files = [home / "data" / "documents.yaml"]
    for pattern in (
        "data/*.yaml",
        "data/claims/*.yaml",
        "data/lexicon/*.yaml",
        "data/documents/*",
        "ontology/*.ttl",
        "shapes/*.ttl",
        "evaluation/drafting/scores.json",
    ):
        files += sorted(home.glob(pattern))
    unique: dict[Path, None] = dict.fromkeys(files)
    return [path for path in unique if path.is_file()]

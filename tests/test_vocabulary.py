"""The concepts the mapping may name, read from the ontology's SKOS schemes."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from publisher.corpus.vocabulary import SCHEMES, read_vocabulary
from publisher.errors import InputError
from publisher.settings import DEFAULT_BASE

ROOT = Path(__file__).resolve().parent.parent


def test_every_scheme_has_the_concepts_the_ontology_gives_it() -> None:
    vocabulary = read_vocabulary(ROOT / "ontology")
    graph = Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        graph.parse(path, format="turtle")
    for name, scheme in SCHEMES.items():
        rows = graph.query(
            "SELECT ?c WHERE { ?c <http://www.w3.org/2004/02/skos/core#inScheme> ?s }",
            initBindings={"s": URIRef(DEFAULT_BASE + scheme)},
        )
        expected = {str(row[0]).rsplit("/", 1)[-1] for row in rows}  # type: ignore[index]
        assert expected and vocabulary.concepts[name] == expected, name
    assert vocabulary.knows("relation", "weapons-supply")
    assert not vocabulary.knows("relation", "heading")  # a coverage reason


def test_a_broken_ontology_file_is_named_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text(
        '@prefix x: <http://example.org/> .\nx:a x:b x:c .\nx:a x:b "unterminated .\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as raised:
        read_vocabulary(tmp_path)
    (problem,) = raised.value.problems
    assert Path(problem.path).name == "a.ttl" and problem.line == 3
    assert "Turtle syntax" in problem.message

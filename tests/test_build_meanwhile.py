"""The build reads ontology/ and shapes/ in a forked process while it loads the corpus
(publisher/build/pipeline.py): what that process leaves in the cache is what the build makes
itself, and a build that stops on bad input leaves no such process behind."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from publisher.build.cache import Cache
from publisher.build.pipeline import (
    _read_turtle_folders_meanwhile,
    build_graph,
    turtle_folder_part,
)
from publisher.errors import InputError
from publisher.rdf.iris import Minter

from .conftest import BASE


@pytest.mark.slow  # reads the shapes twice (blank nodes canonicalised)
def test_the_parts_read_meanwhile_are_the_parts(project: Path, tmp_path: Path) -> None:
    mint = Minter(BASE)
    meanwhile = Cache(tmp_path / "meanwhile")
    reading = _read_turtle_folders_meanwhile(project, mint, meanwhile, workers=2)
    assert reading is not None
    reading.join()
    assert reading.exitcode == 0
    here = Cache(tmp_path / "here")
    for name in ("ontology", "shapes"):
        made = turtle_folder_part(project, name, mint, here)
        kept = turtle_folder_part(project, name, mint, meanwhile)
        assert kept == made and made.triples > 100
    # Already in the cache, or one core: nothing is started.
    assert _read_turtle_folders_meanwhile(project, mint, meanwhile, workers=2) is None
    assert _read_turtle_folders_meanwhile(project, mint, Cache(tmp_path / "one"), 1) is None


def test_a_build_stopped_by_bad_input_leaves_no_process(project: Path) -> None:
    documents = project / "data" / "documents.yaml"
    documents.write_text(documents.read_text(encoding="utf-8") + "  - [\n", encoding="utf-8")
    with pytest.raises(InputError):
        build_graph(project, BASE, workers=2)
    assert multiprocessing.active_children() == []

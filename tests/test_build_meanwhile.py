"""The build reads ontology/ and shapes/ in a forked process while it loads the corpus, and
validates in a forked process while it drafts the dumps (publisher/build/pipeline.py): what
those processes leave in the cache or send back is what the build makes itself, a process that
fails only costs time, and a build that stops leaves no such process behind."""

from __future__ import annotations

import multiprocessing
from functools import partial
from pathlib import Path

import pytest

from publisher.build import pool
from publisher.build.cache import Cache
from publisher.build.pipeline import (
    _read_turtle_folders_meanwhile,
    build_graph,
    turtle_folder_part,
)
from publisher.errors import InputError
from publisher.rdf.iris import Minter

from .conftest import BASE


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


def _double(value: int) -> int:
    return value * 2


def _fail(message: str) -> int:
    raise RuntimeError(message)


def _die() -> int:
    import os

    os._exit(9)


def test_a_task_in_parallel_sends_its_result_or_none(capfd: pytest.CaptureFixture[str]) -> None:
    assert pool.in_parallel(partial(_double, 21)).result() == 42
    assert pool.in_parallel(partial(_fail, "broken")).result() is None  # the caller does it
    assert pool.in_parallel(_die).result() is None
    assert multiprocessing.active_children() == []
    assert "Traceback" not in capfd.readouterr().err  # the caller reports what failed, once


@pytest.mark.long  # two whole builds
def test_the_validation_in_parallel_is_the_validation(project: Path) -> None:
    """The same findings whether SHACL runs beside the work done meanwhile or after it, and the
    entries it used are kept in the cache for the next build."""
    claims = next(
        path
        for path in sorted((project / "data" / "claims").glob("*.yaml"))
        if "amount: {value: 100000000" in path.read_text(encoding="utf-8")
    )
    text = claims.read_text(encoding="utf-8")  # a negative amount: only the shapes catch it
    claims.write_text(
        text.replace("amount: {value: 100000000", "amount: {value: -100000000"), encoding="utf-8"
    )
    seen: list[int] = []
    beside = build_graph(project, BASE, workers=2, meanwhile=lambda parts: seen.append(len(parts)))
    assert seen and seen[0] > 5
    kept = project / ".cache" / "build" / "validation"
    assert len(list(kept.iterdir())) >= len(beside.corpus.documents)
    after = build_graph(project, BASE, workers=1, cache=False)
    assert not beside.validation.conforms and beside.validation.findings
    assert [str(f) for f in beside.validation.findings] == [
        str(f) for f in after.validation.findings
    ]


@pytest.mark.long  # a whole build up to its validation
def test_work_that_fails_meanwhile_leaves_no_validation_running(project: Path) -> None:
    def failing(parts: object) -> None:
        raise RuntimeError("meanwhile")

    with pytest.raises(RuntimeError, match="meanwhile"):
        build_graph(project, BASE, workers=2, meanwhile=failing)
    assert multiprocessing.active_children() == []

"""The session's release and the kept build cache when two processes want them at once
(tests/sessionbuild.py): `make test` runs two pytest workers, and two `make check` may run in
one checkout. Real processes, real files: the release is built once and found whole by both,
and the kept cache is always one writer's whole cache, never a mix or a half."""

from __future__ import annotations

import multiprocessing
import time
from pathlib import Path

import pytest

from tests import sessionbuild

FILES = 40  # entries in a fake cache: enough that a copy takes a while


def _fake_build(home: Path) -> None:
    """A slow build that counts how often it ran, beside the shared folder."""
    count = home.parent / "builds"
    with sessionbuild.locked(home.parent / "count.lock"):
        count.write_text(str(int(count.read_text()) + 1 if count.exists() else 1))
    home.mkdir(parents=True)
    for number in range(FILES):
        time.sleep(0.005)
        (home / f"part-{number}").write_text(f"part {number}")


def _ask_for_release(shared: str, answers: str, name: str) -> None:
    home = sessionbuild.build_once(Path(shared), _fake_build)
    (Path(answers) / name).write_text(str(len(list(home.iterdir()))))


def _take_turns_with_the_cache(kept: str, work: str, writer: str, rounds: int) -> None:
    """As a session does: under the lock, the kept cache restored (and checked whole), then
    this writer's own cache kept in its place."""
    kept_path, mine = Path(kept), Path(work) / writer
    for turn in range(rounds):
        restored = mine / f"restored-{turn}"
        with sessionbuild.locked(kept_path.with_name("build.lock")):
            sessionbuild.restore_cache(kept_path, restored)
            if restored.exists():
                writers = {p.read_text().split()[0] for p in restored.iterdir()}
                assert len(writers) == 1 and len(list(restored.iterdir())) == FILES, writers
            cache = mine / f"cache-{turn}"
            cache.mkdir(parents=True)
            for number in range(FILES):
                (cache / f"entry-{number}").write_text(f"{writer} {turn} {number}")
            sessionbuild.keep_cache(cache, kept_path)


def _run_together(target, argument_lists) -> None:
    context = multiprocessing.get_context("spawn")  # the workers run threads: no fork
    processes = [context.Process(target=target, args=args) for args in argument_lists]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=60)
    assert [p.exitcode for p in processes] == [0] * len(processes)


def test_two_workers_asking_at_once_get_one_build_both_whole(tmp_path: Path):
    shared, answers = tmp_path / "run", tmp_path / "answers"
    answers.mkdir()
    _run_together(_ask_for_release, [(str(shared), str(answers), f"gw{n}") for n in range(2)])
    assert (shared / "builds").read_text() == "1"
    assert sorted(p.read_text() for p in answers.iterdir()) == [str(FILES)] * 2


def test_a_failed_build_leaves_nothing_and_the_next_asker_builds(tmp_path: Path):
    def failing(home: Path) -> None:
        home.mkdir(parents=True)
        (home / "half").write_text("half a release")
        raise RuntimeError("the build failed")

    shared = tmp_path / "run"
    with pytest.raises(RuntimeError, match="the build failed"):
        sessionbuild.build_once(shared, failing)
    assert not (shared / "project").exists() and not (shared / sessionbuild.DONE).exists()
    home = sessionbuild.build_once(shared, _fake_build)
    assert len(list(home.iterdir())) == FILES


def test_two_writers_keep_the_cache_whole(tmp_path: Path):
    kept, work = tmp_path / "pytest-cache" / "build", tmp_path / "work"
    kept.parent.mkdir()
    rounds = 6
    _run_together(
        _take_turns_with_the_cache, [(str(kept), str(work), w, rounds) for w in ("a", "b")]
    )
    entries = sorted(kept.iterdir())
    assert len(entries) == FILES
    assert len({p.read_text().split()[0] for p in entries}) == 1
    # nothing left beside it: the copies renamed in or aside are gone
    assert sorted(p.name for p in kept.parent.iterdir()) == ["build", "build.lock"]

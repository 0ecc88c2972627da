"""The session's release built once per run, whichever of the run's processes asks first
(`make test` runs the tests in two pytest-xdist workers), and the build cache that
`--reuse-build-cache` keeps between runs, safe when two runs keep it at the same time.

Both are guarded by a lock file (an exclusive `flock`, released by the kernel if its holder
dies): the first worker builds while the other waits, then finds the release done. The kept
cache is replaced by renames, so that a run killed half-way leaves the old cache whole, or none
(the next build is then cold, which is only slower).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

DONE = "built.done"  # written once the shared home is complete


@contextmanager
def locked(lock: Path) -> Iterator[None]:
    """Holds an exclusive lock on the file `lock` (created when missing) for the block."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_folder(basetemp: Path) -> Path:
    """The temporary folder the whole run shares: the parent of a worker's own (xdist names
    workers `gw0`, `gw1`, ...), else the run's own."""
    return basetemp.parent if os.environ.get("PYTEST_XDIST_WORKER") else basetemp


def build_once(shared: Path, build: Callable[[Path], None]) -> Path:
    """`shared / "project"`, made by `build` the first time any process of the run asks for
    it; the others wait for it to be done. A failed build leaves nothing behind, so the next
    process to ask tries again (and fails the same way)."""
    home = shared / "project"
    with locked(shared / "built.lock"):
        if not (shared / DONE).exists():
            shutil.rmtree(home, ignore_errors=True)
            try:
                build(home)
            except BaseException:
                shutil.rmtree(home, ignore_errors=True)
                raise
            (shared / DONE).touch()
    return home


def restore_cache(kept: Path, target: Path) -> None:
    """Copies the kept build cache, if there is one, to `target`. Call under `locked`."""
    if kept.is_dir():
        shutil.copytree(kept, target, dirs_exist_ok=True)


def keep_cache(source: Path, kept: Path) -> None:
    """Makes `kept` a copy of the cache folder `source`: copied beside it under a name of its
    own, then renamed into place, the old copy renamed aside first and removed last; copies
    left by a run killed half-way are removed. Call under `locked`."""
    for stale in kept.parent.glob(f".{kept.name}.*"):
        shutil.rmtree(stale, ignore_errors=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{kept.name}.new.", dir=kept.parent))
    shutil.copytree(source, fresh, dirs_exist_ok=True)
    aside = None
    if kept.exists():
        aside = Path(tempfile.mkdtemp(prefix=f".{kept.name}.old.", dir=kept.parent))
        os.rename(kept, aside / kept.name)
    os.rename(fresh, kept)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)

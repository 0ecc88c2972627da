"""Running the build's units in worker processes, one per core.

Workers are forked, so they start with the parent's corpus, shapes and context already in
memory (set with `share` before `run`); tasks and results are small (keys and cache paths,
not graphs). Small jobs run in the parent: forking costs more than it saves there.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, Generic, TypeVar

_SHARED: dict[str, object] = {}

Item = TypeVar("Item")
Result = TypeVar("Result")


def share(**values: object) -> None:
    """Make values available to tasks, in this process and in the workers forked next."""
    _SHARED.clear()
    _SHARED.update(values)


def shared(name: str) -> Any:
    """A value given to `share`. Only the code that shared it knows its type, so it is Any
    here (the tasks annotate what they keep in a variable)."""
    return _SHARED[name]


def default_workers() -> int:
    return max(1, min(len(os.sched_getaffinity(0)), 8))


def run(
    task: Callable[[Item], Result],
    items: Sequence[Item],
    workers: int | None = None,
    min_items: int = 2,
) -> list[Result]:
    """`task(item)` for every item, in order; in `workers` forked processes when there are at
    least `min_items` items (below that, forking costs more than it saves)."""
    workers = default_workers() if workers is None else max(1, workers)
    if workers == 1 or len(items) < min_items:
        return [task(item) for item in items]
    context = multiprocessing.get_context("fork")
    # The workers inherit the corpus and everything read so far: frozen, it is left out of
    # their garbage collections, which otherwise walk it again and again (and write to its
    # pages, copying them).
    gc.freeze()
    try:
        with context.Pool(min(workers, len(items))) as pool:
            return pool.map(task, items, chunksize=1)
    finally:
        gc.unfreeze()


def in_background(task: Callable[..., object], *args: object) -> multiprocessing.Process:
    """`task(*args)` started in a forked process, for work whose result it leaves in the
    cache: what it does not leave there (it failed, it was stopped), the caller makes itself,
    so the task only saves time. The caller joins it, or terminates it when it gives up."""
    process = multiprocessing.get_context("fork").Process(
        target=_quietly, args=(task, *args), daemon=True
    )
    process.start()
    return process  # type: ignore[return-value]  # a fork context's Process is one


class Pending(Generic[Result]):
    """A task running in a forked process (`in_parallel`), its result sent back when done."""

    def __init__(self, task: Callable[[], Result]) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        # Not a daemon: the task may start workers of its own (`run`).
        self._process = context.Process(target=_quietly, args=(_send, sender, task))
        self._process.start()
        sender.close()

    def result(self) -> Result | None:
        """The task's result, or None when the process gave none (the task raised, or the
        process was killed): the caller then does the work itself."""
        try:
            found: Result | None = self._receiver.recv()
        except (EOFError, OSError):
            found = None
        self._process.join()
        self._receiver.close()
        return found if self._process.exitcode == 0 else None

    def cancel(self) -> None:
        """Stop the task (the caller gave up on its result); nothing if it has ended."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()


def in_parallel(task: Callable[[], Result]) -> Pending[Result]:
    """`task()` started in a forked process, so that this one can do other work meanwhile;
    `.result()` waits for what it returns (sent back pickled: keep it small)."""
    return Pending(task)


def _send(sender: Connection, task: Callable[[], object]) -> None:
    try:
        sender.send(task())
    finally:
        sender.close()


def _quietly(task: Callable[..., object], *args: object) -> None:
    """`task(*args)` in a forked process whose failure the caller makes up for: its error is
    the caller's to report (once), not a traceback of this process."""
    try:
        task(*args)
    except Exception:
        sys.exit(1)

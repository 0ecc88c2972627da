"""Running the build's units in worker processes, one per core.

Workers are forked, so they start with the parent's corpus, shapes and context already in
memory (set with `share` before `run`); tasks and results are small (keys and cache paths,
not graphs). Small jobs run in the parent: forking costs more than it saves there.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

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
    process = multiprocessing.get_context("fork").Process(target=task, args=args, daemon=True)
    process.start()
    return process  # type: ignore[return-value]  # a fork context's Process is one

"""gunicorn's threaded worker, leaving new connections to the workers with a free thread.

gunicorn's `gthread` workers all wait on the one listening socket and take every connection
they are woken for, whether or not a thread of theirs is free; a burst of new connections
(a load balancer opening its pool, a load test) often lands on one worker, whose threads then
serve them all on one core while the other workers idle. Measured with two workers of one
thread and 16 connections from wrk: 16 and 0 connections (or 15 and 1) in 17 of 38 runs, and
half the requests per second (benchmarks/README.md). This worker stops listening while its
threads are all busy (for a few milliseconds at a time), so that the workers with a free thread take the next
connections, as gunicorn's `sync` workers do; the connections it holds are served as before.
"""

from __future__ import annotations

import time
from typing import Any

from gunicorn.workers.gthread import ThreadWorker  # type: ignore[import-untyped]

# How long a worker whose threads are all busy leaves new connections to the others, per
# connection per thread it holds (at least one): a worker waiting for work takes one within
# microseconds; when every worker is busy, the one holding fewest connections listens again
# first (a flat wait let a worker that held more, whose loop turns more often, take them all:
# 15 of 16 connections), and none waits longer than LONGEST in the listening queue.
HOLD = 0.005
LONGEST = 0.1


class BalancedThreadWorker(ThreadWorker):  # type: ignore[misc]  # gunicorn has no types
    """`gthread`, leaving new connections to other workers while its own threads are busy."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.running = 0  # requests given to the thread pool and not yet finished
        self.busy_since = 0.0  # when the last thread became busy

    # These three run on the worker's main thread only (gunicorn's event loop and the
    # callbacks it queues there), so the count needs no lock.

    def enqueue_req(self, conn: Any) -> None:
        self.running += 1
        super().enqueue_req(conn)
        # (`_accepting`: whether the loop listens now; gunicorn versions without it never stop.)
        if self.running >= self.cfg.threads and getattr(self, "_accepting", False):
            self.busy_since = time.monotonic()
            self.set_accept_enabled(False)

    def finish_request(self, *args: Any) -> None:
        self.running -= 1  # before the base class, which may give the connection a thread again
        super().finish_request(*args)

    def set_accept_enabled(self, enabled: bool) -> None:
        # The event loop asks for accepting again on every turn (gunicorn versions whose loop
        # has this method; older ones never call it): granted once a thread is free, or after
        # the hold above, so that while every worker is busy new connections still come in.
        if enabled and self.running >= self.cfg.threads:
            held = getattr(self, "nr_conns", 0) / self.cfg.threads
            enabled = time.monotonic() - self.busy_since >= min(HOLD * max(held, 1), LONGEST)
        super().set_accept_enabled(enabled)

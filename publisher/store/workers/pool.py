"""The server's side of the query workers: a pool that hands each query to an idle worker,
kills it at the query's deadline, and reads its answer."""

from __future__ import annotations

import contextlib
import logging
import os
import select
import signal
import socket
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph

from publisher.store.errors import (
    AnswerTooLarge,
    QueryError,
    QueryOutOfMemory,
    QueryOverloaded,
    QueryRefused,
    QuerySyntaxError,
    QueryTimeout,
    QueryTooHeavy,
    StoreFailure,
)
from publisher.store.results import Cut, QueryResult
from publisher.store.workers.framing import Meta, Request, receive, send
from publisher.store.workers.zygote import Zygote, ZygoteGone

log = logging.getLogger(__name__)


class WorkerPool:
    """Up to `size` query workers forked from the process that holds `store`; given the
    store's `folder` (ondisk.py), each worker opens it read-only instead."""

    def __init__(
        self,
        store: pyoxigraph.Store,
        *,
        size: int,
        memory_mb: int | None = None,
        sandbox: bool = True,
        folder: Path | None = None,
    ) -> None:
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.size = size
        self.owner = os.getpid()
        self._store, self._memory_mb, self._sandbox = store, memory_mb, sandbox
        self._folder = folder
        self._cond = threading.Condition()
        self._idle: list[Worker] = []
        self._live = 0
        self._zygotes = [Zygote.start(store, memory_mb, sandbox=sandbox, folder=folder)]
        self._finalizer = weakref.finalize(self, _close, self._zygotes, self._idle)

    @property
    def _zygote(self) -> Zygote:
        return self._zygotes[-1]

    def run(self, request: Request, timeout: float) -> QueryResult:
        """The answer to `request`, or QueryTimeout once `timeout` seconds have passed.

        The first message is awaited here, so that an error is raised before any answer
        starts; the rest of a long answer comes as the caller reads `QueryResult.chunks`,
        within the same deadline, and the worker is held until then."""
        deadline = time.monotonic() + timeout
        for _attempt in range(3):
            worker = self._acquire(deadline)
            try:
                worker.send(request, deadline)
            except OSError:
                self._discard(worker)  # it had died while idle: try another one
                continue
            meta, payload = self._receive(worker, deadline)
            if meta.get("last"):
                self._finish(worker, meta)
            result = decode(meta, payload)
            if not meta.get("last"):
                result.chunks = self._rest(worker, payload, deadline, result)
            return result
        raise QueryTooHeavy("the query workers keep failing; try again shortly")

    def close(self) -> None:
        """Stop the zygote and every worker (also done when the pool is garbage-collected)."""
        self._finalizer()

    def _receive(self, worker: Worker, deadline: float) -> tuple[Meta, bytes]:
        """The worker's next message; a worker past the deadline or dead is discarded."""
        try:
            return worker.receive(deadline)
        except TimeoutError:
            self._zygote.kill(worker.pid)
            self._discard(worker, reaped=True)
            raise QueryTimeout(
                "the query ran past the time limit of this service and was stopped; "
                "narrow it down, or add a LIMIT"
            ) from None
        except (OSError, EOFError, ValueError):
            status = self._zygote.kill(worker.pid)  # dead already: this collects its status
            said = worker.last_words()
            self._discard(worker, reaped=True)
            raise death(status, said) from None

    def _finish(self, worker: Worker, meta: Meta) -> None:
        if meta.get("retiring"):
            self._discard(worker)
        else:
            self._release(worker)

    def _rest(
        self, worker: Worker, first: bytes, deadline: float, result: QueryResult
    ) -> Iterator[bytes]:
        """The chunks of a streamed answer; a reader that stops early (a client gone) leaves
        the worker mid-answer, so it is killed rather than reused."""
        done = False
        try:
            yield first
            while True:
                meta, payload = self._receive(worker, deadline)
                if meta.get("last"):
                    done = True
                    self._finish(worker, meta)
                    if meta["kind"] != "chunk":
                        decode(meta, payload)  # the error that ended the answer: raised
                    cut = meta.get("cut")
                    result.cut = Cut(cut["reason"], cut["limit"]) if cut else None
                    if payload:
                        yield payload
                    return
                yield payload
        except QueryError:
            done = True  # the worker was already discarded or finished
            raise
        finally:
            if not done:
                self._discard(worker)

    def _acquire(self, deadline: float) -> Worker:
        with self._cond:
            while True:
                while self._idle:
                    worker = self._idle.pop()
                    if worker.alive():
                        return worker
                    self._live -= 1
                    self._zygote.kill(worker.pid)
                    worker.close()
                if self._live < self.size:
                    self._live += 1
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise QueryOverloaded(
                        f"all {self.size} query workers stayed busy until the time limit; "
                        "try again shortly"
                    )
                self._cond.wait(remaining)
        try:
            return self._spawn()
        except BaseException:
            with self._cond:
                self._live -= 1
                self._cond.notify()
            raise

    def _spawn(self) -> Worker:
        zygote = self._zygote
        try:
            return Worker(*zygote.spawn())
        except ZygoteGone:
            pass
        # Killed from outside (the OOM killer, an operator): start another one, once.
        with self._cond:
            if self._zygote is zygote:
                log.warning("the query worker zygote %d has gone; starting another", zygote.pid)
                zygote.close()
                self._zygotes[:] = [
                    Zygote.start(
                        self._store, self._memory_mb, sandbox=self._sandbox, folder=self._folder
                    )
                ]
        try:
            return Worker(*self._zygote.spawn())
        except ZygoteGone:
            raise QueryTooHeavy("no query worker could be started; try again shortly") from None

    def _release(self, worker: Worker) -> None:
        with self._cond:
            self._idle.append(worker)
            self._cond.notify()

    def _discard(self, worker: Worker, *, reaped: bool = False) -> None:
        if not reaped:
            self._zygote.kill(worker.pid)
        worker.close()
        with self._cond:
            self._live -= 1
            self._cond.notify()


def _close(zygotes: list[Zygote], idle: list[Worker]) -> None:
    for worker in idle:
        worker.close()
    for zygote in zygotes:
        zygote.close()


def death(status: int | None, said: bytes = b"") -> QueryError:
    """The error for a worker that died on its own while evaluating a query, told by how it
    ended and what it wrote on stderr: a store panic (a bug in the store, reported as such),
    memory, or the evaluator's stack."""
    text = said.decode("utf-8", "replace")
    if "panicked at" in text:
        message = " ".join(text.split("panicked at", 1)[1].split())[:300]
        log.error("the store panicked on a query (a store bug): %s", message)
        return StoreFailure(
            "the store failed on this query because of a bug in the store (it panicked: "
            f"{message.split(':', 2)[-1].strip()}); this is logged for the operator, and "
            "retrying will not help; try another formulation of the query"
        )
    if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGSEGV:
        return QueryRefused(
            "the query is too complex to evaluate (the evaluator ran out of stack); "
            "simplify its nesting or its chains of operators"
        )
    # Rust says "memory allocation of N bytes failed", Python MemoryError, and RocksDB (C++)
    # throws std::bad_alloc, which aborts the worker: all three are the worker's memory ceiling.
    if (
        any(sign in text for sign in ("memory", "MemoryError", "std::bad_alloc"))
        or not text.strip()
    ):
        return QueryOutOfMemory(
            "the query needed more memory than a query may use and was stopped; "
            "narrow it down or add a LIMIT"
        )
    log.error("a query worker died unexpectedly (status %s): %s", status, text.strip()[:500])
    return StoreFailure("the query worker died unexpectedly; this is logged for the operator")


def decode(meta: Meta, payload: bytes) -> QueryResult:
    """A QueryResult from a worker's answer (or the error it reports)."""
    try:
        return _decode(meta, payload)
    except (SyntaxError, ValueError, KeyError) as error:
        log.error("a query worker's answer could not be read: %s", error)
        raise StoreFailure(
            "the store's answer could not be read (an internal error, now logged)"
        ) from None


def _decode(meta: Meta, payload: bytes) -> QueryResult:
    kind = meta["kind"]
    cut = meta.get("cut")
    if kind == "boolean":
        return QueryResult("boolean", boolean=bool(meta["boolean"]))
    if kind in ("solutions", "graph"):
        variables = tuple(meta.get("variables") or ())
        result = QueryResult(kind, variables=variables, chunks=iter([payload]))
        result.cut = Cut(cut["reason"], cut["limit"]) if cut else None
        return result
    if kind == "syntax":
        raise QuerySyntaxError(f"SPARQL syntax error: {meta['message']}")
    if kind == "too-large":
        raise AnswerTooLarge(meta["message"])
    if kind == "memory":
        raise QueryOutOfMemory(meta["message"])
    if kind == "panic":
        log.error("the store failed on a query: %s", meta["message"])
        raise StoreFailure(
            "the store failed while evaluating this query (an internal error, now logged)"
        )
    raise QueryError(f"the query failed: {meta['message']}")


class Worker:
    """The server's end of one worker's socket, and of its stderr."""

    def __init__(self, pid: int, channel: socket.socket, errors: int) -> None:
        self.pid = pid
        self.channel = channel
        self.errors = errors
        os.set_blocking(errors, False)

    def last_words(self) -> bytes:
        """What the worker wrote on stderr (a dead worker's panic message), up to 64 kB."""
        try:
            return os.read(self.errors, 65536)
        except OSError:
            return b""

    def send(self, request: Request, deadline: float) -> None:
        send(self.channel, request.__dict__, b"", deadline)

    def receive(self, deadline: float) -> tuple[Meta, bytes]:
        return receive(self.channel, deadline)

    def alive(self) -> bool:
        # An idle worker has nothing to say: a readable socket means it has gone (EOF).
        poller = select.poll()
        poller.register(self.channel, select.POLLIN)
        return not poller.poll(0)

    def close(self) -> None:
        self.channel.close()
        with contextlib.suppress(OSError):
            os.close(self.errors)

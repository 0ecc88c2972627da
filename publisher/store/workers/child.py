"""A query worker: sealed (no descriptor but its socket, a memory ceiling), it answers queries
until it has answered RECYCLE_AFTER, or its zygote goes."""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph

from publisher.store import dataset
from publisher.store.errors import AnswerTooLarge
from publisher.store.ondisk import open_read_only
from publisher.store.results import Caps, answer_stream
from publisher.store.workers.framing import Meta, Request, receive, send

RECYCLE_AFTER = 2000  # queries a worker answers before it is replaced (keeps memory flat)
_PR_SET_PDEATHSIG = 1


def serve(
    channel: socket.socket,
    inherited: pyoxigraph.Store,
    memory_mb: int | None,
    folder: Path | None = None,
) -> None:
    """Answer queries on the store inherited from the server (in memory), or, given the
    release's store `folder`, on a read-only handle of this worker's own (ondisk.py).

    The inherited store object stays referenced either way: freeing a store whose files
    were closed in the zygote would close descriptor numbers that now belong to this worker."""
    zygote = os.getppid()
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # dies with the zygote
    if os.getppid() != zygote:
        os._exit(0)
    channel, opened = _seal(channel, memory_mb, folder)
    store = opened if opened is not None else inherited
    for answered in range(1, RECYCLE_AFTER + 1):
        try:
            request, _payload = receive(channel, None)
        except (OSError, EOFError, ValueError):
            os._exit(0)
        retiring = answered == RECYCLE_AFTER
        for meta, payload in evaluate(store, Request(**request)):
            if meta.get("last"):
                retiring = retiring or bool(meta.get("retiring"))
                meta["retiring"] = retiring
            try:
                send(channel, meta, payload, None)
            except OSError:
                os._exit(0)
        if retiring:
            break
    os._exit(0)


def _seal(
    channel: socket.socket, memory_mb: int | None, folder: Path | None
) -> tuple[socket.socket, pyoxigraph.Store | None]:
    """Keep only stdio and the channel (as descriptor 3), open the store folder if given (its
    files take the next numbers; RocksDB opens them all at once), then forbid any new
    descriptor."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # takes the lowest free number: this one
    if channel.fileno() != 3:
        os.dup2(channel.fileno(), 3)
        channel.close()
        channel = socket.socket(fileno=3)
    close_all_but({0, 1, 2, 3})
    store = open_read_only(folder) if folder is not None else None
    highest = max([3, *(_open_descriptors())])
    if memory_mb:
        with open("/proc/self/statm", "rb") as statm:
            mapped = int(statm.read().split()[0]) * resource.getpagesize()
        ceiling = mapped + memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (highest + 1, hard))
    return channel, store


def _open_descriptors() -> list[int]:
    """The descriptors open now (the listing's own, closed by then, left out)."""
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            os.fstat(int(name))
        except OSError:
            continue
        found.append(int(name))
    return found


def evaluate(store: pyoxigraph.Store, request: Request) -> Iterator[tuple[Meta, bytes]]:
    """Run one query on `store`: the messages of its answer (framing.py), cut at the caps."""
    caps = Caps(request.row_cap, request.byte_cap)
    first: Meta | None = None
    try:
        answer = dataset.query(
            store,
            request.sparql,
            base_iri=request.base_iri,
            default_graphs=request.default_graphs,
            named_graphs=request.named_graphs,
        )
        if isinstance(answer, pyoxigraph.QueryBoolean):
            yield {"kind": "boolean", "boolean": bool(answer), "last": True, "cut": None}, b""
            return
        if isinstance(answer, pyoxigraph.QuerySolutions):
            variables = tuple(v.value for v in answer.variables)
            first = {"kind": "solutions", "variables": list(variables)}
            result = answer_stream(answer, variables, caps)
        else:
            first = {"kind": "graph"}
            result = answer_stream(answer, None, caps)
        # One chunk ahead, so that the last chunk goes out with "last": a client that reads
        # one small answer waits for no further message.
        chunks = iter(result.chunks or ())
        pending = next(chunks, b"")
        for chunk in chunks:
            yield first or {"kind": "chunk"}, pending
            first, pending = None, chunk
        cut = result.cut
        end = {
            "last": True,
            "cut": None if cut is None else {"reason": cut.reason, "limit": cut.limit},
        }
        yield (first or {"kind": "chunk"}) | end, pending
    except SyntaxError as error:
        yield _failure(first, "syntax", str(error))
    except AnswerTooLarge as error:
        yield _failure(first, "too-large", str(error))
    except MemoryError:
        yield _failure(first, "memory", "the query needed more memory than allowed")
    except (OSError, RuntimeError, ValueError) as error:
        yield _failure(first, "error", str(error))
    except BaseException as error:  # pyo3's PanicException (a BaseException): a store bug
        if isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit)):
            raise
        failure = _failure(first, "panic", f"{type(error).__name__}: {error}")
        yield failure[0] | {"retiring": True}, b""


def _failure(first: Meta | None, kind: str, message: str) -> tuple[Meta, bytes]:
    """The last message of an answer that failed (mid-stream: after some chunks were sent)."""
    return {
        "kind": kind,
        "message": message,
        "last": True,
        "cut": None,
        "midstream": first is None,
    }, b""


def close_all_but(keep: set[int]) -> None:
    """Close inherited descriptors (listening sockets, client connections, other pools')."""
    start = 0
    for fd in [*sorted(keep), os.sysconf("SC_OPEN_MAX")]:
        if start < fd:  # os.closerange(n, n) would close everything from n (close_range)
            os.closerange(start, fd)
        start = fd + 1

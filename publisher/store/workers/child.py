"""A query worker: sealed (no descriptor but its socket, a memory ceiling), it answers queries
until it has answered RECYCLE_AFTER, or its zygote goes."""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import socket

import pyoxigraph

from publisher.store.results import solutions_tsv
from publisher.store.workers.framing import Request, receive, send

RECYCLE_AFTER = 2000  # queries a worker answers before it is replaced (keeps memory flat)
_PR_SET_PDEATHSIG = 1


def serve(channel: socket.socket, store: pyoxigraph.Store, memory_mb: int | None) -> None:
    zygote = os.getppid()
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # dies with the zygote
    if os.getppid() != zygote:
        os._exit(0)
    channel = _seal(channel, memory_mb)
    for answered in range(1, RECYCLE_AFTER + 1):
        try:
            request, _payload = receive(channel, None)
        except (OSError, EOFError, ValueError):
            os._exit(0)
        meta, payload = evaluate(store, Request(**request))
        retiring = meta.get("retiring") or answered == RECYCLE_AFTER
        meta["retiring"] = retiring
        try:
            send(channel, meta, payload, None)
        except OSError:
            os._exit(0)
        if retiring:
            break
    os._exit(0)


def _seal(channel: socket.socket, memory_mb: int | None) -> socket.socket:
    """Keep only stdio and the channel (as descriptor 3), then forbid any new descriptor."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # takes the lowest free number: this one
    if memory_mb:
        with open("/proc/self/statm", "rb") as statm:
            mapped = int(statm.read().split()[0]) * resource.getpagesize()
        ceiling = mapped + memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            ceiling = min(ceiling, hard)
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    if channel.fileno() != 3:
        os.dup2(channel.fileno(), 3)
        channel.close()
        channel = socket.socket(fileno=3)
    close_all_but({0, 1, 2, 3})
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (4, hard))
    return channel


def evaluate(store: pyoxigraph.Store, request: Request) -> tuple[dict, bytes]:
    """Run one query on `store` and serialise its answer, cut at the row cap."""
    options: dict[str, object] = {"base_iri": request.base_iri}
    if request.default_graphs is None and request.named_graphs is None:
        options["use_default_graph_as_union"] = True
    else:
        options["default_graph"] = [pyoxigraph.NamedNode(g) for g in request.default_graphs or []]
        options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in request.named_graphs or []]
    try:
        answer = store.query(request.sparql, **options)
        if isinstance(answer, pyoxigraph.QueryBoolean):
            return {"kind": "boolean", "boolean": bool(answer)}, b""
        if isinstance(answer, pyoxigraph.QuerySolutions):
            return _solutions(answer, request.row_cap)
        return _graph(answer, request.row_cap)
    except SyntaxError as error:
        return {"kind": "syntax", "message": str(error)}, b""
    except MemoryError:
        return {"kind": "memory", "message": "the query needed more memory than allowed"}, b""
    except (OSError, RuntimeError, ValueError) as error:
        return {"kind": "error", "message": str(error)}, b""
    except BaseException as error:  # pyo3's PanicException (a BaseException): a store bug
        if isinstance(error, (KeyboardInterrupt, SystemExit)):
            raise
        message = f"{type(error).__name__}: {error}"
        return {"kind": "panic", "message": message, "retiring": True}, b""


def _solutions(answer: pyoxigraph.QuerySolutions, cap: int | None) -> tuple[dict, bytes]:
    rows = []
    truncated = False
    for solution in answer:  # lazy: stopping here stops the evaluation
        if cap is not None and len(rows) >= cap:
            truncated = True
            break
        rows.append(solution)
    variables = [v.value for v in answer.variables]
    return {"kind": "solutions", "truncated": truncated}, solutions_tsv(variables, rows)


def _graph(answer: pyoxigraph.QueryTriples, cap: int | None) -> tuple[dict, bytes]:
    triples = []
    truncated = False
    for triple in answer:
        if cap is not None and len(triples) >= cap:
            truncated = True
            break
        triples.append(triple)
    body = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES) or b""
    return {"kind": "graph", "truncated": truncated}, body


def close_all_but(keep: set[int]) -> None:
    """Close inherited descriptors (listening sockets, client connections, other pools')."""
    start = 0
    for fd in [*sorted(keep), os.sysconf("SC_OPEN_MAX")]:
        if start < fd:  # os.closerange(n, n) would close everything from n (close_range)
            os.closerange(start, fd)
        start = fd + 1

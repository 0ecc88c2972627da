"""Query workers: queries from outside run in processes that are killed at their deadline.

pyoxigraph evaluates a query without holding the GIL and cannot cancel it, so no thread can
stop a runaway query. Instead a *zygote* process is forked once the store is loaded (while the
server is still single-threaded) and forks query workers on demand: each shares the loaded
store copy-on-write, so nothing is reloaded and the store's memory is not duplicated. A query
goes to an idle worker over a socket; if no answer has come by its deadline, the zygote kills
the worker (SIGKILL), the caller gets QueryTimeout (503) and the next query gets a fresh
worker. Rows are cut at the row cap inside the worker, while pyoxigraph produces them lazily,
and come back as SPARQL TSV (N-Triples for graphs): a huge result is never built.

A worker can open no file or socket at all (RLIMIT_NOFILE is set to the descriptors it holds)
and has a memory ceiling (RLIMIT_AS), so even a query the guard missed could not reach the
network, and one that eats memory dies alone. Messages are JSON headers with a byte payload,
never pickles: a worker's answer is read as data, whatever query it ran.
"""

from __future__ import annotations

import ctypes
import faulthandler
import gc
import json
import logging
import os
import resource
import select
import signal
import socket
import struct
import threading
import time
import traceback
import weakref
from dataclasses import dataclass

import pyoxigraph

from publisher.store import QueryError, QueryRefused, QuerySyntaxError, QueryTimeout
from publisher.store.results import QueryResult, TsvRows, solutions_tsv

log = logging.getLogger(__name__)
RETRY_AFTER = 5  # seconds a client is asked to wait after a 503
RECYCLE_AFTER = 2000  # queries a worker answers before it is replaced (keeps memory flat)
_HEADER = struct.Struct("!II")  # JSON length, payload length
_PR_SET_PDEATHSIG = 1


class QueryOverloaded(QueryTimeout):
    """Every worker stayed busy until the query's deadline."""


class StoreFailure(QueryError):
    """pyoxigraph itself failed (a panic) on a query: a bug in the store, not in the query."""

    status = 500


class QueryTooHeavy(QueryError):
    """The worker died evaluating the query: out of memory (503) or out of stack (400)."""

    status = 503
    retry_after = RETRY_AFTER


@dataclass(frozen=True)
class Request:
    """One query for a worker: the text, its dataset and its limits."""

    sparql: str
    base_iri: str | None = None
    default_graphs: list[str] | None = None
    named_graphs: list[str] | None = None
    row_cap: int | None = None


class WorkerPool:
    """Up to `size` query workers forked from the process that holds `store`."""

    def __init__(self, store: pyoxigraph.Store, *, size: int, memory_mb: int | None = None):
        if size < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.size = size
        self.owner = os.getpid()
        self._store, self._memory_mb = store, memory_mb
        self._cond = threading.Condition()
        self._idle: list[_Worker] = []
        self._live = 0
        self._zygotes = [_Zygote.start(store, memory_mb)]
        self._finalizer = weakref.finalize(self, _close, self._zygotes, self._idle)

    @property
    def _zygote(self) -> _Zygote:
        return self._zygotes[-1]

    def run(self, request: Request, timeout: float) -> QueryResult:
        """The answer to `request`, or QueryTimeout once `timeout` seconds have passed."""
        deadline = time.monotonic() + timeout
        for _attempt in range(3):
            worker = self._acquire(deadline)
            try:
                worker.send(request, deadline)
            except OSError:
                self._discard(worker)  # it had died while idle: try another one
                continue
            return self._answer(worker, deadline)
        raise QueryTooHeavy("the query workers keep failing; try again shortly")

    def close(self) -> None:
        """Stop the zygote and every worker (also done when the pool is garbage-collected)."""
        self._finalizer()

    def _answer(self, worker: _Worker, deadline: float) -> QueryResult:
        try:
            meta, payload = worker.receive(deadline)
        except TimeoutError:
            self._zygote.kill(worker.pid)
            self._discard(worker, reaped=True)
            raise QueryTimeout(
                "the query ran past the time limit of this service and was stopped; "
                "narrow it down, or add a LIMIT"
            ) from None
        except (OSError, EOFError, ValueError):
            status = self._zygote.kill(worker.pid)  # dead already: this collects its status
            self._discard(worker, reaped=True)
            raise _death(status) from None
        if meta.get("retiring"):
            self._discard(worker)
        else:
            self._release(worker)
        return decode(meta, payload)

    def _acquire(self, deadline: float) -> _Worker:
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

    def _spawn(self) -> _Worker:
        zygote = self._zygote
        try:
            return zygote.spawn()
        except _ZygoteGone:
            pass
        # Killed from outside (the OOM killer, an operator): start another one, once.
        with self._cond:
            if self._zygote is zygote:
                log.warning("the query worker zygote %d has gone; starting another", zygote.pid)
                zygote.close()
                self._zygotes[:] = [_Zygote.start(self._store, self._memory_mb)]
        try:
            return self._zygote.spawn()
        except _ZygoteGone:
            raise QueryTooHeavy("no query worker could be started; try again shortly") from None

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._idle.append(worker)
            self._cond.notify()

    def _discard(self, worker: _Worker, *, reaped: bool = False) -> None:
        if not reaped:
            self._zygote.kill(worker.pid)
        worker.close()
        with self._cond:
            self._live -= 1
            self._cond.notify()


def _close(zygotes: list[_Zygote], idle: list[_Worker]) -> None:
    for worker in idle:
        worker.close()
    for zygote in zygotes:
        zygote.close()


class _ZygoteGone(Exception):
    pass


def _death(status: int | None) -> QueryError:
    """The error for a worker that died on its own while evaluating a query."""
    if status is not None and os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGSEGV:
        return QueryRefused(
            "the query is too complex to evaluate (the evaluator ran out of stack); "
            "simplify its nesting or its chains of operators"
        )
    return QueryTooHeavy(
        "the query needed more memory than a query may use and was stopped; "
        "narrow it down or add a LIMIT"
    )


def decode(meta: dict, payload: bytes) -> QueryResult:
    """A QueryResult from a worker's answer (or the error it reports)."""
    try:
        return _decode(meta, payload)
    except (SyntaxError, ValueError, KeyError) as error:
        log.error("a query worker's answer could not be read: %s", error)
        raise StoreFailure("the store's answer could not be read (an internal error, now logged)")


def _decode(meta: dict, payload: bytes) -> QueryResult:
    kind = meta["kind"]
    if kind == "boolean":
        return QueryResult("boolean", boolean=bool(meta["boolean"]))
    if kind == "solutions":
        head = payload.split(b"\n", 1)[0].decode()
        variables = tuple(v[1:] for v in head.split("\t") if v)
        return QueryResult(
            "solutions",
            variables=variables,
            rows=TsvRows(payload),
            truncated=meta["truncated"],
            tsv=payload,
        )
    if kind == "graph":
        quads = pyoxigraph.parse(payload, format=pyoxigraph.RdfFormat.N_TRIPLES)
        return QueryResult("graph", triples=[q.triple for q in quads], truncated=meta["truncated"])
    if kind == "syntax":
        raise QuerySyntaxError(f"SPARQL syntax error: {meta['message']}")
    if kind == "memory":
        raise QueryTooHeavy(meta["message"])
    if kind == "panic":
        log.error("the store failed on a query: %s", meta["message"])
        raise StoreFailure(
            "the store failed while evaluating this query (an internal error, now logged)"
        )
    raise QueryError(f"the query failed: {meta['message']}")


class _Worker:
    """The server's end of one worker's socket."""

    def __init__(self, pid: int, channel: socket.socket) -> None:
        self.pid = pid
        self.channel = channel

    def send(self, request: Request, deadline: float) -> None:
        _send(self.channel, request.__dict__, b"", deadline)

    def receive(self, deadline: float) -> tuple[dict, bytes]:
        return _receive(self.channel, deadline)

    def alive(self) -> bool:
        # An idle worker has nothing to say: a readable socket means it has gone (EOF).
        poller = select.poll()
        poller.register(self.channel, select.POLLIN)
        return not poller.poll(0)

    def close(self) -> None:
        self.channel.close()


class _Zygote:
    """The server's end of the zygote: spawn, kill and reap workers, one command at a time."""

    def __init__(self, pid: int, control: socket.socket) -> None:
        self.pid = pid
        self.control = control
        self.lock = threading.Lock()

    @classmethod
    def start(cls, store: pyoxigraph.Store, memory_mb: int | None) -> _Zygote:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:  # the zygote
            try:
                _zygote(theirs, store, memory_mb)
            except BaseException:  # noqa: BLE001 - said on stderr, then gone like a worker
                traceback.print_exc()
            finally:
                os._exit(0)
        theirs.close()
        return cls(pid, ours)

    def spawn(self) -> _Worker:
        with self.lock:
            try:
                self.control.sendall(b"spawn")
                message, fds, _flags, _address = socket.recv_fds(self.control, 64, 1)
            except OSError:
                raise _ZygoteGone from None
        if not message or not fds:
            raise _ZygoteGone
        return _Worker(int(message), socket.socket(fileno=fds[0]))

    def kill(self, pid: int) -> int | None:
        """Kill a worker (a no-op if it has died) and return how it ended, as waitpid says."""
        with self.lock:
            try:
                self.control.sendall(f"kill {pid}".encode())
                answer = self.control.recv(64)
            except OSError:
                return None
        return int(answer) if answer and answer != b"-" else None

    def close(self) -> None:
        if self.control.fileno() < 0:
            return
        self.control.close()  # the zygote reads EOF, kills its workers and exits
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            try:
                if os.waitpid(self.pid, os.WNOHANG)[0]:
                    return
            except ChildProcessError:
                return
            time.sleep(0.005)
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


# ---- in the zygote -------------------------------------------------------------------------


def _zygote(control: socket.socket, store: pyoxigraph.Store, memory_mb: int | None) -> None:
    _detach()
    _close_all_but({0, 1, 2, control.fileno()})
    children: set[int] = set()
    exited: dict[int, int] = {}
    while True:
        try:
            message = control.recv(64)
        except InterruptedError:
            continue
        except OSError:
            break
        if not message:
            break  # the server has gone or closed the pool
        command, _, argument = message.decode().partition(" ")
        if command == "spawn":
            pid, channel = _fork_worker(control, store, memory_mb)
            children.add(pid)
            socket.send_fds(control, [str(pid).encode()], [channel.fileno()])
            channel.close()
        elif command == "kill":
            pid = int(argument)
            status = exited.pop(pid, None)
            if status is None and pid in children:
                _signal(pid, signal.SIGKILL)  # a dead worker keeps the status it died with
                status = _wait(pid)
            children.discard(pid)
            control.sendall(b"-" if status is None else str(status).encode())
        for pid in list(children):  # workers that died on their own, not yet asked about
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                children.discard(pid)
                continue
            if done:
                children.discard(pid)
                exited[pid] = status
    for pid in children:
        _signal(pid, signal.SIGKILL)
        _wait(pid)


def _fork_worker(
    control: socket.socket, store: pyoxigraph.Store, memory_mb: int | None
) -> tuple[int, socket.socket]:
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    pid = os.fork()
    if pid == 0:  # the worker
        try:
            control.close()
            ours.close()
            _worker(theirs, store, memory_mb)
        finally:
            os._exit(1)
    theirs.close()
    return pid, ours


def _detach() -> None:
    """Forget the server's signal handlers and objects: this process only runs this module."""
    # Objects inherited from the server are never collected here: their finalisers could
    # close descriptor numbers that now belong to this process.
    gc.freeze()
    faulthandler.disable()
    for name in ("SIGINT", "SIGHUP"):
        signal.signal(getattr(signal, name), signal.SIG_IGN)  # the server decides, not the tty
    for name in ("SIGTERM", "SIGQUIT", "SIGABRT", "SIGUSR1", "SIGUSR2", "SIGCHLD", "SIGWINCH"):
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    try:
        signal.set_wakeup_fd(-1)
    except ValueError:
        pass


def _close_all_but(keep: set[int]) -> None:
    """Close inherited descriptors (listening sockets, client connections, other pools')."""
    start = 0
    for fd in [*sorted(keep), os.sysconf("SC_OPEN_MAX")]:
        if start < fd:  # os.closerange(n, n) would close everything from n (close_range)
            os.closerange(start, fd)
        start = fd + 1


def _signal(pid: int, number: int) -> None:
    try:
        os.kill(pid, number)
    except ProcessLookupError:
        pass


def _wait(pid: int) -> int | None:
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None


# ---- in a worker ---------------------------------------------------------------------------


def _worker(channel: socket.socket, store: pyoxigraph.Store, memory_mb: int | None) -> None:
    zygote = os.getppid()
    ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # dies with the zygote
    if os.getppid() != zygote:
        os._exit(0)
    channel = _seal(channel, memory_mb)
    for answered in range(1, RECYCLE_AFTER + 1):
        try:
            request, _payload = _receive(channel, None)
        except (OSError, EOFError, ValueError):
            os._exit(0)
        meta, payload = evaluate(store, Request(**request))
        retiring = meta.get("retiring") or answered == RECYCLE_AFTER
        meta["retiring"] = retiring
        try:
            _send(channel, meta, payload, None)
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
    _close_all_but({0, 1, 2, 3})
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


# ---- framing -------------------------------------------------------------------------------


def _send(channel: socket.socket, meta: dict, payload: bytes, deadline: float | None) -> None:
    header = json.dumps(meta).encode()
    channel.settimeout(None if deadline is None else max(deadline - time.monotonic(), 0.001))
    channel.sendall(_HEADER.pack(len(header), len(payload)) + header + payload)


def _receive(channel: socket.socket, deadline: float | None) -> tuple[dict, bytes]:
    sizes = _read(channel, _HEADER.size, deadline)
    header_size, payload_size = _HEADER.unpack(sizes)
    meta = json.loads(_read(channel, header_size, deadline))
    return meta, _read(channel, payload_size, deadline)


def _read(channel: socket.socket, size: int, deadline: float | None) -> bytes:
    buffer = bytearray(size)
    view = memoryview(buffer)
    got = 0
    while got < size:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            channel.settimeout(remaining)
        count = channel.recv_into(view[got:])  # TimeoutError past the deadline
        if not count:
            raise EOFError
        got += count
    return bytes(buffer)

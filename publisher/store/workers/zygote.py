"""The zygote: a process forked once the store is loaded (while the server is still
single-threaded), which forks query workers on demand, each sharing the loaded store
copy-on-write (or, for a store on disk, each opening it read-only: ondisk.py), and kills and
reaps them for the pool, one command at a time."""

from __future__ import annotations

import contextlib
import faulthandler
import gc
import os
import signal
import socket
import threading
import time
import traceback
from pathlib import Path

import pyoxigraph

from publisher.store.workers.child import close_all_but, serve
from publisher.store.workers.sandbox import SandboxUnavailable, forbid_network


class ZygoteGone(Exception):
    pass


class Zygote:
    """The server's end of the zygote: spawn, kill and reap workers, one command at a time."""

    def __init__(self, pid: int, control: socket.socket) -> None:
        self.pid = pid
        self.control = control
        self.lock = threading.Lock()

    @classmethod
    def start(
        cls,
        store: pyoxigraph.Store,
        memory_mb: int | None,
        *,
        sandbox: bool = True,
        folder: Path | None = None,
    ) -> Zygote:
        """Fork the zygote; it reports once it has sealed itself off the network (sandbox.py),
        and a zygote that cannot is stopped and the error raised here."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:  # the zygote
            try:
                _zygote(theirs, store, memory_mb, sandbox, folder)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(0)
        theirs.close()
        zygote = cls(pid, ours)
        ours.settimeout(30)
        try:
            status = ours.recv(512)
        except OSError:
            status = b""
        finally:
            ours.settimeout(None)
        if status != b"ready":
            zygote.close()
            raise SandboxUnavailable(
                "the query worker zygote could not forbid itself the network: "
                + (status.decode(errors="replace") or "it died while starting")
            )
        return zygote

    def spawn(self) -> tuple[int, socket.socket, int]:
        """A new worker's pid, the server's end of its socket, and the read end of its stderr."""
        with self.lock:
            try:
                self.control.sendall(b"spawn")
                message, fds, _flags, _address = socket.recv_fds(self.control, 64, 2)
            except OSError:
                raise ZygoteGone from None
        if not message or len(fds) != 2:
            for fd in fds:
                os.close(fd)
            raise ZygoteGone
        return int(message), socket.socket(fileno=fds[0]), fds[1]

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


def _zygote(
    control: socket.socket,
    store: pyoxigraph.Store,
    memory_mb: int | None,
    sandbox: bool,
    folder: Path | None,
) -> None:
    _detach()
    close_all_but({0, 1, 2, control.fileno()})
    if sandbox:
        try:
            forbid_network()
        except OSError as error:
            control.sendall(str(error).encode()[:500])
            return
    control.sendall(b"ready")
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
            pid, channel, errors = _fork_worker(control, store, memory_mb, folder)
            children.add(pid)
            socket.send_fds(control, [str(pid).encode()], [channel.fileno(), errors])
            channel.close()
            os.close(errors)
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
    control: socket.socket, store: pyoxigraph.Store, memory_mb: int | None, folder: Path | None
) -> tuple[int, socket.socket, int]:
    """Fork a worker: its socket, and a pipe for its stderr, which is all a worker that dies
    of a store panic or of memory leaves behind (the pool reads it to say which)."""
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    errors_read, errors_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker
        try:
            control.close()
            ours.close()
            os.close(errors_read)
            os.dup2(errors_write, 2)
            os.close(errors_write)
            os.environ["RUST_BACKTRACE"] = "0"  # a panic's message, not pages of frames
            serve(theirs, store, memory_mb, folder)
        finally:
            os._exit(1)
    theirs.close()
    os.close(errors_write)
    return pid, ours, errors_read


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
    with contextlib.suppress(ValueError):
        signal.set_wakeup_fd(-1)


def _signal(pid: int, number: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, number)


def _wait(pid: int) -> int | None:
    try:
        return os.waitpid(pid, 0)[1]
    except ChildProcessError:
        return None

"""The zygote: a process forked once the store is loaded (while the server is still
single-threaded), which forks query workers on demand, each sharing the loaded store
copy-on-write, and kills and reaps them for the pool, one command at a time."""

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

import pyoxigraph

from publisher.store.workers.child import close_all_but, serve


class ZygoteGone(Exception):
    pass


class Zygote:
    """The server's end of the zygote: spawn, kill and reap workers, one command at a time."""

    def __init__(self, pid: int, control: socket.socket) -> None:
        self.pid = pid
        self.control = control
        self.lock = threading.Lock()

    @classmethod
    def start(cls, store: pyoxigraph.Store, memory_mb: int | None) -> Zygote:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        pid = os.fork()
        if pid == 0:  # the zygote
            try:
                _zygote(theirs, store, memory_mb)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(0)
        theirs.close()
        return cls(pid, ours)

    def spawn(self) -> tuple[int, socket.socket]:
        """A new worker's pid and the server's end of its socket."""
        with self.lock:
            try:
                self.control.sendall(b"spawn")
                message, fds, _flags, _address = socket.recv_fds(self.control, 64, 1)
            except OSError:
                raise ZygoteGone from None
        if not message or not fds:
            raise ZygoteGone
        return int(message), socket.socket(fileno=fds[0])

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
    close_all_but({0, 1, 2, control.fileno()})
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
            serve(theirs, store, memory_mb)
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

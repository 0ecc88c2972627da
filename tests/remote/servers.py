"""Real server processes on loopback for the tests: an `oxigraph` server (the binary of the
oxigraph PyPI package), and helpers to wait for a port and to stop a process for sure.
(The publisher itself is started by tests/liveserver.py.)"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Self

from publisher.cli import main
from tests.liveserver import free_port


def oxigraph_binary() -> str:
    """The `oxigraph` next to this Python (the test extra installs it), else on PATH."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("no oxigraph binary: install the test extra (pip install -e '.[test]')")
    return found


def stop(process: subprocess.Popen, timeout: float = 10) -> None:
    """Terminate a process we started, and kill it when it does not stop in time."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_for(url: str, process: subprocess.Popen, log: Path, timeout: float = 30) -> None:
    """Until `url` answers at all (any HTTP status); fails when the process exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"{process.args[0]} exited: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.05)
    raise AssertionError(f"{url} did not answer within {timeout} s")


class OxigraphServer:
    """`oxigraph serve` on a fixed loopback port, which it keeps across restarts.

    In memory unless `persistent` (then in a folder, so that its data survives a restart);
    its default graph is the union of the named graphs unless `union` is False.
    """

    def __init__(self, folder: Path, *, union: bool = True, persistent: bool = False) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.union = union
        self.persistent = persistent
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def start(self) -> Self:
        command = [oxigraph_binary(), "serve", "--bind", f"127.0.0.1:{self.port}"]
        if self.union:
            command.append("--union-default-graph")
        if self.persistent:
            command += ["--location", str(self.folder / "data")]
        log = self.folder / "oxigraph.log"
        with open(log, "ab") as out:
            self.process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        wait_for(self.query_url, self.process, log)
        return self

    def stop(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                os.kill(self.process.pid, signal.SIGCONT)  # a paused process cannot stop
            stop(self.process)
            self.process = None

    def pause(self) -> None:
        """Freeze the server: connections are accepted by the system but never answered."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGCONT)

    def load(self, release: Path) -> None:
        """Fill the store with a release by `publisher load`, which checks the counts."""
        assert main(["load", "--to", self.query_url, "--release", str(release)]) == 0

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class MisbehavingStore:
    """A loopback HTTP server that answers every request the way `mode` says a broken SPARQL
    store might: an error status, garbage, a wrong media type, a redirect, a dropped
    connection. Real stores do all of these at times; a real one cannot be made to on cue."""

    def __init__(self, mode: str, location: str = "") -> None:
        self.mode = mode
        self.location = location
        self.requests = 0
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        # A short poll: shutdown() waits for it, once per test that uses such a store.
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/query"

    def _handler(self):
        store = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                self._answer()

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._answer()

            def _answer(self) -> None:
                store.requests += 1
                mode = store.mode
                if mode == "close":
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                status, kind, body = {
                    "error": (500, "text/plain", b"internal failure, stack trace here"),
                    "busy": (503, "text/plain", b"overloaded"),
                    "gateway timeout": (504, "text/plain", b"upstream timed out"),
                    "not found": (404, "text/plain", b"no such endpoint"),
                    "garbage": (200, "application/sparql-results+json", b'{"head": {"vars"'),
                    "html": (200, "text/html", b"<html><body>Login</body></html>"),
                    "redirect": (302, "text/plain", b""),
                    "truncated": (200, "application/sparql-results+json", b'{"head":'),
                    "ok": (200, "application/sparql-results+json", b'{"head":{},"boolean":true}'),
                }[mode]
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if mode == "redirect":
                    self.send_header("Location", store.location)
                # A truncated answer announces more bytes than it sends, then hangs up.
                length = len(body) + (1000 if mode == "truncated" else 0)
                self.send_header("Content-Length", str(length))
                self.end_headers()
                self.wfile.write(body)
                if mode == "truncated":
                    self.close_connection = True

        return Handler

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

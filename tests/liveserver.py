"""A real `publisher serve` (or gunicorn) process on a loopback port, and raw HTTP to it.

Used by the hostile suite, the soak and the release tests: requests go over a socket exactly
as sent (odd paths, odd headers), and the server's processes can be found and measured.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes
    seconds: float

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class LiveServer:
    """`publisher serve` (or gunicorn with `workers`) over `release`, with PUBLISHER_* `env`."""

    home: Path
    release: Path
    env: dict[str, str] = field(default_factory=dict)
    store: str = "embedded"
    gunicorn_workers: int = 0
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.home / f"server-{self.port}.log"

    @property
    def pid_file(self) -> Path:
        return self.home / f"server-{self.port}.pid"

    def start(self, timeout: float = 60) -> LiveServer:
        env = {**os.environ, "PYTHONPATH": str(ROOT), **self.env}
        if self.gunicorn_workers:
            env |= {
                "PUBLISHER_HOME": str(self.home),
                "PUBLISHER_RELEASE_DIR": str(self.release),
                "PUBLISHER_STORE": self.store,
            }
            # The production settings (deploy/gunicorn.conf.py), on this port, with this many
            # workers and a longer worker timeout for a busy test machine.
            command = [
                sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF),
                "publisher.web:create_app()", "-w", str(self.gunicorn_workers),
                "-b", f"127.0.0.1:{self.port}", "--timeout", "120", "--pid", str(self.pid_file),
            ]  # fmt: skip
        else:
            command = [
                sys.executable, "-m", "publisher", "serve", "--host", "127.0.0.1",
                "--port", str(self.port), "--home", str(self.home),
                "--release", str(self.release), "--store", self.store,
                "--pid-file", str(self.pid_file),
            ]  # fmt: skip
        # Output goes to a file, not a pipe: a full pipe would stall the server.
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                command, cwd=self.home, env=env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited: {self.log.read_text(errors='replace')}")
            try:
                if self.request("GET", "/sparql?query=ASK%7B%7D", timeout=5).status == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"the server did not answer in time: {self.log.read_text()}")

    def stop(self, timeout: float = 15) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM if self.gunicorn_workers else signal.SIGINT)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def request(
        self,
        method: str,
        path: str,
        headers: dict[str, str] | list[tuple[str, str]] | None = None,
        body: bytes | None = None,
        timeout: float = 30,
    ) -> Answer:
        """One request sent as given (path and headers unaltered), read to the end."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        started = time.monotonic()
        try:
            connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
            items = headers.items() if isinstance(headers, dict) else headers or []
            names = {name.lower() for name, _ in items}
            if "host" not in names:
                connection.putheader("Host", f"127.0.0.1:{self.port}")
            for name, value in items:
                connection.putheader(name, value)
            if body is not None and "content-length" not in names:
                connection.putheader("Content-Length", str(len(body)))
            connection.endheaders(body)
            response = connection.getresponse()
            data = response.read()
            return Answer(response.status, response.headers, data, time.monotonic() - started)
        finally:
            connection.close()

    def request_stream(self, path: str, timeout: float = 30) -> http.client.HTTPResponse:
        """A GET whose body the caller reads at its own pace (and closes)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        connection.request("GET", path)
        return connection.getresponse()

    def processes(self) -> list[int]:
        """The server's process and all its descendants (query workers, gunicorn workers)."""
        assert self.process is not None
        children = _children()
        found, frontier = [self.process.pid], [self.process.pid]
        while frontier:
            for child in children.get(frontier.pop(), []):
                found.append(child)
                frontier.append(child)
        return found

    def memory_kb(self) -> int:
        """Proportional set size of the server and its descendants (shared pages counted once)."""
        return sum(pss_kb(pid) for pid in self.processes())


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc/<pid>/stat (its 4th field is the parent)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return children


def pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0

"""A real `publisher serve` (or gunicorn) process on a loopback port, and raw HTTP to it.

The one way the tests start the publisher as a server (the hostile suite, the soak, the
release, live-client, page, remote and external tests): requests go over a socket exactly as
sent (odd paths, odd headers), and the server's processes can be found and measured.
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
    """The one way the tests start a server process: `publisher serve` (or gunicorn, with
    `gunicorn_workers`) on a free loopback port over `release`, started by `start()` or `with`,
    ready once it answers `ready_path` with a 200, and always stopped.

    `release` None lets `publisher serve` build the release in `home` (as it does when there is
    none); `base` is its --base (PUBLISHER_BASE_IRI under gunicorn); `store` is "embedded" or the
    URL of a SPARQL endpoint; `env` adds PUBLISHER_* settings; `gunicorn_args` adds gunicorn's
    options (threads, an access log...). Log and pid file go to `folder` (default `home`).

    A fixture that starts one declares it with `@starts("live")` (tests/markers.py), so that
    every test using it is marked `live`.
    """

    home: Path
    release: Path | None
    env: dict[str, str] = field(default_factory=dict)
    store: str = "embedded"
    base: str | None = None
    gunicorn_workers: int = 0
    gunicorn_args: list[str] = field(default_factory=list)
    ready_path: str = "/sparql?query=ASK%7B%7D"
    start_timeout: float = 60
    folder: Path | None = None
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return (self.folder or self.home) / f"server-{self.port}.log"

    @property
    def pid_file(self) -> Path:
        return (self.folder or self.home) / f"server-{self.port}.pid"

    def command(self) -> tuple[list[str], dict[str, str]]:
        """The command line and the environment of the server."""
        env = {**os.environ, "PYTHONPATH": str(ROOT), **self.env}
        if self.gunicorn_workers:
            env |= {"PUBLISHER_HOME": str(self.home), "PUBLISHER_STORE": self.store}
            if self.release is not None:
                env["PUBLISHER_RELEASE_DIR"] = str(self.release)
            if self.base is not None:
                env["PUBLISHER_BASE_IRI"] = self.base
            # The production settings (deploy/gunicorn.conf.py), on this port, with this many
            # workers and a longer worker timeout for a busy test machine.
            command = [
                sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF),
                "publisher.web:create_app()", "-w", str(self.gunicorn_workers),
                "-b", f"127.0.0.1:{self.port}", "--timeout", "120",
                "--pid", str(self.pid_file), *self.gunicorn_args,
            ]  # fmt: skip
            return command, env
        command = [
            sys.executable, "-m", "publisher", "serve", "--host", "127.0.0.1",
            "--port", str(self.port), "--home", str(self.home), "--store", self.store,
            "--pid-file", str(self.pid_file),
        ]  # fmt: skip
        if self.release is not None:
            command += ["--release", str(self.release)]
        if self.base is not None:
            command += ["--base", self.base]
        return command, env

    def start(self, timeout: float | None = None) -> LiveServer:
        timeout = timeout or self.start_timeout
        command, env = self.command()
        self.log.parent.mkdir(parents=True, exist_ok=True)
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
                if self.request("GET", self.ready_path, timeout=5).status == 200:
                    return self
            except OSError:
                pass
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

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

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

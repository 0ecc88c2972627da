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


# Ports for the tests' servers: below the kernel's ephemeral range, which its own choices use
# (a port-0 bind, the source port of every outgoing connection), so that nothing else takes a
# port between the moment it is handed out and the server binding it; each pytest worker has a
# slice of its own and walks it, so that two workers never hand out the same port. (A port
# asked of the kernel was once handed to two servers at the same time: the gunicorn that could
# not bind it gave up, and the test spoke to the other server until it stopped.)
PORT_SLICE = 1000
_next_port: dict[str, int] = {}


def free_port(host: str = "127.0.0.1") -> int:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    index = int(worker[2:]) if worker.startswith("gw") and worker[2:].isdigit() else 0
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        low = 32768
    first = low - PORT_SLICE * (index % 12 + 1)
    if first < 1024:
        return _kernel_port(host)
    for _ in range(PORT_SLICE):
        offset = _next_port.get(host, (os.getpid() * 7) % PORT_SLICE)
        _next_port[host] = (offset + 1) % PORT_SLICE
        with socket.socket() as probe:
            try:
                probe.bind((host, first + offset))
            except OSError:
                continue
            return first + offset
    return _kernel_port(host)


def _kernel_port(host: str) -> int:
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
    options (threads, an access log...), `serve_args` those of `publisher serve` (such as
    --build-for-base). Log and pid file go to `folder` (default `home`).

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
    serve_args: list[str] = field(default_factory=list)  # more options of `publisher serve`
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
        return command + self.serve_args, env

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
                    if self._listener_is_ours() is False:
                        self.stop()
                        raise AssertionError(
                            f"port {self.port} was answered by a process other than the "
                            f"server's: {self.log.read_text(errors='replace')}"
                        )
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
            try:
                connection.endheaders(body)
            except ConnectionRefusedError as refused:
                raise ConnectionRefusedError(refused.errno, self._why_refused()) from None
            response = connection.getresponse()
            data = response.read()
            return Answer(response.status, response.headers, data, time.monotonic() - started)
        finally:
            connection.close()

    def _why_refused(self) -> str:
        """What a refused connection says: whether the server still runs, and its log's end."""
        if self.process is None:
            return f"nothing listens on port {self.port}: the server was not started"
        code = self.process.poll()
        state = "still runs" if code is None else f"exited with status {code}"
        try:
            log = self.log.read_text(errors="replace")[-3000:]
        except OSError:
            log = "(no log)"
        return f"nothing listens on port {self.port}; the server {state}; its log ends:\n{log}"

    def _listener_is_ours(self) -> bool | None:
        """Whether the socket listening on the port belongs to the server or its descendants
        (None where /proc cannot tell)."""
        inodes = set()
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            try:
                rows = Path(table).read_text().splitlines()[1:]
            except OSError:
                continue
            for row in rows:
                fields = row.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == self.port:
                    inodes.add(f"socket:[{fields[9]}]")
        if not inodes:
            return None
        for pid in self.processes():
            try:
                descriptors = os.listdir(f"/proc/{pid}/fd")
            except OSError:
                continue
            for descriptor in descriptors:
                try:
                    if os.readlink(f"/proc/{pid}/fd/{descriptor}") in inodes:
                        return True
                except OSError:
                    continue
        return False

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

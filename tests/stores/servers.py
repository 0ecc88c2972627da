"""The stores of the cross-store suite, each a real process tree on loopback: Oxigraph replicas
behind HAProxy (deploy/replicas.py and deploy/replicas.cfg, as shipped), Virtuoso 7.2 from
Debian's packages (its own virtuoso.ini in a temporary folder), and `publisher serve`.

Every process is started with a parent-death signal, so none outlives the test session even
when pytest itself is killed; each stops when its fixture ends."""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Self

from publisher.cli import main
from tests.remote.servers import free_port, oxigraph_binary, stop

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
PUBLISHER = Path(sys.executable).parent / "publisher"
_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM when the process that started it dies."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def start(command: list[str], log: Path, **kwargs) -> subprocess.Popen:
    """A process whose output goes to `log`, ended with its parent."""
    with open(log, "ab") as out:
        return subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            # prctl only, before exec: nothing a thread of the parent could hold is touched
            preexec_fn=_die_with_parent,  # noqa: PLW1509
            **kwargs,
        )


def ask(url: str, timeout: float = 2) -> bool:
    """Whether the SPARQL endpoint at `url` answers ASK {} with 200."""
    data = urllib.parse.urlencode({"query": "ASK {}"}).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Accept": "application/sparql-results+json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            answer.read()
            return answer.status == 200
    except (OSError, urllib.error.URLError):
        return False


def wait_until(check, what: str, process: subprocess.Popen | None, log: Path, timeout=60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{what} exited: {log.read_text(errors='replace')[-3000:]}")
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(
        f"{what} not ready in {timeout} s: {log.read_text(errors='replace')[-3000:]}"
    )


def cpu_seconds(pid: int) -> float | None:
    """CPU time a process has used (all threads), from /proc; None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class ReplicaSet:
    """A store directory filled by `publisher load --into-oxigraph`, two `oxigraph
    serve-read-only` replicas of it run by deploy/replicas.py, and HAProxy with
    deploy/replicas.cfg in front: `query_url` is the balancer's endpoint."""

    def __init__(self, folder: Path, release: Path, *, limit: str = "40s", grace: float = 1.0):
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.release = release
        self.limit = limit
        self.grace = grace
        self.port = free_port()
        self.ports = {"r1": free_port(), "r2": free_port()}
        self.admin = folder / "admin.sock"
        self.supervisor: subprocess.Popen | None = None
        self.proxy: subprocess.Popen | None = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    @property
    def location(self) -> Path:
        return self.folder / "store"

    def start(self) -> Self:
        if not self.location.exists():
            code = main(
                ["load", "--into-oxigraph", str(self.location), "--release", str(self.release)]
            )
            assert code == 0
        log = self.folder / "replicas.log"
        self.supervisor = start(
            [
                sys.executable,
                str(DEPLOY / "replicas.py"),
                *("--location", str(self.location), "--oxigraph", oxigraph_binary()),
                *(
                    arg
                    for name, port in self.ports.items()
                    for arg in ("--replica", f"{name}=127.0.0.1:{port}")
                ),
                *("--admin", str(self.admin), "--pid-dir", str(self.folder)),
                *("--grace", str(self.grace)),
            ],
            log,
        )
        env = {
            **os.environ,
            "STORE_BIND": f"127.0.0.1:{self.port}",
            "REPLICA1": f"127.0.0.1:{self.ports['r1']}",
            "REPLICA2": f"127.0.0.1:{self.ports['r2']}",
            "STORE_LIMIT": self.limit,
            "REPLICAS_ADMIN": str(self.admin),
        }
        proxy_log = self.folder / "haproxy.log"
        self.proxy = start(
            ["haproxy", "-db", "-f", str(DEPLOY / "replicas.cfg")], proxy_log, env=env
        )
        wait_until(lambda: all(self.pid(n) for n in self.ports), "replicas", self.supervisor, log)
        wait_until(lambda: ask(self.query_url), "haproxy", self.proxy, proxy_log)
        wait_until(self.all_up, "both replicas up", self.proxy, proxy_log, timeout=20)
        return self

    def pid(self, name: str) -> int | None:
        try:
            return int((self.folder / f"{name}.pid").read_text())
        except (OSError, ValueError):
            return None

    def cpu(self) -> float:
        """CPU seconds used by the replicas running now."""
        return sum(cpu_seconds(pid) or 0.0 for pid in map(self.pid, self.ports) if pid)

    def stats(self) -> dict[str, dict[str, str]]:
        import socket

        with socket.socket(socket.AF_UNIX) as conn:
            conn.connect(str(self.admin))
            conn.sendall(b"show stat\n")
            text = b"".join(iter(lambda: conn.recv(65536), b"")).decode()
        lines = text[2:].splitlines()
        names = lines[0].split(",")
        rows = [dict(zip(names, line.split(","), strict=False)) for line in lines[1:]]
        return {r["svname"]: r for r in rows if r.get("pxname") == "replicas"}

    def all_up(self) -> bool:
        try:
            stats = self.stats()
        except OSError:
            return False
        return all(stats.get(name, {}).get("status") == "UP" for name in self.ports)

    def log(self) -> str:
        return (self.folder / "replicas.log").read_text(errors="replace")

    def stop(self) -> None:
        for process in (self.proxy, self.supervisor):
            if process is not None:
                stop(process)
        self.proxy = self.supervisor = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


VIRTUOSO_INI = """\
[Database]
DatabaseFile    = {folder}/virtuoso.db
ErrorLogFile    = {folder}/virtuoso.log
LockFile        = {folder}/virtuoso.lck
TransactionFile = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
MaxCheckpointRemap = 2000
Striping        = 0
TempStorage     = TempDatabase

[TempDatabase]
DatabaseFile    = {folder}/virtuoso-temp.db
TransactionFile = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping        = 0

[Parameters]
ServerPort      = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 20
CheckpointInterval = 60
CaseMode        = 2
DirsAllowed     = {dirs}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
ThreadsPerQuery = 2

[HTTPServer]
ServerPort      = 127.0.0.1:{http_port}
ServerRoot      = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 20
ServerThreads   = 20
MaxKeepAlives   = 10
KeepAliveTimeout = 10
Charset         = UTF-8
EnabledGzipContent = 0

[SPARQL]
ResultSetMaxRows = {max_rows}
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 60
"""


def virtuoso_binary() -> str | None:
    return shutil.which("virtuoso-t")


class VirtuosoServer:
    """Virtuoso 7.2 (Debian's `virtuoso-t`) with a fresh database in `folder`, its SQL and
    HTTP ports free loopback ports, allowed to read release files under `allowed`."""

    def __init__(self, folder: Path, allowed: list[Path], *, max_rows: int = 1_000_000) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.allowed = allowed
        self.max_rows = max_rows
        self.sql_port = free_port()
        self.http_port = free_port()
        self.process: subprocess.Popen | None = None
        self.password_file = folder / "password"
        self.password_file.write_text("dba\n")  # a fresh database's own; loopback only
        self.password_file.chmod(0o600)

    @property
    def sparql_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def isql(self) -> str:
        return f"127.0.0.1:{self.sql_port}"

    def start(self) -> Self:
        ini = self.folder / "virtuoso.ini"
        ini.write_text(
            VIRTUOSO_INI.format(
                folder=self.folder,
                sql_port=self.sql_port,
                http_port=self.http_port,
                dirs=", ".join([".", *(str(p.resolve()) for p in self.allowed)]),
                max_rows=self.max_rows,
            )
        )
        log = self.folder / "server.log"
        self.process = start(
            [virtuoso_binary() or "virtuoso-t", "+foreground", "+configfile", str(ini)],
            log,
            cwd=self.folder,
        )
        wait_until(lambda: ask(self.sparql_url), "virtuoso", self.process, log, timeout=90)
        return self

    def load(self, release: Path) -> None:
        """The release by Virtuoso's bulk loader, checked (`publisher load --virtuoso-isql`)."""
        code = main(
            [
                *("load", "--to", self.sparql_url, "--release", str(release)),
                *("--virtuoso-isql", self.isql, "--isql-password-file", str(self.password_file)),
            ]
        )
        assert code == 0

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process, timeout=20)
            self.process = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


class Publisher:
    """`publisher serve` on a free loopback port over the release link in `home`."""

    def __init__(self, home: Path, store: str, log: Path, **settings: str) -> None:
        self.home = home
        self.store = store
        self.log = log
        self.port = free_port()
        self.pid_file = log.with_suffix(".pid")
        self.settings = settings
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Self:
        env = {**os.environ, **{f"PUBLISHER_{k}": v for k, v in self.settings.items()}}
        self.process = start(
            [
                str(PUBLISHER),
                *("serve", "--home", str(self.home), "--port", str(self.port)),
                *("--store", self.store, "--pid-file", str(self.pid_file)),
            ],
            self.log,
            env=env,
        )

        def ready() -> bool:
            try:
                with urllib.request.urlopen(self.url + "/.well-known/void", timeout=2):
                    return True
            except (OSError, urllib.error.URLError):
                return False

        wait_until(ready, "publisher serve", self.process, self.log)
        return self

    def reload(self) -> None:
        assert main(["reload", "--pid-file", str(self.pid_file)]) == 0

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
            self.process = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

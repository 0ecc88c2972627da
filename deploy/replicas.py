#!/usr/bin/env python3
"""Oxigraph read-only replicas of one store directory, kept up and kept from runaway work.

Runs one `oxigraph serve-read-only --location DIR --union-default-graph` per `--replica
NAME=HOST:PORT` (NAME being the server's name in deploy/replicas.cfg), and watches them:

- a replica that exits (killed, crashed) is started again at once, on the same address;
  HAProxy sends the requests it dropped to the other replica meanwhile (`retry-on`);
- a replica still busy with a query nobody waits for any more is recycled. Oxigraph does not
  stop a query at its time limit (`--timeout-s` neither answers nor stops a COUNT over a
  cartesian product; Oxigraph issue #1336), so the only way to stop that work is to stop the
  process. "Nobody waits" is HAProxy's word, read from its admin socket (`--admin`): it gave up
  on a request to that replica (the client, the publisher at its time limit, went away:
  `cli_abrt`; or the replica said nothing for `timeout server`: `eresp`), or the replica has
  had no request at all. If the replica then keeps using at least `--busy` of a core for
  `--grace` seconds, it is taken out of HAProxy's rotation (`set server ... state maint`),
  given up to `--drain` seconds to finish the other requests it holds, killed, started again
  on the shared directory (a moment: nothing is loaded) and put back (`state ready`).

The same directory is read by every replica; load the next release into another directory
(`publisher load --into-oxigraph DIR`) and run another set beside this one (blue-green).

  python3 deploy/replicas.py --location /srv/oxigraph/<release id> \\
      --replica r1=127.0.0.1:7801 --replica r2=127.0.0.1:7802 \\
      --admin /run/kg/replicas.sock [--pid-dir /run/kg]

Stops its replicas on SIGTERM or SIGINT. Standard library only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")
POLL = 0.2  # seconds between looks
WINDOW = 1.0  # seconds over which a replica's use of the CPU is measured


def log(message: str) -> None:
    print(f"{time.strftime('%H:%M:%S')} replicas: {message}", file=sys.stderr, flush=True)


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system, all threads) a process has used, from /proc; None once gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / TICK


@dataclass
class Replica:
    name: str
    address: str
    process: subprocess.Popen[bytes] | None = None
    samples: deque[tuple[float, float]] = field(default_factory=deque)  # (when, CPU seconds)
    busy: float = 0.0  # share of a core used over the last WINDOW seconds
    abandoned: float | None = None  # when HAProxy last gave up on a request to it
    idle_since: float | None = None  # since when it has had no request at all
    busy_since: float | None = None  # since when it has used at least --busy of a core
    counters: tuple[int, int] = (0, 0)  # HAProxy: requests given up on, requests in all
    started: list[float] = field(default_factory=list)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None


class Supervisor:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.replicas = [Replica(*spec.split("=", 1)) for spec in args.replica]
        self.stopping = False

    # --- processes ------------------------------------------------------------------------

    def start(self, replica: Replica) -> None:
        command = [
            self.args.oxigraph,
            *("serve-read-only", "--location", str(self.args.location)),
            *("--bind", replica.address, "--union-default-graph"),
        ]
        replica.process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        replica.samples.clear()
        replica.busy, replica.abandoned, replica.busy_since = 0.0, None, None
        replica.started.append(time.monotonic())
        self.write_pid(replica)
        if not self.answers(replica, within=10.0):
            log(f"{replica.name} ({replica.address}) does not answer 10 s after it started")

    def kill(self, replica: Replica) -> None:
        if replica.process is not None and replica.process.poll() is None:
            replica.process.kill()
            replica.process.wait()

    def answers(self, replica: Replica, within: float) -> bool:
        """Whether the replica answers a query (ASK {}) within `within` seconds."""
        url = f"http://{replica.address}/query?query=ASK%7B%7D"
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if replica.process is not None and replica.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(url, timeout=1) as answer:
                    answer.read()
                    return True
            except (OSError, urllib.error.URLError):
                time.sleep(0.02)
        return False

    def write_pid(self, replica: Replica) -> None:
        if self.args.pid_dir is not None and replica.pid is not None:
            path = self.args.pid_dir / f"{replica.name}.pid"
            path.write_text(f"{replica.pid}\n")

    # --- HAProxy --------------------------------------------------------------------------

    def admin(self, command: str) -> str | None:
        """A command to HAProxy's admin socket, and its answer; None when there is none."""
        if self.args.admin is None:
            return None
        try:
            with socket.socket(socket.AF_UNIX) as conn:
                conn.settimeout(2)
                conn.connect(str(self.args.admin))
                conn.sendall(command.encode() + b"\n")
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
        except OSError:
            return None
        return b"".join(chunks).decode("utf-8", "replace")

    def stats(self) -> dict[str, dict[str, int]]:
        """HAProxy's counters of each server of the backend."""
        text = self.admin("show stat")
        if not text or not text.startswith("# "):
            return {}
        lines = text[2:].splitlines()
        names = lines[0].split(",")
        found = {}
        for line in lines[1:]:
            row = dict(zip(names, line.split(","), strict=False))
            if row.get("pxname") == self.args.backend:
                found[row["svname"]] = {
                    key: int(row.get(key) or 0)
                    for key in ("scur", "stot", "eresp", "cli_abrt", "srv_abrt")
                }
        return found

    def set_state(self, replica: Replica, state: str) -> None:
        self.admin(f"set server {self.args.backend}/{replica.name} state {state}")

    # --- the watch ------------------------------------------------------------------------

    def look(self, now: float) -> None:
        stats = self.stats()
        for replica in self.replicas:
            if replica.process is None or replica.process.poll() is not None:
                if not self.stopping:
                    code = replica.process.returncode if replica.process else None
                    log(f"{replica.name} exited ({code}); starting it again")
                    self.start(replica)
                continue
            used = cpu_seconds(replica.process.pid)
            if used is None:
                continue
            samples = replica.samples
            samples.append((now, used))
            while len(samples) > 2 and samples[1][0] <= now - WINDOW:
                samples.popleft()
            then, before = samples[0]
            replica.busy = (used - before) / (now - then) if now > then else 0.0
            if replica.busy >= self.args.busy:
                replica.busy_since = replica.busy_since or now
            else:
                replica.busy_since = None
                replica.abandoned = None  # whatever was given up on has stopped
            numbers = stats.get(replica.name)
            if numbers is not None:
                given_up = numbers["cli_abrt"] + numbers["eresp"] + numbers["srv_abrt"]
                if given_up > replica.counters[0] and replica.busy_since is not None:
                    replica.abandoned = replica.abandoned or now
                idle = numbers["scur"] == 0 and numbers["stot"] == replica.counters[1]
                replica.idle_since = (replica.idle_since or now) if idle else None
                replica.counters = (given_up, numbers["stot"])
            why = self.runaway(replica, now)
            if why:
                self.recycle(replica, why)

    def runaway(self, replica: Replica, now: float) -> str | None:
        """Why the replica is busy with work nobody waits for, or None."""
        if replica.busy_since is None:
            return None
        grace = self.args.grace
        busy = f"{replica.busy:.2f} of a core"
        if replica.abandoned is not None and now - replica.abandoned >= grace:
            return f"still using {busy} {now - replica.abandoned:.1f} s after HAProxy gave up on a request to it"
        if (
            replica.idle_since is not None
            and now - max(replica.idle_since, replica.busy_since) >= grace
        ):
            return f"using {busy} with no request for {now - replica.idle_since:.1f} s"
        return None

    def recycle(self, replica: Replica, why: str) -> None:
        old = replica.pid
        self.set_state(replica, "maint")
        deadline = time.monotonic() + self.args.drain
        while time.monotonic() < deadline:
            if self.stats().get(replica.name, {}).get("scur", 0) == 0:
                break
            time.sleep(0.05)
        self.kill(replica)
        self.start(replica)
        self.set_state(replica, "ready")
        replica.counters = (0, 0)
        numbers = self.stats().get(replica.name)
        if numbers is not None:
            replica.counters = (
                numbers["cli_abrt"] + numbers["eresp"] + numbers["srv_abrt"],
                numbers["stot"],
            )
        replica.idle_since = None
        log(f"recycled {replica.name} (pid {old} -> {replica.pid}): {why}")

    def run(self) -> int:
        def stop(number: int, frame: object) -> None:
            self.stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        for replica in self.replicas:
            self.start(replica)
        log(
            "serving "
            + ", ".join(f"{r.name}={r.address} (pid {r.pid})" for r in self.replicas)
            + f" from {self.args.location}"
        )
        try:
            while not self.stopping:
                time.sleep(POLL)
                self.look(time.monotonic())
        finally:
            for replica in self.replicas:
                self.kill(replica)
                if self.args.pid_dir is not None:
                    (self.args.pid_dir / f"{replica.name}.pid").unlink(missing_ok=True)
            log("stopped")
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--location", type=Path, required=True, help="the store directory")
    parser.add_argument(
        "--replica",
        action="append",
        required=True,
        metavar="NAME=HOST:PORT",
        help="a replica: its server name in HAProxy and its address (give it once per replica)",
    )
    parser.add_argument("--admin", type=Path, help="HAProxy's admin socket (stats socket)")
    parser.add_argument("--backend", default="replicas", help="HAProxy's backend of the replicas")
    parser.add_argument(
        "--oxigraph",
        default=None,
        help="the oxigraph program (default: next to this Python, else on PATH)",
    )
    parser.add_argument(
        "--busy",
        type=float,
        default=0.25,
        help="share of a core, over a second, that counts as busy (0.25; an idle replica "
        "uses none)",
    )
    parser.add_argument(
        "--grace",
        type=float,
        default=1.0,
        help="seconds a replica may stay busy with work nobody waits for (1.0)",
    )
    parser.add_argument(
        "--drain",
        type=float,
        default=2.0,
        help="seconds the other requests of a replica to recycle are given to finish (2.0)",
    )
    parser.add_argument("--pid-dir", type=Path, help="write NAME.pid of each replica here")
    args = parser.parse_args(argv)
    if args.oxigraph is None:
        here = Path(sys.executable).parent / "oxigraph"
        args.oxigraph = str(here) if here.exists() else shutil.which("oxigraph")
        if not args.oxigraph:
            parser.error("no oxigraph program: give --oxigraph")
    for spec in args.replica:
        if "=" not in spec:
            parser.error(f"--replica {spec!r}: give NAME=HOST:PORT")
    return Supervisor(args).run()


if __name__ == "__main__":
    sys.exit(main())

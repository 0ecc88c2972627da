"""Processes under measurement: wall time, memory of a whole process tree, free ports.

Memory is sampled from /proc while the process runs: the sum over the process and all its
descendants of RSS (what `ps` shows; pages shared copy-on-write between a server's workers are
counted in each) and of PSS (shared pages divided among their sharers: what the tree really
occupies). The peaks of both sums are kept, and the largest single RSS.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Self


def children(pid: int) -> list[int]:
    """The process and all its descendants."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo += parents.get(current, [])
    return found


def memory(pid: int) -> tuple[int, int, int]:
    """(sum of RSS, sum of PSS, largest RSS) in bytes over the process tree of `pid`."""
    rss = pss = largest = 0
    for member in children(pid):
        try:
            text = Path(f"/proc/{member}/smaps_rollup").read_text()
        except OSError:
            continue
        values = {}
        for line in text.splitlines()[1:]:
            name, _, rest = line.partition(":")
            if name in ("Rss", "Pss"):
                values[name] = int(rest.split()[0]) * 1024
        rss += values.get("Rss", 0)
        pss += values.get("Pss", 0)
        largest = max(largest, values.get("Rss", 0))
    return rss, pss, largest


class Sampler(threading.Thread):
    """Samples the memory of a process tree every `interval` seconds until stopped."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = self.peak_single = 0
        self.last = (0, 0, 0)
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(self.interval)

    def sample(self) -> tuple[int, int, int]:
        self.last = memory(self.pid)
        self.peak_rss = max(self.peak_rss, self.last[0])
        self.peak_pss = max(self.peak_pss, self.last[1])
        self.peak_single = max(self.peak_single, self.last[2])
        return self.last

    def stop(self) -> None:
        self._stop_event.set()
        self.join(timeout=5)


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss: int
    peak_pss: int


def run_measured(
    command: list[str], *, timeout: float, env: dict | None = None, cwd: Path | None = None
) -> Finished:
    """Run a command to its end, timing it and sampling its tree's memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd
    )
    sampler = Sampler(process.pid)
    sampler.start()
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
        stderr += f"\n(killed after {timeout} s)"
    finally:
        sampler.stop()
    return Finished(
        process.returncode,
        stdout,
        stderr,
        time.perf_counter() - started,
        sampler.peak_rss,
        sampler.peak_pss,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(
    url: str, timeout: float, process: subprocess.Popen | None = None, headers: dict | None = None
) -> float:
    """Poll `url` until it answers 2xx/3xx; returns the seconds waited."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode} before answering")
        try:
            request = urllib.request.Request(url, headers=headers or {})
            with urllib.request.urlopen(request, timeout=5) as response:
                if response.status < 400:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def machine_cpu_seconds() -> float:
    """CPU seconds the whole machine has been busy, over all cores, since boot (/proc/stat:
    everything but idle and iowait; steal counts, it is time another guest took)."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:9]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def own_cpu_seconds() -> float:
    """CPU seconds of this process and of every descendant it (or they) waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def adopt_orphans() -> None:
    """Make this process the reaper of its descendants' orphans (Linux's child subreaper), so
    that the CPU time of a server's grandchildren (query workers killed with their process
    group) is counted as ours once they are reaped (`reap_orphans`)."""
    global _ADOPTING
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
        _ADOPTING = True
    except (OSError, AttributeError):
        pass


_ADOPTING = False


def reap_orphans() -> None:
    """Collect every exited child not waited for, adopted orphans included (only in a process
    that adopts them: elsewhere, such as under pytest, exited children belong to others)."""
    while _ADOPTING:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


class Interference:
    """How much of the machine others used while a phase ran, in cores on average.

    The load average cannot tell: the phase's own servers and load generator raise it. The
    machine's busy time less this process tree's own is what everyone else took (the phase's
    processes have all been waited for when it ends; `adopt_orphans` brings back those whose
    parent died first)."""

    def __enter__(self) -> Self:
        self.wall, self.own = time.perf_counter(), own_cpu_seconds()
        self.machine = machine_cpu_seconds()
        return self

    def __exit__(self, *exc) -> None:
        time.sleep(0.2)  # orphans killed with their group are gone a moment later
        reap_orphans()
        wall = time.perf_counter() - self.wall
        others = (machine_cpu_seconds() - self.machine) - (own_cpu_seconds() - self.own)
        self.cores = round(max(others, 0.0) / wall, 3) if wall > 0 else 0.0

"""HTTP measurements on loopback: per-request latency, and throughput under bounded load.

Latency: one client, keep-alive, requests one after the other; each sample is the time from
sending the request to having read the whole body. Throughput: wrk (Debian's package) with a
fixed number of connections for a fixed time, or, where wrk is missing, the same with Python
threads (slower as a client, so it reports less than wrk would).
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlencode, urlsplit

SPARQL_JSON = "application/sparql-results+json"


@dataclass
class Request:
    """A GET (body None) or a form POST to `url` with an Accept header."""

    url: str
    accept: str
    form: dict | None = None

    @cached_property
    def body(self) -> bytes | None:
        # Encoded once, not in the timed part of every request: percent-encoding a query of a
        # thousand characters takes Python about 0.1 ms, which was added to every sample of
        # every system (three times: 0.25 ms on a 3 ms query).
        return urlencode(self.form).encode() if self.form is not None else None


def sparql(url: str, query: str) -> Request:
    return Request(url, SPARQL_JSON, {"query": query})


class Client:
    """One keep-alive connection to the host of a request's URL."""

    def __init__(self, url: str, timeout: float) -> None:
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)

    def send(self, request: Request) -> tuple[int, bytes]:
        parts = urlsplit(request.url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = {"Accept": request.accept}
        if request.body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(
                "POST" if request.body is not None else "GET",
                path,
                body=request.body,
                headers=headers,
            )
            response = self.connection.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()  # reconnects on the next request
            raise

    def close(self) -> None:
        self.connection.close()


def latencies(
    request: Request, count: int, *, warmup: int = 2, timeout: float = 300, budget: float = 120
) -> tuple[list[float], int, bytes]:
    """Times of `count` requests (fewer if `budget` seconds run out), the last status and body;
    a request still unanswered after `timeout` seconds ends the series with status 0."""
    return latencies_in_turn([request], count, warmup=warmup, timeout=timeout, budget=budget)[0]


def latencies_in_turn(
    requests: Sequence[Request],
    count: int,
    *,
    warmup: int = 2,
    timeout: float = 300,
    budget: float = 120,
) -> list[tuple[list[float], int, bytes]]:
    """`latencies` of several requests sent in turn, one of each at a time, each on its own
    keep-alive connection: the series see the same moments of a shared machine, whose speed
    drifts between series sent one after the other by more than some of the differences
    measured. A request still unanswered after `timeout` ends every series."""
    clients = [Client(request.url, timeout) for request in requests]
    series: list[list[float]] = [[] for _ in requests]
    last = [(0, b"") for _ in requests]
    try:
        for _ in range(warmup):
            for n, request in enumerate(requests):
                last[n] = clients[n].send(request)
        started = time.perf_counter()
        while len(series[-1]) < count and time.perf_counter() - started < budget:
            for n, request in enumerate(requests):
                begin = time.perf_counter()
                last[n] = clients[n].send(request)
                series[n].append(time.perf_counter() - begin)
    except TimeoutError:
        last = [(0, b"") for _ in requests]
    finally:
        for client in clients:
            client.close()
    return [(samples, *answer) for samples, answer in zip(series, last, strict=True)]


def rows(body: bytes) -> int | None:
    """Rows of a SPARQL JSON result (None if it is not one)."""
    try:
        return len(json.loads(body)["results"]["bindings"])
    except (ValueError, KeyError, TypeError):
        return None


def percentiles(samples: list[float]) -> dict[str, float | int | None]:
    """p50/p95/p99 (nearest rank) in milliseconds, and the sample count."""
    if not samples:
        return {"n": 0, "p50": None, "p95": None, "p99": None, "max": None, "mean": None}
    ordered = sorted(samples)

    def rank(p: float) -> float:
        return round(
            ordered[min(len(ordered) - 1, max(0, int(-(-p * len(ordered) // 1)) - 1))] * 1000, 3
        )

    return {
        "n": len(ordered),
        "p50": rank(0.50),
        "p95": rank(0.95),
        "p99": rank(0.99),
        "max": round(ordered[-1] * 1000, 3),
        "mean": round(sum(ordered) / len(ordered) * 1000, 3),
    }


# --- throughput ------------------------------------------------------------------------------


def throughput(request: Request, *, connections: int, seconds: float, threads: int = 2) -> dict:
    """Requests per second and latency percentiles under `connections` concurrent clients."""
    if shutil.which("wrk"):
        return _wrk(request, connections, seconds, threads)
    return _python_load(request, connections, seconds)


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _wrk(request: Request, connections: int, seconds: float, threads: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(f'wrk.headers["Accept"] = "{request.accept}"\n')
        if request.body is not None:
            script.write('wrk.method = "POST"\n')
            script.write('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
            script.write(f"wrk.body = {json.dumps(request.body.decode())}\n")
    try:
        output = subprocess.run(
            [
                "wrk",
                "-t",
                str(min(threads, connections)),
                "-c",
                str(connections),
                "-d",
                f"{max(1, round(seconds))}s",
                "--timeout",
                "30s",
                "--latency",
                "-s",
                script.name,
                request.url,
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 120,
            check=True,
        ).stdout
    finally:
        Path(script.name).unlink()
    result: dict = {"tool": "wrk", "connections": connections, "seconds": seconds}
    result["requests_per_second"] = float(re.search(r"Requests/sec:\s+([\d.]+)", output)[1])
    result["requests"] = int(re.search(r"(\d+) requests in", output)[1])
    for p in ("50", "75", "90", "99"):
        found = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
        result[f"p{p}"] = round(float(found[1]) * _UNITS[found[2]], 3) if found else None
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    timeouts = re.search(r"Socket errors:.*timeout (\d+)", output)
    result["errors"] = (int(errors[1]) if errors else 0) + (int(timeouts[1]) if timeouts else 0)
    return result


def _python_load(request: Request, connections: int, seconds: float) -> dict:
    samples: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def worker() -> None:
        client, mine, failed = Client(request.url, 30), [], 0
        while time.perf_counter() < deadline:
            begin = time.perf_counter()
            try:
                status, _ = client.send(request)
            except (OSError, http.client.HTTPException):
                status = 0
            mine.append(time.perf_counter() - begin)
            failed += status >= 400 or status == 0
        client.close()
        with lock:
            samples.extend(mine)
            errors[0] += failed

    started = time.perf_counter()
    workers = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    elapsed = time.perf_counter() - started
    result = {
        "tool": "python",
        "connections": connections,
        "seconds": round(elapsed, 2),
        "requests": len(samples),
        "requests_per_second": round(len(samples) / elapsed, 1),
        "errors": errors[0],
    }
    stats = percentiles(samples)
    result.update({"p50": stats["p50"], "p90": None, "p99": stats["p99"]})
    return result

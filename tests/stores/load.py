"""A bounded load on a server: a few threads sending requests one after another for a while,
every answer kept (status, body, when) for the test to check."""

from __future__ import annotations

import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

SELECT = "application/sparql-results+json"
# SPARQL results for queries, N-Quads for descriptions: every answer can be checked by parsing.
ACCEPT = "application/sparql-results+json, application/n-quads;q=0.9"


@dataclass
class Answer:
    path: str
    status: int
    body: bytes
    started: float
    ended: float


def fetch(url: str, accept: str = ACCEPT, timeout: float = 30) -> tuple[int, bytes]:
    """Status and body; an error status is an answer, a connection that fails is status 0."""
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
    except OSError as error:
        return 0, repr(error).encode()


def sparql_path(query: str) -> str:
    return "/sparql?" + urllib.parse.urlencode({"query": query})


class Load:
    """`threads` clients asking `paths` in turn of `base` until `stop()` (or `seconds`)."""

    def __init__(self, base: str, paths: list[str], *, threads: int = 4, seconds: float = 30):
        self.base = base
        self.paths = paths
        self.answers: list[Answer] = []
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.deadline = time.monotonic() + seconds
        self.threads = [
            threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(threads)
        ]

    def _client(self, number: int) -> None:
        turn = number
        while not self.done.is_set() and time.monotonic() < self.deadline:
            path = self.paths[turn % len(self.paths)]
            turn += 1
            started = time.monotonic()
            status, body = fetch(self.base + path)
            with self.lock:
                self.answers.append(Answer(path, status, body, started, time.monotonic()))

    def __enter__(self) -> Load:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.done.set()
        for thread in self.threads:
            thread.join(timeout=60)

    def wait(self, count: int, timeout: float = 30) -> None:
        """Until at least `count` answers came."""
        deadline = time.monotonic() + timeout
        while len(self.answers) < count and time.monotonic() < deadline:
            time.sleep(0.02)

    def failed(self, check: Callable[[Answer], bool] = lambda a: True) -> list[Answer]:
        return [a for a in self.answers if a.status != 200 or not check(a)]


def same_quads(one: bytes, two: bytes) -> bool:
    """Whether two N-Quads answers are the same dataset (blank node labels aside)."""
    if one == two:
        return True
    import pyoxigraph as ox

    def canonical(body: bytes) -> set[ox.Quad]:
        dataset = ox.Dataset(ox.parse(body, format=ox.RdfFormat.N_QUADS))
        dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
        return set(dataset)

    return canonical(one) == canonical(two)

"""Loading a release into a SPARQL store, then checking what the store holds.

Three ways in, one check after each:

- the Graph Store Protocol (`load_release`): every named graph sent whole with the SPARQL 1.1
  Graph Store HTTP Protocol (PUT replaces the graph, so loading again leaves no stale
  triples); graphs of an earlier release under the same base that this one no longer has are
  deleted;
- Oxigraph's bulk path (`load_oxigraph`): `oxigraph load` of dataset.nq into a fresh
  directory, which `oxigraph serve-read-only` replicas then serve;
- Virtuoso's bulk loader (`load_virtuoso`): the release's graphs (and stale ones) cleared,
  dataset.nq loaded by `ld_add` and `rdf_loader_run` through its SQL client.

Then the store's triple count of each graph (listed and counted as its engine needs, its
system graphs left out) is compared with the release's VoID description.
"""

from __future__ import annotations

import urllib.request
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import pyoxigraph as ox

from publisher.errors import PublisherError, ReleaseError
from publisher.release.reader import QUADS, Release, open_release
from publisher.store.engines import oxigraph, split_url, virtuoso
from publisher.store.errors import StoreError
from publisher.store.holding import expected, expected_counts
from publisher.store.http import USER_AGENT, send
from publisher.store.remote import RemoteStore

N_TRIPLES = "application/n-triples"
__all__ = ["LoadMismatch", "LoadReport", "check_release", "expected_counts", "load_release"]


class LoadMismatch(PublisherError):
    """The store does not hold what the release says it should."""

    exit_code = 5


@dataclass
class LoadReport:
    """What was sent, what the release expects, what the store holds, and how they differ."""

    endpoint: str
    graph_store: str
    base: str = ""
    sent: dict[str, int] = field(default_factory=dict)
    expected: dict[str, int] = field(default_factory=dict)
    held: dict[str, int] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what the store cannot serve whole

    @property
    def differences(self) -> list[str]:
        """One line per graph whose count in the store is not the release's."""
        lines = []
        for graph in sorted(self.expected.keys() | self.sent.keys()):
            want = self.expected.get(graph, self.sent.get(graph, 0))
            have = self.held.get(graph, 0)
            if have != want:
                lines.append(f"<{graph}>: the release has {want} triples, the store {have}")
        for graph, have in self.foreign.items():
            if self.base and graph.startswith(self.base):
                lines.append(f"<{graph}>: not in the release, the store has {have} triples")
        return lines + self.problems

    @property
    def foreign(self) -> dict[str, int]:
        """Graphs the store holds that are not this release's: its union default graph has
        them too, so queries over the whole store see them (those under the release's base
        are stale, and count as differences)."""
        ours = self.expected.keys() | self.sent.keys()
        return {g: n for g, n in self.held.items() if g not in ours}


def graph_store_for(endpoint: str) -> str:
    """The Graph Store endpoint next to a query endpoint: Oxigraph's /query -> /store, Fuseki's
    /<dataset>/sparql -> /<dataset>/data. Other stores name theirs explicitly."""
    parts = urlsplit(endpoint)
    folder, _, last = parts.path.rpartition("/")
    replacement = {"query": "store", "sparql": "data"}.get(last)
    if replacement is None:
        raise PublisherError(
            f"cannot tell the Graph Store endpoint of {endpoint}: give it with --graph-store "
            "(Oxigraph: .../store, Fuseki: .../<dataset>/data)"
        )
    return urlunsplit(parts._replace(path=f"{folder}/{replacement}", query=""))


def load_release(
    folder: Path,
    endpoint: str,
    graph_store: str | None = None,
    *,
    timeout: float = 60.0,
    progress: Callable[[str], None] = lambda line: None,
) -> LoadReport:
    """Send every graph of the release at `folder` to the store and count them back."""
    store = _store(endpoint, timeout)
    report = LoadReport(endpoint, graph_store or graph_store_for(endpoint))
    release = open_release(folder)
    report.base = release.base
    graphs, report.warnings = _graphs(release)
    for graph, triples in graphs.items():
        _put(report.graph_store, graph, triples, timeout)
        report.sent[graph] = len(triples)
        progress(f"{len(triples):>8}  <{graph}>")
    report.expected = expected_counts(release)
    held = _held(store, endpoint)
    for graph in sorted(held.keys() - graphs.keys()):
        if release.base and graph.startswith(release.base):
            _delete(report.graph_store, graph, timeout)  # a graph of an earlier release
            report.deleted.append(graph)
            progress(f" deleted  <{graph}> (not in this release)")
    report.held = _held(store, endpoint)
    return report


def check_release(folder: Path, endpoint: str, *, timeout: float = 60.0) -> LoadReport:
    """Count the graphs in the store against the release's VoID, sending nothing: for a store
    filled by its own bulk loader from the release's dataset.nq."""
    store = _store(endpoint, timeout)
    release = open_release(folder)
    report = LoadReport(endpoint, "", release.base)
    report.expected = expected_counts(release)
    report.held = _held(store, endpoint)
    report.problems += _row_limit(store, release)
    return report


def load_oxigraph(
    folder: Path,
    location: Path,
    *,
    program: str | None = None,
    progress: Callable[[str], None] = lambda line: None,
) -> LoadReport:
    """`oxigraph load` of the release into the fresh directory `location`, then its counts
    read back from there by the same program (serve it with `oxigraph serve-read-only`)."""
    release = open_release(folder)
    binary = oxigraph.binary(program)
    report = LoadReport(str(location), "", release.base)
    report.expected = expected_counts(release)
    progress(f"oxigraph load --location {location} --file {release.path(QUADS)}")
    oxigraph.bulk_load(release.path(QUADS), location, binary)
    report.sent = dict(report.expected)
    report.held = oxigraph.graph_sizes(location, binary)
    return report


def load_virtuoso(
    folder: Path,
    endpoint: str,
    *,
    address: str,
    user: str,
    password: str,
    program: str = "isql-vt",
    timeout: float = 60.0,
    progress: Callable[[str], None] = lambda line: None,
) -> LoadReport:
    """Virtuoso's bulk loader: the release's graphs, and those under its base that it no longer
    has, cleared; dataset.nq loaded (the server reads the file itself); then the counts
    through the SPARQL endpoint."""
    store = _store(endpoint, timeout)
    release = open_release(folder)
    report = LoadReport(endpoint, f"isql {address}", release.base)
    report.expected = expected_counts(release)
    # The graphs to make readable: the release's own, counted in its N-Quads when it has no VoID.
    graphs = expected(release).counts
    before = _held(store, endpoint)
    stale = sorted(
        graph
        for graph in before.keys() - graphs.keys()
        if release.base and graph.startswith(release.base)
    )
    progress(f"bulk loader at {address}: {release.path(QUADS)}")
    virtuoso.bulk_load(
        release.path(QUADS),
        list(graphs),
        stale,
        address=address,
        user=user,
        password=password,
        program=program,
    )
    report.deleted = stale
    for graph in stale:
        progress(f" cleared  <{graph}> (not in this release)")
    report.sent = dict(report.expected)
    report.held = _held(store, endpoint)
    report.problems += _row_limit(store, release)
    return report


def _row_limit(store: RemoteStore, release: Release) -> list[str]:
    """A store whose engine cuts answers at a setting of its own must answer the largest graph
    of the release whole (descriptions of a graph are one query): what it cuts is said."""
    if not store.engine.row_limit_setting:
        return []
    counts = expected(release).counts
    if not counts:
        return []
    largest = max(counts, key=lambda g: counts[g])
    rows = store.query(
        f"SELECT ?s ?p ?o WHERE {{ GRAPH {ox.NamedNode(largest)} {{ ?s ?p ?o }} }}"
    ).rows
    if len(rows) >= counts[largest]:
        return []
    return [
        f"the store answered {len(rows)} of the {counts[largest]} triples of <{largest}>: it "
        f"cuts answers at {len(rows)} rows; raise {store.engine.row_limit_setting} above the "
        "largest graph of a release (and above PUBLISHER_ROW_CAP)"
    ]


def _store(endpoint: str, timeout: float) -> RemoteStore:
    engine, url = split_url(endpoint)
    try:
        return RemoteStore(url, timeout=timeout, engine=engine)
    except ValueError as error:
        raise PublisherError(str(error)) from None


def _graphs(release: Release) -> tuple[dict[str, list[ox.Triple]], list[str]]:
    """The release's triples by named graph, and warnings about what PUT cannot keep."""
    graphs: dict[str, list[ox.Triple]] = defaultdict(list)
    blank_graphs: dict[str, set[str]] = defaultdict(set)
    path = release.path("dataset.nq")
    try:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            if not isinstance(quad.graph_name, ox.NamedNode):
                raise ReleaseError(f"{path}: a triple outside any named graph ({quad.triple})")
            graphs[quad.graph_name.value].append(quad.triple)
            for term in (quad.subject, quad.object):
                if isinstance(term, ox.BlankNode):
                    blank_graphs[term.value].add(quad.graph_name.value)
    except (OSError, SyntaxError) as error:
        raise ReleaseError(f"{path}: cannot read ({error})") from None
    # Each PUT is its own document, so a blank node in two graphs becomes two blank nodes.
    shared = sorted(b for b, names in blank_graphs.items() if len(names) > 1)
    warnings = [
        f"blank node _:{b} is in {len(blank_graphs[b])} graphs; the store keeps one per graph"
        for b in shared
    ]
    return dict(sorted(graphs.items())), warnings


def _held(store: RemoteStore, endpoint: str) -> dict[str, int]:
    """Every graph the store holds, with its count, as its engine lists them (its own left out)."""
    try:
        return store.graph_sizes(every=True)
    except StoreError as error:
        raise PublisherError(
            f"counting the graphs at {endpoint}: {error.detail or error}"
        ) from None


def _put(graph_store: str, graph: str, triples: list[ox.Triple], timeout: float) -> None:
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    _graph_request(graph_store, graph, "PUT", body, timeout)


def _delete(graph_store: str, graph: str, timeout: float) -> None:
    _graph_request(graph_store, graph, "DELETE", None, timeout)


def _graph_request(
    graph_store: str, graph: str, method: str, body: bytes | None, timeout: float
) -> None:
    url = f"{graph_store}{'&' if '?' in graph_store else '?'}graph={quote(graph, safe='')}"
    request = urllib.request.Request(url, data=body, method=method)
    request.add_header("User-Agent", USER_AGENT)
    if body is not None:
        request.add_header("Content-Type", N_TRIPLES)
    try:
        with send(request, timeout, f"{method} {url}") as response:
            response.read()
    except StoreError as error:
        raise PublisherError(
            f"{method} of graph <{graph}> at {graph_store} failed: {error.detail or error}"
        ) from None

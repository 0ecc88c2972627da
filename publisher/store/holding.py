"""Which release a remote store holds, and whether whole; and, among several stores, the one a
server serves a release from (blue-green releases).

What a release expects of a store comes from its own files: the triples of each named graph
(`void:triples` of each `void:subset` in void.ttl, else the counts of release.json, else the
N-Quads themselves) and the release's IRI, which the release graph describes. A store holds a
release whole when it describes that IRI and every graph has the release's count: that is
what `publisher load` checks after loading, and what a server checks of each store it may
serve a release from, so that a release becomes visible only once it is loaded and checked.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from publisher.errors import ReleaseError
from publisher.rdf import namespaces
from publisher.release.reader import QUADS, Release
from publisher.store.errors import StoreError
from publisher.store.remote import RemoteStore

log = logging.getLogger(__name__)
VOID = namespaces.VOCABULARIES["void"]
COUNTS = f"""SELECT ?graph ?triples WHERE {{
  ?dataset <{VOID}subset> ?graph . ?graph <{VOID}triples> ?triples
}}"""


@dataclass(frozen=True)
class Expected:
    """What a store holding `release` whole holds: `counts` (triples per named graph) and
    the triples describing the release's IRI `iri` (None: a release that does not)."""

    name: str
    base: str
    iri: str | None
    counts: dict[str, int]

    @property
    def graphs(self) -> list[str]:
        return sorted(self.counts)


def expected(release: Release) -> Expected:
    """What `release` expects of a store, from its own files."""
    counts = expected_counts(release)
    if not counts:
        counts = _counted(release)
    iri = release.manifest.get("release")
    return Expected(release.name, release.base, str(iri) if iri else None, counts)


def expected_counts(release: Release) -> dict[str, int]:
    """Triples per graph as the release's VoID states them (release.json when it has no VoID)."""
    if "void.ttl" in release.files and release.files["void.ttl"].size:
        void = ox.Store()
        void.bulk_load(path=str(release.path("void.ttl")), format=ox.RdfFormat.TURTLE)
        rows = void.query(COUNTS)
        assert isinstance(rows, ox.QuerySolutions)  # COUNTS is a SELECT
        counts = {row["graph"].value: int(row["triples"].value) for row in rows}
        if counts:
            return dict(sorted(counts.items()))
    return {str(g): int(n) for g, n in dict(release.manifest.get("graphs", {})).items()}


def _counted(release: Release) -> dict[str, int]:
    """The triples of each graph of the release's N-Quads (a release that lists none)."""
    path = release.path(QUADS)
    try:
        counts = Counter(
            quad.graph_name.value
            for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)
            if isinstance(quad.graph_name, ox.NamedNode)
        )
    except (OSError, SyntaxError) as error:
        raise ReleaseError(f"{path}: cannot read ({error})") from None
    return dict(sorted(counts.items()))


def problems(store: RemoteStore, wanted: Expected) -> list[str]:
    """Why `store` does not hold the release whole (nothing when it does); a store that cannot
    be asked says so."""
    try:
        if wanted.iri and not store.query(f"ASK {{ {ox.NamedNode(wanted.iri)} ?p ?o }}").boolean:
            return [f"it does not hold release {wanted.name} (nothing describes <{wanted.iri}>)"]
        held = store.graph_sizes()
    except StoreError as error:
        return [f"it cannot be asked ({error.detail or error})"]
    found = []
    for graph, count in wanted.counts.items():
        if held.get(graph, 0) != count:
            found.append(f"<{graph}> has {held.get(graph, 0)} triples, the release {count}")
    return found


def choose(stores: Sequence[RemoteStore], wanted: Expected) -> RemoteStore:
    """The first of `stores` that holds the release whole; ReleaseError saying what each one
    lacks when none does (a reload is then refused, and the server keeps what it serves)."""
    why = []
    for store in stores:
        found = problems(store, wanted)
        if not found:
            log.info("release %s: served from %s", wanted.name, store.endpoint)
            return store
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        why.append(f"{store.endpoint}: {'; '.join(found[:3])}{more}")
    raise ReleaseError(
        f"no store holds release {wanted.name} whole, so it is not served: " + " | ".join(why)
    )

"""From a built graph to a release: its files, its id, written only if the graph conforms."""

from __future__ import annotations

import gc
import hashlib
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.process import BaseProcess
from pathlib import Path

from publisher.build import pool
from publisher.build.cache import Cache
from publisher.build.identity import PLACEHOLDER, TwoDigests, identity_of
from publisher.build.merged_blocks import MergedBlocks
from publisher.build.pipeline import CACHE_DIR, Built, build_graph, release_graph_part
from publisher.build.turtle_members import TurtleMembers
from publisher.errors import ValidationFailed
from publisher.rdf import namespaces
from publisher.rdf.iris import Minter
from publisher.rdf.terms import turtle
from publisher.release import files as release_files
from publisher.release.dumps import Segments, concatenated_files, dataset_files, turtle_header
from publisher.release.manifest import manifest
from publisher.release.parts import GraphPart, part_with_id
from publisher.release.union import union_turtle
from publisher.release.void import void_description
from publisher.release.writer import Staging, prune_for_new
from publisher.validate.engines import DEFAULT_ENGINE
from publisher.validate.report import skolemised_report

LAST_TIMINGS: dict[str, float] = {}  # seconds per phase of the last build_release (benchmarks)


def _with_id(data: bytes, release_id: str) -> bytes:
    return data.replace(PLACEHOLDER.encode(), release_id.encode())


def _release_metadata(built: Built, release_id: str) -> dict[str, bytes]:
    """validation.ttl, void.ttl and release.json of the release `release_id`."""
    release = str(built.minter.release(release_id))
    counts = {p.graph: p.triples for p in built.parts if p.triples}
    report = skolemised_report(built.validation, release + "/validation")
    void = void_description(built.minter, release_id, built.generated, counts, built.quality)
    return {
        release_files.REPORT: turtle(report),
        release_files.VOID: turtle(void),
        release_files.MANIFEST: manifest(
            release,
            release_id,
            built.minter.base,
            built.generated,
            counts,
            len(built.corpus.documents),
            len(built.corpus.claims),
        ),
    }


class _DraftedDumps:
    """The dumps made with PLACEHOLDER for the release id, and their digests, from which the id
    is computed: made while the parts are validated (`build_graph`'s `meanwhile`), and written
    into the new release's folder (`staging`), to be flushed to disk meanwhile; their bytes
    that hold the id are written again once it is known."""

    def __init__(self, base: str, store: Cache, out: Path, pruning: BaseProcess) -> None:
        self.out, self.pruning = out, pruning
        self.staging: Staging | None = None
        minter = Minter(base)
        self.prefixes = namespaces.prefixes(minter.base)
        self.release_graph = str(minter.graph("release"))
        self.merged = MergedBlocks(store, self.prefixes)
        self.seconds = 0.0

    def __call__(self, parts: list[GraphPart]) -> None:
        started = time.perf_counter()
        placeholder = PLACEHOLDER.encode()
        # No part but the release graph's holds the placeholder: the build refuses one that
        # does as it makes it (identity.refuse_placeholder). The id is a digest of the files
        # made with the placeholder; the bytes they share with the files made with the id
        # (all but the release graph's and what follows it) are hashed once for both. The
        # union Turtle is merged once; its runs are written with the placeholder, then the
        # id. hashlib leaves the GIL while it hashes: the dumps that are the parts one after
        # the other (their .gz too) are hashed and written on another core while this thread
        # merges the union.
        self.header = turtle_header(self.prefixes)
        plain = concatenated_files(parts, self.prefixes)
        release = next(p for p in parts if p.graph == self.release_graph)
        holding = list(release.sections.values())
        # The folder is made once the old releases are pruned: the pruning would take a
        # staging folder it found unlocked, as it is for a moment once made, for a killed
        # build's.
        self.pruning.join()
        self.staging = staging = Staging(self.out)

        def draft(name: str, segments: Segments) -> TwoDigests:
            with staging.writing(name) as write:  # written as hashed: read from memory once
                return TwoDigests(segments, write, holding)

        with ThreadPoolExecutor(max_workers=2) as hashing:
            hashed = {name: hashing.submit(draft, name, data) for name, data in plain.items()}
            self.union = union_turtle(parts, self.prefixes, placeholder, self.merged)
            plain["dataset.ttl"] = list(self.union.runs(self.header))
            hashed["dataset.ttl"] = hashing.submit(draft, "dataset.ttl", plain["dataset.ttl"])
            self.drafted = {name: digests.result() for name, digests in hashed.items()}
        self.seconds = time.perf_counter() - started

    def abandon(self) -> None:
        """Remove the folder the dumps were written into, if any."""
        if self.staging is not None:
            self.staging.abandon()


def build_release(
    home: Path,
    base: str,
    out: Path,
    *,
    workers: int | None = None,
    cache: bool = True,
    engine: str = DEFAULT_ENGINE,
    warn: Callable[[str], None] | None = None,
) -> Path:
    """Build, validate (with the SHACL `engine`) and, only if the graph conforms, write and
    switch to the new release; `warn` is given each warning about the input."""
    store = Cache(home / CACHE_DIR if cache else None)
    # The releases the new one pushes out go while it is built, in a process of their own:
    # the build forks its workers meanwhile, which a thread of this process would make unsafe.
    pruning = pool.in_background(prune_for_new, out)
    drafting = _DraftedDumps(base, store, out, pruning)
    try:
        return _build_release(home, base, out, store, workers, cache, engine, drafting, warn)
    except BaseException:
        drafting.abandon()
        raise
    finally:
        gc.unfreeze()
        pruning.join()
        store.close()


def _build_release(
    home: Path,
    base: str,
    out: Path,
    store: Cache,
    workers: int | None,
    cache: bool,
    engine: str,
    drafting: _DraftedDumps,
    warn: Callable[[str], None] | None,
) -> Path:
    built = build_graph(
        home, base, workers=workers, cache=cache, engine=engine, meanwhile=drafting, warn=warn
    )
    # The corpus, the parts and the drafted dumps live until the release is written: kept
    # out of the collector's passes (as build_graph keeps the corpus while it runs), which
    # otherwise walked them all in two full collections of the VoID's and the release
    # graph's objects, a sixth of a second of a one-document release at a million triples.
    gc.freeze()
    if not built.validation.conforms:
        violations = [f for f in built.validation.findings if f.severity == "Violation"]
        lines = "\n".join(f"  {finding}" for finding in violations[:50])
        more = f"\n  ... and {len(violations) - 50} more" if len(violations) > 50 else ""
        raise ValidationFailed(
            f"the graph does not conform to shapes/: {len(violations)} violation(s); "
            f"the previous release is unchanged\n{lines}{more}"
        )
    clock = time.perf_counter()
    prefixes, release_graph = drafting.prefixes, drafting.release_graph
    drafted, union, header = drafting.drafted, drafting.union, drafting.header
    placeholder = PLACEHOLDER.encode()
    metadata = _release_metadata(built, PLACEHOLDER)
    release_id = identity_of(
        {name: d.drafted for name, d in drafted.items()}
        | {name: hashlib.sha256(data).digest() for name, data in metadata.items()}
    )
    # The release graph with the id is the one made with the placeholder, the id written in;
    # made again only if that would not be in the release's order.
    drafted_part = next(p for p in built.parts if p.graph == release_graph)
    release_part = part_with_id(
        drafted_part, placeholder, release_id.encode()
    ) or release_graph_part(
        built.corpus, built.minter, release_id, built.generated, home, prefixes, built.quality
    )
    parts = [release_part if p.graph == release_graph else p for p in built.parts]
    files: dict[str, bytes | Segments] = {
        name: _with_id(data, release_id) for name, data in metadata.items()
    }
    members = TurtleMembers(store)
    turtle: Segments = list(union.runs(header, placeholder, release_id.encode()))
    dumps = dataset_files(parts, prefixes, turtle, members)
    members.save()
    drafting.merged.save()
    files |= dumps
    same = {name: digest.same_until(dumps[name]) for name, digest in drafted.items()}
    digests = {name: digest.final(dumps[name], same[name]) for name, digest in drafted.items()}
    # With the dumps drafted while the graph was validated (that phase's time includes it).
    built.timings["release files"] = drafting.seconds + time.perf_counter() - clock
    clock = time.perf_counter()
    # The dumps written while the id was computed differ from the release's only where the
    # id is: from their first PLACEHOLDER on.
    assert drafting.staging is not None  # made with the drafted dumps
    folder = drafting.staging.finish(release_id, files, digests, same)
    built.timings["writing"] = time.perf_counter() - clock
    LAST_TIMINGS.clear()
    LAST_TIMINGS.update(built.timings)
    return folder

"""From a built graph to a release: its files, its id, written only if the graph conforms."""

from __future__ import annotations

import time
from pathlib import Path

from publisher.build.identity import PLACEHOLDER, content_identity
from publisher.build.pipeline import Built, build_graph, release_graph_part
from publisher.errors import ValidationFailed
from publisher.rdf import namespaces
from publisher.release import files as release_files
from publisher.release.dumps import dataset_files, plain_files
from publisher.release.manifest import manifest
from publisher.release.rdf12 import rdf12_trig
from publisher.release.void import void_description
from publisher.release.writer import write_release
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
        release_files.REPORT: report.serialize(format="turtle").encode(),
        release_files.VOID: void.serialize(format="turtle").encode(),
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


def build_release(
    home: Path,
    base: str,
    out: Path,
    *,
    workers: int | None = None,
    cache: bool = True,
    engine: str = DEFAULT_ENGINE,
) -> Path:
    """Build, validate (with the SHACL `engine`) and, only if the graph conforms, write and
    switch to the new release."""
    built = build_graph(home, base, workers=workers, cache=cache, engine=engine)
    if not built.validation.conforms:
        violations = [f for f in built.validation.findings if f.severity == "Violation"]
        lines = "\n".join(f"  {finding}" for finding in violations[:50])
        more = f"\n  ... and {len(violations) - 50} more" if len(violations) > 50 else ""
        raise ValidationFailed(
            f"the graph does not conform to shapes/: {len(violations)} violation(s); "
            f"the previous release is unchanged\n{lines}{more}"
        )
    clock = time.perf_counter()
    prefixes = namespaces.prefixes(built.minter.base)
    drafted = plain_files(built.parts, prefixes) | _release_metadata(built, PLACEHOLDER)
    release_id = content_identity(drafted)
    release_part = release_graph_part(
        built.corpus, built.minter, release_id, built.generated, home, prefixes, built.quality
    )
    graph = release_part.graph
    for part in built.parts:
        if part.graph != graph and any(
            PLACEHOLDER.encode() in data for data in part.sections.values()
        ):
            raise ValidationFailed(
                f"{part.graph} holds the text {PLACEHOLDER}, which stands "
                "for the release id while it is computed; remove it"
            )
    parts = [release_part if p.graph == graph else p for p in built.parts]
    # The same bytes, the id written in: it occurs only in the release graph and metadata.
    files = {name: _with_id(data, release_id) for name, data in drafted.items()}
    files |= dataset_files(parts, prefixes, union=files["dataset.ttl"])
    files[release_files.RDF12] = rdf12_trig(parts, built.direct, prefixes)
    built.timings["release files"] = time.perf_counter() - clock
    clock = time.perf_counter()
    folder = write_release(out, release_id, files)
    built.timings["writing"] = time.perf_counter() - clock
    LAST_TIMINGS.clear()
    LAST_TIMINGS.update(built.timings)
    return folder

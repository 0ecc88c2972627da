"""The build: documents, text layer, claims, graph, validation, release — in that order.

The graph is made and validated in units (publisher/incremental): each document's named graph
on its own, then the reference data with the ontology, then the release metadata. Units run in
worker processes and their results are cached in HOME/.cache/build under a digest of their
inputs, so a build after a change redoes only what depends on that change. The output does
not depend on the cache or on the number of workers.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Dataset, Graph
from rdflib.namespace import SKOS

from publisher import __version__
from publisher.corpus.load import load_corpus
from publisher.corpus.model import Corpus, Origin
from publisher.errors import ValidationFailed
from publisher.graph.provenance import add_provenance, void_description
from publisher.graph.reference import reference_graph
from publisher.incremental import keys, pool
from publisher.incremental.assemble import dataset_files, plain_files
from publisher.incremental.cache import Cache
from publisher.incremental.documents import DocumentBuilder
from publisher.incremental.parts import GraphPart, make_part, sorted_quads, triples_of
from publisher.incremental.units import graph_of, validate_parts
from publisher.iris import Minter
from publisher.release import GZIPPED as DATASET_FILES
from publisher.release import write_release
from publisher.serialize import PREFIXES
from publisher.sources import read_turtle_folder
from publisher.textlayer import Gazetteer
from publisher.validation import OriginIndex, Validation, read_report, skolemised_report

CACHE_DIR = Path(".cache") / "build"  # under HOME; .gitignore lists .cache/
LAST_TIMINGS: dict[str, float] = {}  # seconds per phase of the last build_release (benchmarks)


@dataclass
class Built:
    """A built and validated graph, ready to be written as a release."""

    parts: list[GraphPart]  # the release graph's part made with PLACEHOLDER for the id
    validation: Validation
    corpus: Corpus
    generated: datetime
    minter: Minter
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def dataset(self) -> Dataset:
        """Every graph as an rdflib Dataset (made on demand: the build itself needs none)."""
        dataset = Dataset()
        for prefix, namespace in PREFIXES(self.minter).items():
            dataset.bind(prefix, namespace)
        for part in self.parts:
            graph = dataset.graph(part.graph)
            for triple in triples_of(part.nquads):
                graph.add(triple)
        return dataset


def release_time(corpus: Corpus) -> datetime:
    """From SOURCE_DATE_EPOCH, else the newest day a document was added: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    days = sorted(d.added for d in corpus.documents.values() if d.added)
    day = days[-1] if days else "1970-01-01"
    return datetime.fromisoformat(day).replace(tzinfo=UTC)


# The id every id-dependent part is made with first; the release id is then a digest of the
# files so made (see `content_identity`), written in place of it. Same length as an id, so
# that replacing it changes no order of subjects or lines.
PLACEHOLDER = "0" * 16


def content_identity(files: dict[str, bytes]) -> str:
    """The release id: a digest of the release's files, made with PLACEHOLDER for the id.

    The same output always gets the same id and a different output a different one, whatever
    changed (an input, the code, a prefix, a library), so a release folder of that id can be
    reused as it is, and moving code that changes nothing in the output changes no id. The .gz
    files are compressions of the others: zlib's version stands for them."""
    digest = hashlib.sha256(f"publisher {__version__}\nzlib {zlib.ZLIB_RUNTIME_VERSION}\n".encode())
    for name in sorted(files):
        if not name.endswith(".gz"):
            digest.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return digest.hexdigest()[:16]


def gazetteer_for(corpus: Corpus) -> Gazetteer:
    entries = []
    for actor in corpus.actors.values():
        if not actor.anonymous:
            entries += [
                (actor.id, lang, name, name in actor.ambiguous_names) for lang, name in actor.names.all()
            ]
    for place in corpus.places.values():
        entries += [(f"place:{place.id}", lang, name) for lang, name in place.names.all()]
    return Gazetteer.from_names(entries)


def relation_labels(ontology: Graph, mint: Minter) -> dict[str, dict[str, str]]:
    prefix = str(mint.concept("relation", ""))
    labels: dict[str, dict[str, str]] = {}
    for concept, label in ontology.subject_objects(SKOS.prefLabel):
        if str(concept).startswith(prefix):
            labels.setdefault(str(concept)[len(prefix) :], {})[label.language] = str(label)
    return labels


def release_graph_part(corpus: Corpus, mint: Minter, release_id: str, generated: datetime,
                       home: Path, prefixes: dict[str, str]) -> GraphPart:
    """The release metadata graph (PROV-O) as a part."""
    provenance, name = Graph(), str(mint.graph("release"))
    add_provenance(provenance, corpus, mint, release_id, generated, home)
    return make_part(name, sorted_quads(provenance, name), prefixes)


def build_graph(
    home: Path, base: str, *, workers: int | None = None, cache: bool = True
) -> Built:
    """Read, analyse, map and validate; raises InputError or ValidationFailed.

    `workers` processes build and validate the units (default: one per core); `cache=False`
    ignores HOME/.cache/build (a throw-away cache is used instead).
    """
    started = time.perf_counter()
    corpus, vocabulary = load_corpus(home)
    store = Cache(home / CACHE_DIR if cache else None)
    try:
        build = _Build(home, Minter(base), corpus, vocabulary, store, workers)
        build.timings["load"] = time.perf_counter() - started
        built = build.run()
        store.keep_only(("document", "validation", "turtle", "reference"))
        return built
    finally:
        store.close()


class _Build:
    """One build: the units, their keys, the workers, in the order data flows."""

    def __init__(self, home, mint, corpus, vocabulary, store, workers) -> None:
        self.home, self.mint, self.corpus, self.store = home, mint, corpus, store
        self.vocabulary, self.workers = vocabulary, workers
        self.prefixes = PREFIXES(mint)
        self.software = keys.digest(keys.software(), mint.base)
        self.timings: dict[str, float] = {}
        self.clock = time.perf_counter()

    def _lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.timings[phase] = now - self.clock
        self.clock = now

    def run(self) -> Built:
        mint, corpus = self.mint, self.corpus
        ontology = self._turtle_folder("ontology")
        shapes = self._turtle_folder("shapes")
        ontology_graph = graph_of(triples_of(ontology.nquads))
        data = self.home / "data"
        builder = DocumentBuilder(
            corpus,
            mint,
            relation_labels(ontology_graph, mint),
            gazetteer_for(corpus),
            self.vocabulary.concepts["rate"],
            self.prefixes,
            keys.digest(
                self.software,
                keys.files([p for p in (data / "actors.yaml", data / "events.yaml") if p.exists()],
                           self.home),
                ontology.nquads,
            ),
        )
        self._lap("ontology and shapes")
        documents = self._documents(builder)
        self._lap("document graphs")

        reference_part = self._reference()
        generated = release_time(corpus)
        release_part = release_graph_part(corpus, mint, PLACEHOLDER, generated, self.home,
                                          self.prefixes)

        self._lap("reference and release graphs")
        report = validate_parts(
            documents, ontology, shapes, reference_part, release_part, mint=mint,
            store=self.store, software=self.software, document_keys=self.document_keys,
            workers=self.workers,
        )
        validation = read_report(report, self._origins())
        self._lap("validation")
        parts = [ontology, shapes, reference_part, release_part, *documents.values()]
        return Built(parts, validation, corpus, generated, mint, self.timings)

    # --- graphs ----------------------------------------------------------------------------

    def _turtle_folder(self, name: str) -> GraphPart:
        """ontology/ or shapes/ as a graph part; reading them canonicalises blank nodes, which
        is slow, so the part is cached under the files' digest."""
        folder = self.home / name
        key = keys.digest(self.software, keys.files(sorted(folder.glob("*.ttl")), self.home))
        found = self.store.get("turtle", key)
        if found is not None:
            return GraphPart.unpack(found)
        iri = str(self.mint.graph(name))
        part = make_part(iri, sorted_quads(read_turtle_folder(folder, self.mint.base), iri),
                         self.prefixes)
        self.store.put("turtle", key, part.pack())
        return part

    def _reference(self) -> GraphPart:
        """The reference graph's part, cached under what reference_graph reads."""
        corpus = self.corpus
        languages = sorted({(m.source, corpus.documents[m.source].language)
                            for m in corpus.memberships})
        key = keys.digest(self.software, *(repr(sorted(getattr(corpus, name).items()))
                                           for name in ("actors", "places", "positions", "events",
                                                        "sources", "propositions", "conflicts")),
                          repr(corpus.memberships), repr(languages))
        found = self.store.get("reference", key)
        if found is not None:
            return GraphPart.unpack(found)
        graph, iri = Graph(), str(self.mint.graph("reference"))
        reference_graph(corpus, self.mint, graph)
        part = make_part(iri, sorted_quads(graph, iri), self.prefixes)
        self.store.put("reference", key, part.pack())
        return part

    def _documents(self, builder: DocumentBuilder) -> dict[str, GraphPart]:
        """Every document's graph part, building those not in the cache in the workers."""
        self.document_keys = {d.id: builder.key(d) for d in self.corpus.documents.values()}
        missing = [i for i, k in self.document_keys.items()
                   if not self.store.path("document", k).is_file()]
        pool.share(builder=builder, store=self.store, keys=self.document_keys)
        pool.run(_build_document, missing, self.workers, min_items=8)
        parts = {}
        for ident, key in self.document_keys.items():
            found = self.store.get("document", key)
            if found is None:  # removed meanwhile (another build pruned it): build it here
                found = _build_document(ident)
            parts[ident] = GraphPart.unpack(found)
        return parts

    # --- validation ------------------------------------------------------------------------

    def _origins(self) -> OriginIndex:
        """The input line each minted IRI was made from, for the validation findings."""
        mint, corpus, origins = self.mint, self.corpus, OriginIndex()
        for kind, items in (
            ("actor", corpus.actors),
            ("place", corpus.places),
            ("event", corpus.events),
            ("source", corpus.sources),
            ("proposition", corpus.propositions),
            ("conflict", corpus.conflicts),
        ):
            for ident, item in items.items():
                origins.add(str(getattr(mint, kind)(ident)), item.origin)
        for membership in corpus.memberships:
            origins.add(
                str(mint.membership(membership.person, membership.position, membership.organisation)),
                membership.origin,
            )
        for claim in corpus.claims.values():
            origins.add(str(mint.claim(claim.id)), claim.origin)
        for document in corpus.documents.values():
            origins.add(str(mint.document(document.id)), document.origin)
            origins.add(str(mint.text(document.id)), Origin(document.path, 1))
        return origins


# --- tasks, run in the workers (publisher/incremental/pool.py) ---------------------------------


def _build_document(ident: str) -> dict[str, bytes]:
    builder, store = pool.shared("builder"), pool.shared("store")
    part = builder.part(builder.corpus.documents[ident])
    sections = part.pack()
    store.put("document", pool.shared("keys")[ident], sections)
    return sections


def _with_id(data: bytes, release_id: str) -> bytes:
    return data.replace(PLACEHOLDER.encode(), release_id.encode())


def _release_metadata(built: Built, release_id: str) -> dict[str, bytes]:
    """validation.ttl, void.ttl and release.json of the release `release_id`."""
    files: dict[str, bytes] = {}
    report = skolemised_report(built.validation, str(built.minter.release(release_id)) + "/validation")
    files["validation.ttl"] = report.serialize(format="turtle").encode()
    counts = {p.graph: p.triples for p in built.parts if p.triples}
    void = void_description(
        built.minter,
        release_id,
        built.generated,
        counts,
        sorted(DATASET_FILES) + [f"{n}.gz" for n in sorted(DATASET_FILES)],
    )
    files["void.ttl"] = void.serialize(format="turtle").encode()
    files["release.json"] = (
        json.dumps(
            {
                "release": str(built.minter.release(release_id)),
                "id": release_id,
                "base": built.minter.base,
                "generated": built.generated.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "software": f"publisher {__version__}",
                "triples": sum(counts.values()),
                "graphs": dict(sorted(counts.items())),
                "documents": len(built.corpus.documents),
                "claims": len(built.corpus.claims),
            },
            indent=2,
            ensure_ascii=False,
        ).encode()
        + b"\n"
    )
    return files


def build_release(home: Path, base: str, out: Path, *, workers: int | None = None,
                  cache: bool = True) -> Path:
    """Build, validate and, only if the graph conforms, write and switch to the new release."""
    built = build_graph(home, base, workers=workers, cache=cache)
    if not built.validation.conforms:
        violations = [f for f in built.validation.findings if f.severity == "Violation"]
        lines = "\n".join(f"  {finding}" for finding in violations[:50])
        more = f"\n  ... and {len(violations) - 50} more" if len(violations) > 50 else ""
        raise ValidationFailed(
            f"the graph does not conform to shapes/: {len(violations)} violation(s); "
            f"the previous release is unchanged\n{lines}{more}"
        )
    clock = time.perf_counter()
    prefixes = PREFIXES(built.minter)
    drafted = plain_files(built.parts, prefixes) | _release_metadata(built, PLACEHOLDER)
    release_id = content_identity(drafted)
    release_part = release_graph_part(built.corpus, built.minter, release_id, built.generated,
                                      home, prefixes)
    graph = release_part.graph
    for part in built.parts:
        if part.graph != graph and any(PLACEHOLDER.encode() in data
                                       for data in part.sections.values()):
            raise ValidationFailed(f"{part.graph} holds the text {PLACEHOLDER}, which stands "
                                   "for the release id while it is computed; remove it")
    parts = [release_part if p.graph == graph else p for p in built.parts]
    # The same bytes, the id written in: it occurs only in the release graph and metadata.
    files = {name: _with_id(data, release_id) for name, data in drafted.items()}
    files |= dataset_files(parts, prefixes, union=files["dataset.ttl"])
    built.timings["release files"] = time.perf_counter() - clock
    clock = time.perf_counter()
    folder = write_release(out, release_id, files)
    built.timings["writing"] = time.perf_counter() - clock
    LAST_TIMINGS.clear()
    LAST_TIMINGS.update(built.timings)
    return folder

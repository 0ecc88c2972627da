"""The build: documents, text layer, claims, graph, validation — in that order.

The graph is made and validated in units: each document's named graph
on its own, then the reference data with the ontology, then the release metadata. Units run in
worker processes and their results are cached in HOME/.cache/build under a digest of their
inputs, so a build after a change redoes only what depends on that change. The output does
not depend on the cache or on the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import SKOS

from publisher.build import keys, pool
from publisher.build.cache import Cache
from publisher.build.cues import Cues, check_cues, load_cues
from publisher.build.document_parts import DocumentBuilder
from publisher.build.identity import PLACEHOLDER, refuse_placeholder, release_time
from publisher.build.validating import (
    graph_of,
    linked_claims,
    unit_results,
    validate_document_unit,
)
from publisher.corpus.inputs import read_turtle_folder
from publisher.corpus.load import load_corpus
from publisher.corpus.model import Corpus
from publisher.corpus.parsed import KIND as PARSED
from publisher.corpus.parsed import ParsedFiles
from publisher.corpus.problems import Problems
from publisher.corpus.vocabulary import Vocabulary
from publisher.errors import Origin
from publisher.graph.coverage import Coverage
from publisher.graph.direct import direct_graph, direct_statements
from publisher.graph.provenance import add_provenance
from publisher.graph.reference import reference_graph
from publisher.rdf import namespaces
from publisher.rdf.iris import Minter
from publisher.rdf.terms import sorted_quads, triples_of
from publisher.release.parts import BULK, GraphPart, make_part
from publisher.release.quality import Quality, add_quality, read_scores
from publisher.textlayer.gazetteer import gazetteer_of
from publisher.validate.engines import DEFAULT_ENGINE
from publisher.validate.origins import OriginIndex
from publisher.validate.report import Validation, read_report
from publisher.validate.units import merged_report

CACHE_DIR = Path(".cache") / "build"  # under HOME; .gitignore lists .cache/


@dataclass
class Built:
    """A built and validated graph, ready to be written as a release."""

    parts: list[GraphPart]  # the release graph's part made with PLACEHOLDER for the id
    validation: Validation
    corpus: Corpus
    generated: datetime
    minter: Minter
    timings: dict[str, float] = field(default_factory=dict)
    quality: Quality | None = None  # the data-quality measurements (release/quality.py)

    @property
    def dataset(self) -> Dataset:
        """Every graph as an rdflib Dataset (made on demand: the build itself needs none)."""
        dataset = Dataset()
        for prefix, namespace in namespaces.prefixes(self.minter.base).items():
            dataset.bind(prefix, namespace)
        for part in self.parts:
            graph = dataset.graph(part.graph)
            for triple in triples_of(part.nquads):
                graph.add(triple)
        return dataset


def relation_labels(ontology: Graph, mint: Minter) -> dict[str, dict[str, str]]:
    prefix = str(mint.concept("relation", ""))
    labels: dict[str, dict[str, str]] = {}
    for concept, label in ontology.subject_objects(SKOS.prefLabel):
        if str(concept).startswith(prefix) and isinstance(label, Literal) and label.language:
            labels.setdefault(str(concept)[len(prefix) :], {})[label.language] = str(label)
    return labels


def release_graph_part(
    corpus: Corpus,
    mint: Minter,
    release_id: str,
    generated: datetime,
    home: Path,
    prefixes: dict[str, str],
    quality: Quality | None = None,
) -> GraphPart:
    """The release metadata graph (PROV-O, and the quality measurements: DQV) as a part."""
    provenance, name = Graph(), str(mint.graph("release"))
    add_provenance(provenance, corpus, mint, release_id, generated, home)
    if quality is not None:
        add_quality(provenance, mint, release_id, quality)
    return make_part(name, sorted_quads(provenance, name), prefixes)


def build_graph(
    home: Path,
    base: str,
    *,
    workers: int | None = None,
    cache: bool = True,
    engine: str = DEFAULT_ENGINE,
    meanwhile: Callable[[list[GraphPart]], None] | None = None,
    warn: Callable[[str], None] | None = None,
) -> Built:
    """Read, analyse, map and validate; raises InputError or ValidationFailed.

    `workers` processes build and validate the units (default: one per core); `cache=False`
    ignores HOME/.cache/build (a throw-away cache is used instead); `engine` is the SHACL
    engine (publisher/validate/shacl.py); `meanwhile(parts)` is work on the parts done while
    they are validated (which may still find that they do not conform); `warn` is given each
    warning about the input (accepted, but to be completed) once the corpus is read.
    """
    started = time.perf_counter()
    store = Cache(home / CACHE_DIR if cache else None)
    mint = Minter(base)
    reading = _read_turtle_folders_meanwhile(home, mint, store, workers)
    try:
        # The data files' parsed forms are kept with the units, under the build code's digest.
        with _kept_out_of_collection():
            corpus, vocabulary = load_corpus(home, ParsedFiles(store, keys.software()))
        if warn is not None:
            for warning in corpus.warnings:
                warn(str(warning))
        cues = load_cues(home, vocabulary.concepts["relation"])
        if cues is not None:
            problems = Problems()
            check_cues(corpus, cues, problems)
            problems.raise_if_any()
        if reading is not None:
            reading.join()
        build = _Build(home, mint, corpus, vocabulary, store, workers, cues, engine)
        build.timings["load"] = time.perf_counter() - started
        built = build.run(meanwhile)
        store.keep_only(("document", "validation", "turtle", "reference", "direct", PARSED))
        return built
    finally:
        gc.unfreeze()
        if reading is not None and reading.is_alive():  # the corpus did not load: stop it
            reading.terminate()
            reading.join()
        store.close()


@contextmanager
def _kept_out_of_collection() -> Iterator[None]:
    """What is made in the block, and everything before it, kept out of the garbage
    collector's passes until the build ends (`gc.unfreeze` in `build_graph`). The corpus is
    hundreds of thousands of objects without cycles, kept for the whole build; the collector's
    full passes over them found nothing and took a quarter of a second of a one-document
    release at a million triples (0.06 to 0.16 s of collecting in all once they are frozen).
    Frozen, they also stay out of the pages a collection would touch in forked workers."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def validate_document(
    home: Path, base: str, document_id: str, *, cache_folder: Path | None = None
) -> Validation:
    """The build's checks of one document: the corpus loaded, the cues of denied and hedged
    claims, then SHACL on that document's unit only (the other units are not validated), with
    the graphs it reuses cached in `cache_folder` (default HOME/.cache/build). Raises
    InputError as the build does."""
    corpus, vocabulary = load_corpus(home)
    cues = load_cues(home, vocabulary.concepts["relation"])
    if cues is not None:
        problems = Problems()
        check_cues(corpus, cues, problems)
        problems.raise_if_any()
    store = Cache(cache_folder or home / CACHE_DIR)
    try:
        build = _Build(home, Minter(base), corpus, vocabulary, store, 1, cues)
        return build.validate_document(document_id)
    finally:
        store.close()


class _Build:
    """One build: the units, their keys, the workers, in the order data flows."""

    def __init__(
        self,
        home: Path,
        mint: Minter,
        corpus: Corpus,
        vocabulary: Vocabulary,
        store: Cache,
        workers: int | None,
        cues: Cues | None = None,
        engine: str = DEFAULT_ENGINE,
    ) -> None:
        self.home, self.mint, self.corpus, self.store = home, mint, corpus, store
        self.engine = engine
        self.vocabulary, self.workers, self.cues = vocabulary, workers, cues
        self.prefixes = namespaces.prefixes(mint.base)
        self.software = keys.digest(keys.software(), mint.base)
        self.timings: dict[str, float] = {}
        self.clock = time.perf_counter()

    def _lap(self, phase: str) -> None:
        now = time.perf_counter()
        self.timings[phase] = now - self.clock
        self.clock = now

    def run(self, meanwhile: Callable[[list[GraphPart]], None] | None = None) -> Built:
        """The build up to a validated graph; `meanwhile(parts)` is called with every part
        (the release graph's made with PLACEHOLDER) while they are validated."""
        mint, corpus = self.mint, self.corpus
        ontology = self._turtle_folder("ontology")
        shapes = self._turtle_folder("shapes")
        builder = self._builder(ontology)
        labels = builder.labels
        self._lap("ontology and shapes")
        documents = self._documents(builder)
        self._lap("document graphs")

        reference_part = self._reference()
        generated = release_time(corpus)
        quality = self._quality(documents)
        release_part = release_graph_part(
            corpus, mint, PLACEHOLDER, generated, self.home, self.prefixes, quality
        )

        self._lap("reference and release graphs")
        validating = partial(
            unit_results,
            documents,
            ontology,
            shapes,
            reference_part,
            release_part,
            mint=mint,
            store=self.store,
            software=self.software,
            document_keys=self.document_keys,
            workers=self.workers,
            engine=self.engine,
        )
        # With work to do meanwhile and a core to spare, SHACL runs in a forked process while
        # this one makes the direct graph and what `meanwhile` makes of the parts.
        parallel = meanwhile is not None and (self.workers or pool.default_workers()) > 1
        pending = pool.in_parallel(validating) if parallel else None
        started = time.perf_counter()
        try:
            # The direct graph is made from the claims the shapes check: its triples are
            # theirs, so it is not a validation unit of its own (and, like every part, it is
            # published only if they conform).
            direct_part = self._direct_part(labels)
            parts = [ontology, shapes, reference_part, release_part, direct_part]
            for made_here in (ontology, shapes, reference_part, direct_part):
                refuse_placeholder(made_here.graph, made_here.nquads)  # documents' as made
            parts += documents.values()
            if meanwhile is not None:
                meanwhile(parts)
            results = pending.result() if pending is not None else None
        except BaseException:
            if pending is not None:
                pending.cancel()
            raise
        if results is None:  # not run in parallel, or its process failed: here, then
            results = validating()
        else:
            self.store.mark_used("validation", results.keys)
        validation = read_report(merged_report(results.encoded), self._origins)
        # From its start: with `meanwhile`, this phase and the ones after it overlap.
        self.timings["validation"] = time.perf_counter() - started
        self.clock = time.perf_counter()
        return Built(parts, validation, corpus, generated, mint, self.timings, quality)

    def _builder(self, ontology: GraphPart) -> DocumentBuilder:
        """What every document graph is made from, with the digest of those inputs."""
        data = self.home / "data"
        return DocumentBuilder(
            self.corpus,
            self.mint,
            relation_labels(graph_of(triples_of(ontology.nquads)), self.mint),
            gazetteer_of(self.corpus),
            self.vocabulary.concepts["rate"],
            self.prefixes,
            keys.digest(
                self.software,
                keys.files(
                    [p for p in (data / "actors.yaml", data / "events.yaml") if p.exists()],
                    self.home,
                ),
                ontology.nquads,
                self.cues.digest if self.cues else "no cue lexicon",
            ),
            self.cues,
        )

    def validate_document(self, document_id: str) -> Validation:
        """The SHACL results of one document's unit alone, as the whole build finds them."""
        ontology = self._turtle_folder("ontology")
        shapes = self._turtle_folder("shapes")
        builder = self._builder(ontology)
        part = self._document_part(builder, document_id)
        reference = self._reference()
        # The other documents' claims this one's conflicts point to: their exported types.
        owners = {f"<{self.mint.claim(c.id)}>": c.document for c in self.corpus.claims.values()}
        linked = linked_claims(part, reference, self.mint)
        others = {
            ident: self._document_part(builder, ident)
            for ident in sorted({owners[c] for c in linked if c in owners} - {document_id})
        }
        report = validate_document_unit(part, others, ontology, shapes, reference, self.mint)
        return read_report(report, self._origins())

    def _document_part(self, builder: DocumentBuilder, document_id: str) -> GraphPart:
        """A document's part from the cache, or built here (and cached)."""
        document = self.corpus.documents[document_id]
        key = builder.key(document)
        found = self.store.get("document", key)
        if found is not None:
            return GraphPart.unpack(found)
        part = builder.part(document)
        self.store.put("document", key, part.pack())
        return part

    def _quality(self, documents: dict[str, GraphPart]) -> Quality:
        """Coverage from the document parts, claims by origin, the drafter's scores."""
        coverage = [
            Coverage.unpack(part.small("coverage"))
            for part in documents.values()
            if "coverage" in part.sections
        ]
        drafted: dict[str, int] = {}
        by_hand = 0
        for claim in self.corpus.claims.values():
            drafter = claim.drafting.drafter if claim.drafting else None
            if drafter:
                drafted[drafter] = drafted.get(drafter, 0) + 1
            else:
                by_hand += 1
        return Quality(
            sum(c.candidates for c in coverage),
            sum(c.with_claims for c in coverage),
            sum(c.with_reason for c in coverage),
            by_hand,
            tuple(sorted(drafted.items())),
            read_scores(self.home),
        )

    # --- graphs ----------------------------------------------------------------------------

    def _turtle_folder(self, name: str) -> GraphPart:
        return turtle_folder_part(self.home, name, self.mint, self.store)

    def _direct_part(self, labels: dict[str, dict[str, str]]) -> GraphPart:
        """The direct graph's part, cached under what its statements are made of (each claim's
        id, polarity, subject, relation, object, whether that is an actor, and document:
        what `claim_statement` reads) and the relations' labels. The statements themselves
        are made only when it is not in the cache: minting their IRIs was a sixth of a
        second of every release at a million triples."""
        actors = self.corpus.actors
        made_of = [
            (c.id, c.polarity, c.subject, c.relation, c.object, c.object in actors, c.document)
            for c in self.corpus.claims.values()
        ]
        key = keys.digest(
            self.software,
            repr(sorted((relation, sorted(names.items())) for relation, names in labels.items())),
            repr(made_of),
        )
        found = self.store.get("direct", key)
        if found is not None:
            return GraphPart.unpack(found)
        name = str(self.mint.graph("direct"))
        graph = direct_graph(direct_statements(self.corpus, self.mint), labels, self.mint)
        part = make_part(name, sorted_quads(graph, name), self.prefixes)
        self.store.put("direct", key, part.pack())
        return part

    def _reference(self) -> GraphPart:
        """The reference graph's part, cached under what reference_graph reads."""
        corpus = self.corpus
        members = sorted(
            (c.id, c.subject, c.object, c.position or "", c.polarity)
            for c in corpus.claims.values()
            if c.relation == "membership"
        )
        key = keys.digest(
            self.software,
            *(
                repr(sorted(getattr(corpus, name).items()))
                for name in (
                    "actors",
                    "places",
                    "positions",
                    "events",
                    "sources",
                    "propositions",
                    "conflicts",
                    "series",
                )
            ),
            repr(corpus.memberships),
            repr(members),
        )
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
        missing = [
            i for i, k in self.document_keys.items() if not self.store.path("document", k).is_file()
        ]
        pool.share(builder=builder, store=self.store, keys=self.document_keys)
        pool.run(_cache_document, missing, self.workers, min_items=8)
        parts = {}
        for ident, key in self.document_keys.items():
            found = self.store.view("document", key, BULK)
            # None: removed meanwhile (another build pruned it): built here
            parts[ident] = GraphPart.unpack(found) if found is not None else _build_document(ident)
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
            ("series", corpus.series),
        ):
            for ident, item in items.items():
                origins.add(str(getattr(mint, kind)(ident)), item.origin)
        for membership in corpus.memberships:
            origins.add(
                str(
                    mint.membership(membership.person, membership.position, membership.organisation)
                ),
                membership.origin,
            )
        for claim in corpus.claims.values():
            origins.add(str(mint.claim(claim.id)), claim.origin)
        for document in corpus.documents.values():
            assert document.origin is not None  # load_corpus gives each document its origin
            origins.add(str(mint.document(document.id)), document.origin)
            origins.add(str(mint.text(document.id)), Origin(document.path, 1))
        return origins


def turtle_folder_part(home: Path, name: str, mint: Minter, store: Cache) -> GraphPart:
    """ontology/ or shapes/ as a graph part; reading them canonicalises blank nodes, which
    is slow, so the part is cached under the files' digest."""
    folder = home / name
    key = _turtle_folder_key(home, name, mint)
    found = store.get("turtle", key)
    if found is not None:
        return GraphPart.unpack(found)
    iri = str(mint.graph(name))
    prefixes = namespaces.prefixes(mint.base)
    part = make_part(iri, sorted_quads(read_turtle_folder(folder, mint.base), iri), prefixes)
    store.put("turtle", key, part.pack())
    return part


def _turtle_folder_key(home: Path, name: str, mint: Minter) -> str:
    software = keys.digest(keys.software(), mint.base)
    return keys.digest(software, keys.files(sorted((home / name).glob("*.ttl")), home))


def _read_turtle_folders_meanwhile(
    home: Path, mint: Minter, store: Cache, workers: int | None
) -> multiprocessing.Process | None:
    """Reading ontology/ and shapes/ needs nothing of data/: when they are not in the cache
    and there are cores to spare, a forked process reads them (into the cache) while this
    one loads the corpus."""
    missing = [
        name
        for name in ("ontology", "shapes")
        if not store.path("turtle", _turtle_folder_key(home, name, mint)).is_file()
    ]
    if not missing or (workers or pool.default_workers()) < 2:
        return None
    return pool.in_background(_read_turtle_folders, home, missing, mint, store)


# --- tasks, run in the workers (pool.py) ---------------------------------


def _read_turtle_folders(home: Path, names: list[str], mint: Minter, store: Cache) -> None:
    for name in names:
        turtle_folder_part(home, name, mint, store)


def _cache_document(ident: str) -> None:
    """Make and cache the document's part: what a worker sends back is pickled, and the
    parent reads the part from the cache (as views of the file) instead."""
    _build_document(ident)


def _build_document(ident: str) -> GraphPart:
    """The document's part, made and cached."""
    builder: DocumentBuilder = pool.shared("builder")
    store: Cache = pool.shared("store")
    part = builder.part(builder.corpus.documents[ident])
    store.put("document", pool.shared("keys")[ident], part.pack())
    return part

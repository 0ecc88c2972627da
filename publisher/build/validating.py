"""The validation units of a build, their keys, and running the stale ones in the workers.

Units (see partition.py for why their union is a whole-graph validation):
* documents: a few document graphs validated together (pySHACL's fixed cost per run is about
  a third of a second), on top of the shared context: the reference graph less its conflicts,
  and the ontology. A document's results are cached on their own, under a key made of the
  document's graph key, the shared context, the shapes, and the links of its claims to other
  documents' claims (sup:conflictsWith, with the types of those claims);
* the reference graph with the ontology, with the types of the claims and documents it points
  to;
* the release metadata, with the ontology and the types of the documents it points to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from rdflib import Graph
from rdflib.term import Node

from publisher.build import keys, pool
from publisher.build.cache import Cache
from publisher.rdf.iris import Minter
from publisher.rdf.terms import Triple, triples_of
from publisher.release.parts import GraphPart
from publisher.validate.engines import DEFAULT_ENGINE, TURBO, check_engine
from publisher.validate.units import (
    encode,
    merged_report,
    store_of,
    validate_unit,
    validate_unit_lines,
)
from publisher.validate.unitstore import UnitStore

CHUNK_TRIPLES = 20_000  # most triples of documents validated in one engine run

# The tasks of the workers: a chunk of documents, each (id, cache key, its links to other
# documents' claims), or the reference or release graph with its cache key and context.
DocumentsTask = tuple[Literal["documents"], list[tuple[str, str, bytes]]]
GraphTask = tuple[Literal["reference", "release"], str, bytes]


def graph_of(triples: Iterable[Triple]) -> Graph:
    """An rdflib graph on the fast store (shapes, ontology): pyshacl reads the shapes a lot."""
    graph = Graph(store=UnitStore())
    for triple in triples:
        graph.add(triple)
    return graph


@dataclass(frozen=True)
class UnitResults:
    """Every unit's SHACL results (N-Triples) in report order, and their cache entries."""

    keys: list[str]
    encoded: list[bytes]


def unit_results(
    documents: dict[str, GraphPart],
    ontology: GraphPart,
    shapes: GraphPart,
    reference: GraphPart,
    release: GraphPart,
    *,
    mint: Minter,
    store: Cache,
    software: str,
    document_keys: dict[str, str] | None = None,
    workers: int | None = None,
    engine: str = DEFAULT_ENGINE,
) -> UnitResults:
    """The SHACL results of all graphs but the shapes, unit by unit (merged_report makes the
    report graph): every unit's results from the cache or from the SHACL `engine` in the
    workers. `document_keys` are digests of the documents' inputs (by default, of their
    graphs)."""
    if document_keys is None:
        document_keys = {i: keys.digest(p.nquads) for i, p in documents.items()}
    # The engine is part of every result's key: results of one are never taken for the other's.
    shapes_key = keys.digest(software, check_engine(engine), shapes.nquads)
    static, about_claim = _split_reference(reference, mint)
    exports = {ident: part.exports() for ident, part in documents.items()}
    exported = {node: lines for found in exports.values() for node, lines in found.items()}
    context_key = keys.digest(shapes_key, ontology.nquads, *static)

    entries, stale = [], []
    claim_class = f"<{mint.term('Claim')}>".encode()
    for ident, part in sorted(documents.items()):
        links = []
        for claim in _claims(exports[ident], claim_class):
            for line in about_claim.get(claim, []):
                links.append(line)
                links += exported.get(line.rsplit(b" ", 2)[-2].decode(), [])
        key = keys.digest(context_key, document_keys[ident], *sorted(links))
        entries.append(key)
        if store.get("validation", key) is None:
            stale.append((ident, key, b"\n".join(links), part.triples))
    tasks: list[DocumentsTask | GraphTask] = []
    graphs: tuple[tuple[Literal["reference", "release"], GraphPart], ...] = (
        ("reference", reference),
        ("release", release),
    )
    for kind, part in graphs:
        context = _referenced(part.nquads, exported)
        key = keys.digest(shapes_key, kind, part.nquads, ontology.nquads, context)
        entries.append(key)
        if store.get("validation", key) is None:
            tasks.append((kind, key, context))  # first: a long task last leaves workers idle
    tasks += _chunks(stale, workers or pool.default_workers())

    pool.share(
        store=store,
        shapes=graph_of(triples_of(shapes.nquads)),
        context_key=context_key,
        static_lines=b"\n".join(static),
        ontology_lines=ntriples(ontology),
        reference=reference.nquads,
        release=release.nquads,
        document_keys={i: document_keys[i] for i in documents},
        documents=documents,
        engine=engine,
    )
    pool.run(validate_task, tasks, workers, min_items=3)
    encoded = []
    for key in entries:
        found = store.get("validation", key)
        if found is None:
            raise RuntimeError(f"validation result {key} vanished from {store.folder}")
        encoded.append(found["results"])
    return UnitResults(entries, encoded)


def linked_claims(part: GraphPart, reference: GraphPart, mint: Minter) -> set[str]:
    """The claims (as N-Triples terms) that the reference graph links this document's claims
    to (sup:conflictsWith)."""
    _, about_claim = _split_reference(reference, mint)
    claim_class = f"<{mint.term('Claim')}>".encode()
    return {
        line.rsplit(b" ", 2)[-2].decode()
        for claim in _claims(part.exports(), claim_class)
        for line in about_claim.get(claim, [])
    }


def validate_document_unit(
    part: GraphPart,
    others: dict[str, GraphPart],
    ontology: GraphPart,
    shapes: GraphPart,
    reference: GraphPart,
    mint: Minter,
) -> Graph:
    """The SHACL report of one document's unit, validated as the build validates it (with the
    same context and links), for a check of that document alone; `others` are the documents
    whose claims its claims are linked to."""
    static, about_claim = _split_reference(reference, mint)
    exported = {node: lines for p in others.values() for node, lines in p.exports().items()}
    exported.update(part.exports())
    claim_class = f"<{mint.term('Claim')}>".encode()
    links = []
    for claim in _claims(part.exports(), claim_class):
        for line in about_claim.get(claim, []):
            links.append(line)
            links += exported.get(line.rsplit(b" ", 2)[-2].decode(), [])
    context = store_of([*triples_of(b"\n".join(static)), *triples_of(ontology.nquads)])
    found = validate_unit(
        list(triples_of(part.nquads)),
        list(triples_of(b"\n".join(links))),
        graph_of(triples_of(shapes.nquads)),
        context,
    )
    return merged_report([encode([triples for _, triples in found])])


def _split_reference(
    reference: GraphPart, mint: Minter
) -> tuple[list[bytes], dict[str, list[bytes]]]:
    """The reference graph's N-Triples less its conflicts, and the conflictsWith lines by
    subject claim."""
    conflicts_with = f"<{mint.term('conflictsWith')}>".encode()
    conflict = f"<{mint.conflict('')}".encode()
    static: list[bytes] = []
    about_claim: dict[str, list[bytes]] = {}
    cut = len(f" <{reference.graph}> .")
    for line in reference.nquads.splitlines():
        subject, predicate, _ = line.split(b" ", 2)
        triple = line[:-cut] + b" ."
        if predicate == conflicts_with:
            about_claim.setdefault(subject.decode(), []).append(triple)
        elif not subject.startswith(conflict):
            static.append(triple)
    return static, about_claim


def _claims(exports: dict[str, list[bytes]], claim_class: bytes) -> list[str]:
    return [
        node
        for node, lines in exports.items()
        if any(line.endswith(claim_class + b" .") for line in lines)
    ]


def _referenced(nquads: bytes, exported: dict[str, list[bytes]]) -> bytes:
    """The rdf:type lines of the document nodes (claims, documents) these quads point to."""
    found: set[bytes] = set()
    for line in nquads.splitlines():
        obj = line.rsplit(b" ", 2)[0].split(b" ", 2)[2]
        found.update(exported.get(obj.decode(), ()))
    return b"\n".join(sorted(found))


def _chunks(stale: list[tuple[str, str, bytes, int]], workers: int) -> list[DocumentsTask]:
    """Documents in chunks big enough to amortise pyshacl's fixed cost per run, small enough
    to keep every worker busy."""
    limit = max(2_000, min(CHUNK_TRIPLES, sum(t for *_, t in stale) // (2 * workers) + 1))
    tasks: list[DocumentsTask] = []
    chunk: list[tuple[str, str, bytes]] = []
    size = 0
    for ident, key, links, triples in stale:
        chunk.append((ident, key, links))
        size += triples
        if size >= limit:
            tasks.append(("documents", chunk))
            chunk, size = [], 0
    if chunk:
        tasks.append(("documents", chunk))
    return tasks


# --- in the workers ----------------------------------------------------------------------------


def validate_task(task: DocumentsTask | GraphTask) -> None:
    """Validate one unit and store its results (per document for a chunk of documents)."""
    store: Cache = pool.shared("store")
    shapes: Graph = pool.shared("shapes")
    engine: str = pool.shared("engine")
    if engine == TURBO and _validate_lines(task, shapes, store):
        return
    kind = task[0]
    if task[0] == "documents":
        own: list[Triple] = []
        owner: dict[Node, str] = {}
        context: list[Triple] = []
        for ident, _, links in task[1]:
            triples = list(triples_of(pool.shared("documents")[ident].nquads))
            own += triples
            owner.update((s, ident) for s, _, _ in triples)
            context += list(triples_of(links))
        results: dict[str, list[list[Triple]]] = {ident: [] for ident, _, _ in task[1]}
        units = validate_unit(own, context, shapes, _shared_context(), engine=engine)
        for focus, triples in units:
            results[owner[focus]].append(triples)
        for ident, key, _ in task[1]:
            store.put("validation", key, {"results": encode(results[ident])})
        return
    _, key, context_lines = task
    if kind == "reference":
        own = list(triples_of(pool.shared("reference"))) + _ontology()
        context = list(triples_of(context_lines))
    else:
        own = list(triples_of(pool.shared("release")))
        context = _ontology() + list(triples_of(context_lines))
    found = validate_unit(own, context, shapes, engine=engine)
    store.put("validation", key, {"results": encode([t for _, t in found])})


def _validate_lines(task: DocumentsTask | GraphTask, shapes: Graph, store: Cache) -> bool:
    """`validate_task` on N-Triples lines for pyshacl-turbo (units.validate_unit_lines): no
    rdflib terms are made. False when a unit needs the general path (blank nodes)."""
    parts: dict[str, GraphPart] = pool.shared("documents")
    ontology: bytes = pool.shared("ontology_lines")
    if task[0] == "documents":
        lines = {ident: ntriples(parts[ident]) for ident, _, _ in task[1]}
        own = b"\n".join(lines.values())
        links = b"\n".join(links for _, _, links in task[1])
        context = b"\n".join((pool.shared("static_lines"), ontology, links))
        found = validate_unit_lines(own, context, shapes)
        if found is None:
            return False
        owner = {
            subject[1:-1].decode(): ident
            for ident, text in lines.items()
            for subject in _subjects(text)
        }
        results: dict[str, list[list[Triple]]] = {ident: [] for ident, _, _ in task[1]}
        for focus, triples in found:
            results[owner[str(focus)]].append(triples)
        for ident, key, _ in task[1]:
            store.put("validation", key, {"results": encode(results[ident])})
        return True
    kind, key, context_lines = task
    graph = ntriples_of(pool.shared(kind))
    if kind == "reference":
        found = validate_unit_lines(b"\n".join((graph, ontology)), context_lines, shapes)
    else:
        found = validate_unit_lines(graph, b"\n".join((ontology, context_lines)), shapes)
    if found is None:
        return False
    store.put("validation", key, {"results": encode([t for _, t in found])})
    return True


def _subjects(ntriples: bytes) -> set[bytes]:
    """The subjects of N-Triples lines."""
    return {line[: line.index(b" ")] for line in ntriples.splitlines() if line}


def ntriples(part: GraphPart) -> bytes:
    """A graph part's N-Quads as N-Triples (its graph name cut off each line)."""
    return _cut(part.nquads, len(f" <{part.graph}> ."))


def ntriples_of(nquads: bytes) -> bytes:
    """The reference or release graph's N-Quads (one graph) as N-Triples."""
    first = nquads.split(b"\n", 1)[0]
    if not first:
        return b""
    graph = first.rsplit(b" ", 2)[-2]
    return _cut(nquads, len(graph) + 3)


def _cut(nquads: bytes, cut: int) -> bytes:
    return b"\n".join(line[:-cut] + b" ." for line in nquads.splitlines() if line)


def _ontology() -> list[Triple]:
    """The ontology's triples, made once per process and build (the general path only)."""
    key: str = pool.shared("context_key")
    if _ONTOLOGY.get("key") != key:
        _ONTOLOGY.clear()
        _ONTOLOGY.update(key=key, triples=list(triples_of(pool.shared("ontology_lines"))))
    triples: list[Triple] = _ONTOLOGY["triples"]
    return triples


_ONTOLOGY: dict[str, Any] = {}
_CONTEXT: dict[str, UnitStore] = {}


def _shared_context() -> UnitStore:
    """The reference data (less conflicts) and the ontology in one store, made once per
    process and build: every document unit validates on top of it."""
    key: str = pool.shared("context_key")
    if key not in _CONTEXT:
        _CONTEXT.clear()
        static = triples_of(pool.shared("static_lines"))
        _CONTEXT[key] = store_of([*static, *_ontology()])
    return _CONTEXT[key]

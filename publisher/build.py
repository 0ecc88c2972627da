"""The build: documents, text layer, claims, graph, validation, release — in that order."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SKOS

from publisher import __version__
from publisher.corpus.load import load_corpus
from publisher.corpus.model import Corpus, Origin
from publisher.errors import ValidationFailed
from publisher.graph.claims import add_claim
from publisher.graph.documents import add_document, add_text_layer
from publisher.graph.provenance import add_provenance, void_description
from publisher.graph.reference import reference_graph
from publisher.iris import Minter
from publisher.release import write_release
from publisher.serialize import PREFIXES, serialize_release
from publisher.sources import input_files, read_turtle_folder
from publisher.textlayer import Gazetteer, analyse
from publisher.validation import OriginIndex, Validation, skolemised_report, validate


@dataclass
class Built:
    """A built and validated graph, ready to be written as a release."""

    release_id: str
    dataset: Dataset
    validation: Validation
    corpus: Corpus
    generated: datetime
    minter: Minter


def release_time(corpus: Corpus) -> datetime:
    """From SOURCE_DATE_EPOCH, else the newest day a document was added: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    days = sorted(d.added for d in corpus.documents.values() if d.added)
    day = days[-1] if days else "1970-01-01"
    return datetime.fromisoformat(day).replace(tzinfo=timezone.utc)


def release_identity(home: Path, base: str) -> str:
    """A digest of every input, the software version and the base: same input, same id."""
    digest = hashlib.sha256(f"publisher {__version__}\n{base}\n".encode())
    for path in input_files(home):
        digest.update(str(path.relative_to(home)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
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


def build_graph(home: Path, base: str) -> Built:
    """Read, analyse, map and validate; raises InputError or ValidationFailed."""
    mint = Minter(base)
    corpus, vocabulary = load_corpus(home)
    ontology = read_turtle_folder(home / "ontology", mint.base)
    shapes = read_turtle_folder(home / "shapes", mint.base)
    labels = relation_labels(ontology, mint)
    gazetteer = gazetteer_for(corpus)
    origins = OriginIndex()

    dataset = Dataset()
    for prefix, namespace in PREFIXES(mint).items():
        dataset.bind(prefix, namespace)
    _copy(ontology, dataset.graph(mint.graph("ontology")))
    _copy(shapes, dataset.graph(mint.graph("shapes")))
    reference_graph(corpus, mint, dataset.graph(mint.graph("reference")))
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

    claims_by_document: dict[str, list] = {}
    for claim in corpus.claims.values():
        claims_by_document.setdefault(claim.document, []).append(claim)
        origins.add(str(mint.claim(claim.id)), claim.origin)
    known_actors = set(corpus.actors)
    for document in corpus.documents.values():
        graph = dataset.graph(mint.graph("document", document.id))
        add_document(graph, document, mint)
        origins.add(str(mint.document(document.id)), document.origin)
        origins.add(str(mint.text(document.id)), Origin(document.path, 1))
        add_text_layer(
            graph,
            document,
            analyse(document.text, document.language, gazetteer),
            mint,
            known_actors,
            vocabulary.concepts["rate"],
        )
        for claim in claims_by_document.get(document.id, []):
            add_claim(graph, claim, document, corpus, mint, labels)

    release_id = release_identity(home, mint.base)
    generated = release_time(corpus)
    add_provenance(dataset.graph(mint.graph("release")), corpus, mint, release_id, generated, home)

    data = Graph()
    for graph in dataset.graphs():
        if graph.identifier != mint.graph("shapes"):
            data += graph
    validation = validate(data, shapes, origins)
    return Built(release_id, dataset, validation, corpus, generated, mint)


def _copy(source: Graph, target: Graph) -> None:
    for triple in source:
        target.add(triple)


def build_release(home: Path, base: str, out: Path) -> Path:
    """Build, validate and, only if the graph conforms, write and switch to the new release."""
    built = build_graph(home, base)
    if not built.validation.conforms:
        violations = [f for f in built.validation.findings if f.severity == "Violation"]
        lines = "\n".join(f"  {finding}" for finding in violations[:50])
        more = f"\n  ... and {len(violations) - 50} more" if len(violations) > 50 else ""
        raise ValidationFailed(
            f"the graph does not conform to shapes/: {len(violations)} violation(s); "
            f"the previous release is unchanged\n{lines}{more}"
        )
    files = serialize_release(built.dataset, built.minter)
    report = skolemised_report(
        built.validation, str(built.minter.release(built.release_id)) + "/validation"
    )
    files["validation.ttl"] = report.serialize(format="turtle").encode()
    counts = {str(g.identifier): len(g) for g in built.dataset.graphs() if len(g)}
    void = void_description(
        built.minter,
        built.release_id,
        built.generated,
        counts,
        sorted(files) + [f"{n}.gz" for n in files if n.startswith("dataset.")],
    )
    files["void.ttl"] = void.serialize(format="turtle").encode()
    files["release.json"] = (
        json.dumps(
            {
                "release": str(built.minter.release(built.release_id)),
                "id": built.release_id,
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
    return write_release(out, built.release_id, files)

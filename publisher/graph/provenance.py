"""PROV-O for the release (which inputs, which software, when): the release graph."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD

from publisher import __version__
from publisher.corpus.inputs import input_files
from publisher.corpus.model import Corpus
from publisher.rdf.iris import Minter


def _timestamp(moment: datetime) -> Literal:
    return Literal(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime)


def add_provenance(
    graph: Graph, corpus: Corpus, mint: Minter, release_id: str, generated: datetime, home: Path
) -> None:
    sup = mint.term
    release, build, software = (
        mint.release(release_id),
        mint.build(release_id),
        mint.software(__version__),
    )
    graph.add((release, RDF.type, sup("Release")))
    graph.add((release, RDF.type, PROV.Entity))
    graph.add((release, RDFS.label, Literal(f"Release {release_id}", lang="en")))
    graph.add((release, RDFS.label, Literal(f"الإصدار {release_id}", lang="ar")))
    graph.add((release, DCTERMS.isVersionOf, mint.dataset()))
    graph.add((release, PROV.wasGeneratedBy, build))
    graph.add((release, PROV.generatedAtTime, _timestamp(generated)))
    graph.add((build, RDF.type, sup("Build")))
    graph.add((build, RDF.type, PROV.Activity))
    graph.add((build, RDFS.label, Literal(f"Build of release {release_id}", lang="en")))
    graph.add((build, RDFS.label, Literal(f"بناء الإصدار {release_id}", lang="ar")))
    graph.add((build, PROV.wasAssociatedWith, software))
    # Start and end come from the inputs (SOURCE_DATE_EPOCH or the documents' dates), not
    # the clock, so that the same input gives a byte-identical release.
    graph.add((build, PROV.startedAtTime, _timestamp(generated)))
    graph.add((build, PROV.endedAtTime, _timestamp(generated)))
    graph.add((build, PROV.generated, release))
    graph.add((software, RDF.type, PROV.SoftwareAgent))
    graph.add((software, RDFS.label, Literal(f"publisher {__version__}", lang="en")))
    graph.add((software, RDFS.label, Literal(f"الناشر {__version__}", lang="ar")))
    graph.add((software, sup("softwareVersion"), Literal(__version__)))
    graph.add((build, PROV.used, mint.term("ontology")))
    for document in corpus.documents.values():
        node = mint.document(document.id)
        graph.add((build, PROV.used, node))
        graph.add((release, PROV.wasDerivedFrom, node))
    for path in input_files(home):
        relative = path.relative_to(home).as_posix()
        if relative.startswith("data/documents/"):
            continue  # documents are entities of their own, above
        node = mint.input_file(relative)
        graph.add((build, PROV.used, node))
        graph.add((node, RDF.type, PROV.Entity))
        graph.add((node, RDFS.label, Literal(relative)))
        graph.add((node, sup("sha256"), Literal(hashlib.sha256(path.read_bytes()).hexdigest())))

"""PROV-O for the release (which inputs, which software, when) and its VoID description."""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, RDFS, VOID, XSD

from publisher import __version__
from publisher.corpus.model import Corpus
from publisher.iris import Minter
from publisher.sources import input_files

LICENSE = URIRef("https://creativecommons.org/licenses/by-sa/4.0/")
MEDIA_TYPES = {
    "dataset.nq": "application/n-quads",
    "dataset.trig": "application/trig",
    "dataset.ttl": "text/turtle",
    "dataset.jsonld": "application/ld+json",
}


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


def void_description(
    mint: Minter, release_id: str, generated: datetime, counts: dict[str, int], files: list[str]
) -> Graph:
    """VoID and DCAT for the dataset: counts, dumps, endpoint, licence, subsets per graph."""
    graph = Graph()
    graph.bind("void", VOID)
    graph.bind("dcat", DCAT)
    graph.bind("dcterms", DCTERMS)
    graph.bind("prov", PROV)
    dataset = mint.dataset()
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add(
        (
            dataset,
            DCTERMS.title,
            Literal("State support for armed groups: claims with evidence", lang="en"),
        )
    )
    graph.add(
        (
            dataset,
            DCTERMS.title,
            Literal("دعم الدول للجماعات المسلحة: ادعاءات مع أدلتها", lang="ar"),
        )
    )
    graph.add(
        (
            dataset,
            DCTERMS.description,
            Literal(
                "Claims from Arabic and English documents about state support for armed groups, each "
                "anchored to the exact words of its source and attributed to who said them.",
                lang="en",
            ),
        )
    )
    graph.add((dataset, DCTERMS.license, LICENSE))
    graph.add((dataset, DCTERMS.modified, _timestamp(generated)))
    graph.add((dataset, VOID.triples, Literal(sum(counts.values()), datatype=XSD.integer)))
    graph.add((dataset, VOID.uriSpace, Literal(mint.base)))
    graph.add((dataset, VOID.sparqlEndpoint, mint.sparql_endpoint()))
    graph.add((dataset, VOID.exampleResource, mint.actor("iran")))
    graph.add((dataset, PROV.wasGeneratedBy, mint.build(release_id)))
    graph.add((dataset, DCTERMS.hasVersion, mint.release(release_id)))
    for vocabulary in (
        "http://www.w3.org/ns/prov#",
        "http://www.w3.org/ns/oa#",
        "http://www.w3.org/2006/time#",
        "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
        "http://schema.org/",
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/ns/org#",
        str(mint.term("ontology")),
    ):
        graph.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    for name in files:
        if not name.startswith("dataset."):
            continue
        dump = mint.download(name)
        graph.add((dataset, VOID.dataDump, dump))
        graph.add((dataset, DCAT.distribution, dump))
        graph.add((dump, RDF.type, DCAT.Distribution))
        graph.add((dump, DCAT.downloadURL, dump))
        base_name = name[:-3] if name.endswith(".gz") else name
        graph.add(
            (dump, DCAT.mediaType, Literal(MEDIA_TYPES.get(base_name, "application/octet-stream")))
        )
        if name.endswith(".gz"):
            graph.add((dump, DCAT.compressFormat, Literal("application/gzip")))
    for graph_iri, count in sorted(counts.items()):
        subset = URIRef(graph_iri)
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
    return graph

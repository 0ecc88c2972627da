"""The release's VoID and DCAT description (void.ttl, also /.well-known/void): counts, dumps,
endpoint, licence, one subset per named graph."""

from __future__ import annotations

from datetime import datetime

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV, RDF, VOID, XSD

from publisher.rdf.iris import Minter
from publisher.rdf.namespaces import VOCABULARIES
from publisher.release import files
from publisher.release.quality import Quality, add_quality

LICENSE = URIRef("https://creativecommons.org/licenses/by-sa/4.0/")


def _timestamp(moment: datetime) -> Literal:
    return Literal(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), datatype=XSD.dateTime)


def void_description(
    mint: Minter,
    release_id: str,
    generated: datetime,
    counts: dict[str, int],
    quality: Quality | None = None,
) -> Graph:
    """VoID and DCAT for the dataset: counts, dumps, endpoint, licence, subsets per graph,
    and the data-quality measurements (DQV) of the release."""
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
        *(VOCABULARIES[name] for name in ("prov", "oa", "time", "nif", "schema", "skos", "org")),
        str(mint.term("ontology")),
    ):
        graph.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    for name in files.dump_names():
        dump = mint.download(name)
        graph.add((dataset, VOID.dataDump, dump))
        graph.add((dataset, DCAT.distribution, dump))
        graph.add((dump, RDF.type, DCAT.Distribution))
        graph.add((dump, DCAT.downloadURL, dump))
        graph.add((dump, DCAT.mediaType, Literal(files.content_type(name))))
        if name.endswith(".gz"):
            graph.add((dump, DCAT.compressFormat, Literal(files.GZIP)))
        if name.startswith(files.RDF12):
            graph.add((dump, DCTERMS.conformsTo, URIRef(files.RDF12_SPEC)))
    for graph_iri, count in sorted(counts.items()):
        subset = URIRef(graph_iri)
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
    if quality is not None:
        add_quality(graph, mint, release_id, quality)
    return graph

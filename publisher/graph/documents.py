"""A document's graph: its metadata, its text exactly as received (NIF), and the automatic
text layer (sentences, actor mentions, dates, amounts, boilerplate, citations)."""

from __future__ import annotations

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, XSD

from publisher.corpus.model import Document
from publisher.graph.terms import decimal_literal, non_negative
from publisher.rdf.iris import Minter
from publisher.rdf.namespaces import ITSRDF, NIF, SCHEMA
from publisher.rdf.terms import TripleSink
from publisher.textlayer import DateMention, TextLayer

_index = non_negative


def add_document(
    graph: TripleSink, document: Document, mint: Minter, publisher_known: bool = True
) -> None:
    sup = mint.term
    node, text = mint.document(document.id), mint.text(document.id)
    for cls in (sup("Document"), FOAF.Document, PROV.Entity):
        graph.add((node, RDF.type, cls))
    for lang, title in sorted(document.title.items()):
        if lang in document.title_missing:  # no stand-in under another language's tag
            graph.add((node, sup("labelMissing"), Literal(lang)))
            continue
        graph.add((node, DCTERMS.title, Literal(title, lang=lang)))
        graph.add((node, RDFS.label, Literal(title, lang=lang)))
    graph.add((node, DCTERMS.language, Literal(document.language, datatype=XSD.language)))
    graph.add((node, sup("documentKind"), mint.concept("document-kind", document.kind)))
    graph.add((node, sup("sha256"), Literal(document.sha256)))
    graph.add((node, sup("fileName"), Literal(document.file)))
    graph.add((node, sup("hasText"), text))
    if document.publisher:
        graph.add((node, DCTERMS.publisher, mint.actor(document.publisher)))
    if document.url:
        graph.add((node, DCTERMS.source, URIRef(document.url)))
    graph.add((text, RDF.type, NIF.Context))
    graph.add((text, NIF.isString, Literal(document.text)))
    graph.add((text, NIF.beginIndex, _index(0)))
    graph.add((text, NIF.endIndex, _index(len(document.text))))
    graph.add((text, sup("textOf"), node))
    graph.add((text, DCTERMS.language, Literal(document.language, datatype=XSD.language)))


def _span(
    graph: TripleSink, document: Document, mint: Minter, start: int, end: int, cls: URIRef
) -> URIRef:
    node = mint.span(document.id, start, end)
    graph.add((node, RDF.type, cls))
    graph.add((node, RDF.type, NIF.OffsetBasedString))
    graph.add((node, NIF.referenceContext, mint.text(document.id)))
    graph.add((node, NIF.beginIndex, _index(start)))
    graph.add((node, NIF.endIndex, _index(end)))
    graph.add((node, NIF.anchorOf, Literal(document.text[start:end])))
    return node


def add_text_layer(
    graph: TripleSink,
    document: Document,
    layer: TextLayer,
    mint: Minter,
    known_actors: set[str],
    rates: frozenset[str],
) -> None:
    """The automatic analysis as NIF strings; offsets index the published nif:isString."""
    sup = mint.term
    for item in layer.boilerplate:
        node = _span(graph, document, mint, item.start, item.end, sup("Boilerplate"))
        graph.add((node, sup("boilerplateKind"), mint.concept("boilerplate-kind", item.kind)))
    for sentence in layer.sentences:
        if sentence.in_boilerplate:
            continue  # a sentence is content; boilerplate lines are published as boilerplate
        node = _span(graph, document, mint, sentence.start, sentence.end, sup("Sentence"))
        graph.add((node, RDF.type, NIF.Sentence))
    for mention in layer.mentions:
        if mention.entity_id not in known_actors:
            continue  # places are matched too, but only actors are linked as mentions
        node = _span(graph, document, mint, mention.start, mention.end, sup("ActorMention"))
        graph.add((node, RDF.type, NIF.Phrase))
        graph.add((node, ITSRDF.taIdentRef, mint.actor(mention.entity_id)))
    for date in layer.dates:
        node = _span(graph, document, mint, date.start, date.end, sup("DateMention"))
        literal = date_literal(date)
        if literal is not None:
            graph.add((node, sup("dateValue"), literal))
        elif date.begin_year is not None:
            # An interval such as "the early 1990s": its first and last years.
            graph.add(
                (node, sup("beginYear"), Literal(f"{date.begin_year:04d}", datatype=XSD.gYear))
            )
            graph.add((node, sup("endYear"), Literal(f"{date.end_year:04d}", datatype=XSD.gYear)))
        if date.approximate:
            graph.add((node, sup("approximate"), Literal(True)))
    for amount in layer.amounts:
        node = _span(graph, document, mint, amount.start, amount.end, sup("AmountMention"))
        graph.add((node, SCHEMA.currency, Literal(amount.currency)))
        if amount.value is not None:
            graph.add((node, SCHEMA.value, decimal_literal(amount.value)))
        if amount.minimum is not None:
            graph.add((node, SCHEMA.minValue, decimal_literal(amount.minimum)))
        if amount.maximum is not None:
            graph.add((node, SCHEMA.maxValue, decimal_literal(amount.maximum)))
        if amount.rate in rates:
            graph.add((node, sup("rate"), mint.concept("rate", amount.rate)))
    doc = mint.document(document.id)
    numbers = {citation.number for citation in layer.citations}
    for citation in layer.citations:
        node = mint.citation(document.id, citation.number)
        graph.add((doc, sup("cites"), node))
        graph.add((node, RDF.type, sup("Citation")))
        graph.add((node, sup("citationNumber"), Literal(citation.number, datatype=XSD.integer)))
        graph.add((node, sup("entryInText"), Literal(True)))
        graph.add((node, DCTERMS.bibliographicCitation, Literal(citation.text)))
        graph.add((node, sup("span"), mint.span(document.id, citation.start, citation.end)))
        _span(graph, document, mint, citation.start, citation.end, sup("CitationEntry"))
        label = f"[{citation.number}] {citation.title}" if citation.title else citation.text
        graph.add((node, RDFS.label, Literal(label)))
        if citation.title:
            graph.add((node, DCTERMS.title, Literal(citation.title)))
        if citation.publisher:
            graph.add((node, DCTERMS.publisher, Literal(citation.publisher)))
        if citation.date:
            graph.add((node, DCTERMS.date, Literal(citation.date)))
        if citation.url:
            graph.add((node, SCHEMA.url, URIRef(citation.url)))
    # A marker whose number the text has no entry for (the reference list was not received,
    # or lacks it) still names a reference of the document: a citation with its number only.
    unlisted = sorted({n for m in layer.citation_markers for n in m.numbers} - numbers)
    for number in unlisted:
        node = mint.citation(document.id, number)
        graph.add((doc, sup("cites"), node))
        graph.add((node, RDF.type, sup("Citation")))
        graph.add((node, sup("citationNumber"), Literal(number, datatype=XSD.integer)))
        graph.add((node, sup("entryInText"), Literal(False)))
        graph.add((node, RDFS.label, Literal(f"[{number}]")))
        graph.add(
            (
                node,
                RDFS.comment,
                Literal(
                    f"Reference {number} of the document: its marker is in the text, its "
                    "entry is not (the reference list was not received with it).",
                    lang="en",
                ),
            )
        )
    for marker in layer.citation_markers:
        node = _span(graph, document, mint, marker.start, marker.end, sup("CitationMarker"))
        for number in marker.numbers:
            graph.add((node, sup("refersTo"), mint.citation(document.id, number)))


def date_literal(item: DateMention) -> Literal | None:
    """A typed literal for a date mention, its datatype carrying the precision."""
    datatype = {"year": XSD.gYear, "year-month": XSD.gYearMonth, "date": XSD.date}.get(
        item.precision
    )
    return Literal(item.value, datatype=datatype) if datatype else None

"""A claim as RDF: the statement node, its evidence (Web Annotation selectors on the document
text), amount, time and the qualified attribution chain (PROV-O)."""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS

from publisher.corpus.model import Claim, Corpus, Document, Quantity
from publisher.graph.terms import boolean, decimal_literal, instant_literal, integer, non_negative
from publisher.graph.timing import add_time
from publisher.rdf.iris import Minter
from publisher.rdf.namespaces import CITO, OA, ORG, SCHEMA
from publisher.rdf.terms import TripleSink

CONTEXT = 32  # code points of prefix/suffix kept with a quote, enough to re-anchor it


def claim_label(
    claim: Claim, corpus: Corpus, relation_labels: dict[str, dict[str, str]], lang: str
) -> str:
    """The claim in words, generated from its parts (never stored prose)."""

    def name(ident: str) -> str:
        thing = corpus.actors.get(ident) or corpus.events[ident]  # checked when loaded
        label: str = getattr(thing.names, lang)
        return label

    relation = relation_labels.get(claim.relation, {}).get(lang, claim.relation)
    if claim.position is not None:  # a membership: the position held says it best
        relation = getattr(corpus.positions[claim.position].names, lang)
    negation = {"en": "not ", "ar": "لا "}[lang] if claim.polarity == "denied" else ""
    separator = " — "
    return f"{name(claim.subject)}{separator}{negation}{relation}{separator}{name(claim.object)}"


def add_claim(
    graph: TripleSink,
    claim: Claim,
    document: Document,
    corpus: Corpus,
    mint: Minter,
    relation_labels: dict[str, dict[str, str]],
    citations: Sequence[int] = (),
) -> None:
    """The claim node and its parts; `citations` are the numbers of the references of the
    document's reference list its evidence rests on (graph/citing.py)."""
    sup = mint.term
    node = mint.claim(claim.id)
    graph.add((node, RDF.type, sup("Claim")))
    graph.add((node, RDF.type, PROV.Entity))
    for lang in ("en", "ar"):
        graph.add(
            (
                node,
                RDFS.label,
                Literal(claim_label(claim, corpus, relation_labels, lang), lang=lang),
            )
        )
    graph.add((node, sup("subject"), mint.actor(claim.subject)))
    graph.add((node, sup("relation"), mint.relation(claim.relation)))
    target = mint.actor(claim.object) if claim.object in corpus.actors else mint.event(claim.object)
    graph.add((node, sup("object"), target))
    for beneficiary in claim.beneficiaries:
        graph.add((node, sup("beneficiaryIncludes"), mint.actor(beneficiary)))
    graph.add((node, sup("statedIn"), mint.document(document.id)))
    graph.add((node, sup("hedged"), boolean(claim.hedged)))
    graph.add((node, sup("polarity"), mint.concept("polarity", claim.polarity)))
    if claim.proposition:
        graph.add((node, sup("proposition"), mint.proposition(claim.proposition)))
    if claim.event:
        graph.add((node, sup("aboutEvent"), mint.event(claim.event)))
    for predicate, place in (
        ("place", claim.place),
        ("origin", claim.origin_place),
        *(("via", step) for step in claim.route),
        ("destination", claim.destination),
    ):
        if place:
            graph.add((node, sup(predicate), _place(place, corpus, mint)))
    for number, quantity in enumerate(claim.quantities, start=1):
        _add_quantity(graph, node, claim, number, quantity, document.language, mint)
    if claim.first_since is not None:
        graph.add((node, sup("firstSince"), instant_literal(claim.first_since)))
    if claim.first_ever:
        graph.add((node, sup("firstEver"), boolean(True)))
    if claim.drafting is not None and claim.drafting.drafter:
        graph.add((node, sup("drafter"), Literal(claim.drafting.drafter)))
    if claim.note:
        graph.add((node, RDFS.comment, Literal(claim.note, lang="en")))
    _add_evidence(graph, node, claim, document, mint)
    for number in citations:
        graph.add((node, CITO.citesAsEvidence, mint.citation(document.id, number)))
    if claim.amount is not None:
        _add_amount(graph, node, claim, mint)
    if claim.time is not None:
        time = mint.claim_part(claim.id, "time")
        graph.add((node, sup("time"), time))
        add_time(graph, time, claim.time, sup("approximate"))
    if claim.position is not None:
        _add_membership(graph, node, claim, document, mint)
    _add_attributions(graph, node, claim, mint)


def _add_membership(
    graph: TripleSink, node: URIRef, claim: Claim, document: Document, mint: Minter
) -> None:
    """A membership claim is also the org:Membership it states: who, where, which position,
    when, and the document that says so (one per statement; W3C ORG's qualified form)."""
    assert claim.position is not None
    graph.add((node, RDF.type, ORG.Membership))
    graph.add((node, ORG.member, mint.actor(claim.subject)))
    graph.add((node, ORG.organization, mint.actor(claim.object)))
    graph.add((node, ORG.role, mint.position(claim.position)))
    graph.add((node, DCTERMS.source, mint.document(document.id)))
    if claim.time is not None:
        graph.add((node, ORG.memberDuring, mint.claim_part(claim.id, "time")))


def _add_evidence(
    graph: TripleSink, node: URIRef, claim: Claim, document: Document, mint: Minter
) -> None:
    evidence = mint.claim_part(claim.id, "evidence")
    position = mint.claim_part(claim.id, "evidence", "position")
    quote = mint.claim_part(claim.id, "evidence", "quote")
    text = document.text
    graph.add((node, PROV.wasDerivedFrom, evidence))
    graph.add((evidence, RDF.type, OA.SpecificResource))
    graph.add((evidence, OA.hasSource, mint.text(document.id)))
    graph.add((evidence, OA.hasSelector, position))
    graph.add((evidence, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, non_negative(claim.start)))
    graph.add((position, OA.end, non_negative(claim.end)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(claim.quote, lang=document.language)))
    prefix = text[max(0, claim.start - CONTEXT) : claim.start]
    suffix = text[claim.end : claim.end + CONTEXT]
    if prefix:
        graph.add((quote, OA.prefix, Literal(prefix, lang=document.language)))
    if suffix:
        graph.add((quote, OA.suffix, Literal(suffix, lang=document.language)))


def _add_amount(graph: TripleSink, node: URIRef, claim: Claim, mint: Minter) -> None:
    sup = mint.term
    amount = claim.amount
    assert amount is not None
    iri = mint.claim_part(claim.id, "amount")
    graph.add((node, sup("amount"), iri))
    graph.add((iri, RDF.type, SCHEMA.MonetaryAmount))
    graph.add((iri, SCHEMA.currency, Literal(amount.currency)))
    if amount.value is not None:
        graph.add((iri, SCHEMA.value, decimal_literal(amount.value)))
    if amount.minimum is not None:
        graph.add((iri, SCHEMA.minValue, decimal_literal(amount.minimum)))
    if amount.maximum is not None:
        graph.add((iri, SCHEMA.maxValue, decimal_literal(amount.maximum)))
    if amount.rate:
        graph.add((iri, sup("rate"), mint.concept("rate", amount.rate)))
    graph.add((iri, sup("approximate"), boolean(amount.approximate)))


def _place(ident: str, corpus: Corpus, mint: Minter) -> URIRef:
    """A place of the reference data, or a state as the country where it happened."""
    return mint.place(ident) if ident in corpus.places else mint.actor(ident)


def _add_quantity(
    graph: TripleSink,
    node: URIRef,
    claim: Claim,
    number: int,
    quantity: Quantity,
    language: str,
    mint: Minter,
) -> None:
    """A count as a schema:QuantitativeValue: a value or a range, what is counted, whether
    the text gives it approximately, and its words when they are vague ("thousands")."""
    sup = mint.term
    iri = mint.claim_part(claim.id, "quantity", number)
    graph.add((node, sup("quantity"), iri))
    graph.add((iri, RDF.type, SCHEMA.QuantitativeValue))
    graph.add((iri, sup("quantityKind"), mint.concept("quantity-kind", quantity.kind)))
    if quantity.value is not None:
        graph.add((iri, SCHEMA.value, decimal_literal(quantity.value)))
    if quantity.minimum is not None:
        graph.add((iri, SCHEMA.minValue, decimal_literal(quantity.minimum)))
    if quantity.maximum is not None:
        graph.add((iri, SCHEMA.maxValue, decimal_literal(quantity.maximum)))
    graph.add((iri, sup("approximate"), boolean(quantity.approximate)))
    if quantity.label:
        graph.add((iri, RDFS.label, Literal(quantity.label, lang=language)))


def _add_attributions(graph: TripleSink, node: URIRef, claim: Claim, mint: Minter) -> None:
    sup = mint.term
    for attribution in claim.attributions:
        iri = mint.claim_part(claim.id, "attribution", attribution.position)
        agent = mint.actor(attribution.agent)
        graph.add((node, PROV.qualifiedAttribution, iri))
        graph.add((node, PROV.wasAttributedTo, agent))
        graph.add((iri, RDF.type, PROV.Attribution))
        graph.add((iri, PROV.agent, agent))
        graph.add((iri, PROV.hadRole, mint.concept("attribution-role", attribution.role)))
        graph.add((iri, sup("chainPosition"), integer(attribution.position)))
        if attribution.source:
            graph.add((iri, PROV.entity, mint.source(attribution.source)))
            graph.add((node, PROV.hadPrimarySource, mint.source(attribution.source)))

"""The direct view: for every affirmed claim, the plain triple (subject, relation, object), in
a named graph of its own (B graph/direct), for clients that know nothing of the claim model.

Like Wikidata's "truthy" statements: the relation type B def/relation/<id> (a SKOS concept)
has a property B def/direct/<id> (an owl:ObjectProperty, sup:relationType the concept), and
each affirmed claim gives the triple (its subject, that property, its object). A denied claim
gives none; many claims of one triple give it once. Hedged claims are affirmed and are in:
the claim node says how sure the document is, the direct triple only that it says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from publisher.corpus.model import Claim, Corpus
from publisher.rdf.iris import Minter


@dataclass(frozen=True, order=True)
class DirectStatement:
    """An affirmed claim as the triple it states, and the document graph the claim is in."""

    claim: str
    subject: str
    predicate: str
    object: str
    graph: str


def direct_statements(corpus: Corpus, mint: Minter) -> list[DirectStatement]:
    """The triple of every affirmed (published) claim, in claim order."""
    found = (claim_statement(claim, corpus, mint) for claim in corpus.claims.values())
    return sorted(statement for statement in found if statement is not None)


def claim_statement(claim: Claim, corpus: Corpus, mint: Minter) -> DirectStatement | None:
    """The triple an affirmed claim states; None for a claim that is not affirmed."""
    if claim.polarity != "affirmed":
        return None
    target = mint.actor(claim.object) if claim.object in corpus.actors else mint.event(claim.object)
    return DirectStatement(
        str(mint.claim(claim.id)),
        str(mint.actor(claim.subject)),
        str(mint.direct(claim.relation)),
        str(target),
        str(mint.graph("document", claim.document)),
    )


def direct_graph(
    statements: Sequence[DirectStatement],
    relation_labels: dict[str, dict[str, str]],
    mint: Minter,
) -> Graph:
    """The direct triples, each once, and the properties they use, declared."""
    graph = Graph()
    used = set()
    for statement in statements:
        graph.add(
            (URIRef(statement.subject), URIRef(statement.predicate), URIRef(statement.object))
        )
        used.add(statement.predicate.rsplit("/", 1)[-1])
    for relation in sorted(used):
        prop = mint.direct(relation)
        graph.add((prop, RDF.type, OWL.ObjectProperty))
        graph.add((prop, mint.term("relationType"), mint.relation(relation)))
        for lang, label in sorted(relation_labels.get(relation, {}).items()):
            graph.add((prop, RDFS.label, Literal(label, lang=lang)))
        graph.add(
            (
                prop,
                RDFS.comment,
                Literal(
                    "The direct form of the relation type: (subject, this property, object) "
                    "for every affirmed claim of that type, in the direct graph.",
                    lang="en",
                ),
            )
        )
    return graph

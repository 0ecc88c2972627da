"""The reference graph: actors, places, positions, memberships, events, cited sources,
propositions and conflicts."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS

from publisher.corpus.model import Corpus
from publisher.graph.terms import add_names, instant_literal
from publisher.graph.timing import add_time
from publisher.rdf.iris import Minter
from publisher.rdf.namespaces import ORG, SCHEMA, WD

ACTOR_CLASSES = {
    "state": ("State",),
    "government-body": ("GovernmentBody",),
    "organisation": ("Organisation",),
    "armed-wing": ("ArmedWing",),
    "unit": ("MilitaryUnit",),
    "collective": ("Collective",),
    "media": ("MediaOrganisation",),
    "person": (),
}
EVENT_CLASSES = {
    "meeting": "Meeting",
    "visit": "Visit",
    "conference": "Conference",
    "attack": "Attack",
    "election": "Election",
    "war": "War",
    "press-conference": "Meeting",
}


def reference_graph(corpus: Corpus, mint: Minter, graph: Graph) -> None:
    sup = mint.term
    for actor in corpus.actors.values():
        node = mint.actor(actor.id)
        graph.add((node, RDF.type, sup("Actor")))
        graph.add((node, RDF.type, PROV.Agent))
        for name in ACTOR_CLASSES[actor.type]:
            graph.add((node, RDF.type, sup(name)))
        if actor.type == "person":
            graph.add((node, RDF.type, FOAF.Person))
            graph.add((node, RDF.type, PROV.Person))
            if not actor.anonymous:
                graph.add((node, FOAF.name, Literal(actor.names.en, lang="en")))
                graph.add((node, FOAF.name, Literal(actor.names.ar, lang="ar")))
        else:
            graph.add((node, RDF.type, PROV.Organization))
        add_names(
            graph, node, actor.names, RDFS.label, SKOS.altLabel, missing_flag=sup("labelMissing")
        )
        if actor.anonymous:
            graph.add((node, sup("anonymous"), Literal(True)))
        if actor.wikidata:
            graph.add((node, OWL.sameAs, WD[actor.wikidata]))
        if actor.part_of:
            graph.add((node, ORG.subOrganizationOf, mint.actor(actor.part_of)))
        if actor.armed_wing_of:
            graph.add((node, sup("armedWingOf"), mint.actor(actor.armed_wing_of)))
            graph.add((node, ORG.unitOf, mint.actor(actor.armed_wing_of)))
        if actor.unit_of:
            graph.add((node, sup("unitOf"), mint.actor(actor.unit_of)))
            graph.add((node, ORG.unitOf, mint.actor(actor.unit_of)))
        if actor.government_of:
            graph.add((node, sup("governmentOf"), mint.actor(actor.government_of)))

    for place in corpus.places.values():
        node = mint.place(place.id)
        graph.add((node, RDF.type, sup("Place")))
        graph.add((node, RDF.type, SCHEMA.Place))
        add_names(
            graph, node, place.names, RDFS.label, SKOS.altLabel, missing_flag=sup("labelMissing")
        )
        if place.located_in:
            graph.add((node, SCHEMA.containedInPlace, mint.actor(place.located_in)))

    for position in corpus.positions.values():
        node = mint.position(position.id)
        graph.add((node, RDF.type, ORG.Role))
        add_names(graph, node, position.names, RDFS.label, missing_flag=sup("labelMissing"))
        for lang, text in position.definition.items():
            graph.add((node, SKOS.definition, Literal(text, lang=lang)))

    for membership in corpus.memberships:
        node = mint.membership(membership.person, membership.position, membership.organisation)
        person, organisation = mint.actor(membership.person), mint.actor(membership.organisation)
        graph.add((node, RDF.type, ORG.Membership))
        graph.add((node, ORG.member, person))
        graph.add((node, ORG.organization, organisation))
        graph.add((node, ORG.role, mint.position(membership.position)))
        graph.add((node, DCTERMS.source, mint.document(membership.source)))
        graph.add(
            (
                node,
                sup("evidenceText"),
                Literal(membership.quote, lang=corpus.documents[membership.source].language),
            )
        )
        graph.add((person, ORG.memberOf, organisation))
        position = corpus.positions[membership.position]
        for lang in ("en", "ar"):
            person_name = getattr(corpus.actors[membership.person].names, lang)
            org_name = getattr(corpus.actors[membership.organisation].names, lang)
            role = getattr(position.names, lang)
            label = (
                f"{person_name}: {role}, {org_name}"
                if lang == "en"
                else f"{person_name}: {role}، {org_name}"
            )
            graph.add((node, RDFS.label, Literal(label, lang=lang)))
        if membership.during is not None:
            time = URIRef(f"{node}/time")
            graph.add((node, ORG.memberDuring, time))
            add_time(graph, time, membership.during, sup("approximate"))

    for event in corpus.events.values():
        node = mint.event(event.id)
        graph.add((node, RDF.type, sup("Event")))
        graph.add((node, RDF.type, sup(EVENT_CLASSES[event.type])))
        add_names(graph, node, event.names, RDFS.label, missing_flag=sup("labelMissing"))
        if event.time is not None:
            time = URIRef(f"{node}/time")
            graph.add((node, sup("time"), time))
            add_time(graph, time, event.time, sup("approximate"))
        if event.place:
            graph.add((node, sup("place"), mint.place(event.place)))
        for participant in event.participants:
            graph.add((node, sup("participant"), mint.actor(participant)))

    for source in corpus.sources.values():
        node = mint.source(source.id)
        graph.add((node, RDF.type, sup("CitedSource")))
        graph.add((node, RDF.type, PROV.Entity))
        add_names(graph, node, source.names, RDFS.label, missing_flag=sup("labelMissing"))
        if source.author:
            graph.add((node, PROV.wasAttributedTo, mint.actor(source.author)))
            graph.add((node, DCTERMS.creator, mint.actor(source.author)))
        if source.date:
            graph.add((node, DCTERMS.date, instant_literal(source.date)))

    for proposition in corpus.propositions.values():
        node = mint.proposition(proposition.id)
        graph.add((node, RDF.type, sup("Proposition")))
        add_names(graph, node, proposition.names, RDFS.label, missing_flag=sup("labelMissing"))

    for conflict in corpus.conflicts.values():
        node = mint.conflict(conflict.id)
        graph.add((node, RDF.type, sup("Conflict")))
        graph.add((node, sup("conflictAspect"), Literal(conflict.aspect)))
        graph.add(
            (node, RDFS.label, Literal(f"Conflict: {conflict.id.replace('-', ' ')}", lang="en"))
        )
        graph.add((node, RDFS.label, Literal(f"تعارض: {conflict.id.replace('-', ' ')}", lang="ar")))
        if conflict.note:
            graph.add((node, RDFS.comment, Literal(conflict.note, lang="en")))
        if conflict.derived:
            graph.add((node, sup("derived"), Literal(True)))
        for number, side in enumerate(conflict.sides, start=1):
            side_node = URIRef(f"{node}/side/{number}")
            graph.add((node, sup("hasSide"), side_node))
            graph.add((side_node, RDF.type, sup("ConflictSide")))
            graph.add((side_node, RDFS.label, Literal(f"side {number}", lang="en")))
            graph.add((side_node, RDFS.label, Literal(f"الطرف {number}", lang="ar")))
            for claim_id in side:
                graph.add((node, sup("conflictingClaim"), mint.claim(claim_id)))
                graph.add((side_node, sup("sideClaim"), mint.claim(claim_id)))
        for a, b in conflict.opposed_pairs():
            graph.add((mint.claim(a), sup("conflictsWith"), mint.claim(b)))
